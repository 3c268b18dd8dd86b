//! `fnscope diff OLD NEW`: resources added / removed / changed, and findings new / resolved /
//! unchanged, both snapshots evaluated with the same rules and configuration.

use std::collections::HashSet;
use std::fmt::Write;

use serde::Serialize;
use serde_json::Value;

use fnscope_policies::{Evaluation, Finding};
use fnscope_snapshot::Snapshot;
use fnscope_snapshot::diff::ResourceDiff;

use crate::report::json::{FindingOut, finding_out};

pub const DIFF_SCHEMA: &str = "fnscope.diff/v1";

/// The diff of two evaluated snapshots.
pub struct Diff {
    pub resources: ResourceDiff,
    pub new: Vec<Finding>,
    pub resolved: Vec<Finding>,
    pub unchanged: usize,
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
    Diff {
        resources: fnscope_snapshot::diff::diff(old, new),
        new: new_eval
            .findings
            .iter()
            .filter(|f| !old_fp.contains(f.fingerprint.as_str()))
            .cloned()
            .collect(),
        resolved: old_eval
            .findings
            .iter()
            .filter(|f| !new_fp.contains(f.fingerprint.as_str()))
            .cloned()
            .collect(),
        unchanged: new_eval
            .findings
            .iter()
            .filter(|f| old_fp.contains(f.fingerprint.as_str()))
            .count(),
    }
}

#[derive(Serialize)]
struct DiffOut<'a> {
    schema: &'static str,
    tool_version: &'static str,
    generated_at: String,
    old: SnapshotOut,
    new: SnapshotOut,
    resources: &'a ResourceDiff,
    findings: FindingsOut<'a>,
}

#[derive(Serialize)]
struct SnapshotOut {
    taken_at: String,
    complete: bool,
}

#[derive(Serialize)]
struct FindingsOut<'a> {
    new: Vec<FindingOut<'a>>,
    resolved: Vec<FindingOut<'a>>,
    unchanged: usize,
}

pub fn json(d: &Diff, old: &Snapshot, new: &Snapshot) -> Result<Vec<u8>, serde_json::Error> {
    let snap = |s: &Snapshot| SnapshotOut {
        taken_at: s
            .taken_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        complete: s.is_complete(),
    };
    let out = DiffOut {
        schema: DIFF_SCHEMA,
        tool_version: env!("CARGO_PKG_VERSION"),
        generated_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        old: snap(old),
        new: snap(new),
        resources: &d.resources,
        findings: FindingsOut {
            new: d.new.iter().map(finding_out).collect(),
            resolved: d.resolved.iter().map(finding_out).collect(),
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

pub fn table(d: &Diff) -> String {
    let mut out = String::new();
    let r = &d.resources;
    let _ = writeln!(
        out,
        "Resources: {} added, {} removed, {} changed",
        r.added.len(),
        r.removed.len(),
        r.changed.len()
    );
    for a in &r.added {
        let _ = writeln!(out, "  + {} {} ({})", a.kind, a.name, a.id);
    }
    for a in &r.removed {
        let _ = writeln!(out, "  - {} {} ({})", a.kind, a.name, a.id);
    }
    for c in &r.changed {
        let _ = writeln!(out, "  ~ {} {} ({})", c.kind, c.name, c.id);
        for f in &c.changes {
            for line in describe(&f.field, &f.old, &f.new) {
                let _ = writeln!(out, "      {line}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\nFindings: {} new, {} resolved, {} unchanged",
        d.new.len(),
        d.resolved.len(),
        d.unchanged
    );
    for f in &d.new {
        let _ = writeln!(out, "  NEW      {}", finding_line(f));
    }
    for f in &d.resolved {
        let _ = writeln!(out, "  RESOLVED {}", finding_line(f));
    }
    out
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn markdown(d: &Diff) -> String {
    let mut out = String::new();
    let r = &d.resources;
    let _ = writeln!(out, "## fnscope: what changed\n");
    let _ = writeln!(
        out,
        "**Findings:** {} new, {} resolved, {} unchanged · **Resources:** {} added, {} removed, {} changed\n",
        d.new.len(),
        d.resolved.len(),
        d.unchanged,
        r.added.len(),
        r.removed.len(),
        r.changed.len()
    );
    for (title, list) in [("New findings", &d.new), ("Resolved findings", &d.resolved)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "### {title}\n\n| severity | rule | subject | target | title |\n|---|---|---|---|---|"
        );
        for f in list {
            let _ = writeln!(
                out,
                "| {} | {} | `{}` | {} | {}{} |",
                f.severity,
                f.rule_id,
                md_escape(&f.subject.name),
                f.target
                    .as_ref()
                    .map(|t| format!("`{}`", md_escape(&t.name)))
                    .unwrap_or_default(),
                md_escape(&f.title),
                if f.suppressed.is_some() {
                    " (suppressed)"
                } else {
                    ""
                }
            );
        }
        let _ = writeln!(out);
    }
    if !r.is_empty() {
        let _ = writeln!(
            out,
            "### Resources\n\n| change | kind | name | details |\n|---|---|---|---|"
        );
        for a in &r.added {
            let _ = writeln!(out, "| added | {} | `{}` | |", a.kind, md_escape(&a.name));
        }
        for a in &r.removed {
            let _ = writeln!(out, "| removed | {} | `{}` | |", a.kind, md_escape(&a.name));
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
                "| changed | {} | `{}` | {} |",
                c.kind,
                md_escape(&c.name),
                lines.join("<br>")
            );
        }
        let _ = writeln!(out);
    }
    out
}
