//! T1648-GCP-008: an unused serverless create permission — an IAM policy insight (PERMISSIONS_USAGE)
//! shows a role binding whose function/service create permissions were not exercised in 90 days.

use std::collections::BTreeSet;

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{member_ref, start};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-008",
    title: "Unused serverless create permission",
    provider: Provider::Gcp,
    kind: RuleKind::Usage,
    severity: "medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A role binding that lets a member create or update functions and services it never uses is attack surface that can go.",
    remediation: "Replace the role with one without the unused create permissions (the IAM recommender proposes one), or remove the binding.",
    references: &["IAM recommender policy insights (PERMISSIONS_USAGE, 90-day observation)"],
};

crate::declare_rule!(Gcp008, META, evaluate);

const CREATE: &[&str] = &[
    "cloudfunctions.functions.create",
    "cloudfunctions.functions.update",
    "cloudfunctions.functions.sourceCodeSet",
    "run.services.create",
    "run.services.update",
    "run.jobs.create",
];

/// `7776000s` → seconds.
fn seconds(period: &str) -> Option<u64> {
    period.strip_suffix('s')?.split('.').next()?.parse().ok()
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let usage: Vec<_> = ctx
        .snapshot
        .usage
        .iter()
        .filter(|u| u.provider == Provider::Gcp)
        .collect();
    for project in view.chains.keys() {
        let has_insights = ctx.snapshot.coverage.iter().any(|c| {
            c.provider == Provider::Gcp
                && &c.target == project
                && c.api == "recommender:insights.list"
                && c.status == fnscope_snapshot::CoverageStatus::Complete
        });
        if !has_insights {
            out.not_evaluated.push(format!(
                "project {project}: no IAM policy insights (they need Security Command Center Premium or Enterprise)"
            ));
        }
    }
    for marker in usage.iter().filter(|u| u.action.is_none()) {
        let period_ok = marker
            .source
            .rsplit(' ')
            .next()
            .and_then(seconds)
            .is_some_and(|s| s >= 7_776_000);
        if !period_ok {
            continue;
        }
        let Some(perms) = view.role_permissions(&marker.service) else {
            continue;
        };
        let held: Vec<&str> = CREATE
            .iter()
            .copied()
            .filter(|p| perms.contains(*p))
            .collect();
        if held.is_empty() {
            continue;
        }
        let used: BTreeSet<&str> = usage
            .iter()
            .filter(|u| u.principal == marker.principal && u.service == marker.service)
            .filter_map(|u| u.action.as_deref())
            .collect();
        if held.iter().any(|p| used.contains(p)) {
            continue;
        }
        let f = META
            .finding()
            .severity(Severity::Medium)
            .subject(member_ref(&marker.principal))
            .target(ResourceRef {
                id: marker.service.clone(),
                kind: "gcp_role".into(),
                name: marker.service.clone(),
            })
            .evidence(
                "usage",
                format!(
                    "{} holds {} through {} and used none of them in the observation period",
                    marker.principal,
                    held.join(", "),
                    marker.service
                ),
                marker.source.clone(),
            )
            .build();
        match f {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
