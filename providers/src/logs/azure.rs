//! The Azure Activity Log: `EventData` objects as the REST API returns them and as
//! `az monitor activity-log list` prints them, and the records diagnostic settings write to a storage
//! account (`insights-activity-logs/…/PT1H.json`, JSON lines) or an Event Hub (`{"records": […]}`):
//! `time`, `resourceId`, `operationName` (a string), `category`, `resultType`, `identity`,
//! `properties`, as Microsoft documents the mapping between the two ("Schema from storage account and
//! event hubs" in the Activity Log event schema).
//!
//! Kept: successful serverless code or definition changes and role-assignment writes (AZ-008); both are
//! rare. `Started`/`Accepted` entries are the beginning of an operation whose outcome comes later.

use fnscope_snapshot::audit::{AZ_CODE_CHANGES, AZ_ROLE_ASSIGNMENT_WRITE};
use fnscope_snapshot::{AuditEvent, Provider};
use serde_json::Value;

use super::{Class, Norm, attr, s, time_at};

const OID_CLAIM: &str = "http://schemas.microsoft.com/identity/claims/objectidentifier";

const UPN_CLAIM: &str = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
const NAME_CLAIM: &str = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";

pub fn is_record(v: &Value) -> bool {
    (v.get("eventTimestamp").is_some() && v.get("operationName").is_some()) || is_diagnostic(v)
}

/// A record as diagnostic settings write it: a string `operationName`, `resourceId`, and a
/// `category` or `resultType` (a missing `time` is then this record's error, not another shape).
fn is_diagnostic(v: &Value) -> bool {
    v.get("operationName").is_some_and(Value::is_string)
        && v.get("resourceId").is_some()
        && (v.get("category").is_some() || v.get("resultType").is_some())
}

/// The fields both shapes share, read from wherever the shape keeps them.
struct Fields<'v> {
    time: &'static str,
    status: Option<&'v str>,
    operation: Option<&'v str>,
    claims: &'v Value,
    caller: Option<&'v str>,
    ip: Option<&'v str>,
    id: Option<&'v str>,
}

fn fields(v: &Value) -> Fields<'_> {
    if v.get("eventTimestamp").is_some() {
        let claims = v.get("claims").unwrap_or(&Value::Null);
        Fields {
            time: "/eventTimestamp",
            status: s(v, "/status/value").or_else(|| s(v, "/status")),
            operation: s(v, "/operationName/value")
                .or_else(|| s(v, "/operationName"))
                .or_else(|| s(v, "/authorization/action")),
            claims,
            caller: s(v, "/caller"),
            ip: s(v, "/httpRequest/clientIpAddress")
                .or_else(|| claims.get("ipaddr").and_then(Value::as_str)),
            id: s(v, "/eventDataId"),
        }
    } else {
        let claims = v.pointer("/identity/claims").unwrap_or(&Value::Null);
        let claim = |k: &str| {
            claims
                .get(k)
                .and_then(Value::as_str)
                .filter(|x| !x.is_empty())
        };
        Fields {
            time: "/time",
            // `Success`/`Failure` here are `Succeeded`/`Failed` in the REST shape.
            status: s(v, "/resultType").map(|r| match r {
                "Success" => "Succeeded",
                "Failure" => "Failed",
                other => other,
            }),
            operation: s(v, "/operationName"),
            claims,
            caller: claim(UPN_CLAIM)
                .or_else(|| claim(NAME_CLAIM))
                .or_else(|| claim("unique_name"))
                .or_else(|| s(v, "/identity/authorization/evidence/principalId")),
            ip: s(v, "/callerIpAddress").or_else(|| claim("ipaddr")),
            id: None,
        }
    }
}

pub fn normalize(v: &Value, source: &str) -> Result<Norm, String> {
    let f = fields(v);
    let time = time_at(v, f.time, source)?;
    // `resourceId`, else what the operation was authorised on (some exports leave the ID out).
    // Kept as logged (IDs compare case-insensitively; names keep their case).
    let resource = s(v, "/resourceId")
        .or_else(|| s(v, "/authorization/scope"))
        .or_else(|| s(v, "/properties/entity"))
        .map(str::to_string);
    let sub = s(v, "/subscriptionId")
        .map(str::to_ascii_lowercase)
        .or_else(|| {
            let r = resource.as_deref()?.to_ascii_lowercase();
            r.strip_prefix("/subscriptions/")
                .and_then(|r| r.split('/').next())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "*".into());
    match f.status.unwrap_or_default() {
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
    let op = f.operation.unwrap_or_default();
    let oid = f.claims.get(OID_CLAIM).and_then(Value::as_str);
    let mut e = AuditEvent {
        provider: Provider::Azure,
        target: sub,
        id: f.id.unwrap_or(source).to_string(),
        time,
        actor: f.caller.or(oid).unwrap_or("unknown").to_string(),
        action: op.to_string(),
        resource,
        source_ip: f.ip.map(str::to_string),
        attrs: Default::default(),
        source: source.to_string(),
    };
    if let Some(oid) = oid {
        attr(&mut e, "principal", oid.to_ascii_lowercase());
    }
    if let Some(appid) = f.claims.get("appid").and_then(Value::as_str) {
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
