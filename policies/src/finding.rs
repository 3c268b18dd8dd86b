//! Findings, and the one builder that makes them. A finding cannot exist without a rule, a severity, a
//! subject and at least one piece of evidence; its fingerprint is derived from what it is about, so it is
//! stable across runs and keys the diff, SARIF `partialFingerprints` and suppressions.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use fnscope_snapshot::Provider;

/// How bad a finding is. Ordered: `Low < Medium < High < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// One step more severe (critical stays critical).
    pub fn up(self) -> Severity {
        match self {
            Severity::Low => Severity::Medium,
            Severity::Medium => Severity::High,
            Severity::High | Severity::Critical => Severity::Critical,
        }
    }

    /// One step less severe (low stays low).
    pub fn down(self) -> Severity {
        match self {
            Severity::Critical => Severity::High,
            Severity::High => Severity::Medium,
            Severity::Medium | Severity::Low => Severity::Low,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something a finding is about: a principal, an identity, a workload.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ResourceRef {
    pub id: String,
    pub kind: String,
    pub name: String,
}

/// One reason the finding holds: a statement, a binding, a trigger, a source line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: String,
    pub detail: String,
    /// Where it is: a policy ARN and statement index, a binding, a file and line.
    pub path: String,
}

/// The ATT&CK mapping a rule carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mitre {
    pub technique: String,
    pub mitigations: Vec<String>,
    pub analytics: Vec<String>,
}

/// A suppression that applies to a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppressed {
    pub reason: String,
    pub expires: Option<String>,
}

/// A rule violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    pub provider: Provider,
    pub subject: ResourceRef,
    pub target: Option<ResourceRef>,
    pub resource: Option<ResourceRef>,
    pub evidence: Vec<Evidence>,
    pub conditional: bool,
    pub mitre: Mitre,
    pub fingerprint: String,
    pub suppressed: Option<Suppressed>,
}

/// Why a finding could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("rule `{0}`: a finding needs a severity")]
    NoSeverity(String),
    #[error("rule `{0}`: a finding needs a subject")]
    NoSubject(String),
    #[error("rule `{0}`: a finding needs at least one piece of evidence")]
    NoEvidence(String),
}

/// Builds a [`Finding`]; [`FindingBuilder::build`] refuses an incomplete one.
#[derive(Debug, Clone)]
pub struct FindingBuilder {
    rule_id: String,
    title: String,
    provider: Provider,
    mitre: Mitre,
    severity: Option<Severity>,
    subject: Option<ResourceRef>,
    target: Option<ResourceRef>,
    resource: Option<ResourceRef>,
    evidence: Vec<Evidence>,
    conditional: bool,
    evidence_key: Option<String>,
}

impl FindingBuilder {
    /// Starts a finding of rule `rule_id`. Rules get one from their metadata
    /// ([`crate::RuleMeta::finding`]), which fills in the title, provider and MITRE mapping.
    pub fn new(rule_id: &str, title: &str, provider: Provider, mitre: Mitre) -> FindingBuilder {
        FindingBuilder {
            rule_id: rule_id.to_string(),
            title: title.to_string(),
            provider,
            mitre,
            severity: None,
            subject: None,
            target: None,
            resource: None,
            evidence: Vec::new(),
            conditional: false,
            evidence_key: None,
        }
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = Some(s);
        self
    }

    pub fn subject(mut self, r: ResourceRef) -> Self {
        self.subject = Some(r);
        self
    }

    pub fn target(mut self, r: ResourceRef) -> Self {
        self.target = Some(r);
        self
    }

    pub fn resource(mut self, r: ResourceRef) -> Self {
        self.resource = Some(r);
        self
    }

    pub fn evidence(
        mut self,
        kind: &str,
        detail: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        self.evidence.push(Evidence {
            kind: kind.to_string(),
            detail: detail.into(),
            path: path.into(),
        });
        self
    }

    /// Marks the finding as resting on a condition the scanner could not resolve.
    pub fn conditional(mut self, c: bool) -> Self {
        self.conditional |= c;
        self
    }

    /// What distinguishes two findings with the same rule, subject and target (e.g. the path id);
    /// part of the fingerprint. Evidence details are not, so rewording them keeps fingerprints.
    pub fn evidence_key(mut self, key: impl Into<String>) -> Self {
        self.evidence_key = Some(key.into());
        self
    }

    pub fn build(self) -> Result<Finding, BuildError> {
        let severity = self
            .severity
            .ok_or_else(|| BuildError::NoSeverity(self.rule_id.clone()))?;
        let subject = self
            .subject
            .ok_or_else(|| BuildError::NoSubject(self.rule_id.clone()))?;
        if self.evidence.is_empty() {
            return Err(BuildError::NoEvidence(self.rule_id));
        }
        let fingerprint = fingerprint(
            &self.rule_id,
            &subject.id,
            self.target.as_ref().map(|t| t.id.as_str()),
            self.resource.as_ref().map(|t| t.id.as_str()),
            self.evidence_key.as_deref().unwrap_or(""),
        );
        Ok(Finding {
            rule_id: self.rule_id,
            title: self.title,
            severity,
            provider: self.provider,
            subject,
            target: self.target,
            resource: self.resource,
            evidence: self.evidence,
            conditional: self.conditional,
            mitre: self.mitre,
            fingerprint,
            suppressed: None,
        })
    }
}

/// hash(rule id, subject, target, resource, evidence key), hex. Fields are length-prefixed so no two
/// different tuples hash the same input.
pub fn fingerprint(
    rule: &str,
    subject: &str,
    target: Option<&str>,
    resource: Option<&str>,
    key: &str,
) -> String {
    let mut h = Sha256::new();
    for part in [
        rule,
        subject,
        target.unwrap_or(""),
        resource.unwrap_or(""),
        key,
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(&h.finalize()[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mitre() -> Mitre {
        Mitre {
            technique: "T1648".into(),
            mitigations: vec!["M1018".into()],
            analytics: vec![],
        }
    }

    fn subject() -> ResourceRef {
        ResourceRef {
            id: "arn:aws:iam::1:user/dev".into(),
            kind: fnscope_snapshot::kinds::AWS_IAM_USER.into(),
            name: "dev".into(),
        }
    }

    #[test]
    fn builder_refuses_incomplete_findings() {
        let b = FindingBuilder::new("T1648-AWS-001", "t", Provider::Aws, mitre());
        assert!(matches!(
            b.clone().subject(subject()).evidence("k", "d", "p").build(),
            Err(BuildError::NoSeverity(_))
        ));
        assert!(matches!(
            b.clone()
                .severity(Severity::High)
                .evidence("k", "d", "p")
                .build(),
            Err(BuildError::NoSubject(_))
        ));
        assert!(matches!(
            b.clone()
                .severity(Severity::High)
                .subject(subject())
                .build(),
            Err(BuildError::NoEvidence(_))
        ));
        let f = b
            .severity(Severity::High)
            .subject(subject())
            .evidence("k", "d", "p")
            .build()
            .unwrap();
        assert_eq!(f.fingerprint.len(), 32);
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let a = fingerprint("R", "s", Some("t"), None, "");
        assert_eq!(a, fingerprint("R", "s", Some("t"), None, ""));
        assert_ne!(a, fingerprint("R", "s", None, Some("t"), ""));
        assert_ne!(
            fingerprint("R", "ab", Some("c"), None, ""),
            fingerprint("R", "a", Some("bc"), None, "")
        );
    }

    #[test]
    fn severities_order_and_parse() {
        assert!(Severity::Critical > Severity::High && Severity::Medium > Severity::Low);
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.as_str()), Some(s));
        }
        assert_eq!(Severity::parse("severe"), None);
    }
}
