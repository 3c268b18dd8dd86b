//! Every output format from the same findings, baseline gating, history and diff on offline estates.

use std::path::Path;

use serde_json::Value;

use crate::harness::{copy_dir, estate, fnscope, repo, stderr, stdout};

fn json_report(dir: &Path) -> Value {
    let out = fnscope(
        None,
        dir,
        &["scan", "aws", "--offline", &estate(), "--format", "json"],
    );
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn fingerprints(report: &Value) -> Vec<String> {
    let mut v: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fingerprint"].as_str().unwrap().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn sarif_is_valid_against_the_official_schema_and_carries_every_finding() {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--offline", &estate(), "--format", "sarif"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let schema: Value = serde_json::from_slice(
        &std::fs::read(repo().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does bite: an invalid level is rejected.
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "severe".into();
    assert!(!validator.is_valid(&broken));

    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let plain = rules
        .iter()
        .filter(|r| !r["id"].as_str().unwrap().contains('/'))
        .count();
    assert_eq!(plain, 51, "every rule of the catalogue");
    // Each rule's helpUri lands on its row of the README's rule table.
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for r in rules {
        let uri = r["helpUri"].as_str().unwrap();
        let (_, anchor) = uri.rsplit_once("README.md#").unwrap();
        let id = r["id"].as_str().unwrap();
        let plain_id = id.split('/').next().unwrap();
        assert_eq!(anchor, plain_id.to_ascii_lowercase(), "{uri}");
        assert!(
            readme.contains(&format!("<a id=\"{anchor}\"></a>{plain_id} |")),
            "no README anchor for {uri}"
        );
    }
    // GitHub shows a result with its rule's security-severity: each result's rule carries the
    // result's own severity (GitHub's scale: critical over 9.0, high 7.0-8.9, medium 4.0-6.9).
    for r in run["results"].as_array().unwrap() {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
        let sev: f64 = rule["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        let shown = match sev {
            s if s >= 9.0 => "critical",
            s if s >= 7.0 => "high",
            s if s >= 4.0 => "medium",
            _ => "low",
        };
        assert_eq!(shown, r["properties"]["severity"], "{r:#}");
    }
    assert!(
        run.get("automationDetails").is_none(),
        "no category unless asked: the upload step's applies"
    );
    for r in rules {
        let sev: f64 = r["properties"]["security-severity"]
            .as_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((0.0..=10.0).contains(&sev));
        assert!(
            r["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("Remediation")
        );
    }
    let results = run["results"].as_array().unwrap();
    let mut fps: Vec<String> = results
        .iter()
        .map(|r| {
            r["partialFingerprints"]["fnscopeFingerprint/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    fps.sort();
    assert_eq!(fps, fingerprints(&json_report(dir.path())));
    let backdoor = results
        .iter()
        .find(|r| r["ruleId"] == "T1648-AWS-006")
        .unwrap();
    assert_eq!(backdoor["level"], "error");
    assert_eq!(
        backdoor["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        "arn:aws:lambda:us-east-1:111122223333:function:new-user-keys"
    );
    assert_eq!(
        rules[backdoor["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "T1648-AWS-006"
    );
    // The incomplete part of the evaluation travels as a notification.
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes.iter().any(|n| {
        n["message"]["text"]
            .as_str()
            .unwrap()
            .contains("T1648-AWS-010 not evaluated")
    }));
}

#[test]
fn csv_ocsf_and_markdown_carry_the_same_findings() {
    let dir = tempfile::tempdir().unwrap();
    let want = fingerprints(&json_report(dir.path()));

    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--offline", &estate(), "--format", "csv"],
    );
    assert_eq!(out.status.code(), Some(1));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().unwrap().clone();
    let fp_col = headers.iter().position(|h| h == "fingerprint").unwrap();
    let mut got: Vec<String> = rdr
        .records()
        .map(|r| r.unwrap()[fp_col].to_string())
        .collect();
    got.sort();
    assert_eq!(got, want);

    let out = fnscope(
        None,
        dir.path(),
        &["scan", "aws", "--offline", &estate(), "--format", "ocsf"],
    );
    assert_eq!(out.status.code(), Some(1));
    let events: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut got: Vec<String> = events
        .iter()
        .map(|e| e["finding_info"]["uid"].as_str().unwrap().to_string())
        .collect();
    got.sort();
    assert_eq!(got, want);
    for e in &events {
        assert_eq!(e["class_uid"], 2004);
        assert_eq!(e["category_uid"], 2);
        assert_eq!(e["type_uid"], 200401);
        assert_eq!(e["metadata"]["version"], "1.3.0");
        assert_eq!(e["cloud"]["provider"], "AWS");
        assert_eq!(e["finding_info"]["attacks"][0]["technique"]["uid"], "T1648");
        assert!((1..=5).contains(&e["severity_id"].as_u64().unwrap()));
    }

    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--format",
            "markdown",
        ],
    );
    let md = stdout(&out);
    assert!(md.starts_with("## fnscope report"));
    assert!(
        md.contains("**6 critical · 7 high · 2 medium · 1 low**"),
        "{md}"
    );
    assert_eq!(
        md.lines()
            .filter(|l| l.starts_with("| critical")
                || l.starts_with("| high")
                || l.starts_with("| medium"))
            .count(),
        15
    );
}

#[test]
fn baseline_gates_only_on_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json.gz");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--save",
            base.to_str().unwrap(),
            "-q",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        &std::fs::read(&base).unwrap()[..2],
        &[0x1f, 0x8b],
        "a .gz snapshot is compressed"
    );

    // Same estate against its own baseline: nothing new, exit 0.
    let out = fnscope(
        None,
        dir.path(),
        &[
            "check",
            base.to_str().unwrap(),
            "--baseline",
            base.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(r["findings"].as_array().unwrap().len(), 0);
    assert_eq!(r["baseline"]["known"], 16);

    // A changed estate: only the new finding is reported and gates.
    let changed = dir.path().join("estate");
    copy_changed_estate(&changed);
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            changed.to_str().unwrap(),
            "--baseline",
            base.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<_> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap(),
                f["subject"]["name"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rules, [("T1648-AWS-004", "new-admin-fn")]);
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            changed.to_str().unwrap(),
            "--baseline",
            base.to_str().unwrap(),
            "--fail-on",
            "critical",
            "-q",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "a new high finding does not fail --fail-on critical"
    );
}

/// The example estate with a function added (running as the admin role), one removed, and a role's
/// inline policy widened.
fn copy_changed_estate(to: &Path) {
    copy_dir(&repo().join("examples/estate"), to);
    let acct = to.join("aws/111122223333");
    let lf = acct.join("us-east-1/lambda/list-functions.json");
    let mut v: Value = serde_json::from_slice(&std::fs::read(&lf).unwrap()).unwrap();
    let fns = v["Functions"].as_array_mut().unwrap();
    let mut added = fns[0].clone();
    added["FunctionName"] = "new-admin-fn".into();
    added["FunctionArn"] = "arn:aws:lambda:us-east-1:111122223333:function:new-admin-fn".into();
    added["Role"] = "arn:aws:iam::111122223333:role/service-role/ops-automation-role".into();
    fns.push(added);
    fns.retain(|f| f["FunctionName"] != "thumbnailer");
    std::fs::write(&lf, v.to_string()).unwrap();
    std::fs::remove_file(acct.join("us-east-1/lambda/get-policy/thumbnailer.json")).unwrap();
    let iam = acct.join("iam/get-account-authorization-details.json");
    let mut v: Value = serde_json::from_slice(&std::fs::read(&iam).unwrap()).unwrap();
    for r in v["RoleDetailList"].as_array_mut().unwrap() {
        if r["RoleName"] == "report-exporter-role" {
            r["RolePolicyList"][0]["PolicyDocument"]["Statement"][0]["Action"] = "*".into();
        }
    }
    std::fs::write(&iam, v.to_string()).unwrap();
}

#[test]
fn diff_of_two_scans_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let hist = dir.path().join("history");
    let changed = dir.path().join("estate");
    copy_changed_estate(&changed);
    for src in [estate(), changed.display().to_string()] {
        let out = fnscope(
            None,
            dir.path(),
            &[
                "scan",
                "aws",
                "--offline",
                &src,
                "--save-dir",
                hist.to_str().unwrap(),
                "--keep",
                "2",
                "-q",
                "--format",
                "json",
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        std::thread::sleep(std::time::Duration::from_millis(1100)); // distinct second-resolution names
    }
    let names: Vec<_> = std::fs::read_dir(&hist)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".fnscope.lock")
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    let out = fnscope(
        None,
        dir.path(),
        &[
            "diff",
            "--history",
            hist.to_str().unwrap(),
            "--since",
            "last",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a new high finding fails the default --fail-on high: {}",
        stderr(&out)
    );
    let d: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(d["schema"], "fnscope.diff/v1");
    let names = |k: &str| -> Vec<String> {
        d["resources"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("added"), ["new-admin-fn"]);
    assert_eq!(names("removed"), ["thumbnailer"]);
    assert_eq!(names("changed"), ["report-exporter-role"]);
    let change = &d["resources"]["changed"][0]["changes"][0];
    assert_eq!(
        change["field"],
        "details.inline_policies[reports-bucket].document"
    );
    assert_eq!(change["new"]["Statement"][0]["Action"], "*");
    assert_eq!(d["findings"]["new"].as_array().unwrap().len(), 1);
    assert_eq!(d["findings"]["new"][0]["rule_id"], "T1648-AWS-004");
    assert_eq!(d["findings"]["resolved"].as_array().unwrap().len(), 0);
    assert_eq!(d["findings"]["unchanged"], 16);

    // --fail-on applies to new findings only.
    let out = fnscope(
        None,
        dir.path(),
        &[
            "diff",
            "--history",
            hist.to_str().unwrap(),
            "--since",
            "last",
            "--fail-on",
            "critical",
            "-q",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    // Reversed: the finding is resolved, nothing new.
    let mut files: Vec<_> = std::fs::read_dir(&hist)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.ends_with(".fnscope.lock"))
        .collect();
    files.sort();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "diff",
            files[1].to_str().unwrap(),
            files[0].to_str().unwrap(),
            "--format",
            "markdown",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let md = stdout(&out);
    assert!(md.contains("### Resolved findings"), "{md}");
    assert!(
        md.contains(
            "statement 0: Allow \\* on arn:aws:s3:::acme-reports/\\* → Allow s3:GetObject, s3:PutObject"
        ),
        "{md}"
    );
}

/// Headless Chromium (Debian's `chromium`; `.ci/run` and `scripts/test` install it). Set
/// FNSCOPE_SKIP_BROWSER=1 to skip the browser check on a machine without it.
fn chromium() -> Option<std::path::PathBuf> {
    if std::env::var("FNSCOPE_SKIP_BROWSER").is_ok_and(|v| v == "1") {
        return None;
    }
    let found = std::env::var("FNSCOPE_CHROMIUM")
        .map(std::path::PathBuf::from)
        .ok()
        .or_else(|| {
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
                .iter()
                .map(std::path::PathBuf::from)
                .find(|p| p.exists())
        });
    assert!(
        found.is_some(),
        "headless Chromium is needed: apt-get install chromium (or set FNSCOPE_SKIP_BROWSER=1)"
    );
    found
}

#[test]
fn html_report_is_self_contained_and_renders_its_graphs_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--format",
            "html",
            "--output",
            html.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = std::fs::read_to_string(&html).unwrap();
    // Nothing to fetch: no script, no external reference, and a CSP that forbids fetching.
    assert!(text.contains("default-src 'none'"));
    for banned in ["<script", "src=", "href=", "@import", "url(http"] {
        assert!(!text.contains(banned), "{banned} in the report");
    }
    // A URL may be shown as text (a function URL in evidence), never as an attribute value.
    for quoted in ["\"https://", "'https://", "(https://"] {
        assert!(!text.contains(quoted), "{quoted} in the report");
    }
    assert_eq!(
        text.matches("<svg class=\"path\"").count(),
        15,
        "one picture per finding with a target"
    );

    let Some(browser) = chromium() else { return };
    let profile = tempfile::tempdir().unwrap();
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let url = format!("file://{}", html.display());
    let dom = std::process::Command::new(&browser)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let rendered = String::from_utf8_lossy(&dom.stdout);
    assert!(rendered.contains("6 critical"), "the summary rendered");
    assert!(
        rendered.contains("iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction"),
        "the AWS-001 path picture rendered"
    );
    assert!(rendered.contains("<svg class=\"path\""));
    let png = dir.path().join("shot.png");
    let shot = std::process::Command::new(&browser)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args([
            "--window-size=1200,900",
            &format!("--screenshot={}", png.display()),
            &url,
        ])
        .output()
        .unwrap();
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
        "a real screenshot ({} bytes)",
        bytes.len()
    );
}

/// Saves a scan of `src` (all providers) to `snap`; the scan's own exit code.
fn save_scan(dir: &Path, src: &Path, snap: &Path, only: &[&str]) {
    let mut args = vec!["scan"];
    args.extend(only);
    args.extend([
        "--offline",
        src.to_str().unwrap(),
        "--save",
        snap.to_str().unwrap(),
        "--format",
        "json",
        "-q",
    ]);
    let out = fnscope(None, dir, &args);
    assert!(matches!(out.status.code(), Some(1 | 3)), "{}", stderr(&out));
}

#[test]
fn diff_says_unknown_for_what_the_new_run_did_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let est = dir.path().join("estate");
    copy_dir(Path::new(&estate()), &est);
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    save_scan(dir.path(), &est, &a, &[]);
    // The IAM export is gone: the AWS findings that need it are not resolved, they are unknown.
    std::fs::remove_file(est.join("aws/111122223333/iam/get-account-authorization-details.json"))
        .unwrap();
    save_scan(dir.path(), &est, &b, &[]);
    let run = |format: &str, extra: &[&str]| {
        let mut args = vec![
            "diff",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            format,
        ];
        args.extend(extra);
        fnscope(None, dir.path(), &args)
    };
    let out = run("json", &[]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "nothing new, but not everything seen: incomplete, not a pass: {}",
        stderr(&out)
    );
    let d: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(d["findings"]["resolved"].as_array().unwrap().len(), 0);
    let unknown = d["findings"]["unknown"].as_array().unwrap();
    assert!(unknown.len() >= 10, "{unknown:#?}");
    assert!(unknown.iter().all(|f| f["provider"] == "aws"));
    assert!(
        unknown
            .iter()
            .any(|f| f["rule_id"] == "T1648-AWS-001" && f["severity"] == "critical")
    );
    assert!(unknown.iter().all(|f| f["unknown_because"].is_string()));
    assert_eq!(d["resources"]["removed"].as_array().unwrap().len(), 0);
    assert!(!d["resources"]["unknown"].as_array().unwrap().is_empty());
    assert_eq!(d["new"]["complete"], false);
    assert!(
        d["new"]["incomplete"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["api"] == "iam:GetAccountAuthorizationDetails")
    );
    assert_eq!(d["same_scope"], true);
    // --allow-partial accepts it.
    assert_eq!(run("json", &["--allow-partial"]).status.code(), Some(0));
    // Markdown and table say the same.
    let md = stdout(&run("markdown", &[]));
    assert!(md.contains("### Unknown: not seen by the new run"), "{md}");
    assert!(md.contains(" 0 resolved, "), "{md}");
    assert!(md.contains("iam:GetAccountAuthorizationDetails"), "{md}");
    let table = stdout(&run("table", &[]));
    assert!(table.contains("UNKNOWN  CRITICAL T1648-AWS-001"), "{table}");
    assert!(table.contains("New run (INCOMPLETE): "), "{table}");
    assert!(
        table.contains("    skipped iam:GetAccountAuthorizationDetails 111122223333"),
        "{table}"
    );

    // A narrower scope: the other providers' findings are unknown, and the diff says so first.
    let c = dir.path().join("c.json");
    save_scan(dir.path(), &est, &c, &["aws"]);
    let out = run_pair(dir.path(), &a, &c);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let d: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(d["same_scope"], false);
    assert!(
        d["scope_note"]
            .as_str()
            .unwrap()
            .contains("only the old run scanned gcp:acme-fn-prod")
    );
    assert_eq!(d["findings"]["resolved"].as_array().unwrap().len(), 0);
    assert!(
        d["findings"]["unknown"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["provider"] == "azure")
    );
    let table = stdout(&fnscope(
        None,
        dir.path(),
        &[
            "diff",
            a.to_str().unwrap(),
            c.to_str().unwrap(),
            "--format",
            "table",
        ],
    ));
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .starts_with("The runs scanned different scopes"),
        "{table}"
    );
}

fn run_pair(dir: &Path, a: &Path, b: &Path) -> std::process::Output {
    fnscope(
        None,
        dir,
        &[
            "diff",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ],
    )
}

#[test]
fn sarif_with_a_baseline_keeps_every_finding_with_its_baseline_state() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.json");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &estate(),
            "--save",
            base.to_str().unwrap(),
            "-q",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    // The same estate against itself: nothing new, so the gate passes, and every alert stays open.
    let sarif_of = |est: &str, extra: &[&str]| {
        let mut args = vec![
            "scan",
            "aws",
            "--offline",
            est,
            "--format",
            "sarif",
            "--baseline",
            base.to_str().unwrap(),
        ];
        args.extend(extra);
        fnscope(None, dir.path(), &args)
    };
    let out = sarif_of(&estate(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), fingerprints(&json_report(dir.path())).len());
    assert!(results.iter().all(|r| r["baselineState"] == "unchanged"));
    assert!(sarif["runs"][0].get("automationDetails").is_none());
    // A changed estate: the new finding is new, the rest unchanged; an asked category is used.
    let changed = dir.path().join("estate");
    copy_changed_estate(&changed);
    let out = sarif_of(
        changed.to_str().unwrap(),
        &["--sarif-category", "fnscope-prod"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the new high finding fails the gate"
    );
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let run = &sarif["runs"][0];
    assert_eq!(run["automationDetails"]["id"], "fnscope-prod/");
    let states: Vec<&str> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert_eq!(
        states.iter().filter(|s| **s == "new").count(),
        1,
        "{states:?}"
    );
    assert!(
        states.iter().filter(|s| **s == "unchanged").count() >= 10,
        "{states:?}"
    );
}

#[test]
fn the_periodic_audit_example_runs_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_fnscope"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = || {
        std::process::Command::new("bash")
            .arg(repo().join("examples/ci/periodic-audit.sh"))
            .env("PATH", &path)
            .env("FNSCOPE_HISTORY", dir.path().join("history"))
            .env("FNSCOPE_OUT", dir.path().join("out"))
            .env("FNSCOPE_SCAN_ARGS", format!("--offline {}", estate()))
            .env_remove("FNSCOPE_WEBHOOK")
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(dir.path().join("out/report.json").exists());
    std::thread::sleep(std::time::Duration::from_millis(1100)); // distinct history names
    let second = run();
    assert_eq!(
        second.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    let md = std::fs::read_to_string(dir.path().join("out/changes.md")).unwrap();
    assert!(md.contains("## fnscope: what changed"), "{md}");
    assert!(md.contains("0 new, 0 resolved, 0 unknown"), "{md}");
}

/// The example account's reports in every machine-read format, held by snapshots: any change to a
/// field, an order or a message shows in review (times and the version are set to placeholders).
#[test]
fn the_example_reports_and_the_catalogue_are_snapshotted() {
    let dir = tempfile::tempdir().unwrap();
    let run = |format: &str| {
        let out = fnscope(
            None,
            dir.path(),
            &["scan", "aws", "--offline", &estate(), "--format", format],
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        stdout(&out)
    };
    let stable = |text: String| {
        let version = env!("CARGO_PKG_VERSION");
        let mut v: Value = serde_json::from_str(&text).unwrap();
        fn walk(v: &mut Value, version: &str) {
            match v {
                Value::Object(m) => {
                    for (k, x) in m.iter_mut() {
                        if [
                            "generated_at",
                            "taken_at",
                            "startTimeUtc",
                            "endTimeUtc",
                            "time",
                        ]
                        .contains(&k.as_str())
                            && x.is_string()
                        {
                            *x = Value::String("<time>".into());
                        } else if x.as_str() == Some(version) {
                            *x = Value::String("<version>".into());
                        } else {
                            walk(x, version);
                        }
                    }
                }
                Value::Array(a) => a.iter_mut().for_each(|x| walk(x, version)),
                _ => {}
            }
        }
        walk(&mut v, version);
        // Paths in evidence and coverage are where the estate is: the checkout's, whatever it is.
        serde_json::to_string_pretty(&v)
            .unwrap()
            .replace(&repo().display().to_string(), "<repo>")
    };
    insta::assert_snapshot!("example_aws_report_json", stable(run("json")));
    insta::assert_snapshot!("example_aws_report_sarif", stable(run("sarif")));
    // The text formats: the checkout path as a placeholder (they carry no times).
    let text = |t: String| t.replace(&repo().display().to_string(), "<repo>");
    insta::assert_snapshot!("example_aws_report_markdown", text(run("markdown")));
    insta::assert_snapshot!("example_aws_report_table", text(run("table")));
    let rules = fnscope(None, dir.path(), &["rules", "--format", "json"]);
    insta::assert_snapshot!("rule_catalogue", stable(stdout(&rules)));
}
