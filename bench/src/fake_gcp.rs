//! A fast fake of the Google Cloud APIs `fnscope scan gcp` reads, serving a synthetic organization:
//! P projects directly below `organizations/1`, each with F 2nd-gen functions (each with its Cloud
//! Run service), S service accounts and L Cloud Run locations. It answers both paths: each
//! project's own APIs (Resource Manager v3, Cloud Functions v2, Cloud Run v2, IAM v1, Recommender,
//! Policy Analyzer) and Cloud Asset Inventory's `assets.list` at the organization. Every answer
//! waits `latency`; every API has a token bucket per consumer project (the caller's: one for the
//! whole scan) at its per-minute quota, answering 429 `RESOURCE_EXHAUSTED` when empty. The token
//! endpoint hands out a token without checking the assertion: a benchmark, not a test.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use serde_json::{Value, json};

pub const ORG: &str = "organizations/1";

#[derive(Debug, Clone)]
pub struct Estate {
    pub projects: usize,
    pub functions: usize,
    pub accounts: usize,
    pub locations: usize,
    pub latency: Duration,
    /// Model the quotas (`QUOTAS`); off: unlimited.
    pub quotas: bool,
}

/// Whose quota a call counts against (Google: "resource-based" APIs charge the project read,
/// "client-based" ones the caller's; the docs name the scope per API, see docs/research/quotas.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scope {
    /// The caller's project: one bucket for the whole scan.
    Consumer,
    /// The project read.
    Project,
    /// The project read, per region.
    ProjectRegion,
    /// The organization (one for the bench's estate).
    Organization,
}

/// Per-minute read quotas by API (docs/research/quotas.md). Cloud Run's figure is a third party's
/// (Google's table was not found); Policy Analyzer's was not found at all, so it is not modelled.
pub const QUOTAS: &[(&str, f64, Scope)] = &[
    ("cloudasset", 100.0, Scope::Consumer),
    ("cloudresourcemanager", 600.0, Scope::Consumer),
    ("cloudfunctions", 1200.0, Scope::Project),
    ("run", 600.0, Scope::ProjectRegion),
    ("iam", 6000.0, Scope::Project),
    ("recommender", 100.0, Scope::Organization),
];

pub fn quota(api: &str) -> Option<(f64, Scope)> {
    QUOTAS
        .iter()
        .find(|(a, _, _)| *a == api)
        .map(|(_, q, s)| (*q, *s))
}

fn project_id(p: usize) -> String {
    format!("bench-p{p:04}")
}

fn project_number(p: usize) -> String {
    format!("{}", 500_000_000_000u64 + p as u64)
}

fn location(i: usize) -> String {
    format!("region-{i:02}")
}

impl Estate {
    fn function(&self, p: usize, f: usize) -> Value {
        let pid = project_id(p);
        let loc = location(f % self.locations.max(1));
        let sa = if f.is_multiple_of(10) {
            format!(
                "{}-compute@developer.gserviceaccount.com",
                project_number(p)
            )
        } else {
            format!(
                "sa-{:03}@{pid}.iam.gserviceaccount.com",
                f % self.accounts.max(1)
            )
        };
        json!({
            "name": format!("projects/{pid}/locations/{loc}/functions/fn-{f:05}"),
            "environment": "GEN_2", "state": "ACTIVE",
            "updateTime": "2026-01-01T00:00:00Z",
            "buildConfig": {"runtime": "python312", "entryPoint": "main"},
            "serviceConfig": {
                "service": format!("projects/{pid}/locations/{loc}/services/fn-{f:05}"),
                "uri": format!("https://fn-{f:05}-{p}.a.run.app"),
                "ingressSettings": "ALLOW_ALL",
                "serviceAccountEmail": sa,
                "environmentVariables": {"MODE": "prod"}
            }
        })
    }

    /// The function's Run service, as Cloud Run v2 lists it.
    fn service(&self, p: usize, f: usize) -> Value {
        let fun = self.function(p, f);
        json!({
            "name": fun["serviceConfig"]["service"],
            "uri": fun["serviceConfig"]["uri"],
            "ingress": "INGRESS_TRAFFIC_ALL",
            "buildConfig": {"functionTarget": "main", "baseImage": "python312"},
            "template": {"serviceAccount": fun["serviceConfig"]["serviceAccountEmail"],
                         "containers": [{"image": "gcr.io/x/y", "env": [{"name": "MODE", "value": "prod"}]}]}
        })
    }

    fn account(&self, p: usize, a: usize) -> Value {
        let pid = project_id(p);
        json!({"email": format!("sa-{a:03}@{pid}.iam.gserviceaccount.com"), "projectId": pid,
               "uniqueId": format!("1{p:06}{a:05}")})
    }

    fn project_policy(&self, p: usize) -> Value {
        let pid = project_id(p);
        json!({"version": 1, "etag": "BwX=", "bindings": [
            {"role": "roles/owner", "members": [format!("user:owner-{p}@example.com")]},
            {"role": "roles/editor", "members": [format!("serviceAccount:sa-000@{pid}.iam.gserviceaccount.com")]},
            {"role": "roles/cloudfunctions.developer", "members": [format!("user:dev-{p}@example.com")]},
            {"role": "roles/iam.serviceAccountUser", "members": [format!("user:dev-{p}@example.com")]}
        ]})
    }

    /// Who may invoke function `f`: every twentieth is public.
    fn invoker_policy(&self, f: usize) -> Value {
        let who = if f.is_multiple_of(20) {
            "allUsers".to_string()
        } else {
            "group:callers@example.com".into()
        };
        json!({"version": 1, "etag": "BwX=", "bindings": [{"role": "roles/run.invoker", "members": [who]}]})
    }

    fn account_policy(&self, p: usize, a: usize) -> Value {
        json!({"version": 1, "etag": "BwX=", "bindings": [
            {"role": "roles/iam.serviceAccountTokenCreator", "members": [format!("user:ops-{p}-{}@example.com", a % 3)]}
        ]})
    }

    /// The fewest calls each path makes, by API method.
    pub fn minimum_calls(&self, fast: bool) -> BTreeMap<String, u64> {
        let mut m = BTreeMap::new();
        let (p, f, s, l) = (
            self.projects as u64,
            self.functions as u64,
            self.accounts as u64,
            self.locations as u64,
        );
        let mut add = |k: &str, n: u64| *m.entry(k.to_string()).or_insert(0) += n;
        add(
            "cloudresourcemanager:projects.list",
            p.div_ceil(1000).max(1),
        );
        add("cloudresourcemanager:folders.list", 1);
        // Refused for the first project (no Security Command Center Premium): not asked again.
        add("recommender:insights.list", 1);
        add("policyanalyzer:activities.query", p);
        // The roles the bindings name: owner, editor, Cloud Functions developer, service account user,
        // token creator, Run invoker, organization admin.
        add("iam:roles.get", 7);
        if fast {
            add(
                "cloudasset:assets.list(RESOURCE)",
                (p * (1 + 2 * f + s)).div_ceil(1000).max(1),
            );
            add(
                "cloudasset:assets.list(IAM_POLICY)",
                (1 + p * (1 + f + s)).div_ceil(1000).max(1),
            );
        } else {
            add("cloudresourcemanager:projects.get", p);
            // The project's policy, and the organization's once for all.
            add("cloudresourcemanager:getIamPolicy", p + 1);
            add("cloudfunctions:functions.list", p * f.div_ceil(1000).max(1));
            add("run:getIamPolicy", p * f);
            add("run:locations.list", p);
            add("run:services.list", p * l);
            add("run:jobs.list", p * l);
            add("iam:serviceAccounts.list", p * s.div_ceil(100).max(1));
            add("iam:serviceAccounts.getIamPolicy", p * s);
        }
        m
    }

    /// Resources the inventory holds: projects, functions, their services, accounts.
    pub fn resources(&self) -> u64 {
        (self.projects * (1 + 2 * self.functions + self.accounts)) as u64
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

fn error(status: StatusCode, code: &str, message: &str) -> Response<Body> {
    answer(
        status,
        json!({"error": {"code": status.as_u16(), "message": message, "status": code}}),
    )
}

/// One page of `items` (`pageToken` is the offset), `size` a page.
fn page(items: Vec<Value>, key: &str, q: &str, size: usize) -> Response<Body> {
    let start: usize = param(q, "pageToken")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let size = param(q, "pageSize")
        .and_then(|s| s.parse().ok())
        .map_or(size, |s: usize| s.min(size));
    let end = (start + size.max(1)).min(items.len());
    let mut v = json!({ key: items[start.min(end)..end].to_vec() });
    if end < items.len() {
        v["nextPageToken"] = json!(end.to_string());
    }
    ok(v)
}

/// The project index of `projects/bench-pNNNN` or of its number.
fn project_index(s: &str) -> Option<usize> {
    s.strip_prefix("bench-p")
        .and_then(|n| n.parse().ok())
        .or_else(|| {
            s.parse::<u64>()
                .ok()
                .and_then(|n| n.checked_sub(500_000_000_000))
                .map(|n| n as usize)
        })
}

/// (API for the quota, method name for the stats) of a request.
fn classify(method: &str, path: &str, q: &str) -> (&'static str, String) {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let m = |api: &'static str, name: &str| (api, format!("{api}:{name}"));
    match segs.as_slice() {
        ["v1", _, _, "assets"] => m(
            "cloudasset",
            &format!(
                "assets.list({})",
                param(q, "contentType").unwrap_or_default()
            ),
        ),
        ["v3", "projects"] => m("cloudresourcemanager", "projects.list"),
        ["v3", "folders"] => m("cloudresourcemanager", "folders.list"),
        ["v3", _, s] if s.ends_with(":getIamPolicy") => m("cloudresourcemanager", "getIamPolicy"),
        ["v3", "projects", _] => m("cloudresourcemanager", "projects.get"),
        ["v2", "projects", _, "locations", "-", "functions"] => {
            m("cloudfunctions", "functions.list")
        }
        ["v2", "projects", _, "locations"] => m("run", "locations.list"),
        ["v2", "projects", _, "locations", _, "services"] => m("run", "services.list"),
        ["v2", "projects", _, "locations", _, "jobs"] => m("run", "jobs.list"),
        ["v2", .., s] if s.ends_with(":getIamPolicy") => m("run", "getIamPolicy"),
        ["v1", "projects", _, "serviceAccounts"] => m("iam", "serviceAccounts.list"),
        ["v1", "projects", _, "serviceAccounts", _] => m("iam", "serviceAccounts.getIamPolicy"),
        ["v1", "roles", ..] | ["v1", _, _, "roles", ..] => m("iam", "roles.get"),
        [
            "v1",
            "projects",
            _,
            "locations",
            "global",
            "insightTypes",
            ..,
        ] => m("recommender", "insights.list"),
        [
            "v1",
            "projects",
            _,
            "locations",
            "global",
            "activityTypes",
            ..,
        ] => m("policyanalyzer", "activities.query"),
        _ => ("other", format!("other:{method} {path}")),
    }
}

async fn handle(req: Request<Body>, estate: &Estate, st: &Mutex<Stats>) -> Response<Body> {
    let path = req.uri().path().to_string();
    let q = req.uri().query().unwrap_or_default().to_string();
    let method = req.method().to_string();
    if path == "/token" {
        return ok(
            json!({"access_token": "ya29.bench", "expires_in": 3600, "token_type": "Bearer"}),
        );
    }
    let (api, name) = classify(&method, &path, &q);
    tokio::time::sleep(estate.latency).await;
    let admitted = match quota(api).filter(|_| estate.quotas) {
        None => true,
        Some((q, scope)) => {
            let segs: Vec<&str> = path.split('/').collect();
            let after = |k: &str| {
                segs.iter()
                    .position(|s| *s == k)
                    .and_then(|i| segs.get(i + 1))
                    .map(|s| s.trim_end_matches(":getIamPolicy").to_string())
                    .unwrap_or_default()
            };
            let key = match scope {
                Scope::Consumer | Scope::Organization => api.to_string(),
                Scope::Project => format!("{api}/{}", after("projects")),
                Scope::ProjectRegion => {
                    format!("{api}/{}/{}", after("projects"), after("locations"))
                }
            };
            // A per-minute quota: a minute's calls at once, refilled evenly.
            crate::common::admit(st, key, q, q / 60.0)
        }
    };
    crate::common::count(st, &name, admitted);
    if !admitted {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            "RESOURCE_EXHAUSTED",
            &format!(
                "Quota exceeded for quota metric 'Read requests' of service '{api}.googleapis.com'"
            ),
        );
    }
    serve(estate, &path, &q)
}

fn serve(e: &Estate, path: &str, q: &str) -> Response<Body> {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (fns, accts) = (e.functions, e.accounts);
    match segs.as_slice() {
        ["v1", kind, id, "assets"] => assets(e, &format!("{kind}/{id}"), q),
        ["v3", "projects"] => {
            let items = (0..e.projects)
                .map(|p| json!({"name": format!("projects/{}", project_number(p)), "projectId": project_id(p), "state": "ACTIVE", "parent": ORG}))
                .collect();
            page(items, "projects", q, 1000)
        }
        ["v3", "folders"] => ok(json!({"folders": []})),
        ["v3", "organizations", s] if s.ends_with(":getIamPolicy") => ok(
            json!({"version": 1, "etag": "BwX=", "bindings": [{"role": "roles/resourcemanager.organizationAdmin", "members": ["group:admins@example.com"]}]}),
        ),
        ["v3", "projects", s] => {
            let (id, policy) = match s.strip_suffix(":getIamPolicy") {
                Some(id) => (id, true),
                None => (*s, false),
            };
            match project_index(id) {
                Some(p) if policy => ok(e.project_policy(p)),
                Some(p) => ok(
                    json!({"name": format!("projects/{}", project_number(p)), "projectId": project_id(p), "state": "ACTIVE", "parent": ORG}),
                ),
                None => error(StatusCode::NOT_FOUND, "NOT_FOUND", path),
            }
        }
        ["v2", "projects", id, "locations", "-", "functions"] => match project_index(id) {
            Some(p) => page(
                (0..fns).map(|f| e.function(p, f)).collect(),
                "functions",
                q,
                1000,
            ),
            None => error(StatusCode::NOT_FOUND, "NOT_FOUND", path),
        },
        ["v2", "projects", id, "locations"] => {
            let items = (0..e.locations)
                .map(|l| json!({"name": format!("projects/{id}/locations/{}", location(l)), "locationId": location(l)}))
                .collect();
            page(items, "locations", q, 1000)
        }
        ["v2", "projects", id, "locations", loc, "services"] => match project_index(id) {
            Some(p) => page(
                (0..fns)
                    .filter(|f| location(f % e.locations.max(1)) == *loc)
                    .map(|f| e.service(p, f))
                    .collect(),
                "services",
                q,
                1000,
            ),
            None => error(StatusCode::NOT_FOUND, "NOT_FOUND", path),
        },
        ["v2", "projects", _, "locations", _, "jobs"] => ok(json!({"jobs": []})),
        ["v2", .., s] if s.ends_with(":getIamPolicy") => {
            let f = s
                .trim_end_matches(":getIamPolicy")
                .trim_start_matches("fn-")
                .parse()
                .unwrap_or(0);
            ok(e.invoker_policy(f))
        }
        ["v1", "projects", id, "serviceAccounts"] => match project_index(id) {
            Some(p) => page(
                (0..accts).map(|a| e.account(p, a)).collect(),
                "accounts",
                q,
                100,
            ),
            None => error(StatusCode::NOT_FOUND, "NOT_FOUND", path),
        },
        ["v1", "projects", id, "serviceAccounts", s] => {
            let a = s
                .trim_start_matches("sa-")
                .get(..3)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            ok(e.account_policy(project_index(id).unwrap_or(0), a))
        }
        ["v1", "roles", r] => ok(
            json!({"name": format!("roles/{r}"), "includedPermissions": ["resourcemanager.projects.get"]}),
        ),
        [
            "v1",
            "projects",
            _,
            "locations",
            "global",
            "insightTypes",
            ..,
        ] => error(
            StatusCode::FORBIDDEN,
            "PERMISSION_DENIED",
            "IAM policy insights require Security Command Center Premium.",
        ),
        [
            "v1",
            "projects",
            _,
            "locations",
            "global",
            "activityTypes",
            ..,
        ] => ok(json!({"activities": []})),
        _ => error(StatusCode::NOT_FOUND, "NOT_FOUND", path),
    }
}

/// `assets.list` at the organization (the only parent the bench scans with): every project's
/// resources, then every policy set, as Cloud Asset Inventory shapes them (v2 functions, v1
/// Knative services, v1 accounts and projects), `pageSize` up to 1,000.
fn assets(e: &Estate, parent: &str, q: &str) -> Response<Body> {
    if parent != ORG {
        return error(StatusCode::FORBIDDEN, "PERMISSION_DENIED", parent);
    }
    let content = param(q, "contentType").unwrap_or_default();
    let start: usize = param(q, "pageToken")
        .and_then(|t| t.parse().ok())
        .unwrap_or(0);
    let size = param(q, "pageSize")
        .and_then(|s| s.parse().ok())
        .unwrap_or(100usize)
        .min(1000);
    // Each project's assets in a fixed order, built only for the page asked for.
    let per = match content.as_str() {
        "RESOURCE" => 1 + 2 * e.functions + e.accounts,
        _ => 1 + e.functions + e.accounts,
    };
    let total = match content.as_str() {
        "RESOURCE" => e.projects * per,
        _ => 1 + e.projects * per,
    };
    let end = (start + size).min(total);
    let items: Vec<Value> = (start..end).map(|i| asset(e, &content, i, per)).collect();
    let mut v = json!({"assets": items, "readTime": "2026-12-07T00:00:00Z"});
    if end < total {
        v["nextPageToken"] = json!(end.to_string());
    }
    ok(v)
}

fn asset(e: &Estate, content: &str, i: usize, per: usize) -> Value {
    let policy = content != "RESOURCE";
    if policy && i == 0 {
        return json!({"name": "//cloudresourcemanager.googleapis.com/organizations/1",
            "assetType": "cloudresourcemanager.googleapis.com/Organization", "ancestors": [ORG],
            "iamPolicy": {"bindings": [{"role": "roles/resourcemanager.organizationAdmin", "members": ["group:admins@example.com"]}]}});
    }
    let i = if policy { i - 1 } else { i };
    let (p, k) = (i / per, i % per);
    let (pid, num) = (project_id(p), project_number(p));
    let anc = json!([format!("projects/{num}"), ORG]);
    let f = e.functions;
    if k == 0 {
        return match policy {
            true => json!({"name": format!("//cloudresourcemanager.googleapis.com/projects/{num}"),
                "assetType": "cloudresourcemanager.googleapis.com/Project", "ancestors": anc,
                "iamPolicy": e.project_policy(p)}),
            false => {
                json!({"name": format!("//cloudresourcemanager.googleapis.com/projects/{num}"),
                "assetType": "cloudresourcemanager.googleapis.com/Project", "ancestors": anc,
                "resource": {"version": "v1", "data": {"projectId": pid, "projectNumber": num, "lifecycleState": "ACTIVE"}}})
            }
        };
    }
    let k = k - 1;
    if policy {
        return if k < f {
            let svc = e.function(p, k)["serviceConfig"]["service"].clone();
            json!({"name": format!("//run.googleapis.com/{}", svc.as_str().unwrap_or_default()),
                "assetType": "run.googleapis.com/Service", "ancestors": anc, "iamPolicy": e.invoker_policy(k)})
        } else {
            let acct = e.account(p, k - f);
            json!({"name": format!("//iam.googleapis.com/projects/{pid}/serviceAccounts/{}", acct["uniqueId"].as_str().unwrap_or_default()),
                "assetType": "iam.googleapis.com/ServiceAccount", "ancestors": anc, "iamPolicy": e.account_policy(p, k - f)})
        };
    }
    if k < f {
        let fun = e.function(p, k);
        json!({"name": format!("//cloudfunctions.googleapis.com/{}", fun["name"].as_str().unwrap_or_default()),
            "assetType": "cloudfunctions.googleapis.com/Function", "ancestors": anc,
            "resource": {"version": "v2", "data": fun}})
    } else if k < 2 * f {
        let s = e.service(p, k - f);
        let name = s["name"].as_str().unwrap_or_default().to_string();
        let loc = name.split('/').nth(3).unwrap_or_default().to_string();
        let short = name.rsplit('/').next().unwrap_or_default().to_string();
        json!({"name": format!("//run.googleapis.com/{name}"), "assetType": "run.googleapis.com/Service",
            "ancestors": anc, "resource": {"version": "v1", "location": loc, "data": {
                "apiVersion": "serving.knative.dev/v1", "kind": "Service",
                "metadata": {"name": short, "namespace": num,
                    "labels": {"cloud.googleapis.com/location": loc},
                    "annotations": {"run.googleapis.com/ingress": "all", "run.googleapis.com/build-function-target": "main"}},
                "spec": {"template": {"spec": {"serviceAccountName": s["template"]["serviceAccount"], "containers": s["template"]["containers"]}}},
                "status": {"url": s["uri"]}}}})
    } else {
        let acct = e.account(p, k - 2 * f);
        json!({"name": format!("//iam.googleapis.com/projects/{pid}/serviceAccounts/{}", acct["uniqueId"].as_str().unwrap_or_default()),
            "assetType": "iam.googleapis.com/ServiceAccount", "ancestors": anc,
            "resource": {"version": "v1", "data": acct}})
    }
}
