//! T1648-AWS-010: an unused serverless create/modify permission — a principal holds
//! lambda:CreateFunction / UpdateFunctionCode / UpdateFunctionConfiguration but IAM last-accessed data
//! shows no use in N days (M1018: remove what is not used).

use chrono::{DateTime, Duration, Utc};
use fnscope_snapshot::Provider;

use crate::aws::condition::Ctx;
use crate::aws::eval::Res;
use crate::{Context, Outcome, RuleKind, RuleMeta, Severity};

use super::{partition, probe, start, with_grant};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-010",
    title: "Unused serverless create/modify permission",
    finds: "a principal holding lambda create/modify permissions it has not used in 90 days (IAM last-accessed data)",
    provider: Provider::Aws,
    kind: RuleKind::Usage,
    severity: "medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "A permission to create or change function code that is never used is pure attack surface: removing it costs nothing and closes a T1648 path.",
    remediation: "Remove the unused lambda actions from the principal's policies (IAM last-accessed data shows them unused), or move them to a role assumed only when deploying.",
    references: &["IAM GenerateServiceLastAccessedDetails (action-level tracking for lambda)"],
};

const ACTIONS: &[&str] = &[
    "lambda:CreateFunction",
    "lambda:UpdateFunctionCode",
    "lambda:UpdateFunctionConfiguration",
];

fn parse(t: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(t)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

crate::declare_rule!(Aws010, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let days = ctx.settings.unused_days;
    let mut without_data = Vec::new();
    for p in view.principals.iter().filter(|p| !p.is_service_linked()) {
        let part = partition(p.arn());
        let held: Vec<_> = ACTIONS
            .iter()
            .filter_map(|a| {
                let d = p.allowed(a, Res::AnyOf(&probe(a, part, &p.account)), &Ctx::new());
                d.allowed.then_some((*a, d))
            })
            .collect();
        if held.is_empty() {
            continue;
        }
        let usage: Vec<_> = ctx
            .snapshot
            .usage
            .iter()
            .filter(|u| {
                u.provider == Provider::Aws && u.principal == p.arn() && u.service == "lambda"
            })
            .collect();
        let Some(service) = usage.iter().find(|u| u.action.is_none()) else {
            without_data.push(p.identity.name.clone());
            continue;
        };
        let Some(as_of) = parse(&service.as_of) else {
            out.not_evaluated.push(format!(
                "last-accessed data of {} has an unreadable date `{}`",
                p.arn(),
                service.as_of
            ));
            continue;
        };
        let cutoff = as_of - Duration::days(days);
        let created_before = p
            .identity
            .created
            .as_deref()
            .and_then(parse)
            .is_none_or(|c| c < cutoff);
        let mut unused = Vec::new();
        for (action, _) in &held {
            let name = action.trim_start_matches("lambda:");
            // Action-level data when AWS tracks the action, else the service-level date.
            let last = usage
                .iter()
                .find(|u| u.action.as_deref() == Some(name))
                .map_or(service.last_used.as_deref(), |u| u.last_used.as_deref());
            let is_unused = match last.and_then(parse) {
                Some(t) => t < cutoff,
                None => created_before,
            };
            if !is_unused {
                continue;
            }
            unused.push((
                *action,
                last.map_or_else(|| "never".to_string(), str::to_string),
            ));
        }
        if unused.is_empty() {
            continue;
        }
        let mut b = META
            .finding()
            .severity(Severity::Medium)
            .subject(p.reference());
        for (action, d) in held
            .iter()
            .filter(|(a, _)| unused.iter().any(|(u, _)| u == a))
        {
            b = with_grant(b, action, d);
        }
        for (action, last) in &unused {
            b = b.evidence(
                "usage",
                format!(
                    "{action} last used: {last} (as of {}, threshold {days} days)",
                    service.as_of
                ),
                service.source.clone(),
            );
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    if !without_data.is_empty() {
        without_data.sort();
        let more = if without_data.len() > 5 { ", …" } else { "" };
        out.not_evaluated.push(format!(
            "no IAM last-accessed data for {} principals that hold lambda create/modify permissions ({}{more}); run a live scan without --no-last-accessed or export iam/last-accessed/",
            without_data.len(),
            without_data.iter().take(5).cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    out
}
