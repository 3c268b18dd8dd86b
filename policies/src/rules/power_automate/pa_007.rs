//! T1648-PA-007: a flow started by "When an HTTP request is received": anyone holding its signed
//! URL runs it — graded by what it does with the request.

use fnscope_snapshot::Provider;

use crate::detect::Power;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{automation, flows};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-007",
    title: "Flow started by anyone holding its HTTP trigger URL",
    finds: "a flow started by an HTTP request (its signed URL is a bearer capability, often pasted into chats and tickets), graded by what it does with what the caller sends",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Posture,
    severity: "medium; high when a step acts on what the caller sent (runs what it is told) or creates, shares or runs other automation (PA-008), critical for both; low when it only responds",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Published Power Platform backdoors are HTTP-triggered flows that do what the request says, as the connection owners; the URL is the only key.",
    remediation: "Turn the flow off if it is not needed; otherwise restrict who may trigger it (an Entra-authenticated trigger), rotate its URL, and keep its steps from acting on unchecked input.",
    references: &["Power Automate: 'When an HTTP request is received' trigger"],
};

crate::declare_rule!(Pa007, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    for (w, d) in flows(ctx) {
        if !(w.exposure.public
            && (d.trigger.class == "http" || d.trigger.kind.starts_with("Request")))
        {
            continue;
        }
        // What the caller sends reaching a step that is not only the answer.
        let acting: Vec<&str> = d
            .steps
            .iter()
            .filter(|s| s.kind != "Response" && s.carries.iter().any(|c| c == "trigger"))
            .map(|s| s.path.as_str())
            .collect();
        let only_responds = d.steps.iter().all(|s| s.kind == "Response");
        // Steps that create, share or run other automation (PA-008 lists them) are power of their own.
        let runs_automation = d.steps.iter().any(|s| automation(s).is_some());
        let power = if only_responds {
            Power::Limited
        } else if runs_automation {
            Power::Privileged
        } else {
            Power::Unknown("the flow acts as its connections' owners".into())
        };
        let uplift = (!acting.is_empty())
            .then(|| format!("steps act on what the caller sent: {}", acting.join(", ")));
        let runs_as = d
            .connections
            .iter()
            .filter_map(|c| c.owner.as_deref())
            .collect::<Vec<_>>()
            .join(", ");
        let runs_as = if runs_as.is_empty() {
            "its connections (owners not exported)".to_string()
        } else {
            format!("connections owned by {runs_as}")
        };
        match crate::public::finding(&META, w, &runs_as, &power, uplift).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
