//! T1648-AZ-005: a serverless managed identity holds high-impact Microsoft Graph application
//! permissions.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::identity_rule;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-005",
    title: "Serverless managed identity holds high-impact Microsoft Graph application permissions",
    finds: "a serverless identity with Microsoft Graph application permissions: tier 0 (RoleManagement.ReadWrite.Directory, Application.ReadWrite.All, …) or tier 1 (Mail.Send, Files.ReadWrite.All, …)",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "tier 0 critical, tier 1 (mail, files) high",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Graph application permissions act tenant-wide with no user present: a function holding Mail.Send or RoleManagement.ReadWrite.Directory is a tenant-wide lever for anyone who can change its code.",
    remediation: "Remove the app role assignments; scope mail access with Exchange RBAC for Applications or application access policies.",
    references: &["azure-tiering (tier 0 Graph app roles)", "spec §3.3"],
};

crate::declare_rule!(Az005, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    identity_rule(
        ctx,
        &META,
        fnscope_snapshot::kinds::AZURE_GRAPH_APP_ROLE,
        true,
        |_, _| true,
    )
}
