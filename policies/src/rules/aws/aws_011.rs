//! T1648-AWS-011: one change to what a function runs, who may run it, or what triggers it
//! (CloudTrail), graded by what the function's role can do.

use std::collections::BTreeMap;

use fnscope_snapshot::audit::{AWS_LAMBDA_DEPLOYS, AWS_LAMBDA_USES, aws_action};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::aws::{Priv, View};
use crate::detect::{self, Hit, Power, after, single_step_severity, with_power};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::aws_008::{function_ref, principal_ref};
use super::start;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-011",
    title: "Function code, configuration, role, layers, trigger, URL or resource policy changed",
    finds: "*(CloudTrail)* one change to a function: code replaced, configuration, role or layers changed, a trigger added, a URL without auth, a resource policy that lets `*` (without an organisation or source condition) or another account run it; a layer shared with `*` or another account",
    provider: Provider::Aws,
    kind: RuleKind::Detection,
    severity: "high for a change that opens the function or a layer to anyone or another account (resource policy, URL without auth); medium for code, configuration, layers, role and triggers; one step up for an administrative role, one down for a role that is neither privileged nor administrative, one up when the same caller then runs it within the hour (AWS-008); low for allow-listed actors",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053", "AN1054"],
    rationale: "One call is enough to make a function run an attacker's code with its role's power (new code, a layer, a swapped role) or to let anyone run it (a resource policy to `*` or another account, a URL without auth, a new trigger). Recordings of these techniques hold that single call, and peer detection content alerts on it; AWS-008 keeps the rarer, stronger sequence.",
    remediation: "Confirm the change with its author. If it was not a sanctioned deployment, roll the function back, remove the permission, URL or trigger, and review what the role did since. Allow-list deploy pipelines in `[detect] allow_actors` (their changes stay visible as low).",
    references: &[
        "Stratus Red Team aws.persistence.lambda-backdoor-function, lambda-layer-extension, lambda-overwrite-code",
        "ATT&CK DET0374 AN1053",
    ],
};

crate::declare_rule!(Aws011, META, evaluate);

/// What one event changed, and the severity of that change on its own.
fn change(e: &AuditEvent, ours: &[&str]) -> Option<(Severity, String)> {
    let (service, name) = aws_action(e);
    if service != "lambda" {
        return None;
    }
    let opens = |who: &str| {
        who == "*" || {
            // An account id or an account's ARN that is not ours.
            let account = who
                .strip_prefix("arn:")
                .and_then(|a| a.split(':').nth(3))
                .unwrap_or(who);
            account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && !ours.contains(&account)
        }
    };
    let principal = e.attr("principal").unwrap_or_default();
    match name {
        "CreateFunction" => Some((Severity::Medium, "function created".into())),
        "UpdateFunctionCode" => Some((Severity::Medium, "code replaced".into())),
        "UpdateFunctionConfiguration" => {
            let mut what = Vec::new();
            if let Some(r) = e.attr("role") {
                what.push(format!("role set to {r}"));
            }
            let layers = e.attrs_of("layers");
            if !layers.is_empty() {
                let foreign: Vec<&String> = layers
                    .iter()
                    .filter(|l| l.split(':').nth(4).is_some_and(|a| !ours.contains(&a)))
                    .collect();
                if foreign.is_empty() {
                    what.push(format!("layers set to {}", layers.join(", ")));
                } else {
                    let list: Vec<&str> = foreign.iter().map(|l| l.as_str()).collect();
                    return Some((
                        Severity::High,
                        format!("layers from another account added: {}", list.join(", ")),
                    ));
                }
            }
            let after = e.attrs_of("layers_after");
            if layers.is_empty() && !after.is_empty() {
                what.push(format!("loads layers {}", after.join(", ")));
            }
            if what.is_empty() {
                what.push("configuration changed".into());
            }
            Some((Severity::Medium, what.join("; ")))
        }
        "AddPermission"
            if e.attr("auth_type")
                .is_some_and(|a| a.eq_ignore_ascii_case("NONE")) =>
        {
            Some((
                Severity::High,
                format!("resource policy lets {principal} call its URL without auth"),
            ))
        }
        "AddPermission"
            if principal == "*"
                && e.attr("org").is_none()
                && e.attr("source_account").is_none()
                && e.attr("source_arn").is_none() =>
        {
            Some((Severity::High, "resource policy lets anyone run it".into()))
        }
        "AddPermission" if principal != "*" && opens(principal) => Some((
            Severity::High,
            format!("resource policy lets account {principal} run it"),
        )),
        "AddPermission" if principal.is_empty() => Some((
            Severity::Medium,
            "resource policy changed (the event does not say for whom)".into(),
        )),
        "CreateFunctionUrlConfig" | "UpdateFunctionUrlConfig"
            if e.attr("auth_type")
                .is_some_and(|a| a.eq_ignore_ascii_case("NONE")) =>
        {
            Some((Severity::High, "URL without auth".into()))
        }
        "CreateEventSourceMapping" => Some((
            Severity::Medium,
            format!(
                "trigger added from {}",
                e.attr("event_source").unwrap_or("an event source")
            ),
        )),
        "AddLayerVersionPermission" if opens(principal) => {
            Some((Severity::High, format!("layer shared with {principal}")))
        }
        _ => None,
    }
}

/// What the function's role can do: the role named by the event, else the inventory's.
fn power(view: &View<'_>, e: &AuditEvent, function: &str) -> (Option<String>, Power) {
    let role = e
        .attr("role")
        .or_else(|| e.attr("function_role"))
        .map(str::to_string)
        .or_else(|| {
            view.functions
                .iter()
                .find(|f| f.arn() == function)
                .map(|f| f.lambda.role.clone())
        });
    let Some(role) = role else {
        return (
            None,
            Power::Unknown("the function is not in the inventory, so its role is unknown".into()),
        );
    };
    let Some(p) = view.principal(&role) else {
        return (
            Some(role.clone()),
            Power::Unknown(format!("role {role} is not in the IAM data")),
        );
    };
    let level = match view.privilege(p).level {
        Priv::Critical => Power::Admin,
        Priv::High => Power::Privileged,
        Priv::None => Power::Limited,
    };
    (Some(role), level)
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Aws,
        "CloudTrail log",
        "give CloudTrail files with --logs, or scan live with --since",
    ));
    let ours: Vec<&str> = ctx
        .snapshot
        .targets
        .iter()
        .filter(|t| t.provider == Provider::Aws)
        .map(|t| t.id.as_str())
        .chain(ctx.settings.trusted_accounts.iter().map(String::as_str))
        .collect();
    let events = detect::events(ctx, Provider::Aws);
    // (actor, function or layer) → the role it runs as, how powerful, and the changes.
    type Key = (String, String);
    let mut hits: BTreeMap<Key, (Option<String>, Power, Vec<String>, Hit<'_>)> = BTreeMap::new();
    for e in &events {
        let Some(resource) = e.resource.as_deref() else {
            continue;
        };
        let mut ours_here = ours.clone();
        ours_here.push(e.target.as_str());
        let Some((base, what)) = change(e, &ours_here) else {
            continue;
        };
        let issuer = e.attr("session_issuer");
        let allowed = detect::allowed(ctx, &e.actor, issuer.as_slice());
        let (role, power) = if resource.contains(":layer:") {
            (
                None,
                Power::Unknown("a layer runs with the role of whichever function loads it".into()),
            )
        } else {
            power(view, e, resource)
        };
        // AWS-008's sequence: a deploy, then the same caller makes it run within the hour.
        let (service, name) = aws_action(e);
        let correlated = service == "lambda"
            && AWS_LAMBDA_DEPLOYS.contains(&name)
            && events.iter().any(|e2| {
                !e2.same(e)
                    && e2.actor == e.actor
                    && e2.resource.as_deref() == Some(resource)
                    && AWS_LAMBDA_USES.contains(&aws_action(e2).1)
                    && after(e, e2, 60)
            });
        let severity = single_step_severity(base, &power, allowed, correlated);
        let entry = hits
            .entry((e.actor.clone(), resource.to_string()))
            .or_insert_with(|| (role.clone(), power.clone(), Vec::new(), Hit::default()));
        if role.is_some() && entry.0.is_none() {
            entry.0 = role;
            entry.1 = power;
        }
        if !entry.2.contains(&what) {
            entry.2.push(what);
        }
        entry.3.add(Some(severity), e, []);
    }
    for ((actor, resource), (role, power, what, hit)) in hits {
        let subject = principal_ref(
            view,
            &actor,
            hit.first.first().and_then(|e| e.attr("session_issuer")),
        );
        let resource_ref = if resource.contains(":layer:") {
            ResourceRef {
                id: resource.clone(),
                kind: fnscope_snapshot::kinds::AWS_LAMBDA_LAYER.into(),
                name: resource.rsplit(':').next().unwrap_or(&resource).to_string(),
            }
        } else {
            function_ref(view, &resource)
        };
        // The target is what changed, so the finding keeps its identity whether or not the next run
        // reads the role (diffs and baselines); what the role can do is evidence.
        let target = resource_ref.clone();
        let mut b = META
            .finding()
            .severity(hit.severity.unwrap_or(Severity::Medium))
            .subject(subject)
            .target(target)
            .resource(resource_ref)
            .evidence("change", what.join("; "), resource.clone());
        b = hit.evidence(b, "changed", "then");
        if let Some(r) = role.as_deref() {
            match view.principal(r) {
                Some(p) => b = super::with_privilege(b, r, view.privilege(p)),
                None => b = with_power(b, r, &power),
            }
        } else {
            b = with_power(b, &resource, &power);
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
