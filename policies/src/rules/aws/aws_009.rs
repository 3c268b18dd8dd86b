//! T1648-AWS-009: an IAM credential or permission write made by a Lambda execution-role session
//! (CloudTrail).

use std::collections::{BTreeMap, BTreeSet};

use fnscope_snapshot::audit::{IamWrite, aws_action, aws_iam_write};
use fnscope_snapshot::{AuditEvent, Provider};

use crate::detect::{self, with_event};
use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::aws_008::{function_ref, principal_ref};
use super::start;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-009",
    title: "IAM credential or permission write performed by a Lambda execution-role session",
    finds: "*(CloudTrail)* any IAM write (the 93 operations of the IAM API model that change something: `tools/aws_iam_writes.py`) made by a function's session — its role is a function's execution role in the inventory, or the SDK names a Lambda runtime in its user agent (`exec-env/AWS_Lambda_*`); `exfil_suspected` when the session is seen from more than one address",
    provider: Provider::Aws,
    kind: RuleKind::Detection,
    severity: "critical for credentials (access keys, passwords, service credentials, SSH keys, certificates, MFA devices); high for grants (policies, trust, membership, identity providers, new roles and users); medium for other IAM writes",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "A function that creates access keys or grants permissions is the IAM-event backdoor of T1648 at work, or a provisioning automation that needs an owner and an exception. Every IAM operation that changes something counts (the list is generated from the IAM API model); a session is a function's when its role is a function's execution role in the inventory, or when the SDK names a Lambda runtime in its user agent.",
    remediation: "Identify the function that ran (the session name is usually the function name), disable the credentials or grants it created, and remove credential and IAM-write permissions from its role. Allow-list sanctioned provisioning roles in `[detect] allow_actors`.",
    references: &[
        "Pacu lambda__backdoor_new_users",
        "ATT&CK DET0374 AN1053 (creating additional credentials)",
    ],
};

crate::declare_rule!(Aws009, META, evaluate);

/// The target of a write whose event names no principal, policy or provider (followed by the account).
const UNNAMED: &str = "no principal named in the event, account ";

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
        let Some(class) = aws_iam_write(name).filter(|_| service == "iam") else {
            continue;
        };
        if e.attr("user_type") != Some("AssumedRole") {
            continue;
        }
        let Some(issuer) = e.attr("session_issuer") else {
            continue;
        };
        let from_function = runs_as.contains_key(issuer) || e.attr("lambda_runtime").is_some();
        if !from_function || detect::allowed(ctx, &e.actor, &[issuer]) {
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
                        p.account == account
                            && p.identity.name == n
                            && p.identity.kind.as_str().ends_with(k)
                    })
                    .map(|p| p.arn().to_string())
                    .unwrap_or_else(|| format!("arn:{partition}:iam::{account}:{k}/{n}"))
            })
            .or_else(|| {
                e.attr("instance_profile")
                    .map(|n| format!("arn:{partition}:iam::{account}:instance-profile/{n}"))
            })
            .or_else(|| e.attr("policy").map(str::to_string))
            .or_else(|| e.attr("provider").map(str::to_string))
            // The event names no principal or policy (e.g. `ChangePassword`): said so, never a
            // made-up `root`.
            .unwrap_or_else(|| format!("{UNNAMED}{account}"));
        let severity = match class {
            IamWrite::Credential => Severity::Critical,
            IamWrite::Grant => Severity::High,
            IamWrite::Write => Severity::Medium,
        };
        let hit = hits
            .entry((issuer.to_string(), target))
            .or_insert((severity, Vec::new()));
        hit.0 = hit.0.max(severity);
        hit.1.push(e);
    }
    for ((issuer, target), (severity, writes)) in hits {
        let mut functions: Vec<String> = runs_as
            .get(issuer.as_str())
            .map(|v| v.iter().map(|f| f.to_string()).collect())
            .unwrap_or_default();
        // Lambda names the role session after the function: that one first, and when the role is no
        // function's in the inventory (the call came from a Lambda runtime), the function it names.
        let session_names: Vec<&str> = writes
            .iter()
            .filter_map(|e| e.actor.rsplit('/').next())
            .collect();
        functions.sort_by_key(|f| !session_names.contains(&f.rsplit(':').next().unwrap_or(f)));
        if functions.is_empty()
            && let Some(w) = writes.first()
            && let Some(session) = session_names.first()
        {
            let account = issuer.split(':').nth(4).unwrap_or_default();
            let region = w.attr("region").unwrap_or("us-east-1");
            functions.push(format!(
                "arn:{}:lambda:{region}:{account}:function:{session}",
                issuer.split(':').nth(1).unwrap_or("aws")
            ));
        }
        let target_ref = match view.principal(&target) {
            Some(p) => p.reference(),
            None if target.starts_with(UNNAMED) => ResourceRef {
                id: target.clone(),
                kind: fnscope_snapshot::kinds::AWS_IAM_UNNAMED.into(),
                name: target.clone(),
            },
            None => ResourceRef {
                id: target.clone(),
                kind: fnscope_snapshot::kinds::AWS_IAM_PRINCIPAL.into(),
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
        if let Some(env) = writes.iter().find_map(|e| e.attr("lambda_runtime")) {
            b = b.evidence(
                "lambda runtime",
                format!("the calls came from a Lambda runtime (user agent names {env})"),
                issuer.clone(),
            );
        }
        let names = functions
            .iter()
            .map(|f| f.rsplit(':').next().unwrap_or(f))
            .collect::<Vec<_>>()
            .join(", ");
        b = b.evidence(
            "execution role",
            if runs_as.contains_key(issuer.as_str()) {
                format!("{issuer} is the execution role of {names}")
            } else {
                format!(
                    "{issuer} is no function's execution role in the inventory; Lambda names the session after the function: {names}"
                )
            },
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
