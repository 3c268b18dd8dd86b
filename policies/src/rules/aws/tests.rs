//! Rule fixtures: each rule's positive and negative cases, and the subtle cases of issue 3 (resource-
//! scoped PassRole, Deny over wildcard Allow, NotAction, PassedToService, `IAM:Pass*`, boundaries, SCPs,
//! function-scoped UpdateFunctionCode, EventBridge region and pattern).

use fnscope_snapshot::testkit::{ADMIN, AwsEstate, allow};
use fnscope_snapshot::{
    AuditEvent, CodeSigning, Coverage, CoverageStatus, FunctionUrl, LambdaDetails, Provider, Usage,
};
use serde_json::{Value, json};

use crate::{Finding, Settings, catalogue, evaluate};

const A: &str = "111122223333";

/// The account every fixture is in (`fnscope_snapshot::testkit::AwsEstate`), with what the rules'
/// fixtures ask of it.
type Estate = AwsEstate;

fn estate() -> Estate {
    AwsEstate::new(A, &["eu-west-1", "us-east-1"])
}

fn role_arn(name: &str) -> String {
    format!("arn:aws:iam::{A}:role/{name}")
}

fn fn_arn(region: &str, name: &str) -> String {
    format!("arn:aws:lambda:{region}:{A}:function:{name}")
}

trait Fixture {
    fn lambda(&mut self, name: &str) -> &mut LambdaDetails;
    fn findings(&self, rule: &str) -> Vec<Finding>;
    fn run(&self, rule: &str) -> (Vec<Finding>, Vec<String>);
    /// (subject name, target name, severity) of a rule's findings, sorted.
    fn triples(&self, rule: &str) -> Vec<(String, String, String)>;
}

impl Fixture for AwsEstate {
    fn lambda(&mut self, name: &str) -> &mut LambdaDetails {
        self.lambda_mut(name).unwrap()
    }

    fn findings(&self, rule: &str) -> Vec<Finding> {
        self.run(rule).0
    }

    fn run(&self, rule: &str) -> (Vec<Finding>, Vec<String>) {
        let rules: Vec<_> = catalogue()
            .into_iter()
            .filter(|r| r.meta().id == rule)
            .collect();
        assert_eq!(rules.len(), 1, "{rule}");
        let e = evaluate(&self.snapshot, &rules, &Settings::default());
        (
            e.findings,
            e.not_evaluated.into_iter().map(|n| n.reason).collect(),
        )
    }

    fn triples(&self, rule: &str) -> Vec<(String, String, String)> {
        let mut v: Vec<_> = self
            .findings(rule)
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

fn t(s: &str, tg: &str, sev: &str) -> (String, String, String) {
    (s.into(), tg.into(), sev.into())
}

/// A deployer that can create and invoke functions, with `pass` as its PassRole statement.
fn deployer(pass: Value) -> Value {
    let mut doc = allow(
        json!(["lambda:CreateFunction", "lambda:InvokeFunction"]),
        json!("*"),
    );
    doc["Statement"].as_array_mut().unwrap().push(pass);
    doc
}

fn base() -> Estate {
    let mut e = estate();
    e.role("admin-fn", "lambda.amazonaws.com", None, &[ADMIN], None)
        .role(
            "keys-fn",
            "lambda.amazonaws.com",
            Some(allow(json!("iam:CreateAccessKey"), json!("*"))),
            &[],
            None,
        )
        .role(
            "harmless-fn",
            "lambda.amazonaws.com",
            Some(allow(json!("s3:GetObject"), json!("*"))),
            &[],
            None,
        )
        .role("admin-ec2", "ec2.amazonaws.com", None, &[ADMIN], None);
    e
}

#[test]
fn aws_001_pass_and_create_reach_every_privileged_lambda_role() {
    let mut e = base();
    e.user(
        "dev",
        deployer(json!({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})),
    );
    assert_eq!(
        e.triples("T1648-AWS-001"),
        vec![
            t("dev", "admin-fn", "critical"),
            t("dev", "keys-fn", "high")
        ]
    );
    let f = &e.findings("T1648-AWS-001")[0];
    assert!(
        f.evidence
            .iter()
            .any(|x| x.kind == "path" && x.path.contains("lambda-001"))
    );
    assert!(f.evidence.iter().any(|x| {
        x.detail.starts_with("iam:PassRole")
            && x.path
                .contains("inline policy `inline` of arn:aws:iam::111122223333:user/dev")
    }));
    assert!(!f.conditional);
}

#[test]
fn aws_001_passrole_scoped_to_a_harmless_role_is_no_finding() {
    let mut e = base();
    e.user("dev", deployer(json!({"Effect": "Allow", "Action": "iam:PassRole", "Resource": role_arn("harmless-fn")})));
    assert!(e.triples("T1648-AWS-001").is_empty());
}

#[test]
fn aws_001_deny_overrides_wildcard_allow() {
    let mut e = base();
    let mut doc = allow(json!("*"), json!("*"));
    // Not admin: deny the self-escalation and credential actions, and PassRole on the admin role.
    doc["Statement"].as_array_mut().unwrap().extend([
        json!({"Effect": "Deny", "Action": ["iam:*"], "NotResource": role_arn("keys-fn")}),
        json!({"Effect": "Deny", "Action": ["iam:Put*", "iam:Attach*", "iam:Create*", "iam:Update*", "iam:AddUserToGroup", "iam:Upload*", "iam:Reset*", "iam:SetDefaultPolicyVersion", "sts:*"], "Resource": "*"}),
    ]);
    e.user("dev", doc);
    assert_eq!(
        e.triples("T1648-AWS-001"),
        vec![t("dev", "keys-fn", "high")]
    );
}

#[test]
fn aws_001_not_action_allow_and_wildcard_case() {
    let mut e = base();
    e.user(
        "dev",
        deployer(
            json!({"Effect": "Allow", "Action": "IAM:Pass*", "Resource": role_arn("admin-fn")}),
        ),
    );
    assert_eq!(
        e.triples("T1648-AWS-001"),
        vec![t("dev", "admin-fn", "critical")]
    );

    let mut e = base();
    let mut doc = json!({"Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "sts:*"], "Resource": "*"},
                                        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": role_arn("admin-fn")}]});
    doc["Version"] = json!("2012-10-17");
    e.user("ops", doc);
    assert_eq!(
        e.triples("T1648-AWS-001"),
        vec![t("ops", "admin-fn", "critical")]
    );
}

#[test]
fn aws_001_passed_to_service_limited_to_another_service() {
    let mut e = base();
    e.user(
        "dev",
        deployer(json!({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                        "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}})),
    );
    assert!(e.triples("T1648-AWS-001").is_empty());
    let mut e = base();
    e.user(
        "dev",
        deployer(
            json!({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                        "Condition": {"StringLike": {"iam:PassedToService": "lambda.*"}}}),
        ),
    );
    assert_eq!(e.triples("T1648-AWS-001").len(), 2);
}

#[test]
fn aws_001_boundary_caps_the_admin_role_and_scp_blocks_create() {
    let mut e = estate();
    e.managed("s3-only", allow(json!("s3:GetObject"), json!("*")));
    e.role(
        "capped-fn",
        "lambda.amazonaws.com",
        None,
        &[ADMIN],
        Some(&format!("arn:aws:iam::{A}:policy/s3-only")),
    );
    e.user(
        "dev",
        deployer(json!({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})),
    );
    assert!(
        e.triples("T1648-AWS-001").is_empty(),
        "a boundary-capped admin role is not privileged"
    );

    let mut e = base();
    e.user(
        "dev",
        deployer(json!({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"})),
    );
    let full = allow(json!("*"), json!("*"));
    let deny = json!({"Statement": [{"Effect": "Deny", "Action": "lambda:CreateFunction", "Resource": "*"}]});
    e.scps(&[std::slice::from_ref(&full), &[full.clone(), deny]]);
    assert!(
        e.triples("T1648-AWS-001").is_empty(),
        "an SCP denying lambda:CreateFunction closes the path"
    );
}

#[test]
fn aws_001_admin_subjects_and_missing_trigger_legs() {
    let mut e = base();
    e.user("root-like", allow(json!("*"), json!("*")));
    assert!(
        e.triples("T1648-AWS-001").is_empty(),
        "an administrative source never yields an escalation"
    );
    let mut e = base();
    e.user(
        "half",
        json!({"Statement": [{"Effect": "Allow", "Action": ["lambda:CreateFunction", "iam:PassRole"], "Resource": "*"}]}),
    );
    assert!(
        e.triples("T1648-AWS-001").is_empty(),
        "no way to trigger the function"
    );
}

#[test]
fn aws_002_update_code_scoped_to_one_function() {
    let mut e = base();
    e.function("us-east-1", "payroll", "admin-fn")
        .function("us-east-1", "reports", "admin-fn")
        .function("us-east-1", "thumbs", "harmless-fn");
    e.user(
        "ci",
        allow(
            json!("lambda:UpdateFunctionCode"),
            json!(fn_arn("us-east-1", "reports")),
        ),
    );
    let f = e.findings("T1648-AWS-002");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].resource.as_ref().unwrap().name, "reports");
    assert_eq!(f[0].severity.as_str(), "critical");
    assert!(f[0].evidence.iter().any(|x| x.path == "lambda-003"));

    // Enforced code signing neutralises the path.
    e.lambda("reports").code_signing = Some(CodeSigning {
        config_arn: "csc".into(),
        untrusted_artifact_on_deployment: Some("Enforce".into()),
    });
    assert!(e.findings("T1648-AWS-002").is_empty());
}

#[test]
fn aws_002_invoke_makes_it_lambda_004() {
    let mut e = base();
    e.function("eu-west-1", "keys", "keys-fn");
    e.user(
        "dev",
        allow(
            json!(["lambda:UpdateFunctionCode", "lambda:InvokeFunction"]),
            json!("*"),
        ),
    );
    let f = e.findings("T1648-AWS-002");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity.as_str(), "high");
    assert!(f[0].evidence.iter().any(|x| x.path == "lambda-004"));
}

#[test]
fn aws_003_layer_injection_honours_the_layer_condition_and_role_swap() {
    let mut e = base();
    e.function("us-east-1", "payroll", "admin-fn")
        .function("us-east-1", "toy", "harmless-fn");
    e.user(
        "tuner",
        allow(json!("lambda:UpdateFunctionConfiguration"), json!("*")),
    );
    assert_eq!(
        e.triples("T1648-AWS-003"),
        vec![t("tuner", "admin-fn", "critical")]
    );

    let mut e = base();
    e.function("us-east-1", "payroll", "admin-fn");
    e.user(
        "tuner",
        json!({"Statement": [{"Effect": "Allow", "Action": "lambda:UpdateFunctionConfiguration", "Resource": "*",
                              "Condition": {"ForAllValues:StringLike": {"lambda:Layer": [format!("arn:aws:lambda:*:{A}:layer:approved-*")]}}}]}),
    );
    assert!(
        e.triples("T1648-AWS-003").is_empty(),
        "layers restricted to approved ones the caller cannot publish"
    );

    let mut e = base();
    e.function("us-east-1", "toy", "harmless-fn");
    e.user(
        "swapper",
        json!({"Statement": [{"Effect": "Allow", "Action": ["lambda:UpdateFunctionConfiguration", "lambda:UpdateFunctionCode"], "Resource": fn_arn("us-east-1", "toy")},
                             {"Effect": "Allow", "Action": "iam:PassRole", "Resource": role_arn("admin-fn")}]}),
    );
    let f = e.findings("T1648-AWS-003");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].target.as_ref().unwrap().name, "admin-fn");
    assert!(
        f[0].evidence
            .iter()
            .any(|x| x.path == "X-pmapper-lambda-swap")
    );
}

#[test]
fn aws_004_and_005_classify_execution_roles() {
    let mut e = base();
    e.managed("s3-only", allow(json!("s3:GetObject"), json!("*")));
    e.role(
        "capped-fn",
        "lambda.amazonaws.com",
        None,
        &[ADMIN],
        Some(&format!("arn:aws:iam::{A}:policy/s3-only")),
    );
    e.function("us-east-1", "a", "admin-fn")
        .function("us-east-1", "k", "keys-fn")
        .function("us-east-1", "h", "harmless-fn")
        .function("us-east-1", "c", "capped-fn");
    assert_eq!(e.triples("T1648-AWS-004"), vec![t("a", "admin-fn", "high")]);
    assert_eq!(e.triples("T1648-AWS-005"), vec![t("k", "keys-fn", "high")]);
}

#[test]
fn aws_006_only_us_east_1_rules_matching_iam_events() {
    let pacu = json!({"source": ["aws.iam"], "detail-type": ["AWS API Call via CloudTrail"], "detail": {"eventSource": ["iam.amazonaws.com"], "eventName": ["CreateUser"]}});
    let mut e = base();
    e.function("us-east-1", "backdoor", "keys-fn")
        .function("eu-west-1", "eu-backdoor", "keys-fn")
        .function("us-east-1", "notify", "harmless-fn")
        .function("us-east-1", "cleanup", "keys-fn");
    e.rule("us-east-1", "on-new-user", pacu.clone(), "backdoor")
        .rule("eu-west-1", "eu-new-user", pacu.clone(), "eu-backdoor")
        .rule("us-east-1", "notify-new-user", pacu, "notify")
        .rule(
            "us-east-1",
            "on-delete",
            json!({"source": ["aws.iam"], "detail": {"eventName": ["DeleteUser"]}}),
            "cleanup",
        );
    assert_eq!(
        e.triples("T1648-AWS-006"),
        vec![t("backdoor", "keys-fn", "critical")]
    );
}

#[test]
fn aws_007_public_and_foreign_invokers_of_privileged_functions() {
    let mut e = base();
    e.function("us-east-1", "open", "admin-fn")
        .function("us-east-1", "partner", "keys-fn")
        .function("us-east-1", "s3-trigger", "admin-fn")
        .function("us-east-1", "public-toy", "harmless-fn")
        .function("us-east-1", "url", "keys-fn");
    e.lambda("open").resource_policy = Some(
        json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction", "Resource": "x"}]}),
    );
    e.lambda("partner").resource_policy = Some(
        json!({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "lambda:*"}]}),
    );
    e.lambda("s3-trigger").resource_policy = Some(
        json!({"Statement": [{"Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "lambda:InvokeFunction",
        "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::b"}}}]}),
    );
    e.lambda("public-toy").resource_policy = Some(
        json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction"}]}),
    );
    e.lambda("url").url = Some(FunctionUrl {
        url: "https://x".into(),
        auth_type: "NONE".into(),
    });
    assert_eq!(
        e.triples("T1648-AWS-007"),
        vec![
            t("open", "admin-fn", "critical"),
            t("partner", "keys-fn", "high"),
            t("url", "keys-fn", "high")
        ]
    );
    // A trusted account is not foreign.
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == "T1648-AWS-007")
        .collect();
    let settings = Settings {
        trusted_accounts: vec!["444455556666".into()],
        ..Settings::default()
    };
    let names: Vec<_> = evaluate(&e.snapshot, &rules, &settings)
        .findings
        .into_iter()
        .map(|f| f.subject.name)
        .collect();
    assert_eq!(names, ["open", "url"]);

    // An unread resource policy is reported, never a pass.
    e.lambda("url").resource_policy_read = false;
    let (_, not_evaluated) = e.run("T1648-AWS-007");
    assert!(
        not_evaluated.iter().any(|r| r.contains("not read")),
        "{not_evaluated:?}"
    );
}

#[test]
fn aws_010_unused_create_permission_needs_usage_data() {
    let mut e = base();
    e.user(
        "old-deployer",
        allow(json!("lambda:CreateFunction"), json!("*")),
    )
    .user(
        "active",
        allow(json!("lambda:UpdateFunctionCode"), json!("*")),
    )
    .user(
        "nodata",
        allow(json!("lambda:UpdateFunctionConfiguration"), json!("*")),
    );
    let usage = |who: &str, action: Option<&str>, last: Option<&str>| Usage {
        provider: Provider::Aws,
        principal: format!("arn:aws:iam::{A}:user/{who}"),
        service: "lambda".into(),
        action: action.map(str::to_string),
        last_used: last.map(str::to_string),
        as_of: "2026-11-20T00:00:00Z".into(),
        source: "iam:GetServiceLastAccessedDetails".into(),
    };
    e.snapshot.usage.extend([
        usage("old-deployer", None, Some("2026-01-01T00:00:00Z")),
        usage("old-deployer", Some("CreateFunction"), None),
        usage("active", None, Some("2026-11-19T00:00:00Z")),
        usage(
            "active",
            Some("UpdateFunctionCode"),
            Some("2026-11-19T00:00:00Z"),
        ),
    ]);
    let (findings, not_evaluated) = e.run("T1648-AWS-010");
    let names: Vec<_> = findings.iter().map(|f| f.subject.name.as_str()).collect();
    assert_eq!(names, ["old-deployer"]);
    assert!(
        findings[0]
            .evidence
            .iter()
            .any(|x| x.detail.contains("lambda:CreateFunction last used: never"))
    );
    assert!(
        not_evaluated.iter().any(|r| r.contains("nodata")),
        "{not_evaluated:?}"
    );
}

#[test]
fn missing_iam_data_is_not_evaluated_never_a_pass() {
    let mut e = base();
    e.snapshot
        .coverage
        .retain(|c| c.api != "iam:GetAccountAuthorizationDetails");
    e.snapshot.coverage.push(Coverage {
        provider: Provider::Aws,
        target: A.into(),
        region: None,
        api: "iam:GetAccountAuthorizationDetails".into(),
        status: CoverageStatus::Denied,
        detail: "AccessDenied".into(),
    });
    for r in catalogue()
        .into_iter()
        .filter(|r| r.meta().provider == Provider::Aws)
    {
        let (_, not_evaluated) = e.run(r.meta().id);
        assert!(
            not_evaluated
                .iter()
                .any(|n| n.contains("IAM authorization details were not read")),
            "{}",
            r.meta().id
        );
    }
}

#[test]
fn unknown_scps_make_findings_conditional() {
    let mut e = base();
    e.snapshot
        .coverage
        .retain(|c| !c.api.starts_with("organizations:"));
    e.function("us-east-1", "a", "admin-fn");
    let f = e.findings("T1648-AWS-004");
    assert_eq!(f.len(), 1);
    assert!(f[0].conditional);
}

#[test]
fn aws_005_evidence_names_the_resources_the_statement_allows() {
    // cloudgoat vulnerable_lambda: the function role may attach policies to one user only; the
    // evidence says so, not "user/*".
    let bilbo = format!("arn:aws:iam::{A}:user/cg-bilbo");
    let mut e = estate();
    e.role(
        "applier",
        "lambda.amazonaws.com",
        Some(allow(json!("iam:AttachUserPolicy"), json!(bilbo))),
        &[],
        None,
    )
    .function("us-east-1", "policy_applier", "applier");
    let f = e.findings("T1648-AWS-005");
    assert_eq!(f.len(), 1);
    let line = &f[0].evidence[0].detail;
    assert!(line.contains(&format!("on {bilbo}")), "{line}");
    assert!(!line.contains("user/*"), "{line}");
}

#[test]
fn aws_002_existing_state_machines_are_reached_through_the_role_they_must_run_as() {
    // pathfinding-labs stepfunctions-002: UpdateStateMachine + StartExecution on one state machine,
    // no PassRole; the only privileged role trusting states.amazonaws.com is the target.
    let mut e = base();
    e.role("sfn-admin", "states.amazonaws.com", None, &[ADMIN], None)
        .role(
            "sfn-reader",
            "states.amazonaws.com",
            Some(allow(json!("s3:GetObject"), json!("*"))),
            &[],
            None,
        )
        .user(
            "dev",
            allow(
                json!(["states:UpdateStateMachine", "states:StartExecution"]),
                json!(format!("arn:aws:states:*:{A}:stateMachine:nightly")),
            ),
        );
    let f = e.findings("T1648-AWS-002");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].target.as_ref().unwrap().name, "sfn-admin");
    assert!(f[0].conditional, "the state machine is not inventoried");
    let grant = f[0]
        .evidence
        .iter()
        .find(|e| e.kind == "statement")
        .unwrap();
    assert!(grant.detail.contains("stateMachine:nightly"), "{grant:?}");
    // Starting executions alone changes nothing.
    let mut e = base();
    e.role("sfn-admin", "states.amazonaws.com", None, &[ADMIN], None)
        .user("dev", allow(json!("states:StartExecution"), json!("*")));
    assert!(e.findings("T1648-AWS-002").is_empty());
}

#[test]
fn aws_007_a_public_function_whose_role_can_recode_an_admin_function() {
    // pathfinding-labs ctf-002: the public chatbot's role may replace the code of a function that
    // runs as an administrative role; that makes the chatbot's role privileged (one hop).
    let mut e = base();
    e.role(
        "chatbot",
        "lambda.amazonaws.com",
        Some(allow(
            json!(["lambda:UpdateFunctionCode", "lambda:InvokeFunction"]),
            json!("*"),
        )),
        &[],
        None,
    )
    .function("us-east-1", "processor", "admin-fn")
    .function("us-east-1", "bot", "chatbot");
    e.lambda("bot").url = Some(FunctionUrl {
        url: "https://x.lambda-url.us-east-1.on.aws/".into(),
        auth_type: "NONE".into(),
    });
    let got = e.triples("T1648-AWS-007");
    assert!(got.contains(&t("bot", "chatbot", "high")), "{got:?}");
}

/// A CloudTrail event as the collector normalises it.
fn event(
    actor: &str,
    action: &str,
    minute: i64,
    resource: &str,
    attrs: &[(&str, &str)],
) -> AuditEvent {
    let base = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut a: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (k, v) in attrs {
        a.entry(k.to_string()).or_default().push(v.to_string());
    }
    AuditEvent {
        provider: Provider::Aws,
        target: A.into(),
        id: format!("{action}-{minute}"),
        time: base + chrono::Duration::minutes(minute),
        actor: actor.into(),
        action: action.into(),
        resource: Some(resource.into()),
        source_ip: None,
        attrs: a,
        source: format!("trail.json#{minute}"),
    }
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, x)| (k.as_str(), x.as_str())).collect()
}

fn user(name: &str) -> String {
    format!("arn:aws:iam::{A}:user/{name}")
}

#[test]
fn aws_011_grades_each_change_by_the_role_and_the_caller() {
    let mut e = base();
    e.function("us-east-1", "admin-f", "admin-fn").function(
        "us-east-1",
        "harmless-f",
        "harmless-fn",
    );
    let admin_f = fn_arn("us-east-1", "admin-f");
    let harmless_f = fn_arn("us-east-1", "harmless-f");
    let unknown_f = fn_arn("us-east-1", "not-inventoried");
    e.snapshot.events = vec![
        // Code under an administrative role: medium, one up.
        event(
            &user("mallory"),
            "lambda:UpdateFunctionCode20150331v2",
            0,
            &admin_f,
            &[],
        ),
        // The same change under a harmless role: one down.
        event(
            &user("dev"),
            "lambda:UpdateFunctionCode20150331v2",
            0,
            &harmless_f,
            &[],
        ),
        // Open to anyone: high on its own whatever the role is (unknown here).
        event(
            &user("mallory"),
            "lambda:AddPermission20150331v2",
            5,
            &unknown_f,
            &[
                ("principal", "*"),
                ("permission_action", "lambda:InvokeFunction"),
            ],
        ),
        // `*` scoped to an organisation or a source account opens nothing: no finding.
        event(
            &user("ops"),
            "lambda:AddPermission20150331v2",
            6,
            &harmless_f,
            &[("principal", "*"), ("org", "o-abc123")],
        ),
        // A layer from another account: high, and one down for the harmless role.
        event(
            &user("eve"),
            "lambda:UpdateFunctionConfiguration20150331v2",
            7,
            &harmless_f,
            &[(
                "layers",
                "arn:aws:lambda:us-east-1:999988887777:layer:ext:3",
            )],
        ),
    ];
    let got = e.triples("T1648-AWS-011");
    assert_eq!(
        got,
        vec![
            t("dev", "harmless-f", "low"),
            t("eve", "harmless-f", "medium"),
            t("mallory", "admin-f", "high"),
            t("mallory", "not-inventoried", "high"),
        ]
    );
    let f = e.findings("T1648-AWS-011");
    let unknown = f
        .iter()
        .find(|f| f.target.as_ref().unwrap().name == "not-inventoried")
        .unwrap();
    assert!(
        unknown
            .evidence
            .iter()
            .any(|x| x.detail.contains("is not known")),
        "an unknown role is said, not taken as harmless: {:?}",
        unknown.evidence
    );
    // The allow-listed pipeline's changes stay visible, as low.
    let settings = Settings {
        detect_allow: vec![user("mallory")],
        ..Settings::default()
    };
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == "T1648-AWS-011")
        .collect();
    let ev = evaluate(&e.snapshot, &rules, &settings);
    assert!(
        ev.findings
            .iter()
            .filter(|f| f.subject.name == "mallory")
            .all(|f| f.severity.as_str() == "low")
    );
}

#[test]
fn aws_009_sees_a_lambda_runtime_without_the_inventory_and_never_invents_a_target() {
    let mut e = estate();
    let session = format!("arn:aws:sts::{A}:assumed-role/unlisted-role/backdoor-fn");
    let issuer = format!("arn:aws:iam::{A}:role/unlisted-role");
    let common = [
        ("user_type", "AssumedRole"),
        ("session_issuer", issuer.as_str()),
        ("lambda_runtime", "AWS_Lambda_python3.12"),
        ("region", "us-east-1"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| -> Vec<(String, String)> {
        common
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .chain(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())))
            .collect()
    };
    e.snapshot.events = vec![
        event(
            &session,
            "iam:CreateAccessKey",
            0,
            "-",
            &pairs(&with(&[("user", "alice")])),
        ),
        event(
            &session,
            "iam:AttachGroupPolicy",
            1,
            "-",
            &pairs(&with(&[("group", "admins")])),
        ),
        event(&session, "iam:ChangePassword", 2, "-", &pairs(&with(&[]))),
    ];
    for ev in &mut e.snapshot.events {
        ev.resource = None;
    }
    let got = e.triples("T1648-AWS-009");
    assert_eq!(
        got,
        vec![
            t("unlisted-role", "admins", "high"),
            t("unlisted-role", "alice", "critical"),
            t(
                "unlisted-role",
                &format!("no principal named in the event, account {A}"),
                "medium"
            ),
        ]
    );
    let f = e.findings("T1648-AWS-009");
    assert!(
        f.iter()
            .all(|f| f.resource.as_ref().unwrap().name == "backdoor-fn")
    );
    // The same calls from a role session that is no function's and names no Lambda runtime: none.
    for ev in &mut e.snapshot.events {
        ev.attrs.remove("lambda_runtime");
    }
    assert!(e.findings("T1648-AWS-009").is_empty());
}

#[test]
fn aws_008_needs_a_deploy_under_a_privileged_role_and_its_use_within_the_hour() {
    let f = fn_arn("us-east-1", "quick");
    let deploy = |role: &str| {
        event(
            &user("dev"),
            "lambda:CreateFunction20150331",
            0,
            &f,
            &[("role", role)],
        )
    };
    let invoke = |minute| event(&user("dev"), "lambda:Invoke", minute, &f, &[]);
    let admin = role_arn("admin-fn");
    let harmless = role_arn("harmless-fn");
    // (case, events, expected severities)
    let cases: Vec<(&str, Vec<AuditEvent>, Vec<&str>)> = vec![
        (
            "administrative role, invoked at 60:00",
            vec![deploy(&admin), invoke(60)],
            vec!["critical"],
        ),
        ("invoked at 61:00", vec![deploy(&admin), invoke(61)], vec![]),
        (
            "a harmless role is not the escalation",
            vec![deploy(&harmless), invoke(5)],
            vec![],
        ),
        ("deployed, never used", vec![deploy(&admin)], vec![]),
        (
            "a follow-up that repeats the deploy's event id is still a follow-up",
            vec![deploy(&admin), {
                let mut i = invoke(5);
                i.id = deploy(&admin).id;
                i
            }],
            vec!["critical"],
        ),
    ];
    for (case, events, want) in cases {
        let mut e = base();
        e.snapshot.events = events;
        let got: Vec<String> = e
            .findings("T1648-AWS-008")
            .iter()
            .map(|f| f.severity.as_str().to_string())
            .collect();
        assert_eq!(got, want, "{case}");
    }
    // A role the IAM data does not hold: not evaluated, never "unprivileged".
    let mut e = base();
    e.snapshot.events = vec![deploy(&role_arn("elsewhere")), invoke(5)];
    let (f, ne) = e.run("T1648-AWS-008");
    assert!(f.is_empty());
    assert!(
        ne.iter().any(|r| r.contains("is not in the IAM data")),
        "{ne:?}"
    );
}

#[test]
fn every_rule_has_a_fixture_naming_it() {
    // Each rule id appears in a fixture file of its provider (these `tests.rs` files).
    let fixtures = [
        include_str!("tests.rs"),
        include_str!("../gcp/tests.rs"),
        include_str!("../azure/tests.rs"),
        include_str!("../power_automate/tests.rs"),
        include_str!("../apps_script/tests.rs"),
    ]
    .concat();
    let missing: Vec<&str> = catalogue()
        .iter()
        .map(|r| r.meta().id)
        .filter(|id| !fixtures.contains(&format!("\"{id}\"")))
        .collect();
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}

#[test]
fn aws_012_every_public_function_graded_by_its_role() {
    let mut e = base();
    e.function("us-east-1", "admin-f", "admin-fn")
        .function("us-east-1", "harmless-f", "harmless-fn")
        .function("us-east-1", "lost-f", "gone-role")
        .function("us-east-1", "private-f", "admin-fn");
    for w in &mut e.snapshot.workloads {
        if w.name != "private-f" {
            w.exposure.public = true;
            w.exposure.notes.push("function URL (auth NONE)".into());
        }
    }
    let mut got: Vec<(String, String)> = e
        .findings("T1648-AWS-012")
        .into_iter()
        .map(|f| (f.target.unwrap().name, f.severity.as_str().to_string()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("admin-f".to_string(), "critical".to_string()),
            ("harmless-f".into(), "low".into()),
            ("lost-f".into(), "medium".into()),
        ]
    );
}
