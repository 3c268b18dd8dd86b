//! Logs read straight from a bucket (a CloudTrail trail's S3 objects, a Cloud Storage log sink's
//! files): what the two share. Objects are listed by day folder, fetched `concurrency` at a time and
//! handed to [`BlobReader`] as they arrive (bounded memory), read again when the logs need a second
//! pass, and every object that broke off or held no known log becomes a record naming it.

use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use fnscope_snapshot::{Coverage, CoverageStatus};
use futures::StreamExt;
use futures::stream;

use super::read::{BlobReader, LogSet};
use crate::kit::CallError;
use crate::progress::Progress;

/// Where logs are in a bucket: `s3://BUCKET[/PREFIX]` (`--aws-trail`) or `gs://BUCKET[/PREFIX]`
/// (`--gcp-log-bucket`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketUrl {
    /// `s3` or `gs`.
    pub scheme: &'static str,
    pub bucket: String,
    /// With a trailing `/`, or empty.
    pub prefix: String,
}

impl BucketUrl {
    /// `scheme://BUCKET[/PREFIX]` as `option` takes it, or why not. Bucket names are held to the
    /// store's characters (so they are URL-safe as they are): S3's 3 to 63 of lower-case letters,
    /// digits, `-` and `.`; Cloud Storage's 3 to 222, `_` too.
    pub fn parse(url: &str, scheme: &'static str, option: &str) -> Result<BucketUrl, String> {
        let (max, store, underscore) = if scheme == "gs" {
            (222, "a Cloud Storage", true)
        } else {
            (63, "an S3", false)
        };
        let rest = url
            .strip_prefix(&format!("{scheme}://"))
            .ok_or_else(|| format!("{option} `{url}`: expected {scheme}://BUCKET[/PREFIX]"))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let valid = (3..=max).contains(&bucket.len())
            && bucket.chars().all(|c| {
                c.is_ascii_lowercase()
                    || c.is_ascii_digit()
                    || matches!(c, '-' | '.')
                    || (underscore && c == '_')
            });
        if !valid {
            return Err(format!(
                "{option} `{url}`: `{bucket}` is not {store} bucket name"
            ));
        }
        let prefix = prefix.trim_matches('/');
        Ok(BucketUrl {
            scheme,
            bucket: bucket.to_string(),
            prefix: if prefix.is_empty() {
                String::new()
            } else {
                format!("{prefix}/")
            },
        })
    }

    /// The URL of the object `key`.
    pub fn url(&self, key: &str) -> String {
        format!("{}://{}/{key}", self.scheme, self.bucket)
    }
}

/// The day folders (`YYYY/MM/DD`) from `from` to `to`, both included.
pub fn day_folders(from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<String> {
    let mut out = Vec::new();
    let mut d: NaiveDate = from.date_naive();
    while d <= to.date_naive() {
        out.push(d.format("%Y/%m/%d").to_string());
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// Lists every folder of `prefixes`, `concurrency` at a time: the object names, sorted, and when
/// some folders could not be listed, the status and words of their record (the first one named).
async fn list_folders<F, Fut>(
    prefixes: Vec<String>,
    at: &BucketUrl,
    list: F,
    concurrency: usize,
) -> (Vec<String>, Option<(CoverageStatus, String)>)
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<Vec<String>, CallError>>,
{
    let listed: Vec<(String, Result<Vec<String>, CallError>)> = stream::iter(prefixes)
        .map(|p| {
            let listing = list(p.clone());
            async move { (p, listing.await) }
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    let mut names = Vec::new();
    let mut unlisted: Vec<(String, CallError)> = Vec::new();
    for (p, r) in listed {
        match r {
            Ok(n) => names.extend(n),
            Err(e) => unlisted.push((p, e)),
        }
    }
    names.sort();
    unlisted.sort_by(|a, b| a.0.cmp(&b.0));
    let record = unlisted.first().map(|(p, e)| {
        (
            e.status,
            format!(
                "{} of the day folders could not be listed; first: {}: {}",
                unlisted.len(),
                at.url(p),
                e.message
            ),
        )
    });
    (names, record)
}

/// Fetches every object of `names` (`url` names one in records) and reads it, twice when the logs
/// need it.
async fn read_objects<F, Fut>(
    names: &[String],
    url: impl Fn(&str) -> String,
    fetch: F,
    concurrency: usize,
    progress: &dyn Progress,
) -> LogSet
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = Result<Vec<u8>, CallError>>,
{
    let get = |name: &String| {
        let got = fetch(name.clone());
        let at = url(name);
        async move { (at, got.await) }
    };
    let mut reader = BlobReader::default();
    progress.phase("reading the log files", Some(names.len() as u64));
    let mut got = stream::iter(names).map(get).buffered(concurrency.max(1));
    while let Some((at, r)) = got.next().await {
        match r {
            Ok(bytes) => reader.first(&at, &bytes),
            Err(e) => reader.lost(&at, e.message),
        }
        progress.advance(1);
    }
    drop(got);
    if reader.needs_second_pass() {
        let again: Vec<String> = names
            .iter()
            .filter(|n| reader.wants_again(&url(n)))
            .cloned()
            .collect();
        progress.phase(
            "reading the log files again (events that complete a sequence)",
            Some(again.len() as u64),
        );
        let mut got = stream::iter(&again).map(get).buffered(concurrency.max(1));
        while let Some((at, r)) = got.next().await {
            match r {
                Ok(bytes) => reader.second(&at, &bytes),
                Err(e) => reader.lost(&at, e.message),
            }
            progress.advance(1);
        }
    }
    reader.finish()
}

/// A bucket of `log` files read whole: every folder of `prefixes` listed, every object read (twice
/// when the logs need it), and the records in order: folders not listed, the summary (`summary`
/// of the objects and the events kept; failed when no object was found), each object not read.
#[allow(
    clippy::too_many_arguments,
    reason = "the two readers' differences, each one argument"
)]
pub async fn read_bucket<L, LF, G, GF>(
    prefixes: Vec<String>,
    at: &BucketUrl,
    list: L,
    fetch: G,
    concurrency: usize,
    progress: &dyn Progress,
    log: &str,
    summary: impl FnOnce(usize, usize) -> String,
    record: impl Fn(CoverageStatus, String) -> Coverage,
) -> (LogSet, Vec<Coverage>)
where
    L: Fn(String) -> LF,
    LF: Future<Output = Result<Vec<String>, CallError>>,
    G: Fn(String) -> GF,
    GF: Future<Output = Result<Vec<u8>, CallError>>,
{
    let (names, unlisted) = list_folders(prefixes, at, list, concurrency).await;
    let mut coverage: Vec<Coverage> = unlisted
        .into_iter()
        .map(|(status, detail)| record(status, detail))
        .collect();
    let set = read_objects(&names, |n| at.url(n), fetch, concurrency, progress).await;
    coverage.push(record(
        if names.is_empty() {
            CoverageStatus::Failed
        } else {
            CoverageStatus::Complete
        },
        summary(names.len(), set.events.len()),
    ));
    coverage.extend(object_records(&set, log, record));
    (set, coverage)
}

/// A record for each object that could not be read whole or held no record of `log`.
fn object_records(
    set: &LogSet,
    log: &str,
    record: impl Fn(CoverageStatus, String) -> Coverage,
) -> Vec<Coverage> {
    let failed = set.failed.iter().map(|f| {
        record(
            if f.broken {
                CoverageStatus::Failed
            } else {
                CoverageStatus::Partial
            },
            format!("`{}`: {}", f.path.display(), f.message),
        )
    });
    let unknown = set.unrecognised.iter().map(|u| {
        record(
            CoverageStatus::Failed,
            format!("`{}` holds no {log} record: not read", u.display()),
        )
    });
    failed.chain(unknown).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_urls_are_parsed_or_refused() {
        let t = BucketUrl::parse("s3://org-trail-logs/audit/ct/", "s3", "--aws-trail").unwrap();
        assert_eq!(
            (t.bucket.as_str(), t.prefix.as_str()),
            ("org-trail-logs", "audit/ct/")
        );
        assert_eq!(t.url("k"), "s3://org-trail-logs/k");
        assert_eq!(
            BucketUrl::parse("gs://org_sink", "gs", "--gcp-log-bucket")
                .unwrap()
                .prefix,
            ""
        );
        for (bad, scheme) in [
            ("org-trail-logs", "s3"),
            ("s3://", "s3"),
            ("s3://Upper_Case/x", "s3"),
            ("s3://under_score", "s3"),
            ("https://b/x", "s3"),
            ("gs://Bad Bucket", "gs"),
            ("s3://b", "gs"),
        ] {
            let e = BucketUrl::parse(bad, scheme, "--opt").unwrap_err();
            assert!(e.starts_with(&format!("--opt `{bad}`")), "{e}");
        }
    }

    #[test]
    fn the_window_is_every_day_folder_it_touches() {
        let to = DateTime::parse_from_rfc3339("2026-03-01T01:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            day_folders(to - chrono::Duration::hours(26), to),
            ["2026/02/27", "2026/02/28", "2026/03/01"]
        );
    }
}
