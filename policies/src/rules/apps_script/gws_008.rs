//! T1648-GWS-008: an OAuth grant to an Apps Script project with restricted scopes, followed within a
//! day by the same user's files going public or mail forwarding leaving the domain (Reports API).

use std::collections::BTreeMap;

use chrono::Duration;
use fnscope_snapshot::audit::{WS_FORWARDING, ws_is_exposure};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, Hit, with_event};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::gws_006::high_risk;
use super::{push, script_ref, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-008",
    title: "OAuth grant to an Apps Script project with restricted scopes followed by exposure",
    finds: "*(Reports API)* a user granting an Apps Script client (a script scope, or a known script's title) a restricted scope, then within 24 hours a file of theirs going public or to anyone with the link, or mail forwarding leaving the domain",
    provider: Provider::AppsScript,
    kind: RuleKind::Detection,
    severity: "high",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1055"],
    rationale: "A user authorising a script with Gmail or Drive scopes and, within a day, files of theirs turning public or their mail being forwarded out is the script acting on the grant.",
    remediation: "Revoke the grant (Admin console → Security → API controls, or `tokens.delete`), restore the files' sharing and the mail forwarding, and review the script's code (GWS-001…005). Allow-list known add-on clients in `[detect] allow_actors`.",
    references: &[
        "Google Workspace Reports API: token and drive activity",
        "ATT&CK DET0374 AN1055",
    ],
};

crate::declare_rule!(Gws008, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::AppsScript,
        "Reports API activity",
        "give token/drive/user_accounts activity exports with --logs, or scan live with --since",
    ));
    let inventory = scripts(ctx);
    let events = detect::events(ctx, Provider::AppsScript);
    let mut hits: BTreeMap<(String, String), Hit<'_>> = BTreeMap::new();
    for grant in events.iter().filter(|e| e.action == "token:authorize") {
        let scopes = grant.attrs_of("scope");
        let app = grant.attr("app_name").unwrap_or_default();
        let client = grant.attr("client_id").unwrap_or_default();
        let script = inventory
            .iter()
            .find(|(w, _)| !app.is_empty() && w.name == app);
        let is_script = script.is_some() || scopes.iter().any(|s| s.contains("/auth/script."));
        if !is_script || !scopes.iter().any(|s| high_risk(s)) {
            continue;
        }
        if detect::allowed(ctx, &grant.actor, &[client, app]) {
            continue;
        }
        let then: Vec<&AuditEvent> = events
            .iter()
            .filter(|e| {
                e.time >= grant.time
                    && e.time - grant.time <= Duration::hours(24)
                    && (e.actor == grant.actor
                        || e.attr("owner")
                            .is_some_and(|o| o.eq_ignore_ascii_case(&grant.actor)))
                    && (ws_is_exposure(e) || WS_FORWARDING.contains(&e.action.as_str()))
            })
            .copied()
            .collect();
        if then.is_empty() {
            continue;
        }
        let key = (
            grant.actor.clone(),
            if client.is_empty() {
                app.to_string()
            } else {
                client.to_string()
            },
        );
        hits.entry(key).or_default().add(None, grant, then);
    }
    for ((user, client), hit) in hits {
        let app = hit
            .first
            .first()
            .and_then(|g| g.attr("app_name"))
            .unwrap_or(&client);
        let mut b = META
            .finding()
            .severity(Severity::High)
            .subject(ResourceRef {
                id: format!("user:{user}"),
                kind: fnscope_snapshot::kinds::WORKSPACE_USER.into(),
                name: user.clone(),
            })
            .target(ResourceRef {
                id: client.clone(),
                kind: "oauth_client".into(),
                name: app.to_string(),
            });
        if let Some((w, _)) = inventory.iter().find(|(w, _)| w.name == app) {
            b = b.resource(script_ref(w));
        }
        for g in &hit.first {
            let restricted: Vec<&str> = g
                .attrs_of("scope")
                .iter()
                .filter(|s| high_risk(s))
                .map(String::as_str)
                .collect();
            b = with_event(b, "granted", g).evidence(
                "scopes",
                format!("restricted scopes granted: {}", restricted.join(", ")),
                g.source.clone(),
            );
        }
        for e in &hit.then {
            b = with_event(b, "then", e);
        }
        push(&mut out, b);
    }
    out
}
