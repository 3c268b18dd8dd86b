//! A fake Google Cloud API server: a real service-account JWT token endpoint (RS256 signature, issuer,
//! audience and scope checked) and the Resource Manager v3, Cloud Functions v2, Cloud Run v2, IAM v1 and
//! Recommender v1 routes the collector calls, answering from an export folder laid out like
//! `examples/estate/gcp/<project>/` (whose files follow the discovery documents' shapes). Lists are
//! paged two items at a time so paging is exercised.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, Response, StatusCode};
use serde_json::{Value, json};

pub use super::fault::FaultKind;
use super::fault::{self, Faults};

/// Cloud Storage objects: (bucket, name, bytes).
pub type Objects = Arc<Mutex<Vec<(String, String, Vec<u8>)>>>;

pub struct GoogleFake {
    pub url: String,
    pub log: Arc<Mutex<Vec<String>>>,
    /// Cloud Storage objects served (JSON API, `storage/v1`): (bucket, name, bytes).
    pub objects: Objects,
    faults: Faults,
}

struct State {
    /// A Workspace domain export (`examples/estate/apps-script/<domain>`), when served.
    workspace: Option<PathBuf>,
    /// Scopes allow-listed for domain-wide delegation.
    delegated: Vec<String>,
    dir: PathBuf,
    project: String,
    public_key_der: Vec<u8>,
    client_email: String,
    log: Arc<Mutex<Vec<String>>>,
    objects: Objects,
    faults: Faults,
}

fn injected(st: &State, path: &str) -> Option<Response<Body>> {
    Some(match st.faults.take(path)? {
        FaultKind::Status(code) => fault::status(
            code,
            json!({"error": {"code": code, "message": format!("injected {code}"), "status": "UNAVAILABLE"}}),
        ),
        FaultKind::Truncated => fault::truncated("{\"functions\": [{\"name\": \"projects/"),
        FaultKind::Reset => fault::reset("{\"functions\": [{\"name\": \"projects/"),
        FaultKind::RepeatToken => resp(StatusCode::OK, json!({"nextPageToken": "same"})),
        FaultKind::Huge => fault::huge("functions"),
        FaultKind::Slow => fault::slow(),
        FaultKind::LongRetryAfter => fault::long_retry_after(),
    })
}

fn resp(status: StatusCode, v: Value) -> Response<Body> {
    let mut r = Response::new(Body::from(v.to_string()));
    *r.status_mut() = status;
    r.headers_mut()
        .insert("content-type", "application/json".parse().expect("header"));
    r
}

fn not_found(what: &str) -> Response<Body> {
    resp(
        StatusCode::NOT_FOUND,
        json!({"error": {"code": 404, "message": format!("{what} not found"), "status": "NOT_FOUND"}}),
    )
}

fn file(dir: &Path, rel: &str) -> Option<Value> {
    std::fs::read(dir.join(rel))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

fn b64url(s: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    // JWT segments are base64url; accept them with or without padding (gcp_auth pads).
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .ok()
}

/// Checks a JWT-bearer assertion the way Google's token endpoint does (signature, iss, aud, scope, exp).
/// Returns the impersonated subject (`sub`, domain-wide delegation) when there is one.
fn verify(st: &State, assertion: &str, token_url: &str) -> Result<Option<String>, String> {
    let parts: Vec<&str> = assertion.split('.').collect();
    if parts.len() != 3 {
        return Err("not a JWT".into());
    }
    let sig = b64url(parts[2]).ok_or("bad signature encoding")?;
    let key = ring::signature::UnparsedPublicKey::new(
        &ring::signature::RSA_PKCS1_2048_8192_SHA256,
        &st.public_key_der,
    );
    key.verify(format!("{}.{}", parts[0], parts[1]).as_bytes(), &sig)
        .map_err(|_| "invalid JWT signature".to_string())?;
    let header: Value = serde_json::from_slice(&b64url(parts[0]).ok_or("bad header")?)
        .map_err(|e| e.to_string())?;
    let claims: Value = serde_json::from_slice(&b64url(parts[1]).ok_or("bad claims")?)
        .map_err(|e| e.to_string())?;
    if header["alg"] != "RS256" {
        return Err("alg must be RS256".into());
    }
    if claims["iss"] != st.client_email.as_str() {
        return Err("unknown issuer".into());
    }
    if claims["aud"] != token_url {
        return Err(format!("audience {} is not {token_url}", claims["aud"]));
    }
    let scope = claims["scope"].as_str().unwrap_or_default();
    let sub = claims["sub"].as_str().map(str::to_string);
    match &sub {
        // Delegation: only the scopes the Admin console allow-lists for the client.
        Some(_) => {
            for s in scope.split(' ') {
                if !st.delegated.iter().any(|d| d == s) {
                    return Err(format!(
                        "unauthorized_client: {s} is not allow-listed for delegation"
                    ));
                }
            }
        }
        None if !scope.contains("https://www.googleapis.com/auth/cloud-platform") => {
            return Err("scope cloud-platform missing".into());
        }
        None => {}
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    if claims["exp"].as_u64().unwrap_or(0) < now {
        return Err("expired assertion".into());
    }
    Ok(sub)
}

/// Pages a JSON array two at a time under `key`.
fn page(items: Vec<Value>, key: &str, query: &str) -> Response<Body> {
    let start: usize = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("pageToken="))
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let end = (start + 2).min(items.len());
    let mut v = json!({ key: items[start.min(end)..end].to_vec() });
    if end < items.len() {
        v["nextPageToken"] = json!(end.to_string());
    }
    resp(StatusCode::OK, v)
}

async fn handle(st: Arc<State>, req: Request<Body>, base: String) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or_default().to_string();
    // Cloud Asset Inventory's permission depends on the content type: the log says which.
    let logged = match path.ends_with("/assets") {
        true => format!(
            "{path}?contentType={}",
            param(&query, "contentType").unwrap_or_default()
        ),
        false => path.clone(),
    };
    st.log
        .lock()
        .expect("lock")
        .push(format!("{} {logged}", parts.method));
    if path == "/token" {
        let form = String::from_utf8_lossy(&body).to_string();
        let get = |k: &str| {
            let raw = form
                .split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
                .unwrap_or_default();
            percent_encoding::percent_decode_str(raw)
                .decode_utf8_lossy()
                .into_owned()
        };
        if get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
            return resp(
                StatusCode::BAD_REQUEST,
                json!({"error": "unsupported_grant_type"}),
            );
        }
        return match verify(&st, &get("assertion"), &format!("{base}/token")) {
            Ok(sub) => resp(
                StatusCode::OK,
                json!({"access_token": match sub { Some(s) => format!("ya29.fake-token~{s}"), None => "ya29.fake-token".into() }, "expires_in": 3600, "token_type": "Bearer"}),
            ),
            Err(e) => resp(
                StatusCode::BAD_REQUEST,
                json!({"error": "invalid_grant", "error_description": e}),
            ),
        };
    }
    let bearer = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ya29.fake-token"))
        .map(str::to_string);
    let Some(subject) = bearer.map(|b| b.strip_prefix('~').map(str::to_string)) else {
        return resp(
            StatusCode::UNAUTHORIZED,
            json!({"error": {"code": 401, "message": "Request had invalid authentication credentials.", "status": "UNAUTHENTICATED"}}),
        );
    };
    if let Some(r) = injected(&st, &path) {
        return r;
    }
    if let Some(rest) = path.strip_prefix("/storage/v1/b/") {
        return storage(&st, rest, &query);
    }
    if let Some(parent) = path
        .strip_prefix("/v1/")
        .and_then(|r| r.strip_suffix("/assets"))
    {
        return assets(&st.dir, &st.project, parent, &query);
    }
    if let Some(ws) = &st.workspace
        && let Some(r) = workspace(ws, subject.as_deref(), &path, &query)
    {
        return r;
    }
    let p = &st.project;
    let dir = &st.dir;
    let project_doc = file(dir, "project.json").unwrap_or_default();
    let ancestors = file(dir, "ancestors.json").unwrap_or_default();
    let anc: Vec<(String, String)> = ancestors
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            (
                a["type"].as_str().unwrap_or_default().to_string(),
                a["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let parent_of =
        |i: usize| -> Option<String> { anc.get(i + 1).map(|(t, id)| format!("{}s/{id}", t)) };
    // Resource Manager v3: children of an organization or folder.
    let parent_q = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("parent="))
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        });
    if let (true, Some(parent)) = (path == "/v3/projects", &parent_q) {
        let mine = parent_of(0).as_deref() == Some(parent.as_str());
        let list: Vec<Value> = if mine {
            vec![
                json!({"name": format!("projects/{}", project_doc["projectNumber"].as_str().unwrap_or_default()), "projectId": p, "state": "ACTIVE", "parent": parent}),
            ]
        } else {
            Vec::new()
        };
        return resp(StatusCode::OK, json!({ "projects": list }));
    }
    if let (true, Some(parent)) = (path == "/v3/folders", &parent_q) {
        let list: Vec<Value> = anc
            .iter()
            .enumerate()
            .filter(|(i, (t, _))| t == "folder" && parent_of(*i).as_deref() == Some(parent.as_str()))
            .map(|(_, (_, id))| json!({"name": format!("folders/{id}"), "parent": parent, "state": "ACTIVE"}))
            .collect();
        return resp(StatusCode::OK, json!({ "folders": list }));
    }
    // Cloud Audit Logs: the export's log files, paged; the parameters are in the body.
    if path == "/v2/entries:list" && parts.method == Method::POST {
        let req: Value = serde_json::from_slice(&body).unwrap_or_default();
        let filter = req["filter"].as_str().unwrap_or_default();
        if req["resourceNames"] != json!([format!("projects/{p}")])
            || !filter.contains("timestamp>=\"")
        {
            return resp(
                StatusCode::BAD_REQUEST,
                json!({"error": {"code": 400, "message": "resourceNames and a timestamp filter are required", "status": "INVALID_ARGUMENT"}}),
            );
        }
        let mut entries: Vec<Value> = Vec::new();
        if let Ok(rd) = std::fs::read_dir(dir.join("logs")) {
            let mut names: Vec<_> = rd.map(|e| e.unwrap().file_name()).collect();
            names.sort();
            for n in names {
                if let Some(Value::Array(a)) = file(dir, &format!("logs/{}", n.to_string_lossy())) {
                    entries.extend(a);
                }
            }
        }
        let token = req["pageToken"]
            .as_str()
            .map(|t| format!("pageToken={t}"))
            .unwrap_or_default();
        return page(entries, "entries", &token);
    }
    // Resource Manager v3.
    if path == format!("/v3/projects/{p}") {
        return resp(
            StatusCode::OK,
            json!({
                "name": format!("projects/{}", project_doc["projectNumber"].as_str().unwrap_or_default()),
                "projectId": p, "state": "ACTIVE", "parent": parent_of(0)
            }),
        );
    }
    if let Some(rest) = path.strip_prefix("/v3/") {
        if let Some(scope) = rest.strip_suffix(":getIamPolicy") {
            let rel = match scope.split_once('/') {
                Some(("projects", _)) => "iam-policy.json".to_string(),
                Some(("folders", id)) => format!("folder-iam-policies/{id}.json"),
                Some(("organizations", id)) => format!("organization-iam-policies/{id}.json"),
                _ => return not_found(scope),
            };
            return file(dir, &rel).map_or_else(|| not_found(scope), |v| resp(StatusCode::OK, v));
        }
        if let Some(id) = rest.strip_prefix("folders/") {
            let i = anc.iter().position(|(t, x)| t == "folder" && x == id);
            return match i {
                Some(i) => resp(
                    StatusCode::OK,
                    json!({"name": format!("folders/{id}"), "parent": parent_of(i), "state": "ACTIVE"}),
                ),
                None => not_found(rest),
            };
        }
    }
    // Cloud Functions v2 / Cloud Run v2 / IAM v1 policies of resources.
    if let Some(name) = path
        .strip_prefix("/v2/")
        .and_then(|r| r.strip_suffix(":getIamPolicy"))
    {
        let short = name.rsplit('/').next().unwrap_or(name);
        return file(dir, &format!("invoker-iam-policies/{short}.json"))
            .map_or_else(|| not_found(name), |v| resp(StatusCode::OK, v));
    }
    if path == format!("/v2/projects/{p}/locations/-/functions") {
        let items = file(dir, "functions.json")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default();
        return page(items, "functions", &query);
    }
    if path == format!("/v1/projects/{p}/serviceAccounts") {
        let items = file(dir, "service-accounts.json")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default();
        return page(items, "accounts", &query);
    }
    if let Some(email) = path
        .strip_prefix(&format!("/v1/projects/{p}/serviceAccounts/"))
        .and_then(|r| r.strip_suffix(":getIamPolicy"))
    {
        return file(dir, &format!("service-account-iam-policies/{email}.json"))
            .map_or_else(|| not_found(email), |v| resp(StatusCode::OK, v));
    }
    if path
        == format!(
            "/v1/projects/{p}/locations/global/insightTypes/google.iam.policy.Insight/insights"
        )
    {
        let Some(items) = file(dir, "insights.json").and_then(|v| v.as_array().cloned()) else {
            return resp(
                StatusCode::FORBIDDEN,
                json!({"error": {"code": 403, "message": "Permission denied: IAM policy insights require Security Command Center Premium.", "status": "PERMISSION_DENIED"}}),
            );
        };
        return page(items, "insights", &query);
    }
    // Cloud Run v2: locations, then services one location at a time (`-` is rejected, as by Google).
    let run_services: Vec<Value> = file(dir, "run-services.json")
        .and_then(|v| v.get("services").cloned())
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    if path == format!("/v2/projects/{p}/locations") {
        let mut ids: Vec<String> = ["us-central1", "europe-west1", "asia-northeast1"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        ids.extend(
            run_services
                .iter()
                .filter_map(|s| s["name"].as_str()?.split('/').nth(3).map(str::to_string)),
        );
        ids.sort();
        ids.dedup();
        let items = ids
            .iter()
            .map(|l| json!({"name": format!("projects/{p}/locations/{l}"), "locationId": l}))
            .collect();
        return page(items, "locations", &query);
    }
    if let Some(loc) = path
        .strip_prefix(&format!("/v2/projects/{p}/locations/"))
        .and_then(|r| r.strip_suffix("/services"))
    {
        if loc == "-" {
            return resp(
                StatusCode::BAD_REQUEST,
                json!({"error": {"code": 400, "message": "Location '-' is not valid.", "status": "INVALID_ARGUMENT"}}),
            );
        }
        let items = run_services
            .iter()
            .filter(|s| s["name"].as_str().and_then(|n| n.split('/').nth(3)) == Some(loc))
            .cloned()
            .collect();
        return page(items, "services", &query);
    }
    // Cloud Run v2 jobs, one location at a time, from `run-jobs.json` (`{"jobs": […]}`).
    if let Some(loc) = path
        .strip_prefix(&format!("/v2/projects/{p}/locations/"))
        .and_then(|r| r.strip_suffix("/jobs"))
    {
        let items = file(dir, "run-jobs.json")
            .and_then(|v| v.get("jobs").cloned())
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .into_iter()
            .filter(|j| j["name"].as_str().and_then(|n| n.split('/').nth(3)) == Some(loc))
            .collect();
        return page(items, "jobs", &query);
    }
    if path
        == format!(
            "/v1/projects/{p}/locations/global/activityTypes/serviceAccountLastAuthentication/activities:query"
        )
    {
        let items = file(dir, "sa-last-authentication.json")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default();
        return page(items, "activities", &query);
    }
    if let Some(role) = path.strip_prefix("/v1/")
        && (role.starts_with("roles/") || role.contains("/roles/"))
    {
        return file(dir, &format!("roles/{}.json", role.replace('/', ".")))
            .map_or_else(|| not_found(role), |v| resp(StatusCode::OK, v));
    }
    not_found(&path)
}

/// The first value of a query parameter, decoded.
fn param(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|kv| {
        let v = kv.strip_prefix(key)?.strip_prefix('=')?;
        Some(
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned(),
        )
    })
}

/// Cloud Asset Inventory v1 `assets.list` (`GET /v1/{parent}/assets`) over the export, shaped as
/// the discovery document's `Asset`: `resource.data` in the shape of the API `resource.version`
/// names. Cloud Run services come in the v1 (Knative) shape, as Google was seen to return them
/// (a 2022 capture; see docs/research/cai-and-aws-config.md); functions (v2), jobs (v2), service
/// accounts and projects (v1) as their APIs list them. An `IAM_POLICY` asset exists only for a
/// resource with a policy set. The parent may be the project (id or number) or any of its ancestors.
fn assets(dir: &Path, p: &str, parent: &str, query: &str) -> Response<Body> {
    let project = file(dir, "project.json").unwrap_or_default();
    let number = project["projectNumber"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut chain = vec![format!("projects/{number}")];
    chain.extend(
        file(dir, "ancestors.json")
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .skip(1)
            .map(|a| {
                format!(
                    "{}s/{}",
                    a["type"].as_str().unwrap_or_default(),
                    a["id"].as_str().unwrap_or_default()
                )
            }),
    );
    let Some(depth) = chain
        .iter()
        .position(|c| c == parent)
        .or_else(|| (parent == format!("projects/{p}")).then_some(0))
    else {
        return resp(
            StatusCode::FORBIDDEN,
            json!({"error": {"code": 403, "message": format!("The caller does not have permission on {parent}"), "status": "PERMISSION_DENIED"}}),
        );
    };
    let types: Vec<String> = query
        .split('&')
        .filter_map(|kv| kv.strip_prefix("assetTypes="))
        .map(|v| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect();
    let content = param(query, "contentType").unwrap_or_default();
    let location = |name: &str| name.split('/').nth(3).unwrap_or_default().to_string();
    let asset = |ty: &str, name: String, version: &str, loc: Option<String>, data: Value| {
        json!({
            "name": name, "assetType": ty, "ancestors": chain,
            "resource": {"version": version, "parent": format!("//cloudresourcemanager.googleapis.com/projects/{number}"), "location": loc, "data": data},
        })
    };
    let policy = |ty: &str, name: String, rel: &str, anc: &[String]| {
        file(dir, rel)
            .map(|pol| json!({"name": name, "assetType": ty, "ancestors": anc, "iamPolicy": pol}))
    };
    let list = |f: &str, key: Option<&str>| -> Vec<Value> {
        file(dir, f)
            .and_then(|v| match key {
                Some(k) => v.get(k).cloned(),
                None => Some(v),
            })
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
    };
    let functions = list("functions.json", None);
    let services = list("run-services.json", Some("services"));
    let accounts = list("service-accounts.json", None);
    let mut out: Vec<Value> = Vec::new();
    if content == "RESOURCE" {
        out.push(json!({
            "name": format!("//cloudresourcemanager.googleapis.com/projects/{number}"),
            "assetType": "cloudresourcemanager.googleapis.com/Project", "ancestors": chain,
            "resource": {"version": "v1", "discoveryName": "Project", "data": project},
        }));
        for f in &functions {
            let name = f["name"].as_str().unwrap_or_default();
            out.push(asset(
                "cloudfunctions.googleapis.com/Function",
                format!("//cloudfunctions.googleapis.com/{name}"),
                "v2",
                Some(location(name)),
                f.clone(),
            ));
        }
        for s in &services {
            let name = s["name"].as_str().unwrap_or_default();
            out.push(asset(
                "run.googleapis.com/Service",
                format!("//run.googleapis.com/{name}"),
                "v1",
                Some(location(name)),
                knative_service(s, &number),
            ));
        }
        for j in list("run-jobs.json", Some("jobs")) {
            let name = j["name"].as_str().unwrap_or_default().to_string();
            out.push(asset(
                "run.googleapis.com/Job",
                format!("//run.googleapis.com/{name}"),
                "v2",
                Some(location(&name)),
                j.clone(),
            ));
        }
        for a in &accounts {
            out.push(asset(
                "iam.googleapis.com/ServiceAccount",
                format!(
                    "//iam.googleapis.com/projects/{p}/serviceAccounts/{}",
                    a["uniqueId"].as_str().unwrap_or_default()
                ),
                "v1",
                Some("global".into()),
                a.clone(),
            ));
        }
    } else if content == "IAM_POLICY" {
        // The project's ancestors' own policies, from the parent down.
        for (i, scope) in chain.iter().enumerate().take(depth + 1).skip(1) {
            let (kind, id) = scope.split_once('/').unwrap_or_default();
            let (ty, rel) = match kind {
                "folders" => (
                    "cloudresourcemanager.googleapis.com/Folder",
                    format!("folder-iam-policies/{id}.json"),
                ),
                _ => (
                    "cloudresourcemanager.googleapis.com/Organization",
                    format!("organization-iam-policies/{id}.json"),
                ),
            };
            out.extend(policy(
                ty,
                format!("//cloudresourcemanager.googleapis.com/{scope}"),
                &rel,
                &chain[i..],
            ));
        }
        out.extend(policy(
            "cloudresourcemanager.googleapis.com/Project",
            format!("//cloudresourcemanager.googleapis.com/projects/{number}"),
            "iam-policy.json",
            &chain,
        ));
        let short = |n: &str| n.rsplit('/').next().unwrap_or_default().to_string();
        for f in &functions {
            let name = f["name"].as_str().unwrap_or_default();
            if f["serviceConfig"]["service"].is_string() && f["environment"] == "GEN_2" {
                continue; // its policy is its Run service's
            }
            out.extend(policy(
                "cloudfunctions.googleapis.com/CloudFunction",
                format!("//cloudfunctions.googleapis.com/{name}"),
                &format!("invoker-iam-policies/{}.json", short(name)),
                &chain,
            ));
        }
        let mut run: Vec<String> = services
            .iter()
            .filter_map(|s| s["name"].as_str().map(str::to_string))
            .collect();
        run.extend(
            functions
                .iter()
                .filter_map(|f| f["serviceConfig"]["service"].as_str().map(str::to_string)),
        );
        run.sort();
        run.dedup();
        for name in run {
            out.extend(policy(
                "run.googleapis.com/Service",
                format!("//run.googleapis.com/{name}"),
                &format!("invoker-iam-policies/{}.json", short(&name)),
                &chain,
            ));
        }
        for a in &accounts {
            let email = a["email"].as_str().unwrap_or_default();
            out.extend(policy(
                "iam.googleapis.com/ServiceAccount",
                format!(
                    "//iam.googleapis.com/projects/{p}/serviceAccounts/{}",
                    a["uniqueId"].as_str().unwrap_or_default()
                ),
                &format!("service-account-iam-policies/{email}.json"),
                &chain,
            ));
        }
    } else {
        return resp(
            StatusCode::BAD_REQUEST,
            json!({"error": {"code": 400, "message": "this fake answers contentType RESOURCE and IAM_POLICY", "status": "INVALID_ARGUMENT"}}),
        );
    }
    out.retain(|a| types.is_empty() || types.iter().any(|t| a["assetType"] == *t));
    page(out, "assets", query)
}

/// A Cloud Run v2 `Service` in the v1 (Knative) shape (`serving.knative.dev/v1`), as Cloud Asset
/// Inventory gives it: the project named by number, the location a label, the v2 fields
/// annotations.
fn knative_service(s: &Value, number: &str) -> Value {
    let name = s["name"].as_str().unwrap_or_default();
    let short = name.rsplit('/').next().unwrap_or_default();
    let mut labels = s["labels"].as_object().cloned().unwrap_or_default();
    labels.insert(
        "cloud.googleapis.com/location".into(),
        json!(name.split('/').nth(3).unwrap_or_default()),
    );
    let mut ann = serde_json::Map::new();
    let ingress = match s["ingress"].as_str() {
        Some("INGRESS_TRAFFIC_ALL") => Some("all"),
        Some("INGRESS_TRAFFIC_INTERNAL_ONLY") => Some("internal"),
        Some("INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER") => Some("internal-and-cloud-load-balancing"),
        Some("INGRESS_TRAFFIC_NONE") => Some("none"),
        _ => None,
    };
    if let Some(i) = ingress {
        ann.insert("run.googleapis.com/ingress".into(), json!(i));
        ann.insert("run.googleapis.com/ingress-status".into(), json!(i));
    }
    for (key, field) in [
        ("serving.knative.dev/creator", "creator"),
        ("serving.knative.dev/lastModifier", "lastModifier"),
    ] {
        if let Some(v) = s[field].as_str() {
            ann.insert(key.into(), json!(v));
        }
    }
    for (key, field) in [
        ("run.googleapis.com/build-function-target", "functionTarget"),
        ("run.googleapis.com/build-source-location", "sourceLocation"),
        ("run.googleapis.com/build-base-image", "baseImage"),
        ("run.googleapis.com/build-service-account", "serviceAccount"),
    ] {
        if let Some(v) = s["buildConfig"][field].as_str() {
            ann.insert(key.into(), json!(v));
        }
    }
    if let Some(b) = s["invokerIamDisabled"].as_bool() {
        ann.insert(
            "run.googleapis.com/invoker-iam-disabled".into(),
            json!(b.to_string()),
        );
    }
    json!({
        "apiVersion": "serving.knative.dev/v1",
        "kind": "Service",
        "metadata": {
            "name": short, "namespace": number, "labels": labels, "annotations": ann,
            "creationTimestamp": s["createTime"],
        },
        "spec": {"template": {"spec": {
            "serviceAccountName": s["template"]["serviceAccount"],
            "containers": s["template"]["containers"],
        }}},
        "status": {"url": s["uri"]},
    })
}

/// Every project folder of a Workspace export: (script id, title, creator, parent, folder).
fn ws_projects(dir: &Path) -> Vec<(String, String, String, Option<String>, PathBuf)> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir.join("projects"))
        .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        let clasp = file(&p, ".clasp.json").unwrap_or_default();
        let meta = file(&p, "project.json").unwrap_or_default();
        out.push((
            clasp["scriptId"].as_str().unwrap_or_default().to_string(),
            meta["title"].as_str().unwrap_or_default().to_string(),
            meta["creator"]["email"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            clasp["parentId"].as_str().map(str::to_string),
            p,
        ));
    }
    out
}

fn forbidden(message: &str) -> Response<Body> {
    resp(
        StatusCode::FORBIDDEN,
        json!({"error": {"code": 403, "message": message, "status": "PERMISSION_DENIED"}}),
    )
}

/// The Admin SDK Directory, Drive v3 and Apps Script v1 routes, answering as the impersonated user.
fn workspace(dir: &Path, subject: Option<&str>, path: &str, query: &str) -> Option<Response<Body>> {
    let projects = ws_projects(dir);
    let tokens: Vec<Value> = file(dir, "tokens.json")
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default();
    let admin = format!("it.admin@{}", dir.file_name()?.to_string_lossy());
    // Reports API: the export's activity files, by application and event name, as the admin.
    if let Some(app) = path.strip_prefix("/admin/reports/v1/activity/users/all/applications/") {
        if subject != Some(admin.as_str()) {
            return Some(forbidden("Not Authorized to access this resource/api"));
        }
        let q = |k: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
                .unwrap_or_default()
                .to_string()
        };
        if q("startTime").is_empty() {
            return Some(resp(
                StatusCode::BAD_REQUEST,
                json!({"error": {"code": 400, "message": "startTime is required here"}}),
            ));
        }
        let event = q("eventName");
        let items: Vec<Value> = file(dir, &format!("logs/reports-{app}.json"))
            .and_then(|v| v["items"].as_array().cloned())
            .unwrap_or_default()
            .into_iter()
            .filter(|a| {
                a["events"]
                    .as_array()
                    .is_some_and(|es| es.iter().any(|e| e["name"] == event.as_str()))
            })
            .collect();
        return Some(page(items, "items", query));
    }
    if path == "/admin/directory/v1/users" {
        if subject != Some(admin.as_str()) {
            return Some(forbidden("Not Authorized to access this resource/api"));
        }
        let mut users: Vec<String> = projects.iter().map(|p| p.2.clone()).collect();
        users.extend(
            tokens
                .iter()
                .filter_map(|t| t["userKey"].as_str().map(str::to_string)),
        );
        users.push(admin.clone());
        users.sort();
        users.dedup();
        let items = users
            .iter()
            .map(|u| json!({"kind": "admin#directory#user", "primaryEmail": u, "suspended": false, "isAdmin": *u == admin}))
            .collect();
        return Some(page(items, "users", query));
    }
    if let Some(user) = path
        .strip_prefix("/admin/directory/v1/users/")
        .and_then(|r| r.strip_suffix("/tokens"))
    {
        if subject != Some(admin.as_str()) {
            return Some(forbidden("Not Authorized to access this resource/api"));
        }
        let user = percent_encoding::percent_decode_str(user)
            .decode_utf8_lossy()
            .into_owned();
        let items: Vec<Value> = tokens
            .iter()
            .filter(|t| t["userKey"] == user.as_str())
            .cloned()
            .collect();
        return Some(resp(
            StatusCode::OK,
            json!({"kind": "admin#directory#tokenList", "items": items}),
        ));
    }
    if path == "/drive/v3/files" {
        let Some(me) = subject else {
            return Some(forbidden("a service account has no Drive of users"));
        };
        // Standalone scripts only: bound scripts are not Drive files.
        let files = projects
            .iter()
            .filter(|p| p.3.is_none() && p.2 == me)
            .map(|p| json!({"id": p.0, "name": p.1, "owners": [{"emailAddress": p.2}]}))
            .collect();
        return Some(page(files, "files", query));
    }
    if path == "/v1/processes:listScriptProcesses" {
        if subject.is_none() {
            return Some(forbidden(
                "Apps Script API does not work with service accounts",
            ));
        }
        return Some(page(Vec::new(), "processes", query));
    }
    let rest = path.strip_prefix("/v1/projects/")?;
    let (id, tail) = rest.split_once('/').unwrap_or((rest, ""));
    let Some(me) = subject else {
        return Some(forbidden(
            "Apps Script API does not work with service accounts",
        ));
    };
    let p = projects.iter().find(|p| p.0 == id)?;
    if p.2 != me {
        return Some(forbidden("The caller does not have permission"));
    }
    let manifest = file(&p.4, "appsscript.json").unwrap_or_else(|| json!({}));
    Some(match tail {
        "" => resp(
            StatusCode::OK,
            json!({"scriptId": p.0, "title": p.1, "creator": {"email": p.2}, "parentId": p.3}),
        ),
        "content" => {
            let mut files =
                vec![json!({"name": "appsscript", "type": "JSON", "source": manifest.to_string()})];
            let mut srcs: Vec<PathBuf> = std::fs::read_dir(&p.4)
                .map(|r| r.filter_map(Result::ok).map(|e| e.path()).collect())
                .unwrap_or_default();
            srcs.sort();
            for s in srcs {
                let name = s.file_name()?.to_string_lossy().into_owned();
                if let Some(stem) = name
                    .strip_suffix(".gs")
                    .or_else(|| name.strip_suffix(".js"))
                {
                    files.push(json!({"name": stem, "type": "SERVER_JS", "source": std::fs::read_to_string(&s).ok()?}));
                }
            }
            resp(StatusCode::OK, json!({"scriptId": p.0, "files": files}))
        }
        "deployments" => {
            let deps: Vec<Value> = manifest
                .get("webapp")
                .map(|w| vec![json!({"deploymentId": "AKfycb-fake", "entryPoints": [{"entryPointType": "WEB_APP", "webApp": {"url": "https://script.google.com/macros/s/AKfycb-fake/exec", "entryPointConfig": w}}]})])
                .unwrap_or_default();
            page(deps, "deployments", query)
        }
        _ => return None,
    })
}

/// Cloud Storage JSON API (`storage/v1`, as its discovery document has it): `objects.list` with
/// `prefix` and `pageToken` (two a page), and `objects.get` with `alt=media` (the object's bytes).
fn storage(st: &State, rest: &str, query: &str) -> Response<Body> {
    let decode = |v: &str| {
        percent_encoding::percent_decode_str(v)
            .decode_utf8_lossy()
            .into_owned()
    };
    let param = |k: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
            .map(decode)
    };
    let objects = st.objects.lock().expect("lock").clone();
    let split = rest.split_once("/o").map(|(b, r)| (decode(b), r));
    match split {
        Some((bucket, "")) => {
            let prefix = param("prefix").unwrap_or_default();
            let names: Vec<&String> = objects
                .iter()
                .filter(|(b, n, _)| *b == bucket && n.starts_with(&prefix))
                .map(|(_, n, _)| n)
                .collect();
            let start: usize = param("pageToken").and_then(|t| t.parse().ok()).unwrap_or(0);
            let end = (start + 2).min(names.len());
            let mut v = json!({"kind": "storage#objects", "items": names[start.min(end)..end]
                .iter().map(|n| json!({"kind": "storage#object", "name": n, "bucket": bucket})).collect::<Vec<_>>()});
            if end < names.len() {
                v["nextPageToken"] = json!(end.to_string());
            }
            resp(StatusCode::OK, v)
        }
        Some((bucket, name)) if param("alt").as_deref() == Some("media") => {
            let name = decode(name.trim_start_matches('/'));
            match objects.iter().find(|(b, n, _)| *b == bucket && *n == name) {
                Some((_, _, bytes)) => Response::new(Body::from(bytes.clone())),
                None => not_found(&format!("gs://{bucket}/{name}")),
            }
        }
        _ => not_found(rest),
    }
}

impl GoogleFake {
    /// Serves `dir` (one project's export folder) for `project`, trusting `public_key_der` (PKCS#1).
    pub fn start(
        dir: &Path,
        project: &str,
        public_key_der: Vec<u8>,
        client_email: &str,
    ) -> GoogleFake {
        Self::start_with(dir, project, public_key_der, client_email, None, Vec::new())
    }

    /// Also serves a Workspace domain export, with `delegated` the scopes allow-listed for delegation.
    pub fn start_with(
        dir: &Path,
        project: &str,
        public_key_der: Vec<u8>,
        client_email: &str,
        workspace: Option<PathBuf>,
        delegated: Vec<String>,
    ) -> GoogleFake {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr: SocketAddr = listener.local_addr().expect("addr");
        let url = format!("http://{addr}");
        let log = Arc::new(Mutex::new(Vec::new()));
        let objects = Arc::new(Mutex::new(Vec::new()));
        let faults = Faults::default();
        let st = Arc::new(State {
            workspace: workspace.clone(),
            delegated: delegated.clone(),
            faults: faults.clone(),
            dir: dir.to_path_buf(),
            project: project.to_string(),
            public_key_der,
            client_email: client_email.to_string(),
            log: log.clone(),
            objects: objects.clone(),
        });
        let base = url.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("rt");
            rt.block_on(async move {
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let st = st.clone();
                    let base = base.clone();
                    async move { handle(st, req, base).await }
                });
                let l = tokio::net::TcpListener::from_std(listener).expect("listener");
                axum::serve(l, app).await.expect("serve");
            });
        });
        GoogleFake {
            url,
            log,
            objects,
            faults,
        }
    }

    /// The next `times` calls whose path contains `path_contains` answer with `kind`.
    pub fn fault(&self, path_contains: &str, times: u32, kind: FaultKind) {
        self.faults.add(path_contains, times, kind);
    }

    /// Forgets every fault not yet spent.
    pub fn clear_faults(&self) {
        self.faults.clear();
    }
}

/// A fresh RSA key pair via openssl: (PKCS#8 PEM private key, PKCS#1 DER public key).
pub fn keypair(dir: &Path) -> (String, Vec<u8>) {
    let key = dir.join("key.pem");
    let pubkey = dir.join("pub.der");
    let ok = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
        ])
        .arg(&key)
        .status()
        .expect("openssl is needed for the GCP token-flow test")
        .success();
    assert!(ok);
    let ok = std::process::Command::new("openssl")
        .args(["rsa", "-RSAPublicKey_out", "-outform", "DER", "-in"])
        .arg(&key)
        .arg("-out")
        .arg(&pubkey)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("openssl")
        .success();
    assert!(ok);
    (
        std::fs::read_to_string(&key).expect("key"),
        std::fs::read(&pubkey).expect("pub"),
    )
}
