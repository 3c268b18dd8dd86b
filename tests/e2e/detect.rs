//! Detections from audit logs: `fnscope detect` on a saved inventory, with fixtures in each log's real
//! format — the window edges (59 against 61 minutes, 23h59 against 24h01), an allow-listed CI role,
//! failed calls, events out of order across files, gzip and JSON lines, and bad files.

use std::path::Path;

use serde_json::{Value, json};

use crate::harness::{copy_dir, estate, fnscope, stderr, stdout, triples};

const ACCT: &str = "111122223333";
const SUB: &str = "5f1d0c0a-1111-4222-8333-944455556666";

/// The example estate without its audit logs, scanned and saved: the inventory the logs join.
fn inventory(dir: &Path) -> String {
    let copy = dir.join("estate");
    copy_dir(Path::new(&estate()), &copy);
    for p in ["aws", "gcp", "azure", "power-automate", "apps-script"] {
        for t in std::fs::read_dir(copy.join(p)).unwrap() {
            let logs = t.unwrap().path().join("logs");
            if logs.is_dir() {
                std::fs::remove_dir_all(logs).unwrap();
            }
        }
    }
    let snap = dir.join("inventory.json");
    let out = fnscope(
        None,
        dir,
        &[
            "scan",
            "--offline",
            copy.to_str().unwrap(),
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    snap.display().to_string()
}

fn ct(id: &str, t: &str, who: Value, source: &str, name: &str, req: Value) -> Value {
    json!({"eventVersion": "1.09", "userIdentity": who, "eventTime": t, "eventSource": source,
           "eventName": name, "awsRegion": "us-east-1", "sourceIPAddress": "203.0.113.10",
           "userAgent": "aws-cli/2.15.0", "requestParameters": req, "responseElements": null,
           "eventID": id, "eventType": "AwsApiCall", "recipientAccountId": ACCT})
}

fn user(name: &str) -> Value {
    json!({"type": "IAMUser", "principalId": "AIDAEXAMPLE", "arn": format!("arn:aws:iam::{ACCT}:user/{name}"),
           "accountId": ACCT, "userName": name})
}

fn ci_session() -> Value {
    json!({"type": "AssumedRole", "principalId": "AROAEXAMPLE:build-42",
           "arn": format!("arn:aws:sts::{ACCT}:assumed-role/ci-deploy-role/build-42"), "accountId": ACCT,
           "sessionContext": {"sessionIssuer": {"type": "Role", "arn": format!("arn:aws:iam::{ACCT}:role/ci-deploy-role"),
                                                 "accountId": ACCT, "userName": "ci-deploy-role"}}})
}

fn invoke(id: &str, t: &str, who: Value, function: &str) -> Value {
    let mut e = ct(
        id,
        t,
        who,
        "lambda.amazonaws.com",
        "Invoke",
        json!({"functionName": function}),
    );
    e["resources"] = json!([{"type": "AWS::Lambda::Function",
                             "ARN": format!("arn:aws:lambda:us-east-1:{ACCT}:function:{function}")}]);
    e["eventCategory"] = "Data".into();
    e
}

fn create(id: &str, t: &str, function: &str) -> Value {
    ct(
        id,
        t,
        user("deployer"),
        "lambda.amazonaws.com",
        "CreateFunction20150331",
        json!({"functionName": function,
              "role": format!("arn:aws:iam::{ACCT}:role/service-role/ops-automation-role")}),
    )
}

fn gcp_entry(id: &str, t: &str, who: &str, method: &str, resource: &str, extra: Value) -> Value {
    let mut p = json!({"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
        "serviceName": "cloudfunctions.googleapis.com", "methodName": method, "resourceName": resource,
        "authenticationInfo": {"principalEmail": who}, "requestMetadata": {"callerIp": "203.0.113.7"}});
    for (k, v) in extra.as_object().unwrap() {
        p[k] = v.clone();
    }
    json!({"protoPayload": p, "insertId": id, "timestamp": t,
           "resource": {"type": "cloud_function", "labels": {"project_id": "acme-fn-prod"}},
           "logName": "projects/acme-fn-prod/logs/cloudaudit.googleapis.com%2Factivity"})
}

fn gcp_pair(name: &str, t1: &str, t2: &str) -> Vec<Value> {
    let f = format!("projects/acme-fn-prod/locations/us-central1/functions/{name}");
    vec![
        gcp_entry(
            &format!("{name}-1"),
            t1,
            "dev@acme.example",
            "google.cloud.functions.v2.FunctionService.CreateFunction",
            &f,
            json!({"request": {"function": {"serviceConfig": {"serviceAccountEmail": "iam-sync@acme-fn-prod.iam.gserviceaccount.com"}}}}),
        ),
        gcp_entry(
            &format!("{name}-2"),
            t2,
            "dev@acme.example",
            "google.cloud.functions.v2.FunctionService.SetIamPolicy",
            &f,
            json!({"serviceData": {"policyDelta": {"bindingDeltas": [{"action": "ADD", "role": "roles/cloudfunctions.invoker", "member": "allUsers"}]}}}),
        ),
    ]
}

fn activity(id: &str, t: &str, caller: &str, op: &str, resource: &str) -> Value {
    json!({"caller": caller, "claims": {"http://schemas.microsoft.com/identity/claims/objectidentifier": caller},
           "eventDataId": id, "operationName": {"value": op}, "resourceId": resource,
           "status": {"value": "Succeeded"}, "eventTimestamp": t, "subscriptionId": SUB,
           "category": {"value": "Administrative"}})
}

fn report(uq: &str, t: &str, actor: &str, app: &str, name: &str, params: Value) -> Value {
    json!({"kind": "admin#reports#activity",
           "id": {"time": t, "uniqueQualifier": uq, "applicationName": app, "customerId": "C01"},
           "actor": {"email": actor}, "events": [{"name": name, "parameters": params}]})
}

fn grant(uq: &str, t: &str, actor: &str) -> Value {
    report(
        uq,
        t,
        actor,
        "token",
        "authorize",
        json!([
        {"name": "client_id", "value": "4040404040-share.apps.googleusercontent.com"},
        {"name": "app_name", "value": "Share reports"},
        {"name": "scope", "multiValue": ["https://www.googleapis.com/auth/drive", "https://www.googleapis.com/auth/script.scriptapp"]}]),
    )
}

fn exposure(uq: &str, t: &str, actor: &str) -> Value {
    report(
        uq,
        t,
        actor,
        "drive",
        "change_document_visibility",
        json!([
        {"name": "doc_id", "value": format!("doc-{uq}")}, {"name": "owner", "value": actor},
        {"name": "visibility", "value": "people_with_link"}]),
    )
}

fn write(p: &Path, v: &Value) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
}

/// Logs with one positive and one near miss per detection, split over files in reverse time order.
fn edge_logs(logs: &Path) {
    let rg = format!("/subscriptions/{SUB}/resourceGroups/rg-auto/providers");
    let mailsync_mi = "0b5c7e4e-2a1d-4f35-9a55-6a4f1c2d3e4f";
    let la_mi = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
    let ra = format!("/subscriptions/{SUB}/providers/Microsoft.Authorization/roleAssignments");
    // The invocations come first (by file name), the deployments after: order must not matter.
    write(
        &logs.join("aws/1-invocations.json"),
        &json!({"Records": [
            invoke("i59", "2026-11-20T10:59:00Z", user("deployer"), "fn-59"),
            invoke("i61", "2026-11-20T11:01:00Z", user("deployer"), "fn-61"),
            invoke("i-err", "2026-11-20T10:10:00Z", user("deployer"), "fn-denied"),
            invoke("i-ci", "2026-11-20T12:05:00Z", ci_session(), "ops-automation"),
        ]}),
    );
    let mut denied = create("c-err", "2026-11-20T10:00:00Z", "fn-denied");
    denied["errorCode"] = "AccessDeniedException".into();
    write(
        &logs.join("aws/2-deployments.json"),
        &json!({"Records": [
            create("c59", "2026-11-20T10:00:00Z", "fn-59"),
            create("c61", "2026-11-20T10:00:00Z", "fn-61"),
            denied,
            ct("c-ci", "2026-11-20T12:00:00Z", ci_session(), "lambda.amazonaws.com",
               "UpdateFunctionCode20150331v2", json!({"functionName": "ops-automation"})),
        ]}),
    );
    let mut g = gcp_pair("edge-59", "2026-11-20T12:00:00Z", "2026-11-20T12:59:00Z");
    g.extend(gcp_pair(
        "edge-61",
        "2026-11-20T12:00:00Z",
        "2026-11-20T13:01:00Z",
    ));
    write(&logs.join("gcp/entries.json"), &Value::Array(g));
    write(
        &logs.join("azure/activity.json"),
        &json!([
            activity(
                "a59-1",
                "2026-11-20T14:00:00Z",
                "dev1@contoso.com",
                "Microsoft.Web/sites/write",
                &format!("{rg}/Microsoft.Web/sites/fa-mailsync")
            ),
            activity(
                "a59-2",
                "2026-11-20T14:59:00Z",
                mailsync_mi,
                "Microsoft.Authorization/roleAssignments/write",
                &format!("{ra}/a59")
            ),
            activity(
                "a61-1",
                "2026-11-20T14:00:00Z",
                "dev1@contoso.com",
                "Microsoft.Logic/workflows/write",
                &format!("{rg}/Microsoft.Logic/workflows/la-forwarder")
            ),
            activity(
                "a61-2",
                "2026-11-20T15:01:00Z",
                la_mi,
                "Microsoft.Authorization/roleAssignments/write",
                &format!("{ra}/a61")
            ),
        ]),
    );
    write(
        &logs.join("workspace/token.json"),
        &json!({"items": [
            grant("-1", "2026-11-20T09:00:00.000Z", "analyst@northwind.example"),
            grant("-2", "2026-11-20T09:00:00.000Z", "pm@northwind.example"),
        ]}),
    );
    write(
        &logs.join("workspace/drive.json"),
        &json!({"items": [
            exposure("-3", "2026-11-21T08:59:00.000Z", "analyst@northwind.example"),
            exposure("-4", "2026-11-21T09:01:00.000Z", "pm@northwind.example"),
        ]}),
    );
}

fn detections(report: &Value) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = triples(report)
        .into_iter()
        .filter(|(r, _, _)| {
            [
                "AWS-008", "AWS-009", "GCP-006", "GCP-007", "AZ-008", "PA-004", "GWS-008",
            ]
            .iter()
            .any(|d| r.ends_with(d))
        })
        .collect();
    v.sort();
    v
}

fn t(r: &str, s: &str, g: &str) -> (String, String, String) {
    (format!("T1648-{r}"), s.to_string(), g.to_string())
}

#[test]
fn detections_fire_inside_their_windows_and_not_outside() {
    let dir = tempfile::tempdir().unwrap();
    let snap = inventory(dir.path());
    let logs = dir.path().join("logs");
    edge_logs(&logs);
    let out = fnscope(
        None,
        dir.path(),
        &[
            "detect",
            &snap,
            "--logs",
            logs.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        detections(&r),
        vec![
            t("AWS-008", "ci-deploy-role", "ops-automation-role"),
            t("AWS-008", "deployer", "ops-automation-role"),
            t("AZ-008", "fa-mailsync (system-assigned)", "a59"),
            t(
                "GCP-006",
                "dev@acme.example",
                "iam-sync@acme-fn-prod.iam.gserviceaccount.com"
            ),
            t("GWS-008", "analyst@northwind.example", "Share reports"),
        ]
    );
    // One finding per (caller, role, function): fn-59 only; its evidence names both events.
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "T1648-AWS-008" && f["subject"]["name"] == "deployer")
        .unwrap();
    assert_eq!(f["resource"]["name"], "fn-59");
    let ev = f["evidence"].to_string();
    assert!(ev.contains("event c59") && ev.contains("event i59"), "{ev}");
    assert!(!ev.contains("c-err") && !ev.contains("i61"), "{ev}");
    // GCP-006 names the function deployed and made public inside the hour.
    let g = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "T1648-GCP-006")
        .unwrap();
    assert_eq!(g["resource"]["name"], "edge-59");
    // The failed deploy was read and counted, not used.
    let cov = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "logs:cloudtrail")
        .unwrap();
    assert!(
        cov["detail"]
            .as_str()
            .unwrap()
            .contains("1 failed calls ignored"),
        "{cov}"
    );

    // The CI role on the allow-list: its deploy-and-run is expected.
    let cfg = dir.path().join("fnscope.toml");
    std::fs::write(
        &cfg,
        "[detect]\nallow_actors = [\"arn:aws:sts::*:assumed-role/ci-deploy-role/*\"]\n",
    )
    .unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "detect",
            &snap,
            "--logs",
            logs.to_str().unwrap(),
            "--config",
            cfg.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = detections(&r);
    assert!(
        !d.contains(&t("AWS-008", "ci-deploy-role", "ops-automation-role")),
        "{d:?}"
    );
    assert!(
        d.contains(&t("AWS-008", "deployer", "ops-automation-role")),
        "{d:?}"
    );
}

#[test]
fn detect_reads_gzip_and_json_lines_and_refuses_bad_files() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let snap = inventory(dir.path());
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    // CloudTrail as delivered: gzip-compressed.
    let records = json!({"Records": [
        create("gz-1", "2026-11-20T10:00:00Z", "fn-gz"),
        invoke("gz-2", "2026-11-20T10:30:00Z", user("deployer"), "fn-gz"),
    ]});
    let f = std::fs::File::create(logs.join("trail.json.gz")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
    gz.write_all(&serde_json::to_vec(&records).unwrap())
        .unwrap();
    gz.finish().unwrap();
    // A log sink's export: one entry per line.
    let lines: Vec<String> = gcp_pair("lines", "2026-11-20T12:00:00Z", "2026-11-20T12:10:00Z")
        .iter()
        .map(|v| v.to_string())
        .collect();
    std::fs::write(logs.join("entries.jsonl"), lines.join("\n") + "\n").unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "detect",
            &snap,
            "--logs",
            logs.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let d = detections(&r);
    assert!(
        d.contains(&t("AWS-008", "deployer", "ops-automation-role")),
        "{d:?}"
    );
    assert!(
        d.contains(&t(
            "GCP-006",
            "dev@acme.example",
            "iam-sync@acme-fn-prod.iam.gserviceaccount.com"
        )),
        "{d:?}"
    );

    // A file cut off mid-record (and a truncated .gz): each is a failed coverage record naming the
    // file and the position, the other files are read, and the run is incomplete, not aborted.
    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    let text = serde_json::to_string(&records).unwrap();
    std::fs::write(bad.join("cut.json"), &text[..text.len() / 2]).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(bad.join("cut.json.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(bad.join("whole.json"), &text).unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "detect",
            &snap,
            "--logs",
            bad.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let failed: Vec<String> = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "logs:file" && c["status"] == "failed")
        .map(|c| c["detail"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(failed.len(), 2, "{failed:#?}");
    assert!(
        failed
            .iter()
            .any(|d| d.contains("cut.json`") && d.contains("line 1 column")),
        "{failed:#?}"
    );
    assert!(
        failed.iter().any(|d| d.contains("cut.json.gz")),
        "{failed:#?}"
    );
    assert!(
        detections(&r).contains(&t("AWS-008", "deployer", "ops-automation-role")),
        "the whole file is still read"
    );

    // JSON that is no audit log: exit 2, naming it (never a silent skip).
    let other = dir.path().join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("notes.json"), r#"{"hello": "world"}"#).unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &["detect", &snap, "--logs", other.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("notes.json"), "{}", stderr(&out));

    // A symbolic link in a log folder is refused, not followed.
    #[cfg(unix)]
    {
        let linked = dir.path().join("linked");
        std::fs::create_dir_all(&linked).unwrap();
        std::os::unix::fs::symlink("/etc", linked.join("etc")).unwrap();
        let out = fnscope(
            None,
            dir.path(),
            &["detect", &snap, "--logs", linked.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    }

    // Without logs, the detections say so instead of passing.
    let out = fnscope(None, dir.path(), &["check", &snap, "--format", "json"]);
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let reasons = r["not_evaluated"].to_string();
    assert!(
        reasons.contains("T1648-AWS-008") && reasons.contains("no CloudTrail log was read"),
        "{reasons}"
    );
    assert!(reasons.contains("T1648-GWS-008"), "{reasons}");
}
