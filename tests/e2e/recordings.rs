//! Public recordings of attack techniques and peer test events (tests/recordings) held to the
//! expectations written before fnscope ran on them, and the log shapes and joins issue 24 names, on
//! real-shaped records.

use serde_json::{Value, json};

use crate::harness::{fnscope, repo, stderr, stdout};

fn scan(provider: &str, estate: &std::path::Path, home: &std::path::Path) -> Value {
    let out = fnscope(
        None,
        home,
        &[
            "scan",
            provider,
            "--offline",
            estate.to_str().unwrap(),
            "--config",
            repo()
                .join("tests/recordings/fnscope.toml")
                .to_str()
                .unwrap(),
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn every_recording_gets_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let estate = repo().join("tests/recordings/estate");
    let reports: Vec<Value> = ["aws", "gcp", "azure"]
        .iter()
        .map(|p| scan(p, &estate, dir.path()))
        .collect();
    let file = repo().join("tests/recordings/recordings.toml");
    let r = fnscope_corpus::recordings::parse(
        "recordings.toml",
        &std::fs::read_to_string(&file).unwrap(),
    )
    .unwrap();
    // Every recording in the estate is judged.
    let sources = std::fs::read_to_string(repo().join("tests/recordings/SOURCES.tsv")).unwrap();
    for line in sources.lines().skip(1) {
        let f = line.split('\t').next().unwrap();
        assert!(r.recording.iter().any(|x| x.file == f), "{f} is not judged");
    }
    let outcomes = fnscope_corpus::recordings::judge(&reports, &r);
    let table = fnscope_corpus::recordings::render(&outcomes);
    assert!(outcomes.iter().all(|o| o.ok), "{table}");
    let attacks = outcomes
        .iter()
        .filter(|o| o.recording.expect == "finding")
        .count();
    assert!(attacks >= 17, "{table}");
    // The real (not hand-written) recordings of Lambda techniques each name the function and the
    // actor, and the resource-policy backdoor is high on its own.
    let aws = &reports[0];
    let backdoor = aws["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resource"]["name"] == "stratus-red-team-backdoor-f-func")
        .unwrap();
    assert_eq!(backdoor["severity"], "high");
    assert_eq!(backdoor["subject"]["name"], "christophe");
    // Every file is read: the 98-line sink file among them, no file refused.
    let gcp = &reports[1];
    let window = gcp["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "logs:cloud-audit-logs" && c["target"] == "test-project-hkhalifa")
        .unwrap();
    assert!(
        window["detail"].as_str().unwrap().starts_with("99 events"),
        "{window}"
    );
    for r in &reports {
        assert!(
            !r["coverage"].to_string().contains("logs:file"),
            "{}",
            r["coverage"]
        );
    }
}

fn record(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(repo().join(path)).unwrap()).unwrap()
}

#[test]
fn cloudwatch_exports_and_diagnostic_records_are_read_and_a_bad_record_is_a_coverage_record() {
    let dir = tempfile::tempdir().unwrap();
    let estate = dir.path().join("estate");
    // The Stratus code-overwrite recording as `aws logs filter-log-events` prints it (the CloudTrail
    // record in `message`), with a second event whose message is cut off.
    let trail = record(
        "tests/recordings/estate/aws/266106314375/logs/stratus-lambda-updatefunctioncode.json",
    );
    let logs = estate.join("aws/266106314375/logs");
    std::fs::create_dir_all(&logs).unwrap();
    let page = json!({
        "events": [
            {"logStreamName": "266106314375_CloudTrail_ap-westeast-2r", "timestamp": 1722520322000_i64,
             "message": trail.to_string(), "ingestionTime": 1722520330000_i64, "eventId": "1"},
            {"logStreamName": "266106314375_CloudTrail_ap-westeast-2r", "timestamp": 1722520323000_i64,
             "message": "{\"eventVersion\": \"1.08\", \"userIden", "ingestionTime": 1722520331000_i64, "eventId": "2"}
        ],
        "searchedLogStreams": []
    });
    std::fs::write(logs.join("filter-log-events.json"), page.to_string()).unwrap();
    let aws = scan("aws", &estate, dir.path());
    let f = aws["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "T1648-AWS-011")
        .unwrap_or_else(|| panic!("{aws}"));
    assert_eq!(
        f["resource"]["name"],
        "stratus-red-team-olc-func-vayhjqkdav"
    );
    let bad = aws["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "logs:file")
        .unwrap_or_else(|| panic!("{}", aws["coverage"]));
    assert_eq!(bad["status"], "partial");
    let detail = bad["detail"].as_str().unwrap();
    assert!(
        detail.contains("1 of 2 records")
            && detail.contains("filter-log-events.json#1.events[1]")
            && detail.contains("`message` is not valid JSON"),
        "{detail}"
    );

    // Azure diagnostic-settings records (Event Hub `{"records": […]}`), a good one among a bad one
    // (no `time`), and the same record as a storage account's JSON line.
    let diag = record(
        "tests/recordings/estate/azure/12345678-1234-1234-1234-123456789abc/logs/panther-diag-runbook-draft-write.json",
    );
    let one = diag.clone();
    let mut broken = one.clone();
    broken.as_object_mut().unwrap().remove("time");
    let az = estate.join("azure/12345678-1234-1234-1234-123456789abc/logs");
    std::fs::create_dir_all(&az).unwrap();
    std::fs::write(
        az.join("eventhub.json"),
        json!({"records": [broken, one.clone()]}).to_string(),
    )
    .unwrap();
    std::fs::write(az.join("PT1H.json"), format!("{one}\n")).unwrap();
    let azure = scan("azure", &estate, dir.path());
    let f: Vec<&Value> = azure["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "T1648-AZ-010")
        .collect();
    assert_eq!(f.len(), 1, "{azure}");
    assert_eq!(f[0]["resource"]["name"], "MaliciousRunbook");
    let bad = azure["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "logs:file" && c["provider"] == "azure")
        .unwrap_or_else(|| panic!("{}", azure["coverage"]));
    let detail = bad["detail"].as_str().unwrap();
    assert!(
        detail.contains("eventhub.json#1") && detail.contains("no `/time`"),
        "{detail}"
    );
    assert!(!detail.contains("not valid JSON"), "{detail}");
}

#[test]
fn a_cloud_run_v1_create_then_a_v2_public_policy_join() {
    let dir = tempfile::tempdir().unwrap();
    let estate = dir.path().join("estate");
    let logs = estate.join("gcp/some-project/logs");
    std::fs::create_dir_all(&logs).unwrap();
    // Panther's Cloud Run test events in the shape Cloud Logging writes (tests/recordings): the v1
    // CreateService is logged on `namespaces/some-project/services/cloudrun-exfil`, the SetIamPolicy
    // on `projects/some-project/locations/us-west1/services/cloudrun-exfil`, without a policy delta.
    // Derived here: the policy the call set names allUsers instead of the recorded user.
    let create =
        record("tests/recordings/estate/gcp/some-project/logs/panther_run_v1_createservice.json");
    let mut public = record(
        "tests/recordings/estate/gcp/some-project/logs/panther_run_v1_setiampolicy_invoker.json",
    );
    assert!(public["protoPayload"]["serviceData"].is_null());
    for b in public["protoPayload"]["request"]["policy"]["bindings"]
        .as_array_mut()
        .unwrap()
    {
        b["members"] = json!(["allUsers"]);
    }
    std::fs::write(logs.join("entries.jsonl"), format!("{create}\n{public}\n")).unwrap();
    let gcp = scan("gcp", &estate, dir.path());
    let f = gcp["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "T1648-GCP-009")
        .unwrap_or_else(|| panic!("{gcp}"));
    assert_eq!(f["resource"]["name"], "cloudrun-exfil");
    // One finding for the service, with both entries, raised by the sequence (medium → high).
    assert_eq!(f["severity"], "high", "{f}");
    let ev = f["evidence"].to_string();
    assert!(
        ev.contains("CreateService") && ev.contains("SetIamPolicy"),
        "{ev}"
    );
    assert!(ev.contains("no delta was logged"), "{ev}");
}

#[test]
fn each_account_s_log_window_cites_its_own_files_and_odd_folders_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let estate = dir.path().join("estate");
    for (acct, file) in [
        ("266106314375", "stratus-lambda-updatefunctioncode.json"),
        (
            "880896431042",
            "stratus-lambda-addpermission-principal-star.json",
        ),
    ] {
        let logs = estate.join(format!("aws/{acct}/logs"));
        std::fs::create_dir_all(&logs).unwrap();
        std::fs::copy(
            repo().join(format!("tests/recordings/estate/aws/{acct}/logs/{file}")),
            logs.join(file),
        )
        .unwrap();
    }
    // A region folder misspelt: said, not skipped in silence.
    std::fs::create_dir_all(estate.join("aws/266106314375/euwest1/lambda")).unwrap();
    let aws = scan("aws", &estate, dir.path());
    let coverage = aws["coverage"].as_array().unwrap();
    for (acct, file) in [
        ("266106314375", "stratus-lambda-updatefunctioncode.json"),
        (
            "880896431042",
            "stratus-lambda-addpermission-principal-star.json",
        ),
    ] {
        let w = coverage
            .iter()
            .find(|c| c["api"] == "logs:cloudtrail" && c["target"] == acct)
            .unwrap_or_else(|| panic!("{}", aws["coverage"]));
        let detail = w["detail"].as_str().unwrap();
        assert!(detail.ends_with(file), "{acct}: {detail}");
    }
    let odd = coverage
        .iter()
        .find(|c| c["detail"].as_str().unwrap().contains("euwest1"))
        .unwrap_or_else(|| panic!("{}", aws["coverage"]));
    assert_eq!(odd["status"], "skipped");
    assert!(
        odd["detail"]
            .as_str()
            .unwrap()
            .contains("not named like a region")
    );
}
