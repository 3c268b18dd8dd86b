//! `fnscope scan`: live collection or offline import into one snapshot.

use fnscope_snapshot::{Provider, ScanMode, ScanSource, Snapshot};

use crate::CliError;
use crate::cli::ScanArgs;
use crate::progress::Bars;
use fnscope_providers::progress::{NoProgress, Progress};

pub async fn scan(
    args: &ScanArgs,
    cfg: &crate::config::Config,
    quiet: bool,
) -> Result<Snapshot, CliError> {
    if args.offline.is_some() {
        // Options that choose what a live scan reads say so instead of being ignored offline.
        let mut set = Vec::new();
        if args.shard.is_some() {
            set.push("--shard splits live scans");
        }
        set.extend(args.live.live_only_set());
        if let Some(what) = set.first() {
            return Err(CliError::Input(format!(
                "{what}; an offline folder is read whole (keep only the folders to scan)"
            )));
        }
    }
    let bars = Bars::new(quiet);
    let result = match &args.offline {
        Some(dir) => {
            let line = bars.as_ref().map(Bars::line);
            offline(
                args,
                dir,
                line.as_ref().map_or(&NoProgress as &dyn Progress, |l| l),
            )
        }
        None => live(args, cfg, bars.as_ref()).await,
    };
    let mut snapshot = result?;
    let mut files = match &args.offline {
        Some(dir) => crate::logs::estate_files(dir, &providers(args)?)?,
        None => Vec::new(),
    };
    files.extend(crate::logs::given_files(&args.logs)?);
    let line = bars.as_ref().map(Bars::line);
    crate::logs::add_files(
        &mut snapshot,
        &files,
        line.as_ref().map_or(&NoProgress as &dyn Progress, |l| l),
    )?;
    crate::logs::window_coverage(&mut snapshot);
    snapshot.normalize();
    Ok(snapshot)
}

fn providers(args: &ScanArgs) -> Result<Vec<Provider>, CliError> {
    let mut out = Vec::new();
    for name in &args.providers {
        let p = Provider::parse(name).ok_or_else(|| {
            CliError::Input(format!(
                "unknown provider `{name}`: expected one of {}",
                Provider::names()
            ))
        })?;
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

fn offline(
    args: &ScanArgs,
    dir: &std::path::Path,
    progress: &dyn Progress,
) -> Result<Snapshot, CliError> {
    if !dir.is_dir() {
        return Err(CliError::Input(format!(
            "offline folder `{}` does not exist or is not a folder",
            dir.display()
        )));
    }
    let wanted = providers(args)?;
    let mut snapshot = Snapshot::new(
        env!("CARGO_PKG_VERSION"),
        ScanSource {
            mode: ScanMode::Offline,
            location: Some(dir.display().to_string()),
        },
    );
    let found_any = fnscope_providers::import_offline(dir, &wanted, &mut snapshot, progress)?;
    fnscope_snapshot::stall_point("read");
    if !found_any {
        return Err(CliError::Input(format!(
            "`{}` holds no provider exports (expected `aws/<account-id>/`, `gcp/<project-id>/`, `azure/<subscription-id>/`, `power-automate/<environment>/` or `apps-script/<domain>/` folders; see the README's offline layout)",
            dir.display()
        )));
    }
    Ok(snapshot)
}

async fn live(
    args: &ScanArgs,
    cfg: &crate::config::Config,
    bars: Option<&Bars>,
) -> Result<Snapshot, CliError> {
    let new = || {
        Snapshot::new(
            env!("CARGO_PKG_VERSION"),
            ScanSource {
                mode: ScanMode::Live,
                location: None,
            },
        )
    };
    let mut snapshot = new();
    let mut wanted = providers(args)?;
    // No provider named: every provider with credentials configured. One that fails to set up is then a
    // coverage record (the others are still scanned); a provider named on the command line fails the run.
    let auto = wanted.is_empty();
    if auto {
        let env = |k: &str| std::env::var(k).ok();
        let home = crate::credentials::home();
        let (found, unusable) = crate::credentials::configured(args, &env, home.as_deref());
        if found.is_empty() && unusable.is_empty() {
            return Err(CliError::Input(format!(
                "no provider has credentials configured; name one (`fnscope scan aws|gcp|azure|power-automate|apps-script`) or set credentials up. Looked at: {}",
                crate::credentials::LOOKED_AT
            )));
        }
        for u in unusable {
            tracing::warn!(
                "{}: credentials found ({}) but {}: not scanned",
                u.provider,
                u.source,
                u.why
            );
            snapshot.coverage.push(credentials_record(
                u.provider,
                fnscope_snapshot::CoverageStatus::Skipped,
                format!("credentials found ({}) but {}", u.source, u.why),
            ));
        }
        for f in &found {
            tracing::info!("{}: credentials found ({})", f.provider, f.source);
        }
        wanted = found.into_iter().map(|f| f.provider).collect();
    }
    // The providers are read at once, each into its own part with its own progress line.
    // --deadline bounds the reading: a provider still reading then is cut off with a record, and what
    // its part holds whole (accounts, projects, …) is evaluated and written as an incomplete scan.
    let deadline = args
        .deadline
        .and_then(|d| d.to_std().ok())
        .map(|d| (scan_started() + d, d));
    // A provider named on the command line that fails stops the others at once (fail fast); one found
    // by its credentials becomes a record.
    let mut parts: Vec<Snapshot> = wanted.iter().map(|_| new()).collect();
    let outcomes =
        futures::future::try_join_all(parts.iter_mut().zip(&wanted).map(|(part, &p)| async move {
            let line = bars.map(Bars::line);
            let progress: &dyn Progress = match &line {
                Some(l) => l,
                None => &NoProgress,
            };
            let reading = scan_one(p, args, cfg, progress, part);
            let done = match deadline {
                None => Some(reading.await),
                Some((at, _)) => tokio::time::timeout_at(at, reading).await.ok(),
            };
            match done {
                Some(Err(CliError::Input(m))) if auto => Ok(Some(Err(m))),
                Some(Err(e)) => Err(e),
                Some(Ok(())) => Ok(Some(Ok(()))),
                None => Ok(None),
            }
        }))
        .await?;
    for ((mut part, p), outcome) in parts.into_iter().zip(wanted).zip(outcomes) {
        match outcome {
            Some(Ok(())) => {}
            Some(Err(message)) => {
                tracing::warn!("{p}: not scanned: {message}");
                part = new();
                part.coverage.push(credentials_record(
                    p,
                    fnscope_snapshot::CoverageStatus::Failed,
                    format!("not scanned: {message}"),
                ));
            }
            None => {
                tracing::warn!("{p}: cut off by --deadline");
                part.coverage.push(fnscope_snapshot::Coverage {
                    provider: p,
                    target: String::new(),
                    region: None,
                    api: "fnscope:deadline".into(),
                    status: fnscope_snapshot::CoverageStatus::Failed,
                    detail: format!(
                        "the {p} scan did not finish within --deadline ({}s): what it had not finished reading is missing",
                        deadline.map_or(0, |(_, d)| d.as_secs())
                    ),
                });
            }
        }
        snapshot.absorb(part);
    }
    Ok(snapshot)
}

/// When a provider stops reading part-way (AWS by account and region, GCP by project, Azure by
/// subscription, Power Automate by environment, Apps Script by user and project): `--deadline` less a
/// tenth (at most 30 s), so that what it read is handed over before the deadline cuts the provider off.
fn stop_at(args: &ScanArgs) -> Option<tokio::time::Instant> {
    let d = args.deadline.and_then(|d| d.to_std().ok())?;
    let margin = (d / 10).min(std::time::Duration::from_secs(30));
    Some(scan_started() + d - margin)
}

/// When this process's live scan began: the instant `--deadline` counts from.
fn scan_started() -> tokio::time::Instant {
    static STARTED: std::sync::OnceLock<tokio::time::Instant> = std::sync::OnceLock::new();
    *STARTED.get_or_init(tokio::time::Instant::now)
}

/// The coverage record of a provider found by its credentials but not scanned.
fn credentials_record(
    provider: Provider,
    status: fnscope_snapshot::CoverageStatus,
    detail: String,
) -> fnscope_snapshot::Coverage {
    fnscope_snapshot::Coverage {
        provider,
        target: String::new(),
        region: None,
        api: "credentials".into(),
        status,
        detail,
    }
}

async fn scan_one(
    p: Provider,
    args: &ScanArgs,
    cfg: &crate::config::Config,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    use fnscope_providers::scan::{Common, live_providers};
    let Some((_, scan)) = live_providers().into_iter().find(|(q, _)| *q == p) else {
        return Err(CliError::Input(format!(
            "provider `{p}` is not built into this fnscope (enable its cargo feature)"
        )));
    };
    // Which AWS principals' last-accessed reports are worth reading is the evaluator's call.
    let candidates =
        |s: &Snapshot| fnscope_policies::aws::candidates::serverless_write_candidates(s);
    let common = Common {
        concurrency: usize::from(args.concurrency),
        max_attempts: args.max_attempts,
        shard: args.shard,
        stop_at: stop_at(args),
        call_timeout: args.call_timeout,
        since: args.since,
        ca_bundle: args.ca_bundle.clone(),
        aws_candidates: &candidates,
    };
    Ok(scan(&args.live, &common, &cfg.providers, progress, snapshot).await?)
}
