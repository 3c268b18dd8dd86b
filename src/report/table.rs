//! The terminal view: the inventory, the findings grouped by severity with their evidence on one line,
//! and a coverage summary at the end.

use std::collections::BTreeMap;
use std::fmt::Write;

use tabled::settings::Style;
use tabled::{Table, Tabled};

use fnscope_policies::{Evaluation, Severity};
use fnscope_snapshot::{CoverageStatus, Snapshot, TriggerDetails, WorkloadDetails};

#[derive(Tabled)]
struct WorkloadRow {
    #[tabled(rename = "function")]
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

pub fn render(
    snapshot: &Snapshot,
    eval: &Evaluation,
    suppressions: &[crate::config::SuppressionStatus],
) -> String {
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
        let mut t = Table::new(rows);
        t.with(Style::sharp());
        let _ = writeln!(out, "{t}");
    }

    let _ = writeln!(out);
    let active: Vec<_> = eval
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .collect();
    let _ = writeln!(out, "Findings ({})", active.len());
    if active.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for sev in Severity::ALL {
        let group: Vec<_> = active.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {} ({})", sev.as_str().to_uppercase(), group.len());
        for f in group {
            let target = f
                .target
                .as_ref()
                .map(|t| format!(" → {}", t.name))
                .unwrap_or_default();
            let cond = if f.conditional { " [conditional]" } else { "" };
            let _ = writeln!(
                out,
                "    {} {}{}{cond}: {}",
                f.rule_id, f.subject.name, target, f.title
            );
            // One readable line of evidence: the path, trigger or exposure when there is one, else the
            // granting statement. `--format json` carries all of it.
            let primary = [
                "path",
                "trigger",
                "exposure",
                "usage",
                "statement",
                "privilege",
            ]
            .iter()
            .find_map(|k| f.evidence.iter().find(|e| e.kind == *k))
            .or(f.evidence.first());
            if let Some(e) = primary {
                let more = f.evidence.len() - 1;
                let more = if more > 0 {
                    format!(" [+{more} more]")
                } else {
                    String::new()
                };
                let _ = writeln!(out, "        {} — {}{more}", e.detail, e.path);
            }
        }
    }
    let suppressed = eval.findings.len() - active.len();
    if suppressed > 0 {
        let _ = writeln!(out, "  ({suppressed} suppressed)");
    }
    for s in suppressions.iter().filter(|s| s.status != "active") {
        let _ = writeln!(
            out,
            "  suppression at line {} ({} / {}) is {}: {}",
            s.line, s.rule, s.resource, s.status, s.reason
        );
    }
    if !eval.not_evaluated.is_empty() {
        let _ = writeln!(out, "\nNot evaluated ({})", eval.not_evaluated.len());
        for n in &eval.not_evaluated {
            let _ = writeln!(out, "  {}: {}", n.rule_id, n.reason);
        }
    }

    let _ = writeln!(out);
    out.push_str(&coverage_summary(snapshot));
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
        "Coverage: {} — {} API reads: {}",
        if targets.is_empty() {
            "nothing scanned".to_string()
        } else {
            targets.join(", ")
        },
        snapshot.coverage.len(),
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
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
