//! OCSF 1.3 Detection Finding events (class 2004, category Findings), one JSON object per line — the
//! shape Security Lake and SIEM pipelines ingest.

use serde_json::{Value, json};

use fnscope_policies::{Evaluation, Finding, Severity};
use fnscope_snapshot::Snapshot;

const OCSF_VERSION: &str = "1.3.0";

fn severity_id(s: Severity) -> u8 {
    match s {
        Severity::Low => 2,
        Severity::Medium => 3,
        Severity::High => 4,
        Severity::Critical => 5,
    }
}

fn resource(r: &fnscope_policies::ResourceRef, region: Option<&str>) -> Value {
    let mut v = json!({"uid": r.id, "name": r.name, "type": r.kind});
    if let Some(region) = region {
        v["region"] = json!(region);
    }
    v
}

fn event(f: &Finding, snapshot: &Snapshot, time_ms: i64) -> Value {
    let region = f
        .resource
        .as_ref()
        .and_then(|r| snapshot.workload(&r.id))
        .and_then(|w| w.location.clone());
    let account = f
        .subject
        .id
        .split(':')
        .nth(4)
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    let mut resources = vec![resource(&f.subject, None)];
    for r in [&f.target, &f.resource].into_iter().flatten() {
        if r.id != f.subject.id {
            resources.push(resource(r, region.as_deref()));
        }
    }
    let (status, status_id) = if f.suppressed.is_some() {
        ("Suppressed", 3)
    } else {
        ("New", 1)
    };
    let mut ev = json!({
        "category_uid": 2,
        "category_name": "Findings",
        "class_uid": 2004,
        "class_name": "Detection Finding",
        "activity_id": 1,
        "activity_name": "Create",
        "type_uid": 200401,
        "type_name": "Detection Finding: Create",
        "time": time_ms,
        "severity_id": severity_id(f.severity),
        "severity": match f.severity { Severity::Critical => "Critical", Severity::High => "High", Severity::Medium => "Medium", Severity::Low => "Low" },
        "status_id": status_id,
        "status": status,
        "message": f.title,
        "metadata": {
            "version": OCSF_VERSION,
            "product": {"name": "fnscope", "vendor_name": "fnscope", "version": env!("CARGO_PKG_VERSION")},
            "uid": f.fingerprint,
        },
        "finding_info": {
            "uid": f.fingerprint,
            "title": f.title,
            "types": [f.rule_id],
            "desc": f.evidence.iter().map(|e| format!("{}: {}", e.kind, e.detail)).collect::<Vec<_>>().join("; "),
            "attacks": [{
                "technique": {"uid": f.mitre.technique, "name": "Serverless Execution"},
                "mitigations": f.mitre.mitigations.iter().map(|m| json!({"uid": m})).collect::<Vec<_>>(),
            }],
            "analytic": {"uid": f.rule_id, "name": f.title, "type_id": 1, "type": "Rule"},
        },
        "resources": resources,
        "cloud": {"provider": f.provider.cloud()},
        "evidences": f.evidence.iter().map(|e| json!({"data": {"kind": e.kind, "detail": e.detail, "path": e.path}})).collect::<Vec<_>>(),
        "unmapped": {"conditional": f.conditional},
    });
    if let Some(a) = account {
        ev["cloud"]["account"] = json!({"uid": a});
    }
    if let Some(r) = region {
        ev["cloud"]["region"] = json!(r);
    }
    if let Some(s) = &f.suppressed {
        ev["unmapped"]["suppression_reason"] = json!(s.reason);
    }
    ev
}

/// One OCSF event per finding, newline-delimited.
pub fn render(snapshot: &Snapshot, eval: &Evaluation) -> Result<Vec<u8>, serde_json::Error> {
    let time_ms = snapshot.taken_at.timestamp_millis();
    let mut out = Vec::new();
    for f in &eval.findings {
        serde_json::to_writer(&mut out, &event(f, snapshot, time_ms))?;
        out.push(b'\n');
    }
    Ok(out)
}
