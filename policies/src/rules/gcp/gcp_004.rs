//! T1648-GCP-004: a privileged serverless function is publicly invocable (`allUsers` /
//! `allAuthenticatedUsers` on the function's invoker role, or on the Cloud Run service for 2nd gen).

use fnscope_snapshot::Provider;

use crate::gcp::GcpPriv;
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{sa_ref, start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-004",
    title: "Privileged serverless function is publicly invocable",
    finds: "a privileged function invocable by `allUsers` / `allAuthenticatedUsers` (the Cloud Run service's policy for 2nd gen), or a Cloud Run function with `invokerIamDisabled`",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "high; critical when the runtime account is critical",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &[],
    rationale: "Anyone on the internet can drive code that runs with a privileged account; any input-handling flaw becomes that account's power.",
    remediation: "Reduce the runtime account first; then remove allUsers / allAuthenticatedUsers from the invoker role (roles/cloudfunctions.invoker, roles/run.invoker for 2nd gen) or put the function behind authentication.",
    references: &[
        "Cloud Functions: 2nd gen functions are invoked through Cloud Run (roles/run.invoker)",
    ],
};

crate::declare_rule!(Gcp004, META, evaluate);

const INVOKERS: &[&str] = &["roles/cloudfunctions.invoker", "roles/run.invoker"];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let mut unread = Vec::new();
    // A Cloud Run job has no HTTP endpoint: running it is a permission, not an invocation.
    for f in view
        .functions
        .iter()
        .filter(|f| f.details.generation != "JOB")
    {
        let email = &f.details.service_account;
        let (level, why) = view.privilege(&f.workload.target, email);
        if level == GcpPriv::None {
            continue;
        }
        let empty = fnscope_snapshot::GcpIamPolicy::default();
        let policy = match &f.details.invoker_policy {
            Some(p) => p,
            None if f.details.invoker_iam_disabled => &empty,
            None => {
                if !f.details.invoker_policy_read {
                    unread.push(f.workload.name.clone());
                }
                continue;
            }
        };
        let mut public: Vec<String> = policy
            .bindings
            .iter()
            .filter(|b| INVOKERS.contains(&b.role.as_str()))
            .filter_map(|b| {
                let who: Vec<&str> = b
                    .members
                    .iter()
                    .map(String::as_str)
                    .filter(|m| *m == "allUsers" || *m == "allAuthenticatedUsers")
                    .collect();
                (!who.is_empty()).then(|| format!("{} is granted to {}", b.role, who.join(", ")))
            })
            .collect();
        if f.details.invoker_iam_disabled {
            public.push(
                "invokerIamDisabled is true: anyone who can reach it may call it, no IAM check"
                    .into(),
            );
        }
        if public.is_empty() {
            continue;
        }
        let workload = ResourceRef {
            id: f.workload.id.clone(),
            kind: f.workload.kind.to_string(),
            name: f.workload.name.clone(),
        };
        let mut b = META
            .finding()
            .severity(if level == GcpPriv::Critical {
                Severity::Critical
            } else {
                Severity::High
            })
            .subject(workload.clone())
            .target(sa_ref(email))
            .resource(workload);
        let on = f
            .details
            .run_service
            .clone()
            .unwrap_or_else(|| f.workload.id.clone());
        for what in public {
            b = b.evidence("exposure", what, format!("IAM policy of {on}"));
        }
        match with_privilege(b, email, &why).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    if !unread.is_empty() {
        out.not_evaluated.push(format!(
            "the invoker policy of {} privileged functions was not read (first: {})",
            unread.len(),
            unread[0]
        ));
    }
    out
}
