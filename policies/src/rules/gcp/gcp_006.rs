//! T1648-GCP-006: a function or Cloud Run service deployed with a privileged service account, then
//! exposed, called, or used for IAM writes within the hour (Cloud Audit Logs).

use std::collections::BTreeMap;

use fnscope_snapshot::audit::{gcp_is_credential_write, gcp_is_deploy, gcp_method};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, Hit, after};
use crate::gcp::{Function, GcpPriv, View};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{member_ref, sa_ref, start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-006",
    title: "Function/service deployed with a privileged SA followed by exposure or IAM change",
    finds: "*(Cloud Audit Logs)* a function or Cloud Run service deployed as a privileged service account other than the caller, then within 60 minutes made public (`SetIamPolicy` adding `allUsers`), called by the same caller, or that account writing IAM or keys",
    provider: Provider::Gcp,
    kind: RuleKind::Detection,
    severity: "high; critical when the service account's privilege is critical",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "Deploying code as a privileged service account and, within the hour, making it public, calling it, or seeing that account change IAM is the deploy-as-another-identity escalation being used.",
    remediation: "Confirm the deployment with its author; if unsanctioned, delete or roll back the function, remove public invoker bindings, revoke keys or grants the account created, and narrow the runtime account (GCP-003). Allow-list CI deployers in `[detect] allow_actors`.",
    references: &[
        "Cloud Functions audit logging (CloudFunctionsService / FunctionService methods)",
        "ATT&CK DET0374 AN1053",
    ],
};

crate::declare_rule!(Gcp006, META, evaluate);

/// The function or service an audit `resourceName` names (`projects/p/locations/l/functions/f`,
/// `namespaces/p/services/s`).
pub(crate) fn find_function<'v, 'a>(
    view: &'v View<'a>,
    resource: &str,
) -> Option<&'v Function<'a>> {
    view.functions
        .iter()
        .find(|f| f.workload.id == resource)
        .or_else(|| {
            let name = resource.rsplit('/').next()?;
            let project = resource
                .strip_prefix("projects/")
                .or_else(|| resource.strip_prefix("namespaces/"))?
                .split('/')
                .next()?;
            let kind = if resource.contains("/services/") {
                "/services/"
            } else {
                "/functions/"
            };
            view.functions.iter().find(|f| {
                f.workload.target == project
                    && f.workload.id.contains(kind)
                    && f.workload.id.rsplit('/').next() == Some(name)
            })
        })
}

pub(crate) fn caller_ref(actor: &str) -> ResourceRef {
    if actor.ends_with(".gserviceaccount.com") {
        member_ref(&format!("serviceAccount:{actor}"))
    } else {
        member_ref(&format!("user:{actor}"))
    }
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
    let mut hits: BTreeMap<(String, String, String), Hit<'_>> = BTreeMap::new();
    for e1 in events.iter().filter(|e| gcp_is_deploy(e)) {
        let Some(resource) = e1.resource.as_deref() else {
            continue;
        };
        if detect::allowed(ctx, &e1.actor, &[]) {
            continue;
        }
        let current = find_function(view, resource);
        let sa = e1
            .attr("service_account")
            .map(str::to_string)
            .or_else(|| current.map(|f| f.details.service_account.clone()))
            .filter(|s| !s.is_empty());
        let Some(sa) = sa else {
            out.not_evaluated.push(format!(
                "event {} ({} on {resource}): the runtime service account is neither in the request nor in the inventory",
                e1.id,
                gcp_method(&e1.action)
            ));
            continue;
        };
        if sa.eq_ignore_ascii_case(&e1.actor) {
            continue;
        }
        let project = current
            .map(|f| f.workload.target.clone())
            .unwrap_or_else(|| e1.target.clone());
        if !view.iam_read(&project) {
            out.not_evaluated.push(format!(
                "event {} ({} on {resource}): the IAM policy of project {project} was not read, so what {sa} may do is unknown",
                e1.id,
                gcp_method(&e1.action)
            ));
            continue;
        }
        let (level, _) = view.privilege(&project, &sa);
        let severity = match level {
            GcpPriv::None => continue,
            GcpPriv::High => Severity::High,
            GcpPriv::Critical => Severity::Critical,
        };
        let then: Vec<&AuditEvent> = events
            .iter()
            .filter(|e2| !e2.same(e1) && after(e1, e2, 60))
            .filter(|e2| {
                let m = gcp_method(&e2.action);
                (m == "SetIamPolicy"
                    && e2.resource.as_deref() == Some(resource)
                    && e2
                        .attrs_of("added")
                        .iter()
                        .any(|m| m == "allUsers" || m == "allAuthenticatedUsers"))
                    || (m == "CallFunction"
                        && e2.actor == e1.actor
                        && e2.resource.as_deref() == Some(resource))
                    || (gcp_is_credential_write(e2) && e2.actor.eq_ignore_ascii_case(&sa))
            })
            .copied()
            .collect();
        if then.is_empty() {
            continue;
        }
        let id = current.map_or_else(|| resource.to_string(), |f| f.workload.id.clone());
        hits.entry((e1.actor.clone(), sa.clone(), id))
            .or_default()
            .add(Some(severity), e1, then);
    }
    for ((actor, sa, resource), hit) in hits {
        let resource_ref = match view.functions.iter().find(|f| f.workload.id == resource) {
            Some(f) => ResourceRef {
                id: f.workload.id.clone(),
                kind: f.workload.kind.to_string(),
                name: f.workload.name.clone(),
            },
            None => ResourceRef {
                id: resource.clone(),
                kind: fnscope_snapshot::kinds::GCP_CLOUD_FUNCTION.into(),
                name: resource.rsplit('/').next().unwrap_or(&resource).to_string(),
            },
        };
        let project = hit
            .first
            .first()
            .map(|e| e.target.clone())
            .unwrap_or_default();
        let (_, why) = view.privilege(&project, &sa);
        let mut b = META
            .finding()
            .severity(hit.severity.unwrap_or(Severity::High))
            .subject(caller_ref(&actor))
            .target(sa_ref(&sa))
            .resource(resource_ref);
        b = hit.evidence(b, "deployed", "then");
        match with_privilege(b, &sa, &why).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
