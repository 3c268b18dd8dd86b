//! T1648-GWS-002: a script forwards or sends mail outside the domain, or changes Gmail forwarding.

use fnscope_snapshot::{Provider, ScriptCall};

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{addresses, automatic, domains, external, parse_gaps, push, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-002",
    title: "Script forwards or sends mail externally, or changes Gmail forwarding or auto-reply",
    finds: "`GmailApp`/`MailApp` sends, replies and message forwards to an outside address; Gmail forwarding, forwarding filters and auto-replies changed (advanced service or the Gmail REST API); Gmail API sends whose recipients are encoded (medium)",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical when started unattended (a trigger, the web app), else high; medium for a Gmail API send whose recipients are inside the encoded message; low for an auto-reply (a fixed text, not the mail)",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "Forwarding or re-sending mail outside from a script bypasses the domain's forwarding controls and runs silently on every trigger.",
    remediation: "Remove the send or allow-list the recipient domain; block automatic forwarding in Gmail settings and restrict the script's mail scopes.",
    references: &["ATT&CK AN1055"],
};

crate::declare_rule!(Gws002, META, evaluate);

const SENDS: &[&str] = &[
    "GmailApp.sendEmail",
    "MailApp.sendEmail",
    "GmailApp.createDraft",
    "*.forward",
    "*.reply",
    "*.replyAll",
];
/// Mailbox settings that send mail on: forwarding, filters that forward, auto-replies.
const SETTINGS: &[(&str, &str)] = &[
    (
        "Gmail.Users.Settings.ForwardingAddresses.create",
        "forwarding",
    ),
    ("Gmail.Users.Settings.updateAutoForwarding", "forwarding"),
    ("Gmail.Users.Settings.Filters.create", "forwarding"),
    ("Gmail.Users.Settings.updateVacation", "auto-reply"),
];
/// Gmail API sends whose recipients are inside the encoded message (not read).
const RAW_SENDS: &[&str] = &["Gmail.Users.Messages.send", "Gmail.Users.Drafts.send"];
/// Gmail REST paths (`gmail.googleapis.com`, `www.googleapis.com/gmail/`) that send or change
/// forwarding, when called through `UrlFetchApp`.
const REST_PATHS: &[(&str, &str)] = &[
    ("/messages/send", "send"),
    ("/drafts/send", "send"),
    ("/settings/forwardingaddresses", "forwarding"),
    ("/settings/autoforwarding", "forwarding"),
    ("/settings/filters", "forwarding"),
    ("/settings/vacation", "auto-reply"),
];

/// What a `UrlFetchApp` call does to mail through the Gmail REST API, if anything.
fn gmail_rest(c: &ScriptCall) -> Option<&'static str> {
    if !c.api.starts_with("UrlFetchApp.") {
        return None;
    }
    c.urls.iter().find_map(|u| {
        let host = u.host.as_deref()?;
        let path = u.path.as_deref().unwrap_or_default().to_ascii_lowercase();
        let gmail = host == "gmail.googleapis.com"
            || (host == "www.googleapis.com" && path.starts_with("/gmail/"));
        gmail
            .then(|| {
                REST_PATHS
                    .iter()
                    .find(|(p, _)| path.contains(p))
                    .map(|(_, what)| *what)
            })
            .flatten()
    })
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        let sev = |c: &ScriptCall| {
            if automatic(d, c) {
                Severity::Critical
            } else {
                Severity::High
            }
        };
        let own = domains(ctx, w);
        for c in &d.calls {
            let setting = SETTINGS
                .iter()
                .find(|(api, _)| *api == c.api)
                .map(|(_, what)| *what)
                .or_else(|| gmail_rest(c).filter(|w| *w != "send"));
            if let Some(what) = setting {
                // An auto-reply sends a fixed text to whoever writes, not the mail itself: low.
                let severity = if what == "auto-reply" {
                    Severity::Low
                } else {
                    sev(c)
                };
                let t = ResourceRef {
                    id: format!("{}#{}", w.id, c.api),
                    kind: if what == "forwarding" {
                        "gmail_forwarding".into()
                    } else {
                        "gmail_auto_reply".into()
                    },
                    name: c.api.clone(),
                };
                push(
                    &mut out,
                    script_finding(
                        &META,
                        w,
                        d,
                        c,
                        severity,
                        t,
                        format!("{} changes the mailbox's {what}", c.api),
                    ),
                );
                continue;
            }
            // A send whose recipients cannot be read here (an encoded message): said, at medium.
            if RAW_SENDS.contains(&c.api.as_str()) || gmail_rest(c) == Some("send") {
                let t = ResourceRef {
                    id: format!("{}#{}:{}", w.id, c.file, c.line),
                    kind: "unread_recipient".into(),
                    name: "recipients inside the encoded message".into(),
                };
                push(
                    &mut out,
                    script_finding(
                        &META,
                        w,
                        d,
                        c,
                        Severity::Medium,
                        t,
                        format!(
                            "{} sends mail through the Gmail API; its recipients are inside the encoded message, which is not read",
                            c.api
                        ),
                    ),
                );
                continue;
            }
            if !SENDS.contains(&c.api.as_str()) {
                continue;
            }
            let outside: Vec<String> = addresses(c)
                .into_iter()
                .filter(|a| external(&own, a))
                .collect();
            if outside.is_empty() {
                continue;
            }
            let t = ResourceRef {
                id: format!("mailto:{}", outside.join(";")),
                kind: "external_recipient".into(),
                name: outside.join("; "),
            };
            push(
                &mut out,
                script_finding(
                    &META,
                    w,
                    d,
                    c,
                    sev(c),
                    t,
                    format!("{} to {}", c.api, outside.join(", ")),
                ),
            );
        }
    }
    out
}
