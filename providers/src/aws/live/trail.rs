//! CloudTrail from the trail's own files: the objects a trail delivers to its S3 bucket
//! (`<prefix>/AWSLogs/[<organization id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`), listed
//! by day and region, fetched in parallel and read as they arrive through the same reader as `--logs`.
//! `LookupEvents` answers 50 events a call at 2 calls a second per region: 90 days of a busy region
//! take hours. The files hold the same records (and data events, when the trail records them), at
//! S3's rates.

use super::*;

use crate::logs::bucket::{day_folders, read_bucket};
use chrono::{Duration as Span, Utc};
use fnscope_snapshot::{AuditEvent, LogWindow};

/// Where a trail delivers its files: `s3://BUCKET[/PREFIX]` (`--aws-trail`).
pub type TrailFiles = crate::logs::bucket::BucketUrl;

type AuditPart = (Vec<AuditEvent>, Vec<LogWindow>, Vec<Coverage>);

impl Session {
    fn s3(&self, region: &str) -> aws_sdk_s3::Client {
        aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&self.regional(region))
                // An endpoint of one's own (an emulator, a private endpoint) does not resolve
                // bucket names as host names.
                .force_path_style(self.config.endpoint_url().is_some())
                .retry_classifier(crate::aws::errors::MalformedAnswer)
                .retry_partition(self.limits("s3", region))
                .build(),
        )
    }

    /// The region the bucket is in (`HeadBucket` says it, even when asked in another region).
    async fn bucket_region(&self, bucket: &str) -> Result<String, CallError> {
        let home = self
            .config
            .region()
            .map(|r| r.to_string())
            .unwrap_or_else(|| "us-east-1".into());
        match self.s3(&home).head_bucket().bucket(bucket).send().await {
            Ok(out) => Ok(out.bucket_region().map(str::to_string).unwrap_or(home)),
            Err(e) => {
                let told = e
                    .raw_response()
                    .and_then(|r| r.headers().get("x-amz-bucket-region"))
                    .map(str::to_string);
                match told {
                    Some(r) => Ok(r),
                    None => Err(classify(&e)),
                }
            }
        }
    }

    /// Every key under `prefix` (paged to the end), or the folders just below it with `delimiter`.
    async fn list_keys(
        client: &aws_sdk_s3::Client,
        bucket: &str,
        prefix: &str,
        folders: bool,
    ) -> Result<Vec<String>, CallError> {
        let mut out = Vec::new();
        let mut req = client.list_objects_v2().bucket(bucket).prefix(prefix);
        if folders {
            req = req.delimiter("/");
        }
        let mut pages = req.into_paginator().send();
        let mut tokens = page_tokens();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| classify(&e))?;
            tokens.next(page.next_continuation_token())?;
            if folders {
                out.extend(
                    page.common_prefixes()
                        .iter()
                        .filter_map(|p| p.prefix().map(str::to_string)),
                );
            } else {
                out.extend(
                    page.contents()
                        .iter()
                        .filter_map(|o| o.key())
                        .filter(|k| k.ends_with(".json.gz") || k.ends_with(".json"))
                        .map(str::to_string),
                );
            }
        }
        Ok(out)
    }

    /// One object's bytes, refused past the answer cap.
    async fn get_object(
        client: &aws_sdk_s3::Client,
        bucket: &str,
        key: &str,
    ) -> Result<Vec<u8>, CallError> {
        let out = client
            .get_object()
            .bucket(bucket)
            .key(key)
            .send()
            .await
            .map_err(|e| classify(&e))?;
        let too_big = || CallError {
            status: CoverageStatus::Failed,
            message: format!(
                "larger than {} MiB: not read",
                crate::MAX_ANSWER_BYTES >> 20
            ),
            code: None,
        };
        if out
            .content_length()
            .is_some_and(|n| n > crate::MAX_ANSWER_BYTES as i64)
        {
            return Err(too_big());
        }
        let bytes = out.body.collect().await.map_err(|e| CallError {
            status: CoverageStatus::Failed,
            message: format!("the object broke off: {e}"),
            code: None,
        })?;
        let bytes = bytes.into_bytes();
        if bytes.len() > crate::MAX_ANSWER_BYTES {
            return Err(too_big());
        }
        Ok(bytes.to_vec())
    }

    /// The folders holding `account`'s CloudTrail files: `AWSLogs/<account>/CloudTrail/` for a trail
    /// of the account, `AWSLogs/<organization id>/<account>/CloudTrail/` for an organization trail.
    async fn trail_folders(
        &self,
        client: &aws_sdk_s3::Client,
        trail: &TrailFiles,
        account: &str,
    ) -> Result<Vec<String>, CallError> {
        let logs = format!("{}AWSLogs/", trail.prefix);
        let below = Self::list_keys(client, &trail.bucket, &logs, true).await?;
        let mut out = Vec::new();
        for folder in below {
            let name = folder[logs.len()..].trim_end_matches('/');
            if name == account {
                out.push(format!("{folder}CloudTrail/"));
            } else if name.starts_with("o-") {
                out.push(format!("{folder}{account}/CloudTrail/"));
            }
        }
        Ok(out)
    }

    /// CloudTrail records of `account` from the trail's files, `since` back from now, in `regions`
    /// and us-east-1 (where a trail delivers the global services' events, IAM's among them).
    pub async fn trail_log(
        &self,
        trail: &TrailFiles,
        account: &str,
        regions: &[String],
        since: Span,
        progress: &dyn Progress,
    ) -> AuditPart {
        const API: &str = "cloudtrail:trail-files";
        let to = Utc::now();
        let from = to - since;
        let record = |status: CoverageStatus, detail: String| Coverage {
            provider: Provider::Aws,
            target: account.to_string(),
            region: None,
            api: API.into(),
            status,
            detail,
        };
        let where_ = trail.url(&trail.prefix);
        let found = async {
            let region = self.bucket_region(&trail.bucket).await?;
            let client = self.s3(&region);
            let folders = self.trail_folders(&client, trail, account).await?;
            Ok::<_, CallError>((client, folders))
        }
        .await;
        let (client, folders) = match found {
            Ok((_, f)) if f.is_empty() => {
                return (
                    Vec::new(),
                    Vec::new(),
                    vec![record(
                        CoverageStatus::Failed,
                        format!(
                            "no CloudTrail folder for account {account} under {where_}AWSLogs/: no event was read"
                        ),
                    )],
                );
            }
            Ok(found) => found,
            Err(e) => {
                return (
                    Vec::new(),
                    Vec::new(),
                    vec![record(e.status, format!("{where_}: {}", e.message))],
                );
            }
        };
        let mut wanted: Vec<String> = regions.to_vec();
        if !wanted.iter().any(|r| r == "us-east-1") {
            wanted.push("us-east-1".into());
        }
        let days = day_folders(from, to);
        let mut day_prefixes = Vec::new();
        for f in &folders {
            for r in &wanted {
                for d in &days {
                    day_prefixes.push(format!("{f}{r}/{d}/"));
                }
            }
        }
        progress.phase(
            &format!("aws: listing trail files ({} days)", days.len()),
            None,
        );
        let client = &client;
        let (set, coverage) = read_bucket(
            day_prefixes,
            trail,
            |p| async move { Self::list_keys(client, &trail.bucket, &p, false).await },
            |k| async move { Self::get_object(client, &trail.bucket, &k).await },
            self.opts.concurrency,
            progress,
            "CloudTrail",
            |files, kept| {
                format!(
                    "{files} trail files of account {account} in {where_} for {} from {} ({} regions): {kept} events kept for the detections",
                    wanted.join(", "),
                    from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    wanted.len(),
                )
            },
            record,
        )
        .await;
        (set.events, set.windows, coverage)
    }
}
