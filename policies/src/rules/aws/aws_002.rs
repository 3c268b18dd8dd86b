//! T1648-AWS-002: a principal can replace the code of an existing function that runs as a privileged
//! role (lambda-003/004/005), unless code signing is enforced on the function.

use fnscope_snapshot::Provider;

use std::collections::BTreeMap;

use crate::aws::condition::Ctx;
use crate::aws::eval::{Decision, Res};
use crate::aws::paths::{PassRolePath, serverless_existing_paths, serverless_passrole_paths};
use crate::aws::{Principal, View};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta};

use super::{may_hold, partition, probe, severity_of, start, subjects, with_grant, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-002",
    title: "Principal can replace the code of an existing function that runs as a privileged role",
    finds: "a principal that can replace the code of a function running as a privileged role (unless code signing is enforced); and one that can take over existing App Runner services, AgentCore resources or state machines while a privileged role trusts that service (those resources are not inventoried: conditional, every such role named)",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "the privilege of the function's role: critical if administrative, high if it can create credentials",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "lambda:UpdateFunctionCode on a function lets the caller run any code as the function's execution role the next time it is triggered (or at once with lambda:InvokeFunction / lambda:AddPermission).",
    remediation: "Reduce the function's role first (it should not be administrative or able to create credentials); scope lambda:UpdateFunctionCode to the functions the principal owns; enforce code signing (UntrustedArtifactOnDeployment = Enforce) on privileged functions.",
    references: &[
        "pathfinding.cloud lambda-003, lambda-004, lambda-005",
        "pathfinding.cloud apprunner-002, bedrock-002, bedrock-004, bedrock-007, stepfunctions-002",
        "Rhino Security Labs AWS IAM privilege escalation method 18",
    ],
};

crate::declare_rule!(Aws002, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let updaters: Vec<_> = subjects(view)
        .filter(|s| may_hold(s, "lambda:UpdateFunctionCode"))
        .collect();
    let mut unknown_roles = 0usize;
    for f in &view.functions {
        let Some(role) = view.principal(&f.lambda.role) else {
            if !f.lambda.role.is_empty() && view.accounts_with_iam.contains(&f.account) {
                unknown_roles += 1;
            }
            continue;
        };
        let facts = view.privilege(role);
        let Some(severity) = severity_of(facts.level) else {
            continue;
        };
        if f.code_signing_enforced() {
            continue;
        }
        let fctx = Ctx::new().with("aws:RequestedRegion", &[&f.region]);
        for s in &updaters {
            if s.arn() == role.arn() || s.account != f.account {
                continue;
            }
            let update = s.allowed("lambda:UpdateFunctionCode", Res::Arn(f.arn()), &fctx);
            if !update.allowed {
                continue;
            }
            let invoke = s.allowed("lambda:InvokeFunction", Res::Arn(f.arn()), &fctx);
            let add = s.allowed("lambda:AddPermission", Res::Arn(f.arn()), &fctx);
            let (path, how) = if invoke.allowed {
                ("lambda-004", "and invoke it at once")
            } else if add.allowed {
                ("lambda-005", "and grant itself the right to invoke it")
            } else {
                ("lambda-003", "and wait for its existing triggers")
            };
            let mut b = META
                .finding()
                .severity(severity)
                .subject(s.reference())
                .target(role.reference())
                .resource(f.reference())
                .evidence(
                    "path",
                    format!(
                        "{} can replace the code of {} (runs as {}) {how}",
                        s.identity.name, f.workload.name, role.identity.name
                    ),
                    path,
                );
            b = with_grant(
                b,
                &format!("lambda:UpdateFunctionCode on {}", f.arn()),
                &update,
            );
            if invoke.allowed {
                b = with_grant(b, &format!("lambda:InvokeFunction on {}", f.arn()), &invoke);
            } else if add.allowed {
                b = with_grant(b, &format!("lambda:AddPermission on {}", f.arn()), &add);
            }
            b = with_privilege(b, role.arn(), facts);
            match b.build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    if unknown_roles > 0 {
        out.not_evaluated.push(format!(
            "{unknown_roles} functions run as roles missing from the IAM data; their privilege is unknown"
        ));
    }
    existing_resources(view, &mut out);
    out
}

/// The actions of `path` the subject holds on some resource of their kind (`None` if one is missing).
fn holds_path(s: &Principal<'_>, path: &PassRolePath) -> Option<Vec<(String, Decision)>> {
    let part = partition(s.arn());
    let none = Ctx::new();
    path.required
        .iter()
        .map(|group| {
            group.iter().find_map(|action| {
                let d = s.allowed(action, Res::AnyOf(&probe(action, part, &s.account)), &none);
                d.allowed.then(|| (action.clone(), d))
            })
        })
        .collect()
}

/// Existing resources of services fnscope does not inventory (App Runner services, AgentCore code
/// interpreters, runtimes and browsers, Step Functions state machines): a privileged role that trusts
/// the service is there to be run by such a resource, so whoever may take over the resources of that
/// kind runs code as whichever of those roles they run as. The resources are not seen, so there is one
/// finding per (subject, service), conditional, naming the resources the subject's statements allow
/// and every privileged role such a resource may run as (the most privileged is the target). A subject
/// that may also create a new one with such a role is left to AWS-001.
fn existing_resources(view: &View<'_>, out: &mut Outcome) {
    let paths = match serverless_existing_paths() {
        Ok(p) => p,
        Err(e) => {
            out.not_evaluated.push(e.clone());
            return;
        }
    };
    let creators = serverless_passrole_paths().as_ref().ok();
    for s in subjects(view) {
        type Held<'p> = Vec<(&'p PassRolePath, Vec<(String, Decision)>)>;
        let mut by_service: BTreeMap<&str, Held<'_>> = BTreeMap::new();
        for path in paths {
            if let Some(grants) = holds_path(s, path) {
                by_service
                    .entry(path.service.as_str())
                    .or_default()
                    .push((path, grants));
            }
        }
        for (service, held) in by_service {
            let pass_ctx = Ctx::new().with("iam:PassedToService", &[service]);
            let creates = creators.is_some_and(|c| {
                c.iter()
                    .any(|p| p.service == service && holds_path(s, p).is_some())
            });
            // Privileged roles a resource of this kind may run as, most privileged first.
            let mut roles: Vec<_> = view
                .roles_trusting(service)
                .filter(|r| r.arn() != s.arn() && r.account == s.account)
                .filter_map(|r| {
                    let facts = view.privilege(r);
                    severity_of(facts.level).map(|sev| (sev, r, facts))
                })
                .filter(|(_, r, _)| {
                    !(creates
                        && s.allowed("iam:PassRole", Res::Arn(r.arn()), &pass_ctx)
                            .allowed)
                })
                .collect();
            roles.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.arn().cmp(b.1.arn())));
            let Some((severity, top, _)) = roles.first() else {
                continue;
            };
            let ids: Vec<&str> = held.iter().map(|(p, _)| p.id.as_str()).collect();
            let names: Vec<&str> = roles
                .iter()
                .map(|(_, r, _)| r.identity.name.as_str())
                .collect();
            // One candidate is the target; several are named as a set (which one a resource runs as
            // is not known).
            let target = if roles.len() == 1 {
                top.reference()
            } else {
                ResourceRef {
                    id: format!(
                        "arn:{}:iam::{}:role/*?trusts={service}",
                        partition(s.arn()),
                        s.account
                    ),
                    kind: fnscope_snapshot::kinds::AWS_IAM_ROLE_SET.into(),
                    name: format!("{} privileged roles trusting {service}", roles.len()),
                }
            };
            let mut b = META
                .finding()
                .severity(*severity)
                .subject(s.reference())
                .target(target)
                .evidence(
                    "path",
                    format!(
                        "{} may take over existing resources of {service}; code in one runs as its \
                         role, and privileged roles such a resource may run as are: {} (these \
                         resources are not inventoried, so which role each runs as is not known)",
                        s.identity.name,
                        names.join(", ")
                    ),
                    ids.join(","),
                )
                .conditional(true)
                .evidence_key(ids.join(","));
            let mut seen: Vec<&str> = Vec::new();
            for (_, grants) in &held {
                for (action, d) in grants {
                    if !seen.contains(&action.as_str()) {
                        seen.push(action);
                        b = with_grant(b, action, d);
                    }
                }
            }
            for (_, r, f) in &roles {
                b = with_privilege(b, r.arn(), f);
            }
            match b.build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
}
