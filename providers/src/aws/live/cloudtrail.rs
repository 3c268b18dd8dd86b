//! CloudTrail: `LookupEvents` for the detections.

use super::*;

impl Session {
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
                        .retry_classifier(crate::aws::errors::MalformedAnswer)
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
                    let mut tokens = page_tokens();
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
}
