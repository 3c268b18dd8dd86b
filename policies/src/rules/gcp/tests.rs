//! GCP rule fixtures, with the subtle cases: actAs only on a harmless account, a 1st-gen function with
//! no account (App Engine default), a binding inherited from a folder, a custom role with actAs.

use fnscope_snapshot::{
    Binding, Coverage, CoverageStatus, Exposure, GcpFunctionDetails, GcpServiceAccountDetails,
    Identity, IdentityDetails, PolicyRecord, Provider, ScanMode, ScanSource, Snapshot, Target,
    Usage, Workload, WorkloadDetails,
};
use serde_json::json;

use crate::{Settings, catalogue, evaluate};

const P: &str = "billing-prod";

struct Estate {
    s: Snapshot,
}

impl Estate {
    fn new() -> Estate {
        let mut s = Snapshot::new(
            "test",
            ScanSource {
                mode: ScanMode::Offline,
                location: None,
            },
        );
        s.targets.push(Target {
            provider: Provider::Gcp,
            id: P.into(),
            name: Some("418213377911".into()),
            regions: vec!["us-central1".into()],
            organization: Some("organizations/1".into()),
            ancestors: vec!["folders/77".into(), "organizations/1".into()],
        });
        s.coverage.push(Coverage {
            provider: Provider::Gcp,
            target: P.into(),
            region: None,
            api: "recommender:insights.list".into(),
            status: CoverageStatus::Complete,
            detail: String::new(),
        });
        Estate { s }
    }

    fn bind(&mut self, scope: &str, member: &str, role: &str) -> &mut Self {
        self.s.bindings.push(Binding {
            provider: Provider::Gcp,
            scope: scope.into(),
            principal: member.into(),
            grant: role.into(),
            kind: fnscope_snapshot::kinds::GCP_IAM_BINDING.into(),
            order: None,
            condition: None,
            principal_type: None,
            created: None,
            principal_name: None,
        });
        self
    }

    fn sa(&mut self, email: &str, policy: Option<serde_json::Value>) -> &mut Self {
        self.s.identities.push(Identity {
            id: format!("serviceAccount:{email}"),
            provider: Provider::Gcp,
            kind: fnscope_snapshot::kinds::GCP_SERVICE_ACCOUNT.into(),
            name: email.into(),
            target: P.into(),
            created: None,
            details: IdentityDetails::GcpServiceAccount(Box::new(GcpServiceAccountDetails {
                email: email.into(),
                project: P.into(),
                iam_policy_read: true,
                iam_policy: policy,
                ..GcpServiceAccountDetails::default()
            })),
        });
        self
    }

    fn role(&mut self, id: &str, perms: &[&str]) -> &mut Self {
        self.s.policies.push(PolicyRecord {
            id: id.into(),
            provider: Provider::Gcp,
            kind: fnscope_snapshot::kinds::GCP_ROLE.into(),
            name: id.into(),
            target: P.into(),
            document: json!({"includedPermissions": perms}),
            version: None,
        });
        self
    }

    fn function(
        &mut self,
        name: &str,
        generation: &str,
        sa: &str,
        defaulted: bool,
        invoker: Option<serde_json::Value>,
    ) -> &mut Self {
        self.s.workloads.push(Workload {
            id: format!("projects/{P}/locations/us-central1/functions/{name}"),
            provider: Provider::Gcp,
            kind: fnscope_snapshot::kinds::GCP_CLOUD_FUNCTION.into(),
            name: name.into(),
            target: P.into(),
            location: Some("us-central1".into()),
            runtime: None,
            state: None,
            owner: None,
            created: None,
            modified: None,
            identities: vec![format!("serviceAccount:{sa}")],
            scopes: Vec::new(),
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: None,
            exposure: Exposure::default(),
            details: WorkloadDetails::GcpFunction(Box::new(GcpFunctionDetails {
                generation: generation.into(),
                service_account: sa.into(),
                service_account_defaulted: defaulted,
                http_trigger: true,
                invoker_policy_read: invoker.is_some(),
                invoker_iam_disabled: false,
                invoker_policy: invoker,
                ..GcpFunctionDetails::default()
            })),
        });
        self
    }

    fn triples(&self, rule: &str) -> Vec<(String, String, String)> {
        let rules: Vec<_> = catalogue()
            .into_iter()
            .filter(|r| r.meta().id == rule)
            .collect();
        let mut v: Vec<_> = evaluate(&self.s, &rules, &Settings::default())
            .findings
            .into_iter()
            .map(|f| {
                (
                    f.subject.name,
                    f.target.map(|t| t.name).unwrap_or_default(),
                    f.severity.as_str().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    }
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

const ADMIN_SA: &str = "iam-bot@billing-prod.iam.gserviceaccount.com";
const HARMLESS_SA: &str = "reader@billing-prod.iam.gserviceaccount.com";

fn base() -> Estate {
    let mut e = Estate::new();
    e.sa(ADMIN_SA, None).sa(HARMLESS_SA, None);
    e.bind(
        "projects/billing-prod",
        &format!("serviceAccount:{ADMIN_SA}"),
        "roles/resourcemanager.projectIamAdmin",
    )
    .bind(
        "projects/billing-prod",
        &format!("serviceAccount:{HARMLESS_SA}"),
        "roles/viewer-ish",
    );
    e.role("roles/viewer-ish", &["storage.objects.get"]);
    e
}

#[test]
fn gcp_001_deployer_with_act_as_on_a_privileged_account() {
    let mut e = base();
    e.bind(
        "projects/billing-prod",
        "user:dev@example.com",
        "roles/cloudfunctions.developer",
    )
    .bind(
        "projects/billing-prod",
        "user:dev@example.com",
        "roles/iam.serviceAccountUser",
    );
    assert_eq!(
        e.triples("T1648-GCP-001"),
        vec![t("dev@example.com", ADMIN_SA, "critical")]
    );
}

#[test]
fn gcp_001_act_as_only_on_a_harmless_account_is_no_finding() {
    let mut e = base();
    e.sa(
        "reader2@billing-prod.iam.gserviceaccount.com",
        Some(json!({"bindings": [{"role": "roles/iam.serviceAccountUser", "members": ["user:dev@example.com"]}]})),
    );
    e.bind(
        "projects/billing-prod",
        "user:dev@example.com",
        "roles/cloudfunctions.developer",
    );
    assert!(e.triples("T1648-GCP-001").is_empty());
    // The same grant on the privileged account's own policy is a finding.
    let mut e = base();
    e.s.identities.retain(|i| i.name != ADMIN_SA);
    e.sa(ADMIN_SA, Some(json!({"bindings": [{"role": "roles/iam.serviceAccountUser", "members": ["user:dev@example.com"]}]})));
    e.bind(
        "projects/billing-prod",
        "user:dev@example.com",
        "roles/cloudfunctions.developer",
    );
    assert_eq!(
        e.triples("T1648-GCP-001"),
        vec![t("dev@example.com", ADMIN_SA, "critical")]
    );
}

#[test]
fn gcp_001_folder_binding_and_custom_role_with_act_as() {
    let mut e = base();
    e.role(
        "projects/billing-prod/roles/deployer",
        &[
            "run.services.create",
            "run.routes.invoke",
            "iam.serviceAccounts.actAs",
        ],
    );
    e.bind(
        "folders/77",
        "group:platform@example.com",
        "projects/billing-prod/roles/deployer",
    );
    assert_eq!(
        e.triples("T1648-GCP-001"),
        vec![t("platform@example.com", ADMIN_SA, "critical")]
    );
}

#[test]
fn gcp_002_and_003_runtime_accounts() {
    let mut e = base();
    let appspot = "billing-prod@appspot.gserviceaccount.com";
    e.bind(
        "projects/billing-prod",
        &format!("serviceAccount:{appspot}"),
        "roles/editor",
    );
    // 1st gen with no account named runs as the App Engine default account.
    e.function("legacy", "GEN_1", appspot, true, None)
        .function("iam-sync", "GEN_2", ADMIN_SA, false, None)
        .function("reports", "GEN_2", HARMLESS_SA, false, None);
    assert_eq!(
        e.triples("T1648-GCP-002"),
        vec![t("legacy", appspot, "high")]
    );
    assert_eq!(
        e.triples("T1648-GCP-003"),
        vec![t("iam-sync", ADMIN_SA, "critical")]
    );
}

#[test]
fn gcp_004_public_privileged_function() {
    let public = json!({"bindings": [{"role": "roles/run.invoker", "members": ["allUsers"]}]});
    let mut e = base();
    e.function("iam-sync", "GEN_2", ADMIN_SA, false, Some(public.clone()))
        .function("hello", "GEN_2", HARMLESS_SA, false, Some(public))
        .function(
            "private",
            "GEN_2",
            ADMIN_SA,
            false,
            Some(json!({"bindings": []})),
        );
    assert_eq!(
        e.triples("T1648-GCP-004"),
        vec![t("iam-sync", ADMIN_SA, "critical")]
    );
}

#[test]
fn gcp_005_basic_roles_on_humans() {
    let mut e = base();
    e.bind("organizations/1", "user:ceo@example.com", "roles/owner")
        .bind(
            "projects/billing-prod",
            "group:devs@example.com",
            "roles/editor",
        )
        .bind(
            "projects/billing-prod",
            "serviceAccount:ci@x.iam.gserviceaccount.com",
            "roles/editor",
        );
    assert_eq!(
        e.triples("T1648-GCP-005"),
        vec![
            t("ceo@example.com", "organizations/1", "high"),
            t("devs@example.com", "projects/billing-prod", "medium")
        ]
    );
}

#[test]
fn gcp_008_unused_create_permission_from_insights() {
    let mut e = base();
    let insight = |member: &str, role: &str, action: Option<&str>| Usage {
        provider: Provider::Gcp,
        principal: member.into(),
        service: role.into(),
        action: action.map(str::to_string),
        last_used: action.map(|_| "2026-11-01T00:00:00Z".to_string()),
        as_of: "2026-11-01T00:00:00Z".into(),
        source: format!("recommender:google.iam.policy.Insight project {P} observation 7776000s"),
    };
    e.s.usage.extend([
        insight(
            "user:idle@example.com",
            "roles/cloudfunctions.developer",
            None,
        ),
        insight(
            "user:idle@example.com",
            "roles/cloudfunctions.developer",
            Some("cloudfunctions.functions.get"),
        ),
        insight(
            "user:busy@example.com",
            "roles/cloudfunctions.developer",
            None,
        ),
        insight(
            "user:busy@example.com",
            "roles/cloudfunctions.developer",
            Some("cloudfunctions.functions.update"),
        ),
    ]);
    assert_eq!(
        e.triples("T1648-GCP-008"),
        vec![t(
            "idle@example.com",
            "roles/cloudfunctions.developer",
            "medium"
        )]
    );
}

#[test]
fn gcp_008_falls_back_to_activity_analyzer_for_service_accounts() {
    let mut e = base();
    e.s.coverage
        .retain(|c| c.api != "recommender:insights.list");
    e.s.coverage.push(Coverage {
        provider: Provider::Gcp,
        target: P.into(),
        region: None,
        api: "policyanalyzer:activities.query".into(),
        status: CoverageStatus::Complete,
        detail: String::new(),
    });
    e.role(
        "roles/cloudfunctions.developer",
        &["cloudfunctions.functions.create"],
    );
    for who in ["idle", "recent", "edge", "never", "other-project"] {
        e.bind(
            &format!("projects/{P}"),
            &format!("serviceAccount:{who}@{P}.iam.gserviceaccount.com"),
            "roles/cloudfunctions.developer",
        );
    }
    e.bind(
        &format!("projects/{P}"),
        "user:human@example.com",
        "roles/cloudfunctions.developer",
    );
    let auth = |who: &str, last: Option<&str>| Usage {
        provider: Provider::Gcp,
        principal: format!("serviceAccount:{who}@{P}.iam.gserviceaccount.com"),
        service: format!("authentication:{P}"),
        action: None,
        last_used: last.map(str::to_string),
        as_of: "2026-11-27T07:00:00Z".into(),
        source: "policyanalyzer:serviceAccountLastAuthentication observation a..b".into(),
    };
    e.s.usage.extend([
        auth("idle", Some("2026-08-28T07:00:00Z")), // 91 days
        auth("edge", Some("2026-08-30T07:00:00Z")), // 89 days
        auth("recent", Some("2026-11-26T07:00:00Z")),
        auth("never", None),
    ]);
    let got: Vec<String> = e
        .triples("T1648-GCP-008")
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(
        got,
        vec![
            format!("idle@{P}.iam.gserviceaccount.com"),
            format!("never@{P}.iam.gserviceaccount.com"),
        ]
    );
    let out = crate::evaluate(&e.s, &catalogue(), &Settings::default());
    let ne = format!("{:?}", out.not_evaluated);
    assert!(ne.contains("user:human@example.com"), "{ne}");
    assert!(
        ne.contains("other-project@"),
        "no authentication record: not judged: {ne}"
    );
}

/// A project with the Cloud Functions and Cloud Build APIs on: their service agents, the legacy
/// Cloud Build account, the Google APIs agent and the Compute default account (both Editor), as
/// Google creates them.
fn agents_only() -> Estate {
    let mut e = Estate::new();
    let n = "418213377911";
    e.sa(&format!("{n}-compute@developer.gserviceaccount.com"), None);
    for (m, r) in [
        (
            format!("serviceAccount:{n}@cloudservices.gserviceaccount.com"),
            "roles/editor",
        ),
        (
            format!("serviceAccount:{n}-compute@developer.gserviceaccount.com"),
            "roles/editor",
        ),
        (
            format!("serviceAccount:{n}@cloudbuild.gserviceaccount.com"),
            "roles/cloudbuild.builds.builder",
        ),
        (
            format!("serviceAccount:service-{n}@gcp-sa-cloudbuild.iam.gserviceaccount.com"),
            "roles/cloudbuild.serviceAgent",
        ),
        (
            format!("serviceAccount:service-{n}@gcf-admin-robot.iam.gserviceaccount.com"),
            "roles/cloudfunctions.serviceAgent",
        ),
        (
            format!("serviceAccount:service-{n}@serverless-robot-prod.iam.gserviceaccount.com"),
            "roles/run.serviceAgent",
        ),
    ] {
        e.bind("projects/billing-prod", &m, r);
    }
    e
}

#[test]
fn gcp_001_google_managed_agents_are_never_subjects() {
    // The agents hold deploy and actAs rights over the Editor accounts, and the Google APIs agent
    // is Editor itself; no person can sign in as any of them, and the Editors gain nothing from
    // each other.
    assert_eq!(agents_only().triples("T1648-GCP-001"), vec![]);
}

#[test]
fn gcp_001_one_hop_through_cloud_build_names_the_member_not_the_agent() {
    // A member who may start builds runs code as the build account; a build may also use any
    // account the member may act as.
    let mut e = agents_only();
    e.sa(ADMIN_SA, None).bind(
        "projects/billing-prod",
        &format!("serviceAccount:{ADMIN_SA}"),
        "roles/resourcemanager.projectIamAdmin",
    );
    e.bind(
        "projects/billing-prod",
        "user:ci@example.com",
        "roles/cloudbuild.builds.editor",
    )
    .bind(
        "projects/billing-prod",
        "user:ci@example.com",
        "roles/iam.serviceAccountUser",
    );
    let got = e.triples("T1648-GCP-001");
    assert!(
        got.contains(&t("ci@example.com", ADMIN_SA, "critical")),
        "{got:?}"
    );
    // The agents (Cloud Build's, the Google APIs agent) are never subjects; the Compute default
    // account is an ordinary account that code runs as, and Editor reaches the IAM admin.
    assert!(
        got.iter().all(|(s, _, _)| s == "ci@example.com"
            || s == "418213377911-compute@developer.gserviceaccount.com"),
        "no agent is a subject: {got:?}"
    );
}

#[test]
fn gcp_001_cloud_run_job_create_and_run_with_act_as() {
    let mut e = base();
    e.role(
        "projects/billing-prod/roles/jobRunner",
        &[
            "run.jobs.create",
            "run.jobs.run",
            "iam.serviceAccounts.actAs",
        ],
    )
    .bind(
        "projects/billing-prod",
        "user:ops@example.com",
        "projects/billing-prod/roles/jobRunner",
    );
    assert_eq!(
        e.triples("T1648-GCP-001"),
        vec![t("ops@example.com", ADMIN_SA, "critical")]
    );
    // Without a way to start it (create only), nothing runs: the job is lowered, not reported as
    // running by itself.
    let mut e = base();
    e.role(
        "projects/billing-prod/roles/jobMaker",
        &["run.jobs.create", "iam.serviceAccounts.actAs"],
    )
    .bind(
        "projects/billing-prod",
        "user:ops@example.com",
        "projects/billing-prod/roles/jobMaker",
    );
    assert!(
        e.triples("T1648-GCP-001")
            .iter()
            .all(|(_, _, sev)| sev != "critical"),
        "{:?}",
        e.triples("T1648-GCP-001")
    );
}

#[test]
fn gcp_001_scheduler_runs_by_itself() {
    // A Cloud Scheduler job calls its target with the account's token on its own schedule: no
    // invoke permission is needed, so the severity is not lowered.
    let mut e = base();
    e.role(
        "projects/billing-prod/roles/scheduler",
        &["cloudscheduler.jobs.create", "iam.serviceAccounts.actAs"],
    )
    .bind(
        "projects/billing-prod",
        "user:ops@example.com",
        "projects/billing-prod/roles/scheduler",
    );
    assert_eq!(
        e.triples("T1648-GCP-001"),
        vec![t("ops@example.com", ADMIN_SA, "critical")]
    );
}

#[test]
fn gcp_001_nothing_gained_between_accounts_that_hold_the_same_roles() {
    let mut e = Estate::new();
    let (a, b) = (
        "billing-prod@appspot.gserviceaccount.com",
        "418213377911-compute@developer.gserviceaccount.com",
    );
    e.sa(a, None).sa(b, None);
    for m in [a, b] {
        e.bind(
            "projects/billing-prod",
            &format!("serviceAccount:{m}"),
            "roles/editor",
        );
    }
    assert_eq!(e.triples("T1648-GCP-001"), vec![]);
    // A member with only deploy rights still reaches both.
    e.bind(
        "projects/billing-prod",
        "user:dev@example.com",
        "roles/cloudfunctions.developer",
    )
    .bind(
        "projects/billing-prod",
        "user:dev@example.com",
        "roles/iam.serviceAccountUser",
    );
    let got = e.triples("T1648-GCP-001");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|(s, _, _)| s == "dev@example.com"));
}
