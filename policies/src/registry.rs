//! The rule catalogue: every rule declares its metadata once (id, title, provider, MITRE mapping,
//! rationale, remediation) and is registered once, in [`catalogue`].

use serde::Serialize;

use fnscope_snapshot::{Provider, Snapshot};

use crate::finding::{Finding, FindingBuilder, Mitre};

/// What a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Configuration in a snapshot.
    Posture,
    /// Last-used data.
    Usage,
    /// Audit logs.
    Detection,
}

/// A rule's metadata, declared once in the rule's own file.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    pub id: &'static str,
    pub title: &'static str,
    pub provider: Provider,
    pub kind: RuleKind,
    /// How the severity is decided, in words (`critical if …, else high`).
    pub severity: &'static str,
    pub technique: &'static str,
    pub mitigations: &'static [&'static str],
    pub analytics: &'static [&'static str],
    pub rationale: &'static str,
    pub remediation: &'static str,
    pub references: &'static [&'static str],
}

impl RuleMeta {
    /// The MITRE mapping carried by every finding of this rule.
    pub fn mitre(&self) -> Mitre {
        Mitre {
            technique: self.technique.to_string(),
            mitigations: self.mitigations.iter().map(|s| s.to_string()).collect(),
            analytics: self.analytics.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// A builder for a finding of this rule.
    pub fn finding(&self) -> FindingBuilder {
        FindingBuilder::new(self.id, self.title, self.provider, self.mitre())
    }
}

/// What a rule concluded.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Evaluated: zero or more findings.
    Findings(Vec<Finding>),
    /// Its input is missing or unreadable; the reason says which.
    NotEvaluated(String),
}

/// A rule.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn evaluate(&self, snapshot: &Snapshot) -> Outcome;
}

/// A rule that could not be evaluated, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotEvaluated {
    pub rule_id: String,
    pub reason: String,
}

/// Everything the catalogue concluded about one snapshot.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<NotEvaluated>,
}

/// Every built-in rule, in id order. A rule is added here and nowhere else.
pub fn catalogue() -> Vec<&'static dyn Rule> {
    let rules: Vec<&'static dyn Rule> = Vec::new();
    rules
}

/// Runs every rule of `rules` whose provider has a target in the snapshot.
pub fn evaluate(snapshot: &Snapshot, rules: &[&'static dyn Rule]) -> Evaluation {
    let mut out = Evaluation::default();
    for rule in rules {
        let meta = rule.meta();
        if !snapshot.targets.iter().any(|t| t.provider == meta.provider) {
            continue;
        }
        match rule.evaluate(snapshot) {
            Outcome::Findings(f) => out.findings.extend(f),
            Outcome::NotEvaluated(reason) => out.not_evaluated.push(NotEvaluated {
                rule_id: meta.id.to_string(),
                reason,
            }),
        }
    }
    out.findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.rule_id.cmp(&b.rule_id))
            .then_with(|| a.subject.id.cmp(&b.subject.id))
            .then_with(|| a.fingerprint.cmp(&b.fingerprint))
    });
    out.findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for r in catalogue() {
            let id = r.meta().id;
            assert!(seen.insert(id), "duplicate rule id {id}");
            assert!(id.starts_with("T1648-"), "{id}");
            assert!(!r.meta().remediation.is_empty(), "{id} has no remediation");
        }
    }
}
