//! T1648-GCP-001: a member can deploy a function / Cloud Run service as a privileged service account —
//! a deploy capability on the project plus `iam.serviceAccounts.actAs` on the account.

use std::collections::BTreeMap;

use fnscope_snapshot::Provider;

use crate::gcp::{GcpPriv, Grant, View, service_agent};
use crate::{Context, Outcome, RuleKind, RuleMeta, Severity};

use super::{member_ref, sa_ref, severity, start, with_grant, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GCP-001",
    title: "Member can run code as a privileged service account",
    finds: "a member who can run code as a privileged service account: Cloud Functions (create/update + sourceCodeSet), Cloud Run services and jobs, Workflows, Cloud Scheduler and Eventarc (they call with the account's token by themselves), Cloud Build (a chosen account, or the legacy Cloud Build account), Composer, Deployment Manager — each with `iam.serviceAccounts.actAs` where the service needs it — through the project, folder or organization, or the account's own policy; Google-managed service agents are never subjects, a member acting through one (Cloud Build, the Google APIs agent) is, with the hop in evidence; nothing is reported when the account holds nothing the member does not",
    provider: Provider::Gcp,
    kind: RuleKind::Posture,
    severity: "the account's privilege (critical / high), one level lower when the code needs invoking and the member provably cannot; none when the member already holds what the account holds",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "Code that runs as a service account — a function, a Cloud Run service or job, a workflow, a build, a scheduled or event-triggered call, a Composer environment, a Deployment Manager deployment — needs a create or update permission and, for an account the member picks, iam.serviceAccounts.actAs on it; together they let the member act with the account's rights. Cloud Build's legacy account and Deployment Manager's Google APIs service agent need no actAs: whoever may start a build or a deployment acts as them.",
    remediation: "Grant roles/iam.serviceAccountUser on the specific runtime accounts a deployer needs (not at project level), reduce privileged runtime accounts to what the workload uses, and move Cloud Build off its legacy account (and Deployment Manager off Editor).",
    references: &[
        "Rhino Security Labs GCP privilege escalation (Cloud Functions, Cloud Run, Cloud Build, Deployment Manager)",
        "Cloud Functions, Cloud Run, Workflows, Scheduler, Eventarc access control: deployers need Service Account User on the runtime account",
        "Cloud Build default service account change (2024)",
    ],
};

crate::declare_rule!(Gcp001, META, evaluate);

/// Which account the code runs as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RunsAs {
    /// Any account the member may act as (`iam.serviceAccounts.actAs`).
    ActAs,
    /// The Google APIs service agent (`<number>@cloudservices.gserviceaccount.com`).
    CloudServices,
    /// The legacy Cloud Build account (`<number>@cloudbuild.gserviceaccount.com`).
    CloudBuild,
}

/// A way code runs as an account: the permission sets that deploy it (any one), how it is started
/// (`None`: it runs by itself once deployed) and as whom.
struct Vector {
    name: &'static str,
    deploy: &'static [&'static [&'static str]],
    run: Option<&'static [&'static str]>,
    runs_as: RunsAs,
}

const INVOKE_FUNCTION: &[&str] = &[
    "cloudfunctions.functions.call",
    "cloudfunctions.functions.invoke",
    "cloudfunctions.functions.setIamPolicy",
    "run.routes.invoke",
    "run.services.setIamPolicy",
    "eventarc.triggers.create",
    "cloudscheduler.jobs.create",
];

const VECTORS: &[Vector] = &[
    Vector {
        name: "a Cloud Function",
        // The code goes up through sourceCodeSet (1st gen) or an upload URL (2nd gen).
        deploy: &[
            &[
                "cloudfunctions.functions.create",
                "cloudfunctions.functions.sourceCodeSet",
            ],
            &[
                "cloudfunctions.functions.create",
                "cloudfunctions.functions.generateUploadUrl",
            ],
            &[
                "cloudfunctions.functions.update",
                "cloudfunctions.functions.sourceCodeSet",
            ],
            &[
                "cloudfunctions.functions.update",
                "cloudfunctions.functions.generateUploadUrl",
            ],
        ],
        run: Some(INVOKE_FUNCTION),
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a Cloud Run service",
        deploy: &[&["run.services.create"], &["run.services.update"]],
        run: Some(&[
            "run.routes.invoke",
            "run.services.setIamPolicy",
            "eventarc.triggers.create",
            "cloudscheduler.jobs.create",
        ]),
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a Cloud Run job",
        deploy: &[&["run.jobs.create"], &["run.jobs.update"]],
        run: Some(&[
            "run.jobs.run",
            "run.jobs.runWithOverrides",
            "cloudscheduler.jobs.create",
        ]),
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a workflow",
        deploy: &[
            &["workflows.workflows.create"],
            &["workflows.workflows.update"],
        ],
        run: Some(&[
            "workflows.executions.create",
            "cloudscheduler.jobs.create",
            "eventarc.triggers.create",
        ]),
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a Cloud Scheduler job (it calls its target with the account's token)",
        deploy: &[
            &["cloudscheduler.jobs.create"],
            &["cloudscheduler.jobs.update"],
        ],
        run: None,
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "an Eventarc trigger (it calls its target with the account's token)",
        deploy: &[&["eventarc.triggers.create"], &["eventarc.triggers.update"]],
        run: None,
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a Cloud Build build with a chosen service account",
        deploy: &[&["cloudbuild.builds.create"]],
        run: None,
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a Cloud Build build (it runs as the legacy Cloud Build account)",
        deploy: &[&["cloudbuild.builds.create"]],
        run: None,
        runs_as: RunsAs::CloudBuild,
    },
    Vector {
        name: "a Composer environment (its DAGs run as the account)",
        deploy: &[
            &["composer.environments.create"],
            &["composer.environments.update"],
        ],
        run: None,
        runs_as: RunsAs::ActAs,
    },
    Vector {
        name: "a Deployment Manager deployment (it runs as the Google APIs service agent)",
        deploy: &[
            &["deploymentmanager.deployments.create"],
            &["deploymentmanager.deployments.update"],
        ],
        run: None,
        runs_as: RunsAs::CloudServices,
    },
];

const ADMIN_PERMS: &[&str] = &[
    "resourcemanager.projects.setIamPolicy",
    "resourcemanager.folders.setIamPolicy",
    "resourcemanager.organizations.setIamPolicy",
];

/// How a member reaches an account: the vector, its grants, how it is started, and the agent it
/// goes through (for the second hop).
struct Way {
    vector: &'static Vector,
    deploy: Vec<(&'static str, Grant)>,
    act_as: Option<Grant>,
    run: Option<(&'static str, Grant)>,
    run_unknown: bool,
    through: Option<String>,
}

/// The accounts `member` can run code as in `project`, each with the ways it can.
fn reach(
    view: &View<'_>,
    project: &str,
    member: &str,
    accounts: &[String],
    agents: &[(String, RunsAs)],
) -> BTreeMap<String, Vec<Way>> {
    let mut out: BTreeMap<String, Vec<Way>> = BTreeMap::new();
    let role_gaps = view
        .grants(project, member)
        .iter()
        .any(|g| !view.fully_known(&g.role));
    for v in VECTORS {
        let deploy = v.deploy.iter().find_map(|set| {
            set.iter()
                .map(|p| view.has(project, member, p).map(|g| (*p, g)))
                .collect::<Option<Vec<_>>>()
        });
        let Some(deploy) = deploy else { continue };
        let run = v.run.and_then(|r| {
            r.iter()
                .find_map(|p| view.has(project, member, p).map(|g| (*p, g)))
        });
        let run_unknown = v.run.is_some() && run.is_none() && role_gaps;
        let targets: Vec<(String, Option<Grant>)> = match v.runs_as {
            RunsAs::ActAs => accounts
                .iter()
                .filter(|e| member != format!("serviceAccount:{e}"))
                .filter_map(|e| Some((e.clone(), Some(view.act_as(project, member, e)?))))
                .collect(),
            fixed => agents
                .iter()
                .filter(|(_, k)| *k == fixed)
                .map(|(e, _)| (e.clone(), None))
                .collect(),
        };
        for (email, act_as) in targets {
            out.entry(email).or_default().push(Way {
                vector: v,
                deploy: deploy.clone(),
                act_as,
                run: run.clone(),
                run_unknown,
                through: None,
            });
        }
    }
    out
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let projects = view.project_ids();
    for (project, chain) in &view.chains {
        let bound: Vec<&str> = {
            let mut m: Vec<&str> = ctx
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
            m.sort_unstable();
            m.dedup();
            m
        };
        // The agents members act through, as the project binds them.
        let agents: Vec<(String, RunsAs)> = bound
            .iter()
            .filter_map(|m| {
                let email = m.strip_prefix("serviceAccount:")?;
                if email.ends_with("@cloudservices.gserviceaccount.com") {
                    Some((email.to_string(), RunsAs::CloudServices))
                } else if email.ends_with("@cloudbuild.gserviceaccount.com") {
                    Some((email.to_string(), RunsAs::CloudBuild))
                } else {
                    None
                }
            })
            .collect();
        // Every service account in the project, and the runtime accounts its workloads use.
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
        // Google-managed agents are never subjects: no person signs in as one. Members act
        // through some of them, which is where they appear (as targets, and as hops).
        let members: Vec<&str> = bound
            .iter()
            .copied()
            .filter(|m| service_agent(m, &projects).is_none())
            .collect();
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
            let mut reached = reach(view, project, m, &accounts, &agents);
            // One hop through an agent the member acts as: what the agent can run code as.
            let hops: Vec<String> = reached
                .keys()
                .filter(|e| agents.iter().any(|(a, _)| a == *e))
                .cloned()
                .collect();
            for agent in hops {
                let member = format!("serviceAccount:{agent}");
                for (email, ways) in reach(view, project, &member, &accounts, &[]) {
                    if format!("serviceAccount:{email}") == m {
                        continue;
                    }
                    let entry = reached.entry(email).or_default();
                    for mut w in ways {
                        w.through = Some(agent.clone());
                        // Code the agent deploys is started by the member's deployment.
                        w.run_unknown = false;
                        entry.push(w);
                    }
                }
            }
            for (email, ways) in reached {
                let (level, why) = view.privilege(project, &email);
                let Some(top) = severity(level) else {
                    continue;
                };
                // Nothing is gained where the member already holds what the account holds.
                if view.already_holds(project, m, &why) {
                    continue;
                }
                // The most direct way that needs no missing run permission decides the severity.
                let ranked = |w: &Way| match (&w.run, w.vector.run, w.run_unknown) {
                    (Some(_), _, _) | (None, None, _) => 0,
                    (None, Some(_), true) => 1,
                    (None, Some(_), false) => 2,
                };
                let Some(best) = ways.iter().min_by_key(|w| (ranked(w), w.through.is_some()))
                else {
                    continue;
                };
                let sev = if ranked(best) == 2 {
                    if level == GcpPriv::Critical {
                        Severity::High
                    } else {
                        Severity::Medium
                    }
                } else {
                    top
                };
                let mut b = META
                    .finding()
                    .severity(sev)
                    .conditional(ranked(best) == 1)
                    .subject(member_ref(m))
                    .target(sa_ref(&email));
                for w in ways.iter().filter(|w| ranked(w) == ranked(best)) {
                    let through = w
                        .through
                        .as_ref()
                        .map(|a| format!(" through {a} (whose deployments {m} starts)"))
                        .unwrap_or_default();
                    b = b.evidence(
                        "path",
                        format!(
                            "{m} can run code as {email} with {}{through} ({}){}",
                            w.vector.name,
                            w.deploy.iter().map(|(p, _)| *p).collect::<Vec<_>>().join(" + "),
                            match (&w.run, w.vector.run, w.run_unknown) {
                                (_, None, _) => "; it runs by itself",
                                (Some(_), _, _) => "",
                                (None, Some(_), true) => "; whether it can start the code is unknown (role definitions not exported)",
                                (None, Some(_), false) => "; no permission to start it was found",
                            }
                        ),
                        project.clone(),
                    );
                    for (p, g) in &w.deploy {
                        b = with_grant(b, p, g);
                    }
                    if let Some(g) = &w.act_as {
                        b = with_grant(b, &format!("iam.serviceAccounts.actAs on {email}"), g);
                    }
                    if let Some((p, g)) = &w.run {
                        b = with_grant(b, p, g);
                    }
                }
                b = with_privilege(b, &email, &why);
                match b.build() {
                    Ok(f) => out.findings.push(f),
                    Err(e) => out.not_evaluated.push(e.to_string()),
                }
            }
        }
    }
    out
}
