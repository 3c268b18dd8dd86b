//! A fast fake of the Google Workspace APIs `fnscope scan apps-script` reads through domain-wide
//! delegation: the token endpoint (a token per impersonated subject, the JWT's `sub` read, not
//! verified: a benchmark, not a test), the Directory API's users and tokens, each user's Drive, and
//! the Apps Script API. U users; every `script_every`-th user owns a standalone script. Every answer
//! waits `latency`. Quotas as Google documents them (docs/research/quotas.md): the Directory API
//! 2,400 queries a minute per user per project (every Directory call is the admin's), Drive 12,000
//! a minute per project and per user. The Apps Script API's and the token endpoint's figures were
//! not found, so they are not modelled.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode};
use base64::Engine;
use serde_json::{Value, json};

pub const DOMAIN: &str = "bench.example";
pub const ADMIN: &str = "admin@bench.example";
pub const DIRECTORY_PER_MINUTE: f64 = 2400.0;
pub const DRIVE_PER_MINUTE: f64 = 12000.0;

#[derive(Debug, Clone)]
pub struct Estate {
    pub users: usize,
    pub script_every: usize,
    pub latency: Duration,
    pub quotas: bool,
}

fn user(i: usize) -> String {
    format!("user{i:06}@{DOMAIN}")
}

impl Estate {
    pub fn scripts(&self) -> usize {
        self.users.div_ceil(self.script_every.max(1))
    }

    pub fn minimum_calls(&self) -> BTreeMap<String, u64> {
        let (u, s) = (self.users as u64, self.scripts() as u64);
        let mut m = BTreeMap::new();
        let mut add = |k: &str, n: u64| *m.entry(k.to_string()).or_insert(0) += n;
        add("directory:users.list", u.div_ceil(500).max(1));
        add("directory:tokens.list", u);
        add("drive:files.list", u);
        for k in [
            "projects.get",
            "projects.getContent",
            "deployments.list",
            "processes.list",
        ] {
            add(&format!("script:{k}"), s);
        }
        // A token per impersonated user and scope: the admin's two, each user's Drive one, each
        // script owner's Apps Script ones.
        add("oauth2:token", 2 + u + s);
        m
    }
}

pub use crate::common::Stats;
use crate::common::{json as answer, param};

pub use crate::common::Fake;

/// Serves `estate`.
pub fn start(estate: Estate) -> std::io::Result<Fake> {
    Fake::start(estate, |req, estate, st| async move {
        handle(req, &estate, &st).await
    })
}

fn ok(v: Value) -> Response<Body> {
    answer(StatusCode::OK, v)
}

fn error(status: StatusCode, message: &str) -> Response<Body> {
    answer(
        status,
        json!({"error": {"code": status.as_u16(), "message": message}}),
    )
}

/// A per-minute quota: a minute's calls at once, refilled evenly.
fn admit(st: &Mutex<Stats>, key: String, per_minute: f64) -> bool {
    crate::common::admit(st, key, per_minute, per_minute / 60.0)
}

/// The `sub` of a JWT-bearer assertion (the service account itself when absent).
fn subject(form: &str) -> String {
    param(form, "assertion")
        .and_then(|a| a.split('.').nth(1).map(str::to_string))
        .and_then(|c| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(c)
                .ok()
        })
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|v| v["sub"].as_str().map(str::to_string))
        .unwrap_or_default()
}

fn classify(path: &str) -> &'static str {
    match path {
        "/token" => "oauth2:token",
        "/admin/directory/v1/users" => "directory:users.list",
        p if p.starts_with("/admin/directory/v1/users/") => "directory:tokens.list",
        "/drive/v3/files" => "drive:files.list",
        "/v1/processes:listScriptProcesses" => "script:processes.list",
        p if p.ends_with("/content") => "script:projects.getContent",
        p if p.ends_with("/deployments") => "script:deployments.list",
        p if p.starts_with("/v1/projects/") => "script:projects.get",
        _ => "other",
    }
}

async fn handle(req: Request<Body>, e: &Estate, st: &Mutex<Stats>) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let path = parts.uri.path().to_string();
    let q = parts.uri.query().unwrap_or_default().to_string();
    let name = classify(&path);
    let me = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ya29.bench~"))
        .unwrap_or_default()
        .to_string();
    tokio::time::sleep(e.latency).await;
    let admitted = !e.quotas
        || match name {
            "directory:users.list" | "directory:tokens.list" => {
                admit(st, format!("directory/{me}"), DIRECTORY_PER_MINUTE)
            }
            "drive:files.list" => {
                admit(st, "drive".into(), DRIVE_PER_MINUTE)
                    && admit(st, format!("drive/{me}"), DRIVE_PER_MINUTE)
            }
            _ => true,
        };
    crate::common::count(st, name, admitted);
    if !admitted {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            "Quota exceeded for quota metric 'Queries'",
        );
    }
    let form = String::from_utf8_lossy(&body);
    match name {
        "oauth2:token" => ok(
            json!({"access_token": format!("ya29.bench~{}", subject(&form)), "expires_in": 3600, "token_type": "Bearer"}),
        ),
        "directory:users.list" => {
            let start: usize = param(&q, "pageToken")
                .and_then(|t| t.parse().ok())
                .unwrap_or(0);
            let end = (start + 500).min(e.users);
            let users: Vec<Value> = (start..end)
                .map(|i| json!({"primaryEmail": user(i), "suspended": false}))
                .collect();
            let mut v = json!({"users": users});
            if end < e.users {
                v["nextPageToken"] = json!(end.to_string());
            }
            ok(v)
        }
        "directory:tokens.list" => ok(json!({"items": [{
            "clientId": "1234.apps.googleusercontent.com", "displayText": "Calendar sync",
            "anonymous": false, "nativeApp": false,
            "scopes": ["https://www.googleapis.com/auth/calendar.readonly"]}]})),
        "drive:files.list" => {
            let i: usize = me
                .trim_start_matches("user")
                .get(..6)
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            let files = if i.is_multiple_of(e.script_every.max(1)) {
                vec![
                    json!({"id": format!("script-{i:06}"), "name": format!("Report {i}"), "owners": [{"emailAddress": me}]}),
                ]
            } else {
                Vec::new()
            };
            ok(json!({"files": files}))
        }
        "script:processes.list" => ok(json!({"processes": []})),
        "script:deployments.list" => ok(json!({"deployments": []})),
        "script:projects.getContent" => ok(json!({"files": [
            {"name": "appsscript", "type": "JSON", "source": "{\"timeZone\":\"Etc/UTC\",\"oauthScopes\":[\"https://www.googleapis.com/auth/spreadsheets.currentonly\"]}"},
            {"name": "Code", "type": "SERVER_JS", "source": "function onOpen() { SpreadsheetApp.getUi().createMenu('Report').addToUi(); }"}]})),
        "script:projects.get" => {
            let id = path.trim_start_matches("/v1/projects/");
            ok(json!({"scriptId": id, "title": id, "creator": {"email": me}}))
        }
        _ => error(StatusCode::NOT_FOUND, &path),
    }
}
