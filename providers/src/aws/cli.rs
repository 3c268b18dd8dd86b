//! `fnscope scan aws`: its command-line options and its live scan.

#[cfg(feature = "aws")]
use crate::CollectError;
#[cfg(feature = "aws")]
use crate::progress::Progress;
#[cfg(feature = "aws")]
use crate::scan::{Common, ProviderArgs, ProviderConfig};
#[cfg(feature = "aws")]
use fnscope_snapshot::Snapshot;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct AwsArgs {
    /// AWS regions to scan, comma-separated (default: every enabled region)
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "REGIONS",
        help_heading = "AWS"
    )]
    pub regions: Option<Vec<String>>,
    /// AWS: the named profile of ~/.aws/config or ~/.aws/credentials (default: AWS_PROFILE, else the
    /// default chain)
    #[arg(long, value_name = "NAME", help_heading = "AWS")]
    pub profile: Option<String>,
    /// AWS Organizations: scan every active member account by assuming this role in it (a name, with
    /// its path if it has one, e.g. `fnscope-readonly`); run with the management or a
    /// delegated-administrator account's credentials
    #[arg(long, value_name = "ROLE", help_heading = "AWS")]
    pub aws_org_role: Option<String>,
    /// With --aws-org-role: accounts scanned at once
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64), help_heading = "AWS")]
    pub max_parallel_accounts: u16,
    /// Do not generate IAM last-accessed reports (the unused-permission rule then reports not_evaluated)
    #[arg(long, help_heading = "AWS")]
    pub no_last_accessed: bool,
    /// With --since: read CloudTrail from the trail's files in this bucket (s3://BUCKET[/PREFIX], the
    /// trail's own or an organization trail's) instead of LookupEvents — minutes for 90 days of a busy
    /// account where LookupEvents takes hours, and data events (invocations) when the trail records them
    #[arg(long, value_name = "S3_URL", help_heading = "AWS")]
    pub aws_trail: Option<String>,
}

impl AwsArgs {
    /// Set options that only choose what a live scan reads.
    pub(crate) fn live_only_set(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.regions.is_some() {
            out.push("--regions chooses the regions a live AWS scan reads");
        }
        if self.profile.is_some() {
            out.push("--profile chooses the credentials of a live AWS scan");
        }
        if self.aws_trail.is_some() {
            out.push("--aws-trail chooses where a live AWS scan reads CloudTrail");
        }
        out
    }
}

#[cfg(feature = "aws")]
pub(crate) async fn scan(
    all: &ProviderArgs,
    common: &Common<'_>,
    _config: &ProviderConfig,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
) -> Result<(), CollectError> {
    use super::LiveOptions;
    let args = &all.aws;
    if let Some(p) = &args.profile {
        check_profile(p)?;
    }
    let trail = match &args.aws_trail {
        None => None,
        Some(_) if common.since.is_none() => {
            return Err(crate::scan::usage(
                "--aws-trail reads CloudTrail for the detections: give --since too (e.g. --since 90d)"
                    .into(),
            ));
        }
        Some(url) => {
            Some(super::TrailFiles::parse(url, "s3", "--aws-trail").map_err(crate::scan::usage)?)
        }
    };
    let opts = LiveOptions {
        regions: args.regions.clone(),
        concurrency: common.concurrency,
        max_attempts: common.max_attempts,
        // An organization scan shards by account, not by region.
        shard: common.shard.filter(|_| args.aws_org_role.is_none()),
        attempt_timeout: std::time::Duration::from_secs(common.call_timeout),
        call_timeout: std::time::Duration::from_secs(
            common
                .call_timeout
                .saturating_mul(u64::from(common.max_attempts))
                .max(180),
        ),
        stop_at: common.stop_at,
        profile: args.profile.clone(),
        ..LiveOptions::default()
    };
    progress.phase("aws: connecting", None);
    let session = super::Session::connect(opts).await?;
    tracing::info!(account = %session.account_id, "scanning AWS account");
    let plan = super::live::Plan {
        since: common.since,
        org_role: args.aws_org_role.clone(),
        shard: common.shard,
        parallel_accounts: usize::from(args.max_parallel_accounts),
        last_accessed: !args.no_last_accessed,
        trail,
    };
    super::live::scan_into(session, &plan, progress, snapshot, common.aws_candidates).await;
    Ok(())
}

/// A named AWS profile must be in the config or credentials file (where the AWS CLI looks: the
/// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE variables, else ~/.aws/config and ~/.aws/credentials).
#[cfg(feature = "aws")]
fn check_profile(name: &str) -> Result<(), CollectError> {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let file = |var: &str, rel: &str| {
        std::env::var_os(var)
            .map(std::path::PathBuf::from)
            .or_else(|| home.as_ref().map(|h| h.join(rel)))
    };
    let config = file("AWS_CONFIG_FILE", ".aws/config");
    let creds = file("AWS_SHARED_CREDENTIALS_FILE", ".aws/credentials");
    let has = |path: &Option<std::path::PathBuf>, headers: &[String]| {
        path.as_ref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .is_some_and(|t| {
                t.lines()
                    .map(str::trim)
                    .any(|l| headers.iter().any(|h| l == h))
            })
    };
    let in_config = has(&config, &[format!("[profile {name}]"), format!("[{name}]")]);
    let in_creds = has(&creds, &[format!("[{name}]")]);
    if in_config || in_creds {
        return Ok(());
    }
    let show = |p: &Option<std::path::PathBuf>| {
        p.as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| "(no home folder)".into())
    };
    Err(crate::scan::usage(format!(
        "--profile `{name}` is in neither {} nor {}",
        show(&config),
        show(&creds)
    )))
}

/// AWS credentials: the variables and files the SDK's default chain reads (never the instance
/// metadata service).
pub(crate) fn detect(
    _args: &crate::scan::ProviderArgs,
    m: &crate::scan::Machine<'_>,
) -> crate::scan::Detected {
    let source = m
        .first_set(&[
            "AWS_ACCESS_KEY_ID",
            "AWS_PROFILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        ])
        .or_else(|| m.file("AWS_SHARED_CREDENTIALS_FILE", m.at_home(".aws/credentials")))
        .or_else(|| m.file("AWS_CONFIG_FILE", m.at_home(".aws/config")));
    source.map_or(crate::scan::Detected::Nothing, crate::scan::Detected::Found)
}

/// The minimal read-only IAM policy: the collector's own list of calls.
pub(crate) fn permissions() -> Option<Result<String, String>> {
    #[cfg(feature = "aws")]
    {
        let policy = serde_json::json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Sid": "FnscopeReadOnly",
                "Effect": "Allow",
                "Action": super::READ_ONLY_ACTIONS,
                "Resource": "*"
            }, {
                "Sid": "FnscopeTrailFilesOnlyWithAwsTrail",
                "Effect": "Allow",
                "Action": super::TRAIL_ACTIONS,
                "Resource": ["arn:aws:s3:::TRAIL-BUCKET", "arn:aws:s3:::TRAIL-BUCKET/*"]
            }]
        });
        Some(
            serde_json::to_string_pretty(&policy)
                .map(|s| s + "\n")
                .map_err(|e| e.to_string()),
        )
    }
    #[cfg(not(feature = "aws"))]
    None
}
