//! Seeds moto with an estate through the AWS SDK (writes happen here, in the tests, never in fnscope).
//! moto fails IAM writes from parallel threads, so seeding is serial.

use aws_config::BehaviorVersion;
use aws_sdk_lambda::config::Credentials;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{Environment, FunctionCode, FunctionUrlAuthType, Runtime};

pub const ACCOUNT: &str = "123456789012";
pub const REGIONS: [&str; 2] = ["us-east-1", "eu-west-1"];

/// What the seeded estate should look like, for the assertions.
#[derive(Debug, Clone)]
pub struct Function {
    pub name: String,
    pub region: String,
    pub role_arn: String,
    pub public_policy: bool,
    pub url_auth: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct Estate {
    pub functions: Vec<Function>,
    /// (rule name, region, target function name)
    pub rules: Vec<(String, String, String)>,
    /// (queue arn, function name)
    pub mappings: Vec<(String, String)>,
    pub secret_values: Vec<String>,
}

pub async fn config(endpoint: &str, region: &str) -> aws_config::SdkConfig {
    aws_config::defaults(BehaviorVersion::latest())
        .endpoint_url(endpoint)
        .region(aws_config::Region::new(region.to_string()))
        .credentials_provider(Credentials::new("testing", "testing", None, None, "test"))
        .load()
        .await
}

fn empty_zip() -> Vec<u8> {
    let mut z = b"PK\x05\x06".to_vec();
    z.extend([0u8; 18]);
    z
}

const LAMBDA_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// The inline policy of role `i`: harmless, logging, credential-creating, or admin.
fn role_policy(i: usize) -> String {
    let action = match i % 4 {
        0 => r#""s3:GetObject""#,
        1 => r#"["logs:CreateLogStream","logs:PutLogEvents"]"#,
        2 => r#""iam:CreateAccessKey""#,
        _ => r#""*""#,
    };
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{action},"Resource":"*"}}]}}"#
    )
}

/// Seeds `n` functions over [`REGIONS`], each with its own role, plus rules, a mapping and users.
pub async fn seed(endpoint: &str, n: usize) -> Estate {
    let base = config(endpoint, "us-east-1").await;
    let iam = aws_sdk_iam::Client::new(&base);
    let mut estate = Estate {
        functions: Vec::new(),
        rules: Vec::new(),
        mappings: Vec::new(),
        secret_values: Vec::new(),
    };
    for i in 0..n {
        let name = format!("fn-role-{i:03}");
        let role = iam
            .create_role()
            .role_name(&name)
            .path("/service-role/")
            .assume_role_policy_document(LAMBDA_TRUST)
            .send()
            .await
            .expect("create role");
        iam.put_role_policy()
            .role_name(&name)
            .policy_name("inline")
            .policy_document(role_policy(i))
            .send()
            .await
            .expect("put role policy");
        let arn = role.role().map(|r| r.arn().to_string()).expect("role arn");
        let region = REGIONS[i % 2];
        estate.functions.push(Function {
            name: format!("fn-{i:03}"),
            region: region.to_string(),
            role_arn: arn,
            public_policy: i % 10 == 0,
            url_auth: match i % 7 {
                0 if i % 14 == 0 => Some("NONE"),
                0 => Some("AWS_IAM"),
                _ => None,
            },
        });
    }
    // Users: one deployer that can create functions and pass roles, one that cannot.
    iam.create_user()
        .user_name("deployer")
        .send()
        .await
        .expect("user");
    iam.put_user_policy()
        .user_name("deployer")
        .policy_name("deploy")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:CreateFunction","lambda:InvokeFunction","iam:PassRole"],"Resource":"*"}]}"#)
        .send()
        .await
        .expect("user policy");
    iam.create_user()
        .user_name("reader")
        .send()
        .await
        .expect("user");
    iam.put_user_policy()
        .user_name("reader")
        .policy_name("read")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","lambda:Get*"],"Resource":"*"}]}"#)
        .send()
        .await
        .expect("user policy");

    for region in REGIONS {
        let cfg = config(endpoint, region).await;
        let lambda = aws_sdk_lambda::Client::new(&cfg);
        for f in estate.functions.iter().filter(|f| f.region == region) {
            let secret = format!("planted-secret-{}-Zq9", f.name);
            estate.secret_values.push(secret.clone());
            lambda
                .create_function()
                .function_name(&f.name)
                .runtime(Runtime::Python312)
                .role(&f.role_arn)
                .handler("app.handler")
                .code(
                    FunctionCode::builder()
                        .zip_file(Blob::new(empty_zip()))
                        .build(),
                )
                .environment(
                    Environment::builder()
                        .variables("DB_PASSWORD", secret)
                        .variables("MODE", "prod")
                        .build(),
                )
                .send()
                .await
                .expect("create function");
            if f.public_policy {
                lambda
                    .add_permission()
                    .function_name(&f.name)
                    .statement_id("public")
                    .action("lambda:InvokeFunction")
                    .principal("*")
                    .send()
                    .await
                    .expect("add permission");
            }
            if let Some(auth) = f.url_auth {
                lambda
                    .create_function_url_config()
                    .function_name(&f.name)
                    .auth_type(FunctionUrlAuthType::from(auth))
                    .send()
                    .await
                    .expect("function url");
            }
        }
        let events = aws_sdk_eventbridge::Client::new(&cfg);
        // us-east-1: the Pacu backdoor (fn-002's role can create access keys). eu-west-1: the same
        // pattern on an admin function, which never fires (IAM events only reach us-east-1).
        let target = if region == "us-east-1" {
            "fn-002"
        } else {
            "fn-003"
        };
        let rule = if region == "us-east-1" {
            "on-create-user"
        } else {
            "eu-iam-watch"
        };
        events
            .put_rule()
            .name(rule)
            .event_pattern(r#"{"source":["aws.iam"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["iam.amazonaws.com"],"eventName":["CreateUser"]}}"#)
            .send()
            .await
            .expect("put rule");
        events
            .put_targets()
            .rule(rule)
            .targets(
                aws_sdk_eventbridge::types::Target::builder()
                    .id("1")
                    .arn(format!(
                        "arn:aws:lambda:{region}:{ACCOUNT}:function:{target}"
                    ))
                    .input(r#"{"token":"planted-input-secret"}"#)
                    .build()
                    .expect("target"),
            )
            .send()
            .await
            .expect("put targets");
        estate
            .rules
            .push((rule.to_string(), region.to_string(), target.to_string()));
    }
    estate.secret_values.push("planted-input-secret".into());

    // An SQS queue (raw query call: no SQS SDK needed) feeding fn-004 in us-east-1.
    let http = reqwest::Client::new();
    http.post(endpoint)
        .header("content-type", "application/x-www-form-urlencoded")
        .header(
            "authorization",
            "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0",
        )
        .body("Action=CreateQueue&QueueName=orders&Version=2012-11-05")
        .send()
        .await
        .expect("create queue");
    let queue = format!("arn:aws:sqs:us-east-1:{ACCOUNT}:orders");
    let lambda = aws_sdk_lambda::Client::new(&config(endpoint, "us-east-1").await);
    lambda
        .create_event_source_mapping()
        .function_name("fn-004")
        .event_source_arn(&queue)
        .send()
        .await
        .expect("event source mapping");
    estate.mappings.push((queue, "fn-004".into()));
    estate
}
