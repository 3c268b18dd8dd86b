//! Microsoft Purview (unified audit log) records of Power Automate: `Search-UnifiedAuditLog` output or
//! the portal's export (the record in an `AuditData` JSON string), or Management Activity API records.
//!
//! Kept: every *Created flow* / *Edited flow* (PA-004 needs each maker's history, and they are rare).

use fnscope_snapshot::audit::PA_FLOW_WRITES;
use fnscope_snapshot::{AuditEvent, Provider};
use serde_json::Value;

use super::{Class, Norm, attr, s, time_at};

pub fn is_record(v: &Value) -> bool {
    let inner = v
        .get("AuditData")
        .is_some_and(|a| a.is_string() || a.is_object());
    inner
        || (v.get("CreationTime").is_some()
            && v.get("Operation").is_some()
            && v.get("Workload").is_some())
}

pub fn normalize(v: &Value, source: &str) -> Result<Norm, String> {
    let parsed;
    let r = match v.get("AuditData") {
        Some(Value::String(raw)) => {
            parsed = serde_json::from_str::<Value>(raw)
                .map_err(|e| format!("{source}: `AuditData` is not JSON: {e}"))?;
            &parsed
        }
        Some(inner @ Value::Object(_)) => inner,
        _ => v,
    };
    let time = time_at(r, "/CreationTime", source)?;
    // The flow's details URL names its environment and id:
    // https://make.powerautomate.com/environments/{env}/flows/{flow}/details
    let url = s(r, "/FlowDetailsUrl").unwrap_or_default();
    let after = |key: &str| {
        url.split('/')
            .skip_while(|p| !p.eq_ignore_ascii_case(key))
            .nth(1)
            .map(str::to_string)
    };
    let env = after("environments").unwrap_or_else(|| "*".into());
    if s(r, "/ResultStatus").is_some_and(|x| x.eq_ignore_ascii_case("failed")) {
        return Ok(Norm::Failed {
            provider: Provider::PowerAutomate,
            target: env,
            time,
        });
    }
    let flow = after("flows").or_else(|| {
        s(r, "/ObjectId")
            .filter(|o| o.len() >= 32 && o.contains('-'))
            .map(str::to_string)
    });
    let mut e = AuditEvent {
        provider: Provider::PowerAutomate,
        target: env,
        id: s(r, "/Id").unwrap_or(source).to_string(),
        time,
        actor: s(r, "/UserId").unwrap_or("unknown").to_ascii_lowercase(),
        action: s(r, "/Operation").unwrap_or_default().to_string(),
        resource: flow.map(|f| f.to_ascii_lowercase()),
        source_ip: s(r, "/ClientIP").map(str::to_string),
        attrs: Default::default(),
        source: source.to_string(),
    };
    if let Some(c) = s(r, "/FlowConnectorNames") {
        for name in c.split(',') {
            attr(&mut e, "connectors", name.trim());
        }
    }
    Ok(Norm::Event(e))
}

pub fn classify(e: &AuditEvent) -> Class {
    if PA_FLOW_WRITES.contains(&e.action.as_str()) {
        Class::Keep
    } else {
        Class::Drop
    }
}
