//! Cloud Audit Logs from a log sink's bucket (`--gcp-log-bucket gs://BUCKET[/PREFIX]`): the files a
//! Cloud Storage sink writes (`LOG_ID/YYYY/MM/DD/HH:00:00_HH:59:59_S0.json`, one `LogEntry` a line),
//! listed by day for the admin-activity and data-access logs, fetched in parallel and read as they
//! arrive through the `--logs` reader. `entries.list` answers 60 calls a minute per project; the
//! sink's files are read at Cloud Storage's rates, and one organization sink serves every project
//! (each entry names its own).

use super::*;

use crate::logs::read::{BlobReader, LogSet};
use chrono::{Duration as Span, NaiveDate, Utc};
use fnscope_snapshot::{AuditEvent, LogWindow};
use futures::StreamExt;
use futures::stream;

/// The audit logs a sink writes, as folder names (the log id, its `/` kept).
const LOGS: [&str; 2] = [
    "cloudaudit.googleapis.com/activity",
    "cloudaudit.googleapis.com/data_access",
];

/// Where a log sink writes: `gs://BUCKET[/PREFIX]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinkBucket {
    pub bucket: String,
    /// With a trailing `/`, or empty.
    pub prefix: String,
}

impl SinkBucket {
    /// `gs://BUCKET[/PREFIX]`, or why not.
    pub fn parse(url: &str) -> Result<SinkBucket, String> {
        let rest = url
            .strip_prefix("gs://")
            .ok_or_else(|| format!("--gcp-log-bucket `{url}`: expected gs://BUCKET[/PREFIX]"))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let valid = (3..=222).contains(&bucket.len())
            && bucket.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')
            });
        if !valid {
            return Err(format!(
                "--gcp-log-bucket `{url}`: `{bucket}` is not a Cloud Storage bucket name"
            ));
        }
        let prefix = prefix.trim_matches('/');
        Ok(SinkBucket {
            bucket: bucket.to_string(),
            prefix: if prefix.is_empty() {
                String::new()
            } else {
                format!("{prefix}/")
            },
        })
    }

    fn url(&self, name: &str) -> String {
        format!("gs://{}/{name}", self.bucket)
    }
}

type AuditPart = (Vec<AuditEvent>, Vec<LogWindow>, Vec<Coverage>);

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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ObjectsPage {
    #[serde(default)]
    items: Vec<ObjectItem>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
struct ObjectItem {
    name: String,
}

impl Session {
    /// Every object name under `prefix`, paged to the end. (Bucket names are URL-safe as they are:
    /// [`SinkBucket::parse`] holds them to Cloud Storage's characters.)
    async fn gcs_names(&self, bucket: &str, prefix: &str) -> Result<Vec<String>, CallError> {
        let base = format!(
            "{}/storage/v1/b/{bucket}/o?prefix={}&fields=items(name),nextPageToken",
            self.opts.endpoints.storage,
            urlencode(prefix)
        );
        let mut out = Vec::new();
        let mut guard = crate::kit::Pages::new("page token", CoverageStatus::Failed);
        let mut url = base.clone();
        loop {
            let page: ObjectsPage = self.get(&url).await?;
            out.extend(page.items.into_iter().map(|o| o.name));
            match guard.next(page.next_page_token.as_deref())? {
                Some(t) => url = format!("{base}&pageToken={}", urlencode(&t)),
                None => return Ok(out),
            }
        }
    }

    /// One object's bytes.
    async fn gcs_object(&self, bucket: &str, name: &str) -> Result<Vec<u8>, CallError> {
        let url = format!(
            "{}/storage/v1/b/{bucket}/o/{}?alt=media",
            self.opts.endpoints.storage,
            urlencode(name)
        );
        crate::rest::call_raw(self.opts.max_attempts, || {
            let url = url.clone();
            async move {
                let token = self.auth.token(&[SCOPE]).await.map_err(|e| {
                    CallError::new(CoverageStatus::Denied, format!("no access token: {e}"))
                })?;
                Ok(self.http.get(url).bearer_auth(token.as_str()))
            }
        })
        .await
    }

    /// The sink's audit entries `since` back from now, every project's.
    pub async fn sink_log(
        &self,
        sink: &SinkBucket,
        since: Span,
        progress: &dyn Progress,
    ) -> AuditPart {
        const API: &str = "logging:sink-files";
        let to = Utc::now();
        let from = to - since;
        let place = sink.url(&sink.prefix);
        let record = |status: CoverageStatus, detail: String| Coverage {
            provider: Provider::Gcp,
            target: place.clone(),
            region: None,
            api: API.into(),
            status,
            detail,
        };
        let mut prefixes = Vec::new();
        for log in LOGS {
            for d in days(from, to) {
                prefixes.push(format!("{}{log}/{}/", sink.prefix, d.format("%Y/%m/%d")));
            }
        }
        progress.phase("gcp: listing the log sink's files", None);
        let concurrency = self.opts.concurrency.max(1);
        let listed: Vec<(String, Result<Vec<String>, CallError>)> = stream::iter(prefixes)
            .map(|p| async move {
                let r = self.gcs_names(&sink.bucket, &p).await;
                (p, r)
            })
            .buffer_unordered(concurrency)
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
        let mut coverage = Vec::new();
        if let Some((p, e)) = unlisted.first() {
            coverage.push(record(
                e.status,
                format!(
                    "{} of the day folders could not be listed; first: {}: {}",
                    unlisted.len(),
                    sink.url(p),
                    e.message
                ),
            ));
        }
        let set = self.read_sink_files(sink, &names, progress).await;
        coverage.push(record(
            if names.is_empty() {
                CoverageStatus::Failed
            } else {
                CoverageStatus::Complete
            },
            format!(
                "{} files of the admin-activity and data-access logs in {place} since {}: {} entries kept for the detections",
                names.len(),
                from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
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
                format!("`{}` holds no Cloud Audit Log entry: not read", u.display()),
            )
        }));
        (set.events, set.windows, coverage)
    }

    async fn read_sink_files(
        &self,
        sink: &SinkBucket,
        names: &[String],
        progress: &dyn Progress,
    ) -> LogSet {
        let concurrency = self.opts.concurrency.max(1);
        let fetch = |name: &String| {
            let name = name.clone();
            async move {
                let r = self.gcs_object(&sink.bucket, &name).await;
                (sink.url(&name), r)
            }
        };
        let mut reader = BlobReader::default();
        progress.phase(
            "gcp: reading the log sink's files",
            Some(names.len() as u64),
        );
        let mut got = stream::iter(names).map(fetch).buffered(concurrency);
        while let Some((url, r)) = got.next().await {
            match r {
                Ok(bytes) => reader.first(&url, &bytes),
                Err(e) => reader.lost(&url, e.message),
            }
            progress.advance(1);
        }
        drop(got);
        if reader.needs_second_pass() {
            let again: Vec<String> = names
                .iter()
                .filter(|n| reader.wants_again(&sink.url(n)))
                .cloned()
                .collect();
            let mut got = stream::iter(&again).map(fetch).buffered(concurrency);
            while let Some((url, r)) = got.next().await {
                match r {
                    Ok(bytes) => reader.second(&url, &bytes),
                    Err(e) => reader.lost(&url, e.message),
                }
            }
        }
        reader.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sink_urls_are_parsed_or_refused() {
        assert_eq!(
            SinkBucket::parse("gs://org-audit-sink/logs/").unwrap(),
            SinkBucket {
                bucket: "org-audit-sink".into(),
                prefix: "logs/".into()
            }
        );
        assert_eq!(SinkBucket::parse("gs://org-audit-sink").unwrap().prefix, "");
        for bad in ["org-audit-sink", "gs://", "gs://Bad Bucket", "s3://b"] {
            assert!(SinkBucket::parse(bad).is_err(), "{bad}");
        }
    }
}
