//! T1648-GWS-005: a script hands the user's OAuth token to another party.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{host, host_allowed, parse_gaps, push, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-005",
    title: "Script hands the user's OAuth token to another party",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "ScriptApp.getOAuthToken() carries every scope the user granted the script; sent out, it lets another party act as the user.",
    remediation: "Remove the hand-off; call Google services from the script itself, and allow-list any vendor backend explicitly.",
    references: &["ATT&CK AN1055"],
};

crate::declare_rule!(Gws005, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        for c in d.calls.iter().filter(|c| c.carries_token) {
            let web_response = (c.api.starts_with("ContentService.")
                || c.api.starts_with("HtmlService."))
                && c.function
                    .as_deref()
                    .is_some_and(|f| f == "doGet" || f == "doPost");
            let fetch_out = c.api.starts_with("UrlFetchApp.fetch")
                && host(c).is_none_or(|h| !host_allowed(ctx, w, &h));
            let mail = c.api.ends_with(".sendEmail");
            if !(web_response || fetch_out || mail) {
                continue;
            }
            let t = ResourceRef {
                id: format!("{}#token:{}:{}", w.id, c.file, c.line),
                kind: "oauth_token".into(),
                name: format!("the user's OAuth token via {}", c.api),
            };
            push(
                &mut out,
                script_finding(
                    &META,
                    w,
                    d,
                    c,
                    Severity::Critical,
                    t,
                    format!(
                        "the result of ScriptApp.getOAuthToken() is passed to {}",
                        c.api
                    ),
                ),
            );
        }
    }
    out
}
