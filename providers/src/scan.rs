//! Live scans through a table of providers: each provider owns its command-line options (a
//! `clap::Args` struct in its folder, `cli.rs`, flattened into `fnscope scan`) and the function that
//! turns them into its collector's options and reads into the snapshot. Adding a provider is its
//! folder, a line in [`ProviderArgs`] and a line in [`live_providers`] — nothing in the binary.

use std::path::{Path, PathBuf};

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

pub use crate::config::ProviderConfig;

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

/// What a provider's credential check found on this machine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// Nothing: the provider is not scanned by default.
    Nothing,
    /// Credentials, and what showed them (a variable or file name, never a value).
    Found(String),
    /// Credentials that cannot be used as asked: where they are and why (a coverage record).
    Unusable(String, String),
}

/// The environment a credential check reads: variables (through a lookup, so tests give their own)
/// and the home folder. Never the network.
pub struct Machine<'a> {
    pub env: &'a dyn Fn(&str) -> Option<String>,
    pub home: Option<&'a Path>,
}

impl Machine<'_> {
    /// A variable that is set and not empty.
    pub(crate) fn set(&self, k: &str) -> Option<String> {
        (self.env)(k).filter(|v| !v.is_empty())
    }
    /// The first of these variables that is set.
    pub(crate) fn first_set(&self, names: &[&str]) -> Option<String> {
        names
            .iter()
            .find(|k| self.set(k).is_some())
            .map(|k| k.to_string())
    }
    /// The file a variable names, else `default`, when it is a file.
    pub(crate) fn file(&self, var: &str, default: Option<PathBuf>) -> Option<String> {
        let path = self.set(var).map(PathBuf::from).or(default)?;
        path.is_file().then(|| path.display().to_string())
    }
    pub(crate) fn at_home(&self, rel: &str) -> Option<PathBuf> {
        self.home.map(|h| h.join(rel))
    }
}

/// One provider's place in the scan's tables: how its credentials are found (for the default set of
/// providers), and the minimal read-only grant `fnscope permissions` prints (`None`: its cargo feature
/// is off).
pub struct ProviderEntry {
    pub provider: Provider,
    pub detect: fn(&ProviderArgs, &Machine<'_>) -> Detected,
    pub permissions: fn() -> Option<Result<String, String>>,
}

/// Every provider, in the order their credentials are reported.
pub const PROVIDERS: [ProviderEntry; 5] = [
    ProviderEntry {
        provider: Provider::Aws,
        detect: crate::aws::cli::detect,
        permissions: crate::aws::cli::permissions,
    },
    ProviderEntry {
        provider: Provider::Gcp,
        detect: crate::gcp::cli::detect,
        permissions: crate::gcp::cli::permissions,
    },
    ProviderEntry {
        provider: Provider::AppsScript,
        detect: crate::apps_script::cli::detect,
        permissions: crate::apps_script::cli::permissions,
    },
    ProviderEntry {
        provider: Provider::Azure,
        detect: crate::azure::cli::detect,
        permissions: crate::azure::cli::permissions,
    },
    ProviderEntry {
        provider: Provider::PowerAutomate,
        detect: crate::power_automate::cli::detect,
        permissions: crate::power_automate::cli::permissions,
    },
];

/// What was looked at, for the error when no provider's credentials are found.
pub const LOOKED_AT: &str = "AWS_ACCESS_KEY_ID, AWS_PROFILE, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_CONTAINER_CREDENTIALS_*, ~/.aws/credentials, ~/.aws/config; GOOGLE_APPLICATION_CREDENTIALS, gcloud's application_default_credentials.json; AZURE_CLIENT_ID + AZURE_TENANT_ID, IDENTITY_ENDPOINT, MSI_ENDPOINT, ~/.azure/azureProfile.json (az login)";

/// Whether this build scans the provider live (its cargo feature is on).
pub fn built_in(p: Provider) -> bool {
    live_providers().iter().any(|(q, _)| *q == p)
}
