//! T1648-AWS-008: a function created or changed with a privileged role, then run or escalated by the
//! same caller within the hour (CloudTrail).

use std::collections::BTreeMap;

use fnscope_snapshot::audit::{AWS_LAMBDA_DEPLOYS, AWS_LAMBDA_USES, AWS_ROLE_WRITES, aws_action};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::aws::{Priv, View};
use crate::detect::{self, Hit, after, around};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-008",
    title: "Function created/changed with a privileged role and executed or escalated shortly after",
    finds: "*(CloudTrail)* a function created or changed with a privileged role (the role named on create, else the function's), then within 60 minutes the same caller invokes it, adds a permission, trigger or URL, points an EventBridge target at it, or widens the role",
    provider: Provider::Aws,
    kind: RuleKind::Detection,
    severity: "high; critical when the caller is not administrative and the role is administrative",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "Deploying code under a privileged role and making it run within the hour (invoking it, adding a permission, trigger or URL, or widening the role) is how a deploy permission becomes that role's power.",
    remediation: "Confirm the change with its author. If it was not a sanctioned deployment: revert the function, remove the permission, trigger or URL that made it run, review what the role did in that hour, and narrow the role (AWS-004/005). Allow-list deploy pipelines in `[detect] allow_actors`.",
    references: &[
        "pathfinding.cloud lambda-001/002/006 detection guidance",
        "ATT&CK DET0374 AN1053",
    ],
};

crate::declare_rule!(Aws008, META, evaluate);

/// How a principal ARN (or an assumed-role session) appears as a subject.
pub(crate) fn principal_ref(view: &View<'_>, arn: &str, issuer: Option<&str>) -> ResourceRef {
    match view
        .principal(issuer.unwrap_or(arn))
        .or_else(|| view.principal(arn))
    {
        Some(p) => p.reference(),
        None => ResourceRef {
            id: arn.to_string(),
            kind: fnscope_snapshot::kinds::AWS_PRINCIPAL.into(),
            name: arn.rsplit(['/', ':']).next().unwrap_or(arn).to_string(),
        },
    }
}

pub(crate) fn function_ref(view: &View<'_>, arn: &str) -> ResourceRef {
    match view.functions.iter().find(|f| f.arn() == arn) {
        Some(f) => f.reference(),
        None => ResourceRef {
            id: arn.to_string(),
            kind: fnscope_snapshot::kinds::AWS_LAMBDA_FUNCTION.into(),
            name: arn.rsplit(':').next().unwrap_or(arn).to_string(),
        },
    }
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Aws,
        "CloudTrail log",
        "give CloudTrail files with --logs, or scan live with --since",
    ));
    let events = detect::events(ctx, Provider::Aws);
    let mut hits: BTreeMap<(String, String, String), Hit<'_>> = BTreeMap::new();
    for e1 in &events {
        let (service, name) = aws_action(e1);
        if service != "lambda" || !AWS_LAMBDA_DEPLOYS.contains(&name) {
            continue;
        }
        let Some(function) = e1.resource.as_deref() else {
            continue;
        };
        let issuer = e1.attr("session_issuer");
        if detect::allowed(ctx, &e1.actor, issuer.as_slice()) {
            continue;
        }
        // The role named on create, otherwise the function's current role.
        let role_arn = e1.attr("role").map(str::to_string).or_else(|| {
            view.functions
                .iter()
                .find(|f| f.arn() == function)
                .map(|f| f.lambda.role.clone())
        });
        let Some(role_arn) = role_arn else {
            out.not_evaluated.push(format!(
                "event {} ({} on {function}): the function is not in the inventory, so its role is unknown",
                e1.id, e1.action
            ));
            continue;
        };
        let Some(role) = view.principal(&role_arn) else {
            out.not_evaluated.push(format!(
                "event {} ({} on {function}): role {role_arn} is not in the IAM data",
                e1.id, e1.action
            ));
            continue;
        };
        let facts = view.privilege(role);
        if facts.level == Priv::None {
            continue;
        }
        let role_name = role_arn.rsplit('/').next().unwrap_or(&role_arn);
        let then: Vec<&AuditEvent> = events
            .iter()
            .filter(|e2| e2.actor == e1.actor && !e2.same(e1))
            .filter(|e2| {
                let (s2, n2) = aws_action(e2);
                match s2 {
                    "lambda" => {
                        AWS_LAMBDA_USES.contains(&n2)
                            && e2.resource.as_deref() == Some(function)
                            && after(e1, e2, 60)
                    }
                    "events" => {
                        n2 == "PutTargets"
                            && e2
                                .attrs_of("targets")
                                .iter()
                                .any(|t| t == function || t.starts_with(&format!("{function}:")))
                            && after(e1, e2, 60)
                    }
                    "iam" => {
                        AWS_ROLE_WRITES.contains(&n2)
                            && e2.attr("role") == Some(role_name)
                            && around(e1, e2, 60)
                    }
                    _ => false,
                }
            })
            .copied()
            .collect();
        if then.is_empty() {
            continue;
        }
        let caller_admin = view
            .principal(issuer.unwrap_or(&e1.actor))
            .is_some_and(|p| view.admin(p).is_some());
        let severity = if facts.level == Priv::Critical && !caller_admin {
            Severity::Critical
        } else {
            Severity::High
        };
        hits.entry((e1.actor.clone(), role_arn.clone(), function.to_string()))
            .or_default()
            .add(Some(severity), e1, then);
    }
    for ((actor, role_arn, function), hit) in hits {
        let Some(role) = view.principal(&role_arn) else {
            continue;
        };
        let mut b = META
            .finding()
            .severity(hit.severity.unwrap_or(Severity::High))
            .subject(principal_ref(
                view,
                &actor,
                hit.first.first().and_then(|e| e.attr("session_issuer")),
            ))
            .target(role.reference())
            .resource(function_ref(view, &function));
        b = hit.evidence(b, "deployed", "then");
        b = with_privilege(b, &role_arn, view.privilege(role));
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
