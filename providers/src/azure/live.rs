//! The live Azure collector: credentials through azure_identity (a client secret from the environment,
//! the Azure CLI's login, or a managed identity), ARM and Microsoft Graph over REST with typed serde
//! models, `nextLink` paging (followed only within the configured endpoint, so a token is never sent
//! elsewhere), retries on 429/5xx honouring `Retry-After`, bounded concurrency, and a coverage record
//! for everything that could not be read. Read-only: only GETs, the token POST and the Resource Graph
//! query (a read sent as a POST, `Microsoft.ResourceGraph/resources/read`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use futures::StreamExt;
use futures::stream;
use serde::de::DeserializeOwned;

use super::build::{ActivityLog, SubscriptionData, identity_principals};
use super::wire;
use crate::CollectError;
use crate::progress::Progress;
use crate::rest::{CallError, fan_out, urlencode};

use super::client::{Client, CredentialKind, setup};

#[path = "resource_graph.rs"]
mod resource_graph;

/// Where a cloud's endpoints are.
#[derive(Debug, Clone)]
pub struct Cloud {
    pub authority_host: String,
    pub resource_manager: String,
    pub graph: String,
}

impl Cloud {
    /// `public`, `usgov` or `china`.
    pub fn named(name: &str) -> Option<Cloud> {
        let (a, r, g) = match name {
            "public" => (
                "https://login.microsoftonline.com",
                "https://management.azure.com",
                "https://graph.microsoft.com",
            ),
            "usgov" => (
                "https://login.microsoftonline.us",
                "https://management.usgovcloudapi.net",
                "https://graph.microsoft.us",
            ),
            "china" => (
                "https://login.chinacloudapi.cn",
                "https://management.chinacloudapi.cn",
                "https://microsoftgraph.chinacloudapi.cn",
            ),
            _ => return None,
        };
        Some(Cloud {
            authority_host: a.into(),
            resource_manager: r.into(),
            graph: g.into(),
        })
    }

    /// Every endpoint, the authority included, at one base URL (an emulator or a test server).
    pub fn all_at(base: &str) -> Cloud {
        let b = base.trim_end_matches('/').to_string();
        Cloud {
            authority_host: b.clone(),
            resource_manager: b.clone(),
            graph: b,
        }
    }
}

impl Default for Cloud {
    fn default() -> Self {
        Cloud {
            authority_host: "https://login.microsoftonline.com".into(),
            resource_manager: "https://management.azure.com".into(),
            graph: "https://graph.microsoft.com".into(),
        }
    }
}

/// How a live Azure scan runs.
#[derive(Debug, Clone)]
pub struct LiveOptions {
    /// Subscriptions to scan; empty = every enabled subscription the credential can read.
    pub subscriptions: Vec<String>,
    pub cloud: Cloud,
    pub credential: CredentialKind,
    /// Extra trusted root certificates (PEM), for TLS-intercepting proxies and test servers.
    pub ca_bundle: Option<PathBuf>,
    pub concurrency: usize,
    pub max_attempts: u32,
    pub call_timeout: Duration,
    /// Days of Activity Log to read (Azure keeps 90).
    pub activity_days: i64,
    /// `i/n`: only every n-th subscription (sorted) from the i-th.
    pub shard: Option<(usize, usize)>,
    /// Stop reading here (`--deadline` less a margin): the subscriptions read so far are kept.
    pub stop_at: Option<tokio::time::Instant>,
    /// List the subscriptions' sites, Logic Apps, Automation accounts and identities through one
    /// Resource Graph query (falling back per subscription where it cannot).
    pub resource_graph: bool,
    /// Subscriptions read at once (ARM's read quota is per subscription and principal).
    pub parallel_subscriptions: usize,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            subscriptions: Vec::new(),
            cloud: Cloud::default(),
            credential: CredentialKind::Auto,
            ca_bundle: None,
            concurrency: 16,
            max_attempts: 6,
            call_timeout: Duration::from_secs(60),
            activity_days: 90,
            shard: None,
            stop_at: None,
            resource_graph: true,
            parallel_subscriptions: 8,
        }
    }
}

const WEB: &str = "2024-04-01";
const LOGIC: &str = "2019-05-01";
const AUTOMATION: &str = "2023-11-01";
const WEBHOOKS: &str = "2015-10-31";
const AUTHZ: &str = "2022-04-01";
const MSI: &str = "2023-01-31";
const INSIGHTS: &str = "2015-04-01";
const SUBSCRIPTIONS: &str = "2022-12-01";

/// One ARM listing of a subscription into `d.$field`, with its coverage record.
macro_rules! list {
    ($session:expr, $d:expr, $push:expr, $field:ident, $path:expr, $api:expr, $what:expr) => {{
        match $session.arm_list(&$path).await {
            Ok(l) => {
                $push(
                    $api,
                    CoverageStatus::Complete,
                    format!("{} {}", l.len(), $what),
                );
                $d.$field = Some(l);
            }
            Err(e) => $push($api, e.status, e.message),
        }
    }};
}

/// A connected client.
pub struct Session {
    client: Client,
    opts: LiveOptions,
}

impl Session {
    pub async fn connect(opts: LiveOptions) -> Result<Session, CollectError> {
        let client = Client::new(
            &opts.cloud.authority_host,
            opts.credential,
            opts.ca_bundle.as_deref(),
            opts.call_timeout,
            opts.max_attempts,
        )?;
        let session = Session { client, opts };
        // Fail early, with a clear message, when no token can be had.
        session
            .client
            .token(&session.arm_scope())
            .await
            .map_err(|e| setup(format!("cannot obtain an Azure token ({})", e.message)))?;
        Ok(session)
    }

    fn arm_scope(&self) -> String {
        format!("{}/.default", self.opts.cloud.resource_manager)
    }

    fn graph_scope(&self) -> String {
        format!("{}/.default", self.opts.cloud.graph)
    }

    async fn arm_list<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, CallError> {
        let base = &self.opts.cloud.resource_manager;
        self.client
            .list(&format!("{base}{path}"), &self.arm_scope(), base)
            .await
    }

    async fn graph_list<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, CallError> {
        let base = &self.opts.cloud.graph;
        self.client
            .list(&format!("{base}{path}"), &self.graph_scope(), base)
            .await
    }

    /// Every subscription to scan, with the coverage of the discovery.
    async fn subscriptions(
        &self,
    ) -> (Vec<(String, Option<String>, Option<String>)>, Vec<Coverage>) {
        if !self.opts.subscriptions.is_empty() {
            return (
                self.opts
                    .subscriptions
                    .iter()
                    .map(|s| (s.clone(), None, None))
                    .collect(),
                Vec::new(),
            );
        }
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Sub {
            subscription_id: String,
            #[serde(default)]
            display_name: Option<String>,
            #[serde(default)]
            state: Option<String>,
            #[serde(default)]
            tenant_id: Option<String>,
        }
        match self
            .arm_list::<Sub>(&format!("/subscriptions?api-version={SUBSCRIPTIONS}"))
            .await
        {
            Ok(list) => {
                let n = list.len();
                let subs: Vec<_> = list
                    .into_iter()
                    .filter(|s| s.state.as_deref().is_none_or(|x| x == "Enabled"))
                    .map(|s| (s.subscription_id, s.display_name, s.tenant_id))
                    .collect();
                let cov = Coverage {
                    provider: Provider::Azure,
                    target: "tenant".into(),
                    region: None,
                    api: "resources:subscriptions.list".into(),
                    status: CoverageStatus::Complete,
                    detail: format!("{n} subscriptions, {} enabled", subs.len()),
                };
                (subs, vec![cov])
            }
            Err(e) => (
                Vec::new(),
                vec![Coverage {
                    provider: Provider::Azure,
                    target: "tenant".into(),
                    region: None,
                    api: "resources:subscriptions.list".into(),
                    status: e.status,
                    detail: e.message,
                }],
            ),
        }
    }

    /// Collects every subscription; the second part is the coverage of the discovery itself.
    pub async fn collect(&self, progress: &dyn Progress) -> (Vec<SubscriptionData>, Vec<Coverage>) {
        progress.phase("azure: listing subscriptions", None);
        let (mut subs, mut discovery) = self.subscriptions().await;
        subs.sort();
        let shard = self.opts.shard;
        let subs: Vec<_> = subs
            .into_iter()
            .enumerate()
            .filter(|(i, _)| crate::in_shard(*i, shard))
            .map(|(_, s)| s)
            .collect();
        progress.phase(
            &format!("azure: {} subscriptions", subs.len()),
            Some(subs.len() as u64),
        );
        let mut listed = BTreeMap::new();
        if self.opts.resource_graph && !subs.is_empty() {
            progress.phase("azure: Resource Graph", None);
            let ids: Vec<String> = subs.iter().map(|s| s.0.clone()).collect();
            match crate::until_stop(self.opts.stop_at, self.graph_inventory(&ids)).await {
                Some((found, record)) => {
                    listed = found;
                    discovery.push(record);
                }
                None => discovery.push(Coverage {
                    provider: Provider::Azure,
                    target: "tenant".into(),
                    region: None,
                    api: "resourcegraph:resources".into(),
                    status: CoverageStatus::Failed,
                    detail: crate::cut_off_detail("the Resource Graph listing is"),
                }),
            }
        }
        let work: Vec<_> = subs
            .into_iter()
            .map(|(id, name, tenant)| {
                let pre = listed.remove(&id.to_ascii_lowercase());
                (id, name, tenant, pre)
            })
            .collect();
        let read: Vec<_> = stream::iter(work)
            .map(|(id, name, tenant, pre)| async move {
                let d = crate::until_stop(self.opts.stop_at, self.subscription(&id, pre)).await;
                progress.advance(1);
                (id, name, tenant, d)
            })
            .buffered(self.opts.parallel_subscriptions.max(1))
            .collect()
            .await;
        let mut out = Vec::new();
        for (id, name, tenant, d) in read {
            let Some(mut d) = d else {
                discovery.push(Coverage {
                    provider: Provider::Azure,
                    target: id.clone(),
                    region: None,
                    api: "web:sites.list".into(),
                    status: CoverageStatus::Failed,
                    detail: crate::cut_off_detail(
                        "the subscription's Function Apps, Logic Apps, Automation accounts, identities, role assignments and Activity Log are",
                    ),
                });
                continue;
            };
            d.display_name = d.display_name.or(name);
            d.tenant_id = d.tenant_id.or(tenant);
            out.push(d);
        }
        (out, discovery)
    }

    async fn subscription(
        &self,
        sub: &str,
        pre: Option<resource_graph::Inventory>,
    ) -> SubscriptionData {
        let mut d = SubscriptionData {
            subscription_id: sub.to_string(),
            ..SubscriptionData::default()
        };
        let mut cov: Vec<Coverage> = Vec::new();
        let mut push = |api: &str, status: CoverageStatus, detail: String| {
            cov.push(Coverage {
                provider: Provider::Azure,
                target: sub.to_string(),
                region: None,
                api: api.to_string(),
                status,
                detail,
            });
        };
        self.lists(sub, pre, &mut d, &mut push).await;
        self.resource_children(&mut d, &mut push).await;
        self.graph(&mut d, &mut push).await;
        self.activity(sub, &mut d, &mut push).await;
        d.coverage = cov;
        d
    }

    /// The subscription's ARM listings: sites, Logic Apps, Automation accounts, identities, role assignments, definitions and deny assignments.
    async fn lists(
        &self,
        sub: &str,
        pre: Option<resource_graph::Inventory>,
        d: &mut SubscriptionData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let s = format!("/subscriptions/{sub}");
        let from_graph = pre.is_some();
        if let Some(inv) = pre {
            for (api, n, what) in [
                ("web:sites.list", inv.sites.len(), "sites"),
                ("logic:workflows.list", inv.workflows.len(), "Logic Apps"),
                (
                    "automation:automationAccounts.list",
                    inv.automation_accounts.len(),
                    "Automation accounts",
                ),
                (
                    "managedidentity:userAssignedIdentities.list",
                    inv.user_assigned.len(),
                    "user-assigned identities",
                ),
            ] {
                push(
                    api,
                    CoverageStatus::Complete,
                    format!("{n} {what} (Azure Resource Graph)"),
                );
            }
            d.sites = Some(inv.sites);
            d.workflows = Some(inv.workflows);
            d.automation_accounts = Some(inv.automation_accounts);
            d.user_assigned = Some(inv.user_assigned);
        }
        if !from_graph {
            self.inventory_lists(&s, d, push).await;
        }
        self.authorization_lists(&s, d, push).await;
    }

    /// The four listings Resource Graph can stand in for.
    async fn inventory_lists(
        &self,
        s: &str,
        d: &mut SubscriptionData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        list!(
            self,
            d,
            push,
            sites,
            format!("{s}/providers/Microsoft.Web/sites?api-version={WEB}"),
            "web:sites.list",
            "sites"
        );
        list!(
            self,
            d,
            push,
            workflows,
            format!("{s}/providers/Microsoft.Logic/workflows?api-version={LOGIC}"),
            "logic:workflows.list",
            "Logic Apps"
        );
        list!(
            self,
            d,
            push,
            automation_accounts,
            format!(
                "{s}/providers/Microsoft.Automation/automationAccounts?api-version={AUTOMATION}"
            ),
            "automation:automationAccounts.list",
            "Automation accounts"
        );
        list!(
            self,
            d,
            push,
            user_assigned,
            format!(
                "{s}/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version={MSI}"
            ),
            "managedidentity:userAssignedIdentities.list",
            "user-assigned identities"
        );
    }

    /// Role assignments, role definitions and deny assignments at the subscription.
    async fn authorization_lists(
        &self,
        s: &str,
        d: &mut SubscriptionData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        list!(
            self,
            d,
            push,
            role_assignments,
            format!("{s}/providers/Microsoft.Authorization/roleAssignments?api-version={AUTHZ}"),
            "authorization:roleAssignments.list",
            "role assignments"
        );
        list!(
            self,
            d,
            push,
            role_definitions,
            format!("{s}/providers/Microsoft.Authorization/roleDefinitions?api-version={AUTHZ}"),
            "authorization:roleDefinitions.list",
            "role definitions"
        );
        list!(
            self,
            d,
            push,
            deny_assignments,
            format!("{s}/providers/Microsoft.Authorization/denyAssignments?api-version={AUTHZ}"),
            "authorization:denyAssignments.list",
            "deny assignments"
        );
    }

    /// Per resource: the functions of each site, the runbooks and webhooks of each Automation account.
    async fn resource_children(
        &self,
        d: &mut SubscriptionData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        // Per resource: functions of each site, runbooks and webhooks of each account.
        let sites: Vec<String> = d.sites.iter().flatten().map(|x| x.id.clone()).collect();
        let (map, errors) = self
            .per_resource(&sites, |id| format!("{id}/functions?api-version={WEB}"))
            .await;
        d.site_functions = map;
        if !sites.is_empty() {
            let (st, de) = fan_out(errors, format!("read for {} sites", sites.len()));
            push("web:sites.functions.list", st, de);
        }
        let accounts: Vec<String> = d
            .automation_accounts
            .iter()
            .flatten()
            .map(|x| x.id.clone())
            .collect();
        let (map, errors) = self
            .per_resource(&accounts, |id| {
                format!("{id}/runbooks?api-version={AUTOMATION}")
            })
            .await;
        d.runbooks = map;
        if !accounts.is_empty() {
            let (st, de) = fan_out(errors, format!("read for {} accounts", accounts.len()));
            push("automation:runbooks.list", st, de);
        }
        let (map, errors) = self
            .per_resource(&accounts, |id| {
                format!("{id}/webhooks?api-version={WEBHOOKS}")
            })
            .await;
        d.webhooks = map;
        if !accounts.is_empty() {
            let (st, de) = fan_out(errors, format!("read for {} accounts", accounts.len()));
            push("automation:webhooks.list", st, de);
        }
    }

    /// Microsoft Graph: the managed identities' app roles and directory roles.
    async fn graph(
        &self,
        d: &mut SubscriptionData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        // Microsoft Graph: the managed identities' app roles and directory roles.
        let principals: Vec<String> = identity_principals(d).into_iter().collect();
        if !principals.is_empty() {
            let breaker = crate::rest::breaker("graph:servicePrincipals.appRoleAssignments");
            let breaker = &breaker;
            let results: Vec<(String, Result<Vec<wire::AppRoleAssignment>, CallError>)> =
                stream::iter(principals.clone())
                    .map(|p| async move {
                        let r = crate::rest::guarded(
                            breaker,
                            self.graph_list(&format!(
                                "/v1.0/servicePrincipals/{p}/appRoleAssignments"
                            )),
                        )
                        .await;
                        (p, r)
                    })
                    .buffer_unordered(self.opts.concurrency.max(1))
                    .collect()
                    .await;
            let mut errors = Vec::new();
            let mut denied = None;
            for (p, r) in results {
                match r {
                    Ok(l) => {
                        d.app_roles.insert(p, Some(l));
                    }
                    Err(e) => {
                        if e.status == CoverageStatus::Denied {
                            denied = Some(e.status);
                        }
                        errors.push(format!("{p}: {}", e.message));
                        d.app_roles.insert(p, None);
                    }
                }
            }
            let (mut st, mut de) = fan_out(
                errors,
                format!("read for {} managed identities", principals.len()),
            );
            if let (Some(s), CoverageStatus::Partial) = (denied, st) {
                st = s;
                de = format!("{de} (Microsoft Graph needs Application.Read.All)");
            }
            push("graph:servicePrincipals.appRoleAssignments", st, de);
            let mut roles = Vec::new();
            let mut errors = Vec::new();
            // In order (`buffered`): the same estate gives the same snapshot.
            let answers: Vec<(
                &String,
                Result<Vec<wire::DirectoryRoleAssignment>, CallError>,
            )> = stream::iter(&principals)
                .map(|p| async move {
                    let path = format!(
                        "/v1.0/roleManagement/directory/roleAssignments?$filter={}",
                        urlencode(&format!("principalId eq '{p}'"))
                    );
                    (p, self.graph_list(&path).await)
                })
                .buffered(self.opts.concurrency.max(1))
                .collect()
                .await;
            for (p, r) in answers {
                match r {
                    Ok(l) => roles.extend(l),
                    Err(e) => errors.push((e.status, format!("{p}: {}", e.message))),
                }
            }
            match errors.first() {
                None => {
                    push(
                        "graph:roleManagement.directory.roleAssignments",
                        CoverageStatus::Complete,
                        format!("{} directory role assignments", roles.len()),
                    );
                    d.directory_roles = Some(roles);
                }
                Some((st, m)) => push(
                    "graph:roleManagement.directory.roleAssignments",
                    *st,
                    format!(
                        "{} of {} not read; first: {m} (needs RoleManagement.Read.Directory)",
                        errors.len(),
                        principals.len()
                    ),
                ),
            }
        }
    }

    /// The Activity Log, over an explicit window.
    async fn activity(
        &self,
        sub: &str,
        d: &mut SubscriptionData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let s = format!("/subscriptions/{sub}");
        // Activity Log: the window is explicit; operation and caller are filtered here, by provider
        // on the server (the only filter it offers).
        let to = chrono::Utc::now();
        let from = to - chrono::Duration::days(self.opts.activity_days);
        let fmt =
            |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let mut raw: Vec<serde_json::Value> = Vec::new();
        let mut failed = None;
        // Microsoft.Authorization: role assignments written by the resources' identities (AZ-008).
        // The four queries at once; read in this order, the first failure standing for all.
        let answers = futures::future::join_all(
            [
                "Microsoft.Web",
                "Microsoft.Logic",
                "Microsoft.Automation",
                "Microsoft.Authorization",
            ]
            .map(|rp| {
                let filter = format!(
                    "eventTimestamp ge '{}' and eventTimestamp le '{}' and resourceProvider eq '{rp}'",
                    fmt(from),
                    fmt(to)
                );
                let path = format!(
                    "{s}/providers/Microsoft.Insights/eventtypes/management/values?api-version={INSIGHTS}&$filter={}",
                    urlencode(&filter)
                );
                async move { self.arm_list::<serde_json::Value>(&path).await }
            }),
        )
        .await;
        for answer in answers {
            match answer {
                Ok(l) => raw.extend(l),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        match failed {
            None => {
                let events: Vec<wire::ActivityEvent> = raw
                    .iter()
                    .filter_map(|v| serde_json::from_value(v.clone()).ok())
                    .collect();
                match crate::logs::reduce_api(
                    Provider::Azure,
                    &s.trim_start_matches("/subscriptions/").to_ascii_lowercase(),
                    (from, to),
                    "insights:activityLogs.list",
                    &raw,
                ) {
                    Ok(audit) => d.audit = Some(audit),
                    Err(e) => push(
                        "insights:activityLogs.list",
                        CoverageStatus::Partial,
                        format!("events the detections cannot read: {e}"),
                    ),
                }
                push(
                    "insights:activityLogs.list",
                    CoverageStatus::Complete,
                    format!("{} events from {} to {}", events.len(), fmt(from), fmt(to)),
                );
                d.activity = Some(ActivityLog {
                    from: fmt(from),
                    to: fmt(to),
                    events,
                });
            }
            Some(e) => push("insights:activityLogs.list", e.status, e.message),
        }
    }

    /// One paged list per resource, concurrently; `None` for those that failed.
    #[allow(clippy::type_complexity)]
    async fn per_resource<T: DeserializeOwned>(
        &self,
        ids: &[String],
        path: impl Fn(&str) -> String,
    ) -> (BTreeMap<String, Option<Vec<T>>>, Vec<String>) {
        // Named after the first item's path without its resource: `…/functions`, `…/runbooks`.
        let api = ids
            .first()
            .map(|id| path(id).replace(id.as_str(), "{id}"))
            .map(|p| p.split('?').next().unwrap_or_default().to_string())
            .unwrap_or_default();
        let breaker = crate::rest::breaker(&format!("arm:{api}"));
        let breaker = &breaker;
        let results: Vec<(String, Result<Vec<T>, CallError>)> = stream::iter(ids.to_vec())
            .map(|id| {
                let p = path(&id);
                async move {
                    let r = crate::rest::guarded(breaker, self.arm_list::<T>(&p)).await;
                    (id, r)
                }
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect()
            .await;
        let mut map = BTreeMap::new();
        let mut errors = Vec::new();
        for (id, r) in results {
            match r {
                Ok(l) => {
                    map.insert(id, Some(l));
                }
                Err(e) => {
                    errors.push(format!("{id}: {}", e.message));
                    map.insert(id, None);
                }
            }
        }
        (map, errors)
    }
}
