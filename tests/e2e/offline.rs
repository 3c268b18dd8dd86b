//! The offline importer and the CLI on the bundled example estate.

use serde_json::Value;

use crate::harness::{command, copy_dir, estate, fnscope, json_file, repo, stderr, stdout};

const ACCT: &str = "111122223333";

#[test]
fn example_estate_scans_offline_into_the_expected_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    // Exit 1: the example estate has critical findings (the default --fail-on is high).
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["schema"], "fnscope.report/v1");
    let mut triples: Vec<(String, String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["subject"]["name"].as_str().unwrap().to_string(),
                f["target"]["name"].as_str().unwrap_or("-").to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    triples.sort();
    let want: Vec<(String, String, String, String)> = [
        (
            "T1648-AWS-001",
            "deployer",
            "ops-automation-role",
            "critical",
        ),
        ("T1648-AWS-001", "deployer", "user-provisioner-role", "high"),
        ("T1648-AWS-004", "eu-cleanup", "ops-automation-role", "high"),
        (
            "T1648-AWS-004",
            "ops-automation",
            "ops-automation-role",
            "high",
        ),
        (
            "T1648-AWS-004",
            "partner-api",
            "ops-automation-role",
            "high",
        ),
        (
            "T1648-AWS-005",
            "eu-iam-watch",
            "user-provisioner-role",
            "high",
        ),
        (
            "T1648-AWS-005",
            "new-user-keys",
            "user-provisioner-role",
            "high",
        ),
        (
            "T1648-AWS-006",
            "new-user-keys",
            "user-provisioner-role",
            "critical",
        ),
        (
            "T1648-AWS-007",
            "partner-api",
            "ops-automation-role",
            "critical",
        ),
        // From the CloudTrail files: a function created as the admin role, opened and invoked within
        // the hour; a function's execution role minting keys for a user. The near misses (61
        // minutes, a failed deploy, an unprivileged function) stay silent.
        (
            "T1648-AWS-008",
            "deployer",
            "ops-automation-role",
            "critical",
        ),
        (
            "T1648-AWS-009",
            "user-provisioner-role",
            "alice",
            "critical",
        ),
        ("T1648-AWS-010", "deployer", "-", "medium"),
        // Each change on its own (AWS-011): the admin-role function deployed and then run (critical:
        // the AWS-008 sequence raises it), alice's change to the admin role's function, and the
        // unprivileged near miss, reported but not raised.
        ("T1648-AWS-011", "alice", "ops-automation", "high"),
        ("T1648-AWS-011", "deployer", "quick-report", "critical"),
        ("T1648-AWS-011", "deployer", "thumbnailer", "medium"),
        // Every public function, graded by its role (AWS-012): the webhook's role can do nothing.
        ("T1648-AWS-012", "anyone", "public-webhook", "low"),
    ]
    .iter()
    .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
    .collect();
    assert_eq!(triples, want);
    assert_eq!(report["summary"]["critical"], 6);
    assert_eq!(report["summary"]["not_evaluated"], 1);
    for f in report["findings"].as_array().unwrap() {
        assert!(!f["mitre"]["technique"].as_str().unwrap().is_empty());
    }
    assert_eq!(report["inventory"]["workloads"], 12);
    assert_eq!(report["inventory"]["complete"], true);
    for key in [
        "critical",
        "high",
        "medium",
        "low",
        "suppressed",
        "not_evaluated",
    ] {
        assert!(report["summary"][key].is_number(), "{key}");
    }

    let s = json_file(&snap);
    let w = |name: &str| -> Value {
        s["workloads"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone()
    };
    let webhook = w("public-webhook");
    assert_eq!(webhook["exposure"]["public"], true);
    assert_eq!(webhook["details"]["url"]["auth_type"], "NONE");
    assert_eq!(
        webhook["secret_like_env_vars"],
        serde_json::json!(["SIGNING_SECRET"])
    );
    assert_eq!(
        w("partner-api")["exposure"]["notes"],
        serde_json::json!(["resource policy: account 444455556666"])
    );
    assert_eq!(w("thumbnailer")["exposure"]["public"], false);
    assert_eq!(
        w("audit-forwarder")["details"]["code_signing"]["untrusted_artifact_on_deployment"],
        "Enforce"
    );
    assert!(w("ops-automation")["details"]["code_signing"].is_null());
    assert_eq!(
        w("ops-automation")["identities"],
        serde_json::json!([format!(
            "arn:aws:iam::{ACCT}:role/service-role/ops-automation-role"
        )])
    );
    // eu-west-1 exported an empty get-policy folder: read, none present.
    assert_eq!(w("eu-cleanup")["details"]["resource_policy_read"], true);
    assert!(w("eu-cleanup")["details"]["resource_policy"].is_null());
    assert_eq!(w("report-exporter")["modified"], "2026-09-14T11:22:33Z");

    // The CreateUser rule in us-east-1 starts new-user-keys; the same pattern in eu-west-1 is kept too.
    let rule = s["triggers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "on-new-user")
        .unwrap();
    assert_eq!(
        rule["workloads"],
        serde_json::json!([format!(
            "arn:aws:lambda:us-east-1:{ACCT}:function:new-user-keys"
        )])
    );
    assert_eq!(
        rule["details"]["event_pattern"]["detail"]["eventName"],
        serde_json::json!(["CreateUser"])
    );

    // IAM: roles, users, groups; managed policy documents for attached policies only; group membership.
    let ident = |id: &str| {
        s["identities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
    };
    let alice = ident(&format!("arn:aws:iam::{ACCT}:user/alice")).unwrap();
    assert_eq!(
        alice["details"]["groups"],
        serde_json::json!([format!("arn:aws:iam::{ACCT}:group/developers")])
    );
    let capped = ident(&format!(
        "arn:aws:iam::{ACCT}:role/service-role/audit-forwarder-role"
    ))
    .unwrap();
    assert_eq!(
        capped["details"]["permissions_boundary"],
        format!("arn:aws:iam::{ACCT}:policy/s3-read-only-boundary")
    );
    assert_eq!(
        s["policies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["kind"] == "aws_managed_policy")
            .count(),
        4
    );
    assert_eq!(
        s["bindings"].as_array().unwrap().len(),
        4,
        "SCP attachments at root, OU (2) and account"
    );
    assert!(s["usage"].as_array().unwrap().iter().any(|u| u["principal"]
        == format!("arn:aws:iam::{ACCT}:user/deployer")
        && u["action"] == "CreateFunction"
        && u["last_used"].is_null()));

    // Values in the export never reach the snapshot or the report.
    let text = std::fs::read_to_string(&snap).unwrap() + &stdout(&out);
    for secret in [
        "Wint3r-is-c0ming",
        "sk_live_51HxQvR2",
        "do-not-store-this-input",
        "hooks.example.net",
    ] {
        assert!(!text.contains(secret), "{secret} leaked");
    }

    // check on the saved snapshot reports the same as the scan did.
    let checked = fnscope(
        None,
        dir.path(),
        &["check", snap.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(checked.status.code(), Some(1));
    let again: Value = serde_json::from_str(&stdout(&checked)).unwrap();
    assert_eq!(again["coverage"], report["coverage"]);
    assert_eq!(again["findings"], report["findings"]);
}

#[test]
fn table_view_lists_functions_and_ends_with_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--format",
            "table",
            "--inventory",
            "--wide",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for needle in [
        "Workloads (12)",
        "new-user-keys",
        "rule on-new-user",
        "sqs (orders-incoming)",
        "PUBLIC: function URL (auth NONE)",
        "ops-automation-role",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    let coverage = text
        .lines()
        .position(|l| l.starts_with("Coverage: "))
        .expect("a coverage summary");
    let workloads = text
        .lines()
        .position(|l| l.starts_with("Workloads ("))
        .unwrap();
    assert!(
        coverage < workloads,
        "the coverage comes before the long inventory"
    );
}

/// The table a person reads: findings first, one line each, nothing wider than 120 columns, the
/// inventory as counts; held as a snapshot (insta).
#[test]
fn the_example_estate_table_fits_120_columns_with_findings_first() {
    let dir = tempfile::tempdir().unwrap();
    // From the repository, with the estate's relative path: nothing machine-specific in the table.
    let run = |extra: &[&str], env: &[(&str, &str)]| {
        let mut args = vec!["scan", "--offline", "examples/estate", "--format", "table"];
        args.extend(extra);
        command(None, dir.path(), &args, env)
            .current_dir(repo())
            .output()
            .unwrap()
    };
    let out = run(&[], &[("COLUMNS", "120")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let long: Vec<&str> = text.lines().filter(|l| l.chars().count() > 120).collect();
    assert!(long.is_empty(), "{long:#?}");
    assert!(
        text.starts_with("Findings (107): 34 critical, 45 high"),
        "{text}"
    );
    assert!(text.contains("Inventory: 39 workloads"), "{text}");
    insta::assert_snapshot!("example_estate_table", text);
    // --wide keeps every line whole and shows every piece of evidence.
    let wide = stdout(&run(&["--wide"], &[]));
    assert!(wide.lines().any(|l| l.chars().count() > 120));
    assert!(wide.contains("    statement: "), "evidence lines");
}

#[test]
fn missing_export_files_are_coverage_records_not_empty_results() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("estate");
    copy_dir(&repo().join("examples/estate"), &copy);
    let region = copy.join(format!("aws/{ACCT}/us-east-1/lambda"));
    std::fs::remove_dir_all(region.join("get-policy")).unwrap();
    std::fs::remove_file(copy.join(format!("aws/{ACCT}/organizations/scps.json"))).unwrap();
    let snap = dir.path().join("s.json");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            copy.to_str().unwrap(),
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
    );
    assert_eq!(out.status.code(), Some(3), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let skipped: Vec<_> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "skipped")
        .map(|c| (c["api"].as_str().unwrap().to_string(), c["region"].clone()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (
                "organizations:ListPoliciesForTarget".to_string(),
                Value::Null
            ),
            (
                "lambda:GetPolicy".to_string(),
                Value::String("us-east-1".into())
            ),
        ]
    );
    let s = json_file(&snap);
    let webhook = s["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == "public-webhook")
        .unwrap();
    assert_eq!(webhook["details"]["resource_policy_read"], false);
}

#[test]
fn malformed_export_is_an_error_naming_file_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("estate");
    copy_dir(&repo().join("examples/estate"), &copy);
    let file = copy.join(format!("aws/{ACCT}/eu-west-1/lambda/list-functions.json"));
    // Scans the copy with `file` holding `text`: a usage error, whose message is returned.
    let refused = |text: String| {
        std::fs::write(&file, text).unwrap();
        let out = fnscope(
            None,
            dir.path(),
            &["scan", "aws", "--offline", copy.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2));
        stderr(&out)
    };
    let mut v: Value = json_file(&file);
    v["Functions"][2]["FunctionName"] = Value::from(42);
    let err = refused(v.to_string());
    assert!(
        err.contains("eu-west-1/lambda/list-functions.json"),
        "{err}"
    );
    assert!(err.contains("`Functions[2].FunctionName`"), "{err}");

    // A value of the wrong type is not quoted back: it may be a secret.
    let mut v: Value = json_file(&file);
    v["Functions"][2]["FunctionName"] = Value::from("fn");
    v["Functions"][2]["Environment"]["Variables"] = Value::from("DB_PASSWORD=Planted-5ecret-Value");
    let err = refused(v.to_string());
    assert!(
        err.contains("`Functions[2].Environment.Variables`"),
        "{err}"
    );
    assert!(err.contains("invalid type: string"), "{err}");
    assert!(!err.contains("Planted-5ecret"), "{err}");

    let err = refused("{\"Functions\": [".to_string());
    assert!(err.contains("list-functions.json"), "{err}");
}

#[test]
fn symlinks_in_an_export_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("estate");
    copy_dir(&repo().join("examples/estate"), &copy);
    let outside = dir.path().join("outside.json");
    std::fs::write(&outside, "{\"Functions\": []}").unwrap();
    let target = copy.join(format!("aws/{ACCT}/eu-west-1/lambda/list-functions.json"));
    std::fs::remove_file(&target).unwrap();
    std::os::unix::fs::symlink(&outside, &target).unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--offline", copy.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
}

#[test]
fn bad_snapshots_and_paths_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let v7 = dir.path().join("v7.json");
    std::fs::write(
        &v7,
        r#"{"schema":"fnscope.snapshot/v7","schema_version":7}"#,
    )
    .unwrap();
    let out = fnscope(None, dir.path(), &["check", v7.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("schema_version 7"),
        "{}",
        stderr(&out)
    );

    let snap = dir.path().join("s.json");
    let ok = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--save",
            snap.to_str().unwrap(),
            "-q",
            "--format",
            "json",
        ],
    );
    assert_eq!(ok.status.code(), Some(1));
    let mut v = json_file(&snap);
    v["workloads"][3]["exposure"]["public"] = Value::from("yes");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let out = fnscope(None, dir.path(), &["check", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("workloads[3].exposure.public"),
        "{}",
        stderr(&out)
    );

    // An unwritable destination is a clear error, and an existing snapshot there stays intact.
    let before = std::fs::read(&snap).unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--save",
            dir.path().join("no/such/dir/s.json").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/dir/s.json"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&snap).unwrap(), before);

    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            dir.path().join("nowhere").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--offline", &estate(), "cloudy"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown provider `cloudy`"));
    // No temporary files are left next to the snapshot.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".fnscope-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn clap_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(None, dir.path(), &["scan", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let out = fnscope(None, dir.path(), &["permissions", "oracle"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn config_file_suppresses_overrides_and_reports_stale_entries() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("fnscope.toml");
    std::fs::write(
        &cfg,
        r#"
[rules]
disable = ["T1648-AWS-010"]
severity = { "T1648-AWS-005" = "medium" }

[[suppress]]
rule = "T1648-AWS-00[14]"
resource = "arn:aws:*:*:111122223333:*ops-automation*"
reason = "break-glass automation, reviewed by the platform team"

[[suppress]]
rule = "T1648-AWS-007"
resource = "*partner-api*"
reason = "partner contract"
expires = "2020-01-01"

[[suppress]]
rule = "T1648-AWS-002"
resource = "*"
reason = "nothing matches this"
"#,
    )
    .unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--config",
            cfg.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = r["findings"].as_array().unwrap();
    assert!(
        !findings.iter().any(|f| f["rule_id"] == "T1648-AWS-010"),
        "disabled rule ran"
    );
    assert!(
        findings
            .iter()
            .filter(|f| f["rule_id"] == "T1648-AWS-005")
            .all(|f| f["severity"] == "medium")
    );
    let suppressed: Vec<_> = findings
        .iter()
        .filter(|f| !f["suppressed"].is_null())
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap(),
                f["subject"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    // AWS-001 deployer → ops-automation-role (target matches) and AWS-004 for the three functions of
    // that role; the expired AWS-007 entry suppresses nothing.
    assert_eq!(suppressed.len(), 4, "{suppressed:?}");
    assert!(suppressed.contains(&("T1648-AWS-001", "deployer")));
    assert_eq!(r["summary"]["suppressed"], 4);
    let statuses: Vec<_> = r["suppressions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["active", "expired", "unmatched"]);
    assert!(stderr(&out).contains("is expired"), "{}", stderr(&out));

    // Only critical findings left unsuppressed gate: with the 001/004 entries the critical AWS-006 and
    // AWS-007 still fail the run.
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[suppress]]\nrule = \"T1648-AWS-001\"\nresource = \"*\"\n",
    )
    .unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--config",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.toml"), "{}", stderr(&out));
    assert!(stderr(&out).contains("reason"), "{}", stderr(&out));
}

#[test]
fn rules_and_permissions_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(None, dir.path(), &["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let rules: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<_> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    // The exact catalogue is held by the `rule_catalogue` snapshot (outputs.rs); here, its shape: ids
    // unique, grouped by provider in catalogue order, numbered from 001 without gaps.
    let mut seen = std::collections::BTreeSet::new();
    let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
    for id in &ids {
        assert!(seen.insert(*id), "{id} twice");
        let (prefix, n) = id.rsplit_once('-').unwrap();
        let n: u32 = n.parse().unwrap();
        match groups.last_mut() {
            Some((p, ns)) if *p == prefix => ns.push(n),
            _ => groups.push((prefix, vec![n])),
        }
    }
    let prefixes: Vec<&str> = groups.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        prefixes,
        [
            "T1648-AWS",
            "T1648-GCP",
            "T1648-AZ",
            "T1648-PA",
            "T1648-GWS"
        ]
    );
    for (p, ns) in &groups {
        assert_eq!(*ns, (1..=ns.len() as u32).collect::<Vec<_>>(), "{p}");
    }
    for r in rules.as_array().unwrap() {
        assert_eq!(r["technique"], "T1648");
        assert!(!r["remediation"].as_str().unwrap().is_empty());
    }
    let table = fnscope(None, dir.path(), &["rules"]);
    assert!(stdout(&table).contains("T1648-AWS-006"));
    // The Azure custom role lists exactly the collector's read actions.
    let role = fnscope(None, dir.path(), &["permissions", "azure"]);
    assert_eq!(role.status.code(), Some(0));
    let role: Value = serde_json::from_str(&stdout(&role)).unwrap();
    let actions = role["Actions"].as_array().unwrap();
    assert!(
        actions
            .iter()
            .all(|a| a.as_str().unwrap().ends_with("/read")),
        "{actions:?}"
    );
    assert!(
        actions
            .iter()
            .any(|a| a == "Microsoft.Authorization/roleAssignments/read")
    );
}

#[test]
fn gcp_example_project_yields_exactly_the_planted_findings() {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "gcp",
            "--offline",
            &estate(),
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut got: Vec<(String, String, String)> = report["findings"]
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
        .collect();
    got.sort();
    let appspot = "acme-fn-prod@appspot.gserviceaccount.com";
    let compute = "418213377911-compute@developer.gserviceaccount.com";
    let iam_sync = "iam-sync@acme-fn-prod.iam.gserviceaccount.com";
    let ci = "ci-deployer@acme-fn-prod.iam.gserviceaccount.com";
    let mut want: Vec<(String, String, String)> = Vec::new();
    let mut add = |r: &str, s: &str, t: &str| {
        want.push((format!("T1648-GCP-{r}"), s.to_string(), t.to_string()))
    };
    // Deployers with actAs over the project: the folder's platform group, the human editor, the CI
    // account's custom role, and the default accounts (Editor) reach every privileged account —
    // except one holding only what they already hold: an Editor gains nothing by running code as
    // the other Editor accounts (dev, App Engine default and Compute default are all Editors).
    for subject in [
        "platform@acme.example",
        "dev@acme.example",
        ci,
        appspot,
        compute,
    ] {
        for target in [appspot, compute, iam_sync, ci] {
            let editor = [appspot, compute, "dev@acme.example"].contains(&subject);
            // Editor holds what the other Editors hold, and every permission of iam-sync's Service
            // Account Key Admin; the folder's platform group (Cloud Functions Developer and Service
            // Account User) holds every permission of ci-deployer's custom fnDeployer role.
            let gains_nothing = (editor && [appspot, compute, iam_sync].contains(&target))
                || (subject == "platform@acme.example" && target == ci);
            if subject != target && !gains_nothing {
                add("001", subject, target);
            }
        }
    }
    add("002", "legacy-mailer", appspot); // 1st gen, no account named: App Engine default with Editor
    add("002", "thumbnails", compute); // 2nd gen, no account named: compute default with Editor
    add("003", "on-iam-change", iam_sync); // key admin runtime account
    add("003", "report-builder", iam_sync); // a Cloud Run function deployed through the Run API
    add("004", "legacy-mailer", appspot); // allUsers invoker on a critical function
    add("004", "report-builder", iam_sync); // invokerIamDisabled on a privileged Run function
    add("005", "ceo@acme.example", "organizations/684220931133");
    add("005", "dev@acme.example", "projects/acme-fn-prod");
    add(
        "008",
        "analyst@acme.example",
        "roles/cloudfunctions.developer",
    );
    // From the audit log: a function deployed as iam-sync and made public 30 minutes later (the
    // legacy mailer made public 61 minutes after its update is not), and iam-sync creating a key.
    add("006", "dev@acme.example", iam_sync);
    add("007", iam_sync, ci);
    // Each change on its own (GCP-009): the iam-sync deployment (raised by GCP-006's sequence) and
    // the legacy mailer made public 61 minutes after its update.
    add("009", "dev@acme.example", "quick-fix");
    add("009", "dev@acme.example", "legacy-mailer");
    // Every public function or service, graded by its account (GCP-010).
    add("010", "anyone", "legacy-mailer");
    add("010", "anyone", "report-builder");
    add("010", "anyone", "exporter");
    want.sort();
    assert_eq!(got, want);
    // analyst holds actAs only on the harmless exporter account: no GCP-001 for analyst.
    // exporter is public but harmless: no GCP-004 for it.
    let s = std::fs::read_to_string(&snap).unwrap();
    assert!(
        !s.contains("SG.4fG7hJ2kL9mN1pQ3rS5tU7vW9xY1zA3bC5dE7fG") && !s.contains("xoxb-2214"),
        "a secret value reached the snapshot"
    );
    let v: Value = serde_json::from_str(&s).unwrap();
    let legacy = v["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == "legacy-mailer")
        .unwrap();
    assert_eq!(legacy["details"]["service_account_defaulted"], true);
    assert_eq!(legacy["exposure"]["public"], true);
    let exporter = v["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["name"] == "exporter")
        .unwrap();
    assert_eq!(
        exporter["secret_like_env_vars"],
        serde_json::json!(["SENDGRID_API_KEY"])
    );
    assert_eq!(
        v["targets"][0]["ancestors"],
        serde_json::json!(["folders/77120034", "organizations/684220931133"])
    );
}

#[test]
fn gcloud_v1_run_service_listing_is_read_like_the_v2_one() {
    let work = tempfile::tempdir().unwrap();
    let root = work.path().join("estate");
    let project = root.join("gcp/acme-fn-prod");
    crate::harness::copy_dir(&repo().join("examples/estate/gcp/acme-fn-prod"), &project);
    let scan = |dir: &std::path::Path| -> Value {
        let out = fnscope(
            None,
            work.path(),
            &[
                "scan",
                "gcp",
                "--offline",
                dir.to_str().unwrap(),
                "--format",
                "json",
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let v2 = scan(&root);
    // What `gcloud run services list --format=json` prints for the same services (Knative v1).
    let knative = serde_json::json!([
      {
        "apiVersion": "serving.knative.dev/v1",
        "kind": "Service",
        "metadata": {
          "name": "report-builder",
          "namespace": "418213377911",
          "labels": {"cloud.googleapis.com/location": "europe-west1"},
          "annotations": {
            "serving.knative.dev/creator": "dev@acme.example",
            "serving.knative.dev/lastModifier": "dev@acme.example",
            "run.googleapis.com/ingress": "all",
            "run.googleapis.com/invoker-iam-disabled": "true",
            "run.googleapis.com/build-function-target": "buildReport",
            "run.googleapis.com/build-base-image": "nodejs22"
          },
          "creationTimestamp": "2026-09-14T08:30:00.000Z"
        },
        "spec": {"template": {"spec": {
          "serviceAccountName": "iam-sync@acme-fn-prod.iam.gserviceaccount.com",
          "containers": [{"image": "europe-west1-docker.pkg.dev/acme-fn-prod/cloud-run-source-deploy/report-builder",
                          "env": [{"name": "SLACK_WEBHOOK_TOKEN", "value": "xoxb-2214-88812-Zk7Qw3Er5Ty7Ui9Op1As3Df5"}]}]
        }}},
        "status": {"url": "https://report-builder-abc123-ew.a.run.app"}
      },
      {
        "apiVersion": "serving.knative.dev/v1",
        "kind": "Service",
        "metadata": {"name": "web-frontend", "labels": {"cloud.googleapis.com/location": "us-central1"}},
        "spec": {"template": {"spec": {"serviceAccountName": "exporter@acme-fn-prod.iam.gserviceaccount.com", "containers": []}}}
      }
    ]);
    std::fs::write(project.join("run-services.json"), knative.to_string()).unwrap();
    let v1 = scan(&root);
    let run_findings = |r: &Value| -> Vec<(String, String)> {
        let mut v: Vec<_> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["subject"]["name"] == "report-builder")
            .map(|f| {
                (
                    f["rule_id"].as_str().unwrap().to_string(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(run_findings(&v1), run_findings(&v2));
    assert_eq!(run_findings(&v1).len(), 2, "GCP-003 and GCP-004");
    assert!(!stdout_contains_secret(&v1));

    // A malformed listing names the file and the field.
    std::fs::write(
        project.join("run-services.json"),
        r#"{"services": [{"name": 7}]}"#,
    )
    .unwrap();
    let out = fnscope(
        None,
        work.path(),
        &["scan", "gcp", "--offline", root.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run-services.json") && stderr(&out).contains("name"),
        "{}",
        stderr(&out)
    );
}

fn stdout_contains_secret(v: &Value) -> bool {
    v.to_string().contains("xoxb-2214")
}

#[test]
fn power_automate_example_environment_yields_exactly_the_planted_findings() {
    let (report, saved) = offline_with_snapshot("power-automate");
    let got = rule_subject_severity_path(&report, "action");
    let t = |r: &str, s: &str, sev: &str, p: &str| {
        (
            format!("T1648-{r}"),
            s.to_string(),
            sev.to_string(),
            p.to_string(),
        )
    };
    let mut want = vec![
        // Every message forwarded outside, no filter, running.
        t(
            "PA-001",
            "sample1-forward-all-mail-external",
            "critical",
            "Forward_an_email_(V2)",
        ),
        // Anonymous SharePoint link on every new file, then mailed outside.
        t(
            "PA-002",
            "sample2-sharepoint-anon-link-on-new-file",
            "critical",
            "Create_sharing_link_for_a_file_or_folder",
        ),
        // Anonymous OneDrive link: high, one lower because DLP blocks CreateShareLinkV2.
        t(
            "PA-002",
            "sample3-onedrive-anon-link",
            "medium",
            "Create_share_link",
        ),
        // Attachments posted to an outside webhook on every message.
        t(
            "PA-003",
            "sample4-http-exfil-attachments",
            "critical",
            "Apply_to_each_attachment/HTTP",
        ),
        // A forward three levels deep to a look-alike domain; the trigger filters on the subject.
        t(
            "PA-001",
            "sample6-nested-lookalike-forward",
            "high",
            "Apply_to_each/Condition/Forward_email",
        ),
        // Forward everything outside, but the flow is stopped.
        t(
            "PA-001",
            "sample7-stopped-forward-all",
            "high",
            "Forward_an_email_(V2)",
        ),
        // The recipient is an expression.
        t(
            "PA-001",
            "sample8-reply-to-sender",
            "medium",
            "Send_an_email_(V2)",
        ),
        // A client secret written into an HTTP action (to an allowed host).
        t(
            "PA-003",
            "sample9-graph-report-with-embedded-secret",
            "medium",
            "",
        ),
        // An Environment Maker who owns no flow and made none in 90 days.
        t("PA-005", "intern@contoso.com", "low", ""),
        // From the Purview log: a first-time maker creates the look-alike forward. ops edits a
        // risky flow but edited one 16 days before; intern edits a flow no rule reports.
        t("PA-004", "newhire@contoso.com", "high", ""),
        // Each write of a risky flow on its own (PA-006): the look-alike forward, and ops's edit of
        // the flow whose recipient is an expression.
        t("PA-006", "newhire@contoso.com", "medium", ""),
        t("PA-006", "ops@contoso.com", "medium", ""),
    ];
    want.sort();
    assert_eq!(got, want);
    // sample5 forwards to the tenant's own domain, sample6's else-branch to a subdomain: no finding.
    let s = report.to_string();
    assert!(!s.contains("sample5-benign-internal-forward"));
    assert!(!s.contains("ap@eu.contoso.com"));
    // The finding names both the flow's maker and the connection owner it acts as.
    let f1 = &report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["subject"]["name"] == "sample6-nested-lookalike-forward")
        .unwrap()["evidence"];
    assert!(f1.to_string().contains("acts as ops@contoso.com"), "{f1}");
    // A credential in a definition never reaches the snapshot or the report.
    assert!(!saved.contains("planted.secret") && !s.contains("planted.secret"));
}

#[test]
fn apps_script_example_domain_yields_exactly_the_planted_findings() {
    let (report, saved) = offline_with_snapshot("apps-script");
    let got = rule_subject_severity_path(&report, "code");
    let t = |r: &str, s: &str, sev: &str, at: &str| {
        (
            format!("T1648-{r}"),
            s.to_string(),
            sev.to_string(),
            at.to_string(),
        )
    };
    let mut want = vec![
        // Reads the sheet and posts it, through an alias and a constant, on an hourly trigger.
        t(
            "GWS-001",
            "Invoice sync",
            "critical",
            "Code.gs:19 (in pushRows)",
        ),
        t(
            "GWS-004",
            "Invoice sync",
            "medium",
            "Code.gs:13 (in installTriggers)",
        ),
        // Forwards to a look-alike of the domain on a timer (the subdomain forward is not a finding).
        t(
            "GWS-002",
            "Mail helper",
            "critical",
            "main.js:9 (in forwardInvoices)",
        ),
        t("GWS-004", "Mail helper", "medium", "main.js:2 (in setup)"),
        t("GWS-006", "Mail helper", "medium", ""),
        // Shares every file of a folder with anyone, in an on-edit trigger.
        t(
            "GWS-003",
            "Share reports",
            "critical",
            "Code.gs:5 (in publishAll)",
        ),
        t("GWS-006", "Share reports", "medium", ""),
        // Returns the user's token from an anonymous web app running as its deployer.
        t("GWS-005", "Token relay", "critical", "Code.gs:3 (in doGet)"),
        t("GWS-006", "Token relay", "high", ""),
        // Makes an account admin every day.
        t(
            "GWS-007",
            "Directory tool",
            "critical",
            "Code.gs:6 (in ensureHelpdeskAdmin)",
        ),
        t(
            "GWS-004",
            "Directory tool",
            "medium",
            "Code.gs:2 (in install)",
        ),
        t("GWS-006", "Directory tool", "medium", ""),
        // From the Reports API: ap.clerk grants the Mail helper full Gmail and turns on forwarding
        // out of the domain six hours later. The Invoice sync grant has no restricted scope; the
        // analyst's file goes public 25 hours after the grant.
        t("GWS-008", "ap.clerk@northwind.example", "high", ""),
        // Each restricted grant on its own (GWS-009): high when the forwarding followed, medium for
        // the analyst's grant to Share reports.
        t("GWS-009", "ap.clerk@northwind.example", "high", ""),
        t("GWS-009", "analyst@northwind.example", "medium", ""),
        // The anonymous web app running as its deployer with Drive scopes (GWS-010).
        t("GWS-010", "anyone", "high", ""),
    ];
    want.sort();
    assert_eq!(got, want);
    let s = report.to_string();
    // drive.file only and an internal mail: nothing; URLs in comments: nothing.
    assert!(!s.contains("Notes export"));
    assert!(!s.contains("old-collector.example") && !s.contains("commented-out.example"));
    // The report says how much of the domain was seen.
    let c = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "directory:tokens.list")
        .unwrap();
    assert_eq!(c["status"], "partial");
    assert!(
        c["detail"]
            .as_str()
            .unwrap()
            .contains("Quarterly close helper")
    );
    // No source text in the snapshot: not the comments, not the payload code.
    assert!(!saved.contains("no longer used") && !saved.contains("JSON.stringify"));
}

/// An offline scan of one provider of the example estate: the JSON report and the saved snapshot's text.
fn offline_with_snapshot(provider: &str) -> (Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("s.json");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            provider,
            "--offline",
            &estate(),
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "stderr: {}", stderr(&out));
    (
        serde_json::from_str(&stdout(&out)).unwrap(),
        std::fs::read_to_string(&snap).unwrap(),
    )
}

/// (rule, subject, severity, path of the first evidence of `kind`) of every finding, sorted.
fn rule_subject_severity_path(report: &Value, kind: &str) -> Vec<(String, String, String, String)> {
    let mut got: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["kind"] == kind)
                .map(|e| e["path"].as_str().unwrap().to_string())
                .unwrap_or_default();
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["subject"]["name"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                path,
            )
        })
        .collect();
    got.sort();
    got
}

#[test]
fn nesting_ten_thousand_levels_deep_is_an_error_naming_the_file_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("estate");
    copy_dir(&repo().join("examples/estate"), &copy);
    // 10,000 nested scopes in a flow definition; a policy document nested as deep.
    let mut scopes = String::from(r#"{"type":"Compose","inputs":1}"#);
    for i in 0..10_000 {
        scopes = format!(r#"{{"type":"Scope","actions":{{"s{i}":{scopes}}}}}"#);
    }
    let flow = copy.join(
        "power-automate/Default-72f988bf-0000-4000-8000-2d7cd011db47/flows/flow_sample1.json",
    );
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&flow).unwrap()).unwrap();
    v["properties"]["definition"]["actions"] = serde_json::json!({"deep": "PLACEHOLDER"});
    let text = serde_json::to_string(&v)
        .unwrap()
        .replace(r#""PLACEHOLDER""#, &scopes);
    std::fs::write(&flow, text).unwrap();
    // One flow too deep to read is a record naming it; the other flows are evaluated (exit 1).
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "power-automate",
            "--offline",
            copy.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let record = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "flow:export")
        .expect("a record for the unreadable flow");
    let detail = record["detail"].as_str().unwrap();
    assert!(detail.contains("flow_sample1.json"), "{detail}");
    assert!(detail.contains("recursion limit"), "{detail}");
    assert!(!report["findings"].as_array().unwrap().is_empty());

    let deep_policy = format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000));
    let auth = copy.join(format!(
        "aws/{ACCT}/iam/get-account-authorization-details.json"
    ));
    let text = std::fs::read_to_string(&auth).unwrap();
    let text = text.replacen(
        r#""Version""#,
        &format!(r#""Deep":{deep_policy},"Version""#),
        1,
    );
    std::fs::write(&auth, text).unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--offline", copy.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("get-account-authorization-details.json"),
        "{}",
        stderr(&out)
    );

    // A snapshot nested as deep.
    let snap = dir.path().join("deep.json");
    std::fs::write(
        &snap,
        format!(r#"{{"schema":"fnscope.snapshot/v1","deep":{deep_policy}}}"#),
    )
    .unwrap();
    let out = fnscope(None, dir.path(), &["check", snap.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("deep.json"), "{}", stderr(&out));
}

#[test]
fn conventions_users_expect() {
    let dir = tempfile::tempdir().unwrap();
    // `--output -` is standard output, not a file named `-`.
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--format",
            "json",
            "--output",
            "-",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("\"schema\": \"fnscope.report/v1\""));
    assert!(!dir.path().join("-").exists());
    // Options of live scans are refused offline, not ignored.
    for extra in [
        ["--regions", "eu-west-1"],
        ["--profile", "prod"],
        ["--gcp-project", "p"],
    ] {
        let e = estate();
        let mut args = vec!["scan", "--offline", e.as_str()];
        args.extend(extra);
        let out = fnscope(None, dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(
            stderr(&out).contains("an offline folder is read whole"),
            "{}",
            stderr(&out)
        );
    }
    // A place the report cannot be written fails before the scan.
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "--offline",
            &estate(),
            "--output",
            "no/such/folder/r.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    // A profile that is not configured is one clear line, before any call.
    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--profile", "nope", "-q"],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("--profile `nope` is in neither"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // diff's help offers only what diff writes.
    let help = stdout(&fnscope(None, dir.path(), &["diff", "--help"]));
    assert!(
        help.contains("[possible values: table, json, markdown]"),
        "{help}"
    );
    assert!(!help.contains("sarif"), "{help}");
}

#[test]
fn the_readme_rule_table_is_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(None, dir.path(), &["rules", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let generated = stdout(&out);
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme
        .find("<!-- rules: generated by `fnscope rules --format markdown`")
        .expect("the README marks its generated rule table");
    let body = &readme[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    let end = body.find("<!-- rules: end -->").unwrap();
    assert_eq!(
        &body[..end],
        generated,
        "the README's rule table drifted from the catalogue: regenerate it with `fnscope rules --format markdown`"
    );
    // One row per rule, each with what it finds.
    let rules: Value = serde_json::from_str(&stdout(&fnscope(
        None,
        dir.path(),
        &["rules", "--format", "json"],
    )))
    .unwrap();
    let rules = rules.as_array().unwrap();
    assert_eq!(generated.lines().count(), rules.len() + 2);
    assert!(
        rules
            .iter()
            .all(|r| !r["finds"].as_str().unwrap().is_empty())
    );
}
