//! The live GCP collector against a fake Google API server, with the real service-account JWT flow.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::gfake::{FaultKind, GoogleFake, keypair};
use crate::harness::{copy_dir, coverage, fnscope, fnscope_env, repo, stderr, stdout, triples};

pub(crate) const PROJECT: &str = "acme-fn-prod";
pub(crate) const CLIENT: &str = "fnscope@acme-fn-prod.iam.gserviceaccount.com";

fn s_contains(path: &std::path::Path, needle: &str) -> bool {
    std::fs::read_to_string(path).unwrap().contains(needle)
}

/// Runs a live scan of `export` served by a fresh fake; `setup` injects faults first.
fn live_scan(
    export: &std::path::Path,
    extra: &[&str],
    setup: impl FnOnce(&GoogleFake),
) -> (std::process::Output, Value, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let fake = GoogleFake::start(export, PROJECT, public, CLIENT);
    setup(&fake);
    let key = key_file(dir.path(), &pem, &format!("{}/token", fake.url));
    let mut args = vec![
        "scan",
        "gcp",
        "--gcp-project",
        PROJECT,
        "--gcp-endpoint",
        &fake.url,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = fnscope_env(
        None,
        dir.path(),
        &args,
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    );
    let report: Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let log = fake.log.lock().unwrap().clone();
    assert_within_permissions(&log);
    (out, report, log)
}

#[test]
fn endpoints_and_token_uri_come_from_the_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let fake = GoogleFake::start(&export, PROJECT, public, CLIENT);
    // The key names Google's token endpoint; the configuration redirects it and every API.
    let key = key_file(dir.path(), &pem, "https://oauth2.googleapis.com/token");
    let mut toml = format!(
        "[gcp]\ntoken_uri = \"{}/token\"\n[gcp.endpoints]\n",
        fake.url
    );
    for api in [
        "resourcemanager",
        "functions",
        "run",
        "iam",
        "recommender",
        "policyanalyzer",
    ] {
        toml.push_str(&format!("{api} = \"{}/\"\n", fake.url));
    }
    let cfg = dir.path().join("fnscope.toml");
    std::fs::write(&cfg, toml).unwrap();
    let out = fnscope_env(
        None,
        dir.path(),
        &[
            "scan",
            "gcp",
            "--gcp-project",
            PROJECT,
            "--format",
            "json",
            "--config",
            cfg.to_str().unwrap(),
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(r["inventory"]["workloads"], 6); // five functions and a Cloud Run job
    let log = fake.log.lock().unwrap().clone();
    assert!(log.iter().any(|l| l == "POST /token"));
    assert!(log.iter().any(|l| l.contains("/serviceAccounts")));
    assert_within_permissions(&log);
}

/// The IAM permission Google requires for a request the fake logged (`METHOD /path`): methods and
/// paths as the discovery documents define them, permissions from each method's reference page; `None` for a request this table does not know (never a read the
/// scanner may make). `*` is one path segment, `*:verb` one ending in `:verb`.
fn gcp_permission(request: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str, &str)] = &[
        ("GET", "/v3/projects", "resourcemanager.projects.list"),
        ("GET", "/v3/projects/*", "resourcemanager.projects.get"),
        (
            "POST",
            "/v3/projects/*:getIamPolicy",
            "resourcemanager.projects.getIamPolicy",
        ),
        ("GET", "/v3/folders", "resourcemanager.folders.list"),
        ("GET", "/v3/folders/*", "resourcemanager.folders.get"),
        (
            "POST",
            "/v3/folders/*:getIamPolicy",
            "resourcemanager.folders.getIamPolicy",
        ),
        (
            "POST",
            "/v3/organizations/*:getIamPolicy",
            "resourcemanager.organizations.getIamPolicy",
        ),
        (
            "GET",
            "/v2/projects/*/locations/-/functions",
            "cloudfunctions.functions.list",
        ),
        (
            "GET",
            "/v2/projects/*/locations/*/functions/*:getIamPolicy",
            "cloudfunctions.functions.getIamPolicy",
        ),
        ("GET", "/v2/projects/*/locations", "run.locations.list"),
        (
            "GET",
            "/v2/projects/*/locations/*/services",
            "run.services.list",
        ),
        (
            "GET",
            "/v2/projects/*/locations/*/services/*:getIamPolicy",
            "run.services.getIamPolicy",
        ),
        ("GET", "/v2/projects/*/locations/*/jobs", "run.jobs.list"),
        (
            "GET",
            "/v1/projects/*/serviceAccounts",
            "iam.serviceAccounts.list",
        ),
        (
            "POST",
            "/v1/projects/*/serviceAccounts/*:getIamPolicy",
            "iam.serviceAccounts.getIamPolicy",
        ),
        ("GET", "/v1/roles/*", "iam.roles.get"),
        ("GET", "/v1/projects/*/roles/*", "iam.roles.get"),
        ("GET", "/v1/organizations/*/roles/*", "iam.roles.get"),
        (
            "GET",
            "/v1/projects/*/locations/global/insightTypes/google.iam.policy.Insight/insights",
            "recommender.iamPolicyInsights.list",
        ),
        (
            "GET",
            "/v1/projects/*/locations/global/activityTypes/serviceAccountLastAuthentication/activities:query",
            "policyanalyzer.serviceAccountLastAuthenticationActivities.query",
        ),
        ("POST", "/v2/entries:list", "logging.logEntries.list"),
        (
            "GET",
            "/v1/*/*/assets?contentType=RESOURCE",
            "cloudasset.assets.listResource",
        ),
        (
            "GET",
            "/v1/*/*/assets?contentType=IAM_POLICY",
            "cloudasset.assets.listIamPolicy",
        ),
    ];
    let (method, path) = request.split_once(' ')?;
    let segments: Vec<&str> = path.split('/').collect();
    TABLE.iter().find_map(|(m, pattern, permission)| {
        let wanted: Vec<&str> = pattern.split('/').collect();
        let fits = *m == method
            && wanted.len() == segments.len()
            && wanted.iter().zip(&segments).all(|(w, s)| {
                w == s
                    || (*w == "*" && !s.contains(':'))
                    || w.strip_prefix('*').is_some_and(|verb| {
                        verb.starts_with(':') && s.ends_with(verb) && s.len() > verb.len()
                    })
            });
        fits.then_some(*permission)
    })
}

/// Read-only, from one source: every request the scan made needs a permission that
/// `fnscope permissions gcp` grants, and every permission it grants is a read.
fn assert_within_permissions(log: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(None, dir.path(), &["permissions", "gcp"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let granted: Vec<String> = stdout(&out)
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(str::to_string)
        .collect();
    assert!(granted.len() >= 10, "{granted:?}");
    for p in &granted {
        let verb = p.rsplit('.').next().unwrap();
        assert!(
            [
                "get",
                "list",
                "getIamPolicy",
                "query",
                "listResource",
                "listIamPolicy"
            ]
            .contains(&verb),
            "not a read permission: {p}"
        );
    }
    for request in log.iter().filter(|l| *l != "POST /token") {
        let needed = gcp_permission(request)
            .unwrap_or_else(|| panic!("a request no read permission covers: {request}"));
        assert!(
            granted.iter().any(|g| g == needed),
            "{request} needs {needed}, which `fnscope permissions gcp` does not grant"
        );
    }
}

#[test]
fn without_insights_unused_create_rights_fall_back_to_activity_analyzer() {
    let work = tempfile::tempdir().unwrap();
    let export = work.path().join(PROJECT);
    copy_dir(&repo().join("examples/estate/gcp").join(PROJECT), &export);
    std::fs::remove_file(export.join("insights.json")).unwrap();
    let (out, r, log) = live_scan(&export, &["--allow-partial"], |_| {});
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        coverage(&r, "recommender:insights.list")["status"],
        "denied"
    );
    assert_eq!(
        coverage(&r, "policyanalyzer:activities.query")["status"],
        "complete"
    );
    assert!(
        log.iter()
            .any(|l| l.contains("serviceAccountLastAuthentication/activities:query"))
    );
    let unused: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "T1648-GCP-008")
        .collect();
    // The App Engine default account holds Editor and never authenticated in the window; the compute
    // default account and ci-deployer authenticated days ago: not unused.
    let subjects: BTreeSet<&str> = unused
        .iter()
        .map(|f| f["subject"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        subjects,
        BTreeSet::from(["acme-fn-prod@appspot.gserviceaccount.com"]),
        "{unused:?}"
    );
    let ev = unused[0]["evidence"].to_string();
    assert!(
        ev.contains("policyanalyzer:serviceAccountLastAuthentication"),
        "{ev}"
    );
    assert!(ev.contains("roles/editor"), "{ev}");
    let ne = r["not_evaluated"].to_string();
    assert!(
        ne.contains("Activity Analyzer covers this project's service accounts only"),
        "{ne}"
    );
    assert!(
        ne.contains("user:analyst@acme.example") || ne.contains("user:dev@acme.example"),
        "{ne}"
    );

    // Without --allow-partial the denied insights move the exit code (findings aside).
    let (out, _, _) = live_scan(&export, &["--fail-on", "none"], |_| {});
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn transient_faults_give_the_clean_result_and_persistent_ones_a_coverage_record() {
    // The services' own APIs; the fast path's faults are in the next test.
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let (clean_out, clean, clean_log) = live_scan(&export, &["--gcp-no-asset-inventory"], |_| {});
    assert_eq!(clean_out.status.code(), Some(1), "{}", stderr(&clean_out));

    let (out, faulty, log) = live_scan(&export, &["--gcp-no-asset-inventory"], |fake| {
        fake.fault("/locations/-/functions", 2, FaultKind::Status(429));
        fake.fault(":getIamPolicy", 3, FaultKind::Status(503));
        fake.fault("/serviceAccounts", 1, FaultKind::Truncated);
        fake.fault("/serviceAccounts", 1, FaultKind::Reset);
        fake.fault(
            "/locations/europe-west1/services",
            1,
            FaultKind::Status(500),
        );
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(triples(&faulty), triples(&clean));
    assert_eq!(
        faulty["coverage"], clean["coverage"],
        "retries leave no trace in coverage"
    );
    // Every injected fault cost exactly one retried call, nothing more.
    assert_eq!(log.len(), clean_log.len() + 2 + 3 + 1 + 1 + 1, "{log:#?}");

    // A service that keeps failing: a coverage record, exit 3, the rest of the scan intact.
    let (out, r, _) = live_scan(
        &export,
        &[
            "--gcp-no-asset-inventory",
            "--max-attempts",
            "2",
            "--fail-on",
            "none",
        ],
        |fake| {
            fake.fault("/serviceAccounts", 1000, FaultKind::Status(503));
        },
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let c = coverage(&r, "iam:projects.serviceAccounts.list");
    assert_eq!(c["status"], "failed");
    assert!(c["detail"].as_str().unwrap().contains("HTTP 503"), "{c}");
    assert!(r["inventory"]["workloads"].as_u64().unwrap() >= 5);

    // A server asking for a day's wait is not waited for: a throttled record, the rest intact.
    let (out, r, _) = live_scan(
        &export,
        &["--gcp-no-asset-inventory", "--fail-on", "none"],
        |fake| {
            fake.fault("/serviceAccounts", 1000, FaultKind::LongRetryAfter);
        },
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let c = coverage(&r, "iam:projects.serviceAccounts.list");
    assert_eq!(c["status"], "throttled");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains("retry after 100000 s"),
        "{c}"
    );

    // Answers slower than --call-timeout: abandoned and asked again; for ever, a record.
    let (out, slow, _) = live_scan(
        &export,
        &["--gcp-no-asset-inventory", "--call-timeout", "1"],
        |fake| {
            fake.fault("/serviceAccounts", 1, FaultKind::Slow);
        },
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(triples(&slow), triples(&clean));
    assert_eq!(slow["coverage"], clean["coverage"]);
    let (out, r, _) = live_scan(
        &export,
        &[
            "--gcp-no-asset-inventory",
            "--call-timeout",
            "1",
            "--max-attempts",
            "2",
            "--fail-on",
            "none",
        ],
        |fake| fake.fault("/serviceAccounts", 1000, FaultKind::Slow),
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let c = coverage(&r, "iam:projects.serviceAccounts.list");
    assert_eq!(c["status"], "failed");
    assert!(c["detail"].as_str().unwrap().contains("timed out"), "{c}");

    // Past the deadline: the project read is kept, the one still being read is a record.
    let (out, r, _) = live_scan(
        &export,
        &[
            "--gcp-no-asset-inventory",
            "--gcp-project",
            "acme-fn-slow",
            "--deadline",
            "20s",
            "--fail-on",
            "none",
        ],
        |fake| fake.fault("/projects/acme-fn-slow", 1000, FaultKind::Slow),
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(r["inventory"]["workloads"], 6, "{:#}", r["coverage"]);
    let cut: Vec<&Value> = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["detail"]
                .as_str()
                .unwrap()
                .contains("cut off by --deadline")
        })
        .collect();
    assert_eq!(cut.len(), 1, "{:#}", r["coverage"]);
    assert_eq!(cut[0]["target"], "acme-fn-slow");
    assert!(
        !r["coverage"].to_string().contains("fnscope:deadline"),
        "handed over before the deadline"
    );

    // An answer too large to hold: refused once its size passes the cap, not retried. A page token
    // that repeats: the listing stops and says so (never loops, never passes as complete).
    for (kind, says, calls) in [
        (FaultKind::Huge, "larger than 128 MiB", 1..=1),
        (FaultKind::RepeatToken, "page token repeated", 1..=3),
    ] {
        let (out, r, log) = live_scan(
            &export,
            &["--gcp-no-asset-inventory", "--fail-on", "none"],
            |fake| {
                fake.fault("/locations/-/functions", 1000, kind);
            },
        );
        assert_eq!(out.status.code(), Some(3), "{kind:?}: {}", stderr(&out));
        let c = coverage(&r, "cloudfunctions:projects.locations.functions.list");
        assert_eq!(c["status"], "failed", "{kind:?}");
        assert!(c["detail"].as_str().unwrap().contains(says), "{c}");
        let made = log
            .iter()
            .filter(|l| l.ends_with("/locations/-/functions"))
            .count();
        assert!(calls.contains(&made), "{kind:?}: {made} calls");
    }
}

pub(crate) fn key_file(dir: &std::path::Path, pem: &str, token_uri: &str) -> std::path::PathBuf {
    let path = dir.join("sa-key.json");
    let key = serde_json::json!({
        "type": "service_account", "project_id": PROJECT, "private_key_id": "k1", "private_key": pem,
        "client_email": CLIENT, "client_id": "1", "token_uri": token_uri,
    });
    std::fs::write(&path, key.to_string()).unwrap();
    path
}

/// The Cloud Asset Inventory path of the example project: the same workloads, identities and
/// policies as the services' own APIs, in two listings instead of a call per resource, every
/// request within `fnscope permissions gcp`, and each record saying where its data came from.
fn fast_path_read_what_the_services_give(
    slow: &std::path::Path,
    fast: &std::path::Path,
    report: &Value,
    log: &[String],
) {
    let read = |p: &std::path::Path| -> Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let workloads = |v: &Value| -> Vec<Value> {
        let mut w: Vec<Value> = v["workloads"].as_array().unwrap().clone();
        for x in w.iter_mut().filter(|x| x["details"]["generation"] == "RUN") {
            // A Cloud Run service's v1 (Knative) shape has no update time: the one known loss.
            x.as_object_mut().map(|o| o.remove("modified"));
        }
        w.sort_by_key(|x| x["id"].to_string());
        w
    };
    let (a, b) = (read(slow), read(fast));
    assert_eq!(workloads(&a), workloads(&b));
    assert_eq!(a["identities"], b["identities"]);
    assert_eq!(a["grants"], b["grants"]);
    assert_within_permissions(log);
    let listings: Vec<&String> = log.iter().filter(|l| l.contains("/assets?")).collect();
    assert!(
        listings.iter().any(|l| l.ends_with("contentType=RESOURCE"))
            && listings
                .iter()
                .any(|l| l.ends_with("contentType=IAM_POLICY")),
        "{listings:?}"
    );
    for per_resource in [
        "/functions",
        "/services",
        "/jobs",
        "/serviceAccounts",
        "/v3/projects/",
    ] {
        assert!(
            !log.iter()
                .any(|l| l.contains(per_resource) && !l.contains("/assets?")),
            "{per_resource} read one by one on the fast path: {log:?}"
        );
    }
    // A project's listing holds its own policies; its ancestors' are read on their own.
    assert!(
        log.iter()
            .filter(|l| l.ends_with(":getIamPolicy"))
            .all(|l| l.starts_with("POST /v3/folders/") || l.starts_with("POST /v3/organizations/")),
        "{log:?}"
    );
    let listed = coverage(report, "cloudasset:assets.list");
    assert_eq!(listed["status"], "complete", "{listed}");
    assert!(
        listed["detail"].as_str().unwrap().contains("12 hours"),
        "{listed}"
    );
    let functions = coverage(report, "cloudfunctions:projects.locations.functions.list");
    assert!(
        functions["detail"]
            .as_str()
            .unwrap()
            .contains("Cloud Asset Inventory, projects/acme-fn-prod"),
        "{functions}"
    );
}

#[test]
fn live_gcp_scan_matches_the_offline_import_of_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    // The services' own APIs (the fast path's fallback), then Cloud Asset Inventory.
    let scan = |extra: &[&str], snap: &std::path::Path| {
        let fake = GoogleFake::start(&export, PROJECT, public.clone(), CLIENT);
        let key = key_file(dir.path(), &pem, &format!("{}/token", fake.url));
        let mut args = vec![
            "scan",
            "gcp",
            "--gcp-project",
            PROJECT,
            "--gcp-endpoint",
            &fake.url,
            "--save",
            snap.to_str().unwrap(),
            "--since",
            "30d",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = fnscope_env(
            None,
            dir.path(),
            &args,
            &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
        );
        let log = fake.log.lock().unwrap().clone();
        (out, log)
    };
    let snap = dir.path().join("live.json");
    let (out, log) = scan(&["--gcp-no-asset-inventory"], &snap);
    let fast_snap = dir.path().join("fast.json");
    let (fast_out, fast_log) = scan(&[], &fast_snap);
    // 1: findings. (The fake does not know predefined roles it was not given, so iam:roles.get is partial.)
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    assert_eq!(
        fast_out.status.code(),
        Some(1),
        "stderr: {}",
        stderr(&fast_out)
    );
    let live: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let fast: Value = serde_json::from_str(&stdout(&fast_out)).unwrap();
    let offline_out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "gcp",
            "--offline",
            repo().join("examples/estate").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let offline: Value = serde_json::from_str(&stdout(&offline_out)).unwrap();
    assert_eq!(triples(&live), triples(&offline));
    assert_eq!(triples(&fast), triples(&offline), "fast path == offline");
    assert!(triples(&live).len() > 15);
    fast_path_read_what_the_services_give(&snap, &fast_snap, &fast, &fast_log);

    assert!(
        log.iter().any(|l| l == "POST /token"),
        "the JWT flow ran: {log:?}"
    );
    assert!(
        log.iter()
            .filter(|l| l.ends_with("/locations/-/functions"))
            .count()
            >= 2,
        "functions were paged"
    );
    assert!(
        log.iter().any(|l| l.starts_with(
            "GET /v2/projects/acme-fn-prod/locations/us-central1/services/exporter:getIamPolicy"
        )),
        "2nd-gen invoker policy read on the Run service"
    );
    assert!(
        log.iter().any(|l| l == "GET /v3/folders/77120034"),
        "ancestors walked"
    );
    // Cloud Run: one listing per location (never `-`), the invoker policy of the Run-API function only.
    assert!(
        log.iter()
            .any(|l| l == "GET /v2/projects/acme-fn-prod/locations/europe-west1/services")
    );
    assert!(!log.iter().any(|l| l.contains("/locations/-/services")));
    assert!(log.iter().any(|l| l.starts_with(
        "GET /v2/projects/acme-fn-prod/locations/europe-west1/services/report-builder:getIamPolicy"
    )));
    assert!(
        !log.iter().any(|l| l.contains("web-frontend:getIamPolicy")),
        "plain containers are not functions"
    );
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    let rb = saved["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == "report-builder")
        .expect("the Run-API function is inventoried");
    assert_eq!(rb["details"]["generation"], "RUN");
    assert_eq!(rb["details"]["invoker_iam_disabled"], true);
    assert_eq!(
        rb["identities"][0],
        "serviceAccount:iam-sync@acme-fn-prod.iam.gserviceaccount.com"
    );
    assert_eq!(rb["secret_like_env_vars"][0], "SLACK_WEBHOOK_TOKEN");
    assert!(!s_contains(&snap, "xoxb-2214"), "env values never stored");
    assert_eq!(
        saved["workloads"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["name"] == "on-iam-change")
            .count(),
        1,
        "a 2nd-gen function's own Run service is not counted twice"
    );
    assert_within_permissions(&log);
    // The audit log was paged (two entries a page) with the same filter each time.
    assert_eq!(
        log.iter().filter(|l| *l == "POST /v2/entries:list").count(),
        4,
        "seven entries, two a page"
    );
    let s = std::fs::read_to_string(&snap).unwrap();
    assert!(!s.contains("SG.4fG7hJ2kL9mN1pQ3rS5tU7vW9xY1zA3bC5dE7fG"));
    assert!(
        !s.contains("ya29.fake-token") && !stderr(&out).contains("ya29"),
        "no token in outputs"
    );
}

#[test]
fn organization_scope_discovers_the_project_through_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let fake = GoogleFake::start(&export, PROJECT, public, CLIENT);
    let key = key_file(dir.path(), &pem, &format!("{}/token", fake.url));
    let out = fnscope_env(
        None,
        dir.path(),
        &[
            "scan",
            "gcp",
            "--gcp-scope",
            "organizations/684220931133",
            "--gcp-endpoint",
            &fake.url,
            "--format",
            "json",
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(r["inventory"]["targets"], 1);
    assert_eq!(r["inventory"]["workloads"], 6); // five functions and a Cloud Run job
    let discovery = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "cloudresourcemanager:projects.list")
        .unwrap()
        .clone();
    assert_eq!(discovery["status"], "complete", "{discovery}");
    assert_eq!(discovery["target"], "organizations/684220931133");
    let log = fake.log.lock().unwrap().clone();
    assert!(
        log.iter().any(|l| l == "GET /v3/folders"),
        "folders listed: {log:?}"
    );
    assert_within_permissions(&log);
    // Cloud Asset Inventory at the organization: the folder's and organization's policies and the
    // ancestry come with the listing; nothing is read one resource at a time.
    assert!(
        !log.iter()
            .any(|l| l.ends_with(":getIamPolicy") || l.starts_with("GET /v3/folders/")),
        "{log:?}"
    );
    let listed = coverage(&r, "cloudasset:assets.list");
    assert_eq!(listed["target"], "organizations/684220931133", "{listed}");
    let org = coverage(&r, "cloudresourcemanager:organizations.getIamPolicy");
    assert!(
        org["detail"]
            .as_str()
            .unwrap()
            .contains("Cloud Asset Inventory, organizations/684220931133"),
        "{org}"
    );
    let bad = fnscope(
        None,
        dir.path(),
        &["scan", "gcp", "--gcp-scope", "projects/x"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_key_the_token_endpoint_rejects_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, public) = keypair(dir.path());
    let other = tempfile::tempdir().unwrap();
    let (wrong_pem, _) = keypair(other.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let fake = GoogleFake::start(&export, PROJECT, public, CLIENT);
    // The key file points at Google; --gcp-token-uri redirects the flow to the fake.
    let key = key_file(
        dir.path(),
        &wrong_pem,
        "https://oauth2.googleapis.com/token",
    );
    let out = fnscope_env(
        None,
        dir.path(),
        &[
            "scan",
            "gcp",
            "--gcp-project",
            PROJECT,
            "--gcp-endpoint",
            &fake.url,
            "--gcp-token-uri",
            &format!("{}/token", fake.url),
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot obtain Google credentials"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("BEGIN PRIVATE KEY"),
        "the key must not be echoed"
    );
    let log = fake.log.lock().unwrap().clone();
    assert!(
        !log.is_empty() && log.iter().all(|l| l == "POST /token"),
        "nothing is called without a token: {log:?}"
    );
}

#[test]
fn workspace_scripts_are_read_through_domain_wide_delegation() {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let domain = repo().join("examples/estate/apps-script/northwind.example");
    // The Admin console allow-lists exactly what `fnscope permissions apps-script` prints: the fake
    // refuses a token for any other scope, so the scan stays within the printed grant.
    let printed = fnscope(None, dir.path(), &["permissions", "apps-script"]);
    assert_eq!(printed.status.code(), Some(0), "{}", stderr(&printed));
    let delegated: Vec<String> = stdout(&printed)
        .lines()
        .rfind(|l| !l.starts_with('#') && !l.trim().is_empty())
        .unwrap()
        .split(',')
        .map(str::to_string)
        .collect();
    assert_eq!(delegated.len(), 7, "{delegated:?}");
    for s in &delegated {
        assert!(
            s.ends_with(".readonly")
                || s.ends_with("/script.processes")
                || s.ends_with("/admin.directory.user.security"),
            "{s}: a scope that writes"
        );
    }
    let fake = GoogleFake::start_with(&export, PROJECT, public, CLIENT, Some(domain), delegated);
    let key = key_file(dir.path(), &pem, &format!("{}/token", fake.url));
    // One scan of the domain through the fake; `extra` adds flags.
    let checkpoint = dir.path().join("ws.checkpoint");
    let scan = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            "apps-script",
            "--workspace-domain",
            "northwind.example",
            "--workspace-admin",
            "it.admin@northwind.example",
            "--workspace-endpoint",
            &fake.url,
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        fnscope_env(
            None,
            dir.path(),
            &args,
            &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
        )
    };
    let out = scan(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let live: Value = serde_json::from_str(&stdout(&out)).unwrap();
    // The standalone scripts are found in their owners' Drives and read as their owners; their
    // findings are the offline import's.
    let off = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "apps-script",
            "--offline",
            repo().join("examples/estate").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let offline: Value = serde_json::from_str(&stdout(&off)).unwrap();
    let standalone = [
        "Mail helper",
        "Token relay",
        "Directory tool",
        "Notes export",
    ];
    let keep = |r: &Value| -> BTreeSet<(String, String, String)> {
        triples(r)
            .into_iter()
            .filter(|t| {
                // The workload is the subject, or the target of a public-invocation finding.
                standalone.contains(&t.1.as_str())
                    || (t.1 == "anyone" && standalone.contains(&t.2.as_str()))
            })
            .collect()
    };
    assert_eq!(keep(&live), keep(&offline));
    assert_eq!(
        triples(&live),
        keep(&live),
        "bound scripts are not Drive files"
    );
    assert!(!keep(&live).is_empty());
    // Bound scripts show up only as grants: the report names what it could not read.
    let c = live["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "directory:tokens.list")
        .unwrap();
    assert_eq!(c["status"], "partial");
    assert!(
        c["detail"].as_str().unwrap().contains("Invoice sync"),
        "{c}"
    );
    let log = fake.log.lock().unwrap().clone();
    assert!(
        log.iter()
            .all(|l| l.starts_with("GET ") || l == "POST /token"),
        "{log:?}"
    );
    assert!(log.iter().any(|l| l.ends_with("/content")));

    // Resumable: a second run with the checkpoint of the first reads no user again, and gives the
    // same result; a checkpoint cut off mid-line (an interrupted run) only re-reads that user.
    let run = || scan(&["--checkpoint", checkpoint.to_str().unwrap()]);
    let first = run();
    assert_eq!(first.status.code(), Some(1), "{}", stderr(&first));
    let users = std::fs::read_to_string(&checkpoint)
        .unwrap()
        .lines()
        .count();
    assert!(users >= 5, "one line per user");
    fake.log.lock().unwrap().clear();
    let second = run();
    let again: Value = serde_json::from_str(&stdout(&second)).unwrap();
    assert_eq!(triples(&again), triples(&live));
    let log = fake.log.lock().unwrap().clone();
    assert!(
        !log.iter()
            .any(|l| l.contains("/drive/v3/files") || l.ends_with("/tokens")),
        "{log:?}"
    );
    let text = std::fs::read_to_string(&checkpoint).unwrap();
    std::fs::write(&checkpoint, &text[..text.len() - 20]).unwrap();
    fake.log.lock().unwrap().clear();
    let third = run();
    assert_eq!(third.status.code(), Some(1), "{}", stderr(&third));
    let log = fake.log.lock().unwrap().clone();
    assert_eq!(
        log.iter().filter(|l| l.ends_with("/tokens")).count(),
        1,
        "{log:?}"
    );

    // With --since, the Reports API activity feeds GWS-008: the Mail helper grant followed by
    // forwarding out of the domain; the near misses of the export stay silent.
    let out = scan(&["--since", "30d"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let gws8: Vec<_> = triples(&r)
        .into_iter()
        .filter(|t| t.0 == "T1648-GWS-008")
        .collect();
    assert_eq!(
        gws8,
        vec![(
            "T1648-GWS-008".to_string(),
            "ap.clerk@northwind.example".to_string(),
            "Mail helper".to_string()
        )]
    );
    assert!(!r["not_evaluated"].to_string().contains("T1648-GWS-008"));

    // Faults on the user listing: once each → the clean result; for ever → a record, exit 3.
    let users = "/admin/directory/v1/users";
    fake.fault(users, 2, FaultKind::Status(429));
    fake.fault(users, 1, FaultKind::Truncated);
    fake.fault(users, 1, FaultKind::Reset);
    let out = scan(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let again: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(triples(&again), triples(&live));
    assert_eq!(again["coverage"], live["coverage"]);
    for (kind, says) in [
        (FaultKind::Status(503), "HTTP 503"),
        (FaultKind::RepeatToken, "page token repeated"),
        (FaultKind::Huge, "larger than 128 MiB"),
    ] {
        fake.fault(users, 1000, kind);
        let out = scan(&["--max-attempts", "2", "--fail-on", "none"]);
        assert_eq!(out.status.code(), Some(3), "{kind:?}: {}", stderr(&out));
        let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let c = coverage(&r, "directory:users.list");
        assert_eq!(c["status"], "failed", "{kind:?}: {c}");
        assert!(
            c["detail"].as_str().unwrap().contains(says),
            "{kind:?}: {c}"
        );
        fake.clear_faults();
    }

    // Sharded by user: two parts read each user once between them and merge into the whole result.
    fake.log.lock().unwrap().clear();
    let parts: Vec<std::path::PathBuf> = ["1/2", "2/2"]
        .iter()
        .map(|shard| {
            let save = dir.path().join(format!("part{}.json", &shard[..1]));
            let out = scan(&["--shard", shard, "--save", save.to_str().unwrap()]);
            assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
            save
        })
        .collect();
    let log = fake.log.lock().unwrap().clone();
    let token_reads: Vec<&String> = log.iter().filter(|l| l.ends_with("/tokens")).collect();
    let unique: BTreeSet<&String> = token_reads.iter().copied().collect();
    assert_eq!(
        token_reads.len(),
        unique.len(),
        "a user read by both parts: {log:?}"
    );
    assert!(unique.len() >= 5, "{log:?}");
    let merged = dir.path().join("merged.json");
    let m = fnscope(
        None,
        dir.path(),
        &[
            "snapshot",
            "merge",
            parts[0].to_str().unwrap(),
            parts[1].to_str().unwrap(),
            "--output",
            merged.to_str().unwrap(),
        ],
    );
    assert_eq!(m.status.code(), Some(0), "{}", stderr(&m));
    let check = fnscope(
        None,
        dir.path(),
        &["check", merged.to_str().unwrap(), "--format", "json"],
    );
    let merged: Value = serde_json::from_str(&stdout(&check)).unwrap();
    assert_eq!(triples(&merged), triples(&live));

    // Past --deadline: the projects read are kept, the one still being read is a record.
    fake.fault("/content", 1, FaultKind::Slow);
    let out = scan(&["--deadline", "8s", "--fail-on", "none"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let c = coverage(&r, "script:projects.getContent");
    assert_eq!(c["status"], "partial", "{c}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains("cut off by --deadline"),
        "{c}"
    );
    let (cut, whole) = (triples(&r), triples(&live));
    // (The project cut off may be one without findings: fewer or the same, never others.)
    assert!(
        !cut.is_empty() && cut.is_subset(&whole),
        "the projects read are evaluated, the cut one is not: {cut:?}"
    );
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .starts_with("1 projects not read"),
        "{c}"
    );
    assert!(
        !r["coverage"].to_string().contains("fnscope:deadline"),
        "handed over before the deadline"
    );
    fake.clear_faults();
}

/// `entries` moved so the newest is `days_ago` old, as a log sink writes them: one object per log and
/// hour, one entry a line.
fn sink_objects(entries: &[Value], days_ago: i64) -> Vec<(String, Vec<u8>)> {
    let time = |e: &Value| {
        chrono::DateTime::parse_from_rfc3339(e["timestamp"].as_str().unwrap())
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let newest = entries.iter().map(time).max().unwrap();
    let shift = chrono::Utc::now() - chrono::Duration::days(days_ago) - newest;
    let mut files: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for e in entries {
        let t = time(e) + shift;
        let mut e = e.clone();
        let stamp = t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        e["timestamp"] = stamp.clone().into();
        e["receiveTimestamp"] = stamp.into();
        let log = e["logName"]
            .as_str()
            .unwrap()
            .rsplit("/logs/")
            .next()
            .unwrap()
            .replace("%2F", "/");
        let name = format!(
            "audit/{log}/{}/{}:00:00_{}:59:59_S0.json",
            t.format("%Y/%m/%d"),
            t.format("%H"),
            t.format("%H")
        );
        files.entry(name).or_default().push(e.to_string());
    }
    files
        .into_iter()
        .map(|(n, lines)| (n, (lines.join("\n") + "\n").into_bytes()))
        .collect()
}

#[test]
fn audit_logs_from_a_log_sink_bucket_feed_the_same_detections() {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let fake = GoogleFake::start(&export, PROJECT, public, CLIENT);
    let key = key_file(dir.path(), &pem, &format!("{}/token", fake.url));
    let entries: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(export.join("logs/cloudaudit-activity.json")).unwrap(),
    )
    .unwrap();
    // The project's audit entries two days ago; the same a second time 40 days ago (outside
    // --since 30d: never listed); a file that is not a log.
    let bucket = "org-audit-sink";
    let mut objects = sink_objects(&entries, 2);
    let recent = objects.len();
    objects.extend(sink_objects(&entries, 40));
    let stranger = format!(
        "audit/cloudaudit.googleapis.com/activity/{}/00:00:00_00:59:59_S9.json",
        (chrono::Utc::now() - chrono::Duration::days(1)).format("%Y/%m/%d")
    );
    objects.push((stranger.clone(), b"{\"hello\": \"world\"}\n".to_vec()));
    fake.objects
        .lock()
        .unwrap()
        .extend(objects.into_iter().map(|(n, b)| (bucket.to_string(), n, b)));
    let run = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            "gcp",
            "--gcp-project",
            PROJECT,
            "--gcp-endpoint",
            &fake.url,
            "--since",
            "30d",
            "--format",
            "json",
            "--fail-on",
            "none",
        ];
        args.extend_from_slice(extra);
        let out = fnscope_env(
            None,
            dir.path(),
            &args,
            &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
        );
        let report: Value =
            serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
        (out, report)
    };
    let detections = |r: &Value| -> BTreeSet<(String, String, String)> {
        triples(r)
            .into_iter()
            .filter(|t| ["T1648-GCP-006", "T1648-GCP-007", "T1648-GCP-009"].contains(&t.0.as_str()))
            .collect()
    };
    let (_, api) = run(&[]);
    let before = fake.log.lock().unwrap().len();
    let sink_url = format!("gs://{bucket}/audit");
    let (out, sink) = run(&["--gcp-log-bucket", &sink_url]);
    assert!(!detections(&api).is_empty());
    assert_eq!(
        detections(&sink),
        detections(&api),
        "{}\n{}",
        stderr(&out),
        sink["coverage"]
    );
    let log: Vec<String> = fake.log.lock().unwrap()[before..].to_vec();
    assert!(!log.iter().any(|l| l == "POST /v2/entries:list"), "{log:?}");
    let gets = log
        .iter()
        .filter(|l| l.starts_with(&format!("GET /storage/v1/b/{bucket}/o/")))
        .count();
    // The recent files and the stranger, then the recent files again (the second pass).
    assert_eq!(gets, 2 * recent + 1, "{log:?}");
    assert!(
        log.iter()
            .filter(|l| l.starts_with("GET /storage/"))
            .all(|l| l.starts_with(&format!("GET /storage/v1/b/{bucket}/o")))
    );
    let others: Vec<String> = log
        .iter()
        .filter(|l| !l.starts_with("GET /storage/"))
        .cloned()
        .collect();
    assert_within_permissions(&others);
    let records: Vec<&Value> = sink["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "logging:sink-files")
        .collect();
    let text = serde_json::to_string(&records).unwrap();
    assert!(
        text.contains(&format!("{} files of the admin-activity", recent + 1)),
        "{text}"
    );
    assert!(
        text.contains(&format!("gs://{bucket}/{stranger}")),
        "{text}"
    );
    // Past --deadline while the sink is being read: the inventory is kept, the sink is a record.
    fake.fault("/storage/v1/b/", 1000, FaultKind::Slow);
    let (out, cut) = run(&["--gcp-log-bucket", &sink_url, "--deadline", "20s"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(cut["inventory"]["workloads"], api["inventory"]["workloads"]);
    let c = coverage(&cut, "logging:sink-files");
    assert_eq!(c["status"], "failed", "{c}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .starts_with("cut off by --deadline"),
        "{c}"
    );
    // Without --since there is no window to read.
    let out = fnscope_env(
        None,
        dir.path(),
        &[
            "scan",
            "gcp",
            "--gcp-project",
            PROJECT,
            "--gcp-endpoint",
            &fake.url,
            "--gcp-log-bucket",
            &sink_url,
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--gcp-log-bucket"));
}

#[test]
fn asset_inventory_refused_or_unreadable_leaves_the_project_to_its_own_apis() {
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let (_, slow, _) = live_scan(&export, &["--gcp-no-asset-inventory"], |_| {});
    // Refused (the API not enabled, no cloudasset permission): every project read on its own.
    let (out, refused, log) = live_scan(&export, &[], |fake| {
        fake.fault("/assets", 1000, FaultKind::Status(403));
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(triples(&refused), triples(&slow));
    let c = coverage(&refused, "cloudasset:assets.list");
    assert_eq!(c["status"], "complete", "nothing is missing for it: {c}");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .starts_with("not used (HTTP 403"),
        "{c}"
    );
    assert!(log.iter().any(|l| l.ends_with("/locations/-/functions")));
    let f = coverage(&refused, "cloudfunctions:projects.locations.functions.list");
    assert!(
        !f["detail"].as_str().unwrap().contains("Asset Inventory"),
        "{f}"
    );

    // A listing that breaks off mid-way is retried and gives the clean result.
    let (_, fast, _) = live_scan(&export, &[], |_| {});
    let (out, retried, _) = live_scan(&export, &[], |fake| {
        fake.fault("/assets", 2, FaultKind::Reset);
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(triples(&retried), triples(&fast));
    assert_eq!(retried["coverage"], fast["coverage"]);
}
