//! T1648-AZ-004: a serverless managed identity holds Owner / Contributor / User Access Administrator /
//! RBAC Administrator (or another tier-0 role) at management-group, subscription or root scope.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::identity_rule;
use crate::azure::{Power, broad};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-004",
    title: "Serverless managed identity holds Owner / Contributor / UAA / RBAC Administrator at broad scope",
    finds: "a serverless identity holding Owner / UAA / RBAC Administrator (or any role with `roleAssignments/write`) — critical — or Contributor / another tier-0 role — high — at management group, subscription or root scope (narrower scopes count through AZ-001/002/003/007)",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "critical (can assign roles), high (Contributor-class)",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Code that runs as an identity with subscription-wide write or role-assignment rights turns any code change into a subscription takeover.",
    remediation: "Assign the identity narrow roles at the resource or resource-group scope it works on.",
    references: &["azure-tiering (tier 0 Azure roles)", "spec §3.3"],
};

crate::declare_rule!(Az004, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    identity_rule(
        ctx,
        &META,
        fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT,
        false,
        |view, g| {
            // Broad scope and a role that takes over or grants (§3.3); resource-group and resource
            // scopes count where someone can run code as the identity (AZ-001/002/003/007).
            broad(&g.scope) && view.grant_powers(g).iter().any(|p| *p >= Power::Control)
        },
    )
}
