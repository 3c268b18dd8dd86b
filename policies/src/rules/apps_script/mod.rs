//! Google Workspace Apps Script rules (`spec/detection-content.md` §6, Google Workspace).

pub mod gws_001;
pub mod gws_002;
pub mod gws_003;
pub mod gws_004;
pub mod gws_005;
pub mod gws_006;
pub mod gws_007;
pub mod gws_008;

use fnscope_snapshot::{ScriptCall, ScriptDetails, Workload, WorkloadDetails};

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

/// Hosts a script may call without a finding: the domain's, Google's, configured ones.
pub(crate) fn host_allowed(ctx: &Context<'_>, w: &Workload, host: &str) -> bool {
    domains(ctx, w)
        .iter()
        .chain(ctx.settings.egress_allow.iter())
        .any(|d| within(host, d))
        || ["googleapis.com", "google.com"]
            .iter()
            .any(|d| within(host, d))
}

/// The host of a literal URL, or `None` when the URL is computed.
pub(crate) fn host(call: &ScriptCall) -> Option<String> {
    if call.dynamic {
        return None;
    }
    let u = call.literals.first()?;
    let rest = u.split_once("://")?.1;
    let h = rest.split(['/', '?', '#', ':']).next()?;
    (!h.is_empty()).then(|| h.to_ascii_lowercase())
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

/// The call runs inside a trigger function (simple or installable).
pub(crate) fn in_trigger(d: &ScriptDetails, c: &ScriptCall) -> bool {
    c.function
        .as_ref()
        .is_some_and(|f| d.simple_triggers.contains(f) || trigger_functions(d).contains(f))
}

pub(crate) fn script_ref(w: &Workload) -> ResourceRef {
    ResourceRef {
        id: w.id.clone(),
        kind: w.kind.clone(),
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
    b = b.evidence(
        "trigger",
        if triggers.is_empty() {
            "no trigger: runs when someone runs it".to_string()
        } else {
            format!("runs on: {}", triggers.join(", "))
        },
        w.id.clone(),
    );
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
