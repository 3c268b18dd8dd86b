//! T1648-AWS-004: a Lambda execution role is administrative (ADMIN_EQ after boundary, SCPs and Deny).

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-004",
    title: "Lambda execution role is administrative",
    finds: "a function whose execution role is administrative",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "high",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Whoever can change, or inject into, a function whose role is administrative owns the account; very rarely does a function need administrative access.",
    remediation: "Replace the role's administrative grants with the few actions and resources the function uses (IAM Access Analyzer policy generation helps), or cap the role with a permissions boundary.",
    references: &[
        "pathfinding.cloud lambda-003 recommendation",
        "PMapper gathering.update_admin_status",
    ],
};

crate::declare_rule!(Aws004, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for f in &view.functions {
        let Some(role) = view.principal(&f.lambda.role) else {
            continue;
        };
        let Some(facts) = view.admin(role) else {
            continue;
        };
        let subject: ResourceRef = f.reference();
        let b = META
            .finding()
            .severity(Severity::High)
            .subject(subject)
            .target(role.reference())
            .resource(f.reference());
        match with_privilege(b, role.arn(), facts).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
