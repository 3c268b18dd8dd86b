//! The JSON report, `fnscope.report/v1`: a frozen wire format, separate from the internal types so
//! refactors never break the scripts that parse it. Fields are only ever added.

use serde::Serialize;

use fnscope_policies::{Evaluation, Finding, Severity};
use fnscope_snapshot::{Coverage, Snapshot};

pub const REPORT_SCHEMA: &str = "fnscope.report/v1";

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub schema: &'static str,
    pub tool_version: &'static str,
    pub generated_at: String,
    pub summary: Summary,
    pub coverage: Vec<CoverageOut<'a>>,
    pub findings: Vec<FindingOut<'a>>,
    pub not_evaluated: Vec<NotEvaluatedOut<'a>>,
    /// Added in v1: what was scanned.
    pub inventory: Inventory,
    /// Added in v1: what each configured suppression did (`active`, `expired`, `unmatched`).
    pub suppressions: &'a [crate::config::SuppressionStatus],
    /// Added in v1: with `--baseline`, the baseline and how many of its findings were left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineOut>,
}

#[derive(Debug, Serialize)]
pub struct BaselineOut {
    pub path: String,
    pub known: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub critical: usize,
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub suppressed: usize,
    pub not_evaluated: usize,
}

#[derive(Debug, Serialize)]
pub struct Inventory {
    pub targets: usize,
    pub workloads: usize,
    pub identities: usize,
    pub triggers: usize,
    pub complete: bool,
}

#[derive(Debug, Serialize)]
pub struct CoverageOut<'a> {
    pub provider: &'a str,
    pub target: &'a str,
    pub region: Option<&'a str>,
    pub api: &'a str,
    pub status: &'a str,
    pub detail: &'a str,
}

#[derive(Debug, Serialize)]
pub struct RefOut<'a> {
    pub id: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
}

#[derive(Debug, Serialize)]
pub struct EvidenceOut<'a> {
    pub kind: &'a str,
    pub detail: &'a str,
    pub path: &'a str,
}

#[derive(Debug, Serialize)]
pub struct MitreOut<'a> {
    pub technique: &'a str,
    pub mitigations: &'a [String],
    pub analytics: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct SuppressedOut<'a> {
    pub reason: &'a str,
    pub expires: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct FindingOut<'a> {
    pub rule_id: &'a str,
    pub title: &'a str,
    pub severity: &'a str,
    pub provider: &'a str,
    pub subject: RefOut<'a>,
    pub target: Option<RefOut<'a>>,
    pub resource: Option<RefOut<'a>>,
    pub evidence: Vec<EvidenceOut<'a>>,
    pub conditional: bool,
    pub mitre: MitreOut<'a>,
    pub fingerprint: &'a str,
    pub suppressed: Option<SuppressedOut<'a>>,
}

#[derive(Debug, Serialize)]
pub struct NotEvaluatedOut<'a> {
    pub rule_id: &'a str,
    pub reason: &'a str,
}

fn r(x: &fnscope_policies::ResourceRef) -> RefOut<'_> {
    RefOut {
        id: &x.id,
        kind: &x.kind,
        name: &x.name,
    }
}

pub fn coverage_out(c: &Coverage) -> CoverageOut<'_> {
    CoverageOut {
        provider: c.provider.as_str(),
        target: &c.target,
        region: c.region.as_deref(),
        api: &c.api,
        status: c.status.as_str(),
        detail: &c.detail,
    }
}

pub fn finding_out(f: &Finding) -> FindingOut<'_> {
    FindingOut {
        rule_id: &f.rule_id,
        title: &f.title,
        severity: f.severity.as_str(),
        provider: f.provider.as_str(),
        subject: r(&f.subject),
        target: f.target.as_ref().map(r),
        resource: f.resource.as_ref().map(r),
        evidence: f
            .evidence
            .iter()
            .map(|e| EvidenceOut {
                kind: &e.kind,
                detail: &e.detail,
                path: &e.path,
            })
            .collect(),
        conditional: f.conditional,
        mitre: MitreOut {
            technique: &f.mitre.technique,
            mitigations: &f.mitre.mitigations,
            analytics: &f.mitre.analytics,
        },
        fingerprint: &f.fingerprint,
        suppressed: f.suppressed.as_ref().map(|s| SuppressedOut {
            reason: &s.reason,
            expires: s.expires.as_deref(),
        }),
    }
}

pub fn summary(eval: &Evaluation) -> Summary {
    let mut s = Summary {
        not_evaluated: eval.not_evaluated.len(),
        ..Summary::default()
    };
    for f in &eval.findings {
        if f.suppressed.is_some() {
            s.suppressed += 1;
            continue;
        }
        match f.severity {
            Severity::Critical => s.critical += 1,
            Severity::High => s.high += 1,
            Severity::Medium => s.medium += 1,
            Severity::Low => s.low += 1,
        }
    }
    s
}

pub fn build<'a>(
    snapshot: &'a Snapshot,
    eval: &'a Evaluation,
    suppressions: &'a [crate::config::SuppressionStatus],
) -> Report<'a> {
    Report {
        schema: REPORT_SCHEMA,
        tool_version: env!("CARGO_PKG_VERSION"),
        generated_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        summary: summary(eval),
        coverage: snapshot.coverage.iter().map(coverage_out).collect(),
        findings: eval.findings.iter().map(finding_out).collect(),
        not_evaluated: eval
            .not_evaluated
            .iter()
            .map(|n| NotEvaluatedOut {
                rule_id: &n.rule_id,
                reason: &n.reason,
            })
            .collect(),
        inventory: Inventory {
            targets: snapshot.targets.len(),
            workloads: snapshot.workloads.len(),
            identities: snapshot.identities.len(),
            triggers: snapshot.triggers.len(),
            complete: snapshot.is_complete(),
        },
        suppressions,
        baseline: None,
    }
}
