//! CloudTrail from the trail's own files: the objects a trail delivers to its S3 bucket
//! (`<prefix>/AWSLogs/[<organization id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz`), listed
//! by day and region, fetched in parallel and read as they arrive through the same reader as `--logs`.
//! `LookupEvents` answers 50 events a call at 2 calls a second per region: 90 days of a busy region
//! take hours. The files hold the same records (and data events, when the trail records them), at
//! S3's rates.

use super::*;

use crate::logs::read::{BlobReader, LogSet};
use chrono::{Duration as Span, NaiveDate, Utc};
use fnscope_snapshot::{AuditEvent, LogWindow};

/// Where a trail delivers its files: `s3://BUCKET[/PREFIX]` (`--aws-trail`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailFiles {
    pub bucket: String,
    /// The trail's S3 key prefix, with a trailing `/` (empty when the trail has none).
    pub prefix: String,
}

impl TrailFiles {
    /// `s3://BUCKET[/PREFIX]`, or why not.
    pub fn parse(url: &str) -> Result<TrailFiles, String> {
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| format!("--aws-trail `{url}`: expected s3://BUCKET[/PREFIX]"))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let valid = (3..=63).contains(&bucket.len())
            && bucket
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
        if !valid {
            return Err(format!(
                "--aws-trail `{url}`: `{bucket}` is not an S3 bucket name"
            ));
        }
        let prefix = prefix.trim_matches('/');
        Ok(TrailFiles {
            bucket: bucket.to_string(),
            prefix: if prefix.is_empty() {
                String::new()
            } else {
                format!("{prefix}/")
            },
        })
    }

    fn url(&self, key: &str) -> String {
        format!("s3://{}/{key}", self.bucket)
    }
}

type AuditPart = (Vec<AuditEvent>, Vec<LogWindow>, Vec<Coverage>);

/// The day folders from `from` to `to`, both included.
fn days(from: chrono::DateTime<Utc>, to: chrono::DateTime<Utc>) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = from.date_naive();
    while d <= to.date_naive() {
        out.push(d);
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

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
        let region = match self.bucket_region(&trail.bucket).await {
            Ok(r) => r,
            Err(e) => {
                return (
                    Vec::new(),
                    Vec::new(),
                    vec![record(e.status, format!("{where_}: {}", e.message))],
                );
            }
        };
        let client = self.s3(&region);
        let folders = match self.trail_folders(&client, trail, account).await {
            Ok(f) if !f.is_empty() => f,
            Ok(_) => {
                return (
                    Vec::new(),
                    Vec::new(),
                    vec![record(
                        CoverageStatus::Failed,
                        format!(
                            "{where_}: no CloudTrail folder for account {account} under {}AWSLogs/: no event was read",
                            where_
                        ),
                    )],
                );
            }
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
        let mut day_prefixes = Vec::new();
        for f in &folders {
            for r in &wanted {
                for d in days(from, to) {
                    day_prefixes.push(format!("{f}{r}/{}/", d.format("%Y/%m/%d")));
                }
            }
        }
        progress.phase(
            &format!("aws: listing trail files ({} days)", days(from, to).len()),
            None,
        );
        let concurrency = self.opts.concurrency.max(1);
        let listed: Vec<(String, Result<Vec<String>, CallError>)> = stream::iter(day_prefixes)
            .map(|p| {
                let client = &client;
                let bucket = &trail.bucket;
                async move {
                    let r = Self::list_keys(client, bucket, &p, false).await;
                    (p, r)
                }
            })
            .buffer_unordered(concurrency)
            .collect()
            .await;
        let mut coverage = Vec::new();
        let mut keys = Vec::new();
        let mut unlisted: Vec<(String, CallError)> = Vec::new();
        for (p, r) in listed {
            match r {
                Ok(k) => keys.extend(k),
                Err(e) => unlisted.push((p, e)),
            }
        }
        keys.sort();
        unlisted.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some((p, e)) = unlisted.first() {
            coverage.push(record(
                e.status,
                format!(
                    "{} of the day folders could not be listed; first: {}: {}",
                    unlisted.len(),
                    trail.url(p),
                    e.message
                ),
            ));
        }
        let set = self.read_trail_files(&client, trail, &keys, progress).await;
        coverage.push(record(
            if keys.is_empty() {
                CoverageStatus::Failed
            } else {
                CoverageStatus::Complete
            },
            format!(
                "{} trail files of account {account} in {where_} for {} from {} ({} regions): {} events kept for the detections",
                keys.len(),
                wanted.join(", "),
                from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                wanted.len(),
                set.events.len()
            ),
        ));
        coverage.extend(set.failed.iter().map(|f| {
            record(
                if f.broken {
                    CoverageStatus::Failed
                } else {
                    CoverageStatus::Partial
                },
                format!("`{}`: {}", f.path.display(), f.message),
            )
        }));
        coverage.extend(set.unrecognised.iter().map(|u| {
            record(
                CoverageStatus::Failed,
                format!("`{}` holds no CloudTrail record: not read", u.display()),
            )
        }));
        (set.events, set.windows, coverage)
    }

    /// Fetches `keys` in parallel and reads each as it arrives, twice when the logs need it.
    async fn read_trail_files(
        &self,
        client: &aws_sdk_s3::Client,
        trail: &TrailFiles,
        keys: &[String],
        progress: &dyn Progress,
    ) -> LogSet {
        let concurrency = self.opts.concurrency.max(1);
        let fetch = |key: &String| {
            let key = key.clone();
            async move {
                let r = Self::get_object(client, &trail.bucket, &key).await;
                (trail.url(&key), r)
            }
        };
        let mut reader = BlobReader::default();
        progress.phase("aws: reading trail files", Some(keys.len() as u64));
        let mut got = stream::iter(keys).map(fetch).buffered(concurrency);
        while let Some((url, r)) = got.next().await {
            match r {
                Ok(bytes) => reader.first(&url, &bytes),
                Err(e) => reader.lost(&url, e.message),
            }
            progress.advance(1);
        }
        drop(got);
        if reader.needs_second_pass() {
            let again: Vec<String> = keys
                .iter()
                .filter(|k| reader.wants_again(&trail.url(k)))
                .cloned()
                .collect();
            progress.phase(
                "aws: reading trail files again (events that complete a sequence)",
                Some(again.len() as u64),
            );
            let mut got = stream::iter(&again).map(fetch).buffered(concurrency);
            while let Some((url, r)) = got.next().await {
                match r {
                    Ok(bytes) => reader.second(&url, &bytes),
                    Err(e) => reader.lost(&url, e.message),
                }
                progress.advance(1);
            }
        }
        reader.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trail_urls_are_parsed_or_refused() {
        assert_eq!(
            TrailFiles::parse("s3://org-trail-logs").unwrap(),
            TrailFiles {
                bucket: "org-trail-logs".into(),
                prefix: String::new()
            }
        );
        assert_eq!(
            TrailFiles::parse("s3://org-trail-logs/audit/ct/")
                .unwrap()
                .prefix,
            "audit/ct/"
        );
        for bad in [
            "org-trail-logs",
            "s3://",
            "s3://Upper_Case/x",
            "https://b/x",
        ] {
            assert!(TrailFiles::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_window_is_every_day_folder_it_touches() {
        let to = chrono::DateTime::parse_from_rfc3339("2026-03-01T01:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let d = days(to - Span::hours(26), to);
        let names: Vec<String> = d.iter().map(|d| d.format("%Y/%m/%d").to_string()).collect();
        assert_eq!(names, ["2026/02/27", "2026/02/28", "2026/03/01"]);
    }
}
