//! What the public-invocation rules share (AWS-012, GCP-010, AZ-011, PA-007, GWS-010): a workload
//! anyone can start — a Lambda URL without auth or a resource policy to `*`, a function or service
//! open to `allUsers`, an anonymous HTTP function, a Logic App or flow request trigger (its signed URL
//! is a bearer capability), an Automation webhook, an anonymous web app — graded by what runs behind it.

use fnscope_snapshot::Workload;

use crate::detect::Power;
use crate::{FindingBuilder, RuleMeta, Severity};

/// The severity of a public entry point: what the identity it runs as can do (critical for an
/// administrative one, high for a privileged one, low for one that can do neither), medium when that
/// is not known; `uplift` raises it one step (the code runs what the caller tells it).
pub(crate) fn severity(power: &Power, uplift: bool) -> Severity {
    let s = match power {
        Power::Admin => Severity::Critical,
        Power::Privileged => Severity::High,
        Power::Limited => Severity::Low,
        Power::Unknown(_) => Severity::Medium,
    };
    if uplift { s.up() } else { s }
}

/// A finding for a public workload: who can start it (anyone) and how, what it runs as.
pub(crate) fn finding(
    meta: &'static RuleMeta,
    w: &Workload,
    runs_as: &str,
    power: &Power,
    uplift: Option<String>,
) -> FindingBuilder {
    let mut b = meta
        .finding()
        .severity(severity(power, uplift.is_some()))
        .subject(crate::ResourceRef {
            id: "anyone".into(),
            kind: "public".into(),
            name: "anyone".into(),
        })
        .target(crate::ResourceRef {
            id: w.id.clone(),
            kind: w.kind.to_string(),
            name: w.name.clone(),
        })
        .resource(crate::ResourceRef {
            id: w.id.clone(),
            kind: w.kind.to_string(),
            name: w.name.clone(),
        })
        .evidence(
            "exposure",
            format!("anyone can start it: {}", w.exposure.notes.join("; ")),
            w.id.clone(),
        );
    b = match power {
        Power::Unknown(why) => b.evidence(
            "privilege",
            format!("it runs as {runs_as}; what that can do is not known: {why}"),
            runs_as.to_string(),
        ),
        Power::Limited => b.evidence(
            "privilege",
            format!("it runs as {runs_as}, which is neither privileged nor administrative"),
            runs_as.to_string(),
        ),
        Power::Privileged => b.evidence(
            "privilege",
            format!("it runs as {runs_as}, which is privileged"),
            runs_as.to_string(),
        ),
        Power::Admin => b.evidence(
            "privilege",
            format!("it runs as {runs_as}, which is administrative"),
            runs_as.to_string(),
        ),
    };
    if let Some(why) = uplift {
        b = b.evidence("behaviour", why, w.id.clone());
    }
    b
}
