//! Google Cloud rules (`spec/detection-content.md` §6, Google Cloud).

pub mod gcp_001;
pub mod gcp_002;
pub mod gcp_003;
pub mod gcp_004;
pub mod gcp_005;
pub mod gcp_006;
pub mod gcp_007;
pub mod gcp_008;
pub mod gcp_009;
pub mod gcp_010;

#[cfg(test)]
mod tests;

use crate::gcp::{GcpPriv, Grant, View};
use crate::{FindingBuilder, Outcome, ResourceRef, Severity};

/// The view and an outcome that already names roles whose permissions are unknown.
pub(crate) fn start<'c, 'a>(ctx: &'c crate::Context<'a>) -> (&'c View<'a>, Outcome) {
    let view = ctx.gcp();
    let mut out = Outcome::default();
    if !view.unknown_roles.is_empty() {
        let list: Vec<_> = view.unknown_roles.iter().take(5).cloned().collect();
        out.not_evaluated.push(format!(
            "{} roles in bindings have unknown permissions (not exported with `gcloud iam roles describe`): {}",
            view.unknown_roles.len(),
            list.join(", ")
        ));
    }
    (view, out)
}

pub(crate) fn severity(p: GcpPriv) -> Option<Severity> {
    match p {
        GcpPriv::Critical => Some(Severity::Critical),
        GcpPriv::High => Some(Severity::High),
        GcpPriv::None => None,
    }
}

pub(crate) fn member_ref(member: &str) -> ResourceRef {
    let (kind, name) = member.split_once(':').unwrap_or(("member", member));
    ResourceRef {
        id: member.to_string(),
        kind: format!("gcp_{kind}"),
        name: name.to_string(),
    }
}

pub(crate) fn sa_ref(email: &str) -> ResourceRef {
    ResourceRef {
        id: format!("serviceAccount:{email}"),
        kind: fnscope_snapshot::kinds::GCP_SERVICE_ACCOUNT.into(),
        name: email.to_string(),
    }
}

pub(crate) fn with_grant(b: FindingBuilder, what: &str, g: &Grant) -> FindingBuilder {
    b.evidence(
        "binding",
        format!("{what} through {}", g.role),
        g.describe(),
    )
    .conditional(g.conditional)
}

pub(crate) fn with_privilege(mut b: FindingBuilder, email: &str, why: &[Grant]) -> FindingBuilder {
    for g in why {
        b = b
            .evidence(
                "privilege",
                format!("{email} holds {} on {}", g.role, g.scope),
                g.describe(),
            )
            .conditional(g.conditional);
    }
    b
}
