//! What the detection rules share: the events and log windows of a provider, the allow-list of
//! actors, and event evidence.

use chrono::{DateTime, Duration, Utc};
use fnscope_snapshot::{AuditEvent, LogWindow, Provider};

use crate::{Context, FindingBuilder};

/// The provider's events in time order (a snapshot keeps them sorted).
pub(crate) fn events<'a>(ctx: &Context<'a>, p: Provider) -> Vec<&'a AuditEvent> {
    let mut v: Vec<&AuditEvent> = ctx
        .snapshot
        .events
        .iter()
        .filter(|e| e.provider == p)
        .collect();
    v.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.id.cmp(&b.id)));
    v
}

/// Why the provider's detections cannot be evaluated: no audit log was read for any of its targets.
/// Targets without a log are named.
pub(crate) fn unread(ctx: &Context<'_>, p: Provider, log: &str, how: &str) -> Vec<String> {
    let windows: Vec<&LogWindow> = ctx
        .snapshot
        .log_windows
        .iter()
        .filter(|w| w.provider == p)
        .collect();
    let missing: Vec<&str> = ctx
        .snapshot
        .targets
        .iter()
        .filter(|t| t.provider == p && !windows.iter().any(|w| w.covers(p, &t.id)))
        .map(|t| t.id.as_str())
        .collect();
    if missing.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "no {log} was read for {} ({how})",
            missing.join(", ")
        )]
    }
}

/// The window that covers `target`, if any, and whether it reaches back to `since`.
pub(crate) fn covered_since(
    ctx: &Context<'_>,
    p: Provider,
    target: &str,
    since: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    ctx.snapshot
        .log_windows
        .iter()
        .filter(|w| w.covers(p, target))
        .map(|w| w.from)
        .min()
        .filter(|from| *from > since)
}

/// True when `actor` (or any of `others`) is on the configured allow-list of actors (`[detect]
/// allow_actors`, globs).
pub(crate) fn allowed(ctx: &Context<'_>, actor: &str, others: &[&str]) -> bool {
    let set = ctx.detect_allow();
    set.is_match(actor) || others.iter().any(|o| set.is_match(o))
}

/// `e2` happens within `minutes` after `e1` (or at the same time).
pub(crate) fn after(e1: &AuditEvent, e2: &AuditEvent, minutes: i64) -> bool {
    e2.time >= e1.time && e2.time - e1.time <= Duration::minutes(minutes)
}

/// `e2` happens within `minutes` before or after `e1`.
pub(crate) fn around(e1: &AuditEvent, e2: &AuditEvent, minutes: i64) -> bool {
    (e2.time - e1.time).abs() <= Duration::minutes(minutes)
}

/// One evidence line for an event: time, actor, action, resource, id; its path is where it was read.
pub(crate) fn with_event(b: FindingBuilder, role: &str, e: &AuditEvent) -> FindingBuilder {
    let on = e
        .resource
        .as_deref()
        .map(|r| format!(" on {r}"))
        .unwrap_or_default();
    let ip = e
        .source_ip
        .as_deref()
        .map(|ip| format!(" from {ip}"))
        .unwrap_or_default();
    b.evidence(
        "event",
        format!(
            "{role}: {} {} {}{on}{ip} (event {})",
            e.time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            e.actor,
            e.action,
            e.id
        ),
        e.source.clone(),
    )
}

/// The events behind one finding: the first ones (a deploy, a grant, a change) and those that
/// followed, each once.
#[derive(Default)]
pub(crate) struct Hit<'e> {
    pub severity: Option<crate::Severity>,
    pub first: Vec<&'e AuditEvent>,
    pub then: Vec<&'e AuditEvent>,
}

impl<'e> Hit<'e> {
    pub(crate) fn add(
        &mut self,
        severity: Option<crate::Severity>,
        first: &'e AuditEvent,
        then: impl IntoIterator<Item = &'e AuditEvent>,
    ) {
        self.severity = self.severity.max(severity);
        if !self.first.iter().any(|x| x.same(first)) {
            self.first.push(first);
        }
        for e in then {
            if !self.then.iter().any(|x| x.same(e)) {
                self.then.push(e);
            }
        }
    }

    /// Evidence lines for every event, the first ones labelled `first`, the rest `then`.
    pub(crate) fn evidence(
        &self,
        mut b: FindingBuilder,
        first: &str,
        then: &str,
    ) -> FindingBuilder {
        for e in &self.first {
            b = with_event(b, first, e);
        }
        for e in &self.then {
            b = with_event(b, then, e);
        }
        b
    }
}

/// What the identity a changed workload runs as can do, as the single-step detections grade it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Power {
    /// Administrative (critical privilege).
    Admin,
    /// Privileged but not administrative.
    Privileged,
    /// Neither.
    Limited,
    /// Not known: why (the workload or its identity is not in the inventory).
    Unknown(String),
}

/// The severity of a single-step detection: the change's own `base`, one step up for an
/// administrative identity and one down for a limited one (unknown stays), one step up when the
/// correlated sequence also holds; `low` whatever else when the actor is allow-listed.
pub(crate) fn single_step_severity(
    base: crate::Severity,
    power: &Power,
    allowed: bool,
    correlated: bool,
) -> crate::Severity {
    if allowed {
        return crate::Severity::Low;
    }
    let s = match power {
        Power::Admin => base.up(),
        Power::Limited => base.down(),
        Power::Privileged | Power::Unknown(_) => base,
    };
    if correlated { s.up() } else { s }
}

/// The evidence line saying what the identity can do, or that it is not known.
pub(crate) fn with_power(b: FindingBuilder, identity: &str, power: &Power) -> FindingBuilder {
    match power {
        Power::Unknown(why) => b.evidence(
            "privilege",
            format!("what {identity} may do is not known: {why}; the severity is the change's own"),
            identity.to_string(),
        ),
        Power::Limited => b.evidence(
            "privilege",
            format!("{identity} is neither privileged nor administrative"),
            identity.to_string(),
        ),
        Power::Privileged | Power::Admin => b,
    }
}
