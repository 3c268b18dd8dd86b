//! Cloud Audit Logs from a log sink's bucket (`--gcp-log-bucket gs://BUCKET[/PREFIX]`): the files a
//! Cloud Storage sink writes (`LOG_ID/YYYY/MM/DD/HH:00:00_HH:59:59_S0.json`, one `LogEntry` a line),
//! listed by day for the admin-activity and data-access logs, fetched in parallel and read as they
//! arrive through the `--logs` reader. `entries.list` answers 60 calls a minute per project; the
//! sink's files are read at Cloud Storage's rates, and one organization sink serves every project
//! (each entry names its own).

use super::*;

use crate::logs::bucket::{day_folders, read_bucket};
use chrono::{Duration as Span, Utc};
use fnscope_snapshot::{AuditEvent, LogWindow};

/// The audit logs a sink writes, as folder names (the log id, its `/` kept).
const LOGS: [&str; 2] = [
    "cloudaudit.googleapis.com/activity",
    "cloudaudit.googleapis.com/data_access",
];

/// Where a log sink writes: `gs://BUCKET[/PREFIX]` (`--gcp-log-bucket`).
pub type SinkBucket = crate::logs::bucket::BucketUrl;

type AuditPart = (Vec<AuditEvent>, Vec<LogWindow>, Vec<Coverage>);

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
            self.authorized(self.http.get(&url))
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
            for d in day_folders(from, to) {
                prefixes.push(format!("{}{log}/{d}/", sink.prefix));
            }
        }
        progress.phase("gcp: listing the log sink's files", None);
        let (set, coverage) = read_bucket(
            prefixes,
            sink,
            |p| async move { self.gcs_names(&sink.bucket, &p).await },
            |n| async move { self.gcs_object(&sink.bucket, &n).await },
            self.opts.concurrency,
            progress,
            "Cloud Audit Log",
            |files, kept| {
                format!(
                    "{files} files of the admin-activity and data-access logs in {place} since {}: {kept} entries kept for the detections",
                    from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                )
            },
            record,
        )
        .await;
        (set.events, set.windows, coverage)
    }
}
