//! T1648-GCP-001: a member can deploy a function / Cloud Run service as a privileged service account —
//! a deploy capability on the project plus `iam.serviceAccounts.actAs` on the account.

use fnscope_snapshot::Provider;

use crate::gcp::GcpPriv;
use crate::{Context, Outcome, RuleKind, RuleMeta, Severity};

use super::{member_ref, sa_ref, severity, start, with_grant, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-001",
    title: "Member can deploy a function / Cloud Run service as a privileged service account",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "the account's privilege (critical / high), one level lower without a way to run the code",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "Deploying code that runs as a service account needs a deploy permission and iam.serviceAccounts.actAs on that account; together they let the member run anything with the account's rights.",
    remediation: "Grant roles/iam.serviceAccountUser on the specific runtime accounts a deployer needs (not at project level), and reduce privileged runtime accounts to what the function uses.",
    references: &[
        "Rhino Security Labs GCP privilege escalation (Cloud Functions, Cloud Run)",
        "Cloud Functions access control: deployers need Service Account User on the runtime account",
    ],
};

crate::declare_rule!(Gcp001, META, evaluate);

const DEPLOY: &[&[&str]] = &[
    &[
        "cloudfunctions.functions.create",
        "cloudfunctions.functions.sourceCodeSet",
    ],
    &[
        "cloudfunctions.functions.update",
        "cloudfunctions.functions.sourceCodeSet",
    ],
    &["run.services.create"],
    &["run.services.update"],
    &["cloudscheduler.jobs.create"],
];

const RUN: &[&str] = &[
    "cloudfunctions.functions.call",
    "cloudfunctions.functions.invoke",
    "cloudfunctions.functions.setIamPolicy",
    "run.routes.invoke",
    "run.services.setIamPolicy",
    "eventarc.triggers.create",
];

const ADMIN_PERMS: &[&str] = &[
    "resourcemanager.projects.setIamPolicy",
    "resourcemanager.folders.setIamPolicy",
    "resourcemanager.organizations.setIamPolicy",
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    for (project, chain) in &view.chains {
        let mut members: Vec<&str> = ctx
            .snapshot
            .bindings
            .iter()
            .filter(|b| b.provider == Provider::Gcp && chain.contains(&b.scope))
            .map(|b| b.principal.as_str())
            .filter(|m| {
                !m.starts_with("allUsers")
                    && !m.starts_with("allAuthenticatedUsers")
                    && !m.starts_with("deleted:")
            })
            .collect();
        members.sort_unstable();
        members.dedup();
        // Every service account in the project, and the runtime accounts its functions use.
        let mut accounts: Vec<String> = view
            .service_accounts
            .iter()
            .filter(|(_, (t, _))| *t == project.as_str())
            .map(|(e, _)| e.clone())
            .chain(
                view.functions
                    .iter()
                    .filter(|f| &f.workload.target == project)
                    .map(|f| f.details.service_account.clone()),
            )
            .filter(|e| !e.is_empty())
            .collect();
        accounts.sort();
        accounts.dedup();
        for m in members {
            // Already able to change IAM: an escalation path adds nothing.
            if view
                .grants(project, m)
                .iter()
                .any(|g| g.role == "roles/owner")
                || ADMIN_PERMS
                    .iter()
                    .any(|p| view.has(project, m, p).is_some())
            {
                continue;
            }
            let deploy = DEPLOY.iter().find_map(|set| {
                let grants: Option<Vec<_>> = set
                    .iter()
                    .map(|p| view.has(project, m, p).map(|g| (*p, g)))
                    .collect();
                grants
            });
            let Some(deploy) = deploy else { continue };
            let run = RUN
                .iter()
                .find_map(|p| view.has(project, m, p).map(|g| (*p, g)));
            // "No way to run it" is only known when every role of the member is fully defined.
            let run_unknown = run.is_none()
                && view
                    .grants(project, m)
                    .iter()
                    .any(|g| !view.fully_known(&g.role));
            for email in &accounts {
                if m == format!("serviceAccount:{email}") {
                    continue;
                }
                let (level, why) = view.privilege(project, email);
                let Some(mut sev) = severity(level) else {
                    continue;
                };
                let Some(act) = view.act_as(project, m, email) else {
                    continue;
                };
                if run.is_none() && !run_unknown {
                    sev = if level == GcpPriv::Critical {
                        Severity::High
                    } else {
                        Severity::Medium
                    };
                }
                let mut b = META
                    .finding()
                    .severity(sev)
                    .conditional(run_unknown)
                    .subject(member_ref(m))
                    .target(sa_ref(email))
                    .evidence(
                        "path",
                        format!(
                            "{m} can deploy code ({}) that runs as {email}{}",
                            deploy.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(" + "),
                            match (&run, run_unknown) {
                                (Some(_), _) => "",
                                (None, true) => "; whether it can invoke the code is unknown (role definitions not exported)",
                                (None, false) => "; no permission to invoke it was found",
                            }
                        ),
                        project.clone(),
                    );
                for (p, g) in &deploy {
                    b = with_grant(b, p, g);
                }
                b = with_grant(b, &format!("iam.serviceAccounts.actAs on {email}"), &act);
                if let Some((p, g)) = &run {
                    b = with_grant(b, p, g);
                }
                b = with_privilege(b, email, &why);
                match b.build() {
                    Ok(f) => out.findings.push(f),
                    Err(e) => out.not_evaluated.push(e.to_string()),
                }
            }
        }
    }
    out
}
