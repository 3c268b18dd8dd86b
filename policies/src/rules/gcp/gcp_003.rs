//! T1648-GCP-003: a serverless runtime service account can mint credentials or change IAM (not already
//! reported by GCP-002 for the same function).

use fnscope_snapshot::Provider;

use crate::gcp::BASIC_ROLES;
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta};

use super::gcp_002::is_default_account;
use super::{sa_ref, severity, start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-003",
    title: "Serverless runtime service account can mint credentials or change IAM",
    finds: "a function whose runtime account can mint credentials or change IAM",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "the account's privilege (critical / high)",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Code running as an account that can create keys, mint tokens, act as other accounts or change IAM is a credential factory for whoever controls that code.",
    remediation: "Remove key, token, actAs and setIamPolicy permissions from runtime accounts; move IAM automation to a dedicated, reviewed pipeline.",
    references: &[
        "Rhino Security Labs GCP privilege escalation (iam.serviceAccountKeys.create, getAccessToken, signJwt)",
    ],
};

crate::declare_rule!(Gcp003, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for f in &view.functions {
        let email = &f.details.service_account;
        if email.is_empty() {
            continue;
        }
        let project = &f.workload.target;
        let (level, why) = view.privilege(project, email);
        let Some(sev) = severity(level) else { continue };
        // GCP-002 already reports a default account holding a basic role.
        if is_default_account(email) && why.iter().any(|g| BASIC_ROLES.contains(&g.role.as_str())) {
            continue;
        }
        let b = META
            .finding()
            .severity(sev)
            .subject(ResourceRef {
                id: f.workload.id.clone(),
                kind: f.workload.kind.to_string(),
                name: f.workload.name.clone(),
            })
            .target(sa_ref(email))
            .resource(ResourceRef {
                id: f.workload.id.clone(),
                kind: f.workload.kind.to_string(),
                name: f.workload.name.clone(),
            });
        match with_privilege(b, email, &why).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
