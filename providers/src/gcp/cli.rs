//! `fnscope scan gcp`: its command-line options and its live scan.

use std::path::{Path, PathBuf};

#[cfg(feature = "gcp")]
use crate::CollectError;
#[cfg(feature = "gcp")]
use crate::progress::Progress;
#[cfg(feature = "gcp")]
use crate::scan::{Common, ProviderArgs, ProviderConfig};
#[cfg(feature = "gcp")]
use fnscope_snapshot::Snapshot;

#[derive(Debug, Clone, clap::Args)]
pub struct GcpArgs {
    /// GCP projects to scan live (repeatable or comma-separated; default: gcloud's configured project)
    #[arg(
        long = "gcp-project",
        value_delimiter = ',',
        value_name = "PROJECT",
        help_heading = "Google Cloud"
    )]
    pub gcp_projects: Vec<String>,
    /// Scan every active project below these GCP organizations or folders (organizations/ID, folders/ID)
    #[arg(
        long = "gcp-scope",
        value_delimiter = ',',
        value_name = "SCOPE",
        help_heading = "Google Cloud"
    )]
    pub gcp_scopes: Vec<String>,
    /// Base URL for every Google API (emulators, tests); default: the public endpoints
    #[arg(
        long,
        value_name = "URL",
        env = "FNSCOPE_GCP_ENDPOINT",
        help_heading = "Google Cloud"
    )]
    pub gcp_endpoint: Option<String>,
    /// Token endpoint replacing the service-account key's token_uri
    #[arg(
        long,
        value_name = "URL",
        env = "FNSCOPE_GCP_TOKEN_URI",
        help_heading = "Google Cloud"
    )]
    pub gcp_token_uri: Option<String>,
    /// With --since: read the Cloud Audit Logs from this log sink's bucket (gs://BUCKET[/PREFIX], a
    /// project's or an organization's sink) instead of entries.list, which answers 60 calls a minute
    #[arg(long, value_name = "GS_URL", help_heading = "Google Cloud")]
    pub gcp_log_bucket: Option<String>,
    /// Read each project's functions, Cloud Run services and jobs, service accounts and policies
    /// from its own APIs, instead of two Cloud Asset Inventory listings per organization, folder or
    /// project (used by default; where it cannot be, the project's own APIs are read anyway)
    #[arg(long, help_heading = "Google Cloud")]
    pub gcp_no_asset_inventory: bool,
    /// Projects scanned at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64), help_heading = "Google Cloud")]
    pub max_parallel_projects: u16,
}

impl Default for GcpArgs {
    fn default() -> GcpArgs {
        GcpArgs {
            gcp_projects: Vec::new(),
            gcp_scopes: Vec::new(),
            gcp_endpoint: None,
            gcp_token_uri: None,
            gcp_log_bucket: None,
            gcp_no_asset_inventory: false,
            max_parallel_projects: 8,
        }
    }
}

/// `[gcp]` in `fnscope.toml`, as written.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GcpSection {
    token_uri: Option<toml::Spanned<String>>,
    #[serde(default)]
    endpoints: std::collections::BTreeMap<String, toml::Spanned<String>>,
}

/// `[gcp]`, checked: where the Google APIs and the token endpoint are (sovereign clouds, private
/// endpoints, proxies). Command-line flags win over these.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GcpConfig {
    pub token_uri: Option<String>,
    /// `[gcp.endpoints]`: API name (one of the collector's `Endpoints::NAMES`) → base URL.
    pub endpoints: Vec<(String, String)>,
}

/// The names `[gcp.endpoints]` accepts.
#[cfg(feature = "gcp")]
const API_NAMES: &[&str] = super::Endpoints::NAMES;
#[cfg(not(feature = "gcp"))]
const API_NAMES: &[&str] = &[];

impl GcpSection {
    pub(crate) fn check(self) -> Result<GcpConfig, crate::config::ConfigError> {
        use crate::config::{ConfigError, url};
        let mut out = GcpConfig::default();
        if let Some(t) = &self.token_uri {
            out.token_uri = Some(url(t, "gcp.token_uri")?);
        }
        for (api, u) in &self.endpoints {
            if !API_NAMES.contains(&api.as_str()) {
                return Err(ConfigError::at(
                    u.span(),
                    format!(
                        "unknown API `{api}` in gcp.endpoints: expected one of {}",
                        API_NAMES.join(", ")
                    ),
                ));
            }
            out.endpoints
                .push((api.clone(), url(u, &format!("gcp.endpoints.{api}"))?));
        }
        Ok(out)
    }
}

impl GcpArgs {
    /// Set options that only choose what a live scan reads.
    pub(crate) fn live_only_set(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if !(self.gcp_projects.is_empty() && self.gcp_scopes.is_empty()) {
            out.push("--gcp-project and --gcp-scope choose what a live GCP scan reads");
        }
        if self.gcp_log_bucket.is_some() {
            out.push("--gcp-log-bucket chooses where a live GCP scan reads the audit logs");
        }
        out
    }
}

/// gcloud's configured project, with where it was found: `CLOUDSDK_CORE_PROJECT`, else the `project`
/// of the `[core]` section of the active configuration (`CLOUDSDK_CONFIG` or ~/.config/gcloud,
/// `active_config` naming it, `default` otherwise).
pub fn gcloud_project(
    env: &dyn Fn(&str) -> Option<String>,
    home: Option<&Path>,
) -> Option<(String, String)> {
    if let Some(p) = env("CLOUDSDK_CORE_PROJECT").filter(|p| !p.is_empty()) {
        return Some((p, "CLOUDSDK_CORE_PROJECT".into()));
    }
    let dir = env("CLOUDSDK_CONFIG")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.map(|h| h.join(".config/gcloud")))?;
    let active = env("CLOUDSDK_ACTIVE_CONFIG_NAME")
        .filter(|n| !n.is_empty())
        .or_else(|| {
            std::fs::read_to_string(dir.join("active_config"))
                .ok()
                .map(|s| s.trim().to_string())
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "default".into());
    let file = dir.join("configurations").join(format!("config_{active}"));
    let text = std::fs::read_to_string(&file).ok()?;
    let mut section = String::new();
    for line in text.lines().map(str::trim) {
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = s.trim().to_string();
        } else if section == "core"
            && let Some((k, v)) = line.split_once('=')
            && k.trim() == "project"
            && !v.trim().is_empty()
        {
            return Some((v.trim().to_string(), file.display().to_string()));
        }
    }
    None
}

#[cfg(feature = "gcp")]
pub(crate) async fn scan(
    all: &ProviderArgs,
    common: &Common<'_>,
    config: &ProviderConfig,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CollectError> {
    use super::{Endpoints, LiveOptions, Session};
    use crate::scan::usage;
    let args = &all.gcp;
    let mut projects = args.gcp_projects.clone();
    if projects.is_empty() && args.gcp_scopes.is_empty() {
        // As gcloud does: its configured project when none is named.
        let env = |k: &str| std::env::var(k).ok();
        let home = std::env::var_os("HOME").map(PathBuf::from);
        match gcloud_project(&env, home.as_deref()) {
            Some((p, from)) => {
                tracing::info!(project = %p, from = %from, "scanning gcloud's configured project");
                projects.push(p);
            }
            None => {
                return Err(usage(
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
        return Err(usage(format!(
            "--gcp-scope `{bad}`: expected organizations/ID or folders/ID"
        )));
    }
    let sink = match &args.gcp_log_bucket {
        None => None,
        Some(_) if common.since.is_none() => {
            return Err(usage(
                "--gcp-log-bucket reads the Cloud Audit Logs for the detections: give --since too (e.g. --since 30d)"
                    .into(),
            ));
        }
        Some(url) => Some(super::SinkBucket::parse(url, "gs", "--gcp-log-bucket").map_err(usage)?),
    };
    let opts = LiveOptions {
        projects,
        scopes: args.gcp_scopes.clone(),
        endpoints: match args.gcp_endpoint.as_deref() {
            Some(all) => Endpoints::all_at(all),
            None => {
                let mut e = Endpoints::default();
                for (api, url) in &config.gcp.endpoints {
                    if !e.set(api, url) {
                        return Err(usage(format!("unknown API `{api}` in gcp.endpoints")));
                    }
                }
                e
            }
        },
        token_uri: args
            .gcp_token_uri
            .clone()
            .or_else(|| config.gcp.token_uri.clone()),
        concurrency: common.concurrency,
        max_attempts: common.max_attempts,
        // From the sink's bucket instead, once for every project (below).
        log_since: common.since.filter(|_| sink.is_none()),
        shard: common.shard,
        call_timeout: std::time::Duration::from_secs(common.call_timeout),
        stop_at: common.stop_at,
        asset_inventory: !args.gcp_no_asset_inventory,
        parallel_projects: usize::from(args.max_parallel_projects),
    };
    progress.phase("gcp: authenticating", None);
    let session = Session::connect(opts).await?;
    let (projects, discovery) = session.collect(progress).await;
    if projects.is_empty() {
        tracing::warn!("no GCP project was found to scan");
    }
    for project in projects {
        super::add_project(snapshot, project);
    }
    snapshot.coverage.extend(discovery);
    if let (Some(sink), Some(since)) = (&sink, common.since) {
        match crate::until_stop(common.stop_at, session.sink_log(sink, since, progress)).await {
            Some((events, windows, coverage)) => {
                snapshot.events.extend(events);
                snapshot.log_windows.extend(windows);
                snapshot.coverage.extend(coverage);
            }
            None => snapshot.coverage.push(crate::kit::record(
                fnscope_snapshot::Provider::Gcp,
                &sink.url(&sink.prefix),
                None,
                "logging:sink-files",
                fnscope_snapshot::CoverageStatus::Failed,
                crate::cut_off_detail("the log sink's entries are"),
            )),
        }
    }
    Ok(())
}

/// Google credentials: `GOOGLE_APPLICATION_CREDENTIALS`, else gcloud's application default
/// credentials file (shared with Apps Script).
pub(crate) fn google_source(m: &crate::scan::Machine<'_>) -> Option<String> {
    let cloudsdk = m
        .set("CLOUDSDK_CONFIG")
        .map(PathBuf::from)
        .or_else(|| m.at_home(".config/gcloud"));
    m.set("GOOGLE_APPLICATION_CREDENTIALS")
        .map(|_| "GOOGLE_APPLICATION_CREDENTIALS".to_string())
        .or_else(|| {
            let adc = cloudsdk?.join("application_default_credentials.json");
            adc.is_file().then(|| adc.display().to_string())
        })
}

/// GCP: Google credentials, usable when a project or scope says what to scan (an option, or gcloud's
/// configured project).
pub(crate) fn detect(
    args: &crate::scan::ProviderArgs,
    m: &crate::scan::Machine<'_>,
) -> crate::scan::Detected {
    use crate::scan::Detected;
    let Some(source) = google_source(m) else {
        return Detected::Nothing;
    };
    if args.gcp.gcp_projects.is_empty()
        && args.gcp.gcp_scopes.is_empty()
        && gcloud_project(m.env, m.home).is_none()
    {
        Detected::Unusable(
            source,
            "no --gcp-project, --gcp-scope or gcloud configured project says what to scan".into(),
        )
    } else {
        Detected::Found(source)
    }
}

/// A custom role to grant at the organization (or per project), e.g.
/// `gcloud iam roles create fnscopeReader --organization=ORG --file=role.yaml`.
pub(crate) fn permissions() -> Option<Result<String, String>> {
    #[cfg(feature = "gcp")]
    {
        let mut out = String::from(
            "# fnscope read-only custom role (gcloud iam roles create … --file=this.yaml)\ntitle: fnscope reader\nstage: GA\nincludedPermissions:\n",
        );
        for p in super::READ_ONLY_PERMISSIONS {
            out.push_str(&format!("- {p}\n"));
        }
        out.push_str("# With --gcp-log-bucket, also storage.objects.list and storage.objects.get on the sink's\n# bucket only (roles/storage.objectViewer granted on that bucket), never in this role.\n");
        Some(Ok(out))
    }
    #[cfg(not(feature = "gcp"))]
    None
}
