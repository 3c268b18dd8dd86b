//! `fnscope scan power-automate`: its command-line options and its live scan (it signs in with
//! Azure's `--azure-credential`).

#[cfg(feature = "azure")]
use crate::CollectError;
#[cfg(feature = "azure")]
use crate::progress::Progress;
#[cfg(feature = "azure")]
use crate::scan::{Common, ProviderArgs, ProviderConfig};
#[cfg(feature = "azure")]
use fnscope_snapshot::Snapshot;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct PowerAutomateArgs {
    /// Power Platform environments to scan live (default: every environment the admin APIs list)
    #[arg(
        long = "pa-environment",
        value_delimiter = ',',
        value_name = "NAME",
        help_heading = "Power Automate"
    )]
    pub pa_environments: Vec<String>,
    /// Base URL for the Entra authority and the Power Platform admin APIs at once (emulators, tests)
    #[arg(
        long,
        value_name = "URL",
        env = "FNSCOPE_PA_ENDPOINT",
        help_heading = "Power Automate"
    )]
    pub pa_endpoint: Option<String>,
}

#[cfg(feature = "azure")]
pub(crate) async fn scan(
    all: &ProviderArgs,
    common: &Common<'_>,
    _config: &ProviderConfig,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CollectError> {
    use super::live;
    use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
    let args = &all.power_automate;
    let opts = live::LiveOptions {
        environments: args.pa_environments.clone(),
        endpoints: args
            .pa_endpoint
            .as_deref()
            .map(live::Endpoints::all_at)
            .unwrap_or_default(),
        credential: crate::azure::cli::credential(&all.azure)?,
        ca_bundle: common.ca_bundle.clone(),
        concurrency: common.concurrency,
        max_attempts: common.max_attempts,
        shard: common.shard,
        stop_at: common.stop_at,
        call_timeout: std::time::Duration::from_secs(common.call_timeout),
    };
    progress.phase("power automate: authenticating", None);
    let session = live::Session::connect(opts).await?;
    let (envs, discovery) = session.collect(progress).await;
    let names: Vec<String> = envs.iter().map(|e| e.name.clone()).collect();
    for env in envs {
        super::add_environment(snapshot, env);
    }
    if common.since.is_some() {
        for env in names {
            snapshot.coverage.push(Coverage {
                provider: Provider::PowerAutomate,
                target: env,
                region: None,
                api: "purview:audit.flow".into(),
                status: CoverageStatus::Skipped,
                detail: "the Purview audit log is read from exports only (Search-UnifiedAuditLog, see the README); give it with --logs".into(),
            });
        }
    }
    snapshot.coverage.extend(discovery);
    Ok(())
}

/// The same Entra credential reads the Power Platform admin APIs.
pub(crate) fn detect(
    _args: &crate::scan::ProviderArgs,
    m: &crate::scan::Machine<'_>,
) -> crate::scan::Detected {
    crate::azure::cli::entra_source(m)
        .map_or(crate::scan::Detected::Nothing, crate::scan::Detected::Found)
}

/// The Power Platform admin APIs have no read-only role: who to sign in as, and every call made.
pub(crate) fn permissions() -> Option<Result<String, String>> {
    #[cfg(feature = "azure")]
    {
        let mut out = String::from(
            "# fnscope reads Power Automate through the Power Platform admin APIs, which have no read-only role:\n\
             # sign in as (or register the app as a management application for) a Power Platform Administrator.\n\
             #   New-PowerAppManagementApp -ApplicationId <client-id>\n\
             # Token audiences: https://service.flow.microsoft.com/ and https://service.powerapps.com/\n\
             # Every call fnscope makes is a GET:\n",
        );
        for c in super::live::READ_ONLY_CALLS {
            out.push_str(&format!("{c}\n"));
        }
        Some(Ok(out))
    }
    #[cfg(not(feature = "azure"))]
    None
}
