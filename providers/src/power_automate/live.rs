//! The live Power Automate collector: the admin APIs of the Power Platform (BAP environments and role
//! assignments, ProcessSimple flows with their definitions and permissions, Power Apps connections,
//! DLP v2 policies) with tokens from azure_identity for the services' own audiences. These admin routes
//! are undocumented (see `spec/apis.md` §3.1): every call is a GET, and each failure is a coverage
//! record. Solution-aware flows are listed too (`include=includeSolutionCloudFlows`).

use std::collections::BTreeMap;
use std::time::Duration;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use futures::StreamExt;
use futures::stream;
use serde_json::Value;

use super::build::{EnvironmentData, Flow};
use crate::CollectError;
use crate::azure::client::CredentialKind;
use crate::azure::client::{Client, setup};
use crate::progress::Progress;
use crate::rest::CallError;

/// Token audiences (they do not move with the endpoints).
const FLOW_SCOPE: &str = "https://service.flow.microsoft.com/.default";
const POWERAPPS_SCOPE: &str = "https://service.powerapps.com/.default";

/// The calls a scan makes, for `fnscope permissions power-automate`.
pub const READ_ONLY_CALLS: &[&str] = &[
    "GET api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments",
    "GET api.bap.microsoft.com/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{env}/roleAssignments",
    "GET api.bap.microsoft.com/providers/PowerPlatform.Governance/v2/policies[/{name}]",
    "GET api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/v2/flows",
    "GET api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows/{flow}?$expand=properties.definition",
    "GET api.flow.microsoft.com/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}/flows/{flow}/permissions",
    "GET api.powerapps.com/providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections",
];

/// Where the Power Platform admin APIs are.
#[derive(Debug, Clone)]
pub struct Endpoints {
    pub authority_host: String,
    pub bap: String,
    pub flow: String,
    pub powerapps: String,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints {
            authority_host: "https://login.microsoftonline.com".into(),
            bap: "https://api.bap.microsoft.com".into(),
            flow: "https://api.flow.microsoft.com".into(),
            powerapps: "https://api.powerapps.com".into(),
        }
    }
}

impl Endpoints {
    pub fn all_at(base: &str) -> Endpoints {
        let b = base.trim_end_matches('/').to_string();
        Endpoints {
            authority_host: b.clone(),
            bap: b.clone(),
            flow: b.clone(),
            powerapps: b,
        }
    }
}

#[derive(Debug, Clone)]
pub struct LiveOptions {
    /// Environments to scan; empty = every environment the admin APIs list.
    pub environments: Vec<String>,
    pub endpoints: Endpoints,
    pub credential: CredentialKind,
    pub ca_bundle: Option<std::path::PathBuf>,
    pub concurrency: usize,
    pub max_attempts: u32,
    pub call_timeout: Duration,
    /// `i/n`: only every n-th environment (sorted) from the i-th.
    pub shard: Option<(usize, usize)>,
    /// Stop reading here (`--deadline` less a margin): the environments read so far are kept.
    pub stop_at: Option<tokio::time::Instant>,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            environments: Vec::new(),
            endpoints: Endpoints::default(),
            credential: CredentialKind::Auto,
            ca_bundle: None,
            concurrency: 8,
            max_attempts: 6,
            call_timeout: Duration::from_secs(60),
            shard: None,
            stop_at: None,
        }
    }
}

/// One flow's definition and its owners, as read.
type FlowRead = (
    String,
    Result<Value, CallError>,
    Result<Vec<Value>, CallError>,
);

pub struct Session {
    client: Client,
    opts: LiveOptions,
}

fn cov(env: &str, api: &str, status: CoverageStatus, detail: String) -> Coverage {
    Coverage {
        provider: Provider::PowerAutomate,
        target: env.to_string(),
        region: None,
        api: api.to_string(),
        status,
        detail,
    }
}

impl Session {
    pub async fn connect(opts: LiveOptions) -> Result<Session, CollectError> {
        let client = Client::new(
            &opts.endpoints.authority_host,
            opts.credential,
            opts.ca_bundle.as_deref(),
            opts.call_timeout,
            opts.max_attempts,
        )?;
        client.token(FLOW_SCOPE).await.map_err(|e| {
            setup(format!(
                "cannot obtain a Power Automate token ({}); an app needs registering as a Power Platform management application",
                e.message
            ))
        })?;
        Ok(Session { client, opts })
    }

    async fn list(&self, base: &str, path: &str, scope: &str) -> Result<Vec<Value>, CallError> {
        self.client
            .list_raw(&format!("{base}{path}"), scope, base)
            .await
    }

    /// Collects every environment; the second part is the coverage of the discovery itself.
    pub async fn collect(&self, progress: &dyn Progress) -> (Vec<EnvironmentData>, Vec<Coverage>) {
        let e = &self.opts.endpoints;
        let mut discovery = Vec::new();
        progress.phase("power automate: listing environments", None);
        let listed = self
            .list(
                &e.bap,
                "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2023-06-01",
                POWERAPPS_SCOPE,
            )
            .await;
        let mut envs: Vec<(String, Option<String>, Option<String>)> = match listed {
            Ok(list) => {
                discovery.push(cov(
                    "tenant",
                    "bap:environments.list",
                    CoverageStatus::Complete,
                    format!("{} environments", list.len()),
                ));
                list.iter()
                    .filter_map(|v| {
                        Some((
                            v.get("name")?.as_str()?.to_string(),
                            v.pointer("/properties/displayName")
                                .and_then(Value::as_str)
                                .map(str::to_string),
                            v.pointer("/properties/tenantId")
                                .and_then(Value::as_str)
                                .map(str::to_string),
                        ))
                    })
                    .collect()
            }
            Err(err) => {
                discovery.push(cov(
                    "tenant",
                    "bap:environments.list",
                    err.status,
                    err.message,
                ));
                Vec::new()
            }
        };
        if !self.opts.environments.is_empty() {
            envs.retain(|(n, _, _)| self.opts.environments.contains(n));
            for n in &self.opts.environments {
                if !envs.iter().any(|(e, _, _)| e == n) {
                    envs.push((n.clone(), None, None));
                }
            }
        }
        envs.sort();
        let shard = self.opts.shard;
        let envs: Vec<_> = envs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| crate::in_shard(*i, shard))
            .map(|(_, e)| e)
            .collect();
        // DLP policies belong to the tenant: read once.
        let dlp = self.dlp().await;
        progress.phase(
            &format!("power automate: {} environments", envs.len()),
            Some(envs.len() as u64),
        );
        let mut out = Vec::new();
        for (name, display, tenant) in envs {
            let Some(mut d) = crate::until_stop(self.opts.stop_at, self.environment(&name)).await
            else {
                progress.advance(1);
                discovery.push(cov(
                    &name,
                    "flow:flows.list",
                    CoverageStatus::Failed,
                    crate::cut_off_detail(
                        "the environment's flows, connections, makers and permissions are",
                    ),
                ));
                continue;
            };
            d.display_name = display;
            d.tenant_id = tenant;
            match &dlp {
                Ok(list) => {
                    d.coverage.push(cov(
                        &name,
                        "bap:dlpPolicies.list",
                        CoverageStatus::Complete,
                        format!("{} DLP policies", list.len()),
                    ));
                    d.dlp = Some(list.clone());
                }
                Err(err) => d.coverage.push(cov(
                    &name,
                    "bap:dlpPolicies.list",
                    err.status,
                    err.message.clone(),
                )),
            }
            progress.advance(1);
            out.push(d);
        }
        (out, discovery)
    }

    async fn dlp(&self) -> Result<Vec<Value>, CallError> {
        let e = &self.opts.endpoints;
        let heads = self
            .list(
                &e.bap,
                "/providers/PowerPlatform.Governance/v2/policies?api-version=2018-01-01",
                POWERAPPS_SCOPE,
            )
            .await?;
        let mut out = Vec::new();
        for h in heads {
            let name = h
                .pointer("/policyDefinition/name")
                .or_else(|| h.get("name"))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            let url = format!(
                "{}/providers/PowerPlatform.Governance/v2/policies/{name}?api-version=2018-01-01",
                e.bap
            );
            out.push(self.client.get::<Value>(&url, POWERAPPS_SCOPE).await?);
        }
        Ok(out)
    }

    async fn environment(&self, env: &str) -> EnvironmentData {
        let mut d = EnvironmentData {
            name: env.to_string(),
            ..EnvironmentData::default()
        };
        self.flows(env, &mut d).await;
        self.connections(env, &mut d).await;
        self.makers(env, &mut d).await;
        d
    }

    /// The environment's flows, each with its definition and owners.
    async fn flows(&self, env: &str, d: &mut EnvironmentData) {
        let e = &self.opts.endpoints;
        let admin = format!("/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}");
        let listed = self
            .list(
                &e.flow,
                &format!(
                    "{admin}/v2/flows?api-version=2016-11-01&include=includeSolutionCloudFlows"
                ),
                FLOW_SCOPE,
            )
            .await;
        match listed {
            Ok(summaries) => {
                let names: Vec<String> = summaries
                    .iter()
                    .filter_map(|f| f.get("name")?.as_str().map(str::to_string))
                    .collect();
                let flow_breaker = crate::rest::breaker("flow:flows.get");
                let owner_breaker = crate::rest::breaker("flow:flows.permissions.list");
                let (flow_breaker, owner_breaker) = (&flow_breaker, &owner_breaker);
                let results: Vec<FlowRead> =
                    stream::iter(names)
                        .map(|n| {
                            let admin = admin.clone();
                            async move {
                                let url = format!(
                                    "{}{admin}/flows/{n}?api-version=2016-11-01&$expand=properties.definition",
                                    e.flow
                                );
                                let flow = crate::rest::guarded(
                                    flow_breaker,
                                    self.client.get::<Value>(&url, FLOW_SCOPE),
                                )
                                .await;
                                let owners = crate::rest::guarded(
                                    owner_breaker,
                                    self.list(
                                        &e.flow,
                                        &format!("{admin}/flows/{n}/permissions?api-version=2016-11-01"),
                                        FLOW_SCOPE,
                                    ),
                                )
                                .await;
                                (n, flow, owners)
                            }
                        })
                        .buffer_unordered(self.opts.concurrency.max(1))
                        .collect()
                        .await;
                let mut flows = Vec::new();
                let mut failed = Vec::new();
                let mut owner_errors = Vec::new();
                for (n, flow, owners) in results {
                    match flow {
                        Ok(v) => {
                            let props = v.get("properties").cloned().unwrap_or(Value::Null);
                            flows.push(Flow {
                                solution: props.get("workflowEntityId").is_some()
                                    || props.get("isManaged").and_then(Value::as_bool)
                                        == Some(true),
                                name: n.clone(),
                                id: v.get("id").and_then(Value::as_str).map(str::to_string),
                                properties: props,
                            });
                        }
                        Err(err) => failed.push(format!("{n}: {}", err.message)),
                    }
                    match owners {
                        Ok(list) => {
                            d.owners.insert(
                                n,
                                Some(
                                    list.iter()
                                        .filter_map(|p| {
                                            p.pointer("/properties/principal/id")
                                                .and_then(Value::as_str)
                                                .map(str::to_string)
                                        })
                                        .collect(),
                                ),
                            );
                        }
                        Err(err) => {
                            owner_errors.push(format!("{n}: {}", err.message));
                            d.owners.insert(n, None);
                        }
                    }
                }
                flows.sort_by(|a, b| a.name.cmp(&b.name));
                failed.sort();
                owner_errors.sort();
                d.coverage.push(match failed.first() {
                    None => cov(
                        env,
                        "flow:flows.list",
                        CoverageStatus::Complete,
                        format!("{} flows with definitions", flows.len()),
                    ),
                    Some(first) => cov(
                        env,
                        "flow:flows.list",
                        CoverageStatus::Partial,
                        format!("{} definitions not read; first: {first}", failed.len()),
                    ),
                });
                if let Some(first) = owner_errors.first() {
                    d.coverage.push(cov(
                        env,
                        "flow:flows.permissions.list",
                        CoverageStatus::Partial,
                        format!("{} not read; first: {first}", owner_errors.len()),
                    ));
                }
                d.flows = Some(flows);
            }
            Err(err) => d
                .coverage
                .push(cov(env, "flow:flows.list", err.status, err.message)),
        }
    }

    /// The connections flows act through, and who created each.
    async fn connections(&self, env: &str, d: &mut EnvironmentData) {
        let e = &self.opts.endpoints;
        match self
            .list(
                &e.powerapps,
                &format!("/providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections?api-version=2016-11-01"),
                POWERAPPS_SCOPE,
            )
            .await
        {
            Ok(list) => {
                let mut map = BTreeMap::new();
                for c in list {
                    let by = c.pointer("/properties/createdBy");
                    let who = by.and_then(|b| {
                        b.get("userPrincipalName")
                            .or_else(|| b.get("email"))
                            .or_else(|| b.get("id"))
                            .and_then(Value::as_str)
                    });
                    if let (Some(n), Some(w)) = (c.get("name").and_then(Value::as_str), who) {
                        map.insert(n.to_string(), w.to_string());
                    }
                    if let (Some(n), Some(t)) = (
                        c.get("name").and_then(Value::as_str),
                        super::build::connection_target(&c),
                    ) {
                        d.connection_targets.insert(n.to_string(), t);
                    }
                }
                d.coverage.push(cov(
                    env,
                    "powerapps:connections.list",
                    CoverageStatus::Complete,
                    format!("{} connections", map.len()),
                ));
                d.connections = Some(map);
            }
            Err(err) => d
                .coverage
                .push(cov(env, "powerapps:connections.list", err.status, err.message)),
        }
    }

    /// Who holds the Environment Maker role.
    async fn makers(&self, env: &str, d: &mut EnvironmentData) {
        let e = &self.opts.endpoints;
        match self
            .list(
                &e.bap,
                &format!("/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/{env}/roleAssignments?api-version=2016-11-01"),
                POWERAPPS_SCOPE,
            )
            .await
        {
            Ok(list) => {
                let makers: Vec<(String, Option<String>)> = list
                    .iter()
                    .filter(|a| {
                        a.pointer("/properties/roleDefinition/name")
                            .and_then(Value::as_str)
                            .is_some_and(|r| r.to_ascii_lowercase().contains("maker"))
                    })
                    .filter_map(|a| {
                        let p = a.pointer("/properties/principal")?;
                        let id = p.get("id")?.as_str()?.to_string();
                        let email = p.get("email").and_then(Value::as_str).map(str::to_string);
                        Some((id, email))
                    })
                    .collect();
                d.coverage.push(cov(
                    env,
                    "bap:environment.roleAssignments",
                    CoverageStatus::Complete,
                    format!("{} Environment Makers", makers.len()),
                ));
                d.makers = Some(makers);
            }
            Err(err) => d.coverage.push(cov(
                env,
                "bap:environment.roleAssignments",
                err.status,
                format!("{} (environments with Dataverse keep roles there)", err.message),
            )),
        }
    }
}
