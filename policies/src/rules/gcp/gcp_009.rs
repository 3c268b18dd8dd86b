//! T1648-GCP-009: one deployment of a function or Cloud Run service, or one policy change that opens
//! it to everyone (Cloud Audit Logs), graded by what its service account can do.

use std::collections::BTreeMap;

use fnscope_snapshot::audit::{gcp_is_deploy, gcp_method};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, Hit, Power, after, single_step_severity, with_power};
use crate::gcp::{GcpPriv, View};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::gcp_006::{caller_ref, find_function};
use super::{start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-009",
    title: "Function or Cloud Run service deployed, or opened to everyone",
    finds: "*(Cloud Audit Logs)* one deployment of a function or Cloud Run service (v1 and v2 names joined), or one policy on it that lets `allUsers` / `allAuthenticatedUsers` in (from the delta, else the policy the call set)",
    provider: Provider::Gcp,
    kind: RuleKind::Detection,
    severity: "high for a policy that lets allUsers or allAuthenticatedUsers in; medium for a deployment (code, configuration or runtime account); one step up for a service account with critical privilege, one down for one with none, one up when the deployer then opens or calls it within the hour (GCP-006); low for allow-listed actors",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053", "AN1054"],
    rationale: "Deploying code as a service account hands the code that account's power, and a policy with allUsers lets anyone run it: each is one audit entry, which is what recordings of these techniques hold and what peer content alerts on. GCP-006 keeps the stronger sequence.",
    remediation: "Confirm the deployment or policy change with its author; if it was not sanctioned, roll the function or service back, remove allUsers/allAuthenticatedUsers from its policy, and review what its service account did since. Allow-list CI deployers in `[detect] allow_actors` (their changes stay visible as low).",
    references: &[
        "Cloud Functions and Cloud Run audit logging",
        "ATT&CK DET0374 AN1053",
    ],
};

crate::declare_rule!(Gcp009, META, evaluate);

const PUBLIC: [&str; 2] = ["allUsers", "allAuthenticatedUsers"];

/// What the event changed, on its own.
fn change(e: &AuditEvent) -> Option<(Severity, String)> {
    if gcp_is_deploy(e) {
        let what = match e.attr("service_account") {
            Some(sa) if !sa.eq_ignore_ascii_case(&e.actor) => {
                format!("{} running as {sa}", gcp_method(&e.action))
            }
            _ => gcp_method(&e.action).to_string(),
        };
        return Some((Severity::Medium, what));
    }
    let resource = e.resource.as_deref()?;
    if gcp_method(&e.action) == "SetIamPolicy"
        && (resource.contains("/functions/") || resource.contains("/services/"))
    {
        let public: Vec<&String> = e
            .attrs_of("added")
            .iter()
            .filter(|m| PUBLIC.contains(&m.as_str()))
            .collect();
        if !public.is_empty() {
            let from = if e.attr("policy_from").is_some() {
                " (the policy the call set; no delta was logged)"
            } else {
                ""
            };
            let list: Vec<&str> = public.iter().map(|m| m.as_str()).collect();
            return Some((
                Severity::High,
                format!("policy lets {} in{from}", list.join(" and ")),
            ));
        }
    }
    None
}

/// The service account the deployed code runs as, and what it can do.
fn power(view: &View<'_>, e: &AuditEvent, resource: &str) -> (Option<String>, Power) {
    let current = find_function(view, resource);
    let sa = e
        .attr("service_account")
        .map(str::to_string)
        .or_else(|| current.map(|f| f.details.service_account.clone()))
        .filter(|s| !s.is_empty());
    let Some(sa) = sa else {
        return (
            None,
            Power::Unknown(
                "the runtime service account is neither in the request nor in the inventory".into(),
            ),
        );
    };
    let project = current
        .map(|f| f.workload.target.clone())
        .unwrap_or_else(|| e.target.clone());
    if !view.iam_read(&project) {
        return (
            Some(sa),
            Power::Unknown(format!("the IAM policy of project {project} was not read")),
        );
    }
    let level = match view.privilege(&project, &sa).0 {
        GcpPriv::Critical => Power::Admin,
        GcpPriv::High => Power::Privileged,
        GcpPriv::None => Power::Limited,
    };
    (Some(sa), level)
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Gcp,
        "Cloud Audit Log",
        "give exported entries with --logs, or scan live with --since",
    ));
    let events = detect::events(ctx, Provider::Gcp);
    type Entry<'e> = (Option<String>, Power, Vec<String>, Hit<'e>);
    let mut hits: BTreeMap<(String, String), Entry<'_>> = BTreeMap::new();
    for e in &events {
        let Some(resource) = e.resource.as_deref() else {
            continue;
        };
        let Some((base, what)) = change(e) else {
            continue;
        };
        let allowed = detect::allowed(ctx, &e.actor, &[]);
        let (sa, power) = power(view, e, resource);
        // GCP-006's sequence: the deployer opens or calls it within the hour.
        let correlated = gcp_is_deploy(e)
            && events.iter().any(|e2| {
                !e2.same(e)
                    && after(e, e2, 60)
                    && e2.resource.as_deref() == Some(resource)
                    && ((gcp_method(&e2.action) == "SetIamPolicy"
                        && e2
                            .attrs_of("added")
                            .iter()
                            .any(|m| PUBLIC.contains(&m.as_str())))
                        || (gcp_method(&e2.action) == "CallFunction" && e2.actor == e.actor))
            });
        let severity = single_step_severity(base, &power, allowed, correlated);
        let id = find_function(view, resource)
            .map_or_else(|| resource.to_string(), |f| f.workload.id.clone());
        let entry = hits
            .entry((e.actor.clone(), id))
            .or_insert_with(|| (sa.clone(), power.clone(), Vec::new(), Hit::default()));
        if sa.is_some() && entry.0.is_none() {
            entry.0 = sa;
            entry.1 = power;
        }
        if !entry.2.contains(&what) {
            entry.2.push(what);
        }
        entry.3.add(Some(severity), e, []);
    }
    for ((actor, resource), (sa, power, what, hit)) in hits {
        let resource_ref = match view.functions.iter().find(|f| f.workload.id == resource) {
            Some(f) => ResourceRef {
                id: f.workload.id.clone(),
                kind: f.workload.kind.to_string(),
                name: f.workload.name.clone(),
            },
            None => ResourceRef {
                id: resource.clone(),
                kind: if resource.contains("/services/") {
                    fnscope_snapshot::kinds::GCP_CLOUD_RUN_SERVICE.into()
                } else {
                    fnscope_snapshot::kinds::GCP_CLOUD_FUNCTION.into()
                },
                name: resource.rsplit('/').next().unwrap_or(&resource).to_string(),
            },
        };
        let mut b = META
            .finding()
            .severity(hit.severity.unwrap_or(Severity::Medium))
            .subject(caller_ref(&actor))
            // What changed, so the finding keeps its identity whatever the inventory of the next run.
            .target(resource_ref.clone())
            .resource(resource_ref)
            .evidence("change", what.join("; "), resource.clone());
        b = hit.evidence(b, "changed", "then");
        match (&sa, &power) {
            (Some(sa), Power::Admin | Power::Privileged) => {
                let project = hit
                    .first
                    .first()
                    .map(|e| e.target.clone())
                    .unwrap_or_default();
                let (_, why) = view.privilege(&project, sa);
                b = with_privilege(b, sa, &why);
            }
            (Some(sa), p) => b = with_power(b, sa, p),
            (None, p) => b = with_power(b, &resource, p),
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
