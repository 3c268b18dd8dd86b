//! T1648-AWS-005: a Lambda execution role can create credentials or grant permissions (CRED_CAPABLE,
//! not administrative).

use fnscope_snapshot::Provider;

use crate::aws::Priv;
use crate::{Context, Outcome, RuleKind, RuleMeta, Severity};

use super::{start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-005",
    title: "Lambda execution role can create credentials or grant permissions",
    finds: "a function whose execution role can create credentials or grant permissions",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "high",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A function that can mint access keys, login profiles or trust-policy changes is the persistence backdoor ATT&CK describes for T1648: code in it (or injected into it) creates credentials for an attacker.",
    remediation: "Remove credential-creating and permission-granting IAM actions from the role, or scope them to a path of service users (`user/service-accounts/*`) and deny everything else with a permissions boundary.",
    references: &[
        "cloudsplaining ACTIONS_THAT_RETURN_CREDENTIALS",
        "Pacu lambda__backdoor_new_users",
    ],
};

crate::declare_rule!(Aws005, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for f in &view.functions {
        let Some(role) = view.principal(&f.lambda.role) else {
            continue;
        };
        let facts = view.privilege(role);
        if facts.level != Priv::High || !facts.credentials {
            continue;
        }
        let b = META
            .finding()
            .severity(Severity::High)
            .subject(f.reference())
            .target(role.reference())
            .resource(f.reference());
        match with_privilege(b, role.arn(), facts).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
