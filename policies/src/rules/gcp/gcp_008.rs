//! T1648-GCP-008: an unused serverless create permission — an IAM policy insight (PERMISSIONS_USAGE)
//! shows a role binding whose function/service create permissions were not exercised in 90 days.
//! Where a project has no insights (they need Security Command Center Premium), Activity Analyzer's
//! last-authentication data stands in for service accounts: an account that holds create permissions
//! and has not authenticated for `unused_days` has not used them. Other members are then not evaluated.

use std::collections::BTreeSet;

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{member_ref, start};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-008",
    title: "Unused serverless create permission",
    finds: "a role binding whose function/service create permissions an IAM policy insight shows unused for 90 days; without insights, a service account holding them that Activity Analyzer shows not authenticating for `unused_days`",
    provider: Provider::Gcp,
    kind: RuleKind::Usage,
    severity: "medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A role binding that lets a member create or update functions and services it never uses is attack surface that can go.",
    remediation: "Replace the role with one without the unused create permissions (the IAM recommender proposes one), or remove the binding.",
    references: &[
        "IAM recommender policy insights (PERMISSIONS_USAGE, 90-day observation)",
        "Policy Analyzer Activity Analyzer (serviceAccountLastAuthentication)",
    ],
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
        let insight_tag = format!("recommender:google.iam.policy.Insight project {project} ");
        if usage.iter().any(|u| u.source.starts_with(&insight_tag)) {
            continue;
        }
        let complete = |api: &str| {
            ctx.snapshot.coverage.iter().any(|c| {
                c.provider == Provider::Gcp
                    && &c.target == project
                    && c.api == api
                    && c.status == fnscope_snapshot::CoverageStatus::Complete
            })
        };
        if complete("policyanalyzer:activities.query") {
            last_auth_fallback(ctx, view, project, &usage, &mut out);
        } else {
            out.not_evaluated.push(format!(
                "project {project}: no IAM policy insights (they need Security Command Center Premium or Enterprise) and no Activity Analyzer data"
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
                kind: fnscope_snapshot::kinds::GCP_ROLE.into(),
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

/// Activity Analyzer fallback for one project: service accounts holding create permissions that have
/// not authenticated within `unused_days`.
fn last_auth_fallback(
    ctx: &Context<'_>,
    view: &crate::gcp::View<'_>,
    project: &str,
    usage: &[&fnscope_snapshot::Usage],
    out: &mut Outcome,
) {
    let service = format!("authentication:{project}");
    let mut others = BTreeSet::new();
    let members: BTreeSet<&str> = view
        .chains
        .get(project)
        .into_iter()
        .flatten()
        .flat_map(|scope| view.members_at(scope))
        .collect();
    for member in members {
        let held: Vec<(&str, crate::gcp::Grant)> = CREATE
            .iter()
            .filter_map(|p| Some((*p, view.has(project, member, p)?)))
            .collect();
        if held.is_empty() {
            continue;
        }
        if !member.starts_with("serviceAccount:") {
            others.insert(member);
            continue;
        }
        let Some(record) = usage
            .iter()
            .find(|u| u.principal == member && u.service == service)
        else {
            // An account of another project: its authentication is recorded there, if scanned.
            if !usage.iter().any(|u| u.principal == member) {
                others.insert(member);
            }
            continue;
        };
        let as_of = chrono::DateTime::parse_from_rfc3339(&record.as_of).ok();
        let last = record
            .last_used
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok());
        let idle_days = match (as_of, last) {
            (Some(a), Some(l)) => Some((a - l).num_days()),
            _ => None,
        };
        let unused = match (record.last_used.as_deref(), idle_days) {
            (None, _) => true,
            (Some(_), Some(d)) => d >= ctx.settings.unused_days,
            (Some(_), None) => false,
        };
        if !unused {
            continue;
        }
        let perms: Vec<&str> = held.iter().map(|(p, _)| *p).collect();
        let how = match &record.last_used {
            None => "has not authenticated in the observation period".to_string(),
            Some(t) => format!(
                "last authenticated {t} ({} days before {})",
                idle_days.unwrap_or_default(),
                record.as_of
            ),
        };
        let mut b = META
            .finding()
            .severity(Severity::Medium)
            .subject(member_ref(member))
            .evidence(
                "usage",
                format!("{member} holds {} and {how}", perms.join(", ")),
                record.source.clone(),
            );
        let mut roles = BTreeSet::new();
        for (_, g) in &held {
            if roles.insert((g.scope.clone(), g.role.clone())) {
                b = super::with_grant(b, "create permissions", g);
            }
        }
        if let Some((_, g)) = held.first() {
            b = b.target(ResourceRef {
                id: g.role.clone(),
                kind: fnscope_snapshot::kinds::GCP_ROLE.into(),
                name: g.role.clone(),
            });
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    if !others.is_empty() {
        let list: Vec<&str> = others.iter().take(5).copied().collect();
        out.not_evaluated.push(format!(
            "project {project}: no IAM policy insights; Activity Analyzer covers this project's service accounts only, so {} other members holding create permissions were not evaluated (first: {})",
            others.len(),
            list.join(", ")
        ));
    }
}
