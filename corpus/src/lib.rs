//! The real-world corpus judge. `tests/corpus/<provider>.toml` holds a judgement for every critical
//! or high finding fnscope should or should not make on the corpus, each written (and justified in
//! one line) before fnscope was run on it; [`judge`] reads a `fnscope.report/v1` JSON report of the
//! corpus and says, per rule, what was found, what was judged true and false, what was expected and
//! missed. Findings nobody has judged are listed: a corpus is only as good as its judgements.

pub mod recordings;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::Value;

/// One judgement.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub rule: String,
    /// The workload's name as reported (`subject.name` or `resource.name`): an Apps Script
    /// project's folder, a flow's display name, a principal; `*` for any (then `target` scopes it).
    pub workload: String,
    /// Where: the start of the first evidence's `path` (`Code.js:42` for Apps Script, the step path
    /// for Power Automate). Absent: any finding of the rule on the workload.
    #[serde(default)]
    pub at: Option<String>,
    /// Part of the finding's target id or name (`slack.com`, `dynamic-url`): narrows a judgement
    /// without `at` to one destination.
    #[serde(default)]
    pub target: Option<String>,
    /// `true`: fnscope should report it at critical or high; `false`: reporting it at critical or
    /// high is wrong.
    pub verdict: bool,
    pub why: String,
    /// A known limit: fnscope gets this one wrong, and why (also in the README).
    #[serde(default)]
    pub limit: Option<String>,
}

/// A corpus's judgements.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgements {
    /// `apps-script` or `power-automate`: findings of this provider are judged.
    pub provider: String,
    /// Workloads the corpus holds, to check that every one was read.
    #[serde(default)]
    pub workloads: Option<usize>,
    #[serde(default, rename = "finding")]
    pub findings: Vec<Judgement>,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("`{file}`: {message}")]
    Judgements { file: String, message: String },
    #[error("the report is not a fnscope.report/v1 document: {0}")]
    Report(String),
}

pub fn parse_judgements(file: &str, text: &str) -> Result<Judgements, Error> {
    toml::from_str(text).map_err(|e| Error::Judgements {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// One critical or high finding of the report, as judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    pub rule: String,
    pub severity: String,
    pub workload: String,
    pub at: String,
    /// The target's id and name.
    pub target: String,
    /// `Some(true)` judged true, `Some(false)` judged false, `None` not judged.
    pub verdict: Option<bool>,
    pub limit: Option<String>,
}

/// Per rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleFigures {
    /// Critical and high findings.
    pub found: usize,
    pub judged_true: usize,
    pub judged_false: usize,
    pub unjudged: usize,
    /// Medium and low findings (not judged).
    pub lower: usize,
    /// Judgements saying it should be found.
    pub expected: usize,
    /// Of those, not found at critical or high.
    pub missed: usize,
}

#[derive(Debug, Default)]
pub struct Verdict {
    pub provider: String,
    pub rules: BTreeMap<String, RuleFigures>,
    pub seen: Vec<Seen>,
    /// Expected findings that were not found.
    pub missed: Vec<Judgement>,
    /// Workloads of the provider in the report's inventory (when it has one), and coverage records
    /// of the provider that are not complete.
    pub incomplete: Vec<String>,
}

impl Verdict {
    pub fn totals(&self) -> RuleFigures {
        let mut t = RuleFigures::default();
        for f in self.rules.values() {
            t.found += f.found;
            t.judged_true += f.judged_true;
            t.judged_false += f.judged_false;
            t.unjudged += f.unjudged;
            t.lower += f.lower;
            t.expected += f.expected;
            t.missed += f.missed;
        }
        t
    }

    /// Judged true over judged (true + false); `None` with nothing judged.
    pub fn precision(f: &RuleFigures) -> Option<f64> {
        let n = f.judged_true + f.judged_false;
        (n > 0).then(|| f.judged_true as f64 / n as f64)
    }

    /// Expected and found over expected.
    pub fn recall(f: &RuleFigures) -> Option<f64> {
        (f.expected > 0).then(|| (f.expected - f.missed) as f64 / f.expected as f64)
    }
}

fn matches(j: &Judgement, rule: &str, workload: &str, at: &str, target: &str) -> bool {
    // `*`: any workload (a judgement scoped by its target alone).
    if j.rule != rule || (j.workload != "*" && j.workload != workload) {
        return false;
    }
    if let Some(t) = &j.target
        && !target.contains(t.as_str())
    {
        return false;
    }
    match &j.at {
        None => true,
        Some(a) => {
            at.starts_with(a.as_str()) && !at[a.len()..].starts_with(|c: char| c.is_ascii_digit())
        }
    }
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

/// Judges the findings of `report` (a `fnscope.report/v1` JSON document) for `j.provider`.
pub fn judge(report: &Value, j: &Judgements) -> Result<Verdict, Error> {
    if report.get("schema").and_then(Value::as_str) != Some("fnscope.report/v1") {
        return Err(Error::Report("`schema` is not fnscope.report/v1".into()));
    }
    let findings = report
        .get("findings")
        .and_then(Value::as_array)
        .ok_or_else(|| Error::Report("no `findings` list".into()))?;
    let mut v = Verdict {
        provider: j.provider.clone(),
        ..Verdict::default()
    };
    for c in report
        .get("coverage")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if text(c, &["provider"]) == j.provider && text(c, &["status"]) != "complete" {
            v.incomplete.push(format!(
                "{} {}: {}",
                text(c, &["api"]),
                text(c, &["status"]),
                text(c, &["detail"])
            ));
        }
    }
    for f in findings {
        if text(f, &["provider"]) != j.provider {
            continue;
        }
        let rule = text(f, &["rule_id"]).to_string();
        let severity = text(f, &["severity"]).to_string();
        let fig = v.rules.entry(rule.clone()).or_default();
        if !(severity == "critical" || severity == "high") {
            fig.lower += 1;
            continue;
        }
        fig.found += 1;
        // A workload is named by its name, or by the end of its id (a flow's GUID).
        let ids = [text(f, &["resource", "id"]), text(f, &["subject", "id"])];
        // Only judgements of this rule name workloads here: a function named by an AWS-004
        // judgement is not the subject of an AWS-002 finding about it.
        let of_rule = || j.findings.iter().filter(|x| x.rule == rule);
        let by_id = of_rule().map(|x| x.workload.as_str()).find(|w| {
            ids.iter().any(|id| {
                !id.is_empty() && id.to_ascii_lowercase().ends_with(&w.to_ascii_lowercase())
            })
        });
        let workload = [
            text(f, &["resource", "name"]),
            text(f, &["subject", "name"]),
        ]
        .into_iter()
        .find(|w| of_rule().any(|x| x.workload == *w))
        .or(by_id)
        .unwrap_or_else(|| match text(f, &["resource", "name"]) {
            "" => text(f, &["subject", "name"]),
            r => r,
        })
        .to_string();
        let at = f
            .get("evidence")
            .and_then(Value::as_array)
            .and_then(|e| e.first())
            .map(|e| text(e, &["path"]).to_string())
            .unwrap_or_default();
        let target = format!(
            "{} {}",
            text(f, &["target", "id"]),
            text(f, &["target", "name"])
        );
        let judged = j
            .findings
            .iter()
            .filter(|x| matches(x, &rule, &workload, &at, &target))
            .max_by_key(|x| {
                usize::from(x.workload != "*") * 10_000
                    + x.at.as_ref().map_or(0, String::len)
                    + x.target.as_ref().map_or(0, String::len)
            });
        match judged.map(|x| x.verdict) {
            Some(true) => fig.judged_true += 1,
            Some(false) => fig.judged_false += 1,
            None => fig.unjudged += 1,
        }
        v.seen.push(Seen {
            rule,
            severity,
            workload,
            at,
            target,
            verdict: judged.map(|x| x.verdict),
            limit: judged.and_then(|x| x.limit.clone()),
        });
    }
    for x in j.findings.iter().filter(|x| x.verdict) {
        let fig = v.rules.entry(x.rule.clone()).or_default();
        fig.expected += 1;
        let found = v
            .seen
            .iter()
            .any(|s| matches(x, &s.rule, &s.workload, &s.at, &s.target));
        if !found {
            fig.missed += 1;
            v.missed.push(x.clone());
        }
    }
    Ok(v)
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), |p| format!("{:.0} %", p * 100.0))
}

/// The figures as a table, then the findings judged false, the unjudged ones and the misses.
pub fn render(v: &Verdict) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<15} {:>6} {:>6} {:>6} {:>9} {:>9} {:>6} {:>10} {:>6}",
        "rule", "found", "true", "false", "unjudged", "precision", "expect", "recall", "lower"
    );
    let mut rows: Vec<(String, RuleFigures)> = v
        .rules
        .iter()
        .map(|(r, f)| (r.clone(), f.clone()))
        .collect();
    rows.push(("all".into(), v.totals()));
    for (r, f) in rows {
        let _ = writeln!(
            s,
            "{:<15} {:>6} {:>6} {:>6} {:>9} {:>9} {:>6} {:>10} {:>6}",
            r,
            f.found,
            f.judged_true,
            f.judged_false,
            f.unjudged,
            pct(Verdict::precision(&f)),
            f.expected,
            pct(Verdict::recall(&f)),
            f.lower
        );
    }
    let _ = writeln!(
        s,
        "(found: critical and high findings; lower: medium and low, not judged; recall: expected findings found at critical or high)"
    );
    for seen in v.seen.iter().filter(|x| x.verdict == Some(false)) {
        let _ = writeln!(
            s,
            "false:    {} {} {} at {}{}",
            seen.rule,
            seen.severity,
            seen.workload,
            seen.at,
            seen.limit
                .as_deref()
                .map(|l| format!(" — known limit: {l}"))
                .unwrap_or_default()
        );
    }
    for seen in v.seen.iter().filter(|x| x.verdict.is_none()) {
        let _ = writeln!(
            s,
            "unjudged: {} {} {} at {} (target {})",
            seen.rule, seen.severity, seen.workload, seen.at, seen.target
        );
    }
    for m in &v.missed {
        let _ = writeln!(
            s,
            "missed:   {} {} at {}{}{}",
            m.rule,
            m.workload,
            m.at.as_deref().unwrap_or("(anywhere)"),
            m.target
                .as_deref()
                .map(|t| format!(" (target {t})"))
                .unwrap_or_default(),
            m.limit
                .as_deref()
                .map(|l| format!(" — known limit: {l}"))
                .unwrap_or_default()
        );
    }
    if !v.incomplete.is_empty() {
        let _ = writeln!(s, "coverage records not complete: {}", v.incomplete.len());
        for c in &v.incomplete {
            let _ = writeln!(s, "  {c}");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(findings: Value) -> Value {
        serde_json::json!({"schema": "fnscope.report/v1", "coverage": [], "findings": findings})
    }

    #[test]
    fn every_kind_of_outcome_is_counted() {
        let j = parse_judgements(
            "t.toml",
            r#"
provider = "apps-script"
[[finding]]
rule = "R1"
workload = "p"
at = "Code.js:4"
verdict = true
why = "sends mail out"
[[finding]]
rule = "R1"
workload = "p"
at = "Code.js:40"
verdict = false
why = "Google's API"
[[finding]]
rule = "R2"
workload = "q"
verdict = true
why = "expected, not found"
"#,
        )
        .expect("judgements");
        let f = |sev: &str, path: &str| {
            serde_json::json!({"rule_id": "R1", "provider": "apps-script", "severity": sev,
                "subject": {"name": "p"}, "evidence": [{"path": path}]})
        };
        let r = report(serde_json::json!([
            f("critical", "Code.js:4 (in a)"),
            f("high", "Code.js:40 (in b)"),
            f("high", "Code.js:400"),
            f("medium", "Code.js:4"),
        ]));
        let v = judge(&r, &j).expect("judged");
        let r1 = &v.rules["R1"];
        assert_eq!(
            (
                r1.found,
                r1.judged_true,
                r1.judged_false,
                r1.unjudged,
                r1.lower
            ),
            (3, 1, 1, 1, 1),
            "Code.js:400 is not Code.js:40"
        );
        assert_eq!((v.rules["R2"].expected, v.rules["R2"].missed), (1, 1));
        assert_eq!(Verdict::precision(r1), Some(0.5));
        let t = render(&v);
        assert!(t.contains("unjudged: R1 high p at Code.js:400"), "{t}");
        let targeted = parse_judgements(
            "t.toml",
            "provider = \"apps-script\"\n[[finding]]\nrule = \"R1\"\nworkload = \"p\"\ntarget = \"slack.com\"\nverdict = true\nwhy = \"w\"",
        )
        .expect("judgements");
        let r = report(serde_json::json!([
            {"rule_id": "R1", "provider": "apps-script", "severity": "high", "subject": {"name": "p"},
             "target": {"id": "https://slack.com", "name": "slack.com"}, "evidence": [{"path": "a:1"}]},
            {"rule_id": "R1", "provider": "apps-script", "severity": "high", "subject": {"name": "p"},
             "target": {"id": "dynamic-url", "name": "a computed URL"}, "evidence": [{"path": "a:2"}]},
        ]));
        let v = judge(&r, &targeted).expect("judged");
        assert_eq!((v.rules["R1"].judged_true, v.rules["R1"].unjudged), (1, 1));
        assert!(t.contains("missed:   R2 q"), "{t}");
    }

    #[test]
    fn a_report_that_is_not_one_is_refused() {
        let j = parse_judgements("t.toml", "provider = \"x\"").expect("judgements");
        assert!(judge(&serde_json::json!({}), &j).is_err());
        assert!(parse_judgements("t.toml", "provider = 1").is_err());
    }
}
