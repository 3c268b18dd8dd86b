//! The terminal view, for people: the findings first, grouped by severity, one line each; what could
//! not be evaluated; a coverage summary; the inventory as counts (or, with `--inventory`, the table of
//! workloads). Every line fits the width (`COLUMNS`, else 120) unless `--wide` is given.

use std::collections::BTreeMap;
use std::fmt::Write;

use tabled::settings::object::Columns;
use tabled::settings::peaker::PriorityMax;
use tabled::settings::{Style, Width};
use tabled::{Table, Tabled};

use fnscope_policies::{Evaluation, Finding, Severity};
use fnscope_snapshot::{CoverageStatus, Snapshot, TriggerDetails, WorkloadDetails};

/// How the table is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// The widest a line may be.
    pub width: usize,
    /// No truncation, and every piece of evidence under each finding.
    pub wide: bool,
    /// The table of workloads instead of counts.
    pub inventory: bool,
}

impl Layout {
    /// The terminal's width from `COLUMNS` (at least 80), else 120.
    pub fn new(wide: bool, inventory: bool) -> Layout {
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<usize>().ok())
            .filter(|w| *w >= 80)
            .unwrap_or(120);
        Layout {
            width,
            wide,
            inventory,
        }
    }

    /// A line cut to the width (with `…`), unless wide.
    fn fit(&self, line: &str) -> String {
        if self.wide || line.chars().count() <= self.width {
            return line.to_string();
        }
        let mut s: String = line.chars().take(self.width.saturating_sub(1)).collect();
        s.push('…');
        s
    }

    /// `text` with each line fitted.
    pub fn fit_text(&self, text: &str) -> String {
        let mut out = String::new();
        self.lines(&mut out, text);
        out
    }

    /// Writes each line of `text` fitted.
    fn lines(&self, out: &mut String, text: &str) {
        for l in text.lines() {
            let _ = writeln!(out, "{}", self.fit(l));
        }
    }

    /// A table cut to the width, its widest columns first; `caps` (column, width) cut some columns
    /// first so the last one keeps the room.
    pub fn table(&self, mut t: Table, caps: &[(usize, usize)]) -> String {
        t.with(Style::sharp());
        if !self.wide {
            for (col, w) in caps {
                t.modify(Columns::one(*col), Width::truncate(*w).suffix("…"));
            }
            t.with(
                Width::truncate(self.width)
                    .priority(PriorityMax::right())
                    .suffix("…"),
            );
        }
        t.to_string()
    }
}

#[derive(Tabled)]
struct FindingRow {
    severity: String,
    rule: String,
    #[tabled(rename = "who")]
    subject: String,
    #[tabled(rename = "reaches")]
    target: String,
    #[tabled(rename = "why")]
    evidence: String,
}

/// The evidence a reader wants first: the path, trigger or exposure when there is one, else the
/// granting statement. `--format json` (or `--wide`) carries all of it.
fn primary(f: &Finding) -> String {
    let e = [
        "path",
        "trigger",
        "exposure",
        "usage",
        "permission",
        "binding",
        "statement",
        "privilege",
    ]
    .iter()
    .find_map(|k| f.evidence.iter().find(|e| e.kind == *k))
    .or(f.evidence.first());
    e.map(|e| e.detail.clone()).unwrap_or_default()
}

fn finding_row(f: &Finding) -> FindingRow {
    let mut rule = f.rule_id.trim_start_matches("T1648-").to_string();
    if f.conditional {
        rule.push('?');
    }
    FindingRow {
        severity: f.severity.as_str().to_string(),
        rule,
        subject: f.subject.name.clone(),
        target: f
            .target
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_else(|| "-".into()),
        evidence: primary(f),
    }
}

pub fn render(
    snapshot: &Snapshot,
    eval: &Evaluation,
    suppressions: &[crate::config::SuppressionStatus],
    layout: Layout,
) -> String {
    let mut out = String::new();
    let active: Vec<&Finding> = eval
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .collect();
    let counts: Vec<String> = Severity::ALL
        .iter()
        .map(|s| (s, active.iter().filter(|f| f.severity == *s).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "{}",
        layout.fit(&format!(
            "Findings ({}){}",
            active.len(),
            if counts.is_empty() {
                String::new()
            } else {
                format!(": {}", counts.join(", "))
            }
        ))
    );
    if active.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let mut sorted = active.clone();
        sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
        if layout.wide {
            for f in sorted {
                let r = finding_row(f);
                let _ = writeln!(
                    out,
                    "{} {} {} → {}: {}",
                    r.severity.to_uppercase(),
                    f.rule_id,
                    r.subject,
                    r.target,
                    f.title
                );
                for e in &f.evidence {
                    let _ = writeln!(out, "    {}: {} — {}", e.kind, e.detail, e.path);
                }
            }
        } else {
            let rows: Vec<FindingRow> = sorted.into_iter().map(finding_row).collect();
            // who and reaches get a fifth of the width each; why the rest.
            let fifth = (layout.width / 5).max(16);
            let _ = writeln!(
                out,
                "{}",
                layout.table(Table::new(rows), &[(2, fifth), (3, fifth)])
            );
            let _ = writeln!(
                out,
                "{}",
                layout.fit(
                    "? = rests on a condition fnscope could not resolve · --wide or --format json: all evidence"
                )
            );
        }
    }
    let suppressed = eval.findings.len() - active.len();
    if suppressed > 0 {
        let _ = writeln!(out, "  ({suppressed} suppressed)");
    }
    for s in suppressions.iter().filter(|s| s.status != "active") {
        let _ = writeln!(
            out,
            "{}",
            layout.fit(&format!(
                "  suppression at line {} ({} / {}) is {}: {}",
                s.line, s.rule, s.resource, s.status, s.reason
            ))
        );
    }
    if !eval.not_evaluated.is_empty() {
        let _ = writeln!(out, "\nNot evaluated ({})", eval.not_evaluated.len());
        for n in &eval.not_evaluated {
            let _ = writeln!(
                out,
                "{}",
                layout.fit(&format!("  {}: {}", n.rule_id, n.reason))
            );
        }
    }
    let _ = writeln!(out);
    layout.lines(&mut out, &coverage_summary(snapshot));
    let _ = writeln!(out);
    if layout.inventory {
        out.push_str(&inventory(snapshot, layout));
    } else {
        layout.lines(&mut out, &inventory_counts(snapshot));
    }
    out
}

/// Workloads and identities per provider and kind, a line per provider.
fn inventory_counts(snapshot: &Snapshot) -> String {
    let mut by: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for w in &snapshot.workloads {
        *by.entry(w.provider.as_str())
            .or_default()
            .entry(w.kind.as_str())
            .or_default() += 1;
    }
    for i in &snapshot.identities {
        *by.entry(i.provider.as_str())
            .or_default()
            .entry(i.kind.as_str())
            .or_default() += 1;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Inventory: {} workloads, {} identities (--inventory lists the workloads)",
        snapshot.workloads.len(),
        snapshot.identities.len()
    );
    for (p, kinds) in by {
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let _ = writeln!(out, "  {p}: {}", list.join(", "));
    }
    out
}

#[derive(Tabled)]
struct WorkloadRow {
    #[tabled(rename = "workload")]
    name: String,
    region: String,
    runtime: String,
    #[tabled(rename = "runs as")]
    role: String,
    triggers: String,
    exposure: String,
}

/// The last path segment of an ARN-like id (`arn:…:role/path/name` → `name`).
fn short(id: &str) -> &str {
    id.rsplit(['/', ':']).next().unwrap_or(id)
}

fn triggers_by_workload(snapshot: &Snapshot) -> BTreeMap<&str, Vec<String>> {
    let mut map: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for t in &snapshot.triggers {
        let label = match &t.details {
            TriggerDetails::AwsEventbridgeRule(r) => {
                let what = if r.schedule_expression.is_some() {
                    "schedule"
                } else {
                    "rule"
                };
                let state = match t.state.as_deref() {
                    Some("DISABLED") => " (disabled)",
                    _ => "",
                };
                format!("{what} {}{state}", t.name)
            }
            TriggerDetails::AwsEventSourceMapping(m) => format!(
                "{} ({})",
                m.event_source_arn
                    .as_deref()
                    .map(|a| a.split(':').nth(2).unwrap_or("source"))
                    .unwrap_or("source"),
                m.event_source_arn.as_deref().map(short).unwrap_or("?")
            ),
            TriggerDetails::Other { .. } => t.name.clone(),
        };
        for w in &t.workloads {
            map.entry(w.as_str()).or_default().push(label.clone());
        }
    }
    map
}

/// The table of workloads (`--inventory`).
fn inventory(snapshot: &Snapshot, layout: Layout) -> String {
    let mut out = String::new();
    let triggers = triggers_by_workload(snapshot);
    let rows: Vec<WorkloadRow> = snapshot
        .workloads
        .iter()
        .map(|w| {
            let mut trig = triggers.get(w.id.as_str()).cloned().unwrap_or_default();
            let mut exposure: Vec<String> = Vec::new();
            for n in &w.exposure.notes {
                if let Some(svc) = n.strip_prefix("service ") {
                    trig.push(format!(
                        "{} (permission)",
                        svc.trim_end_matches(".amazonaws.com")
                    ));
                } else {
                    exposure.push(n.clone());
                }
            }
            let mut exposure = exposure.join("; ");
            if w.exposure.public {
                exposure = format!("PUBLIC: {exposure}");
            }
            if let WorkloadDetails::AwsLambda(d) = &w.details
                && (!d.resource_policy_read || !d.url_read)
            {
                exposure.push_str(if exposure.is_empty() {
                    "unknown (not read)"
                } else {
                    "; partly unknown"
                });
            }
            WorkloadRow {
                name: w.name.clone(),
                region: w.location.clone().unwrap_or_default(),
                runtime: w.runtime.clone().unwrap_or_else(|| "-".into()),
                role: w
                    .identities
                    .iter()
                    .map(|i| short(i).to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                triggers: if trig.is_empty() {
                    "-".into()
                } else {
                    trig.join(", ")
                },
                exposure: if exposure.is_empty() {
                    "-".into()
                } else {
                    exposure
                },
            }
        })
        .collect();
    let _ = writeln!(out, "Workloads ({})", rows.len());
    if rows.is_empty() {
        let _ = writeln!(out, "  none found");
    } else {
        let _ = writeln!(out, "{}", layout.table(Table::new(rows), &[]));
    }
    out
}

/// One line of counts, then one line per coverage record that is not complete.
pub fn coverage_summary(snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let mut counts: BTreeMap<CoverageStatus, usize> = BTreeMap::new();
    for c in &snapshot.coverage {
        *counts.entry(c.status).or_default() += 1;
    }
    let targets: Vec<String> = snapshot
        .targets
        .iter()
        .map(|t| {
            if t.regions.is_empty() {
                format!("{} {}", t.provider, t.id)
            } else {
                format!("{} {} ({} regions)", t.provider, t.id, t.regions.len())
            }
        })
        .collect();
    let parts: Vec<String> = counts
        .iter()
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    let _ = writeln!(
        out,
        "Coverage: {} API reads: {} — {}",
        snapshot.coverage.len(),
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        },
        if targets.is_empty() {
            "nothing scanned".to_string()
        } else {
            targets.join(", ")
        }
    );
    for c in snapshot
        .coverage
        .iter()
        .filter(|c| c.status != CoverageStatus::Complete)
    {
        let _ = writeln!(
            out,
            "  {} {} {}{}: {}",
            c.status.as_str().to_uppercase(),
            c.api,
            c.target,
            c.region
                .as_deref()
                .map(|r| format!(" {r}"))
                .unwrap_or_default(),
            c.detail
        );
    }
    if !snapshot.is_complete() {
        let _ = writeln!(
            out,
            "The scan is incomplete: results may miss what could not be read."
        );
    }
    out
}
