//! T1648-AZ-008: a serverless code or definition change followed, within the hour, by a role
//! assignment made by that resource's own managed identity (Activity Log).

use std::collections::BTreeMap;

use fnscope_snapshot::audit::{AZ_CODE_CHANGES, AZ_ROLE_ASSIGNMENT_WRITE};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, Hit, after};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{principal_ref, resource_ref, start};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-008",
    title: "Serverless code/definition change followed by a role assignment made by that resource's identity",
    finds: "*(Activity Log)* a code or definition change on a Function App, Logic App or Automation account, then within 60 minutes a role assignment written by that resource's own managed identity",
    provider: Provider::Azure,
    kind: RuleKind::Detection,
    severity: "critical",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "New code in a Function App, Logic App or runbook followed by its managed identity granting roles is code using the identity to escalate or persist.",
    remediation: "Remove the role assignment the identity made, review the code or definition change and who made it, and take role-assignment rights away from the managed identity (AZ-004). Allow-list identities designed to grant roles in `[detect] allow_actors`.",
    references: &[
        "Microsoft: Storm-2949 management-plane abuse of App Service",
        "ATT&CK DET0374 AN1053",
    ],
};

crate::declare_rule!(Az008, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Azure,
        "Activity Log",
        "give `az monitor activity-log list` exports with --logs, or scan live with --since",
    ));
    let events = detect::events(ctx, Provider::Azure);
    let op = |e: &AuditEvent| e.action.to_ascii_lowercase();
    if view.resources.is_empty() {
        let assignments = events
            .iter()
            .filter(|e| op(e) == AZ_ROLE_ASSIGNMENT_WRITE)
            .count();
        if assignments > 0 {
            out.not_evaluated.push(format!(
                "{assignments} role assignments were logged, but no Function App, Logic App or Automation account is in the inventory, so whose identity made them is unknown (scan the subscriptions, or export their resources)"
            ));
        }
    }
    let mut hits: BTreeMap<(String, String, usize), Hit<'_>> = BTreeMap::new();
    for e2 in events.iter().filter(|e| op(e) == AZ_ROLE_ASSIGNMENT_WRITE) {
        let caller = e2
            .attr("principal")
            .map(str::to_string)
            .unwrap_or_else(|| e2.actor.to_ascii_lowercase());
        if detect::allowed(ctx, &e2.actor, &[caller.as_str()]) {
            continue;
        }
        for (i, r) in view.resources.iter().enumerate() {
            if !r
                .workload
                .identities
                .iter()
                .any(|p| p.eq_ignore_ascii_case(&caller))
            {
                continue;
            }
            let rid = r.workload.id.to_ascii_lowercase();
            let changes: Vec<&AuditEvent> = events
                .iter()
                .filter(|e1| AZ_CODE_CHANGES.contains(&op(e1).as_str()) && after(e1, e2, 60))
                .filter(|e1| {
                    e1.resource.as_deref().is_some_and(|x| {
                        let x = x.to_ascii_lowercase();
                        x == rid || x.starts_with(&format!("{rid}/"))
                    })
                })
                .copied()
                .collect();
            if changes.is_empty() {
                continue;
            }
            let assignment = e2.resource.clone().unwrap_or_else(|| e2.target.clone());
            let hit = hits.entry((caller.clone(), assignment, i)).or_default();
            for c in changes {
                hit.add(None, c, [*e2]);
            }
        }
    }
    for ((caller, assignment, i), hit) in hits {
        let r = &view.resources[i];
        let mut b = META
            .finding()
            .severity(Severity::Critical)
            .subject(principal_ref(view, &caller))
            .target(ResourceRef {
                id: assignment.clone(),
                kind: fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT.into(),
                name: assignment
                    .rsplit('/')
                    .next()
                    .unwrap_or(&assignment)
                    .to_string(),
            })
            .resource(resource_ref(r));
        b = hit.evidence(
            b,
            "code or definition changed",
            "then the resource's identity assigned a role",
        );
        for e in &hit.then {
            if let Some(a) = e.attr("assignee") {
                b = b.evidence(
                    "assignment",
                    format!(
                        "assigned role {} to principal {a}",
                        e.attr("role")
                            .map(|r| view.role_name(r.rsplit('/').next().unwrap_or(r)))
                            .unwrap_or_else(|| "?".into())
                    ),
                    e.source.clone(),
                );
            }
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
