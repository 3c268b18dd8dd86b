//! The live AWS collector: the SDK's own credential chain and endpoint resolution (profiles, environment,
//! SSO, instance roles, `AWS_ENDPOINT_URL`), the fewest calls that get the data, bounded concurrency,
//! the SDK's retries (exponential backoff with jitter on throttling and 5xx, a retry partition per service
//! and region — the unit AWS throttles by), and a coverage record for every API that could not be read
//! fully. Read-only: only the operations in [`READ_ONLY_ACTIONS`].

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

    /// Every active account of the organization (management or delegated-administrator credentials),
    /// sorted by id; a coverage record either way.
    pub async fn organization_accounts(&self) -> (Vec<OrgAccount>, Coverage) {
        let client = aws_sdk_organizations::Client::new(&self.config);
        let mut pages = client.list_accounts().into_paginator().send();
        let mut tokens = PageTokens::default();
        let mut out = Vec::new();
        let mut inactive = 0usize;
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                for a in p.accounts() {
                    #[allow(deprecated)]
                    let active = matches!(
                        a.status(),
                        Some(aws_sdk_organizations::types::AccountStatus::Active) | None
                    );
                    match (a.id(), active) {
                        (Some(id), true) => out.push(OrgAccount {
                            id: id.to_string(),
                            name: a.name().unwrap_or_default().to_string(),
                        }),
                        _ => inactive += 1,
                    }
                }
                tokens.next(p.next_token())
            });
            if let Err(e) = read {
                let n = out.len();
                return (
                    out,
                    self.coverage(
                        None,
                        "organizations:ListAccounts",
                        e.status,
                        format!(
                            "{} (after {n} accounts); the organization's other accounts are not scanned (run from the management or a delegated-administrator account)",
                            e.message
                        ),
                    ),
                );
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        let detail = format!(
            "{} active accounts ({inactive} suspended or closed, not scanned)",
            out.len()
        );
        (
            out,
            self.coverage(
                None,
                "organizations:ListAccounts",
                CoverageStatus::Complete,
                detail,
            ),
        )
    }

    /// This session's Organizations reads, to be shared with the member sessions made from it (and
    /// used by this session too from now on).
    pub fn org_reads(&mut self) -> std::sync::Arc<OrgReads> {
        let config = self.config.clone();
        self.org
            .get_or_insert_with(|| std::sync::Arc::new(OrgReads::new(config)))
            .clone()
    }

    /// A session in a member account: `role` (a name, with its path if it has one) assumed there with
    /// this session's credentials, checked with `sts:GetCallerIdentity`. Regions are not sharded within
    /// the member (an organization scan shards by account).
    pub async fn assume(
        &self,
        account_id: &str,
        role: &str,
        org: std::sync::Arc<OrgReads>,
    ) -> Result<Session, CallError> {
        let role = role.trim_matches('/');
        let role_arn = format!("arn:{}:iam::{account_id}:role/{role}", self.partition);
        let provider = aws_config::sts::AssumeRoleProvider::builder(role_arn.clone())
            .session_name("fnscope")
            .configure(&self.config)
            .build()
            .await;
        let config = self
            .config
            .to_builder()
            .credentials_provider(aws_types::sdk_config::SharedCredentialsProvider::new(
                provider,
            ))
            .build();
        let who = aws_sdk_sts::Client::new(&config)
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| {
                let mut e = classify(&e);
                e.message = format!("cannot assume `{role_arn}`: {}", e.message);
                e
            })?;
        if who.account() != Some(account_id) {
            return Err(CallError {
                status: CoverageStatus::Failed,
                code: None,
                message: format!(
                    "assumed `{role_arn}` but sts:GetCallerIdentity names account {}",
                    who.account().unwrap_or("(none)")
                ),
            });
        }
        Ok(Session {
            config,
            opts: LiveOptions {
                shard: None,
                ..self.opts.clone()
            },
            account_id: account_id.to_string(),
            partition: self.partition.clone(),
            limits: Mutex::new(HashMap::new()),
            org: Some(org),
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
        let mut tokens = PageTokens::default();
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

    async fn iam(&self, coverage: &mut Vec<Coverage>) -> Option<wire::AuthorizationDetails> {
        let client = self.iam_client();
        let mut pages = client
            .get_account_authorization_details()
            // The largest page IAM allows: ten times fewer sequential calls than the default.
            .max_items(1000)
            .into_paginator()
            .send();
        let mut all = wire::AuthorizationDetails::default();
        let mut count = 0usize;
        let mut tokens = PageTokens::default();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                count += 1;
                all.extend(convert::auth_details(&p));
                tokens.next(p.is_truncated().then(|| p.marker()).flatten())
            });
            if let Err(e) = read {
                // What was read is dropped: rules judged on part of IAM would pass what they cannot see.
                let status = match e.status {
                    CoverageStatus::Partial => CoverageStatus::Failed,
                    s => s,
                };
                coverage.push(self.coverage(
                    None,
                    "iam:GetAccountAuthorizationDetails",
                    status,
                    format!("{} (after {count} pages); IAM data is missing", e.message),
                ));
                return None;
            }
        }
        coverage.push(self.coverage(
            None,
            "iam:GetAccountAuthorizationDetails",
            CoverageStatus::Complete,
            format!(
                "{} roles, {} users, {} groups, {} managed policies in {count} pages",
                all.role_detail_list.len(),
                all.user_detail_list.len(),
                all.group_detail_list.len(),
                all.policies.len()
            ),
        ));
        Some(all)
    }

    async fn scps(&self, coverage: &mut Vec<Coverage>) -> Option<wire::ScpChain> {
        // Outside an organization scan the caches are this call's own: each answer is still read once.
        let shared = self
            .org
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(OrgReads::new(self.config.clone())));
        let client = aws_sdk_organizations::Client::new(&shared.config);
        let described = shared
            .organization
            .get_or_try_init(|| async {
                match client.describe_organization().send().await {
                    Ok(o) => Ok(o.organization().map(|o| {
                        (
                            o.id().map(str::to_string),
                            o.master_account_id().map(str::to_string),
                        )
                    })),
                    Err(e) => {
                        let e = classify(&e);
                        if e.code.as_deref() == Some("AWSOrganizationsNotInUseException") {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            })
            .await;
        let (org_id, master) = match described {
            Ok(Some(o)) => o.clone(),
            Ok(None) => {
                coverage.push(self.coverage(
                    None,
                    "organizations:DescribeOrganization",
                    CoverageStatus::Complete,
                    "the account is not in an organization: no SCPs apply".into(),
                ));
                return Some(wire::ScpChain::default());
            }
            Err(e) => {
                coverage.push(self.coverage(
                    None,
                    "organizations:DescribeOrganization",
                    e.status,
                    format!("{}; SCPs unknown", e.message),
                ));
                return None;
            }
        };
        if master.as_deref() == Some(self.account_id.as_str()) {
            coverage.push(self.coverage(
                None,
                "organizations:DescribeOrganization",
                CoverageStatus::Complete,
                "the management account: SCPs do not apply to it".into(),
            ));
            return Some(wire::ScpChain {
                organization_id: org_id,
                levels: Vec::new(),
            });
        }
        // Walk from the account up to the root.
        let mut path = vec![self.account_id.clone()];
        let mut current = self.account_id.clone();
        for _ in 0..10 {
            let parent = shared::cell(&shared.parents, &current)
                .get_or_try_init(|| async {
                    let p = client
                        .list_parents()
                        .child_id(&current)
                        .send()
                        .await
                        .map_err(|e| classify(&e))?;
                    Ok::<_, CallError>(p.parents().first().map(|parent| {
                        (
                            parent.id().unwrap_or_default().to_string(),
                            matches!(
                                parent.r#type(),
                                Some(aws_sdk_organizations::types::ParentType::Root)
                            ),
                        )
                    }))
                })
                .await
                .cloned();
            match parent {
                Ok(Some((id, is_root))) => {
                    path.push(id.clone());
                    current = id;
                    if is_root {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    coverage.push(self.coverage(
                        None,
                        "organizations:ListParents",
                        e.status,
                        format!("{}; SCPs unknown", e.message),
                    ));
                    return None;
                }
            }
        }
        path.reverse();
        let mut levels = Vec::new();
        let mut distinct = std::collections::BTreeSet::new();
        for target in path {
            let listed = shared::cell(&shared.targets, &target)
                .get_or_try_init(|| async {
                    let mut ids = Vec::new();
                    let mut pages = client
                        .list_policies_for_target()
                        .target_id(&target)
                        .filter(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy)
                        .into_paginator()
                        .send();
                    let mut tokens = PageTokens::default();
                    while let Some(page) = pages.next().await {
                        let p = page.map_err(|e| classify(&e))?;
                        ids.extend(
                            p.policies()
                                .iter()
                                .filter_map(|s| s.id().map(str::to_string)),
                        );
                        tokens.next(p.next_token())?;
                    }
                    Ok::<_, CallError>(ids)
                })
                .await
                .cloned();
            let ids = match listed {
                Ok(ids) => ids,
                Err(e) => {
                    coverage.push(self.coverage(
                        None,
                        "organizations:ListPoliciesForTarget",
                        e.status,
                        format!("{} for `{target}`; SCPs unknown", e.message),
                    ));
                    return None;
                }
            };
            let mut policies = Vec::new();
            for id in ids {
                let document = shared::cell(&shared.documents, &id)
                    .get_or_try_init(|| async {
                        let d = client
                            .describe_policy()
                            .policy_id(&id)
                            .send()
                            .await
                            .map_err(|e| classify(&e))?;
                        Ok::<_, CallError>(d.policy().map(|p| {
                            let summary = p.policy_summary();
                            wire::OrgPolicy {
                                policy_summary: wire::OrgPolicySummary {
                                    id: id.clone(),
                                    arn: summary.and_then(|s| s.arn()).map(str::to_string),
                                    name: summary
                                        .and_then(|s| s.name())
                                        .unwrap_or_default()
                                        .to_string(),
                                },
                                content: p.content().unwrap_or_default().to_string(),
                            }
                        }))
                    })
                    .await
                    .cloned();
                match document {
                    Ok(Some(policy)) => {
                        distinct.insert(id);
                        policies.push(policy);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        coverage.push(self.coverage(
                            None,
                            "organizations:DescribePolicy",
                            e.status,
                            format!("{} for `{id}`; SCPs unknown", e.message),
                        ));
                        return None;
                    }
                }
            }
            levels.push(wire::ScpLevel {
                target_id: target,
                policies,
            });
        }
        coverage.push(self.coverage(
            None,
            "organizations:ListPoliciesForTarget",
            CoverageStatus::Complete,
            format!("{} levels, {} distinct SCPs", levels.len(), distinct.len()),
        ));
        Some(wire::ScpChain {
            organization_id: org_id,
            levels,
        })
    }

    async fn region(&self, region: &str) -> (RegionData, Vec<Coverage>) {
        let config = self.regional(region);
        // One adaptive gate per service here: the fan-out below waits on it, the client's answers move it.
        let lambda_gate = Gate::new(self.opts.concurrency);
        let events_gate = Gate::new(self.opts.concurrency);
        let lambda = aws_sdk_lambda::Client::from_conf(
            aws_sdk_lambda::config::Builder::from(&config)
                .retry_classifier(super::errors::MalformedAnswer)
                .retry_partition(self.limits("lambda", region))
                .interceptor(Observe(lambda_gate.clone()))
                .build(),
        );
        let events = aws_sdk_eventbridge::Client::from_conf(
            aws_sdk_eventbridge::config::Builder::from(&config)
                .retry_classifier(super::errors::MalformedAnswer)
                .retry_partition(self.limits("events", region))
                .interceptor(Observe(events_gate.clone()))
                .build(),
        );
        let mut cov = Vec::new();
        let mut data = RegionData {
            region: region.to_string(),
            ..RegionData::default()
        };

        // Functions.
        let mut pages = lambda
            .list_functions()
            .max_items(50)
            .into_paginator()
            .send();
        let mut listed = true;
        let mut tokens = PageTokens::default();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                data.functions
                    .extend(p.functions().iter().filter_map(convert::function));
                tokens.next(p.next_marker())
            });
            if let Err(e) = read {
                cov.push(self.coverage(
                    Some(region),
                    "lambda:ListFunctions",
                    e.status,
                    format!("{} ({} functions read)", e.message, data.functions.len()),
                ));
                listed = false;
                break;
            }
        }
        if listed {
            cov.push(self.coverage(
                Some(region),
                "lambda:ListFunctions",
                CoverageStatus::Complete,
                format!("{} functions", data.functions.len()),
            ));
        }

        // Per-function reads, bounded.
        let arns: Vec<(String, String)> = data
            .functions
            .iter()
            .map(|f| (f.function_arn.clone(), f.function_name.clone()))
            .collect();
        let lambda_ref = &lambda;
        let gate = lambda_gate.as_ref();
        let policy_breaker = self.breaker("lambda:GetPolicy");
        let url_breaker = self.breaker("lambda:GetFunctionUrlConfig");
        let (policy_breaker, url_breaker) = (&policy_breaker, &url_breaker);
        let per_function: Vec<(
            String,
            Lookup<wire::GetPolicy>,
            Lookup<wire::FunctionUrlConfig>,
        )> = stream::iter(arns)
            .map(|(arn, _name)| async move {
                let arn_ref = &arn;
                let policy = guarded(policy_breaker, async move {
                    let _place = gate.enter().await;
                    match lambda_ref.get_policy().function_name(arn_ref).send().await {
                        Ok(p) => Ok(Some(wire::GetPolicy {
                            policy: p.policy().unwrap_or_default().to_string(),
                        })),
                        Err(e) => {
                            let e = classify(&e);
                            if e.is_not_found() { Ok(None) } else { Err(e) }
                        }
                    }
                })
                .await;
                let url = guarded(url_breaker, async move {
                    let _place = gate.enter().await;
                    match lambda_ref
                        .get_function_url_config()
                        .function_name(arn_ref)
                        .send()
                        .await
                    {
                        Ok(u) => Ok(Some(wire::FunctionUrlConfig {
                            function_url: u.function_url().to_string(),
                            auth_type: u.auth_type().as_str().to_string(),
                        })),
                        Err(e) => {
                            let e = classify(&e);
                            if e.is_not_found() { Ok(None) } else { Err(e) }
                        }
                    }
                })
                .await;
                (arn, policy, url)
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect()
            .await;
        let mut policy_errors = Vec::new();
        let mut url_errors = Vec::new();
        for (arn, policy, url) in per_function {
            data.policies.insert(
                arn.clone(),
                match policy {
                    Ok(Some(p)) => Fetched::Found(p),
                    Ok(None) => Fetched::Absent,
                    Err(e) => {
                        policy_errors.push((arn.clone(), e));
                        Fetched::NotRead
                    }
                },
            );
            data.urls.insert(
                arn.clone(),
                match url {
                    Ok(Some(u)) => Fetched::Found(u),
                    Ok(None) => Fetched::Absent,
                    Err(e) => {
                        url_errors.push((arn, e));
                        Fetched::NotRead
                    }
                },
            );
        }
        let n = data.functions.len();
        cov.push(per_call_coverage(
            self,
            region,
            "lambda:GetPolicy",
            n,
            &policy_errors,
        ));
        cov.push(per_call_coverage(
            self,
            region,
            "lambda:GetFunctionUrlConfig",
            n,
            &url_errors,
        ));

        // Event source mappings, region-wide.
        let mut pages = lambda
            .list_event_source_mappings()
            .max_items(10_000)
            .into_paginator()
            .send();
        let mut ok = true;
        let mut tokens = PageTokens::default();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                data.event_source_mappings.extend(
                    p.event_source_mappings()
                        .iter()
                        .map(convert::event_source_mapping),
                );
                tokens.next(p.next_marker())
            });
            if let Err(e) = read {
                cov.push(self.coverage(
                    Some(region),
                    "lambda:ListEventSourceMappings",
                    e.status,
                    e.message,
                ));
                ok = false;
                break;
            }
        }
        if ok {
            cov.push(self.coverage(
                Some(region),
                "lambda:ListEventSourceMappings",
                CoverageStatus::Complete,
                format!("{} mappings", data.event_source_mappings.len()),
            ));
        }

        // Code signing: the region's configs, then which functions use each (fewer calls than per function).
        data.code_signing = self.code_signing(&lambda, region, &mut cov).await;

        // EventBridge.
        data.rules = self.rules(&events, &events_gate, region, &mut cov).await;
        (data, cov)
    }

    async fn code_signing(
        &self,
        lambda: &aws_sdk_lambda::Client,
        region: &str,
        cov: &mut Vec<Coverage>,
    ) -> Option<BTreeMap<String, wire::CodeSigningConfig>> {
        let mut configs = Vec::new();
        let mut pages = lambda
            .list_code_signing_configs()
            .max_items(10_000)
            .into_paginator()
            .send();
        let mut tokens = PageTokens::default();
        while let Some(page) = pages.next().await {
            let read =
                page.map_err(|e| classify(&e)).and_then(|p| {
                    configs.extend(p.code_signing_configs().iter().map(|c| {
                        wire::CodeSigningConfig {
                            code_signing_config_arn: c.code_signing_config_arn().to_string(),
                            code_signing_policies: c.code_signing_policies().map(|p| {
                                wire::CodeSigningPolicies {
                                    untrusted_artifact_on_deployment: p
                                        .untrusted_artifact_on_deployment()
                                        .map(|v| v.as_str().to_string()),
                                }
                            }),
                        }
                    }));
                    tokens.next(p.next_marker())
                });
            if let Err(e) = read {
                cov.push(self.coverage(
                    Some(region),
                    "lambda:ListCodeSigningConfigs",
                    e.status,
                    format!("{}; code-signing enforcement unknown", e.message),
                ));
                return None;
            }
        }
        cov.push(self.coverage(
            Some(region),
            "lambda:ListCodeSigningConfigs",
            CoverageStatus::Complete,
            format!("{} code-signing configs", configs.len()),
        ));
        let mut out = BTreeMap::new();
        for c in configs {
            let mut pages = lambda
                .list_functions_by_code_signing_config()
                .code_signing_config_arn(&c.code_signing_config_arn)
                .into_paginator()
                .send();
            let mut tokens = PageTokens::default();
            while let Some(page) = pages.next().await {
                let read = page.map_err(|e| classify(&e)).and_then(|p| {
                    for arn in p.function_arns() {
                        out.insert(arn.clone(), c.clone());
                    }
                    tokens.next(p.next_marker())
                });
                if let Err(e) = read {
                    cov.push(self.coverage(
                        Some(region),
                        "lambda:ListFunctionsByCodeSigningConfig",
                        e.status,
                        format!(
                            "{} for `{}`; code-signing enforcement unknown",
                            e.message, c.code_signing_config_arn
                        ),
                    ));
                    return None;
                }
            }
        }
        Some(out)
    }

    async fn rules(
        &self,
        events: &aws_sdk_eventbridge::Client,
        gate: &Gate,
        region: &str,
        cov: &mut Vec<Coverage>,
    ) -> Vec<(wire::Rule, Option<Vec<wire::RuleTarget>>)> {
        // Buses (EventBridge has no SDK paginators: loop on NextToken).
        let mut buses = Vec::new();
        let mut token: Option<String> = None;
        let mut tokens = PageTokens::default();
        loop {
            let read = events
                .list_event_buses()
                .limit(100)
                .set_next_token(token.clone())
                .send()
                .await
                .map_err(|e| classify(&e))
                .and_then(|p| {
                    buses.extend(
                        p.event_buses()
                            .iter()
                            .filter_map(|b| b.name().map(str::to_string)),
                    );
                    tokens.next(p.next_token())
                });
            match read {
                Ok(Some(next)) => token = Some(next),
                Ok(None) => break,
                Err(e) => {
                    cov.push(self.coverage(
                        Some(region),
                        "events:ListEventBuses",
                        e.status,
                        format!("{}; only the default bus was read", e.message),
                    ));
                    buses = vec!["default".to_string()];
                    break;
                }
            }
        }
        if buses.is_empty() {
            buses.push("default".into());
        }
        let mut rules = Vec::new();
        let mut rule_errors = Vec::new();
        for bus in &buses {
            let mut token: Option<String> = None;
            let mut tokens = PageTokens::default();
            loop {
                let read = events
                    .list_rules()
                    .event_bus_name(bus)
                    .limit(100)
                    .set_next_token(token.clone())
                    .send()
                    .await
                    .map_err(|e| classify(&e))
                    .and_then(|p| {
                        rules.extend(p.rules().iter().map(|r| convert::rule(r, bus)));
                        tokens.next(p.next_token())
                    });
                match read {
                    Ok(Some(next)) => token = Some(next),
                    Ok(None) => break,
                    Err(e) => {
                        rule_errors.push((bus.clone(), e));
                        break;
                    }
                }
            }
        }
        cov.push(per_call_coverage_named(
            self,
            region,
            "events:ListRules",
            "event buses",
            buses.len(),
            &rule_errors,
        ));
        let targets_breaker = self.breaker("events:ListTargetsByRule");
        let targets_breaker = &targets_breaker;
        let results: Vec<(wire::Rule, Result<Vec<wire::RuleTarget>, CallError>)> =
            stream::iter(rules)
                .map(|rule| async move {
                    if let Some(e) = targets_breaker.refuse() {
                        return (rule, Err(e));
                    }
                    let mut targets = Vec::new();
                    let mut token: Option<String> = None;
                    let mut tokens = PageTokens::default();
                    loop {
                        let _place = gate.enter().await;
                        let read = events
                            .list_targets_by_rule()
                            .rule(&rule.name)
                            .event_bus_name(rule.event_bus_name.as_deref().unwrap_or("default"))
                            .limit(100)
                            .set_next_token(token.clone())
                            .send()
                            .await
                            .map_err(|e| classify(&e))
                            .and_then(|p| {
                                targets.extend(p.targets().iter().map(|t| wire::RuleTarget {
                                    id: t.id().to_string(),
                                    arn: t.arn().to_string(),
                                    role_arn: t.role_arn().map(str::to_string),
                                }));
                                tokens.next(p.next_token())
                            });
                        match read {
                            Ok(Some(next)) => token = Some(next),
                            Ok(None) => break,
                            Err(e) => {
                                trip(targets_breaker, &e);
                                return (rule, Err(e));
                            }
                        }
                    }
                    targets_breaker.success();
                    (rule, Ok(targets))
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
        let n = results.len();
        let mut out = Vec::new();
        let mut target_errors = Vec::new();
        for (rule, targets) in results {
            match targets {
                Ok(t) => out.push((rule, Some(t))),
                Err(e) => {
                    target_errors.push((rule.arn.clone(), e));
                    out.push((rule, None));
                }
            }
        }
        cov.push(per_call_coverage_named(
            self,
            region,
            "events:ListTargetsByRule",
            "rules",
            n,
            &target_errors,
        ));
        out.sort_by(|a, b| a.0.arn.cmp(&b.0.arn));
        out
    }

    /// CloudTrail management events the detections read, `since` back from now (`LookupEvents` keeps
    /// 90 days): Lambda and EventBridge calls in every scanned region, IAM calls in us-east-1 (where
    /// the global service's events are recorded). One attribute per query is all the API allows, so
    /// one query per event source; pages are followed to the end. Invocations are data events, which
    /// `LookupEvents` does not return: give trail files with `--logs` for those.
    pub async fn audit_log(
        &self,
        regions: &[String],
        since: chrono::Duration,
    ) -> (
        Vec<fnscope_snapshot::AuditEvent>,
        Vec<fnscope_snapshot::LogWindow>,
        Vec<Coverage>,
    ) {
        use aws_sdk_cloudtrail::types::{LookupAttribute, LookupAttributeKey};
        let to = chrono::Utc::now();
        let from = to - since;
        let mut queries: Vec<(String, &str)> = Vec::new();
        for r in regions {
            queries.push((r.clone(), "lambda.amazonaws.com"));
            queries.push((r.clone(), "events.amazonaws.com"));
        }
        queries.push(("us-east-1".to_string(), "iam.amazonaws.com"));
        type Lookup<'s> = (String, &'s str, Result<Vec<serde_json::Value>, CallError>);
        let results: Vec<Lookup<'_>> = stream::iter(queries)
            .map(|(region, source)| async move {
                // LookupEvents allows 2 calls a second per account and region: one limiter for both queries.
                let client = aws_sdk_cloudtrail::Client::from_conf(
                    aws_sdk_cloudtrail::config::Builder::from(&self.regional(&region))
                        .retry_classifier(super::errors::MalformedAnswer)
                        .retry_partition(self.limits("cloudtrail", &region))
                        .build(),
                );
                let attr = LookupAttribute::builder()
                    .attribute_key(LookupAttributeKey::EventSource)
                    .attribute_value(source)
                    .build();
                let mut out = Vec::new();
                let res = async {
                    let attr = attr.map_err(|e| CallError {
                        status: CoverageStatus::Failed,
                        message: e.to_string(),
                        code: None,
                    })?;
                    let mut pages = client
                        .lookup_events()
                        .lookup_attributes(attr)
                        .start_time(aws_smithy_types::DateTime::from_secs(from.timestamp()))
                        .end_time(aws_smithy_types::DateTime::from_secs(to.timestamp()))
                        .max_results(50)
                        .into_paginator()
                        .send();
                    let mut tokens = PageTokens::default();
                    while let Some(page) = pages.next().await {
                        let page = page.map_err(|e| classify(&e))?;
                        tokens.next(page.next_token())?;
                        for e in page.events() {
                            let raw = e.cloud_trail_event().unwrap_or_default();
                            match serde_json::from_str::<serde_json::Value>(raw) {
                                Ok(v) => out.push(v),
                                Err(err) => {
                                    return Err(CallError {
                                        status: CoverageStatus::Failed,
                                        message: format!(
                                            "event {}: `CloudTrailEvent` is not JSON: {err}",
                                            e.event_id().unwrap_or("?")
                                        ),
                                        code: None,
                                    });
                                }
                            }
                        }
                    }
                    Ok(out)
                }
                .await;
                (region, source, res)
            })
            .buffer_unordered(self.opts.region_concurrency.max(1))
            .collect()
            .await;
        let mut coverage = Vec::new();
        let mut records = Vec::new();
        let mut complete = true;
        let mut sorted = results;
        sorted.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        for (region, source, res) in sorted {
            match res {
                Ok(v) => {
                    coverage.push(self.coverage(
                        Some(&region),
                        "cloudtrail:LookupEvents",
                        CoverageStatus::Complete,
                        format!(
                            "{} {source} events since {}",
                            v.len(),
                            from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                        ),
                    ));
                    records.extend(v);
                }
                Err(e) => {
                    complete = false;
                    coverage.push(self.coverage(
                        Some(&region),
                        "cloudtrail:LookupEvents",
                        e.status,
                        format!("{source}: {}", e.message),
                    ));
                }
            }
        }
        if !complete && records.is_empty() {
            return (Vec::new(), Vec::new(), coverage);
        }
        match crate::logs::reduce_api(
            Provider::Aws,
            &self.account_id,
            (from, to),
            "cloudtrail:LookupEvents",
            &records,
        ) {
            Ok((events, windows)) => (events, windows, coverage),
            Err(m) => {
                coverage.push(self.coverage(
                    None,
                    "cloudtrail:LookupEvents",
                    CoverageStatus::Failed,
                    m,
                ));
                (Vec::new(), Vec::new(), coverage)
            }
        }
    }

    /// A circuit breaker for per-item calls of `api` (one region or the account).
    fn breaker(&self, api: &str) -> Breaker<CallError> {
        Breaker::new(api, self.opts.breaker_after)
    }

    /// Generates and reads IAM last-accessed reports (action level) for `principals`, bounded and polled.
    pub async fn last_accessed(
        &self,
        principals: &[String],
        progress: &dyn Progress,
    ) -> (Vec<(String, wire::ServiceLastAccessed)>, Vec<Coverage>) {
        let client = self.iam_client();
        progress.phase(
            "aws: IAM last-accessed reports",
            Some(principals.len() as u64),
        );
        let client_ref = &client;
        let breaker = self.breaker("iam:GenerateServiceLastAccessedDetails");
        let breaker = &breaker;
        let results: Vec<(String, Result<wire::ServiceLastAccessed, CallError>)> =
            stream::iter(principals.iter().cloned())
                .map(|arn| async move {
                    let r = guarded(breaker, self.one_last_accessed(client_ref, &arn)).await;
                    progress.advance(1);
                    (arn, r)
                })
                .buffer_unordered(self.opts.concurrency.clamp(1, 8))
                .collect()
                .await;
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for (arn, r) in results {
            match r {
                Ok(report) => ok.push((arn, report)),
                Err(e) => errors.push((arn, e)),
            }
        }
        let cov = vec![per_call_coverage_named(
            self,
            "",
            "iam:GetServiceLastAccessedDetails",
            "principals",
            principals.len(),
            &errors,
        )];
        ok.sort_by(|a, b| a.0.cmp(&b.0));
        (ok, cov)
    }

    async fn one_last_accessed(
        &self,
        client: &aws_sdk_iam::Client,
        arn: &str,
    ) -> Result<wire::ServiceLastAccessed, CallError> {
        let job = client
            .generate_service_last_accessed_details()
            .arn(arn)
            .granularity(aws_sdk_iam::types::AccessAdvisorUsageGranularityType::ActionLevel)
            .send()
            .await
            .map_err(|e| classify(&e))?;
        let job_id = job.job_id().unwrap_or_default().to_string();
        let started = tokio::time::Instant::now();
        let mut delay = Duration::from_millis(200);
        loop {
            let mut report = wire::ServiceLastAccessed::default();
            let mut marker: Option<String> = None;
            let mut tokens = PageTokens::default();
            let mut status;
            loop {
                let page = client
                    .get_service_last_accessed_details()
                    .job_id(&job_id)
                    .set_marker(marker.clone())
                    .send()
                    .await
                    .map_err(|e| classify(&e))?;
                status = page.job_status().as_str().to_string();
                if status != "COMPLETED" {
                    break;
                }
                report.job_completion_date = convert::time(page.job_completion_date());
                report.services_last_accessed.extend(
                    page.services_last_accessed()
                        .iter()
                        .map(convert::service_access),
                );
                marker = tokens.next(page.is_truncated().then(|| page.marker()).flatten())?;
                if marker.is_none() {
                    break;
                }
            }
            match status.as_str() {
                "COMPLETED" => {
                    report.job_status = Some(status);
                    return Ok(report);
                }
                "FAILED" => {
                    return Err(CallError {
                        status: CoverageStatus::Failed,
                        code: None,
                        message: format!("the last-accessed job for `{arn}` failed"),
                    });
                }
                _ => {}
            }
            if started.elapsed() > self.opts.last_accessed_timeout {
                return Err(CallError {
                    status: CoverageStatus::Failed,
                    code: None,
                    message: format!(
                        "the last-accessed job for `{arn}` did not complete within {}s",
                        self.opts.last_accessed_timeout.as_secs()
                    ),
                });
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }
}

/// A per-resource read: found, absent (not-found answer), or failed.
type Lookup<T> = Result<Option<T>, CallError>;

/// Follows a listing's page tokens and refuses a token the service hands back when asked with it: the
/// SDK's paginators stop there silently (a listing that looks complete), a hand loop would page for
/// ever. Feed it every page's next token, in order.
#[derive(Debug, Default)]
struct PageTokens {
    asked: Option<String>,
    pages: usize,
}

impl PageTokens {
    /// The token to ask the next page with (`None`: that was the last page), or a `partial` error
    /// when the page repeated the token it was asked with.
    fn next(&mut self, next: Option<&str>) -> Result<Option<String>, CallError> {
        self.pages += 1;
        let next = next.filter(|t| !t.is_empty()).map(str::to_string);
        if next.is_some() && next == self.asked {
            return Err(CallError {
                status: CoverageStatus::Partial,
                code: None,
                message: format!(
                    "the page token repeated on page {}; the listing stopped there and may be incomplete",
                    self.pages
                ),
            });
        }
        self.asked.clone_from(&next);
        Ok(next)
    }
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

/// SDK type → wire struct conversions.
mod convert {
    use aws_smithy_types::DateTime;
    use aws_smithy_types::date_time::Format;
    use serde_json::Value;

    use super::super::wire;

    pub fn time(t: &DateTime) -> Option<String> {
        t.fmt(Format::DateTime).ok()
    }

    pub fn function(
        f: &aws_sdk_lambda::types::FunctionConfiguration,
    ) -> Option<wire::FunctionConfiguration> {
        Some(wire::FunctionConfiguration {
            function_name: f.function_name()?.to_string(),
            function_arn: f.function_arn()?.to_string(),
            runtime: f.runtime().map(|r| r.as_str().to_string()),
            role: f.role().map(str::to_string),
            handler: f.handler().map(str::to_string),
            code_sha256: f.code_sha256().map(str::to_string),
            last_modified: f.last_modified().map(str::to_string),
            environment: f.environment().map(|e| wire::FunctionEnvironment {
                // Values are looked at once for the secret verdict and dropped here.
                variables: wire::EnvVars::from_pairs(
                    e.variables()
                        .into_iter()
                        .flatten()
                        .map(|(k, v)| (k.as_str(), v.as_str())),
                ),
            }),
            architectures: f
                .architectures()
                .iter()
                .map(|a| a.as_str().to_string())
                .collect(),
            layers: f
                .layers()
                .iter()
                .filter_map(|l| l.arn().map(|a| wire::Layer { arn: a.to_string() }))
                .collect(),
            package_type: f.package_type().map(|p| p.as_str().to_string()),
            state: f.state().map(|s| s.as_str().to_string()),
            kms_key_arn: f.kms_key_arn().map(str::to_string),
        })
    }

    pub fn event_source_mapping(
        m: &aws_sdk_lambda::types::EventSourceMappingConfiguration,
    ) -> wire::EventSourceMapping {
        wire::EventSourceMapping {
            uuid: m.uuid().unwrap_or_default().to_string(),
            event_source_arn: m.event_source_arn().map(str::to_string),
            function_arn: m.function_arn().map(str::to_string),
            state: m.state().map(str::to_string),
        }
    }

    pub fn rule(r: &aws_sdk_eventbridge::types::Rule, bus: &str) -> wire::Rule {
        wire::Rule {
            name: r.name().unwrap_or_default().to_string(),
            arn: r.arn().unwrap_or_default().to_string(),
            event_pattern: r.event_pattern().map(str::to_string),
            state: r.state().map(|s| s.as_str().to_string()),
            schedule_expression: r.schedule_expression().map(str::to_string),
            event_bus_name: Some(r.event_bus_name().unwrap_or(bus).to_string()),
            managed_by: r.managed_by().map(str::to_string),
        }
    }

    pub fn service_access(s: &aws_sdk_iam::types::ServiceLastAccessed) -> wire::ServiceAccess {
        wire::ServiceAccess {
            service_namespace: s.service_namespace().to_string(),
            last_authenticated: s.last_authenticated().and_then(time),
            tracked_actions_last_accessed: s
                .tracked_actions_last_accessed()
                .iter()
                .map(|a| wire::ActionAccess {
                    action_name: a.action_name().unwrap_or_default().to_string(),
                    last_accessed_time: a.last_accessed_time().and_then(time),
                })
                .collect(),
        }
    }

    fn doc(d: Option<&str>) -> Value {
        Value::String(d.unwrap_or_default().to_string())
    }

    fn attached(list: &[aws_sdk_iam::types::AttachedPolicy]) -> Vec<wire::AttachedPolicy> {
        list.iter()
            .filter_map(|a| {
                Some(wire::AttachedPolicy {
                    policy_name: a.policy_name().map(str::to_string),
                    policy_arn: a.policy_arn()?.to_string(),
                })
            })
            .collect()
    }

    fn inline(list: &[aws_sdk_iam::types::PolicyDetail]) -> Vec<wire::PolicyDetail> {
        list.iter()
            .map(|p| wire::PolicyDetail {
                policy_name: p.policy_name().unwrap_or_default().to_string(),
                policy_document: doc(p.policy_document()),
            })
            .collect()
    }

    fn boundary(
        b: Option<&aws_sdk_iam::types::AttachedPermissionsBoundary>,
    ) -> Option<wire::PermissionsBoundary> {
        b.map(|b| wire::PermissionsBoundary {
            permissions_boundary_arn: b.permissions_boundary_arn().map(str::to_string),
        })
    }

    pub fn auth_details(
        p: &aws_sdk_iam::operation::get_account_authorization_details::GetAccountAuthorizationDetailsOutput,
    ) -> wire::AuthorizationDetails {
        wire::AuthorizationDetails {
            user_detail_list: p
                .user_detail_list()
                .iter()
                .filter_map(|u| {
                    Some(wire::UserDetail {
                        user_name: u.user_name()?.to_string(),
                        arn: u.arn()?.to_string(),
                        path: u.path().map(str::to_string),
                        user_id: u.user_id().map(str::to_string),
                        create_date: u.create_date().and_then(time),
                        group_list: u.group_list().to_vec(),
                        user_policy_list: inline(u.user_policy_list()),
                        attached_managed_policies: attached(u.attached_managed_policies()),
                        permissions_boundary: boundary(u.permissions_boundary()),
                    })
                })
                .collect(),
            group_detail_list: p
                .group_detail_list()
                .iter()
                .filter_map(|g| {
                    Some(wire::GroupDetail {
                        group_name: g.group_name()?.to_string(),
                        arn: g.arn()?.to_string(),
                        path: g.path().map(str::to_string),
                        group_id: g.group_id().map(str::to_string),
                        create_date: g.create_date().and_then(time),
                        group_policy_list: inline(g.group_policy_list()),
                        attached_managed_policies: attached(g.attached_managed_policies()),
                    })
                })
                .collect(),
            role_detail_list: p
                .role_detail_list()
                .iter()
                .filter_map(|r| {
                    Some(wire::RoleDetail {
                        role_name: r.role_name()?.to_string(),
                        arn: r.arn()?.to_string(),
                        path: r.path().map(str::to_string),
                        role_id: r.role_id().map(str::to_string),
                        create_date: r.create_date().and_then(time),
                        assume_role_policy_document: r
                            .assume_role_policy_document()
                            .map(|d| Value::String(d.to_string())),
                        role_policy_list: inline(r.role_policy_list()),
                        attached_managed_policies: attached(r.attached_managed_policies()),
                        permissions_boundary: boundary(r.permissions_boundary()),
                        role_last_used: r.role_last_used().map(|u| wire::RoleLastUsed {
                            last_used_date: u.last_used_date().and_then(time),
                        }),
                    })
                })
                .collect(),
            policies: p
                .policies()
                .iter()
                .filter_map(|m| {
                    Some(wire::ManagedPolicyDetail {
                        policy_name: m.policy_name()?.to_string(),
                        arn: m.arn()?.to_string(),
                        default_version_id: m.default_version_id().map(str::to_string),
                        policy_version_list: m
                            .policy_version_list()
                            .iter()
                            .map(|v| wire::PolicyVersion {
                                document: v.document().map(|d| Value::String(d.to_string())),
                                version_id: v.version_id().map(str::to_string),
                                is_default_version: v.is_default_version(),
                            })
                            .collect(),
                    })
                })
                .collect(),
            is_truncated: p.is_truncated(),
            marker: p.marker().map(str::to_string),
        }
    }
}
