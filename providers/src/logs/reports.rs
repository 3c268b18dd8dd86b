//! The Google Workspace Reports API: `activities.list` items (`admin#reports#activity`), each holding
//! one or more events with typed parameters, as the API returns them or as exported pages.
//!
//! Kept: OAuth grants with a restricted or script scope (anchors of GWS-008, keyed by the user, 24
//! hours), and inside those windows the user's Drive visibility changes and out-of-domain mail
//! forwarding.

use chrono::Duration;
use fnscope_snapshot::audit::{WS_FORWARDING, ws_is_exposure};
use fnscope_snapshot::{AuditEvent, Provider};
use serde_json::Value;

use super::{Class, Norm, attr, s, time_at};

/// Scopes that make a grant worth a window: restricted Gmail/Drive scopes and any Apps Script scope.
fn notable_scope(scope: &str) -> bool {
    scope == "https://mail.google.com/"
        || scope.contains("/auth/gmail.")
        || scope.ends_with("/auth/drive")
        || scope.contains("/auth/drive.readonly")
        || scope.contains("/auth/script.")
        || scope.contains("/auth/admin.directory")
}

pub fn is_record(v: &Value) -> bool {
    v.pointer("/id/applicationName").is_some() && v.get("events").is_some()
}

/// The `@type` of the `protoPayload.metadata` Google Workspace writes when its audit logs are shared
/// with Cloud Logging.
const WORKSPACE_ACTIVITY: &str = "type.googleapis.com/ccc_hosted_reporting.ActivityProto";

/// A Google Workspace activity as Cloud Logging holds it (shared with Google Cloud): a `LogEntry`
/// whose `protoPayload.metadata` is an `ActivityProto` with `event[]`.
pub fn is_cloud_logging(v: &Value) -> bool {
    v.pointer("/protoPayload/metadata/@type")
        .and_then(Value::as_str)
        == Some(WORKSPACE_ACTIVITY)
}

/// The same activity in the Reports API's shape: application from the service (`oauth2` is the
/// `token` application), actor, address, unique qualifier, and each event with its parameters
/// (`multiStrValue` is `multiValue` there).
pub fn from_cloud_logging(v: &Value) -> Value {
    let p = v.get("protoPayload").unwrap_or(&Value::Null);
    let service = s(p, "/serviceName").unwrap_or_default();
    let app = match service.trim_end_matches(".googleapis.com") {
        "oauth2" => "token",
        other => other,
    };
    let events: Vec<Value> = p
        .pointer("/metadata/event")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|ev| {
            let params: Vec<Value> = ev
                .get("parameter")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|x| {
                    let mut out = serde_json::Map::new();
                    out.insert("name".into(), x.get("name").cloned().unwrap_or(Value::Null));
                    for (from, to) in [
                        ("value", "value"),
                        ("multiStrValue", "multiValue"),
                        ("boolValue", "boolValue"),
                        ("intValue", "intValue"),
                    ] {
                        if let Some(y) = x.get(from) {
                            out.insert(to.into(), y.clone());
                        }
                    }
                    Value::Object(out)
                })
                .collect();
            serde_json::json!({
                "name": ev.get("eventName").cloned().unwrap_or(Value::Null),
                "type": ev.get("eventType").cloned().unwrap_or(Value::Null),
                "parameters": params,
            })
        })
        .collect();
    serde_json::json!({
        "id": {
            "time": v.get("timestamp").cloned().unwrap_or(Value::Null),
            "applicationName": app,
            "uniqueQualifier": p.pointer("/metadata/activityId/uniqQualifier")
                .cloned()
                .or_else(|| v.get("insertId").cloned())
                .unwrap_or(Value::Null),
        },
        "actor": {"email": p.pointer("/authenticationInfo/principalEmail").cloned().unwrap_or(Value::Null)},
        "ipAddress": p.pointer("/requestMetadata/callerIp").cloned().unwrap_or(Value::Null),
        "events": events,
    })
}

pub fn normalize(v: &Value, source: &str) -> Result<Vec<Norm>, String> {
    let time = time_at(v, "/id/time", source)?;
    let app = s(v, "/id/applicationName").unwrap_or_default();
    let actor = s(v, "/actor/email")
        .or_else(|| s(v, "/actor/profileId"))
        .unwrap_or("unknown")
        .to_ascii_lowercase();
    let unique = s(v, "/id/uniqueQualifier").unwrap_or(source);
    let events = v
        .get("events")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{source}: `events` is not an array"))?;
    let mut out = Vec::new();
    for (i, ev) in events.iter().enumerate() {
        let mut e = AuditEvent {
            provider: Provider::AppsScript,
            target: "*".into(),
            id: format!("{unique}#{i}"),
            time,
            actor: actor.clone(),
            action: format!("{app}:{}", s(ev, "/name").unwrap_or_default()),
            resource: None,
            source_ip: s(v, "/ipAddress").map(str::to_string),
            attrs: Default::default(),
            source: source.to_string(),
        };
        for p in ev
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(name) = s(p, "/name") else { continue };
            if let Some(x) = s(p, "/value") {
                attr(&mut e, name, x);
            }
            for x in p
                .get("multiValue")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if let Some(x) = x.as_str() {
                    attr(&mut e, name, x);
                }
            }
            if let Some(b) = p.get("boolValue").and_then(Value::as_bool) {
                attr(&mut e, name, b.to_string());
            }
        }
        e.resource = e
            .attr("doc_id")
            .or_else(|| e.attr("client_id"))
            .map(str::to_string);
        out.push(Norm::Event(e));
    }
    if out.is_empty() {
        out.push(Norm::Other {
            provider: Provider::AppsScript,
            target: "*".into(),
            time,
        });
    }
    Ok(out)
}

pub fn classify(e: &AuditEvent) -> Class {
    match e.action.as_str() {
        "token:authorize" if e.attrs_of("scope").iter().any(|x| notable_scope(x)) => {
            Class::Anchor(vec![(
                ("actor", e.actor.clone()),
                Duration::zero(),
                Duration::hours(24),
            )])
        }
        _ if ws_is_exposure(e) => {
            let mut keys = vec![("actor", e.actor.clone())];
            if let Some(o) = e.attr("owner") {
                keys.push(("actor", o.to_ascii_lowercase()));
            }
            Class::Candidate(keys)
        }
        a if WS_FORWARDING.contains(&a) => Class::Candidate(vec![("actor", e.actor.clone())]),
        _ => Class::Drop,
    }
}
