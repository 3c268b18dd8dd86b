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
pub mod files;
pub mod gcp;
pub mod kit;
pub mod logs;
pub mod power_automate;
pub mod progress;
#[cfg(any(feature = "gcp", feature = "azure"))]
pub mod rest;
pub mod secrets;

pub use kit::{CallError, Pages, cut_off_detail, in_shard, until_stop};

/// Imports the exports in `dir` of the providers in `wanted` (every provider when empty) into
/// `snapshot`; true when any provider's folder was there.
pub fn import_offline(
    dir: &std::path::Path,
    wanted: &[fnscope_snapshot::Provider],
    snapshot: &mut fnscope_snapshot::Snapshot,
    progress: &dyn progress::Progress,
) -> Result<bool, CollectError> {
    use fnscope_snapshot::Provider;
    let want = |p: Provider| {
        let yes = wanted.is_empty() || wanted.contains(&p);
        if yes {
            progress.phase(&format!("{p}: reading the exports"), None);
        }
        yes
    };
    let mut found_any = false;
    if want(Provider::Aws) {
        let accounts = aws::offline::import(dir)?;
        found_any |= !accounts.is_empty();
        for account in accounts {
            aws::add_account(snapshot, account);
        }
    }
    if want(Provider::Gcp) {
        let projects = gcp::offline::import(dir)?;
        found_any |= !projects.is_empty();
        for project in projects {
            gcp::add_project(snapshot, project);
        }
    }
    if want(Provider::Azure) {
        let subs = azure::offline::import(dir)?;
        found_any |= !subs.is_empty();
        for sub in subs {
            azure::add_subscription(snapshot, sub);
        }
    }
    if want(Provider::PowerAutomate) {
        let envs = power_automate::offline::import(dir)?;
        found_any |= !envs.is_empty();
        for env in envs {
            power_automate::add_environment(snapshot, env);
        }
    }
    if want(Provider::AppsScript) {
        let domains = apps_script::offline::import(dir)?;
        found_any |= !domains.is_empty();
        for d in domains {
            apps_script::add_domain(snapshot, d);
        }
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
    #[error("{provider}: {message}")]
    Setup {
        provider: &'static str,
        message: String,
    },
}
