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
        for (set, what) in [
            (args.shard.is_some(), "--shard splits live scans"),
            (
                args.regions.is_some(),
                "--regions chooses the regions a live AWS scan reads",
            ),
            (
                args.profile.is_some(),
                "--profile chooses the credentials of a live AWS scan",
            ),
            (
                !args.gcp_projects.is_empty() || !args.gcp_scopes.is_empty(),
                "--gcp-project and --gcp-scope choose what a live GCP scan reads",
            ),
        ] {
            if set {
                return Err(CliError::Input(format!(
                    "{what}; an offline folder is read whole (keep only the folders to scan)"
                )));
            }
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
                "unknown provider `{name}`: expected one of aws, gcp, azure, power-automate, apps-script"
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

/// A provider's live scan: the command line's options into its collector's, and what it reads into
/// the snapshot part.
type LiveScan = for<'a> fn(
    &'a ScanArgs,
    &'a crate::config::Config,
    &'a dyn Progress,
    &'a mut Snapshot,
) -> futures::future::LocalBoxFuture<'a, Result<(), CliError>>;

/// The providers this build scans live, one entry each (a provider's cargo feature off: no entry).
fn live_providers() -> Vec<(Provider, LiveScan)> {
    #[allow(unused_mut)]
    let mut table: Vec<(Provider, LiveScan)> = Vec::new();
    #[cfg(feature = "aws")]
    table.push((Provider::Aws, |a, _, p, s| Box::pin(aws_live(a, p, s))));
    #[cfg(feature = "gcp")]
    table.push((Provider::Gcp, |a, c, p, s| Box::pin(gcp_live(a, c, p, s))));
    #[cfg(feature = "azure")]
    table.push((Provider::Azure, |a, c, p, s| {
        Box::pin(azure_live(a, c, p, s))
    }));
    #[cfg(feature = "azure")]
    table.push((Provider::PowerAutomate, |a, _, p, s| {
        Box::pin(pa_live(a, p, s))
    }));
    #[cfg(feature = "gcp")]
    table.push((Provider::AppsScript, |a, _, p, s| {
        Box::pin(workspace_live(a, p, s))
    }));
    table
}

async fn scan_one(
    p: Provider,
    args: &ScanArgs,
    cfg: &crate::config::Config,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    match live_providers().into_iter().find(|(q, _)| *q == p) {
        Some((_, scan)) => scan(args, cfg, progress, snapshot).await,
        None => Err(CliError::Input(format!(
            "provider `{p}` is not built into this fnscope (enable its cargo feature)"
        ))),
    }
}

#[cfg(feature = "gcp")]
async fn gcp_live(
    args: &ScanArgs,
    cfg: &crate::config::Config,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    use fnscope_providers::gcp;
    let mut projects = args.gcp_projects.clone();
    if projects.is_empty() && args.gcp_scopes.is_empty() {
        // As gcloud does: its configured project when none is named.
        let env = |k: &str| std::env::var(k).ok();
        let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
        match crate::credentials::gcloud_project(&env, home.as_deref()) {
            Some((p, from)) => {
                tracing::info!(project = %p, from = %from, "scanning gcloud's configured project");
                projects.push(p);
            }
            None => {
                return Err(CliError::Input(
                    "scan gcp needs --gcp-project PROJECT or --gcp-scope organizations/ID|folders/ID (or a project set with `gcloud config set project`)"
                        .into(),
                ));
            }
        }
    }
    if let Some(bad) = args
        .gcp_scopes
        .iter()
        .find(|s| !(s.starts_with("organizations/") || s.starts_with("folders/")))
    {
        return Err(CliError::Input(format!(
            "--gcp-scope `{bad}`: expected organizations/ID or folders/ID"
        )));
    }
    let opts = gcp::LiveOptions {
        projects,
        scopes: args.gcp_scopes.clone(),
        endpoints: match args.gcp_endpoint.as_deref() {
            Some(all) => gcp::Endpoints::all_at(all),
            None => {
                let mut e = gcp::Endpoints::default();
                for (api, url) in &cfg.gcp.endpoints {
                    if !e.set(api, url) {
                        return Err(CliError::Input(format!(
                            "unknown API `{api}` in gcp.endpoints"
                        )));
                    }
                }
                e
            }
        },
        token_uri: args
            .gcp_token_uri
            .clone()
            .or_else(|| cfg.gcp.token_uri.clone()),
        concurrency: usize::from(args.concurrency),
        max_attempts: args.max_attempts,
        log_since: args.since,
        shard: args.shard,
        call_timeout: std::time::Duration::from_secs(args.call_timeout),
        stop_at: stop_at(args),
    };
    progress.phase("gcp: authenticating", None);
    let session = gcp::Session::connect(opts).await?;
    let (projects, discovery) = session.collect(progress).await;
    if projects.is_empty() {
        tracing::warn!("no GCP project was found to scan");
    }
    for project in projects {
        gcp::add_project(snapshot, project);
    }
    snapshot.coverage.extend(discovery);
    Ok(())
}

#[cfg(feature = "azure")]
async fn azure_live(
    args: &ScanArgs,
    cfg: &crate::config::Config,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    use fnscope_providers::azure;
    let cloud_name = args
        .azure_cloud
        .clone()
        .or_else(|| cfg.azure.cloud.clone())
        .unwrap_or_else(|| "public".into());
    let mut cloud = azure::Cloud::named(&cloud_name).ok_or_else(|| {
        CliError::Input(format!(
            "--azure-cloud `{cloud_name}`: expected public, usgov or china"
        ))
    })?;
    if let Some(u) = &cfg.azure.authority_host {
        cloud.authority_host = u.trim_end_matches('/').to_string();
    }
    if let Some(u) = &cfg.azure.resource_manager {
        cloud.resource_manager = u.trim_end_matches('/').to_string();
    }
    if let Some(u) = &cfg.azure.graph {
        cloud.graph = u.trim_end_matches('/').to_string();
    }
    if let Some(all) = &args.azure_endpoint {
        cloud = azure::Cloud::all_at(all);
    }
    let credential = azure::CredentialKind::parse(&args.azure_credential).ok_or_else(|| {
        CliError::Input(format!(
            "--azure-credential `{}`: expected auto, secret, certificate, cli or managed-identity",
            args.azure_credential
        ))
    })?;
    let opts = azure::LiveOptions {
        subscriptions: args.azure_subscriptions.clone(),
        cloud,
        credential,
        ca_bundle: args.ca_bundle.clone(),
        concurrency: usize::from(args.concurrency),
        max_attempts: args.max_attempts,
        shard: args.shard,
        stop_at: stop_at(args),
        call_timeout: std::time::Duration::from_secs(args.call_timeout),
        ..azure::LiveOptions::default()
    };
    progress.phase("azure: authenticating", None);
    let session = azure::Session::connect(opts).await?;
    let (subs, discovery) = session.collect(progress).await;
    if subs.is_empty() {
        tracing::warn!("no Azure subscription was found to scan");
    }
    for sub in subs {
        azure::add_subscription(snapshot, sub);
    }
    snapshot.coverage.extend(discovery);
    Ok(())
}

#[cfg(feature = "azure")]
async fn pa_live(
    args: &ScanArgs,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    use fnscope_providers::azure::CredentialKind;
    use fnscope_providers::power_automate::live;
    let credential = CredentialKind::parse(&args.azure_credential).ok_or_else(|| {
        CliError::Input(format!(
            "--azure-credential `{}`: expected auto, secret, certificate, cli or managed-identity",
            args.azure_credential
        ))
    })?;
    let opts = live::LiveOptions {
        environments: args.pa_environments.clone(),
        endpoints: args
            .pa_endpoint
            .as_deref()
            .map(live::Endpoints::all_at)
            .unwrap_or_default(),
        credential,
        ca_bundle: args.ca_bundle.clone(),
        concurrency: usize::from(args.concurrency),
        max_attempts: args.max_attempts,
        shard: args.shard,
        stop_at: stop_at(args),
        call_timeout: std::time::Duration::from_secs(args.call_timeout),
    };
    progress.phase("power automate: authenticating", None);
    let session = live::Session::connect(opts).await?;
    let (envs, discovery) = session.collect(progress).await;
    let names: Vec<String> = envs.iter().map(|e| e.name.clone()).collect();
    for env in envs {
        fnscope_providers::power_automate::add_environment(snapshot, env);
    }
    if args.since.is_some() {
        for env in names {
            snapshot.coverage.push(fnscope_snapshot::Coverage {
                provider: Provider::PowerAutomate,
                target: env,
                region: None,
                api: "purview:audit.flow".into(),
                status: fnscope_snapshot::CoverageStatus::Skipped,
                detail: "the Purview audit log is read from exports only (Search-UnifiedAuditLog, see the README); give it with --logs".into(),
            });
        }
    }
    snapshot.coverage.extend(discovery);
    Ok(())
}

#[cfg(feature = "gcp")]
async fn workspace_live(
    args: &ScanArgs,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    use fnscope_providers::apps_script::live;
    let (Some(domain), Some(admin)) = (&args.workspace_domain, &args.workspace_admin) else {
        return Err(CliError::Input(
            "scan apps-script needs --workspace-domain DOMAIN and --workspace-admin EMAIL (and a delegated service-account key in GOOGLE_APPLICATION_CREDENTIALS)".into(),
        ));
    };
    let key_file = std::env::var_os("GOOGLE_APPLICATION_CREDENTIALS")
        .map(std::path::PathBuf::from)
        .ok_or_else(|| {
            CliError::Input(
                "scan apps-script needs GOOGLE_APPLICATION_CREDENTIALS: a service-account key with domain-wide delegation".into(),
            )
        })?;
    let opts = live::LiveOptions {
        domain: domain.clone(),
        admin: admin.clone(),
        key_file,
        endpoints: args
            .workspace_endpoint
            .as_deref()
            .map(live::Endpoints::all_at)
            .unwrap_or_default(),
        token_uri: args.gcp_token_uri.clone(),
        concurrency: usize::from(args.concurrency),
        max_attempts: args.max_attempts,
        call_timeout: std::time::Duration::from_secs(args.call_timeout),
        checkpoint: args.checkpoint.clone(),
        log_since: args.since,
        shard: args.shard,
        stop_at: stop_at(args),
    };
    progress.phase("apps script: authenticating", None);
    let session = live::Session::connect(opts).await?;
    let data = session.collect(progress).await;
    fnscope_providers::apps_script::add_domain(snapshot, data);
    Ok(())
}

#[cfg(feature = "aws")]
async fn aws_live(
    args: &ScanArgs,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CliError> {
    use fnscope_providers::aws;
    if let Some(p) = &args.profile {
        check_aws_profile(p)?;
    }
    let opts = aws::LiveOptions {
        regions: args.regions.clone(),
        concurrency: usize::from(args.concurrency),
        max_attempts: args.max_attempts,
        // An organization scan shards by account, not by region.
        shard: args.shard.filter(|_| args.aws_org_role.is_none()),
        attempt_timeout: std::time::Duration::from_secs(args.call_timeout),
        call_timeout: std::time::Duration::from_secs(
            args.call_timeout
                .saturating_mul(u64::from(args.max_attempts))
                .max(180),
        ),
        stop_at: stop_at(args),
        profile: args.profile.clone(),
        ..aws::LiveOptions::default()
    };
    progress.phase("aws: connecting", None);
    let session = aws::Session::connect(opts).await?;
    tracing::info!(account = %session.account_id, "scanning AWS account");
    let plan = aws::live::Plan {
        since: args.since,
        org_role: args.aws_org_role.clone(),
        shard: args.shard,
        parallel_accounts: usize::from(args.max_parallel_accounts),
        last_accessed: !args.no_last_accessed,
    };
    // Which principals' last-accessed reports are worth reading is the evaluator's call.
    let candidates =
        |s: &Snapshot| fnscope_policies::aws::candidates::serverless_write_candidates(s);
    aws::live::scan_into(session, &plan, progress, snapshot, &candidates).await;
    Ok(())
}

/// A named AWS profile must be in the config or credentials file (where the AWS CLI looks: the
/// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE variables, else ~/.aws/config and ~/.aws/credentials).
#[cfg(feature = "aws")]
fn check_aws_profile(name: &str) -> Result<(), CliError> {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let file = |var: &str, rel: &str| {
        std::env::var_os(var)
            .map(std::path::PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(rel)))
    };
    let config = file("AWS_CONFIG_FILE", ".aws/config");
    let creds = file("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials");
    let has = |path: &Option<std::path::PathBuf>, headers: &[String]| {
        path.as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .is_some_and(|t| {
                t.lines()
                    .map(str::trim)
                    .any(|l| headers.iter().any(|h| l == h))
            })
    };
    let in_config = has(&config, &[format!("[profile {name}]"), format!("[{name}]")]);
    let in_creds = has(&creds, &[format!("[{name}]")]);
    if in_config || in_creds {
        return Ok(());
    }
    let show = |p: &Option<std::path::PathBuf>| {
        p.as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(no home folder)".into())
    };
    Err(CliError::Input(format!(
        "--profile `{name}` is in neither {} nor {}",
        show(&config),
        show(&creds)
    )))
}
