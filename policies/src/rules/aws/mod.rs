//! AWS rules (`spec/detection-content.md` §6, AWS).

pub mod aws_001;
pub mod aws_002;
pub mod aws_003;
pub mod aws_004;
pub mod aws_005;
pub mod aws_006;
pub mod aws_007;
pub mod aws_008;
pub mod aws_009;
pub mod aws_010;
pub mod aws_011;
pub mod aws_012;

use crate::aws::eval::{Decision, Res};
use crate::aws::{Principal, Priv, PrivFacts, View};
use crate::{FindingBuilder, Severity};

/// Why parts of the AWS estate cannot be evaluated: accounts without IAM data, unreadable documents.
pub(crate) fn gaps(view: &View<'_>) -> Vec<String> {
    let mut out: Vec<String> = view
        .accounts_without_iam
        .iter()
        .map(|a| format!("account {a}: IAM authorization details were not read (see coverage), so its principals could not be evaluated"))
        .collect();
    let unreadable: usize = view
        .principals
        .iter()
        .map(|p| p.policies.unreadable.len())
        .sum();
    if unreadable > 0 {
        let first = view
            .principals
            .iter()
            .flat_map(|p| p.policies.unreadable.iter())
            .next()
            .map(|(l, e)| format!("{l}: {e}"))
            .unwrap_or_default();
        out.push(format!(
            "{unreadable} policy documents could not be read and were left out (first: {first})"
        ));
    }
    out
}

/// The AWS view and an outcome that already says what cannot be evaluated.
pub(crate) fn start<'c, 'a>(ctx: &'c crate::Context<'a>) -> (&'c View<'a>, crate::Outcome) {
    let view = ctx.aws();
    let out = crate::Outcome {
        not_evaluated: gaps(view),
        ..crate::Outcome::default()
    };
    (view, out)
}

/// Subjects: IAM users and roles that are not service-linked and not already administrative.
pub(crate) fn subjects<'v, 'a>(view: &'v View<'a>) -> impl Iterator<Item = &'v Principal<'a>> {
    view.principals
        .iter()
        .filter(move |p| !p.is_service_linked() && view.admin(p).is_none())
}

pub(crate) fn severity_of(level: Priv) -> Option<Severity> {
    match level {
        Priv::Critical => Some(Severity::Critical),
        Priv::High => Some(Severity::High),
        Priv::None => None,
    }
}

/// Adds a decision's granting statement as evidence.
pub(crate) fn with_grant(b: FindingBuilder, what: &str, d: &Decision) -> FindingBuilder {
    let path = d
        .grant
        .as_ref()
        .map(|g| g.describe())
        .unwrap_or_else(|| "no statement (implicit)".into());
    let on = d.grant.as_ref().map(|g| g.allows()).unwrap_or_default();
    let detail = if on.is_empty() {
        format!("{what} is allowed")
    } else {
        format!("{what} is allowed (statement Resource: {on})")
    };
    b.evidence("statement", detail, path)
        .conditional(d.conditional)
}

/// Adds why a role is privileged.
pub(crate) fn with_privilege(b: FindingBuilder, role: &str, facts: &PrivFacts) -> FindingBuilder {
    let mut b = b.conditional(facts.conditional);
    let level = match facts.level {
        Priv::Critical => "administrative",
        Priv::High => "privileged",
        Priv::None => "not privileged",
    };
    let name = role.rsplit('/').next().unwrap_or(role);
    for line in &facts.evidence {
        b = b.evidence(
            "privilege",
            format!("role {name} is {level}: it {line}"),
            role.to_string(),
        );
    }
    b
}

/// `arn:<partition>:lambda:*:<account>:function:*` and friends: "some resource of this type", for
/// actions where the caller picks the name.
pub(crate) fn probe(action: &str, partition: &str, account: &str) -> String {
    let service = action.split(':').next().unwrap_or_default();
    match (service, action) {
        (_, "lambda:CreateEventSourceMapping") => {
            format!("arn:{partition}:lambda:*:{account}:event-source-mapping:*")
        }
        (_, "lambda:PublishLayerVersion") => format!("arn:{partition}:lambda:*:{account}:layer:*"),
        ("lambda", _) => format!("arn:{partition}:lambda:*:{account}:function:*"),
        ("apprunner", _) => format!("arn:{partition}:apprunner:*:{account}:service/*"),
        ("dynamodb", _) => format!("arn:{partition}:dynamodb:*:{account}:table/*"),
        ("events", _) => format!("arn:{partition}:events:*:{account}:rule/*"),
        (svc, _) => format!("arn:{partition}:{svc}:*:{account}:*"),
    }
}

pub(crate) fn partition(arn: &str) -> &str {
    arn.split(':').nth(1).unwrap_or("aws")
}

/// Whether `p` may hold `action` on some resource at all (a cheap prefilter before per-resource checks).
pub(crate) fn may_hold(p: &Principal<'_>, action: &str) -> bool {
    let probe = probe(action, partition(p.arn()), &p.account);
    let any = format!(
        "{}*",
        probe.split(':').take(3).collect::<Vec<_>>().join(":")
    );
    p.allowed(action, Res::AnyOf(&any), &crate::aws::condition::Ctx::new())
        .allowed
}

#[cfg(test)]
mod tests;
