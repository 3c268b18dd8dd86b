//! GCP rule fixtures, with the subtle cases: actAs only on a harmless account, a 1st-gen function with
//! no account (App Engine default), a binding inherited from a folder, a custom role with actAs.

use fnscope_snapshot::testkit::GcpEstate as Estate;
use fnscope_snapshot::{Coverage, CoverageStatus, Provider, Usage};
use serde_json::json;

use crate::{Settings, catalogue, evaluate};

const P: &str = "billing-prod";

/// (subject, target, severity) of one rule's findings, sorted.
trait Triples {
    fn triples(&self, rule: &str) -> Vec<(String, String, String)>;
}

impl Triples for Estate {
    fn triples(&self, rule: &str) -> Vec<(String, String, String)> {
        let rules: Vec<_> = catalogue()
            .into_iter()
            .filter(|r| r.meta().id == rule)
            .collect();
        let mut v: Vec<_> = evaluate(&self.snapshot, &rules, &Settings::default())
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
    let mut e = Estate::new(P);
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
    e.snapshot.identities.retain(|i| i.name != ADMIN_SA);
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
    e.snapshot.usage.extend([
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
    e.snapshot
        .coverage
        .retain(|c| c.api != "recommender:insights.list");
    e.snapshot.coverage.push(Coverage {
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
    e.snapshot.usage.extend([
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
    let out = crate::evaluate(&e.snapshot, &catalogue(), &Settings::default());
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
    let mut e = Estate::new(P);
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
    let mut e = Estate::new(P);
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

// --- Detections (Cloud Audit Logs): GCP-006, GCP-007, GCP-009 -------------------------------------

/// A Cloud Audit Logs entry as the collector normalises it, `minute` after 10:00.
fn entry(
    actor: &str,
    service: &str,
    method: &str,
    minute: i64,
    resource: &str,
) -> fnscope_snapshot::AuditEvent {
    let mut attrs: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    attrs.insert("service".into(), vec![service.into()]);
    fnscope_snapshot::AuditEvent {
        provider: Provider::Gcp,
        target: P.into(),
        id: format!("{method}-{minute}"),
        time: chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc)
            + chrono::Duration::minutes(minute),
        actor: actor.into(),
        action: method.into(),
        resource: Some(resource.into()),
        source_ip: None,
        attrs,
        source: format!("entries.json#{minute}"),
    }
}

fn with(
    mut e: fnscope_snapshot::AuditEvent,
    key: &str,
    values: &[&str],
) -> fnscope_snapshot::AuditEvent {
    e.attrs
        .entry(key.into())
        .or_default()
        .extend(values.iter().map(|v| v.to_string()));
    e
}

const CREATE: &str = "google.cloud.functions.v2.FunctionService.CreateFunction";
const SET_POLICY: &str = "google.cloud.functions.v2.FunctionService.SetIamPolicy";
const FUNCTIONS: &str = "cloudfunctions.googleapis.com";

fn fn_name(name: &str) -> String {
    format!("projects/{P}/locations/us-central1/functions/{name}")
}

/// The base estate with its project's IAM policy read, and `events` in its log.
fn logged(events: Vec<fnscope_snapshot::AuditEvent>) -> Estate {
    let mut e = base();
    e.snapshot.coverage.push(Coverage {
        provider: Provider::Gcp,
        target: P.into(),
        region: None,
        api: "cloudresourcemanager:projects.getIamPolicy".into(),
        status: CoverageStatus::Complete,
        detail: String::new(),
    });
    e.snapshot.events = events;
    e
}

fn run(e: &Estate, rule: &str, settings: &Settings) -> (Vec<crate::Finding>, Vec<String>) {
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == rule)
        .collect();
    let ev = evaluate(&e.snapshot, &rules, settings);
    (
        ev.findings,
        ev.not_evaluated.into_iter().map(|n| n.reason).collect(),
    )
}

#[test]
fn gcp_009_grades_each_deployment_and_each_public_policy() {
    let dev = "dev@example.com";
    // (case, events, expected (resource, severity) findings)
    type Case = (
        &'static str,
        Vec<fnscope_snapshot::AuditEvent>,
        Vec<(&'static str, &'static str)>,
    );
    let cases: Vec<Case> = vec![
        (
            "deployed as the administrative account: one step up",
            vec![with(
                entry(dev, FUNCTIONS, CREATE, 0, &fn_name("f")),
                "service_account",
                &[ADMIN_SA],
            )],
            vec![("f", "high")],
        ),
        (
            "deployed as a harmless account: one step down",
            vec![with(
                entry(dev, FUNCTIONS, CREATE, 0, &fn_name("f")),
                "service_account",
                &[HARMLESS_SA],
            )],
            vec![("f", "low")],
        ),
        (
            "the account is neither in the request nor in the inventory: said, the change's own",
            vec![entry(dev, FUNCTIONS, CREATE, 0, &fn_name("unknown"))],
            vec![("unknown", "medium")],
        ),
        (
            "deployed as the administrative account, then opened to everyone: raised by the sequence",
            vec![
                with(
                    entry(dev, FUNCTIONS, CREATE, 0, &fn_name("f")),
                    "service_account",
                    &[ADMIN_SA],
                ),
                with(
                    entry(dev, FUNCTIONS, SET_POLICY, 30, &fn_name("f")),
                    "added",
                    &["allUsers"],
                ),
            ],
            vec![("f", "critical")],
        ),
        (
            "a harmless function opened to every Google account: high, one down",
            vec![with(
                entry(dev, FUNCTIONS, SET_POLICY, 0, &fn_name("g")),
                "added",
                &["allAuthenticatedUsers"],
            )],
            vec![("g", "medium")],
        ),
        (
            "a named member is not the public",
            vec![with(
                entry(dev, FUNCTIONS, SET_POLICY, 0, &fn_name("g")),
                "added",
                &["user:ops@example.com"],
            )],
            vec![],
        ),
        (
            "a method of another service is not a deployment",
            vec![entry(
                dev,
                "compute.googleapis.com",
                "v1.compute.instances.insert",
                0,
                "projects/p/zones/z/instances/i",
            )],
            vec![],
        ),
    ];
    for (case, events, want) in cases {
        let mut e = logged(events);
        e.function("g", "2nd gen", HARMLESS_SA, false, None);
        let (findings, _) = run(&e, "T1648-GCP-009", &Settings::default());
        let mut got: Vec<(String, String)> = findings
            .iter()
            .map(|f| {
                (
                    f.resource.as_ref().unwrap().name.clone(),
                    f.severity.as_str().to_string(),
                )
            })
            .collect();
        got.sort();
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{case}");
        if case.contains("sequence") {
            assert_eq!(
                findings[0]
                    .evidence
                    .iter()
                    .filter(|x| x.kind == "event")
                    .count(),
                2,
                "{case}: both entries in one finding"
            );
        }
        if case.contains("neither") {
            assert!(
                findings[0]
                    .evidence
                    .iter()
                    .any(|x| x.detail.contains("is not known")),
                "{case}"
            );
        }
    }
    // The project's IAM not read: the account's power is unknown, not "none".
    let mut e = logged(vec![with(
        entry(dev, FUNCTIONS, CREATE, 0, &fn_name("f")),
        "service_account",
        &[HARMLESS_SA],
    )]);
    e.snapshot
        .coverage
        .retain(|c| c.api != "cloudresourcemanager:projects.getIamPolicy");
    let (findings, _) = run(&e, "T1648-GCP-009", &Settings::default());
    assert_eq!(findings[0].severity.as_str(), "medium");
    // An allow-listed deployer stays visible, as low.
    let e = logged(vec![with(
        entry(dev, FUNCTIONS, CREATE, 0, &fn_name("f")),
        "service_account",
        &[ADMIN_SA],
    )]);
    let settings = Settings {
        detect_allow: vec![dev.into()],
        ..Settings::default()
    };
    let (findings, _) = run(&e, "T1648-GCP-009", &settings);
    assert_eq!(findings[0].severity.as_str(), "low");
}

#[test]
fn gcp_006_needs_the_whole_sequence_and_the_project_s_iam() {
    let dev = "dev@example.com";
    let deploy = || {
        with(
            entry(dev, FUNCTIONS, CREATE, 0, &fn_name("f")),
            "service_account",
            &[ADMIN_SA],
        )
    };
    let public = |minute| {
        with(
            entry(dev, FUNCTIONS, SET_POLICY, minute, &fn_name("f")),
            "added",
            &["allUsers"],
        )
    };
    let (f, _) = run(
        &logged(vec![deploy(), public(60)]),
        "T1648-GCP-006",
        &Settings::default(),
    );
    assert_eq!(f.len(), 1, "opened at 60:00 counts");
    assert_eq!(f[0].severity.as_str(), "critical");
    let (f, _) = run(
        &logged(vec![deploy(), public(61)]),
        "T1648-GCP-006",
        &Settings::default(),
    );
    assert!(f.is_empty(), "61 minutes is not the sequence");
    // A follow-up that repeats the deploy's id (copied test events) is still a follow-up.
    let mut again = public(30);
    again.id = deploy().id;
    let (f, _) = run(
        &logged(vec![deploy(), again]),
        "T1648-GCP-006",
        &Settings::default(),
    );
    assert_eq!(f.len(), 1);
    // Without the project's IAM the sequence is not evaluated, never "harmless".
    let mut e = logged(vec![deploy(), public(30)]);
    e.snapshot
        .coverage
        .retain(|c| c.api != "cloudresourcemanager:projects.getIamPolicy");
    let (f, ne) = run(&e, "T1648-GCP-006", &Settings::default());
    assert!(f.is_empty());
    assert!(ne.iter().any(|r| r.contains("was not read")), "{ne:?}");
}

#[test]
fn gcp_007_needs_the_runtime_accounts() {
    let key = || {
        entry(
            ADMIN_SA,
            "iam.googleapis.com",
            "google.iam.admin.v1.CreateServiceAccountKey",
            0,
            &format!("projects/-/serviceAccounts/{HARMLESS_SA}"),
        )
    };
    // The account runs a function: its key creation is the function minting credentials.
    let mut e = logged(vec![key()]);
    e.function("iam-sync", "2nd gen", ADMIN_SA, false, None);
    let (f, _) = run(&e, "T1648-GCP-007", &Settings::default());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity.as_str(), "critical");
    // No function in the inventory: not evaluated, with the count, never silent.
    let (f, ne) = run(&logged(vec![key()]), "T1648-GCP-007", &Settings::default());
    assert!(f.is_empty());
    assert!(
        ne.iter()
            .any(|r| r.contains("no function or Cloud Run service is in the inventory")),
        "{ne:?}"
    );
    // A person's key creation is not GCP-007's.
    let mut e = logged(vec![{
        let mut k = key();
        k.actor = "dev@example.com".into();
        k
    }]);
    e.function("iam-sync", "2nd gen", ADMIN_SA, false, None);
    assert!(run(&e, "T1648-GCP-007", &Settings::default()).0.is_empty());
}

#[test]
fn gcp_010_every_public_function_graded_by_its_account() {
    let mut e = logged(Vec::new());
    e.function("admin-f", "2nd gen", ADMIN_SA, false, None)
        .function("harmless-f", "2nd gen", HARMLESS_SA, false, None)
        .function("private-f", "2nd gen", ADMIN_SA, false, None);
    for w in &mut e.snapshot.workloads {
        if w.name != "private-f" {
            w.exposure.public = true;
            w.exposure.notes.push("invoker: allUsers".into());
        }
    }
    let sev = |e: &Estate| {
        let mut v: Vec<(String, String)> = run(e, "T1648-GCP-010", &Settings::default())
            .0
            .into_iter()
            .map(|f| (f.target.unwrap().name, f.severity.as_str().to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        sev(&e),
        [
            ("admin-f".to_string(), "critical".to_string()),
            ("harmless-f".into(), "low".into())
        ]
    );
    // The project's IAM not read: what the account can do is unknown, medium, never low.
    e.snapshot
        .coverage
        .retain(|c| c.api != "cloudresourcemanager:projects.getIamPolicy");
    assert!(sev(&e).iter().all(|(_, s)| s == "medium"));
}
