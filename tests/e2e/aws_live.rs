//! The live AWS collector against moto (through the test proxy).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::harness::proxy::Fault;
use crate::harness::{
    self, SEEDED_FUNCTIONS, fnscope, fnscope_env, json_file, seed, stderr, stdout,
};

fn workloads_by_name(snapshot: &Value) -> BTreeMap<String, Value> {
    snapshot["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["name"].as_str().unwrap().to_string(), w.clone()))
        .collect()
}

/// The findings the seeded estate must produce: roles `i % 4 == 3` are administrative, `i % 4 == 2`
/// can create access keys; `deployer` can create, invoke and pass any role.
fn expected_triples(estate: &seed::Estate) -> BTreeSet<(String, String, String)> {
    let mut want = BTreeSet::new();
    let mut add = |rule: &str, s: &str, t: &str| {
        want.insert((format!("T1648-AWS-{rule}"), s.to_string(), t.to_string()));
    };
    for (i, f) in estate.functions.iter().enumerate() {
        let role = format!("fn-role-{i:03}");
        // Every public function, whatever its role can do (its severity says that).
        if f.public_policy || f.url_auth == Some("NONE") {
            add("012", "anyone", &f.name);
        }
        match i % 4 {
            3 => {
                add("001", "deployer", &role);
                add("004", &f.name, &role);
            }
            2 => {
                add("001", "deployer", &role);
                add("005", &f.name, &role);
            }
            _ => continue,
        }
        if f.public_policy || f.url_auth == Some("NONE") {
            add("007", &f.name, &role);
        }
    }
    add("006", "fn-002", "fn-role-002");
    add("010", "deployer", "");
    want
}

fn without_timestamps(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("taken_at");
    v
}

#[test]
fn live_scan_inventories_every_function_with_role_policy_url_and_triggers() {
    let seeded = harness::seeded();
    let proxy = harness::proxy(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    let report = dir.path().join("r.json");
    // No --regions: the regions come from account:ListRegions.
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
            "--output",
            report.to_str().unwrap(),
        ],
    );
    // Exit 1: the estate has planted critical findings.
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let s = json_file(&snap);
    assert_eq!(s["schema"], "fnscope.snapshot/v1");
    assert_eq!(s["targets"][0]["id"], seed::ACCOUNT);
    assert_eq!(
        s["targets"][0]["regions"],
        serde_json::json!(["eu-west-1", "us-east-1"])
    );
    for c in s["coverage"].as_array().unwrap() {
        assert_eq!(c["status"], "complete", "{c}");
    }

    let by_name = workloads_by_name(&s);
    assert_eq!(by_name.len(), SEEDED_FUNCTIONS);
    for f in &seeded.estate.functions {
        let w = &by_name[&f.name];
        assert_eq!(w["location"], f.region.as_str(), "{}", f.name);
        assert_eq!(
            w["identities"],
            serde_json::json!([f.role_arn]),
            "{}",
            f.name
        );
        let d = &w["details"];
        assert_eq!(d["type"], "aws_lambda");
        assert_eq!(d["role"], f.role_arn.as_str());
        assert_eq!(d["resource_policy_read"], true);
        assert_eq!(d["url_read"], true);
        let public_stmt = d["resource_policy"]["Statement"]
            .as_array()
            .map(|a| {
                a.iter()
                    .any(|st| st["Principal"] == "*" || st["Principal"]["AWS"] == "*")
            })
            .unwrap_or(false);
        assert_eq!(
            public_stmt, f.public_policy,
            "{} resource policy: {}",
            f.name, d["resource_policy"]
        );
        assert_eq!(
            d["url"]["auth_type"].as_str(),
            f.url_auth,
            "{} url: {}",
            f.name,
            d["url"]
        );
        let public = f.public_policy || f.url_auth == Some("NONE");
        assert_eq!(w["exposure"]["public"], public, "{}", f.name);
        assert_eq!(
            w["env_var_names"],
            serde_json::json!(["DB_PASSWORD", "MODE"])
        );
        assert_eq!(
            w["secret_like_env_vars"],
            serde_json::json!(["DB_PASSWORD"])
        );
    }

    // Triggers link to the functions they start.
    let triggers = s["triggers"].as_array().unwrap();
    for (rule, region, target) in &seeded.estate.rules {
        let t = triggers
            .iter()
            .find(|t| t["name"] == rule.as_str() && t["location"] == region.as_str())
            .unwrap_or_else(|| panic!("rule {rule} in {region} missing"));
        let want = format!(
            "arn:aws:lambda:{region}:{}:function:{target}",
            seed::ACCOUNT
        );
        assert_eq!(t["workloads"], serde_json::json!([want]));
        assert_eq!(
            t["details"]["event_pattern"]["source"],
            serde_json::json!(["aws.iam"])
        );
        assert_eq!(t["details"]["targets_read"], true);
    }
    for (queue, function) in &seeded.estate.mappings {
        let t = triggers
            .iter()
            .find(|t| t["kind"] == "aws_event_source_mapping")
            .expect("mapping");
        assert_eq!(t["details"]["event_source_arn"], queue.as_str());
        assert!(
            t["workloads"][0]
                .as_str()
                .unwrap()
                .ends_with(&format!(":{function}"))
        );
    }

    // No secret value anywhere: snapshot, report, logs.
    let snap_text = std::fs::read_to_string(&snap).unwrap();
    let report_text = std::fs::read_to_string(&report).unwrap();
    for secret in &seeded.estate.secret_values {
        assert!(
            !snap_text.contains(secret.as_str()),
            "snapshot holds {secret}"
        );
        assert!(
            !report_text.contains(secret.as_str()),
            "report holds {secret}"
        );
        assert!(!stderr(&out).contains(secret.as_str()));
    }

    // Last-accessed reports for exactly the principals that may create or change functions:
    // the 50 roles with `*` and the deployer user, not the reader.
    let generated: Vec<_> = proxy
        .log()
        .into_iter()
        .filter(|o| o.name == "iam:GenerateServiceLastAccessedDetails")
        .collect();
    assert_eq!(generated.len(), SEEDED_FUNCTIONS / 4 + 1);
    let usage = s["usage"].as_array().unwrap();
    let deployer: Vec<_> = usage
        .iter()
        .filter(|u| u["principal"].as_str().unwrap().ends_with(":user/deployer"))
        .collect();
    assert!(deployer.iter().any(|u| u["action"].is_null()
        && u["service"] == "lambda"
        && u["last_used"] == "2026-01-01T00:00:00Z"));
    assert!(deployer.iter().any(|u| u["action"] == "CreateFunction"));
    assert!(
        !usage
            .iter()
            .any(|u| u["principal"].as_str().unwrap().ends_with(":user/reader"))
    );
    assert!(usage.iter().all(|u| u["service"] == "lambda"));

    // ListFunctions was paged (the proxy serves 25 a page).
    let pages = proxy
        .log()
        .iter()
        .filter(|o| o.name == "lambda:ListFunctions" && o.region == "us-east-1")
        .count();
    assert!(pages >= SEEDED_FUNCTIONS / 2 / 25, "{pages} pages");

    // Read-only: every operation the scan made is on the list `fnscope permissions aws` prints.
    let perms = fnscope(None, dir.path(), &["permissions", "aws"]);
    let policy: Value = serde_json::from_str(&stdout(&perms)).unwrap();
    let allowed: Vec<&str> = policy["Statement"][0]["Action"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    for op in proxy.log() {
        assert!(
            allowed.contains(&op.name.as_str()),
            "{} is not on the read-only list",
            op.name
        );
    }

    // Exactly the planted (rule, subject, target) triples, each with the statement that grants it.
    let r = json_file(&report);
    let got: BTreeSet<(String, String, String)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["subject"]["name"].as_str().unwrap().to_string(),
                f["target"]["name"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let want = expected_triples(&seeded.estate);
    assert_eq!(
        got.symmetric_difference(&want).collect::<Vec<_>>(),
        Vec::<&(String, String, String)>::new(),
        "not evaluated: {}",
        r["not_evaluated"]
    );
    for f in r["findings"].as_array().unwrap() {
        assert!(
            f["evidence"].as_array().unwrap().iter().any(|e| e["path"]
                .as_str()
                .unwrap()
                .contains("statement ")
                || e["detail"].as_str().unwrap().contains("statement ")
                // A URL without auth is the grant of a public-invocation finding.
                || (f["rule_id"] == "T1648-AWS-012"
                    && e["path"].as_str().unwrap().ends_with(" function URL"))),
            "no granting statement in {f}"
        );
        assert_eq!(f["conditional"], false, "{f}");
        assert_eq!(f["fingerprint"].as_str().unwrap().len(), 32);
    }
    let deploy = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "T1648-AWS-001")
        .unwrap();
    assert!(deploy["evidence"].as_array().unwrap().iter().any(|e| {
        e["path"].as_str().unwrap().contains(&format!(
            "inline policy `deploy` of arn:aws:iam::{}:user/deployer",
            seed::ACCOUNT
        ))
    }));

    // A second scan gives the same snapshot apart from its timestamp.
    let snap2 = dir.path().join("s2.json");
    let out2 = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--save",
            snap2.to_str().unwrap(),
            "--format",
            "json",
            "-q",
        ],
    );
    assert_eq!(out2.status.code(), Some(1), "stderr: {}", stderr(&out2));
    assert_eq!(without_timestamps(s), without_timestamps(json_file(&snap2)));
}

#[test]
fn denied_get_policy_in_one_region_is_recorded_and_exits_3() {
    harness::seeded();
    let proxy = harness::proxy(vec![Fault {
        operation: "lambda:GetPolicy".into(),
        region: Some("eu-west-1".into()),
        error_code: "AccessDeniedException".into(),
        status: 403,
        times: None,
    }]);
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    let args = [
        "scan",
        "aws",
        "--regions",
        "us-east-1,eu-west-1",
        "--no-last-accessed",
        "--save",
        snap.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "none",
    ];
    let out = fnscope(Some(&proxy.url), dir.path(), &args);
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cov = report["coverage"].as_array().unwrap();
    let denied: Vec<_> = cov
        .iter()
        .filter(|c| c["status"] != "complete" && c["status"] != "skipped")
        .collect();
    assert_eq!(denied.len(), 1, "{denied:?}");
    assert_eq!(denied[0]["api"], "lambda:GetPolicy");
    assert_eq!(denied[0]["region"], "eu-west-1");
    assert_eq!(denied[0]["status"], "denied");
    let detail = denied[0]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("100 of 100 functions not read"),
        "{detail}"
    );
    assert!(detail.contains("AccessDeniedException"), "{detail}");
    assert!(cov.iter().any(|c| c["api"] == "lambda:GetPolicy"
        && c["region"] == "us-east-1"
        && c["status"] == "complete"));

    // The scan went on: every function is there; only eu-west-1 policies are marked unread.
    let s = json_file(&snap);
    let by_name = workloads_by_name(&s);
    assert_eq!(by_name.len(), SEEDED_FUNCTIONS);
    for w in by_name.values() {
        let read = w["details"]["resource_policy_read"].as_bool().unwrap();
        assert_eq!(read, w["location"] == "us-east-1", "{}", w["name"]);
    }

    // --allow-partial: the incomplete scan exits by its findings alone.
    let mut partial = args.to_vec();
    partial.push("--allow-partial");
    let out = fnscope(Some(&proxy.url), dir.path(), &partial);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
}

#[test]
fn transient_throttling_is_retried_to_a_complete_scan() {
    harness::seeded();
    let proxy = harness::proxy(vec![Fault {
        operation: "lambda:ListFunctions".into(),
        region: Some("us-east-1".into()),
        error_code: "TooManyRequestsException".into(),
        status: 429,
        times: Some(2),
    }]);
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "us-east-1",
            "--no-last-accessed",
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "none",
            // --no-last-accessed leaves a `skipped` record: the scan is otherwise complete.
            "--allow-partial",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let s = json_file(&snap);
    assert_eq!(workloads_by_name(&s).len(), SEEDED_FUNCTIONS / 2);
    let list = s["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "lambda:ListFunctions")
        .unwrap()
        .clone();
    assert_eq!(list["status"], "complete");
    let attempts = proxy
        .log()
        .iter()
        .filter(|o| o.name == "lambda:ListFunctions")
        .count();
    assert_eq!(
        attempts,
        SEEDED_FUNCTIONS / 2 / 25 + 2,
        "two throttled attempts, then every page once"
    );
}

#[test]
fn persistent_throttling_becomes_a_throttled_coverage_record() {
    harness::seeded();
    let proxy = harness::proxy(vec![Fault {
        operation: "events:ListRules".into(),
        region: None,
        error_code: "ThrottlingException".into(),
        status: 400,
        times: None,
    }]);
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "eu-west-1",
            "--no-last-accessed",
            "--max-attempts",
            "2",
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rec = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "events:ListRules")
        .unwrap()
        .clone();
    assert_eq!(rec["status"], "throttled", "{rec}");
    assert_eq!(report["inventory"]["workloads"], SEEDED_FUNCTIONS / 2);
}

/// An API that answers every per-item call with HTTP 500 is not called for every item: after 20
/// failures in a row (every retry spent) the remaining functions are one record, not hundreds of
/// retried calls.
#[test]
fn an_api_failing_every_call_is_given_up_after_a_run_of_failures() {
    harness::seeded();
    let proxy = harness::proxy(vec![Fault {
        operation: "lambda:GetPolicy".into(),
        region: None,
        error_code: "ServiceException".into(),
        status: 500,
        times: None,
    }]);
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "eu-west-1",
            "--no-last-accessed",
            "--max-attempts",
            "2",
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let functions = SEEDED_FUNCTIONS / 2;
    assert_eq!(report["inventory"]["workloads"], functions);
    let rec = harness::coverage(&report, "lambda:GetPolicy");
    assert_eq!(rec["status"], "failed", "{rec}");
    let detail = rec["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains(&format!("{functions} of {functions} functions not read")),
        "{rec}"
    );
    // The calls that were made: 20 in a row and those already in flight (16 at once), twice each.
    let calls = proxy
        .log()
        .iter()
        .filter(|o| o.name == "lambda:GetPolicy")
        .count();
    assert!(
        calls <= (20 + 16) * 2,
        "{calls} GetPolicy calls for {functions} functions"
    );
    assert!(calls >= 20 * 2, "{calls}");
    // The other per-function read is not held back by it.
    let urls = harness::coverage(&report, "lambda:GetFunctionUrlConfig");
    assert_eq!(urls["status"], "complete", "{urls}");
}

#[test]
fn unreachable_endpoint_is_a_clear_setup_error() {
    let dir = tempfile::tempdir().unwrap();
    let port = crate::harness::moto::free_port();
    let out = fnscope(
        Some(&format!("http://127.0.0.1:{port}")),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "us-east-1",
            "--max-attempts",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains("sts:GetCallerIdentity"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("testing"),
        "credentials must not be echoed"
    );
}

#[test]
fn diff_of_two_moto_scans_shows_the_changes_and_gates_on_new_findings() {
    // Its own moto: this test changes the estate between scans.
    let moto = crate::harness::moto::Moto::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(seed::seed(&moto.url, 8));
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        dir.path().join("old.json.gz"),
        dir.path().join("new.json.gz"),
    );
    let scan = |path: &std::path::Path| {
        let out = fnscope(
            Some(&moto.url),
            dir.path(),
            &[
                "scan",
                "aws",
                "--regions",
                "us-east-1,eu-west-1",
                "--no-last-accessed",
                "--save",
                path.to_str().unwrap(),
                "-q",
                "--format",
                "json",
            ],
        );
        assert!(
            matches!(out.status.code(), Some(1) | Some(3)),
            "{}",
            stderr(&out)
        );
    };
    scan(&old);
    rt.block_on(async {
        let cfg = seed::config(&moto.url, "us-east-1").await;
        let iam = aws_sdk_iam::Client::new(&cfg);
        let lambda = aws_sdk_lambda::Client::new(&cfg);
        // fn-role-000 (harmless) widened to admin; fn-004 removed; fn-new added on fn-role-001.
        iam.put_role_policy()
            .role_name("fn-role-000")
            .policy_name("inline")
            .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
            .send()
            .await
            .unwrap();
        lambda.delete_function().function_name("fn-004").send().await.unwrap();
        let role = seed::ACCOUNT;
        lambda
            .create_function()
            .function_name("fn-new")
            .runtime(aws_sdk_lambda::types::Runtime::Python312)
            .role(format!("arn:aws:iam::{role}:role/service-role/fn-role-003"))
            .handler("app.handler")
            .code(
                aws_sdk_lambda::types::FunctionCode::builder()
                    .zip_file(aws_sdk_lambda::primitives::Blob::new({
                        let mut z = b"PK\x05\x06".to_vec();
                        z.extend([0u8; 18]);
                        z
                    }))
                    .build(),
            )
            .send()
            .await
            .unwrap();
    });
    scan(&new);
    let out = fnscope(
        None,
        dir.path(),
        &[
            "diff",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "new critical/high findings fail the diff: {}",
        stderr(&out)
    );
    let d: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let names = |k: &str| -> Vec<String> {
        d["resources"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("added"), ["fn-new"]);
    // fn-004 and the SQS mapping that fed it.
    assert!(
        names("removed").contains(&"fn-004".to_string()),
        "{:?}",
        names("removed")
    );
    let changed = d["resources"]["changed"].as_array().unwrap();
    let role = changed
        .iter()
        .find(|c| c["name"] == "fn-role-000")
        .expect("the widened role");
    assert_eq!(
        role["changes"][0]["field"],
        "details.inline_policies[inline].document"
    );
    assert_eq!(
        role["changes"][0]["old"]["Statement"][0]["Action"],
        "s3:GetObject"
    );
    assert_eq!(role["changes"][0]["new"]["Statement"][0]["Action"], "*");
    let new_findings: BTreeSet<(String, String)> = d["findings"]["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["subject"]["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: BTreeSet<(String, String)> = [
        ("T1648-AWS-004", "fn-000"), // fn-000 now runs as an admin role
        ("T1648-AWS-007", "fn-000"), // … and it is public (resource policy and URL auth NONE)
        ("T1648-AWS-004", "fn-new"),
        ("T1648-AWS-001", "deployer"), // deployer can now pass fn-role-000 too
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(new_findings, want);
    // fn-004's role was harmless: nothing resolved.
    assert_eq!(d["findings"]["resolved"].as_array().unwrap().len(), 0);
}

/// A CloudTrail record as `LookupEvents` carries it in `CloudTrailEvent`.
fn trail(
    id: &str,
    t: &str,
    region: &str,
    who: Value,
    source: &str,
    name: &str,
    req: Value,
) -> Value {
    serde_json::json!({"eventVersion": "1.09", "userIdentity": who, "eventTime": t,
        "eventSource": source, "eventName": name, "awsRegion": region,
        "sourceIPAddress": "203.0.113.10", "requestParameters": req, "eventID": id,
        "eventType": "AwsApiCall", "recipientAccountId": seed::ACCOUNT})
}

#[test]
fn cloudtrail_lookup_events_feed_the_detections() {
    let seeded = harness::seeded();
    let f3 = seeded
        .estate
        .functions
        .iter()
        .find(|f| f.name == "fn-003")
        .unwrap();
    let f2 = seeded
        .estate
        .functions
        .iter()
        .find(|f| f.name == "fn-002")
        .unwrap();
    let deployer = serde_json::json!({"type": "IAMUser",
        "arn": format!("arn:aws:iam::{}:user/deployer", seed::ACCOUNT), "accountId": seed::ACCOUNT});
    let session = serde_json::json!({"type": "AssumedRole",
        "arn": format!("arn:aws:sts::{}:assumed-role/fn-role-002/fn-002", seed::ACCOUNT),
        "accountId": seed::ACCOUNT,
        "sessionContext": {"sessionIssuer": {"type": "Role", "arn": f2.role_arn}}});
    let records = vec![
        // fn-003 runs as an admin role: its code replaced, then opened to a caller 20 minutes later.
        trail(
            "t-1",
            "2026-11-20T10:00:00Z",
            &f3.region,
            deployer.clone(),
            "lambda.amazonaws.com",
            "UpdateFunctionCode20150331v2",
            serde_json::json!({"functionName": "fn-003"}),
        ),
        trail(
            "t-2",
            "2026-11-20T10:20:00Z",
            &f3.region,
            deployer.clone(),
            "lambda.amazonaws.com",
            "AddPermission20150331v2",
            serde_json::json!({"functionName": "fn-003", "principal": "*"}),
        ),
        // A refused call is read and ignored.
        {
            let mut r = trail(
                "t-3",
                "2026-11-20T10:25:00Z",
                &f3.region,
                deployer,
                "lambda.amazonaws.com",
                "AddPermission20150331v2",
                serde_json::json!({"functionName": "fn-003"}),
            );
            r["errorCode"] = "AccessDeniedException".into();
            r
        },
        // fn-002's execution role creates an access key for a user (IAM events live in us-east-1).
        trail(
            "t-4",
            "2026-11-21T03:00:00Z",
            "us-east-1",
            session,
            "iam.amazonaws.com",
            "CreateAccessKey",
            serde_json::json!({"userName": "reader"}),
        ),
    ];
    let proxy = harness::proxy_with_trail(Vec::new(), records);
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "us-east-1,eu-west-1",
            "--no-last-accessed",
            "--since",
            "30d",
            "--format",
            "json",
            "--allow-partial",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let got: BTreeSet<(String, String, String)> = harness::triples(&r)
        .into_iter()
        .filter(|t| t.0 == "T1648-AWS-008" || t.0 == "T1648-AWS-009")
        .collect();
    let want: BTreeSet<(String, String, String)> = [
        ("T1648-AWS-008", "deployer", "fn-role-003"),
        ("T1648-AWS-009", "fn-role-002", "reader"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
    // Every source was queried where its events are, and paged (one event a page here).
    let lookups: Vec<String> = proxy
        .log()
        .iter()
        .filter(|o| o.name == "cloudtrail:LookupEvents")
        .map(|o| o.region.clone())
        .collect();
    // Lambda and EventBridge in both regions, IAM in us-east-1: five queries; the three Lambda
    // records of fn-003's region take three pages, so seven calls.
    assert_eq!(lookups.len(), 7, "{lookups:?}");
    assert_eq!(
        lookups.iter().filter(|r| **r == f3.region).count(),
        if f3.region == "us-east-1" { 5 } else { 4 },
        "{lookups:?}"
    );
    let c = r["coverage"].to_string();
    assert!(
        c.contains("cloudtrail:LookupEvents") && c.contains("1 failed calls ignored"),
        "{c}"
    );
}

/// The records of [`cloudtrail_lookup_events_feed_the_detections`], at `days_ago` from now.
fn detection_records(seeded: &harness::Seeded, days_ago: i64) -> Vec<Value> {
    let f = |name: &str| {
        seeded
            .estate
            .functions
            .iter()
            .find(|f| f.name == name)
            .unwrap()
            .clone()
    };
    let (f2, f3) = (f("fn-002"), f("fn-003"));
    let at = |minutes: i64| {
        (chrono::Utc::now() - chrono::Duration::days(days_ago) + chrono::Duration::minutes(minutes))
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    let deployer = serde_json::json!({"type": "IAMUser",
        "arn": format!("arn:aws:iam::{}:user/deployer", seed::ACCOUNT), "accountId": seed::ACCOUNT});
    let session = serde_json::json!({"type": "AssumedRole",
        "arn": format!("arn:aws:sts::{}:assumed-role/fn-role-002/fn-002", seed::ACCOUNT),
        "accountId": seed::ACCOUNT,
        "sessionContext": {"sessionIssuer": {"type": "Role", "arn": f2.role_arn}}});
    vec![
        trail(
            "s-1",
            &at(0),
            &f3.region,
            deployer.clone(),
            "lambda.amazonaws.com",
            "UpdateFunctionCode20150331v2",
            serde_json::json!({"functionName": "fn-003"}),
        ),
        trail(
            "s-2",
            &at(20),
            &f3.region,
            deployer,
            "lambda.amazonaws.com",
            "AddPermission20150331v2",
            serde_json::json!({"functionName": "fn-003", "principal": "*"}),
        ),
        trail(
            "s-4",
            &at(60),
            "us-east-1",
            session,
            "iam.amazonaws.com",
            "CreateAccessKey",
            serde_json::json!({"userName": "reader"}),
        ),
    ]
}

/// Where an organization trail delivers `records` (one region, one time): the key of the file.
fn trail_key(prefix: &str, org: &str, region: &str, t: &str, n: usize) -> String {
    let day = &t[..10].replace('-', "/");
    let stamp = format!("{}T{}{}Z", t[..10].replace('-', ""), &t[11..13], &t[14..16]);
    format!(
        "{prefix}/AWSLogs/{org}/{acct}/CloudTrail/{region}/{day}/{acct}_CloudTrail_{region}_{stamp}_{n:04}.json.gz",
        acct = seed::ACCOUNT
    )
}

fn gz(v: &Value) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(v.to_string().as_bytes()).unwrap();
    e.finish().unwrap()
}

#[test]
fn cloudtrail_from_the_trail_files_in_s3_feeds_the_detections() {
    // An organization trail's bucket, as CloudTrail lays it out: the records of the LookupEvents
    // test two days ago (one file per region and event), one file from 40 days ago (outside
    // --since 30d: not even listed), a digest file (another folder), a file that breaks off, and
    // an object that is not a log.
    let seeded = harness::seeded();
    let (bucket, prefix, org) = ("org-trail-logs", "audit", "o-a1b2c3d4e5");
    let mut objects: Vec<(String, Vec<u8>)> = Vec::new();
    for (n, r) in detection_records(seeded, 2).into_iter().enumerate() {
        let key = trail_key(
            prefix,
            org,
            r["awsRegion"].as_str().unwrap(),
            r["eventTime"].as_str().unwrap(),
            n,
        );
        objects.push((key, gz(&serde_json::json!({"Records": [r]}))));
    }
    let old = detection_records(seeded, 40);
    let old_key = trail_key(
        prefix,
        org,
        "us-east-1",
        old[2]["eventTime"].as_str().unwrap(),
        9,
    );
    let mut old_rec = old[2].clone();
    old_rec["eventID"] = "old".into();
    old_rec["requestParameters"]["userName"] = "someone-else".into();
    objects.push((old_key, gz(&serde_json::json!({"Records": [old_rec]}))));
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let broken_key = trail_key(prefix, org, "eu-west-1", &now, 7);
    let full = gz(
        &serde_json::json!({"Records": [trail("b-1", &now, "eu-west-1",
        serde_json::json!({"type": "Root"}), "lambda.amazonaws.com", "ListFunctions20150331", Value::Null)]}),
    );
    objects.push((broken_key.clone(), full[..full.len() / 2].to_vec()));
    let stranger_key = trail_key(prefix, org, "us-east-1", &now, 8);
    objects.push((
        stranger_key.clone(),
        gz(&serde_json::json!({"hello": "world"})),
    ));
    objects.push((
        format!(
            "{prefix}/AWSLogs/{org}/{}/CloudTrail-Digest/us-east-1/x.json.gz",
            seed::ACCOUNT
        ),
        gz(&serde_json::json!({"digestStartTime": now})),
    ));
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let conf = seed::config(&seeded.moto.url, "us-east-1").await;
        let s3 = aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&conf)
                .force_path_style(true)
                .build(),
        );
        let _ = s3.create_bucket().bucket(bucket).send().await;
        for (key, body) in &objects {
            s3.put_object()
                .bucket(bucket)
                .key(key)
                .body(body.clone().into())
                .send()
                .await
                .unwrap();
        }
    });

    let proxy = harness::proxy(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "us-east-1,eu-west-1",
            "--no-last-accessed",
            "--since",
            "30d",
            "--aws-trail",
            &format!("s3://{bucket}/{prefix}/"),
            "--format",
            "json",
            "--allow-partial",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    // The same detections as from LookupEvents; the 40-day-old key is outside the window.
    let got: BTreeSet<(String, String, String)> = harness::triples(&r)
        .into_iter()
        .filter(|t| t.0 == "T1648-AWS-008" || t.0 == "T1648-AWS-009")
        .collect();
    let want: BTreeSet<(String, String, String)> = [
        ("T1648-AWS-008", "deployer", "fn-role-003"),
        ("T1648-AWS-009", "fn-role-002", "reader"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
    // Read from the files only: no LookupEvents; each object fetched at most twice (the second
    // pass reads again the files that held known records); the old one never.
    let log = proxy.log();
    assert!(!log.iter().any(|o| o.name == "cloudtrail:LookupEvents"));
    let gets = log.iter().filter(|o| o.name == "s3:GetObject").count();
    assert_eq!(
        gets, 8,
        "five files, then the three that held known records again"
    );
    // Every call on the printed grant, the S3 ones in the statement on the trail bucket.
    let perms = fnscope(None, dir.path(), &["permissions", "aws"]);
    let policy: Value = serde_json::from_str(&stdout(&perms)).unwrap();
    let allowed: Vec<&str> = policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["Action"].as_array().unwrap())
        .map(|a| a.as_str().unwrap())
        .collect();
    for op in &log {
        assert!(
            allowed.contains(&op.name.as_str()),
            "{} is not granted",
            op.name
        );
    }
    assert_eq!(
        policy["Statement"][1]["Action"],
        serde_json::json!(["s3:GetObject", "s3:ListBucket"])
    );
    // What was read, and each file that was not, named.
    let cov: Vec<&Value> = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "cloudtrail:trail-files")
        .collect();
    let text = serde_json::to_string(&cov).unwrap();
    assert!(text.contains("5 trail files of account"), "{text}");
    assert!(
        text.contains(&format!("s3://{bucket}/{broken_key}")),
        "{text}"
    );
    assert!(
        text.contains(&format!("s3://{bucket}/{stranger_key}")),
        "{text}"
    );
    assert!(!text.contains("someone-else"));
}

#[test]
fn a_trail_bucket_that_cannot_be_read_is_a_denied_record_not_a_quiet_log() {
    harness::seeded();
    let dir = tempfile::tempdir().unwrap();
    let base = [
        "scan",
        "aws",
        "--regions",
        "us-east-1",
        "--no-last-accessed",
        "--aws-trail",
        "s3://org-trail-logs/audit",
        "--format",
        "json",
        "--fail-on",
        "none",
    ];
    // Without --since there is no window to read: a usage error before any call.
    let out = fnscope(Some("http://127.0.0.1:9"), dir.path(), &base);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert!(stderr(&out).contains("--aws-trail") && stderr(&out).contains("--since"));
    let mut bad = base.to_vec();
    bad[6] = "org-trail-logs/audit";
    bad.extend(["--since", "7d"]);
    let out = fnscope(Some("http://127.0.0.1:9"), dir.path(), &bad);
    assert_eq!(out.status.code(), Some(2), "stderr: {}", stderr(&out));
    assert!(stderr(&out).contains("s3://BUCKET"), "{}", stderr(&out));
    // Listing refused: one denied record for the account's trail files, and exit 3.
    let proxy = harness::proxy(vec![Fault {
        operation: "s3:ListBucket".into(),
        region: None,
        error_code: "AccessDenied".into(),
        status: 403,
        times: None,
    }]);
    let mut args = base.to_vec();
    args.extend(["--since", "7d"]);
    let out = fnscope(Some(&proxy.url), dir.path(), &args);
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let trail: Vec<&Value> = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "cloudtrail:trail-files")
        .collect();
    assert_eq!(trail.len(), 1, "{trail:?}");
    assert_eq!(trail[0]["status"], "denied", "{trail:?}");
    assert!(
        trail[0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("s3://org-trail-logs/audit/"),
        "{trail:?}"
    );
}

#[test]
fn shards_scanned_apart_and_merged_equal_one_scan() {
    harness::seeded();
    let proxy = harness::proxy(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let scan = |extra: &[&str], save: &str| {
        let mut args = vec![
            "scan",
            "aws",
            "--no-last-accessed",
            "--format",
            "json",
            "--save",
            save,
        ];
        args.extend_from_slice(extra);
        fnscope(Some(&proxy.url), dir.path(), &args)
    };
    let whole = scan(&[], &p("whole.json"));
    assert_eq!(whole.status.code(), Some(1), "{}", stderr(&whole));
    let (a, b) = (p("part1.json"), p("part2.json"));
    let one = scan(&["--shard", "1/2"], &a);
    let two = scan(&["--shard", "2/2"], &b);
    // Part 2 alone has no IAM data: it says so (skipped, exit by the contract) rather than passing.
    let two_report: Value = serde_json::from_str(&stdout(&two)).unwrap();
    assert!(
        two_report["coverage"]
            .to_string()
            .contains("read by shard 1/2")
    );
    assert_ne!(one.status.code(), Some(2), "{}", stderr(&one));
    let s1 = json_file(Path::new(&a));
    let s2 = json_file(Path::new(&b));
    assert_eq!(
        s1["targets"][0]["regions"],
        serde_json::json!(["eu-west-1"])
    );
    assert_eq!(
        s2["targets"][0]["regions"],
        serde_json::json!(["us-east-1"])
    );

    let merged = p("merged.json.gz");
    let m = fnscope(
        None,
        dir.path(),
        &["snapshot", "merge", &a, &b, "--output", &merged],
    );
    assert_eq!(m.status.code(), Some(0), "{}", stderr(&m));
    let check = fnscope(None, dir.path(), &["check", &merged, "--format", "json"]);
    // Complete again (exit 1 by the findings, not 3), and the same findings as one whole scan.
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let merged_report: Value = serde_json::from_str(&stdout(&check)).unwrap();
    let whole_report: Value = serde_json::from_str(&stdout(&whole)).unwrap();
    assert_eq!(
        harness::triples(&merged_report),
        harness::triples(&whole_report)
    );
    for c in merged_report["coverage"].as_array().unwrap() {
        assert!(
            c["status"] == "complete" || c["detail"] == "not requested (--no-last-accessed)",
            "{c}"
        );
    }
    // A bad shard is a usage error.
    let bad = scan(&["--shard", "3/2"], &p("bad.json"));
    assert_eq!(bad.status.code(), Some(2));
}

/// The sharding examples run as written: each pod of the Kubernetes Indexed Job
/// (examples/k8s/fnscope-shards.yaml) scans its part through examples/ci/shard.sh, the merge Job
/// (fnscope-merge.yaml) joins them, and the result equals one whole scan; the GitHub Actions matrix
/// (examples/ci/github-actions-shards.yml) runs the same script over the same parts.
#[test]
fn the_shard_examples_fan_out_and_merge_to_one_scan() {
    harness::seeded();
    let proxy = harness::proxy(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let parts = dir.path().join("parts");
    let read = |rel: &str| std::fs::read_to_string(harness::repo().join(rel)).unwrap();
    let line = |text: &str, needle: &str| -> String {
        text.lines()
            .find(|l| l.contains(needle) && !l.trim_start().starts_with('#'))
            .unwrap_or_else(|| panic!("no line with {needle}"))
            .trim()
            .trim_start_matches("- ")
            .to_string()
    };
    let k8s = read("examples/k8s/fnscope-shards.yaml");
    assert!(k8s.contains("completionMode: Indexed") && k8s.contains("completions: 4"));
    let gha = read("examples/ci/github-actions-shards.yml");
    assert!(gha.contains("shard: [1, 2, 3, 4]"));
    assert!(gha.contains("examples/ci/shard.sh part ${{ matrix.shard }} 4 parts aws"));
    // moto has no organization: the parts read the one account (the rest of the line as written).
    let here = |cmd: String| {
        cmd.replace("/parts", parts.to_str().unwrap())
            .replace("--aws-org-role fnscope-readonly", "--no-last-accessed")
    };
    let part = here(line(&k8s, "shard.sh part"));
    let merge = here(line(
        &read("examples/k8s/fnscope-merge.yaml"),
        "shard.sh merge",
    ));
    let bin = Path::new(env!("CARGO_BIN_EXE_fnscope")).parent().unwrap();
    let bash = |cmd: &str, index: Option<usize>| {
        let mut c = std::process::Command::new("bash");
        c.arg("-c")
            .arg(cmd)
            .current_dir(harness::repo())
            .env_clear()
            .env("HOME", dir.path())
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    bin.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_CONFIG_FILE", dir.path().join("none"))
            .env("AWS_SHARED_CREDENTIALS_FILE", dir.path().join("none"))
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .env("AWS_REGION", "us-east-1")
            .env("AWS_ENDPOINT_URL", &proxy.url);
        if let Some(i) = index {
            c.env("JOB_COMPLETION_INDEX", i.to_string());
        }
        c.output().unwrap()
    };
    for i in 0..4 {
        let out = bash(&part, Some(i));
        assert_eq!(
            out.status.code(),
            Some(0),
            "part {}: {}",
            i + 1,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(parts.join(format!("part-{}.json.gz", i + 1)).exists());
    }
    let merged_run = bash(&merge, None);
    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(parts.join("report.json")).unwrap()).unwrap();
    // Complete again, judged once: exit 1 by the seeded account's high findings.
    assert_eq!(
        merged_run.status.code(),
        Some(1),
        "{} {:#}",
        String::from_utf8_lossy(&merged_run.stderr),
        merged["summary"]
    );
    let whole = fnscope(
        Some(&proxy.url),
        dir.path(),
        &["scan", "aws", "--no-last-accessed", "--format", "json"],
    );
    let whole: Value = serde_json::from_str(&stdout(&whole)).unwrap();
    assert_eq!(harness::triples(&merged), harness::triples(&whole));
    assert!(!harness::triples(&whole).is_empty());
}

#[test]
fn no_provider_named_scans_every_provider_with_credentials() {
    harness::seeded();
    let proxy = harness::proxy(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "scan",
        "--regions",
        "eu-west-1",
        "--no-last-accessed",
        "--format",
        "json",
        "--fail-on",
        "none",
    ];
    // Only AWS credentials (the harness sets AWS_ACCESS_KEY_ID): AWS alone, complete.
    let out = fnscope(Some(&proxy.url), dir.path(), &args);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["inventory"]["workloads"], SEEDED_FUNCTIONS / 2);
    let providers: std::collections::BTreeSet<&str> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["provider"].as_str().unwrap())
        .collect();
    assert_eq!(providers.into_iter().collect::<Vec<_>>(), ["aws"]);
    let incomplete: Vec<&Value> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] != "complete")
        .collect();
    assert_eq!(
        incomplete.len(),
        1,
        "only --no-last-accessed: {incomplete:?}"
    );
    assert_eq!(incomplete[0]["status"], "skipped");

    // Azure credentials too, for a tenant that cannot be reached: AWS is still scanned; Azure and
    // Power Automate are coverage records, and the scan is incomplete (exit 3), not a pass.
    let out = fnscope_env(
        Some(&proxy.url),
        dir.path(),
        &args,
        &[
            ("AZURE_CLIENT_ID", "00000000-0000-0000-0000-000000000001"),
            ("AZURE_TENANT_ID", "00000000-0000-0000-0000-000000000002"),
            ("AZURE_CLIENT_SECRET", "not-a-real-secret"),
            ("FNSCOPE_AZURE_ENDPOINT", "http://127.0.0.1:9"),
            ("FNSCOPE_PA_ENDPOINT", "http://127.0.0.1:9"),
        ],
    );
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["inventory"]["workloads"], SEEDED_FUNCTIONS / 2);
    for p in ["azure", "power-automate"] {
        let recs: Vec<&Value> = report["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["provider"] == p)
            .collect();
        assert!(
            !recs.is_empty() && recs.iter().all(|c| c["status"] != "complete"),
            "{p}: {recs:?}"
        );
    }
    assert!(!stdout(&out).contains("not-a-real-secret"));
    assert!(!stderr(&out).contains("not-a-real-secret"));
}

/// Seeds an organization in its own moto: the management account (moto's default) with one function,
/// two members each with an admin function, one member closed, an SCP on an OU holding both members.
/// Returns (member ids sorted, closed id).
async fn seed_organization(endpoint: &str) -> (Vec<String>, String) {
    let mgmt = seed::config(endpoint, "us-east-1").await;
    let org = aws_sdk_organizations::Client::new(&mgmt);
    org.create_organization()
        .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
        .send()
        .await
        .unwrap();
    let root = org.list_roots().send().await.unwrap().roots()[0]
        .id()
        .unwrap()
        .to_string();
    let ou = org
        .create_organizational_unit()
        .parent_id(&root)
        .name("workloads")
        .send()
        .await
        .unwrap()
        .organizational_unit()
        .unwrap()
        .id()
        .unwrap()
        .to_string();
    let scp = org
        .create_policy()
        .name("deny-leave")
        .description("")
        .r#type(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy)
        .content(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap()
        .policy()
        .unwrap()
        .policy_summary()
        .unwrap()
        .id()
        .unwrap()
        .to_string();
    org.attach_policy()
        .policy_id(&scp)
        .target_id(&ou)
        .send()
        .await
        .unwrap();
    let mut ids = Vec::new();
    for name in ["member-a", "member-b", "gone"] {
        let status = org
            .create_account()
            .email(format!("{name}@example.com"))
            .account_name(name)
            .send()
            .await
            .unwrap();
        let id = status
            .create_account_status()
            .unwrap()
            .account_id()
            .unwrap()
            .to_string();
        org.move_account()
            .account_id(&id)
            .source_parent_id(&root)
            .destination_parent_id(&ou)
            .send()
            .await
            .unwrap();
        ids.push(id);
    }
    let closed = ids.pop().unwrap();
    org.close_account()
        .account_id(&closed)
        .send()
        .await
        .unwrap();
    // One function per account; the members' run as admin.
    let mut accounts = vec![(seed::ACCOUNT.to_string(), mgmt.clone())];
    for id in &ids {
        let provider = aws_config::sts::AssumeRoleProvider::builder(format!(
            "arn:aws:iam::{id}:role/OrganizationAccountAccessRole"
        ))
        .session_name("seed")
        .configure(&mgmt)
        .build()
        .await;
        let cfg = mgmt
            .to_builder()
            .credentials_provider(aws_types::sdk_config::SharedCredentialsProvider::new(
                provider,
            ))
            .build();
        accounts.push((id.clone(), cfg));
    }
    for (id, cfg) in &accounts {
        let who = aws_sdk_sts::Client::new(cfg)
            .get_caller_identity()
            .send()
            .await
            .unwrap();
        assert_eq!(who.account(), Some(id.as_str()));
        let iam = aws_sdk_iam::Client::new(cfg);
        let role = iam
            .create_role()
            .role_name("fn-role")
            .assume_role_policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
            .send()
            .await
            .unwrap();
        let action = if id == seed::ACCOUNT {
            "s3:GetObject"
        } else {
            "*"
        };
        iam.put_role_policy()
            .role_name("fn-role")
            .policy_name("inline")
            .policy_document(format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"{action}","Resource":"*"}}]}}"#))
            .send()
            .await
            .unwrap();
        aws_sdk_lambda::Client::new(cfg)
            .create_function()
            .function_name(format!("fn-in-{id}"))
            .runtime(aws_sdk_lambda::types::Runtime::Python312)
            .role(role.role().unwrap().arn())
            .handler("app.handler")
            .code(
                aws_sdk_lambda::types::FunctionCode::builder()
                    .zip_file(aws_smithy_types::Blob::new(
                        b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec(),
                    ))
                    .build(),
            )
            .send()
            .await
            .unwrap();
    }
    ids.sort();
    (ids, closed)
}

#[test]
fn organization_fan_out_scans_every_active_account_through_the_role() {
    // Its own moto: the organization would change every other test's SCP coverage.
    let moto = crate::harness::moto::Moto::start();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (members, closed) = rt.block_on(seed_organization(&moto.url));
    let config = |faults| harness::proxy::ProxyConfig {
        faults,
        regions: vec!["us-east-1".into()],
        ..Default::default()
    };
    let proxy = harness::proxy::Proxy::start(&moto.url, config(Vec::new()));
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).to_str().unwrap().to_string();
    let scan = |url: &str, extra: &[&str], save: &str| {
        let mut args = vec![
            "scan",
            "aws",
            "--aws-org-role",
            "fnscope-readonly",
            "--format",
            "json",
            "--save",
            save,
        ];
        args.extend_from_slice(extra);
        fnscope(Some(url), dir.path(), &args)
    };
    let out = scan(&proxy.url, &[], &p("org.json"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let s = json_file(Path::new(&p("org.json")));
    let mut everyone = members.clone();
    everyone.push(seed::ACCOUNT.to_string());
    everyone.sort();
    let targets: Vec<(String, Value)> = s["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap().to_string(), t["name"].clone()))
        .collect();
    // Every active account once, the closed one not at all, the members named.
    assert_eq!(
        targets.iter().map(|t| t.0.clone()).collect::<Vec<_>>(),
        everyone
    );
    assert!(!targets.iter().any(|t| t.0 == closed));
    for (id, name) in &targets {
        if id != seed::ACCOUNT {
            assert!(name.as_str().unwrap().starts_with("member-"), "{name}");
        }
    }
    // Each account's function, in its own account.
    let workloads: BTreeMap<String, String> = s["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["name"].as_str().unwrap().to_string(),
                w["target"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for id in &everyone {
        assert_eq!(workloads.get(&format!("fn-in-{id}")), Some(id));
    }
    // The members' admin functions are findings; the management account's harmless one is not.
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let flagged: BTreeSet<String> = harness::triples(&report)
        .into_iter()
        .flat_map(|(_, a, b)| [a, b])
        .collect();
    for id in &members {
        assert!(flagged.contains(&format!("fn-in-{id}")), "{flagged:?}");
    }
    assert!(!flagged.contains(&format!("fn-in-{}", seed::ACCOUNT)));
    // Every account's role was assumed (not the management account's own); the SCPs of the shared
    // OU were read once for both members.
    let log = proxy.log();
    let count = |op: &str| log.iter().filter(|o| o.name == op).count();
    assert_eq!(count("sts:AssumeRole"), members.len(), "{log:?}");
    assert_eq!(count("organizations:ListAccounts"), 1);
    // The organization's answers are read once for all accounts, even when they ask at the same
    // time: one DescribeOrganization, a ListParents per member and one for the OU, a DescribePolicy
    // per distinct SCP (FullAWSAccess and deny-leave).
    assert_eq!(count("organizations:DescribeOrganization"), 1, "{log:?}");
    assert_eq!(count("organizations:ListParents"), members.len() + 1);
    assert_eq!(
        count("organizations:ListPoliciesForTarget"),
        members.len() + 2
    );
    assert_eq!(count("organizations:DescribePolicy"), 2);
    let cov = report["coverage"].as_array().unwrap();
    assert!(cov.iter().all(|c| c["status"] == "complete"), "{cov:?}");

    // Roles that cannot be assumed: a coverage record naming each member, the management account
    // still scanned. (A refusal that passes on retry is retried: `times: Some(1)` scans completely.)
    let denied = harness::proxy::Proxy::start(
        &moto.url,
        config(vec![Fault {
            operation: "sts:AssumeRole".into(),
            region: None,
            error_code: "AccessDenied".into(),
            status: 403,
            times: None,
        }]),
    );
    let out = scan(
        &denied.url,
        &["--max-parallel-accounts", "1", "--no-last-accessed"],
        &p("denied.json"),
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let failed: Vec<&Value> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "sts:AssumeRole")
        .collect();
    let mut named: Vec<String> = failed
        .iter()
        .map(|c| c["target"].as_str().unwrap().to_string())
        .collect();
    named.sort();
    assert_eq!(named, members, "{failed:?}");
    assert!(failed.iter().all(|c| c["status"] != "complete"));
    let s = json_file(Path::new(&p("denied.json")));
    assert_eq!(s["targets"].as_array().unwrap().len(), 1);
    assert_eq!(s["targets"][0]["id"], seed::ACCOUNT);

    // Organization listings whose page token repeats for ever: a record, not a silent end.
    for (op, status) in [
        ("organizations:ListAccounts", "partial"),
        ("organizations:ListPoliciesForTarget", "partial"),
    ] {
        let looping =
            harness::proxy::Proxy::start(&moto.url, config(vec![fault(op, "EMPTY_PAGE", None)]));
        let save = p("looping.json");
        let out = scan(
            &looping.url,
            &["--no-last-accessed", "--fail-on", "none"],
            &save,
        );
        assert_eq!(out.status.code(), Some(3), "{op}: {}", stderr(&out));
        let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let records: Vec<&Value> = report["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["api"] == op && c["status"] != "complete")
            .collect();
        assert!(!records.is_empty(), "{op}: {:#}", report["coverage"]);
        for r in records {
            assert_eq!(r["status"], status, "{op}: {r}");
            assert!(
                r["detail"]
                    .as_str()
                    .unwrap()
                    .contains("page token repeated"),
                "{op}: {r}"
            );
        }
    }

    // Sharded by account: the parts together are the whole, each account in exactly one part.
    let mut seen = Vec::new();
    for part in ["1/2", "2/2"] {
        let save = p(&format!("part-{}.json", &part[..1]));
        let out = scan(&proxy.url, &["--shard", part, "--no-last-accessed"], &save);
        let s = json_file(Path::new(&save));
        let ids: Vec<String> = s["targets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect();
        assert!(
            !ids.is_empty() && ids.len() < everyone.len(),
            "{part}: {ids:?}"
        );
        // Findings where a member's admin function is in the part; else the skipped last-accessed
        // reports make it incomplete.
        let expected = if ids.iter().any(|i| members.contains(i)) {
            1
        } else {
            3
        };
        assert_eq!(out.status.code(), Some(expected), "{}", stderr(&out));
        seen.extend(ids);
    }
    seen.sort();
    assert_eq!(seen, everyone);
}

#[test]
fn planted_secrets_appear_in_no_output_at_any_verbosity() {
    let seeded = harness::seeded();
    let proxy = harness::proxy(Vec::new());
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    // -vvv keeps the SDKs at info; RUST_LOG=trace opens everything, the SDKs' wire logs included.
    for (verbosity, format, rust_log, log_format) in [
        ("-q", "json", "", "text"),
        ("-vvv", "sarif", "", "json"),
        ("-vvv", "csv", "trace", "text"),
        ("-vvv", "markdown", "trace", "json"),
    ] {
        let out = fnscope_env(
            Some(&proxy.url),
            dir.path(),
            &[
                "scan",
                "aws",
                "--regions",
                "us-east-1,eu-west-1",
                "--no-last-accessed",
                "--save",
                snap.to_str().unwrap(),
                "--format",
                format,
                verbosity,
                "--log-format",
                log_format,
            ],
            &[("RUST_LOG", rust_log)],
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        // Every byte fnscope produced: stdout, stderr (logs at this level), the snapshot.
        let mut all = out.stdout.clone();
        all.extend_from_slice(&out.stderr);
        all.extend(std::fs::read(&snap).unwrap());
        if rust_log == "trace" {
            // The log is captured (so the search means something). Before the SDKs were capped
            // at info, this case found the EventBridge target input in their trace output.
            let log = String::from_utf8_lossy(&out.stderr);
            assert!(log.contains("scanning AWS account"), "{log_format}: {log}");
        }
        let all = String::from_utf8_lossy(&all);
        for secret in &seeded.estate.secret_values {
            assert!(
                !all.contains(secret.as_str()),
                "{verbosity} {log_format} {format}: {secret} in the output"
            );
        }
    }
}

fn fault(operation: &str, code: &str, times: Option<usize>) -> Fault {
    Fault {
        operation: operation.into(),
        region: None,
        error_code: code.into(),
        status: 200,
        times,
    }
}

#[test]
fn resets_and_truncated_answers_once_give_the_clean_result_and_for_ever_a_record() {
    harness::seeded();
    let dir = tempfile::tempdir().unwrap();
    let scan = |proxy: &harness::proxy::Proxy| {
        fnscope(
            Some(&proxy.url),
            dir.path(),
            &[
                "scan",
                "aws",
                "--regions",
                "us-east-1,eu-west-1",
                "--format",
                "json",
                "--fail-on",
                "none",
            ],
        )
    };
    let clean = scan(&harness::proxy(Vec::new()));
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    let clean: Value = serde_json::from_str(&stdout(&clean)).unwrap();

    // Connections dropped mid-answer and answers cut in half, a few times each: retried.
    let flaky = harness::proxy(vec![
        fault("iam:GetAccountAuthorizationDetails", "RESET", Some(2)),
        fault("lambda:ListFunctions", "RESET", Some(2)),
        fault("lambda:GetPolicy", "RESET", Some(3)),
        fault("events:ListRules", "TRUNCATED", Some(1)),
        fault("lambda:ListEventSourceMappings", "TRUNCATED", Some(2)),
        // After the resets, one empty first page that points at the real first page.
        fault("lambda:ListFunctions", "EMPTY_PAGE", Some(1)),
    ]);
    let out = scan(&flaky);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let short: Vec<&Value> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] != "complete" && c["status"] != "skipped")
        .collect();
    assert_eq!(out.status.code(), Some(0), "{short:#?}");
    assert_eq!(harness::triples(&report), harness::triples(&clean));
    assert_eq!(report["coverage"], clean["coverage"]);
    // The faults really happened: each faulted call was made more than once.
    let log = flaky.log();
    let calls = |op: &str| log.iter().filter(|o| o.name == op).count();
    assert!(calls("iam:GetAccountAuthorizationDetails") >= 3, "{log:?}");

    // For ever: a coverage record naming the API, exit 3, no panic.
    for code in ["RESET", "TRUNCATED"] {
        let broken = harness::proxy(vec![fault(
            "iam:GetAccountAuthorizationDetails",
            code,
            None,
        )]);
        let out = scan(&broken);
        assert_eq!(out.status.code(), Some(3), "{code}: {}", stderr(&out));
        let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let rec = harness::coverage(&report, "iam:GetAccountAuthorizationDetails");
        assert_eq!(rec["status"], "failed", "{code}: {rec}");
        if code == "TRUNCATED" {
            assert!(
                rec["detail"].as_str().unwrap().contains("malformed"),
                "{rec}"
            );
        }
    }
}

#[test]
fn a_page_token_that_repeats_is_a_record_on_every_listing_not_a_silent_end() {
    harness::seeded();
    let dir = tempfile::tempdir().unwrap();
    // No `--regions` (so `account:ListRegions` is read) and `--since` (so CloudTrail is).
    let scan = |proxy: &harness::proxy::Proxy| {
        let out = fnscope(
            Some(&proxy.url),
            dir.path(),
            &[
                "scan",
                "aws",
                "--since",
                "30d",
                "--format",
                "json",
                "--fail-on",
                "none",
            ],
        );
        let report: Value =
            serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
        (out.status.code(), report, proxy.log())
    };
    let calls = |log: &[harness::proxy::Op], op: &str| log.iter().filter(|o| o.name == op).count();
    let (code, _, clean) = scan(&harness::proxy(Vec::new()));
    assert_eq!(code, Some(0));
    // Each listing, its pages answered empty with the token they were asked with, for ever. The
    // coverage record it must give: IAM's is `failed` (a part of IAM is dropped, not judged on).
    let listings = [
        ("iam:GetAccountAuthorizationDetails", "failed"),
        ("account:ListRegions", "partial"),
        ("lambda:ListFunctions", "partial"),
        ("lambda:ListEventSourceMappings", "partial"),
        ("lambda:ListCodeSigningConfigs", "partial"),
        ("events:ListEventBuses", "partial"),
        ("events:ListRules", "failed"),
        ("events:ListTargetsByRule", "failed"),
        ("cloudtrail:LookupEvents", "partial"),
        ("iam:GetServiceLastAccessedDetails", "failed"),
    ];
    for (op, status) in listings {
        assert!(calls(&clean, op) > 0, "{op} is not read by the clean scan");
        let proxy = harness::proxy(vec![fault(op, "EMPTY_PAGE", None)]);
        let (code, report, log) = scan(&proxy);
        assert_eq!(code, Some(3), "{op}: {:#}", report["coverage"]);
        let records: Vec<&Value> = report["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["api"] == op && c["status"] != "complete")
            .collect();
        assert!(!records.is_empty(), "{op}: {:#}", report["coverage"]);
        for r in &records {
            assert_eq!(r["status"], status, "{op}: {r}");
            assert!(
                r["detail"]
                    .as_str()
                    .unwrap()
                    .contains("page token repeated"),
                "{op}: {r}"
            );
        }
        // The guard stops at the first repeat: two calls per listing at most.
        assert!(
            calls(&log, op) <= 2 * calls(&clean, op),
            "{op}: {} calls, {} in the clean scan",
            calls(&log, op),
            calls(&clean, op)
        );
    }
}

#[test]
fn an_enormous_answer_is_refused_not_read_whole() {
    harness::seeded();
    let dir = tempfile::tempdir().unwrap();
    // Declared: refused before the body is read; chunked: once 128 MiB have come.
    for code in ["HUGE", "HUGE_CHUNKED"] {
        let proxy = harness::proxy(vec![fault("lambda:ListFunctions", code, None)]);
        let out = fnscope(
            Some(&proxy.url),
            dir.path(),
            &[
                "scan",
                "aws",
                "--regions",
                "us-east-1",
                "--no-last-accessed",
                "--format",
                "json",
                "--fail-on",
                "none",
            ],
        );
        assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
        let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let rec = harness::coverage(&report, "lambda:ListFunctions");
        assert_eq!(rec["status"], "failed", "{rec}");
        assert!(
            rec["detail"]
                .as_str()
                .unwrap()
                .contains("larger than 128 MiB"),
            "{rec}"
        );
        // Not asked again: the same answer would be as large.
        let calls = proxy
            .log()
            .iter()
            .filter(|o| o.name == "lambda:ListFunctions")
            .count();
        assert_eq!(calls, 1, "{code}");
    }
}

#[test]
fn past_the_deadline_aws_keeps_the_regions_it_finished() {
    harness::seeded();
    let dir = tempfile::tempdir().unwrap();
    // eu-west-1's functions never come; us-east-1 answers as usual.
    let proxy = harness::proxy(vec![Fault {
        operation: "lambda:ListFunctions".into(),
        region: Some("eu-west-1".into()),
        error_code: "SLOW".into(),
        status: 200,
        times: None,
    }]);
    let out = fnscope(
        Some(&proxy.url),
        dir.path(),
        &[
            "scan",
            "aws",
            "--regions",
            "us-east-1,eu-west-1",
            "--no-last-accessed",
            "--deadline",
            "20s",
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    // us-east-1 and IAM were read and are reported; eu-west-1 says it was cut off.
    assert_eq!(report["inventory"]["workloads"], SEEDED_FUNCTIONS / 2);
    assert!(!harness::triples(&report).is_empty());
    let coverage = report["coverage"].as_array().unwrap();
    let cut: Vec<&Value> = coverage
        .iter()
        .filter(|c| {
            c["detail"]
                .as_str()
                .unwrap()
                .contains("cut off by --deadline")
        })
        .collect();
    assert_eq!(cut.len(), 1, "{coverage:#?}");
    assert_eq!(cut[0]["region"], "eu-west-1");
    assert_eq!(cut[0]["status"], "failed");
    assert!(
        coverage
            .iter()
            .any(|c| c["api"] == "iam:GetAccountAuthorizationDetails" && c["status"] == "complete")
    );
    // Handed over before the deadline: no provider-wide cut.
    assert!(!coverage.iter().any(|c| c["api"] == "fnscope:deadline"));
}
