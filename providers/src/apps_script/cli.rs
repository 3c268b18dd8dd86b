//! `fnscope scan apps-script`: its command-line options and its live scan (a service account with
//! domain-wide delegation; `--gcp-token-uri` applies to it too).

#[cfg(feature = "gcp")]
use crate::CollectError;
#[cfg(feature = "gcp")]
use crate::progress::Progress;
#[cfg(feature = "gcp")]
use crate::scan::{Common, ProviderArgs, ProviderConfig};
#[cfg(feature = "gcp")]
use fnscope_snapshot::Snapshot;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct AppsScriptArgs {
    /// Google Workspace domain to scan live (Apps Script)
    #[arg(
        long,
        value_name = "DOMAIN",
        env = "FNSCOPE_WORKSPACE_DOMAIN",
        help_heading = "Google Workspace (Apps Script)"
    )]
    pub workspace_domain: Option<String>,
    /// Workspace admin the delegated service account impersonates for directory calls
    #[arg(
        long,
        value_name = "EMAIL",
        env = "FNSCOPE_WORKSPACE_ADMIN",
        help_heading = "Google Workspace (Apps Script)"
    )]
    pub workspace_admin: Option<String>,
    /// Resumable Workspace enumeration: users already read into FILE are skipped (JSON lines; delete it for a fresh run)
    #[arg(
        long,
        value_name = "FILE",
        help_heading = "Google Workspace (Apps Script)"
    )]
    pub checkpoint: Option<std::path::PathBuf>,
    /// Base URL for the Admin SDK, Drive and Apps Script APIs at once (emulators, tests)
    #[arg(
        long,
        value_name = "URL",
        env = "FNSCOPE_WORKSPACE_ENDPOINT",
        help_heading = "Google Workspace (Apps Script)"
    )]
    pub workspace_endpoint: Option<String>,
}

#[cfg(feature = "gcp")]
pub(crate) async fn scan(
    all: &ProviderArgs,
    common: &Common<'_>,
    _config: &ProviderConfig,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CollectError> {
    use super::live;
    use crate::scan::usage;
    let args = &all.apps_script;
    let (Some(domain), Some(admin)) = (&args.workspace_domain, &args.workspace_admin) else {
        return Err(usage(
            "scan apps-script needs --workspace-domain DOMAIN and --workspace-admin EMAIL (and a delegated service-account key in GOOGLE_APPLICATION_CREDENTIALS)".into(),
        ));
    };
    let key_file = std::env::var_os("GOOGLE_APPLICATION_CREDENTIALS")
        .map(std::path::PathBuf::from)
        .ok_or_else(|| {
            usage(
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
        token_uri: all.gcp.gcp_token_uri.clone(),
        concurrency: common.concurrency,
        max_attempts: common.max_attempts,
        call_timeout: std::time::Duration::from_secs(common.call_timeout),
        checkpoint: args.checkpoint.clone(),
        log_since: common.since,
        shard: common.shard,
        stop_at: common.stop_at,
    };
    progress.phase("apps script: authenticating", None);
    let session = live::Session::connect(opts).await?;
    let data = session.collect(progress).await;
    super::add_domain(snapshot, data);
    Ok(())
}

/// Apps Script: Google credentials and a Workspace domain to scan.
pub(crate) fn detect(
    args: &crate::scan::ProviderArgs,
    m: &crate::scan::Machine<'_>,
) -> crate::scan::Detected {
    match crate::gcp::cli::google_source(m) {
        Some(source) if args.apps_script.workspace_domain.is_some() => {
            crate::scan::Detected::Found(source)
        }
        _ => crate::scan::Detected::Nothing,
    }
}

/// The domain-wide delegation to grant the service account: exactly the collector's scopes.
pub(crate) fn permissions() -> Option<Result<String, String>> {
    #[cfg(feature = "gcp")]
    {
        let mut out = String::from(
            "# Domain-wide delegation for fnscope's service account (Admin console > Security > API controls >\n\
             # Domain-wide delegation): the service account's client id with exactly these scopes, comma-separated.\n\
             # fnscope only reads; admin.directory.user.security has no read-only variant.\n",
        );
        out.push_str(&super::live::SCOPES.join(","));
        out.push('\n');
        Some(Ok(out))
    }
    #[cfg(not(feature = "gcp"))]
    None
}
