//! T1648-AWS-006: an IAM-event-triggered credential backdoor — an enabled EventBridge rule on the
//! us-east-1 default bus whose pattern matches an IAM write event, targeting a function whose role can
//! create credentials or is administrative (the Pacu `lambda__backdoor_new_users` pattern).

use fnscope_snapshot::{Provider, TriggerDetails};

use crate::aws::Priv;
use crate::aws::condition::Tri;
use crate::aws::pattern::{iam_api_event, matches};
use crate::{Context, Outcome, RuleKind, RuleMeta, Severity};

use super::{start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-006",
    title: "IAM-event-triggered credential backdoor (EventBridge rule → Lambda)",
    finds: "an enabled EventBridge rule on the us-east-1 default bus matching IAM events (full pattern semantics) that starts a function able to create credentials — the Pacu backdoor",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "critical",
    technique: "T1648",
    mitigations: &[],
    analytics: &["AN1053"],
    rationale: "A function that runs on every new IAM user or role and can create credentials is the persistence mechanism ATT&CK describes for T1648: each new principal gets a key the attacker receives.",
    remediation: "Confirm the automation is sanctioned; remove credential-creating actions from the function's role; delete the rule if it is not yours and rotate the credentials it may have created (look for CreateAccessKey calls by the function's role session in CloudTrail).",
    references: &[
        "https://attack.mitre.org/techniques/T1648/",
        "Pacu lambda__backdoor_new_users / lambda__backdoor_new_roles",
        "EventBridge IAM events are delivered to us-east-1 only",
    ],
};

/// The IAM API calls whose CloudTrail events such a rule would listen for.
pub const TRIGGER_EVENTS: &[&str] = &[
    "CreateUser",
    "CreateRole",
    "CreateAccessKey",
    "CreateLoginProfile",
    "AddUserToGroup",
    "AttachUserPolicy",
    "AttachRolePolicy",
    "PutUserPolicy",
    "PutRolePolicy",
    "CreatePolicyVersion",
];

crate::declare_rule!(Aws006, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for t in &ctx.snapshot.triggers {
        let TriggerDetails::AwsEventbridgeRule(rule) = &t.details else {
            continue;
        };
        // IAM events reach the default bus in us-east-1 only.
        if t.provider != Provider::Aws
            || t.location.as_deref() != Some("us-east-1")
            || rule.event_bus != "default"
            || t.state
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("DISABLED"))
        {
            continue;
        }
        let Some(pattern) = &rule.event_pattern else {
            continue;
        };
        let mut matched = Vec::new();
        let mut conditional = false;
        let mut invalid = None;
        for name in TRIGGER_EVENTS {
            match matches(pattern, &iam_api_event(&t.target, name)) {
                Ok(Tri::True) => matched.push(*name),
                Ok(Tri::Unknown) => {
                    matched.push(*name);
                    conditional = true;
                }
                Ok(Tri::False) => {}
                Err(e) => {
                    invalid = Some(e);
                    break;
                }
            }
        }
        if let Some(e) = invalid {
            out.not_evaluated
                .push(format!("rule {}: event pattern not understood: {e}", t.id));
            continue;
        }
        if matched.is_empty() {
            continue;
        }
        if !rule.targets_read {
            out.not_evaluated.push(format!(
                "rule {} matches IAM events ({}) but its targets were not read",
                t.id,
                matched.join(", ")
            ));
            continue;
        }
        for target in &t.workloads {
            let Some(f) = view.functions.iter().find(|f| f.arn() == target) else {
                out.not_evaluated.push(format!(
                    "rule {} targets {target}, which is not in the inventory",
                    t.id
                ));
                continue;
            };
            let Some(role) = view.principal(&f.lambda.role) else {
                continue;
            };
            let facts = view.privilege(role);
            if !(facts.level == Priv::Critical || facts.credentials) {
                continue;
            }
            let b = META
                .finding()
                .severity(Severity::Critical)
                .subject(f.reference())
                .target(role.reference())
                .resource(f.reference())
                .conditional(conditional)
                .evidence_key(t.id.clone())
                .evidence(
                    "trigger",
                    format!(
                        "enabled rule {} on the us-east-1 default bus matches IAM events {} and targets {}",
                        t.name,
                        matched.join(", "),
                        f.workload.name
                    ),
                    t.id.clone(),
                );
            match with_privilege(b, role.arn(), facts).build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
