//! fnscope collectors. Each provider has a live collector (SDK / REST) and an offline importer (the
//! provider CLI's own JSON export); both produce the same [`fnscope_snapshot::Snapshot`] parts.
//!
//! Collectors never write to a cloud, never hold secret values (environment variable values are dropped
//! at the edge, see [`secrets`]), and never silently skip: what they could not read becomes a
//! [`fnscope_snapshot::Coverage`] record.

pub mod apps_script;
pub mod aws;
pub mod azure;
pub mod files;
pub mod gcp;
pub mod logs;
pub mod power_automate;
pub mod progress;
#[cfg(any(feature = "gcp", feature = "azure"))]
pub mod rest;
pub mod secrets;

/// True when the unit of work at `index` (in a sorted list) belongs to `shard` (`i/n`, 1-based): units
/// are dealt round-robin, so every shard gets a similar share.
pub fn in_shard(index: usize, shard: Option<(usize, usize)>) -> bool {
    shard.is_none_or(|(i, n)| n == 0 || index % n == i.saturating_sub(1))
}

/// Why a collector could not even start or an offline folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
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
    #[error("{provider}: {message}")]
    Setup {
        provider: &'static str,
        message: String,
    },
}
