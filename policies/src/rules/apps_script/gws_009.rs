//! T1648-GWS-009: one OAuth grant of restricted scopes to an Apps Script project (Reports API).

use std::collections::BTreeMap;

use chrono::Duration;
use fnscope_snapshot::Provider;
use fnscope_snapshot::audit::{WS_FORWARDING, ws_is_exposure};

use crate::detect::{self, Hit, with_event};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::gws_006::high_risk;
use super::{push, script_ref, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-009",
    title: "OAuth grant of restricted scopes to an Apps Script project",
    finds: "*(Reports API)* one such restricted grant to an Apps Script client",
    provider: Provider::AppsScript,
    kind: RuleKind::Detection,
    severity: "medium; high when the user's files turn public or mail is forwarded out within a day (GWS-008); low for allow-listed clients",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1055"],
    rationale: "A user authorising a script for Gmail, full Drive or directory scopes hands the script's owner that reach with one click; the grant is one Reports record, and GWS-008 keeps the stronger grant-then-exposure sequence.",
    remediation: "Confirm the script with the user and its owner; if it is not known, revoke the grant (Admin console → Security → API controls, or `tokens.delete`) and review the script's code (GWS-001…005). Allow-list known add-on clients in `[detect] allow_actors` (their grants stay visible as low).",
    references: &[
        "Google Workspace Reports API: token activity",
        "ATT&CK DET0374 AN1055",
    ],
};

crate::declare_rule!(Gws009, META, evaluate);

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
        let severity = if detect::allowed(ctx, &grant.actor, &[client, app]) {
            Severity::Low
        } else if events.iter().any(|e| {
            e.time >= grant.time
                && e.time - grant.time <= Duration::hours(24)
                && (e.actor == grant.actor
                    || e.attr("owner")
                        .is_some_and(|o| o.eq_ignore_ascii_case(&grant.actor)))
                && (ws_is_exposure(e) || WS_FORWARDING.contains(&e.action.as_str()))
        }) {
            Severity::High
        } else {
            Severity::Medium
        };
        let key = (
            grant.actor.clone(),
            if client.is_empty() {
                app.to_string()
            } else {
                client.to_string()
            },
        );
        hits.entry(key).or_default().add(Some(severity), grant, []);
    }
    for ((user, client), hit) in hits {
        let app = hit
            .first
            .first()
            .and_then(|g| g.attr("app_name"))
            .unwrap_or(&client);
        let mut b = META
            .finding()
            .severity(hit.severity.unwrap_or(Severity::Medium))
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
        push(&mut out, b);
    }
    out
}
