//! T1648-GWS-010: an Apps Script web app anyone can open, running as its deployer — graded by the
//! scopes the deployer granted it.

use fnscope_snapshot::Provider;

use crate::detect::Power;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::gws_006::high_risk;
use super::scripts;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-010",
    title: "Web app anyone can open, running as its deployer",
    finds: "an Apps Script web app deployed for `ANYONE_ANONYMOUS` or `ANYONE` that executes as the deploying user: anyone runs it with the deployer's grants",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "high with restricted or directory scopes, medium with other scopes; low when it executes as the visitor",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "An anonymous web app executing as its deployer hands every visitor the deployer's mailbox, Drive or directory reach; Apps Script command-and-control relays are built exactly so.",
    remediation: "Deploy it for the domain (or `MYSELF`) or to execute as the user accessing it, and drop scopes it does not need.",
    references: &["Apps Script: web app deployment settings"],
};

crate::declare_rule!(Gws010, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    for (w, d) in scripts(ctx) {
        let anyone = d
            .webapp_access
            .as_deref()
            .is_some_and(|a| a == "ANYONE_ANONYMOUS" || a == "ANYONE");
        if !anyone {
            continue;
        }
        let as_deployer = d.webapp_execute_as.as_deref() == Some("USER_DEPLOYING");
        let power = if !as_deployer {
            Power::Limited
        } else if w.scopes.iter().any(|s| high_risk(s)) {
            Power::Privileged
        } else {
            Power::Unknown("it holds only the deployer's non-restricted scopes".into())
        };
        let runs_as = if as_deployer {
            format!(
                "its deployer {} with {} scopes",
                w.owner.as_deref().unwrap_or("(unknown)"),
                w.scopes.len()
            )
        } else {
            "the visitor".to_string()
        };
        match crate::public::finding(&META, w, &runs_as, &power, None).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
