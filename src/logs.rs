//! Audit logs into a snapshot: the files of an offline estate, folders given with `--logs`, and (live)
//! the providers' log APIs. The events a detection can use and one window per target go into the
//! snapshot; every window is also a coverage record.

use std::path::{Path, PathBuf};

use fnscope_providers::logs::read::{log_files, read_files_with};
use fnscope_providers::progress::Progress;
use fnscope_snapshot::{Coverage, CoverageStatus, LogWindow, Snapshot};

use crate::CliError;

/// The log files of an offline estate — of the providers in `wanted`, or all when it is empty:
/// `<provider>/<target>/logs/**`, and the audit exports the posture importers also read
/// (`azure/<sub>/activity-log.json`, `power-automate/<env>/flow-activity.json`).
pub fn estate_files(
    dir: &Path,
    wanted: &[fnscope_snapshot::Provider],
) -> Result<Vec<PathBuf>, CliError> {
    let mut out = Vec::new();
    for provider in fnscope_providers::files::read_dir_sorted(dir)? {
        if !provider.is_dir() {
            continue;
        }
        // A scan of some providers reads only their logs (`--logs` files are read whatever they are).
        let name = fnscope_providers::files::file_name(&provider);
        if !wanted.is_empty()
            && fnscope_snapshot::Provider::parse(&name).is_none_or(|p| !wanted.contains(&p))
        {
            continue;
        }
        for target in fnscope_providers::files::read_dir_sorted(&provider)? {
            if !target.is_dir() {
                continue;
            }
            let logs = target.join("logs");
            if fnscope_providers::files::exists_plain(&logs)? && logs.is_dir() {
                out.extend(log_files(&logs)?);
            }
            for name in ["activity-log.json", "flow-activity.json"] {
                let f = target.join(name);
                if fnscope_providers::files::exists_plain(&f)? {
                    out.push(f);
                }
            }
        }
    }
    Ok(out)
}

/// Every log file under the folders given with `--logs` (a file may be given directly).
pub fn given_files(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut out = Vec::new();
    for d in dirs {
        if d.is_file() {
            out.push(d.clone());
        } else if d.is_dir() {
            out.extend(log_files(d)?);
        } else {
            return Err(CliError::Input(format!(
                "--logs `{}` does not exist",
                d.display()
            )));
        }
    }
    Ok(out)
}

/// Reads `files` and adds what the detections need to the snapshot.
pub fn add_files(
    snapshot: &mut Snapshot,
    files: &[PathBuf],
    progress: &dyn Progress,
) -> Result<(), CliError> {
    if files.is_empty() {
        return Ok(());
    }
    let set = read_files_with(files, progress)?;
    // Logs none of which is of a known log are the wrong input: an error naming them.
    if !set.unrecognised.is_empty() && set.unrecognised.len() == files.len() {
        return Err(CliError::Input(format!(
            "`{}` holds no record of a known audit log (CloudTrail, CloudWatch Logs, Cloud Audit Logs, Azure Activity Log, Purview, Workspace Reports){}",
            set.unrecognised[0].display(),
            if set.unrecognised.len() > 1 {
                format!(" (and {} more files)", set.unrecognised.len() - 1)
            } else {
                String::new()
            }
        )));
    }
    // Among logs that are read, a file of no known log, or one that could not be read whole, is a
    // coverage record naming it; everything else is read and evaluated.
    for f in &set.unrecognised {
        let (provider, target) = owner(snapshot, &f.to_string_lossy(), &[]);
        snapshot.coverage.push(Coverage {
            provider,
            target,
            region: None,
            api: "logs:file".into(),
            status: CoverageStatus::Failed,
            detail: format!(
                "`{}` holds no record of a known audit log (CloudTrail, CloudWatch Logs, Cloud Audit Logs, Azure Activity Log, Purview, Workspace Reports): not read",
                f.display()
            ),
        });
    }
    for f in &set.failed {
        let (provider, target) = owner(snapshot, &f.path.to_string_lossy(), &f.targets);
        let (status, detail) = if f.broken {
            (
                CoverageStatus::Failed,
                format!(
                    "`{}` could not be read to its end; the {} records before the break are used: {}",
                    f.path.display(),
                    f.records,
                    f.message
                ),
            )
        } else {
            (
                CoverageStatus::Partial,
                format!(
                    "{} of {} records in `{}` could not be read and the rest were; first: {}",
                    f.bad_records,
                    f.records,
                    f.path.display(),
                    f.message
                ),
            )
        };
        snapshot.coverage.push(Coverage {
            provider,
            target,
            region: None,
            api: "logs:file".into(),
            status,
            detail,
        });
    }
    tracing::info!(
        files = set.files,
        kept = set.events.len(),
        failed = set.failed.len(),
        "audit logs read"
    );
    snapshot.events.extend(set.events);
    snapshot.log_windows.extend(set.windows);
    snapshot.normalize();
    Ok(())
}

/// Whose log a file is: the provider and target its readable records named, else the folder it is in
/// (`<provider>/<target>/logs/…`), else the one provider scanned.
fn owner(
    snapshot: &Snapshot,
    path: &str,
    targets: &[(fnscope_snapshot::Provider, String)],
) -> (fnscope_snapshot::Provider, String) {
    if let Some((p, t)) = targets.first() {
        return (*p, t.clone());
    }
    let provider = std::path::Path::new(path)
        .components()
        .find_map(|c| fnscope_snapshot::Provider::parse(&c.as_os_str().to_string_lossy()))
        .or_else(|| snapshot.targets.first().map(|t| t.provider))
        .unwrap_or(fnscope_snapshot::Provider::Aws);
    let target = snapshot
        .targets
        .iter()
        .find(|t| t.provider == provider && path.contains(&t.id))
        .map(|t| t.id.clone())
        .unwrap_or_else(|| "logs".into());
    (provider, target)
}

/// One coverage record per log window (files or API), so the report says what the detections saw.
pub fn window_coverage(snapshot: &mut Snapshot) {
    let records: Vec<Coverage> = snapshot.log_windows.iter().map(coverage).collect();
    for c in records {
        if !snapshot.coverage.contains(&c) {
            snapshot.coverage.push(c);
        }
    }
}

fn coverage(w: &LogWindow) -> Coverage {
    Coverage {
        provider: w.provider,
        target: w.target.clone(),
        region: None,
        api: format!("logs:{}", w.log),
        status: CoverageStatus::Complete,
        detail: format!(
            "{} events from {} to {} ({} failed calls ignored, {} kept for the detections) from {}",
            w.read,
            w.from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            w.to.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            w.failed,
            w.kept,
            w.source
        ),
    }
}
