//! Live scans through a table of providers: each provider owns its command-line options (a
//! `clap::Args` struct in its folder, `cli.rs`, flattened into `fnscope scan`) and the function that
//! turns them into its collector's options and reads into the snapshot. Adding a provider is its
//! folder, a line in [`ProviderArgs`] and a line in [`live_providers`] — nothing in the binary.

use std::path::PathBuf;

use fnscope_snapshot::{Provider, Snapshot};
use futures::future::LocalBoxFuture;

use crate::CollectError;
use crate::progress::Progress;

/// Every provider's own options, in `fnscope scan --help` under each provider's heading.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ProviderArgs {
    #[command(flatten)]
    pub aws: crate::aws::cli::AwsArgs,
    #[command(flatten)]
    pub gcp: crate::gcp::cli::GcpArgs,
    #[command(flatten)]
    pub azure: crate::azure::cli::AzureArgs,
    #[command(flatten)]
    pub power_automate: crate::power_automate::cli::PowerAutomateArgs,
    #[command(flatten)]
    pub apps_script: crate::apps_script::cli::AppsScriptArgs,
}

impl ProviderArgs {
    /// Options that choose what a live scan reads and mean nothing offline: what each says.
    pub fn live_only_set(&self) -> Vec<&'static str> {
        let mut out = self.aws.live_only_set();
        out.extend(self.gcp.live_only_set());
        out
    }
}

/// What every live scan shares: the limits of `fnscope scan` and the evaluator's part of AWS's plan.
pub struct Common<'a> {
    pub concurrency: usize,
    pub max_attempts: u32,
    pub shard: Option<(usize, usize)>,
    /// When `--deadline` cuts reading off.
    pub stop_at: Option<tokio::time::Instant>,
    /// `--call-timeout`, in seconds.
    pub call_timeout: u64,
    /// `--since`: how far back live scans read audit logs.
    pub since: Option<chrono::Duration>,
    pub ca_bundle: Option<PathBuf>,
    /// Which AWS principals' last-accessed reports are worth reading (the evaluator's call: the
    /// providers do not depend on the rules).
    pub aws_candidates: &'a (dyn Fn(&Snapshot) -> Vec<String> + Sync),
}

/// The configuration file's provider settings (`fnscope.toml` `[gcp]`, `[azure]`).
#[derive(Debug, Clone, Default)]
pub struct ProviderConfig {
    /// `[gcp] endpoints`: API name → base URL.
    pub gcp_endpoints: Vec<(String, String)>,
    pub gcp_token_uri: Option<String>,
    pub azure_cloud: Option<String>,
    pub azure_authority_host: Option<String>,
    pub azure_resource_manager: Option<String>,
    pub azure_graph: Option<String>,
}

/// A provider's live scan: its options into its collector's, and what it reads into the snapshot.
pub type LiveScan = for<'a> fn(
    &'a ProviderArgs,
    &'a Common<'a>,
    &'a ProviderConfig,
    &'a dyn Progress,
    &'a mut Snapshot,
) -> LocalBoxFuture<'a, Result<(), CollectError>>;

/// The providers this build scans live, one entry each (a provider's cargo feature off: no entry).
pub fn live_providers() -> Vec<(Provider, LiveScan)> {
    #[allow(unused_mut, reason = "empty when every provider feature is off")]
    let mut table: Vec<(Provider, LiveScan)> = Vec::new();
    #[cfg(feature = "aws")]
    table.push((Provider::Aws, |a, c, f, p, s| {
        Box::pin(crate::aws::cli::scan(a, c, f, p, s))
    }));
    #[cfg(feature = "gcp")]
    table.push((Provider::Gcp, |a, c, f, p, s| {
        Box::pin(crate::gcp::cli::scan(a, c, f, p, s))
    }));
    #[cfg(feature = "azure")]
    table.push((Provider::Azure, |a, c, f, p, s| {
        Box::pin(crate::azure::cli::scan(a, c, f, p, s))
    }));
    #[cfg(feature = "azure")]
    table.push((Provider::PowerAutomate, |a, c, f, p, s| {
        Box::pin(crate::power_automate::cli::scan(a, c, f, p, s))
    }));
    #[cfg(feature = "gcp")]
    table.push((Provider::AppsScript, |a, c, f, p, s| {
        Box::pin(crate::apps_script::cli::scan(a, c, f, p, s))
    }));
    table
}

/// A bad option value: said as is (exit 2 at the command line).
#[cfg(any(feature = "aws", feature = "gcp", feature = "azure"))]
pub(crate) fn usage(message: String) -> CollectError {
    CollectError::Usage(message)
}
