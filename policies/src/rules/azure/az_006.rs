//! T1648-AZ-006: a serverless managed identity holds a tier-0 Entra directory role.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::identity_rule;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-006",
    title: "Serverless managed identity holds a tier-0 Entra directory role",
    finds: "a serverless identity holding a tier-0 Entra directory role (Global Administrator, Privileged Role Administrator, …)",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "critical",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A Global or Privileged Role Administrator identity behind a function makes its code a tenant administrator.",
    remediation: "Remove the directory role; no automation identity should hold a tier-0 directory role without a signed-off exception.",
    references: &["azure-tiering (tier 0 Entra roles)", "spec §3.3"],
};

crate::declare_rule!(Az006, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    identity_rule(
        ctx,
        &META,
        fnscope_snapshot::kinds::AZURE_DIRECTORY_ROLE,
        true,
        |_, _| true,
    )
}
