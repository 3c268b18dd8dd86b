//! `fnscope scan azure`: its command-line options (shared with Power Automate, which signs in to
//! Entra the same way) and its live scan.

#[cfg(feature = "azure")]
use crate::CollectError;
#[cfg(feature = "azure")]
use crate::progress::Progress;
#[cfg(feature = "azure")]
use crate::scan::{Common, ProviderArgs, ProviderConfig};
#[cfg(feature = "azure")]
use fnscope_snapshot::Snapshot;

/// `[azure]` in `fnscope.toml`, as written.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AzureSection {
    cloud: Option<toml::Spanned<String>>,
    authority_host: Option<toml::Spanned<String>>,
    resource_manager: Option<toml::Spanned<String>>,
    graph: Option<toml::Spanned<String>>,
}

/// `[azure]`, checked: the cloud and, for private or sovereign deployments, each endpoint. Flags win.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AzureConfig {
    pub cloud: Option<String>,
    pub authority_host: Option<String>,
    pub resource_manager: Option<String>,
    pub graph: Option<String>,
}

impl AzureSection {
    pub(crate) fn check(self) -> Result<AzureConfig, crate::config::ConfigError> {
        use crate::config::{ConfigError, url};
        let mut out = AzureConfig::default();
        if let Some(c) = &self.cloud {
            if !["public", "usgov", "china"].contains(&c.get_ref().as_str()) {
                return Err(ConfigError::at(
                    c.span(),
                    format!(
                        "azure.cloud `{}` must be public, usgov or china",
                        c.get_ref()
                    ),
                ));
            }
            out.cloud = Some(c.get_ref().clone());
        }
        let endpoint = |v: &Option<toml::Spanned<String>>, what: &str| {
            v.as_ref().map(|u| url(u, what)).transpose()
        };
        out.authority_host = endpoint(&self.authority_host, "azure.authority_host")?;
        out.resource_manager = endpoint(&self.resource_manager, "azure.resource_manager")?;
        out.graph = endpoint(&self.graph, "azure.graph")?;
        Ok(out)
    }
}

#[derive(Debug, Clone, clap::Args)]
pub struct AzureArgs {
    /// Azure subscriptions to scan live (default: every enabled subscription the credential can read)
    #[arg(
        long = "azure-subscription",
        value_delimiter = ',',
        value_name = "ID",
        help_heading = "Azure"
    )]
    pub azure_subscriptions: Vec<String>,
    /// Azure cloud: public, usgov or china
    #[arg(
        long,
        value_name = "CLOUD",
        env = "FNSCOPE_AZURE_CLOUD",
        help_heading = "Azure"
    )]
    pub azure_cloud: Option<String>,
    /// Azure credential: auto (client secret, else certificate, from AZURE_* variables, else the Azure CLI login), secret, certificate, cli, managed-identity
    #[arg(
        long,
        value_name = "KIND",
        default_value = "auto",
        env = "FNSCOPE_AZURE_CREDENTIAL",
        help_heading = "Azure"
    )]
    pub azure_credential: String,
    /// Base URL for the Entra authority, ARM and Microsoft Graph at once (emulators, tests)
    #[arg(
        long,
        value_name = "URL",
        env = "FNSCOPE_AZURE_ENDPOINT",
        help_heading = "Azure"
    )]
    pub azure_endpoint: Option<String>,
    /// List each subscription's sites, Logic Apps, Automation accounts and identities on its own,
    /// instead of one Azure Resource Graph query across the subscriptions (used by default; where it
    /// cannot be, the subscription is listed on its own anyway)
    #[arg(long, help_heading = "Azure")]
    pub azure_no_resource_graph: bool,
    /// Subscriptions scanned at once
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=64), help_heading = "Azure")]
    pub max_parallel_subscriptions: u16,
}

impl Default for AzureArgs {
    fn default() -> AzureArgs {
        AzureArgs {
            azure_subscriptions: Vec::new(),
            azure_cloud: None,
            azure_credential: "auto".into(),
            azure_endpoint: None,
            azure_no_resource_graph: false,
            max_parallel_subscriptions: 8,
        }
    }
}

/// `--azure-credential`, parsed.
#[cfg(feature = "azure")]
pub(crate) fn credential(args: &AzureArgs) -> Result<super::CredentialKind, CollectError> {
    super::CredentialKind::parse(&args.azure_credential).ok_or_else(|| {
        crate::scan::usage(format!(
            "--azure-credential `{}`: expected auto, secret, certificate, cli or managed-identity",
            args.azure_credential
        ))
    })
}

#[cfg(feature = "azure")]
pub(crate) async fn scan(
    all: &ProviderArgs,
    common: &Common<'_>,
    config: &ProviderConfig,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CollectError> {
    use super::{Cloud, LiveOptions, Session};
    let args = &all.azure;
    let cloud_name = args
        .azure_cloud
        .clone()
        .or_else(|| config.azure.cloud.clone())
        .unwrap_or_else(|| "public".into());
    let mut cloud = Cloud::named(&cloud_name).ok_or_else(|| {
        crate::scan::usage(format!(
            "--azure-cloud `{cloud_name}`: expected public, usgov or china"
        ))
    })?;
    if let Some(u) = &config.azure.authority_host {
        cloud.authority_host = u.trim_end_matches('/').to_string();
    }
    if let Some(u) = &config.azure.resource_manager {
        cloud.resource_manager = u.trim_end_matches('/').to_string();
    }
    if let Some(u) = &config.azure.graph {
        cloud.graph = u.trim_end_matches('/').to_string();
    }
    if let Some(all) = &args.azure_endpoint {
        cloud = Cloud::all_at(all);
    }
    let opts = LiveOptions {
        subscriptions: args.azure_subscriptions.clone(),
        cloud,
        credential: credential(args)?,
        ca_bundle: common.ca_bundle.clone(),
        concurrency: common.concurrency,
        max_attempts: common.max_attempts,
        shard: common.shard,
        stop_at: common.stop_at,
        call_timeout: std::time::Duration::from_secs(common.call_timeout),
        resource_graph: !args.azure_no_resource_graph,
        parallel_subscriptions: usize::from(args.max_parallel_subscriptions),
        ..LiveOptions::default()
    };
    progress.phase("azure: authenticating", None);
    let session = Session::connect(opts).await?;
    let (subs, discovery) = session.collect(progress).await;
    if subs.is_empty() {
        tracing::warn!("no Azure subscription was found to scan");
    }
    for sub in subs {
        super::add_subscription(snapshot, sub);
    }
    snapshot.coverage.extend(discovery);
    Ok(())
}

/// Entra credentials (shared with Power Automate): a client id and tenant, a managed identity or
/// federated token, else the Azure CLI's login.
pub(crate) fn entra_source(m: &crate::scan::Machine<'_>) -> Option<String> {
    if m.set("AZURE_CLIENT_ID").is_some() && m.set("AZURE_TENANT_ID").is_some() {
        return Some("AZURE_CLIENT_ID + AZURE_TENANT_ID".to_string());
    }
    m.first_set(&[
        "IDENTITY_ENDPOINT",
        "MSI_ENDPOINT",
        "AZURE_FEDERATED_TOKEN_FILE",
    ])
    .or_else(|| {
        let dir = m
            .set("AZURE_CONFIG_DIR")
            .map(std::path::PathBuf::from)
            .or_else(|| m.at_home(".azure"))?;
        let profile = dir.join("azureProfile.json");
        profile.is_file().then(|| profile.display().to_string())
    })
}

pub(crate) fn detect(
    _args: &crate::scan::ProviderArgs,
    m: &crate::scan::Machine<'_>,
) -> crate::scan::Detected {
    entra_source(m).map_or(crate::scan::Detected::Nothing, crate::scan::Detected::Found)
}

/// A custom role of exactly the collector's read actions.
pub(crate) fn permissions() -> Option<Result<String, String>> {
    let role = serde_json::json!({
        "Name": "fnscope reader",
        "IsCustom": true,
        "Description": "Read-only access for fnscope (az role definition create --role-definition @this.json). Reader covers the same. Microsoft Graph application permissions, for the managed identities' app roles and directory roles: Application.Read.All, RoleManagement.Read.Directory.",
        "Actions": super::READ_ONLY_ACTIONS,
        "NotActions": [],
        "DataActions": [],
        "NotDataActions": [],
        "AssignableScopes": ["/subscriptions/<subscription-id>"]
    });
    Some(
        serde_json::to_string_pretty(&role)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
    )
}
