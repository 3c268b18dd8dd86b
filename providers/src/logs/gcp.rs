//! Google Cloud Audit Logs: `LogEntry` objects with an `AuditLog` `protoPayload`, as `entries.list`
//! returns them and as `gcloud logging read --format=json` or a sink export (JSON lines) writes them.
//!
//! Kept: function and Cloud Run deployments (anchors of GCP-006, keyed by caller, resource and runtime
//! account), credential and IAM writes by service accounts (GCP-007), and near an anchor the
//! `SetIamPolicy` calls on the deployed resource and the caller's `CallFunction`s.

use chrono::Duration;
use fnscope_snapshot::audit::{
    gcp_is_credential_write as is_credential_write, gcp_is_deploy as is_deploy,
    gcp_method as method,
};
use fnscope_snapshot::{AuditEvent, Provider};
use serde_json::Value;

use super::{Class, Norm, attr, s, time_at};

pub fn is_record(v: &Value) -> bool {
    v.pointer("/protoPayload/methodName").is_some()
        && (v.get("timestamp").is_some() || v.get("receiveTimestamp").is_some())
}

pub fn normalize(v: &Value, source: &str) -> Result<Norm, String> {
    let time =
        time_at(v, "/timestamp", source).or_else(|_| time_at(v, "/receiveTimestamp", source))?;
    let project = s(v, "/resource/labels/project_id")
        .map(str::to_string)
        .or_else(|| {
            s(v, "/logName").and_then(|l| {
                l.strip_prefix("projects/")
                    .and_then(|r| r.split('/').next())
                    .map(str::to_string)
            })
        })
        .unwrap_or_else(|| "*".into());
    let failed = v
        .pointer("/protoPayload/status/code")
        .and_then(Value::as_i64)
        .is_some_and(|c| c != 0);
    if failed {
        return Ok(Norm::Failed {
            provider: Provider::Gcp,
            target: project,
            time,
        });
    }
    let p = v.get("protoPayload").unwrap_or(&Value::Null);
    // A long-running operation logs its start and its end; the end repeats the request-less entry.
    if v.pointer("/operation/last").and_then(Value::as_bool) == Some(true)
        && v.pointer("/operation/first").and_then(Value::as_bool) != Some(true)
    {
        return Ok(Norm::Other {
            provider: Provider::Gcp,
            target: project,
            time,
        });
    }
    let mut e = AuditEvent {
        provider: Provider::Gcp,
        target: project,
        id: s(v, "/insertId").unwrap_or(source).to_string(),
        time,
        actor: s(p, "/authenticationInfo/principalEmail")
            .or_else(|| s(p, "/authenticationInfo/principalSubject"))
            .unwrap_or("unknown")
            .to_string(),
        action: s(p, "/methodName").unwrap_or_default().to_string(),
        resource: s(p, "/resourceName").map(|r| {
            normalize_resource(
                r,
                s(v, "/resource/labels/project_id"),
                s(v, "/resource/labels/location"),
            )
        }),
        source_ip: s(p, "/requestMetadata/callerIp").map(str::to_string),
        attrs: Default::default(),
        source: source.to_string(),
    };
    attr(&mut e, "service", s(p, "/serviceName").unwrap_or_default());
    for ptr in [
        "/request/function/serviceAccountEmail",
        "/request/function/serviceConfig/serviceAccountEmail",
        "/request/service/template/serviceAccount",
        "/request/service/spec/template/spec/serviceAccountName",
    ] {
        if let Some(sa) = s(p, ptr) {
            attr(&mut e, "service_account", sa);
        }
    }
    if let Some(deltas) = p
        .pointer("/serviceData/policyDelta/bindingDeltas")
        .or_else(|| p.pointer("/metadata/policyDelta/bindingDeltas"))
        .and_then(Value::as_array)
    {
        for d in deltas {
            if s(d, "/action") == Some("ADD")
                && let Some(m) = s(d, "/member")
            {
                attr(&mut e, "added", m);
                attr(&mut e, "added_role", s(d, "/role").unwrap_or_default());
            }
        }
    } else if let Some(bindings) = p
        .pointer("/request/policy/bindings")
        .and_then(Value::as_array)
    {
        // No delta logged (some services log only the request): every member of the policy the call
        // set is counted as granted by it, and the event says so.
        attr(&mut e, "policy_from", "request.policy");
        for b in bindings {
            let role = s(b, "/role").unwrap_or_default();
            for m in b
                .get("members")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                attr(&mut e, "added", m);
                attr(&mut e, "added_role", role);
            }
        }
    }
    if let Some(chain) = p
        .pointer("/authenticationInfo/serviceAccountDelegationInfo")
        .and_then(Value::as_array)
    {
        for d in chain {
            if let Some(m) = s(d, "/firstPartyPrincipal/principalEmail") {
                attr(&mut e, "delegated_by", m);
            }
        }
    }
    Ok(Norm::Event(e))
}

/// One name per resource whichever API logged it: `//run.googleapis.com/` prefixes are dropped, and
/// Cloud Run v1 names (`namespaces/P/services/S`, P the project id or number) become the v2 name
/// `projects/P/locations/L/services/S` with the project id and location of the entry's `resource`
/// labels, so a v1 `CreateService` and a v2 `SetIamPolicy` on one service join. Without a location
/// the v1 name is kept.
pub fn normalize_resource(r: &str, project: Option<&str>, location: Option<&str>) -> String {
    let r = r
        .split_once(".googleapis.com/")
        .filter(|_| r.starts_with("//"))
        .map_or(r, |(_, rest)| rest);
    if let Some(rest) = r.strip_prefix("namespaces/")
        && let Some((ns, name)) = rest.split_once("/services/")
        && let Some(location) = location
    {
        let name = name.split('/').next().unwrap_or(name);
        return format!(
            "projects/{}/locations/{location}/services/{name}",
            project.unwrap_or(ns)
        );
    }
    r.to_string()
}

pub fn classify(e: &AuditEvent) -> Class {
    let hour = Duration::minutes(60);
    if is_deploy(e) {
        let mut keys = vec![(("actor", e.actor.clone()), Duration::zero(), hour)];
        if let Some(r) = &e.resource {
            keys.push((("resource", r.clone()), Duration::zero(), hour));
        }
        for sa in e.attrs_of("service_account") {
            keys.push((("principal", sa.clone()), Duration::zero(), hour));
        }
        return Class::Anchor(keys);
    }
    if is_credential_write(e) && e.actor.ends_with(".gserviceaccount.com") {
        return Class::Keep;
    }
    let m = method(&e.action);
    // A policy change on a function or service is rare: read on its own (GCP-009) and as GCP-006's
    // follow-up.
    if m == "SetIamPolicy"
        && let Some(r) = &e.resource
        && (r.contains("/functions/") || r.contains("/services/"))
    {
        return Class::Keep;
    }
    if m == "CallFunction" {
        return Class::Candidate(vec![("actor", e.actor.clone())]);
    }
    Class::Drop
}
