//! T1648-PA-001: a flow forwards or re-sends mail to an external recipient on a mail trigger.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{
    Whose, connector_is, context_evidence, flow_ref, flows, lower, op_starts, recipient, started,
    tenant_domains, uri_host,
};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-001",
    title: "Flow forwards or re-sends mail to an external recipient on a mail trigger",
    finds: "a flow on a new-mail trigger (Office 365 Outlook, Outlook.com, Gmail) that forwards, sends or replies (at any depth, through Office 365 Outlook, Outlook.com, Gmail, SMTP, SendGrid or Mail, or Microsoft Graph over HTTP: sendMail, forward, reply, inbox rules) to a recipient outside the tenant's domains — subdomains are internal, look-alikes (`contoso.com.evil.io`) external; without tenant domains, not evaluated",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Posture,
    severity: "critical (unfiltered, running), high (filtered or stopped), medium (only dynamic recipients)",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1054"],
    rationale: "A flow that forwards every arriving message outside is a mailbox exfiltration channel that Exchange's auto-forwarding controls do not stop: it sends new mail as the connection owner.",
    remediation: "Turn the flow off and review it; block ForwardEmail_V2 with a DLP action rule, and reject Power Automate forwards with a transport rule on x-ms-mail-operation-type.",
    references: &[
        "ATT&CK T1648 procedure: Power Automate flow forwarding all mail",
        "Microsoft: email exfiltration controls for connectors",
    ],
};

crate::declare_rule!(Pa001, META, evaluate);

const FILTERS: &[&str] = &["from", "to", "subjectfilter"];

/// The mail connectors of Power Automate: their new-mail triggers and the operations that send,
/// forward or reply (operation ids matched by prefix, case-insensitively, so `_V2`/`V3` suffixes
/// drift freely). From `spec/m365-actions.md` §1, extended with the connectors it lists for egress.
const MAIL: &[(&str, &[&str], &[&str])] = &[
    (
        "shared_office365",
        &[
            "OnNewEmail",
            "SharedMailboxOnNewEmail",
            "OnFlaggedEmail",
            "OnNewMentionMeEmail",
        ],
        &[
            "ForwardEmail",
            "SendEmail",
            "ReplyTo",
            "SharedMailboxSendEmail",
        ],
    ),
    // Outlook.com (consumer mailboxes).
    (
        "shared_outlook",
        &["OnNewEmail"],
        &["ForwardEmail", "SendEmail", "ReplyTo"],
    ),
    (
        "shared_gmail",
        &["OnNewEmail"],
        &["SendEmail", "ForwardEmail", "Reply"],
    ),
    ("shared_smtp", &[], &["SendEmail"]),
    ("shared_sendgrid", &[], &["SendEmail"]),
    // "Mail": sends from Microsoft's relay address.
    ("shared_sendmail", &[], &["SendEmail"]),
];

/// True when the trigger fires on new mail of any mail connector.
fn mail_trigger(t: &fnscope_snapshot::FlowTrigger) -> bool {
    let op = t
        .operation
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    MAIL.iter().any(|(c, triggers, _)| {
        t.connector
            .as_deref()
            .is_some_and(|x| x.eq_ignore_ascii_case(c))
            && triggers
                .iter()
                .any(|p| op.starts_with(&p.to_ascii_lowercase()))
    })
}

/// Microsoft Graph mail paths that send, forward, reply, or set an inbox rule (which may forward or
/// redirect), when a step calls Graph over HTTP (the HTTP action, Office 365 Outlook's "Send an HTTP
/// request", HTTP with Microsoft Entra ID).
const GRAPH_SENDS: &[&str] = &[
    "/sendmail",
    "/forward",
    "/createforward",
    "/reply",
    "/replyall",
    "/messagerules",
];

/// True when the step sends, forwards or replies through any mail connector, or through Graph.
fn sends_mail(s: &fnscope_snapshot::FlowStep) -> bool {
    MAIL.iter()
        .any(|(c, _, sends)| connector_is(s, c) && op_starts(s, sends))
        || s.uri.as_deref().is_some_and(|u| {
            let u = u.to_ascii_lowercase();
            uri_host(&u).is_some_and(|h| h == "graph.microsoft.com")
                && GRAPH_SENDS.iter().any(|p| u.contains(p))
        })
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    let (domains, inferred) = tenant_domains(ctx);
    for (w, d) in flows(ctx) {
        let t = &d.trigger;
        if !mail_trigger(t) {
            continue;
        }
        let filtered = t.filters.iter().any(|(k, v)| {
            let k = k.rsplit('/').next().unwrap_or(k).to_ascii_lowercase();
            (FILTERS.contains(&k.as_str()) && !v.trim().is_empty())
                || (k == "fetchonlywithattachment" && v == "true")
        });
        for s in &d.steps {
            if !sends_mail(s) {
                continue;
            }
            if domains.is_empty() {
                out.not_evaluated.push(format!(
                    "{}: tenant domains unknown (set [power_automate] tenant_domains): recipients of {} not judged",
                    w.name, s.path
                ));
                continue;
            }
            let judged: Vec<(String, Whose)> = s
                .recipients
                .iter()
                .map(|r| (r.clone(), recipient(r, &domains)))
                .collect();
            let external: Vec<&(String, Whose)> = judged
                .iter()
                .filter(|(_, w)| matches!(w, Whose::External(_)))
                .collect();
            let dynamic = judged.iter().any(|(_, w)| *w == Whose::Dynamic);
            let sev = if !external.is_empty() {
                if !filtered && started(w) {
                    Severity::Critical
                } else {
                    Severity::High
                }
            } else if dynamic {
                Severity::Medium
            } else {
                continue;
            };
            let shown: Vec<&str> = if external.is_empty() {
                judged.iter().map(|(r, _)| r.as_str()).collect()
            } else {
                external.iter().map(|(r, _)| r.as_str()).collect()
            };
            let mut b = META
                .finding()
                .subject(flow_ref(w))
                .target(ResourceRef {
                    id: format!("mailto:{}", shown.join(";")),
                    kind: if external.is_empty() {
                        "dynamic_recipient".into()
                    } else {
                        "external_recipient".into()
                    },
                    name: shown.join("; "),
                })
                .evidence(
                    "trigger",
                    format!(
                        "{} ({}) {}, flow {}",
                        t.name,
                        t.operation.as_deref().unwrap_or("?"),
                        if filtered {
                            format!("filtered by {:?}", t.filters)
                        } else {
                            "with no sender, recipient or subject filter".to_string()
                        },
                        w.state.as_deref().unwrap_or("Started (no state exported)")
                    ),
                    format!("triggers.{}", t.name),
                )
                .evidence(
                    "action",
                    format!(
                        "{} sends to {}",
                        s.operation.as_deref().unwrap_or("?"),
                        s.recipients.join("; ")
                    ),
                    s.path.clone(),
                )
                .evidence_key(s.path.clone());
            if let Some(n) = &inferred {
                b = b.evidence("tenant", n.clone(), "connectionReferences".to_string());
            }
            let (b, blocked) = context_evidence(ctx, b, w, d, s);
            let f = b.severity(if blocked { lower(sev) } else { sev }).build();
            match f {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
