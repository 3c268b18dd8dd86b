//! Markdown: a summary for a pull-request comment or a ticket.

use std::fmt::Write;

use fnscope_policies::{Evaluation, Severity};
use fnscope_snapshot::{CoverageStatus, Snapshot};

use super::escape::{md_code, md_text as esc};

pub fn render(snapshot: &Snapshot, eval: &Evaluation) -> String {
    let mut out = String::new();
    let s = super::json::summary(eval);
    let _ = writeln!(out, "## fnscope report\n");
    let _ = writeln!(
        out,
        "**{} critical · {} high · {} medium · {} low** ({} suppressed, {} not evaluated) — {} workloads in {} targets{}\n",
        s.critical,
        s.high,
        s.medium,
        s.low,
        s.suppressed,
        s.not_evaluated,
        snapshot.workloads.len(),
        snapshot.targets.len(),
        if snapshot.is_complete() {
            ""
        } else {
            " · **scan incomplete**"
        }
    );
    let active: Vec<_> = eval
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .collect();
    if !active.is_empty() {
        let _ = writeln!(
            out,
            "| severity | rule | subject | target | why |\n|---|---|---|---|---|"
        );
        for sev in Severity::ALL {
            for f in active.iter().filter(|f| f.severity == sev) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    f.severity,
                    f.rule_id,
                    md_code(&f.subject.name),
                    f.target
                        .as_ref()
                        .map(|t| md_code(&t.name))
                        .unwrap_or_default(),
                    esc(f
                        .evidence
                        .first()
                        .map(|e| e.detail.as_str())
                        .unwrap_or_default())
                );
            }
        }
        let _ = writeln!(out);
    }
    let gaps: Vec<_> = snapshot
        .coverage
        .iter()
        .filter(|c| c.status != CoverageStatus::Complete)
        .collect();
    if !gaps.is_empty() || !eval.not_evaluated.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>What could not be checked</summary>\n"
        );
        for c in gaps {
            let _ = writeln!(
                out,
                "- {} {} {}: {}",
                c.status.as_str(),
                md_code(&c.api),
                esc(c.region.as_deref().unwrap_or("")),
                esc(&c.detail)
            );
        }
        for n in &eval.not_evaluated {
            let _ = writeln!(out, "- {} not evaluated: {}", n.rule_id, esc(&n.reason));
        }
        let _ = writeln!(out, "\n</details>");
    }
    out
}
