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
    sources: BTreeMap<Provider, Vec<String>>,
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

    /// Names a source (file or API) the events of `provider` came from, for the log window.
    pub fn add_source(&mut self, provider: Provider, source: String) {
        let v = self.sources.entry(provider).or_default();
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
            let sources = self.sources.get(&key.0).cloned().unwrap_or_default();
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
        match normalize(v, &source, &mut |n| norms.push(n)) {
            Some(r) => r?,
            None => return Err(format!("{source}: not a {} record", log_name(provider))),
        }
    }
    let mut r = Reducer::new();
    r.add_source(provider, api.to_string());
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
}
