//! T1648-GWS-002: a script forwards or sends mail outside the domain, or changes Gmail forwarding.

use fnscope_snapshot::{Provider, ScriptCall};

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{addresses, automatic, domains, external, parse_gaps, push, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-002",
    title: "Script forwards or sends mail externally, or changes Gmail forwarding",
    finds: "`GmailApp`/`MailApp` sends and message forwards to an outside address, or Gmail forwarding settings changed",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical when started unattended (a trigger, the web app), else high",
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
const SETTINGS: &[&str] = &[
    "Gmail.Users.Settings.ForwardingAddresses.create",
    "Gmail.Users.Settings.updateAutoForwarding",
    "Gmail.Users.Settings.Filters.create",
];

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
            if SETTINGS.contains(&c.api.as_str()) {
                let t = ResourceRef {
                    id: format!("{}#{}", w.id, c.api),
                    kind: "gmail_forwarding".into(),
                    name: c.api.clone(),
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
                        format!("{} changes the mailbox's forwarding", c.api),
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
