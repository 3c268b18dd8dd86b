//! The live GCP collector against a fake Google API server, with the real service-account JWT flow.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::gfake::{GoogleFake, keypair};
use crate::harness::{fnscope, fnscope_env, repo, stderr, stdout};

const PROJECT: &str = "acme-fn-prod";
const CLIENT: &str = "fnscope@acme-fn-prod.iam.gserviceaccount.com";

fn triples(report: &Value) -> BTreeSet<(String, String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["subject"]["name"].as_str().unwrap().to_string(),
                f["target"]["name"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

fn key_file(dir: &std::path::Path, pem: &str, token_uri: &str) -> std::path::PathBuf {
    let path = dir.join("sa-key.json");
    let key = serde_json::json!({
        "type": "service_account", "project_id": PROJECT, "private_key_id": "k1", "private_key": pem,
        "client_email": CLIENT, "client_id": "1", "token_uri": token_uri,
    });
    std::fs::write(&path, key.to_string()).unwrap();
    path
}

#[test]
fn live_gcp_scan_matches_the_offline_import_of_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = repo().join("examples/estate/gcp").join(PROJECT);
    let fake = GoogleFake::start(&export, PROJECT, public, CLIENT);
    let key = key_file(dir.path(), &pem, &format!("{}/token", fake.url));
    let snap = dir.path().join("live.json");
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
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    );
    // 1: findings. (The fake does not know predefined roles it was not given, so iam:roles.get is partial.)
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let live: Value = serde_json::from_str(&stdout(&out)).unwrap();
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
    assert!(triples(&live).len() > 20);

    let log = fake.log.lock().unwrap().clone();
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
    // Read-only: every call is a get, list or getIamPolicy (POST only for getIamPolicy and the token).
    for l in &log {
        assert!(
            l.starts_with("GET ") || l.ends_with(":getIamPolicy") || l == "POST /token",
            "{l}"
        );
    }
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
    assert_eq!(r["inventory"]["workloads"], 4);
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
