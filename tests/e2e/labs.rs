//! The vulnerable-by-design labs (tests/labs: offline estates built from public GCP, Azure and AWS
//! labs, each judged from the lab's own documentation) held to their judgements, and the escalations
//! issue 21 names found with their whole path.

use serde_json::Value;

use crate::exports::judged_set;

/// Scans one provider's lab estates and holds fnscope to the judgements: every critical or high
/// finding judged, precision and recall at least 0.95 on (rule, subject), every miss and false
/// finding a listed known limit. Returns the report.
fn hold(provider: &str) -> Value {
    let (v, _, report, _) = judged_set("tests/labs", provider);
    let table = fnscope_corpus::render(&v);
    let t = v.totals();
    assert_eq!(
        t.unjudged, 0,
        "every critical or high finding is judged:\n{table}"
    );
    let precision = fnscope_corpus::Verdict::precision(&t).unwrap_or(1.0);
    assert!(precision >= 0.95, "precision {precision}:\n{table}");
    let recall = fnscope_corpus::Verdict::recall(&t).unwrap_or(1.0);
    assert!(recall >= 0.95, "recall {recall}:\n{table}");
    assert!(
        v.missed.iter().all(|m| m.limit.is_some()),
        "a miss that is no known limit:\n{table}"
    );
    assert!(
        v.seen
            .iter()
            .all(|s| s.verdict != Some(false) || s.limit.is_some()),
        "a false finding that is no known limit:\n{table}"
    );
    report
}

fn findings<'a>(report: &'a Value, rule: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(move |f| f["rule_id"] == rule)
}

fn text(f: &Value) -> String {
    f["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("{} | {}", e["detail"], e["path"]))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn gcp_labs_meet_their_judgements() {
    let report = hold("gcp");
    // No Google-managed service agent is ever a subject, in any project.
    for f in findings(&report, "T1648-GCP-001") {
        let s = f["subject"]["name"].as_str().unwrap();
        assert!(
            !s.contains("gserviceaccount.com")
                || !(s.starts_with("service-")
                    || s.contains("@cloudservices.")
                    || s.contains("@cloudbuild.")),
            "an agent as subject: {s}"
        );
    }
    // gcpdiag composer1: the Cloud Build API on, its agents and the Editor default accounts, no
    // person bound: nothing to report.
    assert_eq!(
        findings(&report, "T1648-GCP-001")
            .filter(|f| text(f).contains("gcpdiag-composer1-aaaa"))
            .count(),
        0
    );
    // The Cloud Run job path, with the permissions that make it.
    let job = findings(&report, "T1648-GCP-001")
        .find(|f| {
            f["subject"]["name"]
                .as_str()
                .unwrap()
                .starts_with("privesc20-run-jobs@")
        })
        .expect("the Cloud Run job path");
    let t = text(job);
    assert!(
        t.contains("run.jobs.create")
            && t.contains("run.jobs.run")
            && t.contains("iam.serviceAccounts.actAs"),
        "{t}"
    );
    // gcpdiag gke-cluster-autoscaler: the App Engine and Compute default accounts are both Editor
    // and gain nothing from each other (in gce3 the Compute default account is Owner: that pair is
    // a finding).
    let project = "gcpdiag-gke-cluster-autoscaler-rrrr";
    let editors = [
        format!("{project}@appspot.gserviceaccount.com"),
        "1234000173-compute@developer.gserviceaccount.com".to_string(),
    ];
    assert!(
        !findings(&report, "T1648-GCP-001").any(|f| {
            editors.iter().any(|e| f["subject"]["name"] == e.as_str())
                && editors.iter().any(|e| f["target"]["name"] == e.as_str())
        }),
        "Editor to Editor"
    );
}

#[test]
fn azure_labs_meet_their_judgements() {
    let report = hold("azure");
    // AzureGoat: the VM's Contributor on the group edits and starts the runbook of the Automation
    // account whose identity is Owner of the group.
    let f = findings(&report, "T1648-AZ-003")
        .find(|f| f["target"]["name"] == "user-assigned-id4711")
        .expect("the AzureGoat runbook escalation");
    assert_eq!(f["severity"], "high");
    let t = text(f);
    for part in [
        "runbooks/write on dev-automation-account-appazgoat4711",
        "jobs/write",
        "Contributor (b24988ac-6180-42a0-ab88-20f7382dd24c) assigned to 51362427-493a-522c-9ef1-f1be96352b65 at /subscriptions/4582ae39-94e4-5c17-9f53-1850d8d08634/resourceGroups/azuregoat_app",
        "Owner (8e3af657-a8ff-443c-a75c-2fe8c4bcb635)",
        "may not do there: Microsoft.Authorization/roleAssignments/write",
    ] {
        assert!(t.contains(part), "{part} not in:\n{t}");
    }
    // A user's name from the export names the subject.
    let (_, _, _, snapshot) = judged_set("tests/labs", "azure");
    assert!(
        snapshot["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["principal_name"] == "devops@secvulnapp.onmicrosoft.com")
    );
}

#[test]
fn aws_labs_meet_their_judgements() {
    let report = hold("aws");
    // cloudgoat vulnerable_lambda: the evidence names the one user the role may attach policies to.
    let f = findings(&report, "T1648-AWS-005")
        .find(|f| f["subject"]["name"] == "cgid4711-policy_applier_lambda1")
        .expect("the policy applier");
    let t = text(f);
    assert!(
        t.contains("iam:AttachUserPolicy on arn:aws:iam::100000000003:user/cg-bilbo-cgid4711"),
        "{t}"
    );
    assert!(!t.contains("user/*"), "{t}");
    // The newer catalogue's serverless paths: Step Functions (new and existing).
    for user in [
        "pl-prod-stepfunctions-001-to-admin-starting-user",
        "pl-prod-stepfunctions-002-to-admin-starting-user",
    ] {
        assert!(
            report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["subject"]["name"] == user && f["severity"] == "critical"),
            "{user}"
        );
    }
}
