//! T1648-GCP-005: a basic role (owner, editor) granted to a human principal on a project, folder or
//! organization.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{member_ref, start};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-005",
    title: "Basic role granted to a human principal",
    finds: "Owner / Editor granted to a user, group or domain",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "owner high, editor medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Basic roles predate IAM and are highly permissive: Editor alone deploys functions as any service account in the project and mints keys.",
    remediation: "Replace basic roles with predefined roles scoped to the person's job; keep Owner for break-glass accounts.",
    references: &["Google Cloud: basic roles — don't use them unless you have no alternative"],
};

crate::declare_rule!(Gcp005, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (_, mut out) = start(ctx);
    let mut seen = std::collections::BTreeSet::new();
    for b in ctx
        .snapshot
        .bindings
        .iter()
        .filter(|b| b.provider == Provider::Gcp)
    {
        let sev = match b.grant.as_str() {
            "roles/owner" | "roles/admin" => Severity::High,
            "roles/editor" | "roles/writer" => Severity::Medium,
            _ => continue,
        };
        let human = ["user:", "group:", "domain:"]
            .iter()
            .any(|p| b.principal.starts_with(p));
        if !human || !seen.insert((b.principal.clone(), b.scope.clone(), b.grant.clone())) {
            continue;
        }
        let f = META
            .finding()
            .severity(sev)
            .subject(member_ref(&b.principal))
            .target(ResourceRef {
                id: b.scope.clone(),
                kind: format!(
                    "gcp_{}",
                    b.scope
                        .split('/')
                        .next()
                        .unwrap_or("scope")
                        .trim_end_matches('s')
                ),
                name: b.scope.clone(),
            })
            .evidence_key(b.grant.clone())
            .conditional(b.condition.is_some())
            .evidence(
                "binding",
                format!("{} holds {}", b.principal, b.grant),
                format!("IAM policy of {}", b.scope),
            )
            .build();
        match f {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
