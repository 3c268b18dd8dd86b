//! Judging fnscope's detections on public recordings of attack techniques (`tests/recordings`): for
//! each recording, what was expected (written before fnscope ran on it) and which findings came from
//! its records.

use serde::Deserialize;
use serde_json::Value;

use crate::Error;

/// One recording and what fnscope should make of it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    /// The file, relative to the estate (`aws/<account>/logs/<name>.json`).
    pub file: String,
    /// The technique it records, and where from.
    pub technique: String,
    /// `real` (a detonation or a real export), `test-event` (written by hand for a peer's tests),
    /// `doc-sample` (a provider's documentation).
    pub kind: String,
    /// `finding` (at least one finding of `rule`, medium or above, naming `resource` and `actor`),
    /// `none-above-low` (no finding above low), `none` (no finding at all).
    pub expect: String,
    #[serde(default)]
    pub rule: String,
    #[serde(default)]
    pub resource: String,
    #[serde(default)]
    pub actor: String,
    /// Why, in one line.
    pub why: String,
    /// A judgement changed after the first run says so here.
    #[serde(default)]
    pub changed: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recordings {
    pub recording: Vec<Recording>,
}

pub fn parse(file: &str, text: &str) -> Result<Recordings, Error> {
    toml::from_str(text).map_err(|e| Error::Judgements {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// What one recording got.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub recording: Recording,
    /// `rule severity resource-name subject-name` of each finding citing the recording.
    pub fired: Vec<String>,
    pub ok: bool,
}

fn text<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut cur = v;
    for p in path {
        match cur.get(*p) {
            Some(x) => cur = x,
            None => return "",
        }
    }
    cur.as_str().unwrap_or_default()
}

/// Judges every recording against the findings of `reports` (fnscope.report/v1 documents).
pub fn judge(reports: &[Value], r: &Recordings) -> Vec<Outcome> {
    let findings: Vec<&Value> = reports
        .iter()
        .filter_map(|x| x.get("findings").and_then(Value::as_array))
        .flatten()
        .collect();
    let mut out = Vec::new();
    for rec in &r.recording {
        let name = rec.file.rsplit('/').next().unwrap_or(&rec.file);
        let citing: Vec<&&Value> = findings
            .iter()
            .filter(|f| {
                f.get("evidence")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .any(|e| {
                        let p = text(e, &["path"]);
                        p.contains(&format!("/{name}#")) || p.ends_with(&format!("/{name}"))
                    })
            })
            .collect();
        let fired: Vec<String> = citing
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} by {}",
                    text(f, &["rule_id"]),
                    text(f, &["severity"]),
                    text(f, &["resource", "name"]),
                    text(f, &["subject", "name"])
                )
            })
            .collect();
        let above_low = |f: &&&Value| text(f, &["severity"]) != "low";
        let ok = match rec.expect.as_str() {
            "finding" => citing.iter().any(|f| {
                text(f, &["rule_id"]) == rec.rule
                    && above_low(f)
                    && [text(f, &["resource", "name"]), text(f, &["resource", "id"])]
                        .iter()
                        .any(|x| x.contains(&rec.resource))
                    && [text(f, &["subject", "name"]), text(f, &["subject", "id"])]
                        .iter()
                        .any(|x| x.contains(&rec.actor))
            }),
            "none-above-low" => !citing.iter().any(above_low),
            _ => citing.is_empty(),
        };
        out.push(Outcome {
            recording: rec.clone(),
            fired,
            ok,
        });
    }
    out
}

/// The per-recording table and the figures: recall over the recordings that should give a finding,
/// false findings over those that should not.
pub fn render(outcomes: &[Outcome]) -> String {
    let mut s = String::new();
    let mut by_kind = std::collections::BTreeMap::<(&str, &str), (usize, usize)>::new();
    for o in outcomes {
        let r = &o.recording;
        s.push_str(&format!(
            "{} {:<13} {:<10} {}\n    technique: {}\n    expected:  {}{}\n    fired:     {}\n",
            if o.ok { "ok  " } else { "MISS" },
            r.expect,
            r.kind,
            r.file,
            r.technique,
            if r.expect == "finding" {
                format!("{} on {} by {}", r.rule, r.resource, r.actor)
            } else {
                r.expect.clone()
            },
            if r.changed.is_empty() {
                String::new()
            } else {
                format!(" (changed after the first run: {})", r.changed)
            },
            if o.fired.is_empty() {
                "nothing".to_string()
            } else {
                o.fired.join("; ")
            }
        ));
        let k = by_kind
            .entry((
                if r.expect == "finding" {
                    "attack"
                } else {
                    "benign or out of scope"
                },
                r.kind.as_str(),
            ))
            .or_default();
        k.0 += 1;
        if o.ok {
            k.1 += 1;
        }
    }
    s.push_str("\nrecordings                       kind        count   as expected\n");
    for ((what, kind), (n, ok)) in &by_kind {
        s.push_str(&format!("{what:<32} {kind:<10} {n:>6} {ok:>13}\n"));
    }
    let n = outcomes.len();
    let ok = outcomes.iter().filter(|o| o.ok).count();
    s.push_str(&format!("{:<32} {:<10} {n:>6} {ok:>13}\n", "all", ""));
    s
}
