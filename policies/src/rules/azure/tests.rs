//! Azure rule fixtures for the subtle cases the example estate does not show: a deny assignment that
//! excludes the principal or does not apply to child scopes, a conditional assignment, and a role whose
//! permissions are unknown.

use fnscope_snapshot::{
    AzureIdentityDetails, AzureResourceDetails, Binding, Identity, IdentityDetails, PolicyRecord,
    Provider, ScanMode, ScanSource, Snapshot, Target, Workload, WorkloadDetails,
};
use serde_json::json;

use crate::{Settings, catalogue, evaluate};

const SUB: &str = "/subscriptions/s1";
const SITE: &str = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/app";
const MI: &str = "aaaaaaaa-0000-4000-8000-000000000001";
const DEV: &str = "bbbbbbbb-0000-4000-8000-000000000002";
const OWNER: &str = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const WEBC: &str = "de139f84-1756-47ae-9be6-808fbbe84772";

fn assign(s: &mut Snapshot, principal: &str, role: &str, scope: &str, condition: Option<&str>) {
    s.bindings.push(Binding {
        provider: Provider::Azure,
        scope: scope.into(),
        principal: principal.into(),
        grant: role.into(),
        kind: fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT.into(),
        order: None,
        condition: condition.map(|c| json!(c)),
        principal_type: Some("User".into()),
        created: None,
        principal_name: None,
    });
}

fn estate() -> Snapshot {
    let mut s = Snapshot::new(
        "test",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    );
    s.targets.push(Target {
        provider: Provider::Azure,
        id: "s1".into(),
        name: None,
        regions: Vec::new(),
        organization: None,
        ancestors: vec!["/".into()],
    });
    s.workloads.push(Workload {
        id: SITE.into(),
        provider: Provider::Azure,
        kind: fnscope_snapshot::kinds::AZURE_FUNCTION_APP.into(),
        name: "app".into(),
        target: "s1".into(),
        location: None,
        runtime: None,
        state: None,
        owner: None,
        created: None,
        modified: None,
        identities: vec![MI.into()],
        scopes: Vec::new(),
        env_var_names: Vec::new(),
        secret_like_env_vars: Vec::new(),
        code_hash: None,
        exposure: Default::default(),
        details: WorkloadDetails::Azure(Box::new(AzureResourceDetails {
            resource_group: "rg".into(),
            system_identity: Some(MI.into()),
            ..Default::default()
        })),
    });
    s.identities.push(Identity {
        id: MI.into(),
        provider: Provider::Azure,
        kind: fnscope_snapshot::kinds::AZURE_MANAGED_IDENTITY.into(),
        name: "app (system-assigned)".into(),
        target: "s1".into(),
        created: None,
        details: IdentityDetails::AzureManagedIdentity(Box::new(AzureIdentityDetails {
            principal_id: MI.into(),
            assignment: "system_assigned".into(),
            resource_id: SITE.into(),
            client_id: None,
            graph_read: true,
        })),
    });
    assign(&mut s, MI, OWNER, SUB, None);
    s
}

fn deny(s: &mut Snapshot, scope: &str, exclude: &[&str], children: bool) {
    s.policies.push(PolicyRecord {
        id: "deny1".into(),
        provider: Provider::Azure,
        kind: fnscope_snapshot::kinds::AZURE_DENY_ASSIGNMENT.into(),
        name: "deny".into(),
        target: "s1".into(),
        document: json!({
            "scope": scope,
            "permissions": [{"actions": ["Microsoft.Web/sites/*"], "notActions": []}],
            "principals": [{"id": "00000000-0000-0000-0000-000000000000", "type": "SystemDefined"}],
            "excludePrincipals": exclude.iter().map(|p| json!({"id": p, "type": "User"})).collect::<Vec<_>>(),
            "doesNotApplyToChildScopes": !children,
        }),
        version: None,
    });
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
        kind: fnscope_snapshot::kinds::AZURE_ROLE_DEFINITION.into(),
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
