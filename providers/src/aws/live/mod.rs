//! The live AWS collector: the SDK's own credential chain and endpoint resolution (profiles, environment,
//! SSO, instance roles, `AWS_ENDPOINT_URL`), the fewest calls that get the data, bounded concurrency,
//! the SDK's retries (exponential backoff with jitter on throttling and 5xx, a retry partition per service
//! and region — the unit AWS throttles by), and a coverage record for every API that could not be read
//! fully. Read-only: only the operations in [`READ_ONLY_ACTIONS`].

mod cloudtrail;
mod convert;
mod events;
mod fanout;
mod iam;
mod lambda;
mod org;
mod trail;

pub use fanout::{Candidates, Plan, scan_into};
pub use trail::TrailFiles;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_sdk_lambda::config::retry::{RetryPartition, TokenBucket};
use aws_types::SdkConfig;
use aws_types::region::Region;
use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use futures::StreamExt;
use futures::stream;

use super::build::{AccountData, Fetched, RegionData};
use super::errors::{CallError, classify};
use super::pace::{Gate, Observe};
use super::wire;
use crate::CollectError;
use crate::breaker::Breaker;
use crate::progress::Progress;

/// Every AWS action the scanner calls. `fnscope permissions aws` prints this list as a policy, and the
/// read-only test checks every recorded request against it.
pub const READ_ONLY_ACTIONS: &[&str] = &[
    "account:ListRegions",
    "cloudtrail:LookupEvents",
    "events:ListEventBuses",
    "events:ListRules",
    "events:ListTargetsByRule",
    "iam:GenerateServiceLastAccessedDetails",
    "iam:GetAccountAuthorizationDetails",
    "iam:GetServiceLastAccessedDetails",
    "lambda:GetFunctionUrlConfig",
    "lambda:GetPolicy",
    "lambda:ListCodeSigningConfigs",
    "lambda:ListEventSourceMappings",
    "lambda:ListFunctions",
    "lambda:ListFunctionsByCodeSigningConfig",
    "organizations:DescribeOrganization",
    "organizations:DescribePolicy",
    "organizations:ListAccounts",
    "organizations:ListParents",
    "organizations:ListPoliciesForTarget",
    "sts:AssumeRole",
    "sts:GetCallerIdentity",
];

/// What reading CloudTrail from the trail's own files (`--aws-trail`) adds: `HeadBucket` and
/// `ListObjectsV2` are `s3:ListBucket`. Printed by `fnscope permissions aws` as a statement of its own,
/// on the trail's bucket only.
pub const TRAIL_ACTIONS: &[&str] = &["s3:GetObject", "s3:ListBucket"];

/// The regions enabled by default in every account of the `aws` partition: the fallback when
/// `account:ListRegions` cannot be called.
pub const DEFAULT_REGIONS: &[&str] = &[
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/// How a live AWS scan runs.
#[derive(Debug, Clone)]
pub struct LiveOptions {
    /// Regions to scan; `None` = every enabled region.
    pub regions: Option<Vec<String>>,
    /// Calls in flight at once within one region (per-function calls, per-rule calls).
    pub concurrency: usize,
    /// Regions scanned at once.
    pub region_concurrency: usize,
    /// Attempts per call, including the first (throttling and 5xx are retried with backoff + jitter).
    pub max_attempts: u32,
    /// Deadline of one attempt.
    pub attempt_timeout: Duration,
    /// Deadline of one call including its retries.
    pub call_timeout: Duration,
    /// How long to wait for one last-accessed report.
    pub last_accessed_timeout: Duration,
    /// `i/n`: only every n-th region from the i-th; the account-wide reads (IAM, SCPs) in part 1.
    pub shard: Option<(usize, usize)>,
    /// When to stop reading (`--deadline`, less a margin to report in): IAM, a region or the audit
    /// log not read by then is a coverage record, what was read is kept.
    pub stop_at: Option<tokio::time::Instant>,
    /// The named profile (`--profile`); `None` = the SDK's default chain (which reads AWS_PROFILE).
    pub profile: Option<String>,
    /// Per-item calls of one API in one region (or account) that fail the same way this many times in
    /// a row, every retry spent, leave the remaining items uncalled (see [`crate::breaker`]).
    pub breaker_after: u32,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            regions: None,
            concurrency: 16,
            region_concurrency: 4,
            max_attempts: 6,
            attempt_timeout: Duration::from_secs(30),
            call_timeout: Duration::from_secs(180),
            last_accessed_timeout: Duration::from_secs(300),
            shard: None,
            stop_at: None,
            profile: None,
            breaker_after: crate::breaker::DEFAULT_AFTER,
        }
    }
}

/// A connected AWS session: credentials resolved, account identified.
pub struct Session {
    config: SdkConfig,
    opts: LiveOptions,
    pub account_id: String,
    pub partition: String,
    /// Retry partitions by service and region (see [`Session::limits`]).
    limits: Mutex<HashMap<String, RetryPartition>>,
    /// Organization fan-out: the management session's Organizations reads, shared by every member.
    org: Option<std::sync::Arc<OrgReads>>,
}

/// What the accounts of one organization share: the configuration that may read Organizations (the
/// management or delegated-administrator account's), and what was already read, so a hundred accounts
/// in one OU cost one `ListPoliciesForTarget` and one `DescribePolicy` per SCP, not a hundred.
#[derive(Debug)]
pub struct OrgReads {
    config: SdkConfig,
    /// `DescribeOrganization`: (organization id, management account id), or `None` outside one.
    organization: tokio::sync::OnceCell<Option<(Option<String>, Option<String>)>>,
    /// Child id → (parent id, the parent is the root).
    parents: shared::Cells<Option<(String, bool)>>,
    /// Target id → the SCP ids attached to it.
    targets: shared::Cells<Vec<String>>,
    /// SCP id → its document.
    documents: shared::Cells<Option<wire::OrgPolicy>>,
}

impl OrgReads {
    fn new(config: SdkConfig) -> OrgReads {
        OrgReads {
            config,
            organization: tokio::sync::OnceCell::new(),
            parents: shared::Cells::default(),
            targets: shared::Cells::default(),
            documents: shared::Cells::default(),
        }
    }
}

/// Answers read once however many accounts ask at the same time: a cell per key, filled by the first
/// asker while the others wait (a failed read leaves the cell empty, so the next asker tries again).
mod shared {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    pub type Cells<T> = Mutex<HashMap<String, Arc<tokio::sync::OnceCell<T>>>>;

    pub fn cell<T>(cells: &Cells<T>, key: &str) -> Arc<tokio::sync::OnceCell<T>> {
        let mut map = match cells.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        map.entry(key.to_string()).or_default().clone()
    }
}

/// An account of the organization, as `ListAccounts` gives it.
#[derive(Debug, Clone)]
pub struct OrgAccount {
    pub id: String,
    pub name: String,
}

/// An SDK error message on one line: its chain of causes joined, whitespace and debug structure
/// collapsed, cut at 300 characters.
fn one_line(m: &str) -> String {
    let joined = m.split_whitespace().collect::<Vec<_>>().join(" ");
    // The SDK appends its Rust debug structure (`(DispatchFailure(DispatchFailure { source: …`):
    // keep the readable part before it.
    let debug_at = joined.char_indices().find_map(|(i, c)| {
        if c != '(' {
            return None;
        }
        let rest = &joined[i + 1..];
        let name_len = rest.chars().take_while(char::is_ascii_alphanumeric).count();
        let first_upper = rest.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        let after = rest[name_len..].chars().next();
        (first_upper && name_len > 2 && matches!(after, Some('(' | ' '))).then_some(i)
    });
    let joined = match debug_at {
        Some(i) => joined[..i].trim_end().to_string(),
        None => joined,
    };
    if joined.chars().count() > 300 {
        format!("{}…", joined.chars().take(299).collect::<String>())
    } else {
        joined
    }
}

impl Session {
    /// Loads the SDK configuration the way the AWS CLI does and identifies the account.
    pub async fn connect(opts: LiveOptions) -> Result<Session, CollectError> {
        // Standard retries, each service and region with its own retry partition (see `limits`). The SDK's
        // adaptive mode was measured and not used: its client-side rate falls to 0.5 calls a second on an
        // early throttle and climbs back slowly (2,000 functions at 100 calls/s: 113 s against 25-31 s).
        let retry = RetryConfig::standard().with_max_attempts(opts.max_attempts.max(1));
        let timeouts = TimeoutConfig::builder()
            .operation_attempt_timeout(opts.attempt_timeout)
            .operation_timeout(opts.call_timeout)
            .connect_timeout(Duration::from_secs(10))
            .build();
        // A region is needed to sign; IAM, STS and Organizations are global. Use the configured region
        // when there is one, else us-east-1.
        let region = aws_config::meta::region::RegionProviderChain::default_provider()
            .or_else(Region::new("us-east-1"));
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(region)
            .retry_config(retry)
            .timeout_config(timeouts);
        if let Some(p) = &opts.profile {
            loader = loader.profile_name(p);
        }
        // The SDK's own default HTTPS client (TLS, proxy settings from the environment), every
        // answer's body limited.
        if let Some(http) = super::errors::default_http_client() {
            loader = loader.http_client(super::errors::CappedClient(http));
        }
        let config = loader.load().await;
        let sts = aws_sdk_sts::Client::new(&config);
        let who = sts.get_caller_identity().send().await.map_err(|e| {
            let e = classify(&e);
            CollectError::Setup {
                provider: "aws",
                message: format!(
                    "cannot identify the account with sts:GetCallerIdentity ({}); check the AWS credentials (profile, environment, SSO)",
                    one_line(&e.message)
                ),
            }
        })?;
        let account_id = who.account().unwrap_or_default().to_string();
        let partition = who
            .arn()
            .and_then(|a| a.split(':').nth(1))
            .unwrap_or("aws")
            .to_string();
        if account_id.is_empty() {
            return Err(CollectError::Setup {
                provider: "aws",
                message: "sts:GetCallerIdentity returned no account id".into(),
            });
        }
        Ok(Session {
            config,
            opts,
            account_id,
            partition,
            limits: Mutex::new(HashMap::new()),
            org: None,
        })
    }

    /// The retry partition of one service in one region, with no retry quota: the SDK's default is one
    /// bucket of 500 per service for all regions together, which a large scan empties in one throttling
    /// burst and then fails calls unretried. Attempts and deadlines bound the retries instead.
    fn limits(&self, service: &str, region: &str) -> RetryPartition {
        let key = format!("fnscope-{service}-{region}");
        let mut map = match self.limits.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        map.entry(key.clone())
            .or_insert_with(|| {
                RetryPartition::custom(key)
                    .token_bucket(TokenBucket::unlimited())
                    .build()
            })
            .clone()
    }

    fn iam_client(&self) -> aws_sdk_iam::Client {
        aws_sdk_iam::Client::from_conf(
            aws_sdk_iam::config::Builder::from(&self.config)
                .retry_classifier(super::errors::MalformedAnswer)
                .interceptor(super::errors::WholeXml)
                .retry_partition(self.limits("iam", "global"))
                .build(),
        )
    }

    fn regional(&self, region: &str) -> SdkConfig {
        self.config
            .to_builder()
            .region(Region::new(region.to_string()))
            .build()
    }

    fn coverage(
        &self,
        region: Option<&str>,
        api: &str,
        status: CoverageStatus,
        detail: String,
    ) -> Coverage {
        Coverage {
            provider: Provider::Aws,
            target: self.account_id.clone(),
            region: region.map(str::to_string),
            api: api.to_string(),
            status,
            detail,
        }
    }

    /// Collects everything but last-accessed data (which needs the evaluator to pick principals).
    pub async fn collect(&self, progress: &dyn Progress) -> AccountData {
        let mut data = AccountData {
            account_id: self.account_id.clone(),
            ..AccountData::default()
        };
        let mut regions = self.regions(&mut data.coverage).await;
        regions.sort();
        let shard = self.opts.shard;
        regions = regions
            .into_iter()
            .enumerate()
            .filter(|(i, _)| crate::in_shard(*i, shard))
            .map(|(_, r)| r)
            .collect();
        if shard.is_none_or(|(i, _)| i == 1) {
            progress.phase("aws: IAM authorization details", None);
            let mut cov = Vec::new();
            data.iam = self
                .until_stop(self.iam(&mut cov))
                .await
                .unwrap_or_else(|| {
                    cov.push(self.cut_off(
                        None,
                        "iam:GetAccountAuthorizationDetails",
                        "IAM data is missing",
                    ));
                    None
                });
            progress.phase("aws: organization SCPs", None);
            data.scps = self
                .until_stop(self.scps(&mut cov))
                .await
                .unwrap_or_else(|| {
                    cov.push(self.cut_off(
                        None,
                        "organizations:ListPoliciesForTarget",
                        "SCPs unknown",
                    ));
                    None
                });
            data.coverage.extend(cov);
        } else if let Some((_, n)) = shard {
            for api in [
                "iam:GetAccountAuthorizationDetails",
                "organizations:DescribeOrganization",
            ] {
                data.coverage.push(self.coverage(
                    None,
                    api,
                    CoverageStatus::Skipped,
                    format!("read by shard 1/{n}"),
                ));
            }
        }
        progress.phase(
            &format!("aws: {} regions", regions.len()),
            Some(regions.len() as u64),
        );
        let results: Vec<(Option<RegionData>, Vec<Coverage>)> = stream::iter(regions)
            .map(|r| async move {
                let out = match self.until_stop(self.region(&r)).await {
                    Some((data, cov)) => (Some(data), cov),
                    None => (
                        None,
                        vec![self.cut_off(
                            Some(&r),
                            "lambda:ListFunctions",
                            "the region's functions, mappings and rules are missing",
                        )],
                    ),
                };
                progress.advance(1);
                out
            })
            .buffer_unordered(self.opts.region_concurrency.max(1))
            .collect()
            .await;
        for (region, cov) in results {
            data.regions.extend(region);
            data.coverage.extend(cov);
        }
        data.regions.sort_by(|a, b| a.region.cmp(&b.region));
        data
    }

    /// `work`, unless `stop_at` comes first (`None` then).
    pub async fn until_stop<T>(&self, work: impl std::future::Future<Output = T>) -> Option<T> {
        match self.opts.stop_at {
            Some(at) => tokio::time::timeout_at(at, work).await.ok(),
            None => Some(work.await),
        }
    }

    /// The record of a read cut off at `stop_at`.
    pub fn cut_off(&self, region: Option<&str>, api: &str, missing: &str) -> Coverage {
        self.coverage(
            region,
            api,
            CoverageStatus::Failed,
            format!("cut off by --deadline; {missing}"),
        )
    }

    async fn regions(&self, coverage: &mut Vec<Coverage>) -> Vec<String> {
        if let Some(r) = &self.opts.regions {
            return r.clone();
        }
        let client = aws_sdk_account::Client::new(&self.config);
        let mut pages = client
            .list_regions()
            .region_opt_status_contains(aws_sdk_account::types::RegionOptStatus::Enabled)
            .region_opt_status_contains(aws_sdk_account::types::RegionOptStatus::EnabledByDefault)
            .into_paginator()
            .send();
        let mut out = Vec::new();
        let mut tokens = page_tokens();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                out.extend(
                    p.regions()
                        .iter()
                        .filter_map(|r| r.region_name().map(str::to_string)),
                );
                tokens.next(p.next_token())
            });
            if let Err(e) = read {
                coverage.push(self.coverage(
                    None,
                    "account:ListRegions",
                    e.status,
                    format!(
                        "{}; scanned the {} regions enabled by default instead (opt-in regions not covered; pass --regions to choose)",
                        e.message,
                        DEFAULT_REGIONS.len()
                    ),
                ));
                return DEFAULT_REGIONS.iter().map(|s| s.to_string()).collect();
            }
        }
        out.sort();
        out.dedup();
        coverage.push(self.coverage(
            None,
            "account:ListRegions",
            CoverageStatus::Complete,
            format!("{} enabled regions", out.len()),
        ));
        out
    }

    /// A circuit breaker for per-item calls of `api` (one region or the account).
    fn breaker(&self, api: &str) -> Breaker<CallError> {
        Breaker::new(api, self.opts.breaker_after)
    }
}

/// A per-resource read: found, absent (not-found answer), or failed.
type Lookup<T> = Result<Option<T>, CallError>;

/// The page guard of an AWS listing: a repeated token leaves what was listed, `partial`.
fn page_tokens() -> crate::kit::Pages {
    crate::kit::Pages::new("page token", CoverageStatus::Partial)
}

fn per_call_coverage(
    s: &Session,
    region: &str,
    api: &str,
    total: usize,
    errors: &[(String, CallError)],
) -> Coverage {
    per_call_coverage_named(s, region, api, "functions", total, errors)
}

/// One coverage record summarising a per-resource call: complete, or the worst status with counts and
/// the first few failing resources.
fn per_call_coverage_named(
    s: &Session,
    region: &str,
    api: &str,
    noun: &str,
    total: usize,
    errors: &[(String, CallError)],
) -> Coverage {
    let region = (!region.is_empty()).then_some(region);
    if errors.is_empty() {
        return s.coverage(
            region,
            api,
            CoverageStatus::Complete,
            format!("read for {total} {noun}"),
        );
    }
    let status = if errors
        .iter()
        .all(|(_, e)| e.status == CoverageStatus::Denied)
    {
        CoverageStatus::Denied
    } else if errors
        .iter()
        .any(|(_, e)| e.status == CoverageStatus::Throttled)
    {
        CoverageStatus::Throttled
    } else if errors.len() < total {
        CoverageStatus::Partial
    } else {
        CoverageStatus::Failed
    };
    let mut sample: Vec<&str> = errors.iter().take(3).map(|(id, _)| id.as_str()).collect();
    sample.sort();
    s.coverage(
        region,
        api,
        status,
        format!(
            "{} of {total} {noun} not read ({}); first: {}",
            errors.len(),
            errors[0].1.message,
            sample.join(", ")
        ),
    )
}

/// Runs one per-item call through `breaker`: refused at once when it is open; a failure (every retry
/// spent) counts towards opening it, an answer closes the run.
async fn guarded<T>(
    breaker: &Breaker<CallError>,
    call: impl std::future::Future<Output = Result<T, CallError>>,
) -> Result<T, CallError> {
    if let Some(e) = breaker.refuse() {
        return Err(e);
    }
    let r = call.await;
    match &r {
        Ok(_) => breaker.success(),
        Err(e) => trip(breaker, e),
    }
    r
}

/// Counts a failed call towards opening `breaker`: failures are the same way when their coverage
/// status and error code are. "Not found" is an answer, not a failure.
fn trip(breaker: &Breaker<CallError>, e: &CallError) {
    if e.is_not_found() {
        breaker.success();
        return;
    }
    let way = format!("{:?}/{}", e.status, e.code.as_deref().unwrap_or("-"));
    breaker.failure(&way, e, |e, api, run| CallError {
        status: e.status,
        code: e.code.clone(),
        message: crate::breaker::open_message(api, run, &e.message),
    });
}
