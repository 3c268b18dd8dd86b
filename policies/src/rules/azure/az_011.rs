//! T1648-AZ-011: a Function App with an anonymous HTTP function, a Logic App with a request trigger,
//! an Automation account with an enabled webhook: started by anyone holding its URL, whatever its
//! identity — graded by what that identity can do.

use fnscope_snapshot::Provider;

use crate::azure::AzPriv;
use crate::detect::Power;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::start;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-011",
    title: "Function App, Logic App or runbook started by anyone",
    finds: "a Function App with an anonymous HTTP function and public network access, a Logic App with an HTTP request trigger (its SAS URL is a bearer capability), an Automation account with an enabled webhook, whatever its identity",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "the identity's power: critical administrative, high privileged, low neither (or no identity)",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Whoever holds the URL runs the code with the resource's managed identity; URLs end up in chats, tickets and logs.",
    remediation: "Require function keys or Entra authentication, restrict Logic App callers (`accessControl.triggers.allowedCallerIpAddresses`, OAuth authorization policies), disable unused webhooks, and narrow the identity.",
    references: &[
        "Azure Functions HTTP auth levels",
        "Logic Apps: secure access to request triggers",
    ],
};

crate::declare_rule!(Az011, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for r in view.resources.iter().filter(|r| r.workload.exposure.public) {
        let mut best = AzPriv::None;
        for p in &r.workload.identities {
            best = best.max(view.privilege(p).0);
        }
        let power = match best {
            AzPriv::Critical => Power::Admin,
            AzPriv::High | AzPriv::Medium => Power::Privileged,
            AzPriv::None => Power::Limited,
        };
        let runs_as = if r.workload.identities.is_empty() {
            "no managed identity".to_string()
        } else {
            r.workload.identities.join(", ")
        };
        match crate::public::finding(&META, r.workload, &runs_as, &power, None).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
