//! A fast fake of the Azure APIs `fnscope scan azure` reads, over HTTPS (azure_identity refuses a
//! plain-HTTP authority): the Entra v2 token endpoint (client credentials), Azure Resource Manager
//! and Resource Graph, and the Microsoft Graph calls, for N subscriptions each holding W Function
//! Apps (K functions each), L Logic Apps, an Automation account (R runbooks, a webhook) and U
//! user-assigned identities, every identity a Contributor of its subscription. Every answer waits
//! `latency`. ARM reads are throttled as Microsoft documents them: a bucket of 250 per subscription
//! and principal refilled at 25 a second (429 with `Retry-After`); Resource Graph at 15 queries per
//! 5 seconds per user. Microsoft Graph is not throttled here (its identity limits are not published
//! as one figure).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode};
use serde_json::{Value, json};

pub const TENANT: &str = "72f988bf-0000-4000-8000-2d7cd011db47";
pub const CLIENT_ID: &str = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
pub const SECRET: &str = "bench~secret";

/// ARM reads per subscription and principal: bucket size and refill per second.
pub const ARM_BUCKET: f64 = 250.0;
pub const ARM_REFILL: f64 = 25.0;
/// Resource Graph: queries per window per user, and the window.
pub const ARG_QUERIES: f64 = 15.0;
pub const ARG_WINDOW_S: f64 = 5.0;

#[derive(Debug, Clone)]
pub struct Estate {
    pub subscriptions: usize,
    pub apps: usize,
    pub functions: usize,
    pub logic_apps: usize,
    pub runbooks: usize,
    pub identities: usize,
    pub latency: Duration,
    pub quotas: bool,
}

pub fn sub_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-{i:012}")
}

fn principal(s: usize, k: usize) -> String {
    format!("{s:08}-{k:04}-4000-8000-000000000000")
}

const CONTRIBUTOR: &str = "b24988ac-6180-42a0-ab88-20f7382dd24c";

impl Estate {
    /// Principals of one subscription: each app, Logic App and the Automation account, then the
    /// user-assigned identities.
    fn principals(&self) -> usize {
        self.apps + self.logic_apps + 1 + self.identities
    }

    fn rg(&self, s: usize) -> String {
        format!("/subscriptions/{}/resourceGroups/rg", sub_id(s))
    }

    fn site(&self, s: usize, a: usize) -> Value {
        json!({"id": format!("{}/providers/Microsoft.Web/sites/fa-{a:04}", self.rg(s)), "name": format!("fa-{a:04}"),
            "type": "Microsoft.Web/sites", "kind": "functionapp,linux", "location": "westeurope",
            "identity": {"type": "SystemAssigned", "principalId": principal(s, a), "tenantId": TENANT},
            "properties": {"state": "Running", "httpsOnly": true, "publicNetworkAccess": "Enabled"}})
    }

    fn workflow(&self, s: usize, l: usize) -> Value {
        json!({"id": format!("{}/providers/Microsoft.Logic/workflows/la-{l:03}", self.rg(s)), "name": format!("la-{l:03}"),
            "type": "Microsoft.Logic/workflows", "location": "westeurope",
            "identity": {"type": "SystemAssigned", "principalId": principal(s, self.apps + l), "tenantId": TENANT},
            "properties": {"state": "Enabled", "definition": {"triggers": {"manual": {"type": "Request", "kind": "Http"}}, "actions": {}}}})
    }

    fn account(&self, s: usize) -> Value {
        json!({"id": format!("{}/providers/Microsoft.Automation/automationAccounts/aa", self.rg(s)), "name": "aa",
            "type": "Microsoft.Automation/automationAccounts", "location": "westeurope",
            "identity": {"type": "SystemAssigned", "principalId": principal(s, self.apps + self.logic_apps), "tenantId": TENANT},
            "properties": {"state": "Ok"}})
    }

    fn identity(&self, s: usize, u: usize) -> Value {
        json!({"id": format!("{}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-{u:02}", self.rg(s)),
            "name": format!("uami-{u:02}"), "type": "Microsoft.ManagedIdentity/userAssignedIdentities", "location": "westeurope",
            "properties": {"principalId": principal(s, self.apps + self.logic_apps + 1 + u), "clientId": principal(s, 9000 + u), "tenantId": TENANT}})
    }

    fn assignment(&self, s: usize, k: usize) -> Value {
        let sub = format!("/subscriptions/{}", sub_id(s));
        json!({"id": format!("{sub}/providers/Microsoft.Authorization/roleAssignments/{}", principal(s, 5000 + k)),
            "name": principal(s, 5000 + k), "type": "Microsoft.Authorization/roleAssignments",
            "properties": {"principalId": principal(s, k), "principalType": "ServicePrincipal", "scope": sub,
                "roleDefinitionId": format!("{sub}/providers/Microsoft.Authorization/roleDefinitions/{CONTRIBUTOR}")}})
    }

    fn definitions(&self, s: usize) -> Vec<Value> {
        let sub = format!("/subscriptions/{}", sub_id(s));
        [
            ("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner", json!(["*"]), json!([])),
            (CONTRIBUTOR, "Contributor", json!(["*"]), json!(["Microsoft.Authorization/*/Write", "Microsoft.Authorization/*/Delete"])),
            ("acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader", json!(["*/read"]), json!([])),
        ]
        .into_iter()
        .map(|(id, name, actions, not)| json!({"id": format!("{sub}/providers/Microsoft.Authorization/roleDefinitions/{id}"), "name": id,
            "type": "Microsoft.Authorization/roleDefinitions",
            "properties": {"roleName": name, "type": "BuiltInRole", "assignableScopes": ["/"],
                "permissions": [{"actions": actions, "notActions": not, "dataActions": [], "notDataActions": []}]}}))
        .collect()
    }

    /// Resources Resource Graph lists for one subscription.
    pub fn resources(&self) -> u64 {
        (self.subscriptions
            * (self.apps * (1 + self.functions)
                + self.logic_apps
                + 1
                + self.runbooks
                + self.identities)) as u64
    }

    /// The fewest calls, by method, with (`graph`) or without Resource Graph.
    pub fn minimum_calls(&self, graph: bool) -> BTreeMap<String, u64> {
        let mut m = BTreeMap::new();
        let n = self.subscriptions as u64;
        let mut add = |k: &str, c: u64| *m.entry(k.to_string()).or_insert(0) += c;
        add("arm:subscriptions.list", 1);
        if graph {
            let rows = n * (self.apps + self.logic_apps + 1 + self.identities) as u64;
            add("resourcegraph:resources(subscriptions)", n.div_ceil(1000));
            add(
                "resourcegraph:resources(inventory)",
                rows.div_ceil(1000).max(1),
            );
        } else {
            for k in [
                "sites",
                "workflows",
                "automationAccounts",
                "userAssignedIdentities",
            ] {
                add(&format!("arm:{k}.list"), n);
            }
        }
        for k in ["roleAssignments", "roleDefinitions", "denyAssignments"] {
            add(&format!("arm:{k}.list"), n);
        }
        add("arm:functions.list", n * self.apps as u64);
        add("arm:runbooks.list", n);
        // The Activity Log, one query per resource provider the rules read.
        add("arm:activityLog.list", 4 * n);
        add("arm:webhooks.list", n);
        // The identities the workloads run as (a user-assigned one no workload uses is not asked).
        let used = n * (self.apps + self.logic_apps + 1) as u64;
        add("graph:appRoleAssignments", used);
        add("graph:directoryRoleAssignments", used);
        m
    }

    /// ARM calls per subscription (for the quota bound), with or without Resource Graph.
    pub fn arm_per_subscription(&self, graph: bool) -> u64 {
        (3 + self.apps + 2 + 4 + if graph { 0 } else { 4 }) as u64
    }
}

pub use crate::common::Stats;
use crate::common::{admit, json as answer, param};

pub struct Fake {
    pub url: String,
    pub ca_pem: std::path::PathBuf,
    pub stats: Arc<Mutex<Stats>>,
}

/// A TLS listener for `axum::serve`.
struct TlsListener {
    tcp: tokio::net::TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<tokio::net::TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((tcp, addr)) = self.tcp.accept().await else {
                continue;
            };
            if let Ok(tls) = self.acceptor.accept(tcp).await {
                return (tls, addr);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

impl Fake {
    pub fn start(estate: Estate, dir: &std::path::Path) -> Result<Fake, String> {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let cert = dir.join("cert.pem");
        let key = dir.join("key.pem");
        let ok = std::process::Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=127.0.0.1",
            ])
            .args([
                "-addext",
                "subjectAltName=IP:127.0.0.1",
                "-addext",
                "basicConstraints=critical,CA:FALSE",
            ])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stderr(std::process::Stdio::null())
            .status()
            .map_err(|e| format!("openssl is needed for the HTTPS fake: {e}"))?
            .success();
        if !ok {
            return Err("openssl could not make a certificate".into());
        }
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert)
            .map_err(|e| e.to_string())?
            .filter_map(Result::ok)
            .collect();
        let pk = PrivateKeyDer::from_pem_file(&key).map_err(|e| e.to_string())?;
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(certs, pk)
        .map_err(|e| e.to_string())?;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
        listener.set_nonblocking(true).map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let url = format!("https://127.0.0.1:{}", addr.port());
        let stats = Arc::new(Mutex::new(Stats::default()));
        let base = url.clone();
        let app = crate::common::router(Arc::new(estate), stats.clone(), move |req, e, st| {
            let base = base.clone();
            async move { handle(req, &e, &st, &base).await }
        });
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        crate::common::spawn(
            move || {
                Some(TlsListener {
                    tcp: tokio::net::TcpListener::from_std(listener).ok()?,
                    acceptor,
                })
            },
            app,
        );
        Ok(Fake {
            url,
            ca_pem: cert,
            stats,
        })
    }
}

fn ok(v: Value) -> Response<Body> {
    answer(StatusCode::OK, v)
}

fn error(status: StatusCode, code: &str, message: &str) -> Response<Body> {
    answer(status, json!({"error": {"code": code, "message": message}}))
}

/// ARM's `{value, nextLink}` page, 1,000 a page.
fn page(base: &str, path: &str, q: &str, items: Vec<Value>, key: &str) -> Response<Body> {
    let start: usize = param(q, "$skipToken")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let end = (start + 1000).min(items.len());
    let mut v = json!({"value": items[start.min(end)..end].to_vec()});
    if end < items.len() {
        let rest: String = q
            .split('&')
            .filter(|kv| !kv.starts_with("$skipToken=") && !kv.starts_with("%24skipToken="))
            .collect::<Vec<_>>()
            .join("&");
        v[key] = json!(format!("{base}{path}?{rest}&$skipToken={end}"));
    }
    ok(v)
}

/// (method name, subscription index) of a request.
fn classify(method: &str, path: &str) -> (String, Option<usize>) {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let sub = match segs.as_slice() {
        ["subscriptions", id, ..] => id.rsplit('-').next().and_then(|n| n.parse().ok()),
        _ => None,
    };
    let name = match segs.as_slice() {
        ["subscriptions"] => "arm:subscriptions.list".to_string(),
        [.., "providers", "Microsoft.ResourceGraph", "resources"] => {
            "resourcegraph:resources".into()
        }
        ["v1.0", "servicePrincipals", _, "appRoleAssignments"] => "graph:appRoleAssignments".into(),
        ["v1.0", "roleManagement", "directory", "roleAssignments"] => {
            "graph:directoryRoleAssignments".into()
        }
        [.., "sites", _, "functions"] => "arm:functions.list".into(),
        [.., "eventtypes", "management", "values"] => "arm:activityLog.list".into(),
        [.., "automationAccounts", _, "runbooks"] => "arm:runbooks.list".into(),
        [.., "automationAccounts", _, "webhooks"] => "arm:webhooks.list".into(),
        ["subscriptions", _, "providers", _, kind] => format!("arm:{kind}.list"),
        _ => format!("other:{method} {path}"),
    };
    (name, sub)
}

async fn handle(req: Request<Body>, e: &Estate, st: &Mutex<Stats>, base: &str) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let path = parts.uri.path().to_string();
    let q = parts.uri.query().unwrap_or_default().to_string();
    if path == format!("/{TENANT}/oauth2/v2.0/token") {
        return ok(
            json!({"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": "eyJ0eXAiOiJKV1QifQ.bench"}),
        );
    }
    let (mut name, sub) = classify(parts.method.as_str(), &path);
    let graph_query: Value = serde_json::from_slice(&body).unwrap_or_default();
    if name == "resourcegraph:resources" {
        let text = graph_query["query"].as_str().unwrap_or_default();
        name = if text.starts_with("resourcecontainers") {
            "resourcegraph:resources(subscriptions)".into()
        } else {
            "resourcegraph:resources(inventory)".into()
        };
    }
    tokio::time::sleep(e.latency).await;
    let admitted = !e.quotas
        || match (name.split(':').next(), sub) {
            (Some("arm"), Some(s)) => admit(st, format!("arm/{s}"), ARM_BUCKET, ARM_REFILL),
            (Some("arm"), None) => admit(st, "arm/tenant".into(), ARM_BUCKET, ARM_REFILL),
            (Some("resourcegraph"), _) => admit(
                st,
                "resourcegraph".into(),
                ARG_QUERIES,
                ARG_QUERIES / ARG_WINDOW_S,
            ),
            _ => true,
        };
    crate::common::count(st, &name, admitted);
    if !admitted {
        let mut r = error(
            StatusCode::TOO_MANY_REQUESTS,
            "TooManyRequests",
            "The request is being throttled.",
        );
        if let Ok(v) = "1".parse() {
            r.headers_mut().insert("retry-after", v);
        }
        return r;
    }
    serve(e, &name, sub, &path, &q, base, &graph_query)
}

fn serve(
    e: &Estate,
    name: &str,
    sub: Option<usize>,
    path: &str,
    q: &str,
    base: &str,
    body: &Value,
) -> Response<Body> {
    let s = sub.unwrap_or(0);
    let list = |items: Vec<Value>| page(base, path, q, items, "nextLink");
    match name {
        "arm:subscriptions.list" => list(
            (0..e.subscriptions)
                .map(|i| json!({"id": format!("/subscriptions/{}", sub_id(i)), "subscriptionId": sub_id(i), "displayName": format!("sub-{i:04}"), "state": "Enabled", "tenantId": TENANT}))
                .collect(),
        ),
        "arm:sites.list" => list((0..e.apps).map(|a| e.site(s, a)).collect()),
        "arm:workflows.list" => list((0..e.logic_apps).map(|l| e.workflow(s, l)).collect()),
        "arm:automationAccounts.list" => list(vec![e.account(s)]),
        "arm:userAssignedIdentities.list" => {
            list((0..e.identities).map(|u| e.identity(s, u)).collect())
        }
        "arm:roleAssignments.list" => list((0..e.principals()).map(|k| e.assignment(s, k)).collect()),
        "arm:roleDefinitions.list" => list(e.definitions(s)),
        "arm:denyAssignments.list" | "arm:activityLog.list" => list(Vec::new()),
        "arm:functions.list" => {
            let site = path.split("/sites/").nth(1).and_then(|r| r.split('/').next()).unwrap_or_default();
            list(
                (0..e.functions)
                    .map(|f| json!({"id": format!("{}/providers/Microsoft.Web/sites/{site}/functions/f{f}", e.rg(s)), "name": format!("{site}/f{f}"),
                        "type": "Microsoft.Web/sites/functions",
                        "properties": {"name": format!("f{f}"), "isDisabled": false,
                            "config": {"bindings": [{"type": "timerTrigger", "direction": "in", "name": "t", "schedule": "0 */5 * * * *"}]}}}))
                    .collect(),
            )
        }
        "arm:runbooks.list" => list(
            (0..e.runbooks)
                .map(|r| json!({"id": format!("{}/providers/Microsoft.Automation/automationAccounts/aa/runbooks/rb-{r}", e.rg(s)), "name": format!("rb-{r}"),
                    "properties": {"runbookType": "PowerShell", "state": "Published"}}))
                .collect(),
        ),
        "arm:webhooks.list" => list(vec![
            json!({"id": format!("{}/providers/Microsoft.Automation/automationAccounts/aa/webhooks/wh", e.rg(s)), "name": "wh",
                "properties": {"isEnabled": true, "runbook": {"name": "rb-0"}}}),
        ]),
        "graph:appRoleAssignments" | "graph:directoryRoleAssignments" => ok(json!({"value": []})),
        n if n.starts_with("resourcegraph:") => resource_graph(e, n, body),
        _ => error(StatusCode::NOT_FOUND, "ResourceNotFound", path),
    }
}

/// Resource Graph (2022-10-01): the subscriptions asked about, or the inventory rows of them, 1,000
/// a page (`$skipToken` the offset).
fn resource_graph(e: &Estate, name: &str, body: &Value) -> Response<Body> {
    let subs: Vec<usize> = body["subscriptions"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s.as_str()?.rsplit('-').next()?.parse().ok())
        .filter(|i| *i < e.subscriptions)
        .collect();
    let start: usize = body["options"]["$skipToken"]
        .as_str()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let top = body["options"]["$top"].as_u64().unwrap_or(1000).min(1000) as usize;
    let per = e.apps + e.logic_apps + 1 + e.identities;
    let total = if name.ends_with("(subscriptions)") {
        subs.len()
    } else {
        subs.len() * per
    };
    let end = (start + top).min(total);
    let rows: Vec<Value> = (start..end)
        .map(|i| {
            if name.ends_with("(subscriptions)") {
                let s = subs[i];
                return json!({"id": format!("/subscriptions/{}", sub_id(s)), "subscriptionId": sub_id(s)});
            }
            let (s, k) = (subs[i / per], i % per);
            let mut row = if k < e.apps {
                e.site(s, k)
            } else if k < e.apps + e.logic_apps {
                e.workflow(s, k - e.apps)
            } else if k == e.apps + e.logic_apps {
                e.account(s)
            } else {
                e.identity(s, k - e.apps - e.logic_apps - 1)
            };
            let kind = row["type"].as_str().unwrap_or_default().to_ascii_lowercase();
            row["type"] = json!(kind);
            row["subscriptionId"] = json!(sub_id(s));
            row
        })
        .collect();
    let mut v = json!({"totalRecords": total, "count": rows.len(), "data": rows, "facets": [], "resultTruncated": "false"});
    if end < total {
        v["$skipToken"] = json!(end.to_string());
    }
    ok(v)
}
