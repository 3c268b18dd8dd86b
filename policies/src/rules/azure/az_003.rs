//! T1648-AZ-003: a principal can create or modify and start runbooks in an Automation account whose
//! managed identity is privileged.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{any_of, code_paths};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-003",
    title: "Principal can create and start runbooks in an Automation account whose managed identity is privileged",
    finds: "a principal that can author runbooks **and** start them (publish + job, webhook, or schedule) in an Automation account whose identity can do what the principal cannot",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "the level of what the principal gains (the identity's grants beyond its own): critical, high or medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "Runbook code runs as the account's managed identity; Microsoft warns that Automation Contributor can reach any resource the identity can.",
    remediation: "Scope the account's identity to the resources its runbooks manage; keep runbook authoring and job start rights to its owners.",
    references: &[
        "spec §3.1 AZ-P6",
        "Microsoft: Automation Contributor and managed identities",
    ],
};

crate::declare_rule!(Az003, META, evaluate);

const AUTHOR: &[&str] = &[
    "Microsoft.Automation/automationAccounts/runbooks/write",
    "Microsoft.Automation/automationAccounts/runbooks/draft/write",
];

/// Ways to start the code: each leg needs all of its actions.
const START: &[&[&str]] = &[
    &[
        "Microsoft.Automation/automationAccounts/runbooks/publish/action",
        "Microsoft.Automation/automationAccounts/jobs/write",
    ],
    &["Microsoft.Automation/automationAccounts/webhooks/write"],
    &[
        "Microsoft.Automation/automationAccounts/schedules/write",
        "Microsoft.Automation/automationAccounts/jobSchedules/write",
    ],
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    code_paths(
        ctx,
        &META,
        &[fnscope_snapshot::kinds::AZURE_AUTOMATION_ACCOUNT],
        |view, p, r| {
            let mut how = vec![any_of(view, p, r, AUTHOR)?];
            let leg = START.iter().find_map(|leg| {
                leg.iter()
                    .map(|a| Some((a.to_string(), view.allowed(p, a, r)?)))
                    .collect::<Option<Vec<_>>>()
            })?;
            how.extend(leg);
            Some(how)
        },
    )
}
