//! T1648-GWS-001: an event-bound script sends user data to an external host.

use std::collections::BTreeMap;

use fnscope_snapshot::{Provider, ScriptCall, ScriptDetails, UrlFact, Workload};

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{
    Dest, at, destinations, installable, parse_gaps, push, reach_of, script_finding, scripts,
    triggered,
};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-001",
    title: "Event-bound script sends user data to an external host",
    finds: "a script that reads user data and sends something variable (a payload, or URL parts read from the user's data) with `UrlFetchApp.fetch`/`fetchAll` to a host outside the domain, Google's first-party APIs and `http_allow`; one finding per destination, each with the path from its entry point",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical (written external host, started unattended: installable or add-on trigger, web app), high (computed host, or a simple trigger), medium (a person starts it: menu item, button, sidebar, editor)",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "A script that reads mail, files or sheets and fetches an outside URL on every open, edit, timer or web request is an exfiltration channel that runs as its creator; calls to Google's own APIs with the user's token act on the user's own data and are not reported.",
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

/// One destination's worst call.
struct Worst<'a> {
    sev: Severity,
    call: &'a ScriptCall,
    dest: Dest,
    also: Vec<String>,
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        let reads: Vec<String> = d
            .services
            .iter()
            .filter(|s| USER_DATA.contains(&s.as_str()))
            .cloned()
            .collect();
        if reads.is_empty() || (!d.reach_computed && !triggered(d)) {
            continue;
        }
        // One finding per destination (a host, a computed host's fixed end, or "a computed
        // URL"), at the severity of its worst call; the other calls are listed with it.
        let mut by_dest: BTreeMap<String, Worst<'_>> = BTreeMap::new();
        for c in &d.calls {
            if !(c.api == "UrlFetchApp.fetch" || c.api == "UrlFetchApp.fetchAll") {
                continue;
            }
            for (dest, sev) in judged(ctx, w, d, c) {
                let key = dest.label();
                match by_dest.get_mut(&key) {
                    Some(x) if sev > x.sev => {
                        x.also.push(at(x.call));
                        x.sev = sev;
                        x.call = c;
                    }
                    Some(x) => {
                        if x.call.file != c.file || x.call.line != c.line {
                            x.also.push(at(c));
                        }
                    }
                    None => {
                        by_dest.insert(
                            key,
                            Worst {
                                sev,
                                call: c,
                                dest,
                                also: Vec::new(),
                            },
                        );
                    }
                }
            }
        }
        for (_, x) in by_dest {
            let host = match &x.dest {
                Dest::Outside(h) => Some(h.clone()),
                _ => None,
            };
            let target = ResourceRef {
                id: match &x.dest {
                    Dest::Outside(h) => format!("https://{h}"),
                    Dest::OutsideSuffix(s) => format!("https://*{s}"),
                    _ => "dynamic-url".into(),
                },
                kind: "http_endpoint".into(),
                name: host.unwrap_or_else(|| x.dest.label()),
            };
            let what = format!(
                "{} to {} in a script that reads {}{}",
                x.call.api,
                x.dest.label(),
                reads.join(", "),
                if x.call.payload == Some(true) {
                    " (with a payload)"
                } else if x.call.urls.iter().any(|u| u.computed) {
                    " (the URL carries computed parts)"
                } else {
                    ""
                }
            );
            let mut b = script_finding(&META, w, d, x.call, x.sev, target, what);
            for a in x.also.iter().take(20) {
                b = b.evidence("code", "also sends there".to_string(), a.clone());
            }
            push(&mut out, b);
        }
    }
    out
}

/// Each destination of a fetch outside the domain, Google and the allow-list, with the severity it
/// earns; none for a destination that gets nothing variable (a fixed URL read without a payload).
fn judged(
    ctx: &Context<'_>,
    w: &Workload,
    d: &ScriptDetails,
    c: &ScriptCall,
) -> Vec<(Dest, Severity)> {
    let mut out = Vec::new();
    let facts: Vec<Option<&UrlFact>> = if c.urls.is_empty() {
        vec![None]
    } else {
        c.urls.iter().map(Some).collect()
    };
    let dests = destinations(ctx, w, c);
    let payload = c.payload.unwrap_or(true);
    for (i, dest) in dests.into_iter().enumerate() {
        if dest == Dest::Allowed {
            continue;
        }
        let fact = facts.get(i).copied().flatten();
        // What goes out: a payload, or URL parts read from the user's data (or any computed part
        // of a write). A GET whose URL is computed from something else (an id, a date) reads.
        // Snapshots written before payloads were recorded count every computed URL, as before.
        let legacy = c.payload.is_none();
        let writes = c
            .method
            .as_deref()
            .is_some_and(|m| !m.eq_ignore_ascii_case("get"));
        let computed = fact.is_none_or(|u| u.computed);
        // A wholly computed URL is where the request goes, not what it carries.
        let variable = legacy
            || payload
            || fact.is_some_and(|u| u.user_data)
            || (computed && writes && dest != Dest::Unknown);
        let written = matches!(dest, Dest::Outside(_));
        if !variable && dest != Dest::Unknown {
            continue;
        }
        let sev = match reach_of(d, c) {
            Some(r) => match r.kind.as_str() {
                _ if !variable => Severity::Medium,
                "installable" | "web_app" | "add_on" | "web_client" if written => {
                    Severity::Critical
                }
                "installable" | "web_app" | "add_on" | "web_client" | "simple" => Severity::High,
                _ => Severity::Medium,
            },
            None => match (written, installable(d)) {
                (true, true) => Severity::Critical,
                _ => Severity::High,
            },
        };
        out.push((dest, sev));
    }
    out
}
