//! AWS CloudTrail: the `Records` of log files as delivered to S3 and the events `LookupEvents` returns
//! (its `CloudTrailEvent` string is the same record).
//!
//! Kept for the detections: Lambda deployments (anchors of AWS-008, keyed by the caller), IAM writes
//! (AWS-009 on their own; AWS-008 follow-ups), and near an anchor the caller's invocations, permission,
//! trigger and URL changes.

use chrono::Duration;
use fnscope_snapshot::audit::{
    AWS_LAMBDA_DEPLOYS, AWS_LAMBDA_EXPOSURES, AWS_LAMBDA_USES, aws_action, aws_iam_write,
};
use fnscope_snapshot::{AuditEvent, Provider};
use serde_json::Value;

use super::{Class, Norm, attr, s, time_at};

pub fn is_record(v: &Value) -> bool {
    v.get("eventSource").is_some() && v.get("eventName").is_some() && v.get("eventTime").is_some()
}

pub fn normalize(v: &Value, source: &str) -> Result<Norm, String> {
    let time = time_at(v, "/eventTime", source)?;
    let account = s(v, "/recipientAccountId")
        .or_else(|| s(v, "/userIdentity/accountId"))
        .unwrap_or("*")
        .to_string();
    if v.get("errorCode").is_some_and(|c| !c.is_null()) {
        return Ok(Norm::Failed {
            provider: Provider::Aws,
            target: account,
            time,
        });
    }
    let service = s(v, "/eventSource")
        .unwrap_or_default()
        .trim_end_matches(".amazonaws.com")
        .to_string();
    let name = s(v, "/eventName").unwrap_or_default();
    let region = s(v, "/awsRegion").unwrap_or("us-east-1");
    let actor = s(v, "/userIdentity/arn")
        .or_else(|| s(v, "/userIdentity/principalId"))
        .or_else(|| s(v, "/userIdentity/invokedBy"))
        .unwrap_or("unknown")
        .to_string();
    let mut e = AuditEvent {
        provider: Provider::Aws,
        target: account.clone(),
        id: s(v, "/eventID").unwrap_or(source).to_string(),
        time,
        actor,
        action: format!("{service}:{name}"),
        resource: None,
        source_ip: s(v, "/sourceIPAddress").map(str::to_string),
        attrs: Default::default(),
        source: source.to_string(),
    };
    attr(&mut e, "region", region);
    if let Some(t) = s(v, "/userIdentity/type") {
        attr(&mut e, "user_type", t);
    }
    if let Some(issuer) = s(v, "/userIdentity/sessionContext/sessionIssuer/arn") {
        attr(&mut e, "session_issuer", issuer);
    }
    // The SDKs in a Lambda runtime name it in the user agent (`exec-env/AWS_Lambda_python3.12`): the
    // call came from function code, whatever the role.
    if let Some(env) = s(v, "/userAgent").and_then(|ua| {
        ua.split_whitespace()
            .map(|w| w.strip_prefix("exec-env/").unwrap_or(w))
            .find(|w| w.starts_with("AWS_Lambda"))
    }) {
        attr(&mut e, "lambda_runtime", env);
    }
    let partition = e
        .actor
        .split(':')
        .nth(1)
        .filter(|p| p.starts_with("aws"))
        .unwrap_or("aws");
    match service.as_str() {
        "lambda" => {
            let partition = partition.to_string();
            lambda_details(&mut e, v, &name_for(v), &partition, region, &account)
        }
        "iam" => iam_details(&mut e, v),
        "events" => events_details(&mut e, v),
        _ => {}
    }
    Ok(Norm::Event(e))
}

/// The base event name, for the details that depend on it.
fn name_for(v: &Value) -> String {
    s(v, "/eventName").unwrap_or_default().to_string()
}

/// Lambda: the function (or layer) named, its role, who may now run it, how its URL is guarded, what
/// layers it loads and what feeds it.
fn lambda_details(
    e: &mut AuditEvent,
    v: &Value,
    name: &str,
    partition: &str,
    region: &str,
    account: &str,
) {
    let function = s(v, "/requestParameters/functionName")
        .map(str::to_string)
        .or_else(|| {
            // Data events (`Invoke`) name the function in `resources`.
            v.get("resources").and_then(Value::as_array).and_then(|rs| {
                rs.iter().find_map(|r| {
                    s(r, "/ARN")
                        .filter(|a| a.contains(":function:"))
                        .map(str::to_string)
                })
            })
        });
    if let Some(f) = function {
        e.resource = Some(function_arn(&f, partition, region, account));
    } else if let Some(layer) = s(v, "/requestParameters/layerName") {
        e.resource = Some(layer_arn(layer, partition, region, account));
    }
    if let Some(role) = s(v, "/requestParameters/role") {
        attr(e, "role", role);
    } else if let Some(role) = s(v, "/responseElements/role") {
        // The function's configuration after the call names its role.
        attr(e, "function_role", role);
    }
    // Who may now run it (AddPermission, AddLayerVersionPermission), how a URL is guarded,
    // which layers it loads, what feeds it.
    for (field, key) in [
        ("principal", "principal"),
        ("sourceAccount", "source_account"),
        ("sourceArn", "source_arn"),
        ("principalOrgID", "org"),
        ("organizationId", "org"),
        ("authType", "auth_type"),
        ("functionUrlAuthType", "auth_type"),
        ("eventSourceArn", "event_source"),
        ("action", "permission_action"),
    ] {
        if let Some(x) = s(v, &format!("/requestParameters/{field}")) {
            attr(e, key, x);
        }
    }
    if let Some(layers) = v
        .pointer("/requestParameters/layers")
        .and_then(Value::as_array)
    {
        for l in layers.iter().filter_map(Value::as_str) {
            attr(e, "layers", l);
        }
    } else if name.starts_with("UpdateFunctionConfiguration")
        && let Some(layers) = v
            .pointer("/responseElements/layers")
            .and_then(Value::as_array)
    {
        // Some recordings keep the layers only in the response (`[{"arn": …}]`): what the function
        // loads after the change, not necessarily what the change added.
        for l in layers.iter().filter_map(|l| s(l, "/arn")) {
            attr(e, "layers_after", l);
        }
    }
}

/// IAM: the principal, policy, instance profile or identity provider a write names.
fn iam_details(e: &mut AuditEvent, v: &Value) {
    for (field, kind) in [
        ("userName", "user"),
        ("roleName", "role"),
        ("groupName", "group"),
    ] {
        if let Some(n) = s(v, &format!("/requestParameters/{field}")) {
            attr(e, kind, n);
        }
    }
    if let Some(p) = s(v, "/requestParameters/policyArn") {
        attr(e, "policy", p);
    }
    if let Some(p) = s(v, "/requestParameters/instanceProfileName") {
        attr(e, "instance_profile", p);
    }
    for field in ["openIDConnectProviderArn", "sAMLProviderArn", "url"] {
        if let Some(p) = s(v, &format!("/requestParameters/{field}")) {
            attr(e, "provider", p);
        }
    }
}

/// EventBridge: the rule and the targets `PutTargets` adds.
fn events_details(e: &mut AuditEvent, v: &Value) {
    if let Some(ts) = v
        .pointer("/requestParameters/targets")
        .and_then(Value::as_array)
    {
        for t in ts {
            if let Some(a) = s(t, "/arn").or_else(|| s(t, "/Arn")) {
                attr(e, "targets", a);
            }
        }
    }
    if let Some(r) = s(v, "/requestParameters/rule") {
        e.resource = Some(r.to_string());
    }
}

/// A function's unqualified ARN from a name, partial ARN or (qualified) ARN.
pub fn function_arn(f: &str, partition: &str, region: &str, account: &str) -> String {
    if f.starts_with("arn:") {
        // arn:aws:lambda:region:acct:function:name[:qualifier]
        return f.splitn(8, ':').take(7).collect::<Vec<_>>().join(":");
    }
    let parts: Vec<&str> = f.split(':').collect();
    match parts.as_slice() {
        // account:function:name
        [acct, "function", name, ..] => {
            format!("arn:{partition}:lambda:{region}:{acct}:function:{name}")
        }
        [name, ..] => format!("arn:{partition}:lambda:{region}:{account}:function:{name}"),
        [] => f.to_string(),
    }
}

/// A layer's unversioned ARN from a name or (versioned) ARN.
pub fn layer_arn(l: &str, partition: &str, region: &str, account: &str) -> String {
    if l.starts_with("arn:") {
        // arn:aws:lambda:region:acct:layer:name[:version]
        return l.splitn(8, ':').take(7).collect::<Vec<_>>().join(":");
    }
    format!("arn:{partition}:lambda:{region}:{account}:layer:{l}")
}

pub fn classify(e: &AuditEvent) -> Class {
    let (service, name) = aws_action(e);
    let session = e.attr("user_type") == Some("AssumedRole");
    // AWS-008's follow-ups act on the deployed function: the window is the caller's on that function.
    let on = |f: &str| ("actor_function", format!("{} {f}", e.actor));
    match service {
        "lambda" if AWS_LAMBDA_DEPLOYS.contains(&name) => match &e.resource {
            Some(f) => Class::Anchor(vec![(on(f), Duration::minutes(60), Duration::minutes(60))]),
            None => Class::Keep,
        },
        // Rare changes of who or what runs a function: read on their own by AWS-011, and AWS-008's
        // follow-ups.
        "lambda" if AWS_LAMBDA_EXPOSURES.contains(&name) => Class::Keep,
        "lambda" if AWS_LAMBDA_USES.contains(&name) => match &e.resource {
            Some(f) => Class::Candidate(vec![on(f)]),
            None => Class::Drop,
        },
        "events" if name == "PutTargets" => Class::Candidate(
            e.attrs_of("targets")
                .iter()
                .map(|t| on(&t.splitn(8, ':').take(7).collect::<Vec<_>>().join(":")))
                .collect(),
        ),
        "iam" if aws_iam_write(name).is_some() && session => Class::Anchor(vec![(
            ("session", e.actor.clone()),
            Duration::hours(12),
            Duration::hours(12),
        )]),
        "iam" if aws_iam_write(name).is_some() => Class::Keep,
        _ if session => Class::Candidate(vec![("session", e.actor.clone())]),
        _ => Class::Drop,
    }
}
