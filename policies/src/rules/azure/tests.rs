//! Azure rule fixtures for the subtle cases the example estate does not show: a deny assignment that
//! excludes the principal or does not apply to child scopes, a conditional assignment, and a role whose
//! permissions are unknown.

use fnscope_snapshot::testkit::AzureEstate;
use fnscope_snapshot::{
    Binding, IdentityDetails, PolicyRecord, Provider, Snapshot, WorkloadDetails,
};
use serde_json::json;

use crate::{Settings, catalogue, evaluate};

const SUB: &str = "/subscriptions/s1";
const SITE: &str = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app";
const MI: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const DEV: &str = "bbbbbbbb-0000-4000-8000-000000000002";
const OWNER: &str = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const WEBC: &str = "de139f84-1756-47ae-9be6-808fbbe84772";
/// Mail.Send, a tier-1 Microsoft Graph application permission.
const TIER1_GRAPH_ROLE: &str = "b633e1c5-b582-4048-a93e-9f11b44c7e96";

use fnscope_snapshot::testkit::azure_assign as assign;

/// A function app whose system-assigned identity is Owner of the subscription.
fn estate() -> Snapshot {
    let mut e = AzureEstate::new("s1");
    e.resource(fnscope_snapshot::kinds::AZURE_FUNCTION_APP, SITE, MI)
        .assign(MI, OWNER, SUB, None);
    e.snapshot
}

fn deny(s: &mut Snapshot, scope: &str, exclude: &[&str], children: bool) {
    fnscope_snapshot::testkit::azure_deny(s, "s1", scope, exclude, children);
}

fn az001(s: &Snapshot) -> Vec<(String, bool, String)> {
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == "T1648-AZ-001")
        .collect();
    let out = evaluate(s, &rules, &Settings::default());
    out.findings
        .into_iter()
        .map(|f| (f.subject.id, f.conditional, f.severity.as_str().to_string()))
        .collect()
}

#[test]
fn az_001_fires_through_an_inherited_assignment() {
    let mut s = estate();
    assign(
        &mut s,
        DEV,
        WEBC,
        "/subscriptions/s1/resourceGroups/rg",
        None,
    );
    assert_eq!(az001(&s), vec![(DEV.to_string(), false, "critical".into())]);
}

#[test]
fn deny_for_everyone_blocks_unless_excluded_or_scoped_to_the_parent_only() {
    let mut s = estate();
    assign(&mut s, DEV, WEBC, SUB, None);
    let mut denied = s.clone();
    deny(&mut denied, SUB, &[], true);
    assert!(
        az001(&denied).is_empty(),
        "everyone denied below the subscription"
    );
    let mut excluded = s.clone();
    deny(&mut excluded, SUB, &[DEV], true);
    assert_eq!(
        az001(&excluded).len(),
        1,
        "the principal is excluded from the deny"
    );
    let mut parent_only = s;
    deny(&mut parent_only, SUB, &[], false);
    assert_eq!(az001(&parent_only).len(), 1, "doesNotApplyToChildScopes");
}

#[test]
fn a_conditional_assignment_gives_a_conditional_finding() {
    let mut s = estate();
    assign(
        &mut s,
        DEV,
        WEBC,
        SUB,
        Some("@Resource[Microsoft.Web/sites:name] StringEquals 'app'"),
    );
    assert_eq!(az001(&s), vec![(DEV.to_string(), true, "critical".into())]);
}

#[test]
fn a_role_with_unknown_permissions_is_reported_not_assumed_harmless() {
    let mut s = estate();
    assign(
        &mut s,
        DEV,
        "12345678-0000-4000-8000-00000000dead",
        SUB,
        None,
    );
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == "T1648-AZ-001")
        .collect();
    let out = evaluate(&s, &rules, &Settings::default());
    assert!(out.findings.is_empty());
    assert!(
        format!("{:?}", out.not_evaluated).contains("12345678-0000-4000-8000-00000000dead"),
        "{:?}",
        out.not_evaluated
    );
}

const RG: &str = "/subscriptions/s1/resourceGroups/rg";
const CONTRIBUTOR: &str = "b24988ac-6180-42a0-ab88-20f7382dd24c";

/// The fixture with the identity's Owner moved from the subscription to `scope` as `role`.
fn identity_at(role: &str, scope: &str) -> Snapshot {
    let mut s = estate();
    s.bindings.retain(|b| b.principal != MI);
    assign(&mut s, MI, role, scope, None);
    s
}

fn az001_findings(s: &Snapshot) -> Vec<crate::Finding> {
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == "T1648-AZ-001")
        .collect();
    evaluate(s, &rules, &Settings::default()).findings
}

#[test]
fn resource_group_owner_identity_is_reached_by_a_group_contributor() {
    // AzureGoat's shape: Contributor on the group may change code that runs as the group's Owner,
    // and gains the right to grant roles there.
    let mut s = identity_at(OWNER, RG);
    assign(&mut s, DEV, CONTRIBUTOR, RG, None);
    let f = az001_findings(&s);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].severity.as_str(), "high");
    let privilege = f[0]
        .evidence
        .iter()
        .find(|e| e.kind == "privilege")
        .unwrap();
    assert!(
        privilege
            .path
            .contains("Microsoft.Authorization/roleAssignments/write"),
        "{privilege:?}"
    );
}

#[test]
fn nothing_is_gained_from_an_identity_below_what_the_deployer_holds() {
    let mut s = identity_at(CONTRIBUTOR, RG);
    assign(&mut s, DEV, OWNER, SUB, None);
    assert!(az001_findings(&s).is_empty());
    // A Website Contributor on the group gains Contributor's other rights there: medium.
    let mut s = identity_at(CONTRIBUTOR, RG);
    assign(&mut s, DEV, WEBC, RG, None);
    let f = az001_findings(&s);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity.as_str(), "medium");
}

#[test]
fn a_sites_wildcard_without_write_still_publishes() {
    // SecuraBV/brokenbydesign-azure main.tf:215-274: "DevOps reader" allows Microsoft.Web/sites/*
    // but not */write, */delete or the key-listing actions. Publishing (Kudu, the publishing
    // profile) is still there.
    let mut s = identity_at(OWNER, RG);
    s.policies.push(PolicyRecord {
        id: "0ddba11-devops-reader".into(),
        provider: Provider::Azure,
        kind: fnscope_snapshot::kinds::AZURE_ROLE_DEFINITION,
        name: "DevOps reader".into(),
        target: "s1".into(),
        document: json!({"permissions": [{
            "actions": ["Microsoft.Web/sites/*", "Microsoft.Compute/*/read"],
            "notActions": ["*/write", "*/delete", "microsoft.web/sites/host/listkeys/action",
                           "Microsoft.Web/sites/slots/config/list/Action"],
        }]}),
        version: None,
    });
    assign(&mut s, DEV, "0ddba11-devops-reader", RG, None);
    let f = az001_findings(&s);
    assert_eq!(f.len(), 1, "{f:#?}");
    let how: Vec<&str> = f[0]
        .evidence
        .iter()
        .filter(|e| e.kind == "permission")
        .map(|e| e.detail.as_str())
        .collect();
    assert!(
        how.iter().any(|d| d.contains("/publish"))
            && !how.iter().any(|d| d.contains("sites/write")),
        "{how:?}"
    );
}

// --- Detections (Activity Log): AZ-008, AZ-010 ----------------------------------------------------

/// An Activity Log operation as the collector normalises it, `minute` after 10:00.
fn op(actor: &str, action: &str, minute: i64, resource: &str) -> fnscope_snapshot::AuditEvent {
    fnscope_snapshot::AuditEvent {
        provider: Provider::Azure,
        target: "s1".into(),
        id: format!("{action}-{minute}"),
        time: chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc)
            + chrono::Duration::minutes(minute),
        actor: actor.into(),
        action: action.into(),
        resource: Some(resource.into()),
        source_ip: None,
        attrs: Default::default(),
        source: format!("activity.json#{minute}"),
    }
}

/// A role assignment written by `principal` (its object id in the token's claims).
fn assignment_by(principal: &str, minute: i64) -> fnscope_snapshot::AuditEvent {
    let mut e = op(
        principal,
        "Microsoft.Authorization/roleAssignments/write",
        minute,
        "/subscriptions/s1/providers/Microsoft.Authorization/roleAssignments/r1",
    );
    e.attrs.insert("principal".into(), vec![principal.into()]);
    e
}

fn detect(s: &Snapshot, rule: &str, settings: &Settings) -> (Vec<crate::Finding>, Vec<String>) {
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == rule)
        .collect();
    let ev = evaluate(s, &rules, settings);
    (
        ev.findings,
        ev.not_evaluated.into_iter().map(|n| n.reason).collect(),
    )
}

#[test]
fn az_010_grades_each_change_by_the_resource_s_identity() {
    let dev = "dev@contoso.com";
    let account =
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Automation/automationAccounts/aa";
    type Case = (
        &'static str,
        Vec<fnscope_snapshot::AuditEvent>,
        Vec<(&'static str, &'static str)>,
    );
    let cases: Vec<Case> = vec![
        (
            "code deployed to a site whose identity is Owner: one step up; its config write joins it",
            vec![
                op(dev, "Microsoft.Web/sites/publish/action", 0, SITE),
                op(
                    dev,
                    "MICROSOFT.WEB/SITES/CONFIG/WRITE",
                    5,
                    &format!("{SITE}/config/web"),
                ),
            ],
            vec![("app", "high")],
        ),
        (
            "then the identity assigns a role within the hour: raised by AZ-008's sequence",
            vec![
                op(dev, "Microsoft.Web/sites/write", 0, SITE),
                assignment_by(MI, 40),
            ],
            vec![("app", "critical")],
        ),
        (
            "a site not in the inventory: the change's own severity, said",
            vec![op(
                dev,
                "Microsoft.Web/sites/write",
                0,
                "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/other",
            )],
            vec![("other", "medium")],
        ),
        (
            "a webhook: the Automation account whose runbooks it starts",
            vec![op(
                dev,
                "Microsoft.Automation/automationAccounts/webhooks/write",
                0,
                &format!("{account}/webhooks/hook"),
            )],
            vec![("aa", "medium")],
        ),
        (
            "an Automation account written runs nothing yet",
            vec![op(
                dev,
                "Microsoft.Automation/automationAccounts/write",
                0,
                account,
            )],
            vec![],
        ),
    ];
    for (case, events, want) in cases {
        let mut s = estate();
        s.events = events;
        let (findings, _) = detect(&s, "T1648-AZ-010", &Settings::default());
        let got: Vec<(String, String)> = findings
            .iter()
            .map(|f| {
                (
                    f.resource.as_ref().unwrap().name.clone(),
                    f.severity.as_str().to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = want
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "{case}");
        if case.contains("not in the inventory") {
            assert!(
                findings[0]
                    .evidence
                    .iter()
                    .any(|x| x.detail.contains("is not known")),
                "{case}"
            );
        }
    }
    let mut s = estate();
    s.events = vec![op(dev, "Microsoft.Web/sites/write", 0, SITE)];
    let settings = Settings {
        detect_allow: vec![dev.into()],
        ..Settings::default()
    };
    assert_eq!(
        detect(&s, "T1648-AZ-010", &settings).0[0].severity.as_str(),
        "low"
    );
}

#[test]
fn az_008_joins_a_change_to_the_identity_s_role_assignment_within_the_hour() {
    let dev = "dev@contoso.com";
    let mut s = estate();
    s.events = vec![
        op(dev, "Microsoft.Web/sites/write", 0, SITE),
        assignment_by(MI, 60),
    ];
    let (f, _) = detect(&s, "T1648-AZ-008", &Settings::default());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity.as_str(), "critical");
    s.events = vec![
        op(dev, "Microsoft.Web/sites/write", 0, SITE),
        assignment_by(MI, 61),
    ];
    assert!(
        detect(&s, "T1648-AZ-008", &Settings::default())
            .0
            .is_empty()
    );
    // Someone else's assignment is not the app's identity at work.
    s.events = vec![
        op(dev, "Microsoft.Web/sites/write", 0, SITE),
        assignment_by(DEV, 10),
    ];
    assert!(
        detect(&s, "T1648-AZ-008", &Settings::default())
            .0
            .is_empty()
    );
    // Without the inventory, whose identity assigned is unknown: not evaluated, with the count.
    s.workloads.clear();
    s.events = vec![assignment_by(MI, 10)];
    let (f, ne) = detect(&s, "T1648-AZ-008", &Settings::default());
    assert!(f.is_empty());
    assert!(
        ne.iter()
            .any(|r| r.starts_with("1 role assignments were logged")),
        "{ne:?}"
    );
}

/// A Microsoft Graph app role or Entra directory role held by `principal`.
fn entra(s: &mut Snapshot, principal: &str, kind: fnscope_snapshot::kinds::Kind, role: &str) {
    s.bindings.push(Binding {
        provider: Provider::Azure,
        scope: "/".into(),
        principal: principal.into(),
        grant: role.into(),
        kind,
        order: None,
        condition: None,
        principal_type: Some("ServicePrincipal".into()),
        created: None,
        principal_name: None,
    });
}

fn severities(s: &Snapshot, rule: &str) -> Vec<String> {
    detect(s, rule, &Settings::default())
        .0
        .iter()
        .map(|f| f.severity.as_str().to_string())
        .collect()
}

#[test]
fn az_004_005_006_what_a_serverless_identity_holds() {
    use fnscope_snapshot::kinds::{AZURE_DIRECTORY_ROLE, AZURE_GRAPH_APP_ROLE};
    // Owner at the subscription: AZ-004 critical; Contributor: high; Reader: nothing.
    let s = estate();
    assert_eq!(severities(&s, "T1648-AZ-004"), ["critical"]);
    let mut s = estate();
    s.bindings.clear();
    assign(
        &mut s,
        MI,
        "b24988ac-6180-42a0-ab88-20f7382dd24c",
        SUB,
        None,
    );
    assert_eq!(severities(&s, "T1648-AZ-004"), ["high"]);
    let mut s = estate();
    s.bindings.clear();
    assign(
        &mut s,
        MI,
        "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        SUB,
        None,
    );
    assert!(severities(&s, "T1648-AZ-004").is_empty());
    // Graph: tier 0 critical, tier 1 high, an unlisted app role nothing (AZ-005).
    for (role, want) in [
        ("9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8", vec!["critical"]),
        (TIER1_GRAPH_ROLE, vec!["high"]),
        ("00000000-0000-0000-0000-00000000abcd", vec![]),
    ] {
        let mut s = estate();
        s.bindings.clear();
        entra(&mut s, MI, AZURE_GRAPH_APP_ROLE, role);
        assert_eq!(severities(&s, "T1648-AZ-005"), want, "{role}");
    }
    // Global Administrator (AZ-006); a directory role outside tier 0 is nothing.
    let mut s = estate();
    s.bindings.clear();
    entra(
        &mut s,
        MI,
        AZURE_DIRECTORY_ROLE,
        "62e90394-69f5-4237-9190-012177145e10",
    );
    assert_eq!(severities(&s, "T1648-AZ-006"), ["critical"]);
    let mut s = estate();
    s.bindings.clear();
    entra(
        &mut s,
        MI,
        AZURE_DIRECTORY_ROLE,
        "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    );
    assert!(severities(&s, "T1648-AZ-006").is_empty());
}

/// The estate's app turned into another kind of serverless resource (same identity, Owner).
fn as_kind(kind: fnscope_snapshot::kinds::Kind, id: &str) -> Snapshot {
    let mut s = estate();
    s.workloads[0].kind = kind;
    s.workloads[0].id = id.into();
    if let IdentityDetails::AzureManagedIdentity(d) = &mut s.identities[0].details {
        d.resource_id = id.into();
    }
    s
}

fn subjects(s: &Snapshot, rule: &str) -> Vec<(String, String)> {
    detect(s, rule, &Settings::default())
        .0
        .iter()
        .map(|f| (f.subject.id.clone(), f.severity.as_str().to_string()))
        .collect()
}

#[test]
fn az_002_003_007_who_can_put_code_behind_a_privileged_identity() {
    use fnscope_snapshot::kinds::{AZURE_AUTOMATION_ACCOUNT, AZURE_LOGIC_APP};
    const RG: &str = "/subscriptions/s1/resourceGroups/rg";
    const LOGIC_CONTRIBUTOR: &str = "87a39d53-fc1b-424a-814c-f7e04687dc9e";
    const AUTOMATION_CONTRIBUTOR: &str = "f353d9bd-d4a6-484e-a77a-8050b599b867";
    const AUTOMATION_OPERATOR: &str = "d3881f73-407a-4167-8283-e981cbba0404";
    const MI_OPERATOR: &str = "f1a07417-d97a-45cb-824c-7a7467783830";
    // AZ-002: a Logic App Contributor edits the Logic App whose identity is Owner.
    let mut s = as_kind(
        AZURE_LOGIC_APP,
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Logic/workflows/wf",
    );
    assign(&mut s, DEV, LOGIC_CONTRIBUTOR, RG, None);
    assert_eq!(
        subjects(&s, "T1648-AZ-002"),
        [(DEV.into(), "critical".into())]
    );
    // AZ-003: authoring and starting runbooks (Automation Contributor holds both); an Automation
    // Operator can start jobs but not author: no finding.
    let aa =
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Automation/automationAccounts/aa";
    let mut s = as_kind(AZURE_AUTOMATION_ACCOUNT, aa);
    assign(&mut s, DEV, AUTOMATION_CONTRIBUTOR, RG, None);
    assert_eq!(
        subjects(&s, "T1648-AZ-003"),
        [(DEV.into(), "critical".into())]
    );
    let mut s = as_kind(AZURE_AUTOMATION_ACCOUNT, aa);
    assign(&mut s, DEV, AUTOMATION_OPERATOR, RG, None);
    assert!(subjects(&s, "T1648-AZ-003").is_empty());
    // AZ-007: assigning a privileged user-assigned identity to a site one may write. Without the
    // right to write the site, assigning alone is no path.
    let uami = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami";
    let with_uami = || {
        let mut s = estate();
        s.workloads[0].identities.clear();
        if let WorkloadDetails::Azure(d) = &mut s.workloads[0].details {
            d.system_identity = None;
        }
        s.bindings.clear();
        if let IdentityDetails::AzureManagedIdentity(d) = &mut s.identities[0].details {
            d.assignment = "user_assigned".into();
            d.resource_id = uami.into();
        }
        assign(&mut s, MI, OWNER, SUB, None);
        s
    };
    let mut s = with_uami();
    assign(&mut s, DEV, MI_OPERATOR, RG, None);
    assign(&mut s, DEV, WEBC, RG, None);
    assert_eq!(
        subjects(&s, "T1648-AZ-007"),
        [(DEV.into(), "critical".into())]
    );
    let mut s = with_uami();
    assign(&mut s, DEV, MI_OPERATOR, RG, None);
    assert!(subjects(&s, "T1648-AZ-007").is_empty());
}

#[test]
fn az_009_write_rights_unused_in_a_log_that_covers_the_days() {
    let window = "activitylog s1 window 2026-08-29T00:00:00Z..2026-11-27T00:00:00Z";
    let usage = |principal: &str, action: Option<&str>| fnscope_snapshot::Usage {
        provider: Provider::Azure,
        principal: principal.into(),
        service: if action.is_some() {
            "microsoft.web".into()
        } else {
            "activitylog".into()
        },
        action: action.map(str::to_string),
        last_used: None,
        as_of: "2026-11-27T00:00:00Z".into(),
        source: window.into(),
    };
    let mut s = estate();
    assign(
        &mut s,
        DEV,
        WEBC,
        "/subscriptions/s1/resourceGroups/rg",
        None,
    );
    for b in &mut s.bindings {
        b.created = Some("2025-01-01T00:00:00Z".into());
    }
    // No Activity Log covering the days: not evaluated, never "unused".
    let (f, ne) = detect(&s, "T1648-AZ-009", &Settings::default());
    assert!(f.is_empty());
    assert!(
        ne.iter().any(|r| r.contains("no Activity Log covering")),
        "{ne:?}"
    );
    // 90 days read and no write by DEV: unused.
    s.usage.push(usage("subscription:s1", None));
    let (f, _) = detect(&s, "T1648-AZ-009", &Settings::default());
    assert!(f.iter().any(|f| f.subject.id == DEV), "{f:?}");
    // DEV deployed in the window: used.
    s.usage.push(usage(DEV, Some("microsoft.web/sites/write")));
    let (f, _) = detect(&s, "T1648-AZ-009", &Settings::default());
    assert!(!f.iter().any(|f| f.subject.id == DEV), "{f:?}");
}

#[test]
fn az_011_public_resources_graded_by_their_identity() {
    let mut s = estate();
    s.workloads[0].exposure.public = true;
    s.workloads[0]
        .exposure
        .notes
        .push("an HTTP function with authLevel anonymous".into());
    assert_eq!(severities(&s, "T1648-AZ-011"), ["critical"]);
    // Without an identity it can do nothing as anyone: low, still listed.
    s.workloads[0].identities.clear();
    assert_eq!(severities(&s, "T1648-AZ-011"), ["low"]);
    // Not public: nothing.
    s.workloads[0].exposure.public = false;
    assert!(severities(&s, "T1648-AZ-011").is_empty());
}
