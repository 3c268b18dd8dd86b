//! T1648-GCP-002: a serverless runtime uses a default service account (App Engine or Compute Engine
//! default) that holds a basic role.

use fnscope_snapshot::Provider;

use crate::gcp::BASIC_ROLES;
use crate::{Context, Outcome, RuleKind, RuleMeta, Severity};

use super::{sa_ref, start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-002",
    title: "Serverless runtime uses a default service account that holds a basic role",
    finds: "a function running as the App Engine or Compute Engine default account while it holds a basic role",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "high",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &[],
    rationale: "Functions that name no service account run as the project's default account, which historically holds Editor: code in them can deploy more functions as any account and mint keys.",
    remediation: "Give each function a dedicated, minimally privileged service account; remove Editor from the default accounts (and enforce iam.automaticIamGrantsForDefaultServiceAccounts).",
    references: &[
        "Cloud Functions access control: default runtime service accounts",
        "GCP basic roles guidance",
    ],
};

crate::declare_rule!(Gcp002, META, evaluate);

/// The App Engine or Compute Engine default account.
pub fn is_default_account(email: &str) -> bool {
    email.ends_with("@appspot.gserviceaccount.com")
        || email
            .strip_suffix("-compute@developer.gserviceaccount.com")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for f in &view.functions {
        let email = &f.details.service_account;
        if !is_default_account(email) {
            continue;
        }
        let project = &f.workload.target;
        let basic: Vec<_> = view
            .grants(project, &format!("serviceAccount:{email}"))
            .into_iter()
            .filter(|g| BASIC_ROLES.contains(&g.role.as_str()))
            .collect();
        if basic.is_empty() {
            continue;
        }
        let workload = crate::ResourceRef {
            id: f.workload.id.clone(),
            kind: f.workload.kind.to_string(),
            name: f.workload.name.clone(),
        };
        let b = META
            .finding()
            .severity(Severity::High)
            .subject(workload.clone())
            .target(sa_ref(email))
            .resource(workload)
            .evidence(
                "runtime",
                format!(
                    "{} runs as the default account {email}{}",
                    f.workload.name,
                    if f.details.service_account_defaulted {
                        " (no account named)"
                    } else {
                        ""
                    }
                ),
                f.workload.id.clone(),
            );
        match with_privilege(b, email, &basic).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
