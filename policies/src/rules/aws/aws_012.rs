//! T1648-AWS-012: a function anyone can invoke (a URL without auth, a resource policy to `*`
//! without a source condition), whatever its role — graded by what the role can do.

use fnscope_snapshot::Provider;

use crate::aws::Priv;
use crate::detect::Power;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::aws_007::invokers;
use super::{start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-012",
    title: "Function invocable by anyone",
    finds: "a function anyone can invoke (a URL with auth NONE, a resource policy to `*` without a source condition), whatever its role; AWS-007 keeps the privileged ones with their foreign-account cases",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "the role's power: critical administrative, high privileged, low neither; medium when the role is not in the IAM data",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A public entry point is code anyone on the internet can run with the function's role: harmless when the role can do nothing, a takeover when it is powerful. Every public function is listed, so the harmless ones are a reviewed choice rather than an unseen one.",
    remediation: "Set the function URL's auth type to AWS_IAM, or remove the `*` statement from the resource policy (or add a source condition); narrow the role.",
    references: &["AWS Lambda: function URL auth types and resource-based policies"],
};

crate::declare_rule!(Aws012, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for f in view.functions.iter().filter(|f| f.workload.exposure.public) {
        let role = f.lambda.role.as_str();
        let principal = view.principal(role);
        let facts = principal.as_ref().map(|p| view.privilege(p));
        let power = match facts.map(|x| x.level) {
            Some(Priv::Critical) => Power::Admin,
            Some(Priv::High) => Power::Privileged,
            Some(Priv::None) => Power::Limited,
            None => Power::Unknown(format!("role {role} is not in the IAM data")),
        };
        let mut b = crate::public::finding(&META, f.workload, role, &power, None);
        // The URL or statements that open it (AWS-007 reads the same; an unreadable policy is its
        // not_evaluated, and the inventory's exposure still stands).
        for i in invokers(f, &[]).0.into_iter().filter(|i| i.anyone) {
            b = b.evidence("exposure", i.detail, i.path);
        }
        // The statements that make the role what it is, as AWS-007 cites them.
        if let Some(facts) = facts {
            b = with_privilege(b, role, facts);
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
