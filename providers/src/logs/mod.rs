//! Audit logs for the detection rules: CloudTrail, Cloud Audit Logs, the Azure Activity Log, the
//! Purview unified audit log (Power Automate) and the Workspace Reports API.
//!
//! Every record is normalised to one [`AuditEvent`] shape by its format's module. Logs can be far larger
//! than memory, so nothing but the events a detection can use is kept, chosen in (at most) two streaming
//! passes by [`Reducer`]:
//!
//! 1. every record is classified ([`Class`]); `Keep` and `Anchor` events (rare: function deployments,
//!    IAM writes, flow edits, OAuth grants) are kept, and each anchor opens windows keyed by actor,
//!    resource or principal;
//! 2. only if some window was opened, the logs are read again and `Candidate` events (frequent:
//!    invocations, sharing changes) are kept when they fall in a window with the same key, at most
//!    [`CANDIDATES_PER_KEY`] per key, action and resource.
//!
//! Memory is bounded by the anchors, not by the size of the logs.

pub mod azure;
pub mod bucket;
pub mod cloudtrail;
pub mod gcp;
pub mod purview;
pub mod read;
pub mod reports;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use fnscope_snapshot::{AuditEvent, LogWindow, Provider};
use serde_json::Value;

/// At most this many candidate events are kept per window key, action and resource: enough evidence,
/// bounded memory however busy a function is.
pub const CANDIDATES_PER_KEY: usize = 5;

/// What one record became.
#[derive(Debug, Clone)]
pub enum Norm {
    /// A successful call.
    Event(AuditEvent),
    /// A failed call (`errorCode`, a non-zero status, `Failed`): counted, never used.
    Failed {
        provider: Provider,
        target: String,
        time: DateTime<Utc>,
    },
    /// A record of a known log that no detection reads (e.g. an Activity Log `Started` entry).
    Other {
        provider: Provider,
        target: String,
        time: DateTime<Utc>,
    },
}

/// A span of time an anchor opened.
type Span = (DateTime<Utc>, DateTime<Utc>);

/// The key of a correlation window: its kind (`actor`, `resource`, `principal`, `session`) and value.
pub type Key = (&'static str, String);

/// What a detection may do with an event.
#[derive(Debug, PartialEq, Eq)]
pub enum Class {
    /// No detection reads it.
    Drop,
    /// Kept whatever else happens (rare events read on their own).
    Keep,
    /// Kept, and opens a window `before`..`after` its time for each key.
    Anchor(Vec<(Key, Duration, Duration)>),
    /// Kept only inside a window opened by an anchor with one of these keys.
    Candidate(Vec<Key>),
}

/// The classification of an event, by its provider's module.
pub fn classify(e: &AuditEvent) -> Class {
    match e.provider {
        Provider::Aws => cloudtrail::classify(e),
        Provider::Gcp => gcp::classify(e),
        Provider::Azure => azure::classify(e),
        Provider::PowerAutomate => purview::classify(e),
        Provider::AppsScript => reports::classify(e),
    }
}

/// Recognises a record by its fields and hands its normalised events to `out` (a Reports activity holds
/// several). `None`: not an audit record of a known log.
pub fn normalize(v: &Value, source: &str, out: &mut dyn FnMut(Norm)) -> Option<Result<(), String>> {
    let one = |r: Result<Norm, String>, out: &mut dyn FnMut(Norm)| r.map(out);
    Some(if cloudtrail::is_record(v) {
        one(cloudtrail::normalize(v, source), out)
    } else if reports::is_cloud_logging(v) {
        // Workspace's audit logs shared with Cloud Logging: the Reports activity they hold.
        reports::normalize(&reports::from_cloud_logging(v), source)
            .map(|all| all.into_iter().for_each(out))
    } else if gcp::is_record(v) {
        one(gcp::normalize(v, source), out)
    } else if azure::is_record(v) {
        one(azure::normalize(v, source), out)
    } else if purview::is_record(v) {
        one(purview::normalize(v, source), out)
    } else if reports::is_record(v) {
        reports::normalize(v, source).map(|all| all.into_iter().for_each(out))
    } else {
        return None;
    })
}

/// Like [`normalize`], for every record a value holds, with CloudWatch Logs around them unwrapped:
/// `aws logs filter-log-events` / `get-log-events` output (`events[].message`), a subscription's
/// delivery (`logEvents[].message`) or one such event. A record that is recognised but cannot be read
/// is handed to `bad` (its message names the record and field) and the others are still read. False
/// when the value is no record of a known log.
pub fn normalize_each(
    v: &Value,
    source: &str,
    out: &mut dyn FnMut(Norm),
    bad: &mut dyn FnMut(String),
) -> bool {
    if v.get("messageType").and_then(Value::as_str) == Some("CONTROL_MESSAGE") {
        // CloudWatch Logs checking that a subscription's destination is there: no log record.
        return true;
    }
    if let Some((key, items)) = cloudwatch_events(v) {
        for (j, item) in items.iter().enumerate() {
            let src = format!("{source}.{key}[{j}]");
            if !normalize_each(item, &src, out, bad) {
                bad(format!("{src}: not a record of a known audit log"));
            }
        }
        return true;
    }
    if let Some(message) = cloudwatch_message(v) {
        match serde_json::from_str::<Value>(message) {
            Ok(inner) => {
                if !normalize_each(&inner, source, out, bad) {
                    bad(format!(
                        "{source}: `message` holds no record of a known audit log"
                    ));
                }
            }
            Err(e) => bad(format!(
                "{source}: `message` is not valid JSON: {}",
                crate::secrets::without_values(&e.to_string())
            )),
        }
        return true;
    }
    match normalize(v, source, out) {
        Some(Ok(())) => true,
        Some(Err(m)) => {
            bad(m);
            true
        }
        None => false,
    }
}

/// The CloudWatch Logs events of a page (`events`) or subscription delivery (`logEvents`).
pub(crate) fn cloudwatch_events(v: &Value) -> Option<(&'static str, &Vec<Value>)> {
    ["events", "logEvents"].into_iter().find_map(|key| {
        let items = v.get(key)?.as_array()?;
        items
            .first()
            .is_some_and(|i| cloudwatch_message(i).is_some())
            .then_some((key, items))
    })
}

/// The log record of one CloudWatch Logs event: its `message` string.
fn cloudwatch_message(v: &Value) -> Option<&str> {
    let m = v.get("message")?.as_str()?;
    let stamped = v.get("timestamp").is_some_and(Value::is_number);
    let event = ["logStreamName", "eventId", "ingestionTime", "id"]
        .iter()
        .any(|k| v.get(*k).is_some());
    (stamped && event).then_some(m)
}

/// The name of each provider's log, as it appears in [`LogWindow::log`].
pub fn log_name(p: Provider) -> &'static str {
    match p {
        Provider::Aws => "cloudtrail",
        Provider::Gcp => "cloud-audit-logs",
        Provider::Azure => "activity-log",
        Provider::PowerAutomate => "purview",
        Provider::AppsScript => "reports",
    }
}

/// Counts per (provider, target) while reading.
#[derive(Debug, Default, Clone)]
struct Tally {
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    read: u64,
    failed: u64,
}

impl Tally {
    fn see(&mut self, t: DateTime<Utc>) {
        self.read += 1;
        self.from = Some(self.from.map_or(t, |f| f.min(t)));
        self.to = Some(self.to.map_or(t, |x| x.max(t)));
    }
}

/// The two-pass selection described in the module documentation. Feed pass 1 with [`Reducer::first`],
/// and, if [`Reducer::needs_second_pass`], the same events again with [`Reducer::second`].
#[derive(Debug, Default)]
pub struct Reducer {
    kept: Vec<AuditEvent>,
    windows: HashMap<Key, Vec<Span>>,
    taken: HashMap<(Key, String, String), usize>,
    tally: BTreeMap<(Provider, String), Tally>,
    /// Windows the source states itself (a Purview export's `from`/`to`), per (provider, target).
    stated: BTreeMap<(Provider, String), (DateTime<Utc>, DateTime<Utc>)>,
    sources: BTreeMap<(Provider, String), Vec<String>>,
}

impl Reducer {
    pub fn new() -> Reducer {
        Reducer::default()
    }

    /// Pass 1: counts every record, keeps `Keep` and `Anchor` events and opens the anchors' windows.
    pub fn first(&mut self, n: Norm) {
        match n {
            Norm::Event(e) => {
                self.tally
                    .entry((e.provider, e.target.clone()))
                    .or_default()
                    .see(e.time);
                match classify(&e) {
                    Class::Keep => self.kept.push(e),
                    Class::Anchor(keys) => {
                        for (k, before, after) in keys {
                            self.windows
                                .entry(k)
                                .or_default()
                                .push((e.time - before, e.time + after));
                        }
                        self.kept.push(e);
                    }
                    Class::Drop | Class::Candidate(_) => {}
                }
            }
            Norm::Failed {
                provider,
                target,
                time,
            } => {
                let t = self.tally.entry((provider, target)).or_default();
                t.see(time);
                t.failed += 1;
            }
            Norm::Other {
                provider,
                target,
                time,
            } => self.tally.entry((provider, target)).or_default().see(time),
        }
    }

    /// True when pass 1 opened a window, so candidates must be looked for.
    pub fn needs_second_pass(&self) -> bool {
        !self.windows.is_empty()
    }

    /// Pass 2: keeps the candidates that fall inside a window with their key.
    pub fn second(&mut self, n: Norm) {
        let Norm::Event(e) = n else { return };
        let Class::Candidate(keys) = classify(&e) else {
            return;
        };
        for k in keys {
            let Some(ws) = self.windows.get(&k) else {
                continue;
            };
            if !ws.iter().any(|(a, b)| *a <= e.time && e.time <= *b) {
                continue;
            }
            let slot = self
                .taken
                .entry((k, e.action.clone(), e.resource.clone().unwrap_or_default()))
                .or_default();
            if *slot < CANDIDATES_PER_KEY {
                *slot += 1;
                self.kept.push(e);
            }
            return;
        }
    }

    /// Records the window a source states for its events (e.g. a Purview export's `from`/`to`).
    pub fn state_window(
        &mut self,
        provider: Provider,
        target: &str,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) {
        let w = self
            .stated
            .entry((provider, target.to_string()))
            .or_insert((from, to));
        w.0 = w.0.min(from);
        w.1 = w.1.max(to);
    }

    /// Names a source (file or API) the events of `provider` in `target` came from, for the log window.
    pub fn add_source(&mut self, provider: Provider, target: &str, source: String) {
        let v = self
            .sources
            .entry((provider, target.to_string()))
            .or_default();
        if !v.contains(&source) {
            v.push(source);
        }
    }

    /// The events kept and one window per (provider, target) that had records.
    pub fn finish(self) -> (Vec<AuditEvent>, Vec<LogWindow>) {
        let mut kept_per: BTreeMap<(Provider, String), u64> = BTreeMap::new();
        for e in &self.kept {
            *kept_per.entry((e.provider, e.target.clone())).or_default() += 1;
        }
        let mut keys: Vec<(Provider, String)> = self.tally.keys().cloned().collect();
        keys.extend(self.stated.keys().cloned());
        keys.sort();
        keys.dedup();
        let mut windows = Vec::new();
        for key in keys {
            let t = self.tally.get(&key).cloned().unwrap_or_default();
            let stated = self.stated.get(&key);
            let (Some(from), Some(to)) = (
                stated
                    .map(|s| s.0)
                    .or(t.from)
                    .map(|f| t.from.map_or(f, |x| x.min(f))),
                stated
                    .map(|s| s.1)
                    .or(t.to)
                    .map(|f| t.to.map_or(f, |x| x.max(f))),
            ) else {
                continue;
            };
            let sources = self.sources.get(&key).cloned().unwrap_or_default();
            windows.push(LogWindow {
                provider: key.0,
                target: key.1.clone(),
                log: log_name(key.0).to_string(),
                from,
                to,
                read: t.read,
                failed: t.failed,
                kept: kept_per.get(&key).copied().unwrap_or(0),
                source: summarize(&sources),
            });
        }
        (self.kept, windows)
    }
}

/// Reads records fetched from an API (already in memory, filtered by the server) through both passes.
/// `window` is the time span the query asked for: it is the log window of `target` even when it held
/// no event. Records of no known log are an error naming the first.
pub fn reduce_api(
    provider: Provider,
    target: &str,
    window: (DateTime<Utc>, DateTime<Utc>),
    api: &str,
    records: &[Value],
) -> Result<(Vec<AuditEvent>, Vec<LogWindow>), String> {
    let mut norms = Vec::new();
    for (i, v) in records.iter().enumerate() {
        let source = format!("{api}#{}", i + 1);
        let mut bad = None;
        if !normalize_each(v, &source, &mut |n| norms.push(n), &mut |m| {
            bad.get_or_insert(m);
        }) {
            return Err(format!("{source}: not a {} record", log_name(provider)));
        }
        if let Some(m) = bad {
            return Err(m);
        }
    }
    let mut r = Reducer::new();
    r.add_source(provider, target, api.to_string());
    r.state_window(provider, target, window.0, window.1);
    for n in norms.iter().cloned() {
        r.first(n);
    }
    if r.needs_second_pass() {
        for n in norms {
            r.second(n);
        }
    }
    Ok(r.finish())
}

fn summarize(sources: &[String]) -> String {
    match sources {
        [] => String::new(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
    }
}

/// Parses an RFC 3339 time; Purview's zone-less times are UTC.
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .ok()
        .map(|n| n.and_utc())
}

/// A string field at a JSON pointer.
pub(crate) fn s<'v>(v: &'v Value, pointer: &str) -> Option<&'v str> {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .filter(|x| !x.is_empty())
}

/// A required time field, or the error naming it.
pub(crate) fn time_at(v: &Value, pointer: &str, source: &str) -> Result<DateTime<Utc>, String> {
    let raw = s(v, pointer).ok_or_else(|| format!("{source}: no `{pointer}`"))?;
    parse_time(raw).ok_or_else(|| format!("{source}: `{pointer}` is not a time: `{raw}`"))
}

pub(crate) fn attr(e: &mut AuditEvent, key: &str, value: impl Into<String>) {
    let value = value.into();
    if !value.is_empty() {
        e.attrs.entry(key.to_string()).or_default().push(value);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use serde_json::json;

    fn records(text: &str) -> (Vec<Value>, read::Wrapper) {
        let mut out = Vec::new();
        let w = read::for_each_record(text.as_bytes(), &mut |v| {
            out.push(v);
            Ok(())
        })
        .unwrap();
        (out, w)
    }

    #[test]
    fn every_container_shape_yields_its_records() {
        let shapes = [
            r#"{"Records": [{"a": 1}, {"a": 2}]}"#,
            r#"[{"a": 1}, {"a": 2}]"#,
            "{\"a\": 1}\n{\"a\": 2}\n",
            r#"{"entries": [{"a": 1}], "nextPageToken": "x"} {"entries": [{"a": 2}]}"#,
            r#"[{"value": [{"a": 1}]}, {"value": [{"a": 2}]}]"#,
        ];
        for s in shapes {
            let (r, _) = records(s);
            assert_eq!(r, vec![json!({"a": 1}), json!({"a": 2})], "{s}");
        }
        // A wrapper's own fields are kept apart; a record's scalar `value` stays in the record.
        let (r, w) =
            records(r#"{"from": "2026-01-01T00:00:00Z", "value": [{"value": "x", "b": [1]}]}"#);
        assert_eq!(r, vec![json!({"value": "x", "b": [1]})]);
        assert_eq!(w.fields["from"], "2026-01-01T00:00:00Z");
        assert!(read::for_each_record("[{\"a\": 1}".as_bytes(), &mut |_| Ok(())).is_err());
    }

    fn ev(actor: &str, action: &str, minute: i64, resource: &str) -> Norm {
        let base = parse_time("2026-11-20T10:00:00Z").unwrap();
        Norm::Event(AuditEvent {
            provider: Provider::Aws,
            target: "111122223333".into(),
            id: format!("{action}-{minute}"),
            time: base + Duration::minutes(minute),
            actor: actor.into(),
            action: action.into(),
            resource: Some(resource.into()),
            source_ip: None,
            attrs: Default::default(),
            source: "test".into(),
        })
    }

    #[test]
    fn candidates_are_kept_only_inside_an_anchor_window_and_capped() {
        let stream = || {
            let mut v = vec![
                ev("u", "lambda:Invoke", -70, "f"),
                ev("other", "lambda:Invoke", 5, "f"),
            ];
            for m in 1..=20 {
                v.push(ev("u", "lambda:Invoke", m, "f"));
            }
            v.push(ev("u", "lambda:CreateFunction20150331", 0, "f"));
            v.push(ev("u", "s3:GetObject", 3, "b"));
            v
        };
        let mut r = Reducer::new();
        stream().into_iter().for_each(|n| r.first(n));
        assert!(r.needs_second_pass());
        stream().into_iter().for_each(|n| r.second(n));
        let (kept, windows) = r.finish();
        let ids: Vec<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        // The anchor, and the first five invocations of its caller inside the hour; not the one 70
        // minutes before, not another caller's, not unrelated calls.
        assert_eq!(
            ids,
            [
                "lambda:CreateFunction20150331-0",
                "lambda:Invoke-1",
                "lambda:Invoke-2",
                "lambda:Invoke-3",
                "lambda:Invoke-4",
                "lambda:Invoke-5"
            ]
        );
        assert_eq!(windows.len(), 1);
        assert_eq!(windows[0].read, 24);
        assert_eq!(windows[0].kept, 6);
    }

    #[test]
    fn without_an_anchor_no_second_pass_is_needed() {
        let mut r = Reducer::new();
        r.first(ev("u", "lambda:Invoke", 1, "f"));
        assert!(!r.needs_second_pass());
        let (kept, windows) = r.finish();
        assert!(kept.is_empty());
        assert_eq!(windows[0].read, 1);
    }

    fn each(v: &Value) -> (bool, Vec<Norm>, Vec<String>) {
        let mut out = Vec::new();
        let mut bad = Vec::new();
        let known = normalize_each(v, "f#1", &mut |n| out.push(n), &mut |m| bad.push(m));
        (known, out, bad)
    }

    fn event(n: &Norm) -> &AuditEvent {
        match n {
            Norm::Event(e) => e,
            other => panic!("not an event: {other:?}"),
        }
    }

    #[test]
    fn azure_diagnostic_records_read_like_the_rest_shape() {
        // The shape diagnostic settings write (Microsoft's mapping: resultType Success = Succeeded,
        // the caller in the identity's claims, callerIpAddress).
        let v = json!({
            "time": "2026-11-20T10:00:00.1234567Z",
            "resourceId": "/SUBSCRIPTIONS/5F1D0C0A-1111-4222-8333-944455556666/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.WEB/SITES/FA-Mail",
            "operationName": "MICROSOFT.WEB/SITES/WRITE",
            "category": "Administrative",
            "resultType": "Success",
            "callerIpAddress": "203.0.113.7",
            "correlationId": "c-1",
            "identity": {"claims": {
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "dev1@contoso.com",
                "http://schemas.microsoft.com/identity/claims/objectidentifier": "ABC"
            }}
        });
        let (known, out, bad) = each(&v);
        assert!(known && bad.is_empty(), "{bad:?}");
        let e = event(&out[0]);
        assert_eq!(e.target, "5f1d0c0a-1111-4222-8333-944455556666");
        assert_eq!(e.actor, "dev1@contoso.com");
        assert_eq!(e.action, "MICROSOFT.WEB/SITES/WRITE");
        assert_eq!(e.source_ip.as_deref(), Some("203.0.113.7"));
        assert_eq!(e.attr("principal"), Some("abc"));
        assert!(
            e.resource.as_deref().unwrap().ends_with("SITES/FA-Mail"),
            "case kept"
        );
        // `Start` and `Failure` are not events a detection reads.
        let mut start = v.clone();
        start["resultType"] = json!("Start");
        assert!(matches!(each(&start).1[0], Norm::Other { .. }));
        let mut failed = v.clone();
        failed["resultType"] = json!("Failure");
        assert!(matches!(each(&failed).1[0], Norm::Failed { .. }));
        // A record of this shape without its time is this record's error, named by field.
        let mut no_time = v;
        no_time.as_object_mut().unwrap().remove("time");
        let (known, out, bad) = each(&no_time);
        assert!(known && out.is_empty());
        assert_eq!(bad, ["f#1: no `/time`"]);
    }

    #[test]
    fn cloudwatch_logs_pages_and_deliveries_are_unwrapped_event_by_event() {
        let trail = json!({
            "eventVersion": "1.08", "eventTime": "2026-11-20T10:00:00Z",
            "eventSource": "lambda.amazonaws.com", "eventName": "UpdateFunctionCode20150331v2",
            "recipientAccountId": "111122223333", "awsRegion": "us-east-1",
            "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::111122223333:user/dev"},
            "requestParameters": {"functionName": "f"}
        });
        let page = json!({"events": [
            {"logStreamName": "s", "timestamp": 1, "message": trail.to_string(), "ingestionTime": 2, "eventId": "1"},
            {"logStreamName": "s", "timestamp": 1, "message": "{cut", "ingestionTime": 2, "eventId": "2"},
            {"logStreamName": "s", "timestamp": 1, "message": "{\"hello\": 1}", "ingestionTime": 2, "eventId": "3"}
        ], "searchedLogStreams": []});
        let (known, out, bad) = each(&page);
        assert!(known);
        assert_eq!(out.len(), 1);
        assert_eq!(event(&out[0]).action, "lambda:UpdateFunctionCode20150331v2");
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(
            bad[0].starts_with("f#1.events[1]: `message` is not valid JSON"),
            "{bad:?}"
        );
        assert_eq!(
            bad[1],
            "f#1.events[2]: `message` holds no record of a known audit log"
        );
        // A subscription's delivery, and its health check.
        let delivery = json!({"messageType": "DATA_MESSAGE", "logEvents": [
            {"id": "1", "timestamp": 1, "message": trail.to_string()}
        ]});
        assert_eq!(each(&delivery).1.len(), 1);
        let control = json!({"messageType": "CONTROL_MESSAGE", "logEvents": [
            {"id": "1", "timestamp": 1, "message": "CWL CONTROL MESSAGE: Checking health of destination"}
        ]});
        let (known, out, bad) = each(&control);
        assert!(known && out.is_empty() && bad.is_empty());
        // A Workspace Reports activity's own `events` are not CloudWatch Logs events.
        assert!(
            cloudwatch_events(&json!({"events": [{"name": "authorize", "parameters": []}]}))
                .is_none()
        );
    }

    #[test]
    fn cloud_run_v1_names_become_the_v2_name_and_a_policy_without_delta_is_read() {
        assert_eq!(
            gcp::normalize_resource("namespaces/p/services/s", Some("p"), Some("us-west1")),
            "projects/p/locations/us-west1/services/s"
        );
        // The namespace may be the project number: the entry's project id wins.
        assert_eq!(
            gcp::normalize_resource("namespaces/418213377911/services/s", Some("p"), Some("eu")),
            "projects/p/locations/eu/services/s"
        );
        assert_eq!(
            gcp::normalize_resource(
                "//run.googleapis.com/projects/p/locations/eu/services/s",
                None,
                None
            ),
            "projects/p/locations/eu/services/s"
        );
        let entry = json!({
            "timestamp": "2026-11-20T10:00:00Z",
            "resource": {"labels": {"project_id": "p", "location": "eu"}},
            "protoPayload": {
                "serviceName": "run.googleapis.com",
                "methodName": "google.cloud.run.v1.Services.SetIamPolicy",
                "resourceName": "projects/p/locations/eu/services/s",
                "authenticationInfo": {"principalEmail": "dev@p.example"},
                "request": {"policy": {"bindings": [{"role": "roles/run.invoker", "members": ["allUsers"]}]}}
            }
        });
        let (_, out, bad) = each(&entry);
        assert!(bad.is_empty());
        let e = event(&out[0]);
        assert_eq!(e.attrs_of("added"), ["allUsers"]);
        assert_eq!(e.attr("policy_from"), Some("request.policy"));
    }

    #[test]
    fn workspace_activities_in_cloud_logging_read_as_reports_activities() {
        // The shape Google Workspace writes to Cloud Logging (GoogleCloudPlatform/security-analytics'
        // ADD_GROUP_MEMBER fixture), here with the token application's `authorize` event and scopes.
        let entry = json!({
            "protoPayload": {
                "@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                "authenticationInfo": {"principalEmail": "AP.Clerk@northwind.example"},
                "requestMetadata": {"callerIp": "203.0.113.255"},
                "serviceName": "oauth2.googleapis.com",
                "methodName": "google.login.LoginService.authorize",
                "metadata": {
                    "@type": "type.googleapis.com/ccc_hosted_reporting.ActivityProto",
                    "activityId": {"timeUsec": "1647987178916000", "uniqQualifier": "-86"},
                    "event": [{"eventName": "authorize", "eventType": "auth", "parameter": [
                        {"name": "app_name", "value": "Mail helper", "type": "TYPE_STRING"},
                        {"name": "client_id", "value": "123.apps.googleusercontent.com", "type": "TYPE_STRING"},
                        {"name": "scope", "multiStrValue": ["https://mail.google.com/", "https://www.googleapis.com/auth/script.external_request"]}
                    ]}]
                }
            },
            "timestamp": "2026-11-20T10:00:00Z",
            "logName": "organizations/123/logs/cloudaudit.googleapis.com%2Factivity"
        });
        let (known, out, bad) = each(&entry);
        assert!(known && bad.is_empty(), "{bad:?}");
        let e = event(&out[0]);
        assert_eq!(e.provider, Provider::AppsScript);
        assert_eq!(e.action, "token:authorize");
        assert_eq!(e.actor, "ap.clerk@northwind.example");
        assert_eq!(e.attrs_of("scope").len(), 2);
        assert_eq!(e.attr("app_name"), Some("Mail helper"));
        assert_eq!(e.source_ip.as_deref(), Some("203.0.113.255"));
        assert!(matches!(reports::classify(e), Class::Anchor(_)));
    }
}
