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
    /// What it finds, in the words of the README's rule table (which is generated from this:
    /// `fnscope rules --format markdown`).
    pub finds: &'static str,
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

/// What a rule concluded: its findings, and what it could not evaluate (with the reason). Both may be
/// non-empty: a rule evaluates what it can and says what it could not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<String>,
}

impl Outcome {
    /// Nothing could be evaluated, for `reason`.
    pub fn not_evaluated(reason: impl Into<String>) -> Outcome {
        Outcome {
            findings: Vec::new(),
            not_evaluated: vec![reason.into()],
        }
    }
}

/// Settings that shape evaluation (from the configuration file).
#[derive(Debug, Clone)]
pub struct Settings {
    /// A permission unused for this many days counts as unused.
    pub unused_days: i64,
    /// Accounts that count as "ours" besides the scanned ones (AWS-007).
    pub trusted_accounts: Vec<String>,
    /// The tenant's own mail domains (Power Automate): these and their subdomains are internal.
    pub tenant_domains: Vec<String>,
    /// HTTP hosts flows may send data to (besides the tenant's domains and Microsoft's APIs).
    pub egress_allow: Vec<String>,
    /// Actors whose audit events the detections ignore (deploy pipelines), as globs over the actor
    /// (`arn:aws:iam::*:role/ci-deploy*`, `deployer@p.iam.gserviceaccount.com`).
    pub detect_allow: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            unused_days: 90,
            trusted_accounts: Vec::new(),
            tenant_domains: Vec::new(),
            egress_allow: Vec::new(),
            detect_allow: Vec::new(),
        }
    }
}

/// What rules read: the snapshot, the settings, and per-provider indexes built once.
pub struct Context<'a> {
    pub snapshot: &'a Snapshot,
    pub settings: &'a Settings,
    aws: std::sync::OnceLock<crate::aws::View<'a>>,
    gcp: std::sync::OnceLock<crate::gcp::View<'a>>,
    azure: std::sync::OnceLock<crate::azure::View<'a>>,
    detect_allow: std::sync::OnceLock<globset::GlobSet>,
}

impl<'a> Context<'a> {
    pub fn new(snapshot: &'a Snapshot, settings: &'a Settings) -> Context<'a> {
        Context {
            snapshot,
            settings,
            aws: std::sync::OnceLock::new(),
            gcp: std::sync::OnceLock::new(),
            azure: std::sync::OnceLock::new(),
            detect_allow: std::sync::OnceLock::new(),
        }
    }

    /// The actor allow-list of the detections, compiled once (patterns that do not compile were
    /// rejected when the configuration was read; here they match nothing).
    pub fn detect_allow(&self) -> &globset::GlobSet {
        self.detect_allow.get_or_init(|| {
            let mut b = globset::GlobSetBuilder::new();
            for p in &self.settings.detect_allow {
                if let Ok(g) = globset::GlobBuilder::new(p).case_insensitive(true).build() {
                    b.add(g);
                }
            }
            b.build().unwrap_or_else(|_| globset::GlobSet::empty())
        })
    }

    /// The indexed Azure view of the snapshot.
    pub fn azure(&self) -> &crate::azure::View<'a> {
        self.azure
            .get_or_init(|| crate::azure::View::new(self.snapshot))
    }

    /// The indexed GCP view of the snapshot.
    pub fn gcp(&self) -> &crate::gcp::View<'a> {
        self.gcp
            .get_or_init(|| crate::gcp::View::new(self.snapshot))
    }

    /// The indexed AWS view of the snapshot.
    pub fn aws(&self) -> &crate::aws::View<'a> {
        self.aws
            .get_or_init(|| crate::aws::View::new(self.snapshot))
    }
}

/// A rule.
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn evaluate(&self, ctx: &Context<'_>) -> Outcome;
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

/// Declares the type of a rule file: `declare_rule!(Aws001, META, evaluate);` with `META` the rule's
/// [`RuleMeta`] and `evaluate` a `fn(&Context) -> Outcome`. The rule is then `RULE`, registered once in
/// [`catalogue`].
#[macro_export]
macro_rules! declare_rule {
    ($name:ident, $meta:path, $eval:path) => {
        pub struct $name;
        pub static RULE: $name = $name;
        impl $crate::Rule for $name {
            fn meta(&self) -> &'static $crate::RuleMeta {
                &$meta
            }
            fn evaluate(&self, ctx: &$crate::Context<'_>) -> $crate::Outcome {
                $eval(ctx)
            }
        }
    };
}

/// Every built-in rule, in id order. A rule is added here and nowhere else.
pub fn catalogue() -> Vec<&'static dyn Rule> {
    use crate::rules::{apps_script, aws, azure, gcp, power_automate};
    vec![
        &aws::aws_001::RULE,
        &aws::aws_002::RULE,
        &aws::aws_003::RULE,
        &aws::aws_004::RULE,
        &aws::aws_005::RULE,
        &aws::aws_006::RULE,
        &aws::aws_007::RULE,
        &aws::aws_008::RULE,
        &aws::aws_009::RULE,
        &aws::aws_010::RULE,
        &aws::aws_011::RULE,
        &aws::aws_012::RULE,
        &gcp::gcp_001::RULE,
        &gcp::gcp_002::RULE,
        &gcp::gcp_003::RULE,
        &gcp::gcp_004::RULE,
        &gcp::gcp_005::RULE,
        &gcp::gcp_006::RULE,
        &gcp::gcp_007::RULE,
        &gcp::gcp_008::RULE,
        &gcp::gcp_009::RULE,
        &gcp::gcp_010::RULE,
        &azure::az_001::RULE,
        &azure::az_002::RULE,
        &azure::az_003::RULE,
        &azure::az_004::RULE,
        &azure::az_005::RULE,
        &azure::az_006::RULE,
        &azure::az_007::RULE,
        &azure::az_008::RULE,
        &azure::az_009::RULE,
        &azure::az_010::RULE,
        &azure::az_011::RULE,
        &power_automate::pa_001::RULE,
        &power_automate::pa_002::RULE,
        &power_automate::pa_003::RULE,
        &power_automate::pa_004::RULE,
        &power_automate::pa_005::RULE,
        &power_automate::pa_006::RULE,
        &power_automate::pa_007::RULE,
        &power_automate::pa_008::RULE,
        &apps_script::gws_001::RULE,
        &apps_script::gws_002::RULE,
        &apps_script::gws_003::RULE,
        &apps_script::gws_004::RULE,
        &apps_script::gws_005::RULE,
        &apps_script::gws_006::RULE,
        &apps_script::gws_007::RULE,
        &apps_script::gws_008::RULE,
        &apps_script::gws_009::RULE,
        &apps_script::gws_010::RULE,
    ]
}

/// Runs every rule of `rules` whose provider has a target in the snapshot.
pub fn evaluate(
    snapshot: &Snapshot,
    rules: &[&'static dyn Rule],
    settings: &Settings,
) -> Evaluation {
    let ctx = Context::new(snapshot, settings);
    let mut out = Evaluation::default();
    for rule in rules {
        let meta = rule.meta();
        if !snapshot.targets.iter().any(|t| t.provider == meta.provider) {
            continue;
        }
        let outcome = rule.evaluate(&ctx);
        out.findings.extend(outcome.findings);
        out.not_evaluated.extend(
            outcome
                .not_evaluated
                .into_iter()
                .map(|reason| NotEvaluated {
                    rule_id: meta.id.to_string(),
                    reason,
                }),
        );
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
