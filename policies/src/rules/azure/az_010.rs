//! T1648-AZ-010: one change to what a Function App, Logic App or Automation runbook runs, or a new
//! webhook that starts a runbook (Activity Log), graded by what the resource's identities can do.

use std::collections::BTreeMap;

use fnscope_snapshot::audit::{AZ_CODE_CHANGES, AZ_ROLE_ASSIGNMENT_WRITE};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::azure::{AzPriv, Resource, View};
use crate::detect::{self, Hit, Power, after, single_step_severity, with_power};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{resource_ref, start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-010",
    title: "Function App, Logic App or runbook code changed, published, started, or given a webhook",
    finds: "*(Activity Log)* one change of what a Function App, Logic App or runbook runs: site or config write, zip/publish deployment, function or slot write, publishing credentials downloaded, workflow write, runbook write, draft, publish or job, a webhook, Python packages",
    provider: Provider::Azure,
    kind: RuleKind::Detection,
    severity: "medium; one step up when an identity of the resource has critical privilege, one down when none is privileged, one up when that identity then assigns a role within the hour (AZ-008); low for allow-listed actors",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053", "AN1055"],
    rationale: "One management-plane call puts new code behind a Function App, Logic App or runbook and so behind its managed identity (a site or config write, a zip or publish deployment, a runbook draft, publish or job, a webhook anyone with its URL can call, publishing credentials downloaded). That one call is what recordings hold and what peer content alerts on; AZ-008 keeps the stronger sequence.",
    remediation: "Confirm the change with its author; if it was not sanctioned, roll the code or definition back, delete the webhook, rotate publishing credentials, and review what the resource's identity did since. Allow-list deployment pipelines in `[detect] allow_actors` (their changes stay visible as low).",
    references: &[
        "Microsoft: Storm-2949 management-plane abuse of App Service",
        "NetSPI MicroBurst: Automation runbook and webhook abuse",
        "ATT&CK DET0374 AN1053, AN1055",
    ],
};

crate::declare_rule!(Az010, META, evaluate);

/// The serverless resource an operation's resource ID is about: the site, workflow or runbook (the
/// Automation account for webhooks, jobs and packages).
pub(crate) fn workload_id(resource: &str) -> String {
    let parts: Vec<&str> = resource.split('/').collect();
    let at = |kind: &str| parts.iter().position(|p| p.eq_ignore_ascii_case(kind));
    // Runbooks sit under an account: the runbook when it is named, else the account.
    for kind in ["runbooks", "sites", "workflows", "automationaccounts"] {
        if let Some(i) = at(kind)
            && parts.len() > i + 1
        {
            return parts[..i + 2].join("/");
        }
    }
    resource.to_string()
}

fn what(op: &str) -> String {
    let tail = op.split_once('/').map_or(op, |(_, t)| t);
    match tail {
        "sites/write" => "site created or changed".into(),
        "sites/config/write" => "site configuration changed".into(),
        "sites/publish/action" | "sites/extensions/write" => "code deployed".into(),
        "sites/functions/write" => "function created or changed".into(),
        "sites/slots/write" => "deployment slot created or changed".into(),
        "sites/publishxml/action" => "publishing credentials downloaded".into(),
        "workflows/write" => "Logic App definition created or changed".into(),
        "automationaccounts/runbooks/write" => "runbook created or changed".into(),
        "automationaccounts/runbooks/draft/write" => "runbook draft written".into(),
        "automationaccounts/runbooks/publish/action" => "runbook published".into(),
        "automationaccounts/jobs/write" => "runbook job started".into(),
        "automationaccounts/webhooks/write" => {
            "webhook created (anyone holding its URL can start the runbook)".into()
        }
        other => other.to_string(),
    }
}

fn find<'v, 'a>(view: &'v View<'a>, id: &str) -> Option<&'v Resource<'a>> {
    view.resources.iter().find(|r| {
        let rid = r.workload.id.to_ascii_lowercase();
        id == rid || id.starts_with(&format!("{rid}/")) || rid.starts_with(&format!("{id}/"))
    })
}

fn power(view: &View<'_>, r: Option<&Resource<'_>>) -> (Vec<String>, Power) {
    let Some(r) = r else {
        return (
            Vec::new(),
            Power::Unknown(
                "the resource is not in the inventory, so its identities are unknown".into(),
            ),
        );
    };
    if r.workload.identities.is_empty() {
        return (Vec::new(), Power::Limited);
    }
    let mut best = AzPriv::None;
    for p in &r.workload.identities {
        best = best.max(view.privilege(p).0);
    }
    let p = match best {
        AzPriv::Critical => Power::Admin,
        AzPriv::High | AzPriv::Medium => Power::Privileged,
        AzPriv::None => Power::Limited,
    };
    (r.workload.identities.clone(), p)
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Azure,
        "Activity Log",
        "give `az monitor activity-log list` exports or diagnostic-settings records with --logs, or scan live with --since",
    ));
    let events = detect::events(ctx, Provider::Azure);
    let op = |e: &AuditEvent| e.action.to_ascii_lowercase();
    type Entry<'e> = (Vec<String>, Power, Vec<String>, Hit<'e>);
    let mut hits: BTreeMap<(String, String), Entry<'_>> = BTreeMap::new();
    for e in &events {
        let o = op(e);
        if !AZ_CODE_CHANGES.contains(&o.as_str()) {
            continue;
        }
        let Some(resource) = e.resource.as_deref() else {
            continue;
        };
        let id = workload_id(resource);
        let r = find(view, &id.to_ascii_lowercase());
        let (identities, power) = power(view, r);
        let allowed = detect::allowed(
            ctx,
            &e.actor,
            &e.attrs_of("principal")
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        // AZ-008's sequence: one of the resource's identities assigns a role within the hour.
        let correlated = events.iter().any(|e2| {
            op(e2) == AZ_ROLE_ASSIGNMENT_WRITE
                && after(e, e2, 60)
                && e2
                    .attr("principal")
                    .is_some_and(|p| identities.iter().any(|i| i.eq_ignore_ascii_case(p)))
        });
        let severity = single_step_severity(Severity::Medium, &power, allowed, correlated);
        let key_id = r.map_or(id, |r| r.workload.id.clone());
        let entry = hits.entry((e.actor.clone(), key_id)).or_insert_with(|| {
            (
                identities.clone(),
                power.clone(),
                Vec::new(),
                Hit::default(),
            )
        });
        let w = what(&o);
        if !entry.2.contains(&w) {
            entry.2.push(w);
        }
        entry.3.add(Some(severity), e, []);
    }
    for ((actor, id), (identities, power, what, hit)) in hits {
        let r = find(view, &id.to_ascii_lowercase());
        let resource = match r {
            Some(r) => resource_ref(r),
            None => ResourceRef {
                id: id.clone(),
                kind: if id.contains("/runbooks/") || id.contains("/automationaccounts/") {
                    fnscope_snapshot::kinds::AZURE_AUTOMATION_RUNBOOK.into()
                } else if id.contains("/workflows/") {
                    fnscope_snapshot::kinds::AZURE_LOGIC_APP.into()
                } else {
                    fnscope_snapshot::kinds::AZURE_FUNCTION_APP.into()
                },
                name: id.rsplit('/').next().unwrap_or(&id).to_string(),
            },
        };
        let subject = ResourceRef {
            id: hit
                .first
                .iter()
                .find_map(|e| e.attr("principal"))
                .map_or_else(|| actor.clone(), str::to_string),
            kind: fnscope_snapshot::kinds::AZURE_PRINCIPAL.into(),
            name: actor.clone(),
        };
        // What changed, so the finding keeps its identity whatever the inventory of the next run.
        let target = resource.clone();
        let mut b = META
            .finding()
            .severity(hit.severity.unwrap_or(Severity::Medium))
            .subject(subject)
            .target(target)
            .resource(resource)
            .evidence("change", what.join("; "), id.clone());
        b = hit.evidence(b, "changed", "then");
        match &power {
            Power::Admin | Power::Privileged => {
                for i in &identities {
                    let (_, why) = view.privilege(i);
                    b = with_privilege(b, i, &why);
                }
            }
            p => b = with_power(b, &id, p),
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
