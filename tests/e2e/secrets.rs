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
         }\n",
    )
    .unwrap();
    // Power Automate: an HTTP action with user-info and a code in its query.
    edit(&est.join(PA).join("flows/flow_sample4.json"), |v| {
        let actions = &mut v["properties"]["definition"]["actions"];
        actions["Leak_HTTP"] = json!({"type": "Http", "inputs": {"method": "POST",
            "uri": "https://svc:PlantedPaPass8c7d6e5f@collector.partner.example/in?code=PlantedPaCode4f3e2d1c"}});
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
    assert!(
        snap.to_string().contains("api.partner.example"),
        "the planted calls were analysed"
    );
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
