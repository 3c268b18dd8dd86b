//! T1648-GWS-005: a script hands the user's OAuth token to another party.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{Dest, outside, parse_gaps, push, reach_of, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-005",
    title: "Script hands the user's OAuth token to another party",
    finds: "`ScriptApp.getOAuthToken()` passed to a host outside the domain and Google's first-party APIs, a mail, or a web app's response (the token to Google's own APIs is how advanced APIs are called, and is not reported)",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical (to a written outside host, in a mail, or in a web app's response); high (to a URL whose host could not be resolved)",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "ScriptApp.getOAuthToken() carries every scope the user granted the script; sent out, it lets another party act as the user. Sending it to Google's own APIs (the usual way to call an advanced API) is not reported.",
    remediation: "Remove the hand-off; call Google services from the script itself, and allow-list any vendor backend explicitly.",
    references: &["ATT&CK AN1055"],
};

crate::declare_rule!(Gws005, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        for c in d.calls.iter().filter(|c| c.carries_token) {
            let page = c.api.starts_with("ContentService.") || c.api.starts_with("HtmlService.");
            // Handed back to whoever calls the web app (a page in the user's own sidebar is not).
            let web_response = page
                && match reach_of(d, c) {
                    Some(r) => r.kind == "web_app",
                    None => c
                        .function
                        .as_deref()
                        .is_some_and(|f| f == "doGet" || f == "doPost"),
                };
            let fetch = c.api.starts_with("UrlFetchApp.fetch");
            let away = if fetch {
                outside(ctx, w, c, true)
            } else {
                Vec::new()
            };
            let mail = c.api.ends_with(".sendEmail");
            if !(web_response || !away.is_empty() || mail) {
                continue;
            }
            let written = away.iter().all(|x| matches!(x, Dest::Outside(_)));
            // The token to a URL that could not be resolved: where it goes is not known.
            let sev = if fetch && !written && !mail && !web_response {
                Severity::High
            } else {
                Severity::Critical
            };
            let t = ResourceRef {
                id: format!("{}#token:{}:{}", w.id, c.file, c.line),
                kind: "oauth_token".into(),
                name: format!("the user's OAuth token via {}", c.api),
            };
            let to = if away.is_empty() {
                String::new()
            } else {
                format!(
                    " (to {})",
                    away.iter().map(Dest::label).collect::<Vec<_>>().join(", ")
                )
            };
            push(
                &mut out,
                script_finding(
                    &META,
                    w,
                    d,
                    c,
                    sev,
                    t,
                    format!(
                        "the result of ScriptApp.getOAuthToken() is passed to {}{to}",
                        c.api
                    ),
                ),
            );
        }
    }
    out
}
