//! SARIF 2.1.0, typed here (a small subset of the spec, kept valid against the official schema by a
//! test): rules with help text and `security-severity`, results with the cloud resource as a logical
//! location, `partialFingerprints` from the finding fingerprint, suppressions, and the incomplete parts
//! of the scan as tool notifications.

use serde::Serialize;

use fnscope_policies::{Evaluation, Finding, RuleMeta, Severity};
use fnscope_snapshot::{CoverageStatus, Snapshot};

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
    invocations: Vec<Invocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    automation_details: Option<AutomationDetails>,
}

#[derive(Serialize)]
struct AutomationDetails {
    id: String,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    help_uri: String,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<String>,
    precision: &'static str,
    #[serde(rename = "security-severity")]
    security_severity: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
    /// With a baseline: `new`, `unchanged` or `updated` (GitHub keeps the alert of an unchanged one).
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
    logical_locations: Vec<LogicalLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation {
    name: String,
    fully_qualified_name: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "fnscopeFingerprint/v1")]
    fnscope: String,
}

#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

#[derive(Serialize)]
struct ResultProperties {
    severity: &'static str,
    conditional: bool,
    subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<String>,
    evidence: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's scale: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, below low.
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// The highest severity a rule can report, from its severity wording.
fn rule_severity(m: &RuleMeta) -> Severity {
    let s = m.severity.to_ascii_lowercase();
    if s.contains("critical") {
        Severity::Critical
    } else if s.contains("high") || s.contains("privilege") {
        Severity::High
    } else if s.contains("medium") {
        Severity::Medium
    } else {
        Severity::Low
    }
}

/// A relative path naming the cloud resource, for tools that need a physical location.
fn artifact_uri(f: &Finding) -> String {
    let r = f.resource.as_ref().unwrap_or(&f.subject);
    let clean: String =
        r.id.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '/'
                }
            })
            .collect();
    format!(
        "{}/{}",
        f.provider.as_str(),
        clean.trim_matches('/').replace("//", "/")
    )
}

/// How the SARIF log is made: the accepted baseline's findings (each current finding then carries its
/// `baselineState`) and the analysis category.
#[derive(Default)]
pub struct Options<'a> {
    pub baseline: Option<&'a [Finding]>,
    pub category: Option<&'a str>,
}

/// `new`, `unchanged` (same fingerprint, severity and evidence) or `updated` (same fingerprint,
/// something else changed).
fn baseline_state(f: &Finding, baseline: &[Finding]) -> &'static str {
    match baseline.iter().find(|b| b.fingerprint == f.fingerprint) {
        None => "new",
        Some(b) if b.severity == f.severity && b.evidence == f.evidence => "unchanged",
        Some(_) => "updated",
    }
}

/// Where a rule is documented: its row of the README's generated rule table, which carries an
/// anchor of the lower-cased id (`fnscope rules --format markdown`), under the package's repository.
pub fn help_uri(id: &str) -> String {
    format!(
        "{}/blob/main/README.md#{}",
        env!("CARGO_PKG_REPOSITORY"),
        id.to_ascii_lowercase()
    )
}

fn descriptor(m: &RuleMeta, id: String, sev: Severity) -> ReportingDescriptor {
    let mut tags = vec!["security".to_string(), m.technique.to_string()];
    tags.extend(m.mitigations.iter().map(|s| s.to_string()));
    tags.extend(m.analytics.iter().map(|s| s.to_string()));
    let name = id
        .split(['-', '/'])
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    ReportingDescriptor {
        id,
        name,
        short_description: Text {
            text: m.title.to_string(),
        },
        full_description: Text {
            text: m.rationale.to_string(),
        },
        help: Help {
            text: format!(
                "Finds {}.\n\n{}\n\nRemediation: {}",
                m.finds, m.rationale, m.remediation
            ),
            markdown: format!(
                "**{}**\n\nFinds {}.\n\n{}\n\n**Remediation.** {}\n\nMITRE ATT&CK {} · severity: {}",
                m.title, m.finds, m.rationale, m.remediation, m.technique, m.severity
            ),
        },
        help_uri: help_uri(m.id),
        default_configuration: Configuration { level: level(sev) },
        properties: RuleProperties {
            tags,
            precision: "high",
            security_severity: security_severity(sev),
        },
    }
}

/// GitHub code scanning reads `security-severity` from the rule, not the result: every rule has a
/// descriptor at its highest severity (its plain id), and a finding of a lower severity refers to a
/// descriptor of that severity (`T1648-AWS-007/high`), so each alert shows its own severity.
pub fn render(
    snapshot: &Snapshot,
    eval: &Evaluation,
    opts: &Options<'_>,
) -> Result<Vec<u8>, serde_json::Error> {
    let catalogue = fnscope_policies::catalogue();
    let metas: Vec<&RuleMeta> = catalogue.iter().map(|r| r.meta()).collect();
    let mut rules: Vec<ReportingDescriptor> = metas
        .iter()
        .map(|m| descriptor(m, m.id.to_string(), rule_severity(m)))
        .collect();
    // (rule id, severity) → descriptor index, for the lower-severity variants.
    let mut variants: std::collections::BTreeMap<(String, Severity), usize> =
        std::collections::BTreeMap::new();
    let mut rule_of = |f: &Finding| -> (String, usize) {
        let Some(i) = metas.iter().position(|m| m.id == f.rule_id) else {
            return (f.rule_id.clone(), 0);
        };
        if rule_severity(metas[i]) == f.severity {
            return (f.rule_id.clone(), i);
        }
        let id = format!("{}/{}", f.rule_id, f.severity.as_str());
        let idx = *variants
            .entry((f.rule_id.clone(), f.severity))
            .or_insert_with(|| {
                rules.push(descriptor(metas[i], id.clone(), f.severity));
                rules.len() - 1
            });
        (id, idx)
    };
    let results = eval
        .findings
        .iter()
        .map(|f| {
            let (rule_id, rule_index) = rule_of(f);
            result(f, rule_id, rule_index, opts.baseline)
        })
        .collect();
    let notifications = notifications(snapshot, eval);
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "fnscope",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://attack.mitre.org/techniques/T1648/",
                    rules,
                },
            },
            results,
            invocations: vec![Invocation {
                execution_successful: true,
                tool_execution_notifications: notifications,
            }],
            automation_details: opts.category.map(|c| AutomationDetails {
                // A trailing slash makes the id a category (GitHub: "category/run-id").
                id: if c.ends_with('/') {
                    c.to_string()
                } else {
                    format!("{c}/")
                },
            }),
        }],
    };
    let mut v = serde_json::to_vec_pretty(&log)?;
    v.push(b'\n');
    Ok(v)
}

/// One finding as a SARIF result, referring to the descriptor of its rule and severity.
fn result(
    f: &Finding,
    rule_id: String,
    rule_index: usize,
    baseline: Option<&[Finding]>,
) -> SarifResult {
    let loc = f.resource.as_ref().unwrap_or(&f.subject);
    let target = f.target.as_ref().map(|t| t.id.clone());
    SarifResult {
        rule_id,
        rule_index,
        level: level(f.severity),
        message: Text {
            text: format!(
                "{}: {}{}. {}",
                f.title,
                f.subject.name,
                f.target
                    .as_ref()
                    .map(|t| format!(" → {}", t.name))
                    .unwrap_or_default(),
                f.evidence
                    .first()
                    .map(|e| e.detail.as_str())
                    .unwrap_or_default()
            ),
        },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: artifact_uri(f),
                },
                region: Region { start_line: 1 },
            },
            logical_locations: vec![LogicalLocation {
                name: loc.name.clone(),
                fully_qualified_name: loc.id.clone(),
                kind: "resource",
            }],
        }],
        partial_fingerprints: Fingerprints {
            fnscope: f.fingerprint.clone(),
        },
        baseline_state: baseline.map(|b| baseline_state(f, b)),
        suppressions: f
            .suppressed
            .iter()
            .map(|s| Suppression {
                kind: "external",
                justification: s.reason.clone(),
            })
            .collect(),
        properties: ResultProperties {
            severity: f.severity.as_str(),
            conditional: f.conditional,
            subject: f.subject.id.clone(),
            target,
            evidence: f
                .evidence
                .iter()
                .map(|e| format!("{}: {} ({})", e.kind, e.detail, e.path))
                .collect(),
        },
    }
}

/// Every coverage record that is not complete, and every rule that could not be evaluated, as a
/// warning notification.
fn notifications(snapshot: &Snapshot, eval: &Evaluation) -> Vec<Notification> {
    snapshot
        .coverage
        .iter()
        .filter(|c| c.status != CoverageStatus::Complete)
        .map(|c| Notification {
            level: "warning",
            message: Text {
                text: format!(
                    "{} {} {}{}: {}",
                    c.status.as_str(),
                    c.api,
                    c.target,
                    c.region
                        .as_deref()
                        .map(|r| format!(" {r}"))
                        .unwrap_or_default(),
                    c.detail
                ),
            },
        })
        .chain(eval.not_evaluated.iter().map(|n| Notification {
            level: "warning",
            message: Text {
                text: format!("{} not evaluated: {}", n.rule_id, n.reason),
            },
        }))
        .collect()
}
