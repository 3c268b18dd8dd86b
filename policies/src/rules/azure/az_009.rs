//! T1648-AZ-009: an unused serverless create/modify permission — a principal holds the right to write
//! Function Apps, Logic Apps or runbooks through an assignment older than `unused_days`, and the
//! Activity Log covering those days shows no successful create/modify by it.

use std::collections::BTreeMap;

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{principal_ref, start};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-009",
    title: "Unused serverless create/modify permission",
    finds: "a principal holding `sites/write`, `workflows/write` or `runbooks/write` through an assignment older than `unused_days` with no successful create/modify in an Activity Log covering those days",
    provider: Provider::Azure,
    kind: RuleKind::Usage,
    severity: "medium (Owner at subscription: low)",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A right to create or change serverless code that nobody uses is attack surface that can go.",
    remediation: "Remove the assignment or replace the role with one without the unused write rights.",
    references: &["spec §3.4 (Activity Log operations counted as use)"],
};

crate::declare_rule!(Az009, META, evaluate);

const HELD: &[&str] = &[
    "Microsoft.Web/sites/write",
    "Microsoft.Logic/workflows/write",
    "Microsoft.Automation/automationAccounts/runbooks/write",
];

/// Activity Log operations that count as use (§3.4).
const USED: &[&str] = &[
    "microsoft.web/sites/write",
    "microsoft.web/sites/publish/action",
    "microsoft.web/sites/config/write",
    "microsoft.logic/workflows/write",
    "microsoft.automation/automationaccounts/runbooks/write",
    "microsoft.automation/automationaccounts/runbooks/draft/write",
    "microsoft.automation/automationaccounts/runbooks/publish/action",
];

const OWNER: &str = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

fn time(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    chrono::DateTime::parse_from_rfc3339(s).ok()
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let days = ctx.settings.unused_days;
    // Subscription → (window start, window end, source) of its Activity Log.
    let mut windows: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    for u in ctx
        .snapshot
        .usage
        .iter()
        .filter(|u| u.provider == Provider::Azure && u.service == "activitylog")
    {
        if let (Some(sub), Some((_, range))) = (
            u.principal.strip_prefix("subscription:"),
            u.source.split_once(" window "),
        ) && let Some((from, to)) = range.split_once("..")
        {
            windows.insert(
                sub.to_ascii_lowercase(),
                (from.to_string(), to.to_string(), u.source.clone()),
            );
        }
    }
    let mut short = Vec::new();
    for t in ctx
        .snapshot
        .targets
        .iter()
        .filter(|t| t.provider == Provider::Azure)
    {
        let covered = windows
            .get(&t.id.to_ascii_lowercase())
            .and_then(|(f, to, _)| Some((time(to)? - time(f)?).num_days() >= days));
        if covered != Some(true) {
            short.push(t.id.clone());
        }
    }
    if !short.is_empty() {
        out.not_evaluated.push(format!(
            "subscriptions {} have no Activity Log covering {days} days: unused create permissions not evaluated there",
            short.join(", ")
        ));
    }
    let used: std::collections::BTreeSet<(String, String)> = ctx
        .snapshot
        .usage
        .iter()
        .filter(|u| u.provider == Provider::Azure)
        .filter_map(|u| Some((u.principal.to_ascii_lowercase(), u.action.clone()?)))
        .filter(|(_, a)| USED.contains(&a.as_str()))
        .collect();
    for p in view.principals.keys() {
        if used.iter().any(|(who, _)| who == p) {
            continue;
        }
        for b in view.assignments(p) {
            let held: Vec<&str> = HELD
                .iter()
                .copied()
                .filter(|a| view.role_allows(&b.grant, a) == Some(true))
                .filter(|a| !view.denied(p, a, &b.scope))
                .collect();
            if held.is_empty() {
                continue;
            }
            let sub = b
                .scope
                .split('/')
                .nth(2)
                .map(str::to_ascii_lowercase)
                .unwrap_or_default();
            // Management-group and root assignments: judged on the shortest window scanned.
            let window = if sub.is_empty() {
                windows.values().min_by_key(|(f, to, _)| {
                    time(to)
                        .zip(time(f))
                        .map(|(t, f)| (t - f).num_days())
                        .unwrap_or(0)
                })
            } else {
                windows.get(&sub)
            };
            let Some((from, to, source)) = window else {
                continue;
            };
            let (Some(from_t), Some(to_t)) = (time(from), time(to)) else {
                continue;
            };
            if (to_t - from_t).num_days() < days {
                continue;
            }
            // An assignment younger than the threshold has not had the chance to be used.
            let old_enough = b
                .created
                .as_deref()
                .and_then(time)
                .is_none_or(|c| (to_t - c).num_days() >= days);
            if !old_enough {
                continue;
            }
            let role = view.role_name(&b.grant);
            let sev = if b.grant == OWNER && b.scope.matches('/').count() == 2 {
                Severity::Low
            } else {
                Severity::Medium
            };
            let f = META
                .finding()
                .severity(sev)
                .subject(principal_ref(view, p))
                .target(ResourceRef {
                    id: format!("{}@{}", b.grant, b.scope),
                    kind: fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT.into(),
                    name: format!("{role} at {}", b.scope),
                })
                .evidence(
                    "usage",
                    format!(
                        "{p} holds {} through {role} at {} and made no successful create/modify call from {from} to {to}",
                        held.join(", "),
                        b.scope
                    ),
                    source.clone(),
                )
                .conditional(b.condition.is_some())
                .build();
            match f {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
