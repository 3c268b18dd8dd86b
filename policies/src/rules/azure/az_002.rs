//! T1648-AZ-002: a principal can edit a Logic App (Consumption) whose managed identity is privileged.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::code_paths;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-002",
    title: "Principal can edit a Logic App whose managed identity is privileged",
    finds: "a principal that can edit a Logic App (Consumption) whose identity can do what the principal cannot (evidence says whether it can also run it)",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "the level of what the principal gains (the identity's grants beyond its own): critical, high or medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "An editor adds an HTTP action authenticated as the workflow's managed identity and runs it: the identity's rights become the editor's.",
    remediation: "Narrow the workflow identity's role assignments and Graph permissions; keep Logic App Contributor to the team that owns the identity's targets.",
    references: &[
        "spec §3.1 AZ-P4",
        "azure-tiering: Logic App Contributor is tier 0",
    ],
};

crate::declare_rule!(Az002, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    code_paths(
        ctx,
        &META,
        &[fnscope_snapshot::kinds::AZURE_LOGIC_APP],
        |view, p, r| {
            let g = view.allowed(p, "Microsoft.Logic/workflows/write", r)?;
            let mut how = vec![("Microsoft.Logic/workflows/write".to_string(), g)];
            if let Some(run) = view.allowed(p, "Microsoft.Logic/workflows/triggers/run/action", r) {
                how.push((
                    "Microsoft.Logic/workflows/triggers/run/action (run it at once)".into(),
                    run,
                ));
            }
            Some(how)
        },
    )
}
