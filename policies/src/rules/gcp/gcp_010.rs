//! T1648-GCP-010: a function or Cloud Run service anyone can invoke (`allUsers`,
//! `allAuthenticatedUsers`, `invokerIamDisabled`), whatever its account — graded by what it can do.

use fnscope_snapshot::Provider;

use crate::detect::Power;
use crate::gcp::GcpPriv;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::start;

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-010",
    title: "Function or Cloud Run service invocable by anyone",
    finds: "a function or Cloud Run service whose invoker policy lets `allUsers` or `allAuthenticatedUsers` in, or with `invokerIamDisabled`, whatever its runtime account; GCP-004 keeps the privileged ones",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "the runtime account's power: critical administrative, high privileged, low neither; medium when the project's IAM was not read",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Anyone can run code that holds the runtime account's power; every public function is listed so the harmless ones are reviewed rather than unseen.",
    remediation: "Remove allUsers / allAuthenticatedUsers from the invoker role, turn invoker IAM checks back on, and narrow the runtime account.",
    references: &["Cloud Run: allowing public (unauthenticated) access"],
};

crate::declare_rule!(Gcp010, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for f in view.functions.iter().filter(|f| f.workload.exposure.public) {
        let sa = f.details.service_account.as_str();
        let project = f.workload.target.as_str();
        let power = if sa.is_empty() {
            Power::Unknown("the runtime account is not known".into())
        } else if !view.iam_read(project) {
            Power::Unknown(format!("the IAM policy of project {project} was not read"))
        } else {
            match view.privilege(project, sa).0 {
                GcpPriv::Critical => Power::Admin,
                GcpPriv::High => Power::Privileged,
                GcpPriv::None => Power::Limited,
            }
        };
        match crate::public::finding(&META, f.workload, sa, &power, None).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
