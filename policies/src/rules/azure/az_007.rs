//! T1648-AZ-007: a principal can attach a privileged user-assigned identity to a serverless resource
//! (Azure's PassRole).

use fnscope_snapshot::Provider;

use crate::azure::AzPriv;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{gain_level, principal_ref, severity, start, with_gain};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-007",
    title: "Principal can attach a privileged user-assigned identity to a serverless resource",
    finds: "a principal that can assign a privileged user-assigned identity (`…/assign/action`; attached to something or not) and write a Function App, Logic App or Automation account",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "the level of what the principal gains (the identity's grants beyond its own): critical, high or medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "Whoever can assign a user-assigned identity and write a Function App, Logic App or Automation account can run code as that identity.",
    remediation: "Grant Managed Identity Operator on the specific identities a team may use, never at resource-group or subscription scope over privileged identities.",
    references: &[
        "spec §3.1 AZ-P7",
        "azure-tiering: Managed Identity Operator is tier 0",
    ],
};

crate::declare_rule!(Az007, META, evaluate);

const ASSIGN: &str = "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action";
const WRITE: &[&str] = &[
    "Microsoft.Web/sites/write",
    "Microsoft.Logic/workflows/write",
    "Microsoft.Automation/automationAccounts/write",
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for (mi, (_, d)) in &view.identities {
        if d.assignment != "user_assigned" {
            continue;
        }
        let (level, why) = view.privilege(mi);
        if level == AzPriv::None {
            continue;
        }
        for p in view.principals_covering(&d.resource_id) {
            if p == *mi {
                continue;
            }
            let Some(assign) = view.allowed(p, ASSIGN, &d.resource_id) else {
                continue;
            };
            let Some((action, write)) = WRITE
                .iter()
                .find_map(|a| Some((*a, view.allowed_anywhere(p, a)?)))
            else {
                continue;
            };
            let gains = view.gain(p, &why);
            let Some(sev) = severity(gain_level(&gains)) else {
                continue;
            };
            let (who, subject) = (principal_ref(view, mi).name, principal_ref(view, p).name);
            let b = META
                .finding()
                .severity(sev)
                .subject(principal_ref(view, p))
                .target(principal_ref(view, mi))
                .evidence(
                    "permission",
                    format!("{subject} may assign {}", d.resource_id),
                    assign.describe(),
                )
                .conditional(assign.conditional)
                .evidence(
                    "permission",
                    format!("{subject} may {action} below {}", write.scope),
                    write.describe(),
                )
                .conditional(write.conditional);
            match with_gain(b, &who, &subject, &gains).build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
