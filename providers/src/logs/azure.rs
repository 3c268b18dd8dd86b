//! The Azure Activity Log: `EventData` objects as the REST API returns them and as
//! `az monitor activity-log list` prints them.
//!
//! Kept: successful serverless code or definition changes and role-assignment writes (AZ-008); both are
//! rare. `Started`/`Accepted` entries are the beginning of an operation whose outcome comes later.

use fnscope_snapshot::audit::{AZ_CODE_CHANGES, AZ_ROLE_ASSIGNMENT_WRITE};
use fnscope_snapshot::{AuditEvent, Provider};
use serde_json::Value;

use super::{Class, Norm, attr, s, time_at};

const OID_CLAIM: &str = "http://schemas.microsoft.com/identity/claims/objectidentifier";

pub fn is_record(v: &Value) -> bool {
    v.get("eventTimestamp").is_some() && v.get("operationName").is_some()
}

pub fn normalize(v: &Value, source: &str) -> Result<Norm, String> {
    let time = time_at(v, "/eventTimestamp", source)?;
    let resource = s(v, "/resourceId").map(str::to_ascii_lowercase);
    let sub = s(v, "/subscriptionId")
        .map(str::to_ascii_lowercase)
        .or_else(|| {
            resource
                .as_deref()
                .and_then(|r| r.strip_prefix("/subscriptions/"))
                .and_then(|r| r.split('/').next())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "*".into());
    let status = s(v, "/status/value").unwrap_or_default();
    match status {
        "Succeeded" => {}
        "Failed" => {
            return Ok(Norm::Failed {
                provider: Provider::Azure,
                target: sub,
                time,
            });
        }
        _ => {
            return Ok(Norm::Other {
                provider: Provider::Azure,
                target: sub,
                time,
            });
        }
    }
    let op = s(v, "/operationName/value")
        .or_else(|| s(v, "/operationName"))
        .or_else(|| s(v, "/authorization/action"))
        .unwrap_or_default();
    let claims = v.get("claims").unwrap_or(&Value::Null);
    let oid = claims.get(OID_CLAIM).and_then(Value::as_str);
    let mut e = AuditEvent {
        provider: Provider::Azure,
        target: sub,
        id: s(v, "/eventDataId").unwrap_or(source).to_string(),
        time,
        actor: s(v, "/caller").or(oid).unwrap_or("unknown").to_string(),
        action: op.to_string(),
        resource,
        source_ip: s(v, "/httpRequest/clientIpAddress")
            .or_else(|| claims.get("ipaddr").and_then(Value::as_str))
            .map(str::to_string),
        attrs: Default::default(),
        source: source.to_string(),
    };
    if let Some(oid) = oid {
        attr(&mut e, "principal", oid.to_ascii_lowercase());
    }
    if let Some(appid) = claims.get("appid").and_then(Value::as_str) {
        attr(&mut e, "appid", appid);
    }
    if let Some(c) = s(v, "/correlationId") {
        attr(&mut e, "correlation", c);
    }
    // The assignment a `roleAssignments/write` made, when the request body was logged.
    if let Some(body) = s(v, "/properties/requestbody")
        && let Ok(b) = serde_json::from_str::<Value>(body)
    {
        if let Some(p) = s(&b, "/properties/principalId") {
            attr(&mut e, "assignee", p.to_ascii_lowercase());
        }
        if let Some(r) = s(&b, "/properties/roleDefinitionId") {
            attr(&mut e, "role", r.to_ascii_lowercase());
        }
    }
    Ok(Norm::Event(e))
}

pub fn classify(e: &AuditEvent) -> Class {
    let op = e.action.to_ascii_lowercase();
    if AZ_CODE_CHANGES.contains(&op.as_str()) || op == AZ_ROLE_ASSIGNMENT_WRITE {
        Class::Keep
    } else {
        Class::Drop
    }
}
