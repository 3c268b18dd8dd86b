//! T1648-AWS-002: a principal can replace the code of an existing function that runs as a privileged
//! role (lambda-003/004/005), unless code signing is enforced on the function.

use fnscope_snapshot::Provider;

use crate::aws::condition::Ctx;
use crate::aws::eval::Res;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{may_hold, severity_of, start, subjects, with_grant, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-002",
    title: "Principal can replace the code of an existing function that runs as a privileged role",
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
    out
}
