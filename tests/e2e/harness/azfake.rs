//! A fake Azure over HTTPS (azure_identity refuses a non-HTTPS authority): the Entra v2 token endpoint
//! with the real client-credentials form (tenant, client id and secret checked, one token per
//! audience), Azure Resource Manager and Microsoft Graph routes the collector calls, answering from an
//! export folder laid out like `examples/estate/azure/<subscription>/`. ARM objects are served in the
//! REST shape of `../shared/api-specs/azure` (fields under `properties`), whatever shape the export
//! holds; lists are paged two items at a time with absolute `nextLink`s, and every ARM call must carry
//! `api-version`, as ARM requires.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode};
use serde_json::{Value, json};

pub use super::fault::FaultKind;
use super::fault::{self, Faults};

pub const TENANT: &str = "72f988bf-0000-4000-8000-2d7cd011db47";
pub const CLIENT_ID: &str = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
pub const SECRET: &str = "fake~client~secret~Qw3Er5Ty7Ui9Op1As3Df5";
const ARM_TOKEN: &str = "eyJ0eXAiOiJKV1QifQ.arm.fake";
const GRAPH_TOKEN: &str = "eyJ0eXAiOiJKV1QifQ.graph.fake";

pub struct AzureFake {
    pub url: String,
    pub ca_pem: PathBuf,
    pub log: Arc<Mutex<Vec<String>>>,
    /// Extra `(path, body)` answers that win over the export (e.g. a hostile page).
    pub overrides: Arc<Mutex<Vec<(String, Value)>>>,
    assertion_key: Arc<Mutex<Option<Vec<u8>>>>,
    faults: Faults,
}

struct State {
    dir: PathBuf,
    sub: String,
    /// A Power Platform environment export (`examples/estate/power-automate/<env>`) and its name.
    pa: Option<(PathBuf, String)>,
    base: String,
    log: Arc<Mutex<Vec<String>>>,
    overrides: Arc<Mutex<Vec<(String, Value)>>>,
    /// The public key (PKCS#1 DER) client assertions must be signed with, when certificates are trusted.
    assertion_key: Arc<Mutex<Option<Vec<u8>>>>,
    faults: Faults,
}

/// The fault, if any, this call to `path` (with `query`) is answered with, in ARM's and Graph's shapes.
fn injected(st: &State, path: &str, query: &str) -> Option<Response<Body>> {
    Some(match st.faults.take(path)? {
        FaultKind::Status(code) => fault::status(
            code,
            json!({"error": {"code": if code == 429 { "TooManyRequests" } else { "ServerError" }, "message": format!("injected {code}")}}),
        ),
        FaultKind::Truncated => fault::truncated("{\"value\": [{\"id\": \"/subscriptions/"),
        FaultKind::Reset => fault::reset("{\"value\": [{\"id\": \"/subscriptions/"),
        FaultKind::RepeatToken => {
            // The next link is the very URL asked for.
            let link = if query.is_empty() {
                format!("{}{path}", st.base)
            } else {
                format!("{}{path}?{query}", st.base)
            };
            resp(
                StatusCode::OK,
                json!({"value": [], "nextLink": link, "@odata.nextLink": link}),
            )
        }
        FaultKind::Huge => fault::huge("value"),
        FaultKind::Slow => fault::slow(),
        FaultKind::LongRetryAfter => fault::long_retry_after(),
    })
}

fn b64url(s: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .ok()
}

/// Checks a certificate client assertion as Entra does: RS256 signature by the registered
/// certificate, `x5t` present, issuer and subject the client, audience the token endpoint, not expired.
fn verify_assertion(key: &[u8], jwt: &str, audience: &str) -> Result<(), String> {
    let parts: Vec<&str> = jwt.split('.').collect();
    if parts.len() != 3 {
        return Err("not a JWT".into());
    }
    let sig = b64url(parts[2]).ok_or("bad signature encoding")?;
    ring::signature::UnparsedPublicKey::new(&ring::signature::RSA_PKCS1_2048_8192_SHA256, key)
        .verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &sig)
        .map_err(|_| "AADSTS700027: the client assertion signature is invalid".to_string())?;
    let header: Value = serde_json::from_slice(&b64url(parts[0]).ok_or("bad header")?)
        .map_err(|e| e.to_string())?;
    let claims: Value = serde_json::from_slice(&b64url(parts[1]).ok_or("bad claims")?)
        .map_err(|e| e.to_string())?;
    if header["alg"] != "RS256" || !header["x5t"].is_string() {
        return Err("the assertion header needs alg RS256 and x5t".into());
    }
    if claims["iss"] != CLIENT_ID || claims["sub"] != CLIENT_ID {
        return Err("issuer and subject must be the client id".into());
    }
    if claims["aud"] != audience {
        return Err(format!("audience {} is not {audience}", claims["aud"]));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    if claims["exp"].as_u64().unwrap_or(0) < now {
        return Err("expired assertion".into());
    }
    Ok(())
}

fn resp(status: StatusCode, v: Value) -> Response<Body> {
    let mut r = Response::new(Body::from(v.to_string()));
    *r.status_mut() = status;
    r.headers_mut()
        .insert("content-type", "application/json".parse().expect("header"));
    r
}

fn arm_error(status: StatusCode, code: &str, message: &str) -> Response<Body> {
    resp(status, json!({"error": {"code": code, "message": message}}))
}

fn file(dir: &Path, rel: &str) -> Option<Value> {
    std::fs::read(dir.join(rel))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

/// The items of an export file (array or `{value: […]}`).
fn items(dir: &Path, rel: &str) -> Vec<Value> {
    match file(dir, rel) {
        Some(Value::Array(a)) => a,
        Some(Value::Object(mut o)) => match o.remove("value") {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The ARM REST shape: envelope fields at the top, everything else under `properties`.
fn nest(v: Value) -> Value {
    const TOP: &[&str] = &[
        "id",
        "name",
        "type",
        "kind",
        "location",
        "tags",
        "identity",
        "etag",
        "sku",
        "managedBy",
        "properties",
        "systemData",
    ];
    let Value::Object(o) = v else { return v };
    if o.contains_key("properties") {
        return Value::Object(o);
    }
    let mut top = serde_json::Map::new();
    let mut props = serde_json::Map::new();
    for (k, val) in o {
        if TOP.contains(&k.as_str()) {
            top.insert(k, val);
        } else if k != "resourceGroup" {
            props.insert(k, val);
        }
    }
    top.insert("properties".into(), Value::Object(props));
    Value::Object(top)
}

fn query_param(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

/// Pages `list` two at a time with an absolute `nextLink` (ARM) or `@odata.nextLink` (Graph).
fn page(st: &State, path: &str, query: &str, list: Vec<Value>, graph: bool) -> Response<Body> {
    let start: usize = query_param(query, "$skipToken")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let end = (start + 2).min(list.len());
    let mut v = json!({"value": list[start.min(end)..end].to_vec()});
    if end < list.len() {
        let rest: String = query
            .split('&')
            .filter(|kv| !kv.starts_with("$skipToken="))
            .collect::<Vec<_>>()
            .join("&");
        let link = format!("{}{path}?{rest}&$skipToken={end}", st.base);
        v[if graph { "@odata.nextLink" } else { "nextLink" }] = json!(link);
    }
    resp(StatusCode::OK, v)
}

async fn handle(st: Arc<State>, req: Request<Body>) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or_default().to_string();
    st.log
        .lock()
        .expect("lock")
        .push(format!("{} {path}", parts.method));
    if path == format!("/{TENANT}/oauth2/v2.0/token") && parts.method == "POST" {
        let form = String::from_utf8_lossy(&body).to_string();
        let get = |k: &str| query_param(&form, k).unwrap_or_default();
        if get("grant_type") != "client_credentials" {
            return resp(
                StatusCode::BAD_REQUEST,
                json!({"error": "unsupported_grant_type"}),
            );
        }
        let assertion = get("client_assertion");
        if !assertion.is_empty() {
            let key = st.assertion_key.lock().expect("lock").clone();
            let audience = format!("{}/{TENANT}/oauth2/v2.0/token", st.base);
            let checked = match key {
                None => {
                    Err("AADSTS700027: no certificate is registered for the client".to_string())
                }
                Some(k) => verify_assertion(&k, &assertion, &audience),
            };
            if let Err(e) = checked {
                return resp(
                    StatusCode::UNAUTHORIZED,
                    json!({"error": "invalid_client", "error_description": e}),
                );
            }
            if get("client_assertion_type")
                != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            {
                return resp(StatusCode::BAD_REQUEST, json!({"error": "invalid_request"}));
            }
        } else if get("client_id") != CLIENT_ID || get("client_secret") != SECRET {
            return resp(
                StatusCode::UNAUTHORIZED,
                json!({"error": "invalid_client", "error_description": "AADSTS7000215: Invalid client secret provided.", "error_codes": [7000215]}),
            );
        }
        let scope = get("scope");
        let token = if scope == format!("{}/.default", st.base)
            || scope == "https://service.flow.microsoft.com/.default"
            || scope == "https://service.powerapps.com/.default"
        {
            // One base URL serves ARM and Graph here; the audience is told apart by the path later.
            ARM_TOKEN
        } else {
            return resp(
                StatusCode::BAD_REQUEST,
                json!({"error": "invalid_scope", "error_description": format!("AADSTS70011: scope {scope} is not valid")}),
            );
        };
        return resp(
            StatusCode::OK,
            json!({"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token}),
        );
    }
    let auth = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth != format!("Bearer {ARM_TOKEN}") && auth != format!("Bearer {GRAPH_TOKEN}") {
        return arm_error(
            StatusCode::UNAUTHORIZED,
            "AuthenticationFailed",
            "Authentication failed. The 'Authorization' header is missing or invalid.",
        );
    }
    if parts.method == "POST" && path == "/providers/Microsoft.ResourceGraph/resources" {
        if let Some(r) = injected(&st, &path, &query) {
            return r;
        }
        return resource_graph(&st, &query, &body);
    }
    if parts.method != "GET" {
        return arm_error(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "the fake serves reads only",
        );
    }
    if let Some(r) = injected(&st, &path, &query) {
        return r;
    }
    for (p, v) in st.overrides.lock().expect("lock").iter() {
        if *p == path {
            return resp(StatusCode::OK, v.clone());
        }
    }
    if let Some((pa_dir, env)) = &st.pa
        && let Some(r) = power_platform(&st, pa_dir, env, &path, &query)
    {
        return r;
    }
    let dir = &st.dir;
    let sub = &st.sub;
    // Microsoft Graph.
    if let Some(id) = path
        .strip_prefix("/v1.0/servicePrincipals/")
        .and_then(|r| r.strip_suffix("/appRoleAssignments"))
    {
        return match file(dir, &format!("graph-app-role-assignments/{id}.json")) {
            Some(_) => page(
                &st,
                &path,
                &query,
                items(dir, &format!("graph-app-role-assignments/{id}.json")),
                true,
            ),
            None => resp(
                StatusCode::NOT_FOUND,
                json!({"error": {"code": "Request_ResourceNotFound", "message": format!("Resource '{id}' does not exist")}}),
            ),
        };
    }
    if path == "/v1.0/roleManagement/directory/roleAssignments" {
        let filter = query_param(&query, "$filter").unwrap_or_default();
        let Some(p) = filter
            .strip_prefix("principalId eq '")
            .and_then(|r| r.strip_suffix('\''))
        else {
            return resp(
                StatusCode::BAD_REQUEST,
                json!({"error": {"code": "BadRequest", "message": "unsupported filter"}}),
            );
        };
        let list = items(dir, "directory-role-assignments.json")
            .into_iter()
            .filter(|a| a["principalId"] == p)
            .collect();
        return page(&st, &path, &query, list, true);
    }
    // Azure Resource Manager.
    if query_param(&query, "api-version").is_none() {
        return arm_error(
            StatusCode::BAD_REQUEST,
            "MissingApiVersionParameter",
            "The api-version query parameter (?api-version=) is required for all requests.",
        );
    }
    let s = format!("/subscriptions/{sub}");
    let arm = |rel: &str| -> Vec<Value> { items(dir, rel).into_iter().map(nest).collect() };
    let lists: [(String, &str); 7] = [
        (format!("{s}/providers/Microsoft.Web/sites"), "sites.json"),
        (
            format!("{s}/providers/Microsoft.Logic/workflows"),
            "logic-workflows.json",
        ),
        (
            format!("{s}/providers/Microsoft.Automation/automationAccounts"),
            "automation-accounts.json",
        ),
        (
            format!("{s}/providers/Microsoft.ManagedIdentity/userAssignedIdentities"),
            "user-assigned-identities.json",
        ),
        (
            format!("{s}/providers/Microsoft.Authorization/roleAssignments"),
            "role-assignments.json",
        ),
        (
            format!("{s}/providers/Microsoft.Authorization/roleDefinitions"),
            "role-definitions.json",
        ),
        (
            format!("{s}/providers/Microsoft.Authorization/denyAssignments"),
            "deny-assignments.json",
        ),
    ];
    for (p, f) in &lists {
        if path.eq_ignore_ascii_case(p) {
            return page(&st, &path, &query, arm(f), false);
        }
    }
    if path == "/subscriptions" {
        let account = file(dir, "account.json").unwrap_or_default();
        let list = vec![json!({
            "id": format!("/subscriptions/{sub}"), "subscriptionId": sub,
            "displayName": account["name"], "state": "Enabled", "tenantId": account["tenantId"]
        })];
        return page(&st, &path, &query, list, false);
    }
    if path == format!("{s}/providers/Microsoft.Insights/eventtypes/management/values") {
        let filter = query_param(&query, "$filter").unwrap_or_default();
        if !(filter.contains("eventTimestamp ge '") && filter.contains("eventTimestamp le '")) {
            return arm_error(
                StatusCode::BAD_REQUEST,
                "BadRequest",
                "The filter must contain an eventTimestamp range",
            );
        }
        let rp = filter
            .split("resourceProvider eq '")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .unwrap_or_default()
            .to_string();
        // The log holds the export and the estate's log files alike.
        let mut all = items(dir, "activity-log.json");
        if let Ok(rd) = std::fs::read_dir(dir.join("logs")) {
            let mut names: Vec<_> = rd.map(|e| e.unwrap().file_name()).collect();
            names.sort();
            for n in names {
                all.extend(items(dir, &format!("logs/{}", n.to_string_lossy())));
            }
        }
        let list = all
            .into_iter()
            .filter(|e| {
                e["resourceProviderName"]["value"]
                    .as_str()
                    .is_some_and(|v| v.eq_ignore_ascii_case(&rp))
            })
            .collect();
        return page(&st, &path, &query, list, false);
    }
    // Per-resource lists, named by the resource's last segment.
    for (suffix, folder) in [
        ("/functions", "functions"),
        ("/runbooks", "runbooks"),
        ("/webhooks", "webhooks"),
    ] {
        if let Some(res) = path.strip_suffix(suffix) {
            let name = res.rsplit('/').next().unwrap_or_default();
            return page(
                &st,
                &path,
                &query,
                arm(&format!("{folder}/{name}.json")),
                false,
            );
        }
    }
    arm_error(
        StatusCode::NOT_FOUND,
        "ResourceNotFound",
        &format!("{path} was not found"),
    )
}

/// Azure Resource Graph (`Microsoft.ResourceGraph/resources`, api-version 2022-10-01, as its OpenAPI
/// spec has it): the `resources` rows of the export's sites, Logic Apps, Automation accounts and
/// user-assigned identities (the ARM shape plus `subscriptionId`, `resourceGroup`, `tenantId` and the
/// lower-cased `type` Resource Graph gives), or the `resourcecontainers` row of the subscription;
/// only for the subscriptions the request names; two rows a page with `$skipToken`.
fn resource_graph(st: &State, query: &str, body: &[u8]) -> Response<Body> {
    if query_param(query, "api-version").as_deref() != Some("2022-10-01") {
        return arm_error(
            StatusCode::BAD_REQUEST,
            "InvalidApiVersionParameter",
            "The api-version is not supported by the fake: 2022-10-01",
        );
    }
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return arm_error(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "the body is not JSON",
        );
    };
    let Some(kql) = req["query"].as_str() else {
        return arm_error(StatusCode::BAD_REQUEST, "BadRequest", "`query` is required");
    };
    if req["options"]["resultFormat"] != "objectArray" {
        return arm_error(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "the fake answers objectArray only",
        );
    }
    let sub = &st.sub;
    let named = req["subscriptions"].as_array().is_some_and(|a| {
        a.iter()
            .any(|s| s.as_str().is_some_and(|s| s.eq_ignore_ascii_case(sub)))
    });
    let tenant = file(&st.dir, "account.json").unwrap_or_default()["tenantId"].clone();
    let rows: Vec<Value> = if !named {
        Vec::new()
    } else if kql.trim_start().starts_with("resourcecontainers") {
        vec![json!({"id": format!("/subscriptions/{sub}"), "subscriptionId": sub})]
    } else if kql.trim_start().starts_with("resources") {
        let mut rows = Vec::new();
        for (rel, kind) in [
            ("sites.json", "microsoft.web/sites"),
            ("logic-workflows.json", "microsoft.logic/workflows"),
            (
                "automation-accounts.json",
                "microsoft.automation/automationaccounts",
            ),
            (
                "user-assigned-identities.json",
                "microsoft.managedidentity/userassignedidentities",
            ),
        ] {
            if !kql.contains(kind) {
                continue;
            }
            for item in items(&st.dir, rel) {
                let group = item["resourceGroup"].clone();
                let mut row = nest(item);
                row["type"] = json!(kind);
                row["subscriptionId"] = json!(sub);
                row["resourceGroup"] = group;
                row["tenantId"] = tenant.clone();
                rows.push(row);
            }
        }
        rows
    } else {
        return arm_error(
            StatusCode::BAD_REQUEST,
            "BadRequest",
            "a table the fake does not serve",
        );
    };
    let start: usize = req["options"]["$skipToken"]
        .as_str()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let end = (start + 2).min(rows.len());
    let data = rows[start.min(end)..end].to_vec();
    let mut v = json!({"totalRecords": rows.len(), "count": data.len(), "resultTruncated": "false", "data": data});
    if end < rows.len() {
        v["$skipToken"] = json!(end.to_string());
    }
    resp(StatusCode::OK, v)
}

/// Every flow of a Power Platform export, in the admin REST shape (`Get-AdminFlow` JSON unwrapped).
fn pa_flows(dir: &Path) -> Vec<Value> {
    fn walk(d: &Path, out: &mut Vec<Value>) {
        let mut entries: Vec<_> = std::fs::read_dir(d)
            .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                walk(&e, out);
            } else if let Some(v) = std::fs::read(&e)
                .ok()
                .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            {
                out.push(v.get("Internal").cloned().unwrap_or(v));
            }
        }
    }
    let mut out = Vec::new();
    walk(&dir.join("flows"), &mut out);
    out
}

/// The Power Platform admin routes (BAP, ProcessSimple, Power Apps, DLP v2).
fn power_platform(
    st: &State,
    dir: &Path,
    env: &str,
    path: &str,
    query: &str,
) -> Option<Response<Body>> {
    let bap = "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments";
    let flows = format!("/providers/Microsoft.ProcessSimple/scopes/admin/environments/{env}");
    if path == bap {
        let e = file(dir, "environment.json").unwrap_or_default();
        return Some(page(st, path, query, vec![e], false));
    }
    if path == format!("{bap}/{env}/roleAssignments") {
        return Some(page(st, path, query, items(dir, "makers.json"), false));
    }
    if path == format!("/providers/Microsoft.PowerApps/scopes/admin/environments/{env}/connections")
    {
        return Some(page(st, path, query, items(dir, "connections.json"), false));
    }
    let dlp = items(dir.parent()?, "dlp-policies.json");
    if path == "/providers/PowerPlatform.Governance/v2/policies" {
        let heads = dlp
            .iter()
            .map(|p| json!({"policyDefinition": {"name": p["policyDefinition"]["name"], "displayName": p["policyDefinition"]["displayName"]}}))
            .collect();
        return Some(page(st, path, query, heads, false));
    }
    if let Some(name) = path.strip_prefix("/providers/PowerPlatform.Governance/v2/policies/") {
        return Some(
            dlp.into_iter()
                .find(|p| p["policyDefinition"]["name"] == name)
                .map_or_else(
                    || arm_error(StatusCode::NOT_FOUND, "PolicyNotFound", name),
                    |p| resp(StatusCode::OK, p),
                ),
        );
    }
    let all = pa_flows(dir);
    if path == format!("{flows}/v2/flows") {
        // Solution flows only when asked for, as the real API does.
        let with_solutions = query.contains("include=includeSolutionCloudFlows");
        let summaries = all
            .iter()
            .filter(|f| with_solutions || f["properties"]["workflowEntityId"].is_null())
            .map(|f| {
                json!({"name": f["name"], "id": f["id"], "type": f["type"],
                       "properties": {"displayName": f["properties"]["displayName"], "state": f["properties"]["state"]}})
            })
            .collect();
        return Some(page(st, path, query, summaries, false));
    }
    if let Some(rest) = path.strip_prefix(&format!("{flows}/flows/")) {
        if let Some(name) = rest.strip_suffix("/permissions") {
            return Some(page(
                st,
                path,
                query,
                items(dir, &format!("flow-owners/{name}.json")),
                false,
            ));
        }
        let mut f = all.into_iter().find(|f| f["name"] == rest)?;
        if !query_param(query, "$expand").is_some_and(|x| x.contains("properties.definition"))
            && let Some(p) = f.get_mut("properties").and_then(Value::as_object_mut)
        {
            p.remove("definition");
        }
        return Some(resp(StatusCode::OK, f));
    }
    None
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

/// A self-signed certificate for 127.0.0.1 via openssl: (cert PEM path, key PEM path).
fn certificate(dir: &Path) -> (PathBuf, PathBuf) {
    let cert = dir.join("azfake-cert.pem");
    let key = dir.join("azfake-key.pem");
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
        .expect("openssl")
        .success();
    assert!(ok, "openssl could not make a certificate");
    (cert, key)
}

impl AzureFake {
    /// Serves `dir` (one subscription's export folder) over HTTPS; `tmp` receives the certificate.
    pub fn start(dir: &Path, sub: &str, tmp: &Path) -> AzureFake {
        Self::start_with(dir, sub, None, tmp)
    }

    /// Also serves a Power Platform environment export (`pa` = its folder and name).
    pub fn start_with(
        dir: &Path,
        sub: &str,
        pa: Option<(PathBuf, String)>,
        tmp: &Path,
    ) -> AzureFake {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let (cert_path, key_path) = certificate(tmp);
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&cert_path)
            .expect("cert")
            .map(|c| c.expect("cert"))
            .collect();
        let key = PrivateKeyDer::from_pem_file(&key_path).expect("key");
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("server config");
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        std_listener.set_nonblocking(true).expect("nonblocking");
        let addr = std_listener.local_addr().expect("addr");
        let url = format!("https://127.0.0.1:{}", addr.port());
        let log = Arc::new(Mutex::new(Vec::new()));
        let overrides = Arc::new(Mutex::new(Vec::new()));
        let assertion_key = Arc::new(Mutex::new(None));
        let faults = Faults::default();
        let st = Arc::new(State {
            dir: dir.to_path_buf(),
            sub: sub.to_string(),
            pa,
            base: url.clone(),
            log: log.clone(),
            overrides: overrides.clone(),
            assertion_key: assertion_key.clone(),
            faults: faults.clone(),
        });
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("rt");
            rt.block_on(async move {
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let st = st.clone();
                    async move { handle(st, req).await }
                });
                let listener = TlsListener {
                    tcp: tokio::net::TcpListener::from_std(std_listener).expect("listener"),
                    acceptor: tokio_rustls::TlsAcceptor::from(Arc::new(config)),
                };
                axum::serve(listener, app).await.expect("serve");
            });
        });
        AzureFake {
            url,
            ca_pem: cert_path,
            log,
            overrides,
            assertion_key,
            faults,
        }
    }

    /// The next `times` calls whose path contains `path_contains` answer with `kind`.
    pub fn fault(&self, path_contains: &str, times: u32, kind: FaultKind) {
        self.faults.add(path_contains, times, kind);
    }

    /// Registers a client certificate's public key (PKCS#1 DER) for assertion sign-in.
    pub fn trust_certificate(&self, public_key_der: Vec<u8>) {
        *self.assertion_key.lock().expect("lock") = Some(public_key_der);
    }
}
