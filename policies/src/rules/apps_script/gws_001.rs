//! T1648-GWS-001: an event-bound script sends user data to an external host.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{
    host, host_allowed, installable, parse_gaps, push, script_finding, scripts, triggered,
};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-001",
    title: "Event-bound script sends user data to an external host",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical (literal external host, installable trigger), high (computed URL or simple trigger only)",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "A script that reads mail, files or sheets and fetches an outside URL on every open, edit or timer is an exfiltration channel that runs as its creator.",
    remediation: "Remove the call or allow-list the host; restrict script.external_request and high-risk scopes in the Admin console's API controls.",
    references: &[
        "ATT&CK AN1055",
        "Apps Script installable triggers run as their creator",
    ],
};

crate::declare_rule!(Gws001, META, evaluate);

const USER_DATA: &[&str] = &[
    "SpreadsheetApp",
    "DocumentApp",
    "DriveApp",
    "GmailApp",
    "CalendarApp",
    "FormApp",
    "ContactsApp",
    "People",
    "Gmail",
    "Drive",
    "AdminDirectory",
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        if !triggered(d) || !d.services.iter().any(|s| USER_DATA.contains(&s.as_str())) {
            continue;
        }
        for c in &d.calls {
            if !(c.api == "UrlFetchApp.fetch" || c.api == "UrlFetchApp.fetchAll") {
                continue;
            }
            let h = host(c);
            if h.as_deref().is_some_and(|h| host_allowed(ctx, w, h)) {
                continue;
            }
            let sev = match (&h, installable(d)) {
                (Some(_), true) => Severity::Critical,
                _ => Severity::High,
            };
            let target = ResourceRef {
                id: h
                    .clone()
                    .map_or_else(|| "dynamic-url".into(), |h| format!("https://{h}")),
                kind: "http_endpoint".into(),
                name: h.clone().unwrap_or_else(|| "a computed URL".into()),
            };
            let what = format!(
                "{} to {} in a script that reads {}",
                c.api,
                h.as_deref().unwrap_or("a computed URL"),
                d.services
                    .iter()
                    .filter(|s| USER_DATA.contains(&s.as_str()))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            push(&mut out, script_finding(&META, w, d, c, sev, target, what));
        }
    }
    out
}
