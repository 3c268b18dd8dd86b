//! T1648-PA-008: a flow that creates, changes, shares or runs other automation (Power Automate
//! Management, Power Automate for Admins, flows written as Dataverse rows, desktop flows run on a
//! machine) — persistence and remote execution for whoever can start it.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{automation, flow_ref, flows, started};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-008",
    title: "Flow creates, changes, shares or runs other automation",
    finds: "a flow whose steps create, change, turn on or share flows (Power Automate Management, Power Automate for Admins, Dataverse `workflows` rows), get a flow's trigger URL, start an Azure Automation runbook job, or run a desktop flow on a machine, graded by who can start it and whether what they send reaches those steps",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Posture,
    severity: "critical when anyone holding its HTTP URL starts it and what they send reaches such a step; high when anyone holding the URL starts it, or an automatic trigger's content (a mail, an item) reaches such a step; medium otherwise; one step down when the flow is off",
    technique: "T1648",
    mitigations: &["M1018", "M1036"],
    analytics: &[],
    rationale: "Published Power Platform attack kits (power-pwn's Flow Factory, its no-code malware, PAC2) are flows that plant flows or run desktop flows on request: whoever can start one creates new automation or runs code on a machine as the connection owner.",
    remediation: "Remove flow-management and desktop-flow steps from flows anyone can start; restrict the trigger to Entra-authenticated callers, keep the Power Automate Management and desktop-flow connectors out of the default DLP group, and review who owns the connections.",
    references: &[
        "Power Automate Management connector",
        "mbrg/power-pwn: powerdoor, nocodemalware",
    ],
};

crate::declare_rule!(Pa008, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    for (w, d) in flows(ctx) {
        let steps: Vec<(&fnscope_snapshot::FlowStep, &str)> = d
            .steps
            .iter()
            .filter_map(|s| automation(s).map(|what| (s, what)))
            .collect();
        // The step to name: the first one fed by what starts the flow, else the first one.
        let Some(&(first, _)) = steps
            .iter()
            .find(|(s, _)| s.carries.iter().any(|c| c == "trigger"))
            .or(steps.first())
        else {
            continue;
        };
        let public = w.exposure.public
            && (d.trigger.class == "http" || d.trigger.kind.starts_with("Request"));
        let fed = steps
            .iter()
            .any(|(s, _)| s.carries.iter().any(|c| c == "trigger"));
        let external =
            d.trigger.automatic && matches!(d.trigger.class.as_str(), "mail" | "item" | "file");
        let mut severity = match (public, fed) {
            (true, true) => Severity::Critical,
            (true, false) => Severity::High,
            (false, true) if external => Severity::High,
            _ => Severity::Medium,
        };
        if !started(w) {
            severity = severity.down();
        }
        let mut b = META
            .finding()
            .severity(severity)
            .subject(flow_ref(w))
            .target(ResourceRef {
                id: format!("{}#{}", w.id, first.path),
                kind: "automation_step".into(),
                name: first.acts_on.clone().unwrap_or_else(|| {
                    format!(
                        "{} ({})",
                        first.operation.as_deref().unwrap_or("?"),
                        first.connector.as_deref().unwrap_or("?")
                    )
                }),
            })
            .resource(flow_ref(w))
            .evidence(
                "trigger",
                if public {
                    format!(
                        "started by {} ({}): anyone holding its signed URL",
                        d.trigger.name, d.trigger.kind
                    )
                } else {
                    format!("started by {} ({})", d.trigger.name, d.trigger.kind)
                },
                format!("triggers.{}", d.trigger.name),
            );
        for (s, what) in &steps {
            let mut detail = format!(
                "{} {what} ({}{})",
                s.operation.as_deref().unwrap_or("?"),
                s.connector.as_deref().unwrap_or("?"),
                s.acts_on
                    .as_deref()
                    .map(|a| format!(", {a}"))
                    .unwrap_or_default()
            );
            if s.carries.iter().any(|c| c == "trigger") {
                detail.push_str("; its inputs come from what starts the flow");
            }
            // A desktop flow runs on the machine or group of the flow's desktop-flow connection.
            if s.acts_on
                .as_deref()
                .is_some_and(|a| a.starts_with("desktop flow"))
            {
                let on = d
                    .connections
                    .iter()
                    .filter(|c| c.connector.eq_ignore_ascii_case("shared_uiflow"))
                    .find_map(|c| c.target.as_deref());
                match on {
                    Some(t) => detail.push_str(&format!("; on machine or machine group {t}")),
                    None => detail.push_str(
                        "; its machine or machine group is not known (the desktop-flow connection was not read)",
                    ),
                }
            }
            b = b.evidence("action", detail, s.path.clone());
        }
        if !started(w) {
            b = b.evidence(
                "state",
                format!("the flow is {}", w.state.as_deref().unwrap_or("off")),
                w.id.clone(),
            );
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
