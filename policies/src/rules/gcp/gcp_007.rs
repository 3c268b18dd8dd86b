//! T1648-GCP-007: a serverless runtime service account mints keys or tokens or changes IAM (Cloud
//! Audit Logs).

use std::collections::BTreeMap;

use fnscope_snapshot::audit::gcp_is_credential_write;
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, with_event};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{sa_ref, start};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-007",
    title: "Serverless runtime SA mints keys/tokens or changes IAM",
    finds: "*(Cloud Audit Logs)* a runtime service account creating keys or accounts, minting tokens or signing (`iamcredentials`), or setting IAM policies",
    provider: Provider::Gcp,
    kind: RuleKind::Detection,
    severity: "critical",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "Function code that creates service-account keys, mints tokens for other accounts or changes IAM policies is using its identity as a credential factory.",
    remediation: "Find the function that ran, delete the keys or bindings it created, and remove key, token and setIamPolicy permissions from its runtime account. Allow-list sanctioned IAM automation in `[detect] allow_actors`.",
    references: &[
        "ATT&CK DET0374 AN1053",
        "Rhino Security Labs GCP privilege escalation",
    ],
};

crate::declare_rule!(Gcp007, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Gcp,
        "Cloud Audit Log",
        "give exported entries with --logs, or scan live with --since",
    ));
    let mut runtime: BTreeMap<String, Vec<ResourceRef>> = BTreeMap::new();
    for f in &view.functions {
        if !f.details.service_account.is_empty() {
            runtime
                .entry(f.details.service_account.to_ascii_lowercase())
                .or_default()
                .push(ResourceRef {
                    id: f.workload.id.clone(),
                    kind: f.workload.kind.to_string(),
                    name: f.workload.name.clone(),
                });
        }
    }
    let writes_by_accounts = detect::events(ctx, Provider::Gcp)
        .into_iter()
        .filter(|e| gcp_is_credential_write(e) && e.actor.ends_with(".gserviceaccount.com"))
        .count();
    if runtime.is_empty() && writes_by_accounts > 0 {
        out.not_evaluated.push(format!(
            "{writes_by_accounts} key, token or IAM writes by service accounts were logged, but no function or Cloud Run service is in the inventory, so which accounts are runtime accounts is unknown (scan the projects, or export their functions and services)"
        ));
    }
    let mut hits: BTreeMap<(String, String), Vec<&AuditEvent>> = BTreeMap::new();
    for e in detect::events(ctx, Provider::Gcp) {
        let sa = e.actor.to_ascii_lowercase();
        if !gcp_is_credential_write(e)
            || !runtime.contains_key(&sa)
            || detect::allowed(ctx, &e.actor, &[])
        {
            continue;
        }
        let target = e.resource.clone().unwrap_or_else(|| e.target.clone());
        hits.entry((sa, target)).or_default().push(e);
    }
    for ((sa, target), evs) in hits {
        let functions = runtime.get(&sa).cloned().unwrap_or_default();
        let mut b = META
            .finding()
            .severity(Severity::Critical)
            .subject(sa_ref(&sa))
            .target(ResourceRef {
                id: target.clone(),
                kind: fnscope_snapshot::kinds::GCP_RESOURCE.into(),
                name: target.rsplit('/').next().unwrap_or(&target).to_string(),
            });
        if let Some(f) = functions.first() {
            b = b.resource(f.clone()).evidence(
                "runtime account",
                format!(
                    "{sa} is the runtime account of {}",
                    functions
                        .iter()
                        .map(|f| f.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                f.id.clone(),
            );
        }
        for e in &evs {
            b = with_event(b, "credential or IAM write", e);
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
