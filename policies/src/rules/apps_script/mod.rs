//! Google Workspace Apps Script rules (`spec/detection-content.md` §6, Google Workspace).

pub mod gws_001;
pub mod gws_002;
pub mod gws_003;
pub mod gws_004;
pub mod gws_005;
pub mod gws_006;
pub mod gws_007;
pub mod gws_008;
pub mod gws_009;
pub mod gws_010;

use fnscope_snapshot::{Reach, ScriptCall, ScriptDetails, Workload, WorkloadDetails};

use super::power_automate::within;
use crate::{Context, FindingBuilder, Outcome, ResourceRef, RuleMeta, Severity};

pub(crate) fn scripts<'a>(ctx: &Context<'a>) -> Vec<(&'a Workload, &'a ScriptDetails)> {
    ctx.snapshot
        .workloads
        .iter()
        .filter_map(|w| match &w.details {
            WorkloadDetails::Script(d) => Some((w, d.as_ref())),
            _ => None,
        })
        .collect()
}

/// The domain's own mail domains: the scanned domain plus the configured ones.
pub(crate) fn domains(ctx: &Context<'_>, w: &Workload) -> Vec<String> {
    let mut d: Vec<String> = ctx
        .settings
        .tenant_domains
        .iter()
        .map(|x| x.to_ascii_lowercase())
        .collect();
    d.push(w.target.to_ascii_lowercase());
    d
}

/// Where one value of a fetched URL goes, judged against the domain, Google and `http_allow`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Dest {
    /// The domain's own, Google acting for the user, or allow-listed.
    Allowed,
    /// A written host outside.
    Outside(String),
    /// A computed host whose fixed end is outside (`*.vendor.example`).
    OutsideSuffix(String),
    /// The host is computed and could not be resolved.
    Unknown,
}

impl Dest {
    pub(crate) fn label(&self) -> String {
        match self {
            Dest::Allowed => "an allowed host".into(),
            Dest::Outside(h) => h.clone(),
            Dest::OutsideSuffix(s) => format!("a computed host ending in {s}"),
            Dest::Unknown => "a computed URL".into(),
        }
    }
}

fn allowed_host(
    ctx: &Context<'_>,
    w: &Workload,
    host: &str,
    path: Option<&str>,
    method: Option<&str>,
) -> bool {
    domains(ctx, w)
        .iter()
        .chain(ctx.settings.egress_allow.iter())
        .any(|d| within(host, d))
        || crate::hosts::google_first_party(host, path, method)
}

/// Where each value of a fetch call's URL goes, in the order of `c.urls`. Snapshots written before
/// URLs were resolved have only the call's literals: their first one is read as before.
pub(crate) fn destinations(ctx: &Context<'_>, w: &Workload, c: &ScriptCall) -> Vec<Dest> {
    let method = c.method.as_deref();
    // Analysed (the payload is recorded) and no URL left: every value was an empty string.
    if c.urls.is_empty() && c.payload.is_some() {
        return Vec::new();
    }
    if c.urls.is_empty() {
        return vec![match host(c) {
            Some(h) if allowed_host(ctx, w, &h, None, method) => Dest::Allowed,
            Some(h) => Dest::Outside(h),
            None => Dest::Unknown,
        }];
    }
    let out: Vec<Dest> = c
        .urls
        .iter()
        .map(|u| {
            let path = u.path.as_deref();
            match (&u.host, &u.host_suffix) {
                (Some(h), _) if allowed_host(ctx, w, h, path, method) => Dest::Allowed,
                (Some(h), _) => Dest::Outside(h.clone()),
                (None, Some(sfx)) => {
                    // Judge the fixed end as a host: `-aiplatform.googleapis.com` ends a host
                    // below googleapis.com.
                    let as_host = format!("x{sfx}");
                    if allowed_host(ctx, w, &as_host, path, method) {
                        Dest::Allowed
                    } else {
                        Dest::OutsideSuffix(sfx.clone())
                    }
                }
                (None, None) => Dest::Unknown,
            }
        })
        .collect();
    out
}

/// The destinations of a call that are not allowed; with `token`, only those the user's OAuth
/// token goes to.
pub(crate) fn outside(ctx: &Context<'_>, w: &Workload, c: &ScriptCall, token: bool) -> Vec<Dest> {
    let mut out: Vec<Dest> = destinations(ctx, w, c)
        .into_iter()
        .enumerate()
        .filter(|(i, d)| *d != Dest::Allowed && (!token || c.urls.get(*i).is_none_or(|u| u.token)))
        .map(|(_, d)| d)
        .collect();
    out.dedup();
    out
}

/// The host of a literal URL, or `None` when the URL is computed (snapshots without resolved URLs).
pub(crate) fn host(call: &ScriptCall) -> Option<String> {
    if call.dynamic {
        return None;
    }
    crate::hosts::url_host(call.literals.first()?)
}

/// How the call is started, when the snapshot has the call graph.
pub(crate) fn reach_of(d: &ScriptDetails, c: &ScriptCall) -> Option<Reach> {
    if d.reach_computed {
        c.reach.clone()
    } else {
        None
    }
}

/// Runs without a person starting it: through the call graph where the snapshot has it, else (older
/// snapshots) when its function is a trigger.
pub(crate) fn automatic(d: &ScriptDetails, c: &ScriptCall) -> bool {
    match reach_of(d, c) {
        Some(r) => r.automatic(),
        None => triggered(d),
    }
}

/// `how it is reached` for the evidence.
pub(crate) fn reach_text(r: &Reach, c: &ScriptCall) -> String {
    let chain = if r.path.is_empty() {
        String::new()
    } else {
        format!(": {}", r.path.join(" → "))
    };
    let what = match r.kind.as_str() {
        "installable" => "an installable trigger (runs as its creator, unattended)",
        "web_app" => "the web app's entry point (runs on every request)",
        "add_on" => "an add-on trigger declared in the manifest",
        "simple" => "a simple trigger (runs unattended, without authorization for most services)",
        "web_client" => "the web app's page (google.script.run)",
        "ui" => "a menu item, button or sidebar: a person starts it",
        _ => "no entry point: someone runs it from the editor or calls it as a library",
    };
    match (&c.function, r.kind.as_str()) {
        (None, "none") => "top-level code of a project with no entry point".to_string(),
        (None, _) => format!("top-level code: runs before {} {what}", r.entry),
        _ => format!("reached from {what}{chain}"),
    }
}

/// Literal mail addresses among a call's arguments.
pub(crate) fn addresses(call: &ScriptCall) -> Vec<String> {
    call.literals
        .iter()
        .flat_map(|l| l.split([',', ';']))
        .map(str::trim)
        .filter(|a| a.contains('@') && !a.contains(' ') && !a.starts_with('@'))
        .map(str::to_string)
        .collect()
}

/// Whether an address is outside the domain (subdomains are inside, look-alikes outside).
pub(crate) fn external(domains: &[String], addr: &str) -> bool {
    addr.rsplit_once('@')
        .is_some_and(|(_, d)| !domains.iter().any(|x| within(d, x)))
}

/// Functions installed as triggers by `ScriptApp.newTrigger('fn')`.
pub(crate) fn trigger_functions(d: &ScriptDetails) -> Vec<String> {
    d.calls
        .iter()
        .filter(|c| c.api.starts_with("ScriptApp.newTrigger"))
        .filter_map(|c| c.literals.first().cloned())
        .chain(
            d.installable_triggers
                .iter()
                .map(|t| t.split(' ').next().unwrap_or(t).to_string()),
        )
        .collect()
}

/// Has an installable trigger (time-driven, or on events, running as its creator).
pub(crate) fn installable(d: &ScriptDetails) -> bool {
    !trigger_functions(d).is_empty()
}

/// Runs on an event of some kind.
pub(crate) fn triggered(d: &ScriptDetails) -> bool {
    installable(d) || !d.simple_triggers.is_empty()
}

/// The call runs inside a trigger function (simple or installable); with the call graph, anything
/// started unattended.
pub(crate) fn in_trigger(d: &ScriptDetails, c: &ScriptCall) -> bool {
    if let Some(r) = reach_of(d, c) {
        return r.automatic();
    }
    c.function
        .as_ref()
        .is_some_and(|f| d.simple_triggers.contains(f) || trigger_functions(d).contains(f))
}

pub(crate) fn script_ref(w: &Workload) -> ResourceRef {
    ResourceRef {
        id: w.id.clone(),
        kind: w.kind.to_string(),
        name: w.name.clone(),
    }
}

/// `file:line` and the enclosing function, for the evidence.
pub(crate) fn at(c: &ScriptCall) -> String {
    match &c.function {
        Some(f) => format!("{}:{} (in {f})", c.file, c.line),
        None => format!("{}:{}", c.file, c.line),
    }
}

/// A finding on a script with the call as its first evidence; the trigger context follows.
pub(crate) fn script_finding(
    meta: &'static RuleMeta,
    w: &Workload,
    d: &ScriptDetails,
    c: &ScriptCall,
    sev: Severity,
    target: ResourceRef,
    what: String,
) -> FindingBuilder {
    let mut b = meta
        .finding()
        .severity(sev)
        .subject(script_ref(w))
        .target(target)
        .evidence("code", what, at(c))
        .evidence_key(format!("{}:{}", c.file, c.line));
    let mut triggers = d.simple_triggers.clone();
    triggers.extend(
        trigger_functions(d)
            .into_iter()
            .map(|f| format!("{f} (installable)")),
    );
    b = match reach_of(d, c) {
        Some(r) => b.evidence("reach", reach_text(&r, c), at(c)),
        None => b.evidence(
            "trigger",
            if triggers.is_empty() {
                "no trigger: runs when someone runs it".to_string()
            } else {
                format!("runs on: {}", triggers.join(", "))
            },
            w.id.clone(),
        ),
    };
    if let Some(o) = &w.owner {
        b = b.evidence(
            "owner",
            format!("owned by {o} (installable triggers run as their creator)"),
            w.id.clone(),
        );
    }
    b
}

pub(crate) fn push(out: &mut Outcome, b: FindingBuilder) {
    match b.build() {
        Ok(x) => out.findings.push(x),
        Err(e) => out.not_evaluated.push(e.to_string()),
    }
}

/// Files that did not parse make every script rule incomplete for that project.
pub(crate) fn parse_gaps(ctx: &Context<'_>, out: &mut Outcome) {
    for (w, d) in scripts(ctx) {
        for e in &d.parse_errors {
            out.not_evaluated.push(format!("{}: {e}", w.name));
        }
    }
}

#[cfg(test)]
mod tests;
