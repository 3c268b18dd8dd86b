//! T1648-AWS-009: an IAM credential or permission write made by a Lambda execution-role session
//! (CloudTrail).

use std::collections::{BTreeMap, BTreeSet};

use fnscope_snapshot::audit::{AWS_CREDENTIAL_WRITES, AWS_IAM_WRITES, aws_action};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, with_event};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::aws_008::{function_ref, principal_ref};
use super::start;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-009",
    title: "IAM credential or permission write performed by a Lambda execution-role session",
    provider: Provider::Aws,
    kind: RuleKind::Detection,
    severity: "critical for credentials of another principal (access keys, login profiles), else high",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "A function that creates access keys or grants permissions is the IAM-event backdoor of T1648 at work, or a provisioning automation that needs an owner and an exception.",
    remediation: "Identify the function that ran (the session name is usually the function name), disable the credentials or grants it created, and remove credential and IAM-write permissions from its role. Allow-list sanctioned provisioning roles in `[detect] allow_actors`.",
    references: &[
        "Pacu lambda__backdoor_new_users",
        "ATT&CK DET0374 AN1053 (creating additional credentials)",
    ],
};

crate::declare_rule!(Aws009, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    out.not_evaluated.extend(detect::unread(
        ctx,
        Provider::Aws,
        "CloudTrail log",
        "give CloudTrail files with --logs, or scan live with --since",
    ));
    let events = detect::events(ctx, Provider::Aws);
    // Execution role → the functions that run as it.
    let mut runs_as: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in &view.functions {
        runs_as
            .entry(f.lambda.role.as_str())
            .or_default()
            .push(f.arn());
    }
    let mut hits: BTreeMap<(String, String), (Severity, Vec<&AuditEvent>)> = BTreeMap::new();
    for e in &events {
        let (service, name) = aws_action(e);
        if service != "iam"
            || !AWS_IAM_WRITES.contains(&name)
            || e.attr("user_type") != Some("AssumedRole")
        {
            continue;
        }
        let Some(issuer) = e.attr("session_issuer") else {
            continue;
        };
        if !runs_as.contains_key(issuer) || detect::allowed(ctx, &e.actor, &[issuer]) {
            continue;
        }
        let account = issuer.split(':').nth(4).unwrap_or_default();
        let partition = issuer.split(':').nth(1).unwrap_or("aws");
        let target = ["user", "role", "group"]
            .iter()
            .find_map(|k| e.attr(k).map(|n| (*k, n)))
            .map(|(k, n)| {
                view.principals
                    .iter()
                    .find(|p| {
                        p.account == account && p.identity.name == n && p.identity.kind.ends_with(k)
                    })
                    .map(|p| p.arn().to_string())
                    .unwrap_or_else(|| format!("arn:{partition}:iam::{account}:{k}/{n}"))
            })
            .or_else(|| e.attr("policy").map(str::to_string))
            .unwrap_or_else(|| format!("arn:{partition}:iam::{account}:root"));
        let severity = if AWS_CREDENTIAL_WRITES.contains(&name) {
            Severity::Critical
        } else {
            Severity::High
        };
        let hit = hits
            .entry((issuer.to_string(), target))
            .or_insert((severity, Vec::new()));
        hit.0 = hit.0.max(severity);
        hit.1.push(e);
    }
    for ((issuer, target), (severity, writes)) in hits {
        let mut functions = runs_as.get(issuer.as_str()).cloned().unwrap_or_default();
        // Lambda names the role session after the function: that one first.
        let session_names: Vec<&str> = writes
            .iter()
            .filter_map(|e| e.actor.rsplit('/').next())
            .collect();
        functions.sort_by_key(|f| !session_names.contains(&f.rsplit(':').next().unwrap_or(f)));
        let target_ref = match view.principal(&target) {
            Some(p) => p.reference(),
            None => ResourceRef {
                id: target.clone(),
                kind: "aws_iam_principal".into(),
                name: target
                    .rsplit(['/', ':'])
                    .next()
                    .unwrap_or(&target)
                    .to_string(),
            },
        };
        let mut b = META
            .finding()
            .severity(severity)
            .subject(principal_ref(view, &issuer, None))
            .target(target_ref);
        if let Some(f) = functions.first() {
            b = b.resource(function_ref(view, f));
        }
        b = b.evidence(
            "execution role",
            format!(
                "{issuer} is the execution role of {}",
                functions
                    .iter()
                    .map(|f| f.rsplit(':').next().unwrap_or(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            issuer.clone(),
        );
        let mut sessions = BTreeSet::new();
        for e in &writes {
            b = with_event(b, "IAM write", e);
            sessions.insert(e.actor.as_str());
        }
        // The same session seen from more than one network address: its credentials left the function.
        for s in sessions {
            let ips: BTreeSet<&str> = events
                .iter()
                .filter(|e| e.actor == s)
                .filter_map(|e| e.source_ip.as_deref())
                .filter(|ip| ip.parse::<std::net::IpAddr>().is_ok())
                .collect();
            if ips.len() > 1 {
                b = b.evidence(
                    "exfil_suspected",
                    format!(
                        "exfil_suspected: true — session {s} was used from {} addresses: {}",
                        ips.len(),
                        ips.into_iter().collect::<Vec<_>>().join(", ")
                    ),
                    s.to_string(),
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
