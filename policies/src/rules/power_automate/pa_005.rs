//! T1648-PA-005: unused maker capability — a user who can create flows, owns none and made no flow in
//! the audit window.

use std::collections::BTreeSet;

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::flows;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-005",
    title: "Unused maker capability",
    finds: "an Environment Maker who owns no flow and created or edited none in an audit log covering `unused_days`",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Usage,
    severity: "low",
    technique: "T1648",
    mitigations: &["M1018", "M1036"],
    analytics: &[],
    rationale: "Every maker can build a flow that forwards mail or shares files; makers who never build are attack surface that can go.",
    remediation: "Remove the Environment Maker role, route new makers to a dedicated environment, and apply Conditional Access to Power Automate.",
    references: &["ATT&CK M1036: Conditional Access on Power Apps / Power Automate"],
};

crate::declare_rule!(Pa005, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    let days = ctx.settings.unused_days;
    let targets: Vec<&str> = ctx
        .snapshot
        .targets
        .iter()
        .filter(|t| t.provider == Provider::PowerAutomate)
        .map(|t| t.id.as_str())
        .collect();
    let all = flows(ctx);
    for env in targets {
        let makers: Vec<&str> = ctx
            .snapshot
            .bindings
            .iter()
            .filter(|b| b.kind == fnscope_snapshot::kinds::POWER_PLATFORM_MAKER && b.scope == env)
            .map(|b| b.principal.as_str())
            .collect();
        let window = ctx.snapshot.usage.iter().find(|u| {
            u.provider == Provider::PowerAutomate
                && u.principal == format!("environment:{env}")
                && u.action.is_none()
        });
        let covered = window.and_then(|u| {
            let (from, to) = u.source.split_once(" window ")?.1.split_once("..")?;
            let f = chrono::DateTime::parse_from_rfc3339(from).ok()?;
            let t = chrono::DateTime::parse_from_rfc3339(to).ok()?;
            Some((t - f).num_days() >= days)
        });
        let has_makers = ctx.snapshot.coverage.iter().any(|c| {
            c.provider == Provider::PowerAutomate
                && c.target == env
                && c.api == "bap:environment.roleAssignments"
                && c.status == fnscope_snapshot::CoverageStatus::Complete
        });
        if !has_makers || covered != Some(true) {
            out.not_evaluated.push(format!(
                "environment {env}: {}",
                if has_makers {
                    format!("no flow audit log covering {days} days")
                } else {
                    "the Environment Maker role holders were not read".to_string()
                }
            ));
            continue;
        }
        let Some(window) = window else { continue };
        let owning: BTreeSet<String> = all
            .iter()
            .filter(|(w, _)| w.target == env)
            .flat_map(|(w, d)| {
                w.owner
                    .iter()
                    .cloned()
                    .chain(d.owners.iter().cloned())
                    .map(|x| x.to_ascii_lowercase())
            })
            .collect();
        let active: BTreeSet<String> = ctx
            .snapshot
            .usage
            .iter()
            .filter(|u| u.provider == Provider::PowerAutomate && u.action.is_some())
            .map(|u| u.principal.to_ascii_lowercase())
            .collect();
        for m in makers {
            let email = ctx
                .snapshot
                .identities
                .iter()
                .find(|i| i.id == m)
                .map(|i| i.name.to_ascii_lowercase());
            let key = m.to_ascii_lowercase();
            let known_as = |set: &BTreeSet<String>| {
                set.contains(&key) || email.as_ref().is_some_and(|e| set.contains(e))
            };
            if known_as(&owning) || known_as(&active) {
                continue;
            }
            let m = email.as_deref().unwrap_or(m);
            let f = META
                .finding()
                .severity(Severity::Low)
                .subject(ResourceRef {
                    id: m.to_string(),
                    kind: fnscope_snapshot::kinds::POWER_PLATFORM_USER.into(),
                    name: m.to_string(),
                })
                .target(ResourceRef {
                    id: env.to_string(),
                    kind: fnscope_snapshot::kinds::POWER_PLATFORM_ENVIRONMENT.into(),
                    name: env.to_string(),
                })
                .evidence(
                    "usage",
                    format!("{m} holds Environment Maker in {env}, owns no flow and created or edited none"),
                    window.source.clone(),
                )
                .build();
            match f {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
