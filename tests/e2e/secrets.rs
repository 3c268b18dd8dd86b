//! Secrets planted in every provider's exports never reach an artefact: the snapshot, a history
//! entry, a diff, any report format, or the logs at the highest verbosity.

use std::io::Read;
use std::path::Path;

use serde_json::{Value, json};

use crate::harness::{copy_dir, estate, fnscope};

const AZ: &str = "azure/5f1d0c0a-1111-4222-8333-944455556666";
const PA: &str = "power-automate/Default-72f988bf-0000-4000-8000-2d7cd011db47";

/// Each planted value is distinct, so a leak says where it came from.
const PLANTED: &[&str] = &[
    "PlantedAzSig9f8e7d6c5b4a",
    "PlantedAzUserPass3a2b",
    "PlantedGasToken7a6b5c4d",
    "PlantedGasBearer5c4d3e2f",
    "PlantedMailSubject3e2f",
    "PlantedMailBody1a0b9c8d",
    "PlantedPaPass8c7d6e5f",
    "PlantedPaCode4f3e2d1c",
    "PlantedAwsEnvValue2b1a0c",
    "PlantedGcpEnvValue6d5c4b",
    "PlantedRunJobEnv0a9b8c",
    "PlantedSlackPath7Kq2Wz9Xb4Lm",
    "PlantedDiscordPath3Hv8Tn5Rc1Gy",
];

fn edit(path: &Path, f: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    f(&mut v);
    std::fs::write(path, v.to_string()).unwrap();
}

fn plant(est: &Path) {
    // Azure: a Logic App action calling a signed callback URL, and one with user-info.
    edit(&est.join(AZ).join("logic-workflows.json"), |v| {
        let list = v.as_array_mut().unwrap();
        let actions = &mut list[0]["definition"]["actions"];
        actions["Call_signed"] = json!({"type": "Http", "inputs": {"method": "POST",
            "uri": "https://prod-01.westeurope.logic.azure.com/workflows/x/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers&sv=1.0&sig=PlantedAzSig9f8e7d6c5b4a"}});
        actions["Call_userinfo"] = json!({"type": "Http", "inputs": {"method": "GET",
            "uri": "https://svc:PlantedAzUserPass3a2b@api.partner.example/v1"}});
    });
    // Apps Script: a token in a URL, a Bearer header, a mail's subject and body.
    let code = est.join("apps-script/northwind.example/projects/invoice-sync/Leak.gs");
    std::fs::write(
        &code,
        "function leak() {\n\
         UrlFetchApp.fetch('https://api.partner.example/v1/items?token=PlantedGasToken7a6b5c4d', {headers: {Authorization: 'Bearer PlantedGasBearer5c4d3e2f'}});\n\
         GmailApp.sendEmail('ops@northwind.example', 'PlantedMailSubject3e2f', 'PlantedMailBody1a0b9c8d');\n\
         UrlFetchApp.fetch('https://discord.com/api/webhooks/112233445566778899/PlantedDiscordPath3Hv8Tn5Rc1Gy', {method: 'post'});\n\
         }\n",
    )
    .unwrap();
    // Power Automate: an HTTP action with user-info and a code in its query.
    edit(&est.join(PA).join("flows/flow_sample4.json"), |v| {
        let actions = &mut v["properties"]["definition"]["actions"];
        actions["Leak_HTTP"] = json!({"type": "Http", "inputs": {"method": "POST",
            "uri": "https://svc:PlantedPaPass8c7d6e5f@collector.partner.example/in?code=PlantedPaCode4f3e2d1c"}});
        // A webhook URL whose path is its credential.
        actions["Post_Slack"] = json!({"type": "Http", "inputs": {"method": "POST",
            "uri": "https://hooks.slack.com/services/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b4Lm"}});
    });
    // AWS: a function's environment value.
    edit(
        &est.join("aws/111122223333/us-east-1/lambda/list-functions.json"),
        |v| {
            v["Functions"][0]["Environment"] =
                json!({"Variables": {"PARTNER_SETTING": "PlantedAwsEnvValue2b1a0c"}});
        },
    );
    // GCP: a function's and a Cloud Run job's environment values.
    let gcp = est.join("gcp/acme-fn-prod");
    edit(&gcp.join("functions.json"), |v| {
        let f = &mut v.as_array_mut().unwrap()[0];
        f["serviceConfig"]["environmentVariables"] = json!({"PARTNER": "PlantedGcpEnvValue6d5c4b"});
    });
    edit(&gcp.join("run-jobs.json"), |v| {
        v["jobs"][0]["template"]["template"]["containers"][0]["env"] =
            json!([{"name": "PARTNER", "value": "PlantedRunJobEnv0a9b8c"}]);
    });
}

/// Every byte of a file, gunzipped when it is gzip.
fn bytes(p: &Path) -> Vec<u8> {
    let raw = std::fs::read(p).unwrap();
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        raw
    }
}

fn assert_clean(what: &str, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for p in PLANTED {
        assert!(!text.contains(p), "{p} leaked into {what}");
    }
}

#[test]
fn planted_secrets_reach_no_artefact() {
    let dir = tempfile::tempdir().unwrap();
    let (clean, planted) = (dir.path().join("clean"), dir.path().join("planted"));
    copy_dir(Path::new(&estate()), &clean);
    copy_dir(Path::new(&estate()), &planted);
    plant(&planted);
    // The plants are read: the estate with them still scans, and the same places are analysed.
    let hist = dir.path().join("history");
    let (a, b) = (dir.path().join("a.json.gz"), dir.path().join("b.json"));
    for (est, snap) in [(&clean, &a), (&planted, &b)] {
        let out = fnscope(
            None,
            dir.path(),
            &[
                "-vvv",
                "scan",
                "--offline",
                est.to_str().unwrap(),
                "--save",
                snap.to_str().unwrap(),
                "--save-dir",
                hist.to_str().unwrap(),
                "--format",
                "json",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_clean("the JSON report", &out.stdout);
        assert_clean("the logs at -vvv", &out.stderr);
    }
    let snap: Value = serde_json::from_slice(&bytes(&b)).unwrap();
    for host in [
        "api.partner.example",
        "hooks.slack.com/services/T0123ABCD/B0456EFGH/<redacted:",
        "discord.com/api/webhooks/112233445566778899/<redacted:",
    ] {
        assert!(
            snap.to_string().contains(host),
            "the planted calls were analysed: {host}"
        );
    }
    assert_clean("the snapshot", &bytes(&b));
    for e in std::fs::read_dir(&hist).unwrap() {
        let p = e.unwrap().path();
        assert_clean(&format!("history entry {}", p.display()), &bytes(&p));
    }
    for format in ["table", "json", "sarif", "ocsf", "csv", "markdown", "html"] {
        let out = fnscope(
            None,
            dir.path(),
            &[
                "-vvv",
                "check",
                b.to_str().unwrap(),
                "--format",
                format,
                "--wide",
                "--inventory",
            ],
        );
        assert_clean(&format!("the {format} report"), &out.stdout);
        assert_clean(&format!("the logs of check --format {format}"), &out.stderr);
    }
    for format in ["table", "json", "markdown"] {
        let out = fnscope(
            None,
            dir.path(),
            &[
                "-vvv",
                "diff",
                a.to_str().unwrap(),
                b.to_str().unwrap(),
                "--format",
                format,
                "--wide",
            ],
        );
        assert_clean(&format!("the {format} diff"), &out.stdout);
        assert_clean(&format!("the logs of diff --format {format}"), &out.stderr);
    }
}

/// Keys whose children are names the export's author chose (an action, a trigger, a connection, an
/// identity's resource id): one `*` in the reviewed list.
const AUTHOR_KEYS: &[&str] = &[
    "actions",
    "triggers",
    "connectionReferences",
    "userAssignedIdentities",
    "cases",
];

/// Appends a distinct mark to every string of `v`, noting each mark's field path.
fn mark(v: &mut Value, path: &str, marks: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            let dynamic = AUTHOR_KEYS.iter().any(|k| path.ends_with(&format!(".{k}")));
            for (k, x) in o.iter_mut() {
                let seg = if dynamic { "*" } else { k.as_str() };
                mark(x, &format!("{path}.{seg}"), marks);
            }
        }
        Value::Array(a) => {
            for x in a {
                mark(x, &format!("{path}[]"), marks);
            }
        }
        Value::String(s) => {
            s.push_str(&format!("QX{:05}XQ", marks.len()));
            marks.push(if path.is_empty() {
                ".".into()
            } else {
                path.to_string()
            });
        }
        _ => {}
    }
}

/// Every export file (JSON) under `dir`, outside audit-log folders, as paths relative to `root`.
fn export_files(root: &Path, dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "logs") {
                export_files(root, &p, out);
            }
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p.strip_prefix(root).unwrap().to_path_buf());
        }
    }
}

/// Every string of every export file of the example estate, marked (one file at a time, so the rest
/// of the estate still links up): the fields whose marks reach the snapshot are exactly those in
/// `tests/e2e/data/kept-fields.txt`, each reviewed as not a secret (names, identifiers, permissions,
/// settings the rules need). A field that starts being kept fails here until it is reviewed; one no
/// longer kept is taken off the list. Reports, diffs and logs are made from the snapshot, so what it
/// does not hold they cannot show (the planted test above checks them too).
#[test]
fn only_fields_reviewed_as_not_secret_reach_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(&estate()).to_path_buf();
    let est = dir.path().join("estate");
    copy_dir(&root, &est);
    let mut files = Vec::new();
    export_files(&root, &root, &mut files);
    assert!(files.len() > 100, "{}", files.len());
    let snap = dir.path().join("snap.json");
    let report = dir.path().join("report.json");
    let mut kept = std::collections::BTreeSet::new();
    for rel in &files {
        let original = std::fs::read(root.join(rel)).unwrap();
        let text = String::from_utf8_lossy(&original);
        let mut v: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
        let mut marks = Vec::new();
        mark(&mut v, "", &mut marks);
        std::fs::write(est.join(rel), v.to_string()).unwrap();
        let out = fnscope(
            None,
            dir.path(),
            &[
                "scan",
                "--offline",
                est.to_str().unwrap(),
                "--save",
                snap.to_str().unwrap(),
                "--output",
                report.to_str().unwrap(),
                "--format",
                "json",
                "--fail-on",
                "none",
                "-q",
            ],
        );
        assert!(
            matches!(out.status.code(), Some(0 | 3)),
            "{}: {}",
            rel.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let stored = std::fs::read_to_string(&snap).unwrap();
        let provider = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let mut rest = stored.as_str();
        while let Some(i) = rest.find("QX") {
            let m = &rest[i + 2..];
            if m.len() >= 7 && m.as_bytes()[..5].iter().all(u8::is_ascii_digit) && &m[5..7] == "XQ"
            {
                let n: usize = m[..5].parse().unwrap();
                let field = marks[n].replace("[]", "");
                let field = if field.is_empty() { ".".into() } else { field };
                kept.insert(format!("{provider}\t{field}"));
            }
            rest = m;
        }
        std::fs::write(est.join(rel), &original).unwrap();
    }
    let list = crate::harness::repo().join("tests/e2e/data/kept-fields.txt");
    let reviewed: std::collections::BTreeSet<String> = std::fs::read_to_string(&list)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    let new: Vec<&String> = kept.difference(&reviewed).collect();
    let gone: Vec<&String> = reviewed.difference(&kept).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "fields now kept in the snapshot, to review (is any a secret?) and add to {}:\n{}\n\nfields no longer kept, to take off the list:\n{}",
        list.display(),
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        gone.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
}
