//! `fnscope diff OLD NEW`: resources added / removed / changed, and findings new / resolved /
//! unchanged, both snapshots evaluated with the same rules and configuration.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write;

use serde::Serialize;
use serde_json::Value;

use fnscope_policies::{Evaluation, Finding};
use fnscope_snapshot::diff::ResourceDiff;
use fnscope_snapshot::{Coverage, CoverageStatus, Provider, Snapshot};

use crate::report::json::{FindingOut, finding_out};

pub const DIFF_SCHEMA: &str = "fnscope.diff/v1";

/// The diff of two evaluated snapshots.
pub struct Diff {
    pub resources: ResourceDiff,
    pub new: Vec<Finding>,
    pub resolved: Vec<Finding>,
    /// Findings of the old run absent from the new one in a part the new run did not read (or did
    /// not scan): neither resolved nor still there, as far as anyone knows. With the reason.
    pub unknown: Vec<(Finding, String)>,
    /// Resources of the old run absent from the new one in a part the new run did not read.
    pub unseen: Vec<(fnscope_snapshot::diff::ResourceRef, String)>,
    pub unchanged: usize,
    /// What the two runs covered.
    pub old_scope: Scope,
    pub new_scope: Scope,
}

/// What one run scanned and what it could not read.
pub struct Scope {
    pub targets: BTreeSet<(Provider, String)>,
    /// Coverage records that are not complete: (provider, target, region, api, status).
    pub incomplete: Vec<Coverage>,
}

impl Scope {
    fn of(s: &Snapshot) -> Scope {
        Scope {
            targets: s
                .targets
                .iter()
                .map(|t| (t.provider, t.id.clone()))
                .collect(),
            incomplete: s
                .coverage
                .iter()
                .filter(|c| c.status != CoverageStatus::Complete)
                .cloned()
                .collect(),
        }
    }

    fn names(&self) -> Vec<String> {
        self.targets
            .iter()
            .map(|(p, t)| format!("{}:{t}", p.as_str()))
            .collect()
    }
}

impl Diff {
    /// True when both runs scanned the same targets.
    pub fn same_scope(&self) -> bool {
        self.old_scope.targets == self.new_scope.targets
    }

    /// One line saying how the scopes differ, when they do.
    pub fn scope_note(&self) -> Option<String> {
        if self.same_scope() {
            return None;
        }
        let only = |a: &Scope, b: &Scope| -> Vec<String> {
            a.targets
                .difference(&b.targets)
                .map(|(p, t)| format!("{}:{t}", p.as_str()))
                .collect()
        };
        let (gone, added) = (
            only(&self.old_scope, &self.new_scope),
            only(&self.new_scope, &self.old_scope),
        );
        let mut parts = Vec::new();
        if !gone.is_empty() {
            parts.push(format!(
                "only the old run scanned {} (its findings and resources there are unknown, not resolved or removed)",
                gone.join(", ")
            ));
        }
        if !added.is_empty() {
            parts.push(format!(
                "only the new run scanned {} (what it finds there is new to this diff)",
                added.join(", ")
            ));
        }
        Some(format!(
            "The runs scanned different scopes: {}.",
            parts.join("; ")
        ))
    }

    /// True when something is not known: a finding or resource in a part the new run did not see,
    /// or a new run that is itself incomplete.
    pub fn incomplete(&self) -> bool {
        !self.unknown.is_empty() || !self.unseen.is_empty() || !self.new_scope.incomplete.is_empty()
    }
}

/// Where the new run could not see what the old one saw: targets it did not scan, and (target,
/// region) parts whose read it did not complete while the old run did (a gap both runs share did
/// not hide anything that changed between them).
struct Blind<'a> {
    old: &'a Snapshot,
    new: &'a Snapshot,
    /// id → (target, location) of every record of the old run.
    placed: HashMap<&'a str, (&'a str, Option<&'a str>)>,
    newly_unevaluated: BTreeSet<&'a str>,
}

impl<'a> Blind<'a> {
    fn new(
        old: &'a Snapshot,
        new: &'a Snapshot,
        old_eval: &'a Evaluation,
        new_eval: &'a Evaluation,
    ) -> Blind<'a> {
        let mut placed = HashMap::new();
        for w in &old.workloads {
            placed.insert(w.id.as_str(), (w.target.as_str(), w.location.as_deref()));
        }
        for i in &old.identities {
            placed.insert(i.id.as_str(), (i.target.as_str(), None));
        }
        for p in &old.policies {
            placed.insert(p.id.as_str(), (p.target.as_str(), None));
        }
        let before: BTreeSet<&str> = old_eval
            .not_evaluated
            .iter()
            .map(|n| n.rule_id.as_str())
            .collect();
        let newly_unevaluated = new_eval
            .not_evaluated
            .iter()
            .map(|n| n.rule_id.as_str())
            .filter(|r| !before.contains(r))
            .collect();
        Blind {
            old,
            new,
            placed,
            newly_unevaluated,
        }
    }

    /// Why the new run could not see (provider, target, location), if it could not. A record placed
    /// outside every scanned target (AWS-managed policies sit in `aws`) could be in any of them.
    fn part(&self, provider: Provider, target: &str, location: Option<&str>) -> Option<String> {
        let scanned = |s: &Snapshot| {
            s.targets
                .iter()
                .any(|t| t.provider == provider && t.id == target)
        };
        if !scanned(self.old) {
            return self
                .old
                .targets
                .iter()
                .filter(|t| t.provider == provider && t.id != target)
                .find_map(|t| self.part(provider, &t.id, None));
        }
        if !self
            .new
            .targets
            .iter()
            .any(|t| t.provider == provider && t.id == target)
        {
            return Some(format!(
                "the new run did not scan {}:{target}",
                provider.as_str()
            ));
        }
        let was_complete = |c: &Coverage| {
            self.old.coverage.iter().any(|o| {
                o.provider == c.provider
                    && o.target == c.target
                    && o.region == c.region
                    && o.api == c.api
                    && o.status == CoverageStatus::Complete
            })
        };
        self.new
            .coverage
            .iter()
            .filter(|c| c.provider == provider && c.target == target)
            .filter(|c| c.status != CoverageStatus::Complete)
            .filter(|c| c.region.is_none() || location.is_none() || c.region.as_deref() == location)
            .find(|c| was_complete(c))
            .map(|c| {
                format!(
                    "the new run's {} read of {}:{target}{} was {} (the old run's was complete)",
                    c.api,
                    provider.as_str(),
                    c.region
                        .as_deref()
                        .map(|r| format!(" in {r}"))
                        .unwrap_or_default(),
                    c.status.as_str()
                )
            })
    }

    /// Why a finding of the old run absent from the new one may still be there.
    fn finding(&self, f: &Finding) -> Option<String> {
        if self.newly_unevaluated.contains(f.rule_id.as_str()) {
            return Some(format!(
                "{} could not be evaluated on the new run (see its not_evaluated)",
                f.rule_id
            ));
        }
        let refs = [Some(&f.subject), f.target.as_ref(), f.resource.as_ref()];
        let parts: Vec<(&str, Option<&str>)> = refs
            .iter()
            .flatten()
            .filter_map(|r| self.placed.get(r.id.as_str()).copied())
            .collect();
        if parts.is_empty() {
            // Nothing of it is a record of its own (a member, a role binding): any part of its
            // provider the new run did not see may hold it.
            return self
                .old
                .targets
                .iter()
                .filter(|t| t.provider == f.provider)
                .find_map(|t| self.part(f.provider, &t.id, None));
        }
        parts
            .into_iter()
            .find_map(|(t, loc)| self.part(f.provider, t, loc))
    }
}

pub fn compute(
    old: &Snapshot,
    new: &Snapshot,
    old_eval: &Evaluation,
    new_eval: &Evaluation,
) -> Diff {
    let old_fp: HashSet<&str> = old_eval
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    let new_fp: HashSet<&str> = new_eval
        .findings
        .iter()
        .map(|f| f.fingerprint.as_str())
        .collect();
    let blind = Blind::new(old, new, old_eval, new_eval);
    let mut resolved = Vec::new();
    let mut unknown = Vec::new();
    for f in old_eval
        .findings
        .iter()
        .filter(|f| !new_fp.contains(f.fingerprint.as_str()))
    {
        match blind.finding(f) {
            Some(why) => unknown.push((f.clone(), why)),
            None => resolved.push(f.clone()),
        }
    }
    let mut resources = fnscope_snapshot::diff::diff(old, new);
    let mut unseen = Vec::new();
    resources.removed.retain(|r| {
        let why = blind
            .placed
            .get(r.id.as_str())
            .and_then(|(t, loc)| Provider::parse(&r.provider).and_then(|p| blind.part(p, t, *loc)));
        match why {
            Some(w) => {
                unseen.push((r.clone(), w));
                false
            }
            None => true,
        }
    });
    Diff {
        resources,
        new: new_eval
            .findings
            .iter()
            .filter(|f| !old_fp.contains(f.fingerprint.as_str()))
            .cloned()
            .collect(),
        resolved,
        unknown,
        unseen,
        unchanged: new_eval
            .findings
            .iter()
            .filter(|f| old_fp.contains(f.fingerprint.as_str()))
            .count(),
        old_scope: Scope::of(old),
        new_scope: Scope::of(new),
    }
}

#[derive(Serialize)]
struct DiffOut<'a> {
    schema: &'static str,
    tool_version: &'static str,
    generated_at: String,
    old: SnapshotOut,
    new: SnapshotOut,
    same_scope: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    scope_note: Option<String>,
    resources: ResourcesOut<'a>,
    findings: FindingsOut<'a>,
}

#[derive(Serialize)]
struct SnapshotOut {
    taken_at: String,
    complete: bool,
    /// `provider:target` of every target the run scanned.
    scope: Vec<String>,
    /// Its coverage records that are not complete.
    incomplete: Vec<CoverageOut>,
}

#[derive(Serialize)]
struct CoverageOut {
    provider: &'static str,
    target: String,
    region: Option<String>,
    api: String,
    status: &'static str,
    detail: String,
}

#[derive(Serialize)]
struct ResourcesOut<'a> {
    #[serde(flatten)]
    diff: &'a ResourceDiff,
    /// Resources the old run saw that the new one could not have seen.
    unknown: Vec<UnseenOut<'a>>,
}

#[derive(Serialize)]
struct UnseenOut<'a> {
    #[serde(flatten)]
    resource: &'a fnscope_snapshot::diff::ResourceRef,
    unknown_because: &'a str,
}

#[derive(Serialize)]
struct UnknownOut<'a> {
    #[serde(flatten)]
    finding: FindingOut<'a>,
    unknown_because: &'a str,
}

#[derive(Serialize)]
struct FindingsOut<'a> {
    new: Vec<FindingOut<'a>>,
    resolved: Vec<FindingOut<'a>>,
    /// Findings of the old run in parts the new run did not read: not resolved, not known to stay.
    unknown: Vec<UnknownOut<'a>>,
    unchanged: usize,
}

pub fn json(d: &Diff, old: &Snapshot, new: &Snapshot) -> Result<Vec<u8>, serde_json::Error> {
    let snap = |s: &Snapshot, scope: &Scope| SnapshotOut {
        taken_at: s
            .taken_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        complete: s.is_complete(),
        scope: scope.names(),
        incomplete: scope
            .incomplete
            .iter()
            .map(|c| CoverageOut {
                provider: c.provider.as_str(),
                target: c.target.clone(),
                region: c.region.clone(),
                api: c.api.clone(),
                status: c.status.as_str(),
                detail: c.detail.clone(),
            })
            .collect(),
    };
    let out = DiffOut {
        schema: DIFF_SCHEMA,
        tool_version: env!("CARGO_PKG_VERSION"),
        generated_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        old: snap(old, &d.old_scope),
        new: snap(new, &d.new_scope),
        same_scope: d.same_scope(),
        scope_note: d.scope_note(),
        resources: ResourcesOut {
            diff: &d.resources,
            unknown: d
                .unseen
                .iter()
                .map(|(r, why)| UnseenOut {
                    resource: r,
                    unknown_because: why,
                })
                .collect(),
        },
        findings: FindingsOut {
            new: d.new.iter().map(finding_out).collect(),
            resolved: d.resolved.iter().map(finding_out).collect(),
            unknown: d
                .unknown
                .iter()
                .map(|(f, why)| UnknownOut {
                    finding: finding_out(f),
                    unknown_because: why,
                })
                .collect(),
            unchanged: d.unchanged,
        },
    };
    let mut v = serde_json::to_vec_pretty(&out)?;
    v.push(b'\n');
    Ok(v)
}

/// A JSON value on one line, shortened for reading.
fn short(v: &Value) -> String {
    let s = match v {
        Value::Null => "(none)".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if s.chars().count() > 100 {
        format!("{}…", s.chars().take(99).collect::<String>())
    } else {
        s
    }
}

fn list(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// `Allow s3:GetObject, s3:PutObject on arn:aws:s3:::b/* (if …)`.
fn statement(st: &Value) -> String {
    let effect = st.get("Effect").and_then(Value::as_str).unwrap_or("?");
    let actions = match (st.get("Action"), st.get("NotAction")) {
        (Some(a), _) => list(Some(a)),
        (None, Some(n)) => format!("everything but {}", list(Some(n))),
        _ => "?".into(),
    };
    let on = match (st.get("Resource"), st.get("NotResource")) {
        (Some(r), _) => format!(" on {}", list(Some(r))),
        (None, Some(r)) => format!(" on everything but {}", list(Some(r))),
        _ => String::new(),
    };
    let who = st
        .get("Principal")
        .map(|p| {
            format!(
                " to {}",
                match p {
                    Value::Object(m) => m
                        .values()
                        .map(|v| list(Some(v)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    other => list(Some(other)),
                }
            )
        })
        .unwrap_or_default();
    let cond = if st.get("Condition").is_some() {
        " (with conditions)"
    } else {
        ""
    };
    format!("{effect} {actions}{on}{who}{cond}")
}

fn statements(doc: &Value) -> Option<Vec<&Value>> {
    match doc.get("Statement")? {
        Value::Array(a) => Some(a.iter().collect()),
        v @ Value::Object(_) => Some(vec![v]),
        _ => None,
    }
}

/// Lines describing one field change; policy documents are compared statement by statement.
pub fn describe(field: &str, old: &Value, new: &Value) -> Vec<String> {
    if let (Some(a), Some(b)) = (statements(old), statements(new)) {
        let mut out = Vec::new();
        for i in 0..a.len().max(b.len()) {
            match (a.get(i), b.get(i)) {
                (Some(x), Some(y)) if x != y => {
                    out.push(format!(
                        "{field} statement {i}: {} → {}",
                        statement(x),
                        statement(y)
                    ));
                }
                (Some(x), None) => {
                    out.push(format!("{field} statement {i} removed: {}", statement(x)))
                }
                (None, Some(y)) => {
                    out.push(format!("{field} statement {i} added: {}", statement(y)))
                }
                _ => {}
            }
        }
        return out;
    }
    if new.is_null()
        && let Some(s) = statements(old)
    {
        return vec![format!("{field} removed ({} statements)", s.len())];
    }
    if old.is_null()
        && let Some(s) = statements(new)
    {
        return s
            .iter()
            .enumerate()
            .map(|(i, st)| format!("{field} statement {i} added: {}", statement(st)))
            .collect();
    }
    vec![format!("{field}: {} → {}", short(old), short(new))]
}

fn finding_line(f: &Finding) -> String {
    let target = f
        .target
        .as_ref()
        .map(|t| format!(" → {}", t.name))
        .unwrap_or_default();
    let sup = if f.suppressed.is_some() {
        " (suppressed)"
    } else {
        ""
    };
    format!(
        "{} {} {}{target}: {}{sup}",
        f.severity.as_str().to_uppercase(),
        f.rule_id,
        f.subject.name,
        f.title
    )
}

/// Both runs' scope, and each read it could not complete on a line of its own (the scope
/// difference first).
fn runs(d: &Diff) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = d.scope_note() {
        out.push(n);
    }
    for (name, s) in [("Old run", &d.old_scope), ("New run", &d.new_scope)] {
        let state = if s.incomplete.is_empty() {
            "complete"
        } else {
            "INCOMPLETE"
        };
        out.push(format!("{name} ({state}): {}", s.names().join(", ")));
        for c in s.incomplete.iter().take(5) {
            out.push(format!(
                "    {} {} {}{}",
                c.status.as_str(),
                c.api,
                c.target,
                c.region
                    .as_deref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            ));
        }
        if s.incomplete.len() > 5 {
            out.push(format!("    and {} more", s.incomplete.len() - 5));
        }
    }
    out
}

fn summary(d: &Diff) -> String {
    format!(
        "{} new, {} resolved, {} unknown (not seen by the new run), {} unchanged",
        d.new.len(),
        d.resolved.len(),
        d.unknown.len(),
        d.unchanged
    )
}

pub fn table(d: &Diff) -> String {
    let mut out = String::new();
    for line in runs(d) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\nFindings: {}", summary(d));
    for f in &d.new {
        let _ = writeln!(out, "  NEW      {}", finding_line(f));
    }
    for f in &d.resolved {
        let _ = writeln!(out, "  RESOLVED {}", finding_line(f));
    }
    for (f, why) in &d.unknown {
        let _ = writeln!(out, "  UNKNOWN  {} ({why})", finding_line(f));
    }
    let r = &d.resources;
    let _ = writeln!(
        out,
        "\nResources: {} added, {} removed, {} changed, {} unknown",
        r.added.len(),
        r.removed.len(),
        r.changed.len(),
        d.unseen.len()
    );
    for a in &r.added {
        let _ = writeln!(out, "  + {} {} ({})", a.kind, a.name, a.id);
    }
    for a in &r.removed {
        let _ = writeln!(out, "  - {} {} ({})", a.kind, a.name, a.id);
    }
    for (a, why) in &d.unseen {
        let _ = writeln!(out, "  ? {} {} ({}): {why}", a.kind, a.name, a.id);
    }
    for c in &r.changed {
        let _ = writeln!(out, "  ~ {} {} ({})", c.kind, c.name, c.id);
        for f in &c.changes {
            for line in describe(&f.field, &f.old, &f.new) {
                let _ = writeln!(out, "      {line}");
            }
        }
    }
    out
}

/// Findings with no reason to show.
fn plain(l: &[Finding]) -> Vec<(&Finding, &str)> {
    l.iter().map(|f| (f, "")).collect()
}

use crate::report::escape::{md_code, md_text as md_escape};

pub fn markdown(d: &Diff) -> String {
    let mut out = String::new();
    let r = &d.resources;
    let _ = writeln!(out, "## fnscope: what changed\n");
    for line in runs(d) {
        let _ = writeln!(out, "- {}", md_escape(&line));
    }
    let _ = writeln!(
        out,
        "\n**Findings:** {} · **Resources:** {} added, {} removed, {} changed, {} unknown\n",
        summary(d),
        r.added.len(),
        r.removed.len(),
        r.changed.len(),
        d.unseen.len()
    );
    let unknown: Vec<(&Finding, &str)> = d.unknown.iter().map(|(f, w)| (f, w.as_str())).collect();
    for (title, list) in [
        ("New findings", plain(&d.new)),
        ("Resolved findings", plain(&d.resolved)),
        ("Unknown: not seen by the new run", unknown),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "### {title}\n\n| severity | rule | subject | target | title |\n|---|---|---|---|---|"
        );
        for (f, why) in list {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {}{}{} |",
                f.severity,
                f.rule_id,
                md_code(&f.subject.name),
                f.target
                    .as_ref()
                    .map(|t| md_code(&t.name))
                    .unwrap_or_default(),
                md_escape(&f.title),
                if f.suppressed.is_some() {
                    " (suppressed)"
                } else {
                    ""
                },
                if why.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", md_escape(why))
                }
            );
        }
        let _ = writeln!(out);
    }
    if !r.is_empty() || !d.unseen.is_empty() {
        let _ = writeln!(
            out,
            "### Resources\n\n| change | kind | name | details |\n|---|---|---|---|"
        );
        for a in &r.added {
            let _ = writeln!(out, "| added | {} | {} | |", a.kind, md_code(&a.name));
        }
        for a in &r.removed {
            let _ = writeln!(out, "| removed | {} | {} | |", a.kind, md_code(&a.name));
        }
        for (a, why) in &d.unseen {
            let _ = writeln!(
                out,
                "| unknown | {} | {} | {} |",
                a.kind,
                md_code(&a.name),
                md_escape(why)
            );
        }
        for c in &r.changed {
            let lines: Vec<String> = c
                .changes
                .iter()
                .flat_map(|f| describe(&f.field, &f.old, &f.new))
                .map(|l| md_escape(&l))
                .collect();
            let _ = writeln!(
                out,
                "| changed | {} | {} | {} |",
                c.kind,
                md_code(&c.name),
                lines.join("<br>")
            );
        }
        let _ = writeln!(out);
    }
    out
}
