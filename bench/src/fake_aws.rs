//! A fast fake of the AWS APIs `fnscope scan aws` reads, serving a synthetic estate: N functions over R
//! regions, one execution role each, a resource policy on every tenth, an EventBridge rule on every
//! hundredth. Every answer waits `latency`; every (service, region) has a token bucket of `rps` calls per
//! second, answering the service's own throttling error when empty. It counts calls per operation and
//! throttled answers. The wire shapes are the SDKs' (query/XML for IAM and STS, JSON 1.1 for
//! EventBridge and Organizations, REST-JSON for Lambda and Account).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Request, Response, StatusCode};
use serde_json::{Value, json};

pub const ACCOUNT: &str = "111122223333";

/// A trail file the fake serves: its name and its bytes as stored.
pub type TrailFile = (String, Arc<Vec<u8>>);

#[derive(Debug, Clone)]
pub struct Estate {
    pub functions: usize,
    pub regions: Vec<String>,
    pub latency: Duration,
    /// Calls per second per (service, region) before throttling; 0 = unlimited.
    pub rps: f64,
    /// Lambda's documented quotas per account and region instead: `GetPolicy` 15 calls/s,
    /// `GetFunction` 100 calls/s, every other control-plane call together 15 calls/s (AWS Lambda
    /// quotas, "API requests").
    pub lambda_quotas: bool,
    /// A CloudTrail bucket (`s3://bench-trail`): these files under today's folder of us-east-1, as
    /// `AWSLogs/<account>/CloudTrail/us-east-1/YYYY/MM/DD/<name>`.
    pub trail: Vec<TrailFile>,
    /// Today's folder (`YYYY/MM/DD`) for the trail files.
    pub trail_day: String,
    /// Accounts: 1 is one account outside an organization; more is an organization whose management
    /// account is [`ACCOUNT`], every member holding the same estate, reached by `sts:AssumeRole`
    /// (the member is the one the access key names: `ASIA<account>`).
    pub accounts: usize,
}

/// The id of account `k` of the organization (0 is the management account).
pub fn account_id(k: usize) -> String {
    if k == 0 {
        ACCOUNT.to_string()
    } else {
        format!("{:012}", 200_000_000_000u64 + k as u64)
    }
}

/// The documented Lambda quota an operation counts against: (bucket, calls per second).
pub fn lambda_quota(op: &str) -> (&'static str, f64) {
    match op {
        "GetPolicy" => ("lambda:GetPolicy", 15.0),
        "GetFunction" => ("lambda:GetFunction", 100.0),
        _ => ("lambda:control-plane", 15.0),
    }
}

impl Estate {
    fn in_region(&self, region: &str) -> Vec<usize> {
        let r = self.regions.iter().position(|x| x == region);
        match r {
            Some(r) => (0..self.functions)
                .filter(|i| i % self.regions.len() == r)
                .collect(),
            None => Vec::new(),
        }
    }

    /// The fewest calls that read this estate (no last-accessed reports), per operation.
    pub fn minimum_calls(&self) -> BTreeMap<String, u64> {
        let mut m = BTreeMap::new();
        let accounts = self.accounts.max(1);
        let mut once = |k: &str, n: usize| *m.entry(k.to_string()).or_insert(0) += n as u64;
        once("organizations:DescribeOrganization", 1);
        if accounts > 1 {
            // The accounts, a role assumed in each member, each member's place in the organization
            // (its parent, the root's SCPs read once, each member's own attachments).
            once("organizations:ListAccounts", accounts.div_ceil(20));
            once("sts:AssumeRole", accounts - 1);
            once("organizations:ListParents", accounts - 1);
            once("organizations:ListPoliciesForTarget", accounts);
            once("organizations:DescribePolicy", 1);
        }
        let mut add =
            |k: &str, n: usize| *m.entry(k.to_string()).or_insert(0) += (n * accounts) as u64;
        add("sts:GetCallerIdentity", 1);
        add("account:ListRegions", 1);
        add(
            "iam:GetAccountAuthorizationDetails",
            self.functions.div_ceil(1000).max(1),
        );
        for r in &self.regions {
            let n = self.in_region(r).len();
            add("lambda:ListFunctions", n.div_ceil(50).max(1));
            add("lambda:GetPolicy", n);
            add("lambda:GetFunctionUrlConfig", n);
            add("lambda:ListEventSourceMappings", 1);
            add("lambda:ListCodeSigningConfigs", 1);
            add("events:ListEventBuses", 1);
            let rules = self.in_region(r).iter().filter(|i| *i % 100 == 0).count();
            add("events:ListRules", rules.div_ceil(100).max(1));
            add("events:ListTargetsByRule", rules);
        }
        if !self.trail.is_empty() {
            // HeadBucket; the AWSLogs/ folders; with --since 1d two day folders per region read
            // (the scanned ones and us-east-1); every file twice (the anchor opens a window).
            let mut listed: Vec<&String> = self.regions.iter().collect();
            let east = "us-east-1".to_string();
            if !listed.contains(&&east) {
                listed.push(&east);
            }
            add("s3:HeadBucket", 1);
            // Today's folder of us-east-1 holds every file: a page per 1,000.
            add(
                "s3:ListObjectsV2",
                1 + 2 * listed.len() + self.trail.len().div_ceil(1000).saturating_sub(1),
            );
            add("s3:GetObject", 2 * self.trail.len());
        }
        m
    }

    fn trail_keys(&self) -> Vec<String> {
        self.trail
            .iter()
            .map(|(name, _)| {
                format!(
                    "AWSLogs/{ACCOUNT}/CloudTrail/us-east-1/{}/{name}",
                    self.trail_day
                )
            })
            .collect()
    }

    /// `ListObjectsV2` over the trail keys: the keys under `prefix`, or with `delimiter` the folders
    /// just below it; 1,000 a page.
    fn list_objects(&self, q: &str) -> String {
        let prefix = query(q, "prefix").unwrap_or_default();
        let folders = query(q, "delimiter").is_some();
        let start: usize = query(q, "continuation-token")
            .and_then(|t| t.parse().ok())
            .unwrap_or(0);
        let mut items: Vec<String> = self
            .trail_keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        if folders {
            items = items
                .iter()
                .filter_map(|k| {
                    let rest = &k[prefix.len()..];
                    rest.find('/').map(|i| format!("{prefix}{}", &rest[..=i]))
                })
                .collect();
            items.dedup();
        }
        let page: Vec<&String> = items.iter().skip(start).take(1000).collect();
        let more = start + page.len() < items.len();
        let body: String = page
            .iter()
            .map(|k| {
                if folders {
                    format!("<CommonPrefixes><Prefix>{k}</Prefix></CommonPrefixes>")
                } else {
                    let size = self
                        .trail
                        .iter()
                        .find(|(n, _)| k.ends_with(n.as_str()))
                        .map_or(0, |(_, b)| b.len());
                    format!("<Contents><Key>{k}</Key><LastModified>2025-11-20T10:00:00.000Z</LastModified><ETag>&quot;0&quot;</ETag><Size>{size}</Size><StorageClass>STANDARD</StorageClass></Contents>")
                }
            })
            .collect();
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bench-trail</Name><Prefix>{prefix}</Prefix><KeyCount>{}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>{more}</IsTruncated>{}{body}</ListBucketResult>",
            page.len(),
            if more {
                format!(
                    "<NextContinuationToken>{}</NextContinuationToken>",
                    start + page.len()
                )
            } else {
                String::new()
            }
        )
    }
}

pub use crate::common::Stats;

pub use crate::common::Fake;

/// Serves `estate`.
pub fn start(estate: Estate) -> std::io::Result<Fake> {
    Fake::start(estate, |req, estate, st| async move {
        handle(req, &estate, &st).await
    })
}

fn scope(headers: &HeaderMap) -> (String, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let cred = auth
        .split("Credential=")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .unwrap_or_default();
    let p: Vec<&str> = cred.split('/').collect();
    if p.len() >= 4 {
        (p[2].to_string(), p[3].to_string())
    } else {
        (String::new(), String::new())
    }
}

fn form(body: &str, key: &str) -> Option<String> {
    body.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

fn query(q: &str, key: &str) -> Option<String> {
    form(q, key)
}

fn resp(status: StatusCode, ctype: &'static str, body: String) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    if let Ok(v) = ctype.parse() {
        r.headers_mut().insert("content-type", v);
    }
    r
}

fn org_json(v: Value) -> Response<Body> {
    resp(StatusCode::OK, "application/x-amz-json-1.1", v.to_string())
}

fn ok_json(v: Value) -> Response<Body> {
    resp(StatusCode::OK, "application/json", v.to_string())
}

fn lambda_error(status: StatusCode, kind: &str) -> Response<Body> {
    let mut r = resp(
        status,
        "application/json",
        json!({"Type": "User", "message": kind}).to_string(),
    );
    if let Ok(v) = kind.parse() {
        r.headers_mut().insert("x-amzn-errortype", v);
    }
    r
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn role_xml(i: usize, acct: &str) -> String {
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let action = match i % 100 {
        0 => r#""*""#,
        1..=4 => r#""iam:CreateAccessKey""#,
        _ => r#"["logs:CreateLogStream","logs:PutLogEvents"]"#,
    };
    let doc = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":{action},"Resource":"*"}}]}}"#
    );
    format!(
        "<member><Path>/service-role/</Path><RoleName>fn-role-{i:05}</RoleName><RoleId>AROA{i:017}</RoleId><Arn>arn:aws:iam::{acct}:role/service-role/fn-role-{i:05}</Arn><CreateDate>2020-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>{}</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList><member><PolicyName>inline</PolicyName><PolicyDocument>{}</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/><Tags/></member>",
        enc(trust),
        enc(&doc)
    )
}

fn function_json(i: usize, region: &str, acct: &str) -> Value {
    json!({
        "FunctionName": format!("fn-{i:05}"),
        "FunctionArn": format!("arn:aws:lambda:{region}:{acct}:function:fn-{i:05}"),
        "Runtime": "python3.12", "Handler": "app.handler", "CodeSize": 1024, "Timeout": 30,
        "MemorySize": 128, "LastModified": "2025-01-01T00:00:00.000+0000",
        "CodeSha256": "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", "Version": "$LATEST",
        "Role": format!("arn:aws:iam::{acct}:role/service-role/fn-role-{i:05}"),
        "PackageType": "Zip", "Architectures": ["x86_64"],
        "Environment": {"Variables": {"MODE": "prod"}}
    })
}

/// Takes a token from the operation's bucket — (service, region) at `rps`, or Lambda's documented
/// quota for the operation — false when throttled.
fn admit(
    st: &Mutex<Stats>,
    estate: &Estate,
    (acct, service, op, region): (&str, &str, &str, &str),
) -> bool {
    let (bucket, rate) = if estate.lambda_quotas && service == "lambda" {
        let (b, r) = lambda_quota(op);
        (b.to_string(), r)
    } else {
        (service.to_string(), estate.rps)
    };
    if rate <= 0.0 {
        return true;
    }
    crate::common::admit(st, format!("{bucket}/{acct}/{region}"), rate.max(1.0), rate)
}

fn throttle(service: &str) -> Response<Body> {
    match service {
        "iam" | "sts" => resp(
            StatusCode::BAD_REQUEST,
            "text/xml",
            "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>".into(),
        ),
        "lambda" | "account" => lambda_error(StatusCode::TOO_MANY_REQUESTS, "TooManyRequestsException"),
        _ => resp(
            StatusCode::BAD_REQUEST,
            "application/x-amz-json-1.1",
            json!({"__type": "ThrottlingException", "message": "Rate exceeded"}).to_string(),
        ),
    }
}

async fn handle(req: Request<Body>, estate: &Estate, st: &Mutex<Stats>) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let body = String::from_utf8_lossy(&body).into_owned();
    let (region, service) = scope(&parts.headers);
    let path = parts.uri.path().to_string();
    let q = parts.uri.query().unwrap_or_default().to_string();
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .map(|t| t.rsplit('.').next().unwrap_or(t).to_string());
    let op = match (&target, form(&body, "Action")) {
        (Some(t), _) => t.clone(),
        (None, Some(a)) => a,
        _ => {
            let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
            match segs.as_slice() {
                [_, "functions"] => "ListFunctions".into(),
                [_, "functions", _, "policy"] => "GetPolicy".into(),
                [_, "functions", _, "url"] => "GetFunctionUrlConfig".into(),
                [_, "event-source-mappings"] => "ListEventSourceMappings".into(),
                [_, "code-signing-configs"] => "ListCodeSigningConfigs".into(),
                ["listRegions"] => "ListRegions".into(),
                [_] if service == "s3" && parts.method == "HEAD" => "HeadBucket".into(),
                [_] if service == "s3" => "ListObjectsV2".into(),
                [_, _, ..] if service == "s3" => "GetObject".into(),
                _ => format!("{} {path}", parts.method),
            }
        }
    };
    let name = format!("{service}:{op}");
    // The account the credentials are for: an assumed role's key names it.
    let acct = parts
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|a| a.split("Credential=").nth(1))
        .and_then(|c| c.split('/').next())
        .and_then(|k| k.strip_prefix("ASIA"))
        .map_or_else(|| ACCOUNT.to_string(), str::to_string);
    tokio::time::sleep(estate.latency).await;
    let admitted = admit(st, estate, (&acct, &service, &op, &region));
    crate::common::count(st, &name, admitted);
    if !admitted {
        return throttle(&service);
    }
    let fns = estate.in_region(&region);
    match name.as_str() {
        "sts:GetCallerIdentity" => resp(
            StatusCode::OK,
            "text/xml",
            format!("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::{acct}:user/bench</Arn><UserId>AIDABENCH</UserId><Account>{acct}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>"),
        ),
        "s3:HeadBucket" => {
            let mut r = resp(StatusCode::OK, "application/xml", String::new());
            r.headers_mut()
                .insert("x-amz-bucket-region", axum::http::HeaderValue::from_static("us-east-1"));
            r
        }
        "s3:ListObjectsV2" => resp(StatusCode::OK, "application/xml", estate.list_objects(&q)),
        "s3:GetObject" => {
            let key = percent_encoding::percent_decode_str(path.trim_start_matches("/bench-trail/"))
                .decode_utf8_lossy()
                .into_owned();
            match estate.trail.iter().find(|(n, _)| key.ends_with(&format!("/{n}"))) {
                Some((_, bytes)) => {
                    let mut r = Response::new(Body::from(bytes.as_ref().clone()));
                    if let Ok(v) = "application/octet-stream".parse() {
                        r.headers_mut().insert("content-type", v);
                    }
                    r
                }
                None => resp(
                    StatusCode::NOT_FOUND,
                    "application/xml",
                    "<Error><Code>NoSuchKey</Code><Message>no such key</Message></Error>".into(),
                ),
            }
        }
        "account:ListRegions" => ok_json(json!({"Regions": estate.regions.iter().map(|r| json!({"RegionName": r, "RegionOptStatus": "ENABLED_BY_DEFAULT"})).collect::<Vec<_>>()})),
        "organizations:DescribeOrganization" if estate.accounts <= 1 => resp(
            StatusCode::BAD_REQUEST,
            "application/x-amz-json-1.1",
            json!({"__type": "AWSOrganizationsNotInUseException", "Message": "not in an organization"}).to_string(),
        ),
        "organizations:DescribeOrganization" => org_json(json!({"Organization": {
            "Id": "o-bench00001", "Arn": format!("arn:aws:organizations::{ACCOUNT}:organization/o-bench00001"),
            "FeatureSet": "ALL", "MasterAccountId": ACCOUNT,
            "MasterAccountArn": format!("arn:aws:organizations::{ACCOUNT}:account/o-bench00001/{ACCOUNT}")}})),
        "organizations:ListAccounts" => {
            let req: Value = serde_json::from_str(&body).unwrap_or_default();
            let start: usize = req["NextToken"].as_str().and_then(|t| t.parse().ok()).unwrap_or(0);
            let end = (start + 20).min(estate.accounts);
            let mut v = json!({"Accounts": (start..end).map(|k| json!({
                "Id": account_id(k), "Name": format!("account-{k:04}"), "Status": "ACTIVE",
                "Arn": format!("arn:aws:organizations::{ACCOUNT}:account/o-bench00001/{}", account_id(k)),
                "Email": format!("a{k}@example.com")})).collect::<Vec<_>>()});
            if end < estate.accounts {
                v["NextToken"] = end.to_string().into();
            }
            org_json(v)
        }
        "organizations:ListParents" => org_json(json!({"Parents": [{"Id": "r-bench", "Type": "ROOT"}]})),
        "organizations:ListPoliciesForTarget" => {
            let req: Value = serde_json::from_str(&body).unwrap_or_default();
            let policies = if req["TargetId"] == "r-bench" {
                json!([{"Id": "p-FullAWSAccess", "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": true,
                        "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess"}])
            } else {
                json!([])
            };
            org_json(json!({"Policies": policies}))
        }
        "organizations:DescribePolicy" => org_json(json!({"Policy": {
            "PolicySummary": {"Id": "p-FullAWSAccess", "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": true,
                              "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess"},
            "Content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"}})),
        "sts:AssumeRole" => {
            let role = form(&body, "RoleArn").unwrap_or_default();
            let member = role.split(':').nth(4).unwrap_or_default().to_string();
            resp(
                StatusCode::OK,
                "text/xml",
                format!("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials><AccessKeyId>ASIA{member}</AccessKeyId><SecretAccessKey>bench</SecretAccessKey><SessionToken>bench</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROABENCH:fnscope</AssumedRoleId><Arn>arn:aws:sts::{member}:assumed-role/fnscope-bench/fnscope</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>"),
            )
        }
        "iam:GetAccountAuthorizationDetails" => {
            let max: usize = form(&body, "MaxItems").and_then(|m| m.parse().ok()).unwrap_or(100).clamp(1, 1000);
            let start: usize = form(&body, "Marker").and_then(|m| m.parse().ok()).unwrap_or(0);
            let end = (start + max).min(estate.functions);
            let roles: String = (start..end).map(|i| role_xml(i, &acct)).collect();
            let more = end < estate.functions;
            resp(
                StatusCode::OK,
                "text/xml",
                format!(
                    "<GetAccountAuthorizationDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetAccountAuthorizationDetailsResult><IsTruncated>{more}</IsTruncated>{}<UserDetailList/><GroupDetailList/><RoleDetailList>{roles}</RoleDetailList><Policies/></GetAccountAuthorizationDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetAccountAuthorizationDetailsResponse>",
                    if more { format!("<Marker>{end}</Marker>") } else { String::new() }
                ),
            )
        }
        "lambda:ListFunctions" => {
            let max: usize = query(&q, "MaxItems").and_then(|m| m.parse().ok()).unwrap_or(50).clamp(1, 50);
            let start: usize = query(&q, "Marker").and_then(|m| m.parse().ok()).unwrap_or(0);
            let end = (start + max).min(fns.len());
            let mut v = json!({"Functions": fns[start.min(end)..end].iter().map(|i| function_json(*i, &region, &acct)).collect::<Vec<_>>()});
            if end < fns.len() {
                v["NextMarker"] = end.to_string().into();
            }
            ok_json(v)
        }
        "lambda:GetPolicy" => {
            let f = path.split('/').nth(3).unwrap_or_default();
            let i: usize = f.trim_start_matches("fn-").parse().unwrap_or(1);
            if i.is_multiple_of(10) {
                let policy = json!({"Version": "2012-10-17", "Id": "default", "Statement": [{"Sid": "s", "Effect": "Allow", "Principal": {"Service": "s3.amazonaws.com"}, "Action": "lambda:InvokeFunction", "Resource": format!("arn:aws:lambda:{region}:{acct}:function:{f}"), "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:s3:::bucket"}}}]});
                ok_json(json!({"Policy": policy.to_string(), "RevisionId": "r1"}))
            } else {
                lambda_error(StatusCode::NOT_FOUND, "ResourceNotFoundException")
            }
        }
        "lambda:GetFunctionUrlConfig" => lambda_error(StatusCode::NOT_FOUND, "ResourceNotFoundException"),
        "lambda:ListEventSourceMappings" => ok_json(json!({"EventSourceMappings": []})),
        "lambda:ListCodeSigningConfigs" => ok_json(json!({"CodeSigningConfigs": []})),
        "events:ListEventBuses" => ok_json(json!({"EventBuses": [{"Name": "default", "Arn": format!("arn:aws:events:{region}:{acct}:event-bus/default")}]})),
        "events:ListRules" => {
            let req: Value = serde_json::from_str(&body).unwrap_or_default();
            let rules: Vec<usize> = fns.iter().copied().filter(|i| i % 100 == 0).collect();
            let start: usize = req["NextToken"].as_str().and_then(|t| t.parse().ok()).unwrap_or(0);
            let limit = req["Limit"].as_u64().unwrap_or(100).clamp(1, 100) as usize;
            let end = (start + limit).min(rules.len());
            let mut v = json!({"Rules": rules[start.min(end)..end].iter().map(|i| json!({
                "Name": format!("r-{i:05}"), "Arn": format!("arn:aws:events:{region}:{acct}:rule/r-{i:05}"),
                "EventPattern": r#"{"source":["aws.s3"]}"#, "State": "ENABLED", "EventBusName": "default"})).collect::<Vec<_>>()});
            if end < rules.len() {
                v["NextToken"] = end.to_string().into();
            }
            ok_json(v)
        }
        "events:ListTargetsByRule" => {
            let req: Value = serde_json::from_str(&body).unwrap_or_default();
            let rule = req["Rule"].as_str().unwrap_or("r-00000");
            let i = rule.trim_start_matches("r-");
            ok_json(json!({"Targets": [{"Id": "t", "Arn": format!("arn:aws:lambda:{region}:{acct}:function:fn-{i}")}]}))
        }
        _ => resp(StatusCode::NOT_FOUND, "text/plain", format!("not faked: {name}")),
    }
}
