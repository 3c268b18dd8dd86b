//! `cargo run --release -p fnscope-bench -- eval --roles 10000 --functions 10000`: builds a synthetic AWS
//! snapshot (roles from harmless to admin, functions, deployers, EventBridge rules) and times the whole
//! rule catalogue over it. Prints one line of numbers; run it, don't assert on it.

use std::time::Instant;

use clap::{Parser, Subcommand};
use fnscope_snapshot::{
    AwsIamDetails, Coverage, CoverageStatus, EventBridgeRule, Exposure, Identity, IdentityDetails,
    InlinePolicy, LambdaDetails, PolicyRecord, Provider, RuleTarget, ScanMode, ScanSource,
    Snapshot, Target, Trigger, TriggerDetails, Workload, WorkloadDetails,
};
use serde_json::{Value, json};

#[derive(Parser)]
#[command(about = "fnscope benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Time the rule catalogue over a synthetic snapshot
    Eval {
        #[arg(long, default_value_t = 10_000)]
        roles: usize,
        #[arg(long, default_value_t = 10_000)]
        functions: usize,
        #[arg(long, default_value_t = 1_000)]
        users: usize,
        /// Also write the synthetic snapshot here
        #[arg(long)]
        save: Option<std::path::PathBuf>,
    },
}

const A: &str = "111122223333";

fn allow(action: Value, resource: Value) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]})
}

fn identity(kind: &str, seg: &str, name: &str, details: AwsIamDetails) -> Identity {
    Identity {
        id: format!("arn:aws:iam::{A}:{seg}/{name}"),
        provider: Provider::Aws,
        kind: kind.into(),
        name: name.into(),
        target: A.into(),
        created: Some("2020-01-01T00:00:00Z".into()),
        details: IdentityDetails::AwsIam(Box::new(details)),
    }
}

/// A deterministic synthetic estate: 1% admin roles, 4% credential-creating, the rest harmless.
fn synthetic(roles: usize, functions: usize, users: usize) -> Snapshot {
    let mut s = Snapshot::new(
        "bench",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    );
    s.targets.push(Target {
        provider: Provider::Aws,
        id: A.into(),
        name: None,
        regions: vec!["us-east-1".into(), "eu-west-1".into()],
        organization: None,
        ancestors: Vec::new(),
    });
    for api in [
        "iam:GetAccountAuthorizationDetails",
        "organizations:DescribeOrganization",
    ] {
        s.coverage.push(Coverage {
            provider: Provider::Aws,
            target: A.into(),
            region: None,
            api: api.into(),
            status: CoverageStatus::Complete,
            detail: String::new(),
        });
    }
    s.policies.push(PolicyRecord {
        id: "arn:aws:iam::aws:policy/AdministratorAccess".into(),
        provider: Provider::Aws,
        kind: "aws_managed_policy".into(),
        name: "AdministratorAccess".into(),
        target: "aws".into(),
        document: allow(json!("*"), json!("*")),
        version: Some("v1".into()),
    });
    let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]});
    for i in 0..roles {
        let (inline, attached) = match i % 100 {
            0 => (
                None,
                vec!["arn:aws:iam::aws:policy/AdministratorAccess".to_string()],
            ),
            1..=4 => (
                Some(allow(json!("iam:CreateAccessKey"), json!("*"))),
                Vec::new(),
            ),
            _ => (
                Some(allow(
                    json!([
                        "s3:GetObject",
                        "s3:PutObject",
                        "dynamodb:GetItem",
                        "sqs:ReceiveMessage"
                    ]),
                    json!(format!("arn:aws:s3:::bucket-{i}/*")),
                )),
                Vec::new(),
            ),
        };
        s.identities.push(identity(
            "aws_iam_role",
            "role",
            &format!("fn-role-{i:05}"),
            AwsIamDetails {
                path: "/".into(),
                trust_policy: Some(trust.clone()),
                inline_policies: inline
                    .into_iter()
                    .map(|d| InlinePolicy {
                        name: "p".into(),
                        document: d,
                    })
                    .collect(),
                attached_policies: attached,
                ..AwsIamDetails::default()
            },
        ));
    }
    for i in 0..users {
        let doc = match i % 10 {
            0 => json!({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"},
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": format!("arn:aws:iam::{A}:role/fn-role-{:05}*", i % roles.max(1))}]}),
            1 => allow(
                json!("lambda:UpdateFunctionCode"),
                json!(format!(
                    "arn:aws:lambda:*:{A}:function:fn-{:05}",
                    i % functions.max(1)
                )),
            ),
            2 => allow(json!(["lambda:Get*", "lambda:List*"]), json!("*")),
            _ => allow(json!(["s3:GetObject"]), json!("*")),
        };
        s.identities.push(identity(
            "aws_iam_user",
            "user",
            &format!("user-{i:05}"),
            AwsIamDetails {
                path: "/".into(),
                inline_policies: vec![InlinePolicy {
                    name: "p".into(),
                    document: doc,
                }],
                ..AwsIamDetails::default()
            },
        ));
    }
    for i in 0..functions {
        let region = if i % 2 == 0 { "us-east-1" } else { "eu-west-1" };
        let role = format!("arn:aws:iam::{A}:role/fn-role-{:05}", i % roles.max(1));
        s.workloads.push(Workload {
            id: format!("arn:aws:lambda:{region}:{A}:function:fn-{i:05}"),
            provider: Provider::Aws,
            kind: "aws_lambda_function".into(),
            name: format!("fn-{i:05}"),
            target: A.into(),
            location: Some(region.into()),
            runtime: Some("python3.12".into()),
            state: None,
            owner: None,
            created: None,
            modified: None,
            identities: vec![role.clone()],
            scopes: Vec::new(),
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: None,
            exposure: Exposure::default(),
            details: WorkloadDetails::AwsLambda(Box::new(LambdaDetails {
                role,
                resource_policy: (i % 50 == 0).then(|| json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction"}]})),
                resource_policy_read: true,
                url_read: true,
                ..LambdaDetails::default()
            })),
        });
        if i % 100 == 0 {
            let arn = format!("arn:aws:lambda:{region}:{A}:function:fn-{i:05}");
            s.triggers.push(Trigger {
                id: format!("arn:aws:events:{region}:{A}:rule/r-{i:05}"),
                provider: Provider::Aws,
                kind: "aws_eventbridge_rule".into(),
                name: format!("r-{i:05}"),
                target: A.into(),
                location: Some(region.into()),
                state: Some("ENABLED".into()),
                workloads: vec![arn.clone()],
                details: TriggerDetails::AwsEventbridgeRule(Box::new(EventBridgeRule {
                    event_bus: "default".into(),
                    event_pattern: Some(
                        json!({"source": ["aws.iam"], "detail": {"eventName": ["CreateUser"]}}),
                    ),
                    targets: vec![RuleTarget {
                        id: "1".into(),
                        arn,
                        role_arn: None,
                    }],
                    targets_read: true,
                    ..EventBridgeRule::default()
                })),
            });
        }
    }
    s.normalize();
    s
}

fn main() {
    match Cli::parse().command {
        Command::Eval {
            roles,
            functions,
            users,
            save,
        } => {
            let t0 = Instant::now();
            let snap = synthetic(roles, functions, users);
            let built = t0.elapsed();
            if let Some(path) = save
                && let Err(e) = fnscope_snapshot::save(&snap, &path)
            {
                eprintln!("fnscope-bench: {e}");
                std::process::exit(2);
            }
            let rules = fnscope_policies::catalogue();
            let t1 = Instant::now();
            let eval =
                fnscope_policies::evaluate(&snap, &rules, &fnscope_policies::Settings::default());
            let took = t1.elapsed();
            let mut by_rule = std::collections::BTreeMap::<&str, usize>::new();
            for f in &eval.findings {
                *by_rule.entry(f.rule_id.as_str()).or_default() += 1;
            }
            println!(
                "eval: {roles} roles, {users} users, {functions} functions, {} rules: {:.2} s ({} findings: {:?}; snapshot built in {:.2} s)",
                rules.len(),
                took.as_secs_f64(),
                eval.findings.len(),
                by_rule,
                built.as_secs_f64()
            );
        }
    }
}
