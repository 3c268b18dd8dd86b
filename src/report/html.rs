//! A self-contained HTML report: inventory per provider, findings with their evidence, and a picture of
//! each escalation path (principal → permission → identity → workload) as inline SVG. No script, no
//! external resource; a Content-Security-Policy forbids fetching anything at view time.

use std::fmt::Write;

use fnscope_policies::{Evaluation, Finding, Severity};
use fnscope_snapshot::{CoverageStatus, Provider, Snapshot};

/// HTML-escapes text (cloud data is attacker-influenced: names, descriptions).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
header{background:#1b1f24;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1200px}section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin:12px 0}
.counts span{display:inline-block;margin-right:12px;padding:2px 8px;border-radius:10px;font-weight:600}
.critical{background:#ffebe9;color:#a40e26}.high{background:#fff1e5;color:#953800}.medium{background:#fff8c5;color:#7d4e00}.low{background:#ddf4ff;color:#0a3069}
details{border-top:1px solid #eaeef2;padding:6px 0}summary{cursor:pointer}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eaeef2;text-align:left;padding:4px 6px;vertical-align:top;font-size:13px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}.muted{color:#57606a}
svg.path text{font:12px system-ui,sans-serif}
"#;

/// The steps of an escalation picture: who, with which permission, becomes which identity, in which
/// workload.
fn path_nodes(f: &Finding) -> Option<Vec<(String, &'static str)>> {
    let target = f.target.as_ref()?;
    let permissions: Vec<String> = f
        .evidence
        .iter()
        .filter(|e| e.kind == "statement")
        .filter_map(|e| e.detail.split_whitespace().next().map(str::to_string))
        .collect();
    let workload = match &f.resource {
        Some(r) if r.id != f.subject.id => Some(r.name.clone()),
        _ if f.rule_id.ends_with("-001") => Some("new function".to_string()),
        _ => None,
    };
    let subject_role = if f.subject.kind.contains("function")
        || f.resource.as_ref().is_some_and(|r| r.id == f.subject.id)
    {
        "workload"
    } else {
        "principal"
    };
    let mut nodes = vec![(f.subject.name.clone(), subject_role)];
    if !permissions.is_empty() {
        let mut p = permissions;
        p.dedup();
        nodes.push((p.join(" + "), "permission"));
    } else if let Some(e) = f.evidence.iter().find(|e| e.kind == "trigger") {
        let name = e.path.rsplit('/').next().unwrap_or(&e.path);
        nodes.insert(0, (format!("rule {name}"), "trigger"));
    } else if let Some(e) = f.evidence.iter().find(|e| e.kind == "exposure") {
        nodes.insert(
            0,
            (
                e.detail
                    .replace("resource policy lets ", "")
                    .replace(" invoke it", ""),
                "invoker",
            ),
        );
    }
    if let Some(w) = workload.filter(|w| *w != f.subject.name) {
        nodes.push((w, "workload"));
    }
    nodes.push((target.name.clone(), "identity"));
    (nodes.len() >= 2).then_some(nodes)
}

fn svg_path(nodes: &[(String, &'static str)]) -> String {
    let widths: Vec<usize> = nodes
        .iter()
        .map(|(t, _)| 24 + 7 * t.chars().count().min(60))
        .collect();
    let gap = 40;
    let total: usize = widths.iter().sum::<usize>() + gap * (nodes.len() - 1) + 4;
    let mut s = format!(
        r#"<svg class="path" role="img" aria-label="escalation path" xmlns="http://www.w3.org/2000/svg" width="{total}" height="74" viewBox="0 0 {total} 74">"#
    );
    s.push_str(r##"<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#57606a"/></marker></defs>"##);
    let mut x = 2;
    for (i, ((text, role), w)) in nodes.iter().zip(&widths).enumerate() {
        let fill = match *role {
            "principal" | "invoker" => "#ddf4ff",
            "permission" | "trigger" => "#fff8c5",
            "workload" => "#dafbe1",
            _ => "#ffebe9",
        };
        let label: String = text.chars().take(60).collect();
        let _ = write!(
            s,
            r##"<g class="node {role}"><rect x="{x}" y="18" rx="6" width="{w}" height="34" fill="{fill}" stroke="#8c959f"/><text x="{}" y="40" text-anchor="middle">{}</text><text x="{}" y="12" text-anchor="middle" fill="#57606a">{role}</text></g>"##,
            x + w / 2,
            esc(&label),
            x + w / 2,
        );
        if i + 1 < nodes.len() {
            let _ = write!(
                s,
                r##"<line x1="{}" y1="35" x2="{}" y2="35" stroke="#57606a" stroke-width="1.5" marker-end="url(#arrow)"/>"##,
                x + w,
                x + w + gap - 2
            );
        }
        x += w + gap;
    }
    s.push_str("</svg>");
    s
}

pub fn render(snapshot: &Snapshot, eval: &Evaluation) -> String {
    let mut h = String::new();
    let sum = super::json::summary(eval);
    let _ = write!(
        h,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><meta name="viewport" content="width=device-width, initial-scale=1"><title>fnscope report</title><style>{STYLE}</style></head><body><header><h1>fnscope report</h1><div class="muted">T1648 Serverless Execution · snapshot taken {} · fnscope {}</div></header><main>"#,
        esc(&snapshot
            .taken_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        env!("CARGO_PKG_VERSION")
    );
    let _ = write!(
        h,
        r#"<section class="counts" id="summary"><span class="critical">{} critical</span><span class="high">{} high</span><span class="medium">{} medium</span><span class="low">{} low</span><span class="muted">{} suppressed · {} not evaluated · {}</span></section>"#,
        sum.critical,
        sum.high,
        sum.medium,
        sum.low,
        sum.suppressed,
        sum.not_evaluated,
        if snapshot.is_complete() {
            "scan complete"
        } else {
            "scan incomplete"
        }
    );

    findings(&mut h, eval);
    inventory(&mut h, snapshot);
    coverage(&mut h, snapshot);
    h.push_str("</table></section></main></body></html>\n");
    h
}

/// The findings, most severe first, each with its path picture and evidence; then what was not
/// evaluated.
fn findings(h: &mut String, eval: &Evaluation) {
    let _ = write!(h, r#"<section id="findings"><h2>Findings</h2>"#);
    if eval.findings.is_empty() {
        h.push_str("<p>No findings.</p>");
    }
    for sev in Severity::ALL {
        for f in eval.findings.iter().filter(|f| f.severity == sev) {
            let target = f
                .target
                .as_ref()
                .map(|t| format!(" → <code>{}</code>", esc(&t.name)))
                .unwrap_or_default();
            let sup = f
                .suppressed
                .as_ref()
                .map(|s| {
                    format!(
                        r#" <span class="muted">(suppressed: {})</span>"#,
                        esc(&s.reason)
                    )
                })
                .unwrap_or_default();
            let _ = write!(
                h,
                r#"<details class="finding" data-rule="{}"{}><summary><span class="{}">{}</span> <b>{}</b> <code>{}</code>{target} — {}{sup}</summary>"#,
                esc(&f.rule_id),
                if sev >= Severity::High && f.suppressed.is_none() {
                    " open"
                } else {
                    ""
                },
                sev.as_str(),
                sev.as_str(),
                esc(&f.rule_id),
                esc(&f.subject.name),
                esc(&f.title)
            );
            if let Some(nodes) = path_nodes(f) {
                h.push_str(&svg_path(&nodes));
            }
            h.push_str("<table><tr><th>evidence</th><th>detail</th><th>where</th></tr>");
            for e in &f.evidence {
                let _ = write!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                    esc(&e.kind),
                    esc(&e.detail),
                    esc(&e.path)
                );
            }
            let _ = write!(
                h,
                r#"</table><p class="muted">MITRE {} {} · fingerprint <code>{}</code>{}</p></details>"#,
                esc(&f.mitre.technique),
                esc(&f
                    .mitre
                    .mitigations
                    .iter()
                    .chain(&f.mitre.analytics)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")),
                esc(&f.fingerprint),
                if f.conditional { " · conditional" } else { "" }
            );
        }
    }
    for n in &eval.not_evaluated {
        let _ = write!(
            h,
            r#"<p class="muted">{} not evaluated: {}</p>"#,
            esc(&n.rule_id),
            esc(&n.reason)
        );
    }
    h.push_str("</section>");
}

/// One table of workloads per provider.
fn inventory(h: &mut String, snapshot: &Snapshot) {
    for p in Provider::ALL {
        let ws: Vec<_> = snapshot
            .workloads
            .iter()
            .filter(|w| w.provider == p)
            .collect();
        if ws.is_empty() {
            continue;
        }
        let _ = write!(
            h,
            r#"<section id="inventory-{p}"><h2>Inventory: {p} ({} workloads)</h2><table><tr><th>name</th><th>location</th><th>runtime</th><th>runs as</th><th>exposure</th></tr>"#,
            ws.len()
        );
        for w in ws {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>",
                esc(&w.name),
                esc(w.location.as_deref().unwrap_or("")),
                esc(w.runtime.as_deref().unwrap_or("")),
                w.identities
                    .iter()
                    .map(|i| format!("<code>{}</code>", esc(i)))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                if w.exposure.public {
                    "<b>public</b> "
                } else {
                    ""
                },
                esc(&w.exposure.notes.join("; "))
            );
        }
        h.push_str("</table></section>");
    }
}

/// Every coverage record, the incomplete ones marked.
fn coverage(h: &mut String, snapshot: &Snapshot) {
    h.push_str(r#"<section id="coverage"><h2>Coverage</h2><table><tr><th>status</th><th>api</th><th>target</th><th>detail</th></tr>"#);
    for c in &snapshot.coverage {
        let cls = if c.status == CoverageStatus::Complete {
            ""
        } else {
            " class=\"high\""
        };
        let _ = write!(
            h,
            "<tr><td{cls}>{}</td><td><code>{}</code></td><td>{} {}</td><td>{}</td></tr>",
            c.status.as_str(),
            esc(&c.api),
            esc(&c.target),
            esc(c.region.as_deref().unwrap_or("")),
            esc(&c.detail)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_from_cloud_data() {
        assert_eq!(
            esc(r#"<img src=x onerror="a">&'"#),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
    }
}
