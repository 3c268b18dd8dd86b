//! T1648-PA-004: a risky flow (one PA-001, PA-002 or PA-003 reports) created or edited by a maker with
//! no flow created or edited in the 90 days before (Purview).

use std::collections::{BTreeMap, BTreeSet};

use chrono::Duration;
use fnscope_snapshot::audit::PA_FLOW_WRITES;
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, with_event};
use crate::{Context, Outcome, ResourceRef, Rule, RuleKind, RuleMeta, Severity};

use super::{flow_ref, flows};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-004",
    title: "Risky flow created or edited by a first-time maker",
    finds: "*(Purview)* a flow that PA-001, 002 or 003 reports, created or edited by a user with no flow created or edited in the 90 days before (`conditional` when the log read does not reach that far back)",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Detection,
    severity: "high",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1054"],
    rationale: "A user who has not built flows for 90 days creating or editing a flow that forwards mail out, shares files anonymously or posts data to the internet is the pattern of a taken-over account planting automation.",
    remediation: "Confirm the flow with the user (out of band); if unexpected, turn it off, review its runs and connections, and reset the user's sessions and credentials. Restrict who may make flows in the environment (PA-005).",
    references: &[
        "Microsoft: Power Automate activity logging in Purview",
        "ATT&CK DET0374 AN1054",
    ],
};

crate::declare_rule!(Pa004, META, evaluate);

const HISTORY_DAYS: i64 = 90;

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::PowerAutomate,
        "Purview audit log",
        "give a Purview export (flow-activity.json or --logs)",
    ));
    // The flows that are risky now, with the rules that say so.
    let mut risky: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for rule in [
        &super::pa_001::RULE as &dyn Rule,
        &super::pa_002::RULE,
        &super::pa_003::RULE,
    ] {
        for f in rule.evaluate(ctx).findings {
            if let Some(r) = f.resource.or(Some(f.subject)) {
                risky.entry(r.id).or_default().insert(rule.meta().id);
            }
        }
    }
    let all = flows(ctx);
    let events = detect::events(ctx, Provider::PowerAutomate);
    let writes: Vec<&AuditEvent> = events
        .into_iter()
        .filter(|e| PA_FLOW_WRITES.contains(&e.action.as_str()))
        .collect();
    let mut hits: BTreeMap<(String, String), (Vec<&AuditEvent>, bool)> = BTreeMap::new();
    for e in &writes {
        let Some(flow_id) = e.resource.as_deref() else {
            continue;
        };
        let Some((w, _)) = all.iter().find(|(w, _)| {
            w.id.rsplit('/')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(flow_id))
        }) else {
            continue;
        };
        if !risky.contains_key(&w.id) || detect::allowed(ctx, &e.actor, &[]) {
            continue;
        }
        let since = e.time - Duration::days(HISTORY_DAYS);
        let before = writes
            .iter()
            .any(|p| p.actor == e.actor && p.time < e.time && p.time >= since);
        if before {
            continue;
        }
        // The log must reach back 90 days, or "first time" is only "first in what was read".
        let short = detect::covered_since(ctx, Provider::PowerAutomate, &w.target, since).is_some();
        let hit = hits.entry((e.actor.clone(), w.id.clone())).or_default();
        hit.0.push(e);
        hit.1 |= short;
    }
    for ((actor, flow), (evs, short)) in hits {
        let Some((w, _)) = all.iter().find(|(w, _)| w.id == flow) else {
            continue;
        };
        let mut b = META
            .finding()
            .severity(Severity::High)
            .subject(ResourceRef {
                id: actor.clone(),
                kind: fnscope_snapshot::kinds::POWER_PLATFORM_USER.into(),
                name: actor.clone(),
            })
            .resource(flow_ref(w))
            .conditional(short);
        for e in &evs {
            b = with_event(b, "first flow write in 90 days", e);
        }
        let rules: Vec<&str> = risky.get(&flow).into_iter().flatten().copied().collect();
        b = b.evidence(
            "risky flow",
            format!(
                "the flow's current definition is reported by {}",
                rules.join(", ")
            ),
            w.id.clone(),
        );
        if short {
            b = b.evidence(
                "history",
                format!(
                    "the audit log read does not reach {HISTORY_DAYS} days before the write; earlier flow writes by {actor} may exist"
                ),
                flow.clone(),
            );
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
