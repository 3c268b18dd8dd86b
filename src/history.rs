//! A folder of timestamped, compressed snapshots: `scan --save-dir DIR` adds to it (and prunes on
//! request), `diff --history DIR --since last|DATE` picks from it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::CliError;

const PREFIX: &str = "fnscope-";
const SUFFIX: &str = ".json.gz";
/// Whole seconds: the names of histories written before names carried microseconds.
const STAMP_SECONDS: &str = "%Y%m%dT%H%M%SZ";
/// Microseconds, then `-` and a few hex digits unique to the writer: two runs saving into one folder
/// at once never pick the same name.
const STAMP: &str = "%Y%m%dT%H%M%S%.6fZ";

/// One snapshot of a history folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub taken_at: DateTime<Utc>,
    pub path: PathBuf,
}

/// The file name a snapshot taken at `t` gets: `fnscope-<UTC time to the microsecond>-<writer>.json.gz`.
pub fn file_name(t: DateTime<Utc>) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let writer = (u64::from(std::process::id()) << 32 | u64::from(nanos)) % 0xff_ffff;
    format!("{PREFIX}{}-{writer:06x}{SUFFIX}", t.format(STAMP))
}

fn parse_name(name: &str) -> Option<DateTime<Utc>> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let parsed = match stamp.rsplit_once('-') {
        Some((time, writer)) if writer.bytes().all(|b| b.is_ascii_hexdigit()) => {
            NaiveDateTime::parse_from_str(time, STAMP).ok()
        }
        _ => NaiveDateTime::parse_from_str(stamp, STAMP_SECONDS).ok(),
    };
    parsed.map(|n| Utc.from_utc_datetime(&n))
}

/// The snapshots of `dir`, oldest first. Other files are ignored.
pub fn list(dir: &Path) -> Result<Vec<Entry>, CliError> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        CliError::Input(format!(
            "cannot read history folder `{}`: {e}",
            dir.display()
        ))
    })?;
    let mut out = Vec::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(t) = parse_name(&name) {
            out.push(Entry {
                taken_at: t,
                path: e.path(),
            });
        }
    }
    out.sort();
    Ok(out)
}

/// Where a new snapshot taken at `t` goes (the folder is created if needed).
pub fn path_for(dir: &Path, t: DateTime<Utc>) -> Result<PathBuf, CliError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::Input(format!(
            "cannot create history folder `{}`: {e}",
            dir.display()
        ))
    })?;
    Ok(dir.join(file_name(t)))
}

/// The name of the lock file in a history folder.
pub const LOCK_FILE: &str = ".fnscope.lock";

/// Takes the folder's advisory lock (waiting for another fnscope that holds it): saves and prunes of
/// one history folder run one after the other, never interleaved. Released when the file is dropped.
pub fn lock(dir: &Path) -> Result<std::fs::File, CliError> {
    let path = dir.join(LOCK_FILE);
    let err = |e: std::io::Error| {
        CliError::Input(format!(
            "cannot lock history folder `{}` (through `{}`): {e}",
            dir.display(),
            path.display()
        ))
    };
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(err)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            tracing::info!(path = %path.display(), "waiting for another fnscope saving into this history folder");
            file.lock().map_err(err)?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(err(e)),
    }
    Ok(file)
}

/// Keeps `current` and the newest `keep - 1` others, and deletes those older than `keep_days` (never
/// `current`).
pub fn prune(
    dir: &Path,
    keep: Option<usize>,
    keep_days: Option<i64>,
    current: &Path,
    now: DateTime<Utc>,
) -> Result<Vec<PathBuf>, CliError> {
    let entries = list(dir)?;
    let mut doomed = Vec::new();
    if let Some(k) = keep {
        // The snapshot just saved is always one of the N kept (a run that started before others
        // may save after them), with the newest N-1 others.
        let others: Vec<&Entry> = entries.iter().filter(|e| e.path != current).collect();
        let excess = others.len().saturating_sub(k.max(1) - 1);
        doomed.extend(others.into_iter().take(excess).cloned());
    }
    if let Some(d) = keep_days {
        let cutoff = now - chrono::Duration::days(d);
        doomed.extend(entries.iter().filter(|e| e.taken_at < cutoff).cloned());
    }
    doomed.sort();
    doomed.dedup();
    let mut removed = Vec::new();
    for e in doomed {
        if e.path == current {
            continue;
        }
        // After an interrupt, nothing more is deleted.
        let gone = match fnscope_snapshot::remove_unless_stopped(&e.path) {
            Ok(gone) => gone,
            // Already gone (removed by hand meanwhile): nothing to do.
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
            Err(err) => {
                return Err(CliError::Input(format!(
                    "cannot prune `{}`: {err}",
                    e.path.display()
                )));
            }
        };
        if !gone {
            break;
        }
        removed.push(e.path);
    }
    Ok(removed)
}

/// `--since last`: the two newest snapshots; `--since DATE`: the newest taken at or before DATE (a
/// day means its end) and the newest overall.
pub fn pick(dir: &Path, since: &str) -> Result<(PathBuf, PathBuf), CliError> {
    let entries = list(dir)?;
    let Some(newest) = entries.last() else {
        return Err(CliError::Input(format!(
            "history folder `{}` holds no snapshots (fnscope-YYYYMMDDTHHMMSSZ.json.gz)",
            dir.display()
        )));
    };
    let old = if since == "last" {
        entries.iter().rev().nth(1)
    } else {
        let cutoff = if let Ok(d) = NaiveDate::parse_from_str(since, "%Y-%m-%d") {
            d.and_hms_opt(23, 59, 59).map(|n| Utc.from_utc_datetime(&n))
        } else {
            DateTime::parse_from_rfc3339(since)
                .ok()
                .map(|d| d.with_timezone(&Utc))
        }
        .ok_or_else(|| {
            CliError::Input(format!(
                "--since `{since}`: expected `last`, a date (2026-11-01) or an RFC 3339 time"
            ))
        })?;
        entries
            .iter()
            .rev()
            .find(|e| e.taken_at <= cutoff && e.path != newest.path)
    };
    let Some(old) = old else {
        return Err(CliError::Input(format!(
            "history folder `{}` has no snapshot before the newest one for --since `{since}`",
            dir.display()
        )));
    };
    Ok((old.path.clone(), newest.path.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, stamp: &str) {
        std::fs::write(dir.join(format!("fnscope-{stamp}.json.gz")), b"x").unwrap();
    }

    #[test]
    fn picks_and_prunes_by_timestamp() {
        let d = tempfile::tempdir().unwrap();
        for s in [
            "20261101T000000Z",
            "20261110T120000Z",
            "20261120T080000Z",
            "20261128T090000Z",
        ] {
            touch(d.path(), s);
        }
        std::fs::write(d.path().join("notes.txt"), b"x").unwrap();
        let (old, new) = pick(d.path(), "last").unwrap();
        assert!(old.ends_with("fnscope-20261120T080000Z.json.gz"));
        assert!(new.ends_with("fnscope-20261128T090000Z.json.gz"));
        let (old, _) = pick(d.path(), "2026-11-10").unwrap();
        assert!(old.ends_with("fnscope-20261110T120000Z.json.gz"));
        assert!(pick(d.path(), "2025-01-01").is_err());
        assert!(pick(d.path(), "yesterday").is_err());

        let now = Utc.with_ymd_and_hms(2026, 11, 28, 9, 0, 0).unwrap();
        let current = d.path().join("fnscope-20261128T090000Z.json.gz");
        let removed = prune(d.path(), Some(3), Some(20), &current, now).unwrap();
        assert_eq!(removed.len(), 1, "{removed:?}");
        let removed = prune(d.path(), None, Some(10), &current, now).unwrap();
        assert_eq!(removed.len(), 1);
        assert_eq!(list(d.path()).unwrap().len(), 2);
        // New names carry microseconds and the writer; both kinds are read, old names too.
        let name = file_name(now);
        assert!(
            name.starts_with("fnscope-20261128T090000.000000Z-"),
            "{name}"
        );
        assert_eq!(parse_name(&name), Some(now));
        assert_ne!(
            file_name(now),
            name,
            "two writers in the same microsecond differ"
        );
    }

    #[test]
    fn the_snapshot_just_saved_is_kept_even_when_it_is_the_oldest() {
        // A run that started first and saved last: --keep 2 keeps it and the newest other one.
        let d = tempfile::tempdir().unwrap();
        for s in ["20261101T000000Z", "20261102T000000Z", "20261103T000000Z"] {
            touch(d.path(), s);
        }
        let current = d.path().join("fnscope-20261101T000000Z.json.gz");
        let now = Utc.with_ymd_and_hms(2026, 11, 3, 0, 0, 1).unwrap();
        let removed = prune(d.path(), Some(2), None, &current, now).unwrap();
        assert_eq!(
            removed,
            [d.path().join("fnscope-20261102T000000Z.json.gz")],
            "{removed:?}"
        );
        let left: Vec<_> = list(d.path())
            .unwrap()
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(
            left,
            [current, d.path().join("fnscope-20261103T000000Z.json.gz")]
        );
    }
}
