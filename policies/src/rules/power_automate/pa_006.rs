//! T1648-PA-006: one flow created or edited whose current definition is risky (one PA-001, PA-002 or
//! PA-003 reports), whoever made it (Purview).

use std::collections::{BTreeMap, BTreeSet};

use fnscope_snapshot::audit::PA_FLOW_WRITES;
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, with_event};
use crate::{Context, Outcome, ResourceRef, Rule, RuleKind, RuleMeta, Severity};

use super::{flow_ref, flows};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-006",
    title: "Flow created or edited whose definition is risky",
    finds: "*(Purview)* one creation or edit of a flow that PA-001, 002 or 003 reports, whoever the maker; flows written in the log but absent from the inventory are `not_evaluated`",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Detection,
    severity: "medium; high when the definition's own finding is critical; low for allow-listed makers",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1054"],
    rationale: "The write that puts mail forwarding, anonymous sharing or an outbound HTTP call into a flow is one Purview record; PA-004 raises it when the maker had written no flow for 90 days, this rule reports the write itself so it is seen whatever the maker's history.",
    remediation: "Confirm the flow with its maker; if it was not expected, turn it off, review its runs and connections, and check the maker's account. Allow-list automation accounts in `[detect] allow_actors` (their writes stay visible as low).",
    references: &[
        "Microsoft: Power Automate activity logging in Purview",
        "ATT&CK DET0374 AN1054",
    ],
};

crate::declare_rule!(Pa006, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::PowerAutomate,
        "Purview audit log",
        "give a Purview export (flow-activity.json or --logs)",
    ));
    // The flows that are risky now, with the rules that say so and their worst severity.
    let mut risky: BTreeMap<String, (BTreeSet<&'static str>, Severity)> = BTreeMap::new();
    for rule in [
        &super::pa_001::RULE as &dyn Rule,
        &super::pa_002::RULE,
        &super::pa_003::RULE,
    ] {
        for f in rule.evaluate(ctx).findings {
            let severity = f.severity;
            if let Some(r) = f.resource.or(Some(f.subject)) {
                let e = risky.entry(r.id).or_insert((BTreeSet::new(), severity));
                e.0.insert(rule.meta().id);
                e.1 = e.1.max(severity);
            }
        }
    }
    let all = flows(ctx);
    let mut unknown = BTreeSet::new();
    let mut hits: BTreeMap<(String, String), Vec<&AuditEvent>> = BTreeMap::new();
    for e in detect::events(ctx, Provider::PowerAutomate)
        .into_iter()
        .filter(|e| PA_FLOW_WRITES.contains(&e.action.as_str()))
    {
        let Some(flow_id) = e.resource.as_deref() else {
            continue;
        };
        let Some((w, _)) = all.iter().find(|(w, _)| {
            w.id.rsplit('/')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(flow_id))
        }) else {
            unknown.insert(flow_id.to_string());
            continue;
        };
        if risky.contains_key(&w.id) {
            hits.entry((e.actor.clone(), w.id.clone()))
                .or_default()
                .push(e);
        }
    }
    if !unknown.is_empty() {
        let list: Vec<&str> = unknown.iter().take(5).map(String::as_str).collect();
        out.not_evaluated.push(format!(
            "{} flows written in the audit log are not in the inventory, so their definitions were not analysed: {}",
            unknown.len(),
            list.join(", ")
        ));
    }
    for ((actor, flow), evs) in hits {
        let Some((w, _)) = all.iter().find(|(w, _)| w.id == flow) else {
            continue;
        };
        let Some((rules, worst)) = risky.get(&flow) else {
            continue;
        };
        let severity = if detect::allowed(ctx, &actor, &[]) {
            Severity::Low
        } else if *worst == Severity::Critical {
            Severity::High
        } else {
            Severity::Medium
        };
        let mut b = META
            .finding()
            .severity(severity)
            .subject(ResourceRef {
                id: actor.clone(),
                kind: fnscope_snapshot::kinds::POWER_PLATFORM_USER.into(),
                name: actor.clone(),
            })
            .resource(flow_ref(w));
        for e in &evs {
            b = with_event(b, "flow write", e);
        }
        let rules: Vec<&str> = rules.iter().copied().collect();
        b = b.evidence(
            "risky flow",
            format!(
                "the flow's current definition is reported by {} (worst: {worst})",
                rules.join(", ")
            ),
            w.id.clone(),
        );
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
