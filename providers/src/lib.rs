//! fnscope collectors. Each provider has a live collector (SDK / REST) and an offline importer (the
//! provider CLI's own JSON export); both produce the same [`fnscope_snapshot::Snapshot`] parts.
//!
//! Collectors never write to a cloud, never hold secret values (environment variable values are dropped
//! at the edge, see [`secrets`]), and never silently skip: what they could not read becomes a
//! [`fnscope_snapshot::Coverage`] record.

/// The most a success answer may hold: far above any page these APIs send, low enough that a broken
/// or hostile endpoint cannot exhaust the scanner's memory.
pub const MAX_ANSWER_BYTES: usize = 128 << 20;

pub mod apps_script;
pub mod aws;
pub mod azure;
pub mod breaker;
pub mod config;
pub mod files;
pub mod gcp;
#[cfg(any(feature = "gcp", feature = "azure"))]
pub mod jwt;
pub mod kit;
pub mod logs;
pub mod pace;
pub mod power_automate;
pub mod progress;
#[cfg(any(feature = "gcp", feature = "azure"))]
pub mod rest;
pub mod scan;
pub mod secrets;

pub use kit::{CallError, Pages, cut_off_detail, in_shard, until_stop};

/// A provider as the offline scan knows it: its name and its importer, which reads the provider's
/// folder of an estate into a snapshot (true when the folder was there). Adding a provider's offline
/// import is one line in [`OFFLINE`].
pub struct OfflineProvider {
    pub provider: fnscope_snapshot::Provider,
    pub import: fn(&std::path::Path, &mut fnscope_snapshot::Snapshot) -> Result<bool, CollectError>,
}

/// Every provider's offline importer, in the order a scan reads them.
pub const OFFLINE: [OfflineProvider; 5] = [
    OfflineProvider {
        provider: fnscope_snapshot::Provider::Aws,
        import: aws::offline::import_into,
    },
    OfflineProvider {
        provider: fnscope_snapshot::Provider::Gcp,
        import: gcp::offline::import_into,
    },
    OfflineProvider {
        provider: fnscope_snapshot::Provider::Azure,
        import: azure::offline::import_into,
    },
    OfflineProvider {
        provider: fnscope_snapshot::Provider::PowerAutomate,
        import: power_automate::offline::import_into,
    },
    OfflineProvider {
        provider: fnscope_snapshot::Provider::AppsScript,
        import: apps_script::offline::import_into,
    },
];

/// Imports the exports in `dir` of the providers in `wanted` (every provider when empty) into
/// `snapshot`; true when any provider's folder was there.
pub fn import_offline(
    dir: &std::path::Path,
    wanted: &[fnscope_snapshot::Provider],
    snapshot: &mut fnscope_snapshot::Snapshot,
    progress: &dyn progress::Progress,
) -> Result<bool, CollectError> {
    let mut found_any = false;
    for p in OFFLINE
        .iter()
        .filter(|p| wanted.is_empty() || wanted.contains(&p.provider))
    {
        progress.phase(&format!("{}: reading the exports", p.provider), None);
        found_any |= (p.import)(dir, snapshot)?;
    }
    Ok(found_any)
}

/// Why a collector could not even start or an offline folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// Valid JSON, but not the shape the export has (a missing field, a map where a list belongs).
    #[error("`{path}` is not the shape its export has at {field}: {message}")]
    Shape {
        path: std::path::PathBuf,
        field: String,
        message: String,
    },
    #[error("`{path}` is not valid JSON at {field}: {message}")]
    Malformed {
        path: std::path::PathBuf,
        field: String,
        message: String,
    },
    #[error("`{path}`: {message}")]
    Invalid {
        path: std::path::PathBuf,
        message: String,
    },
    /// A command-line option's value that cannot be used, said as is.
    #[error("{0}")]
    Usage(String),
    #[error("{provider}: {message}")]
    Setup {
        provider: &'static str,
        message: String,
    },
}
