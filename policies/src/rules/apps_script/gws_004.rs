//! T1648-GWS-004: a script installs triggers programmatically.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{parse_gaps, push, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-004",
    title: "Script installs triggers programmatically",
    finds: "`ScriptApp.newTrigger(…)…create()` (persistence, runs as its creator)",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "medium",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "An installable trigger is persistence: it runs as its creator on a timer or on other people's edits, long after the script was opened.",
    remediation: "Review the trigger's purpose and owner; remove triggers that no one needs (ScriptApp.getProjectTriggers).",
    references: &["Apps Script installable triggers"],
};

crate::declare_rule!(Gws004, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        for c in &d.calls {
            if !(c.api.starts_with("ScriptApp.newTrigger") && c.api.ends_with(".create")) {
                continue;
            }
            let f = c
                .literals
                .first()
                .cloned()
                .unwrap_or_else(|| "a computed function".into());
            let t = ResourceRef {
                id: format!("{}#trigger:{f}", w.id),
                kind: "installable_trigger".into(),
                name: f.clone(),
            };
            let kind = c
                .api
                .trim_start_matches("ScriptApp.newTrigger().")
                .trim_end_matches(".create");
            push(
                &mut out,
                script_finding(
                    &META,
                    w,
                    d,
                    c,
                    Severity::Medium,
                    t,
                    format!("installs a trigger for {f}: {kind}"),
                ),
            );
        }
    }
    out
}
