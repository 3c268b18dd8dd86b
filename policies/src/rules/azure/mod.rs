//! Azure rules (`spec/detection-content.md` §6, Azure).

pub mod az_001;
pub mod az_002;
pub mod az_003;
pub mod az_004;
pub mod az_005;
pub mod az_006;
pub mod az_007;
pub mod az_008;
pub mod az_009;
pub mod az_010;
pub mod az_011;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::azure::{AzPriv, Gain, Grant, Resource, View};
use crate::{Context, FindingBuilder, Outcome, ResourceRef, RuleMeta, Severity};

/// The view and an outcome that already names roles whose permissions are unknown.
pub(crate) fn start<'c, 'a>(ctx: &'c Context<'a>) -> (&'c View<'a>, Outcome) {
    let view = ctx.azure();
    let mut out = Outcome::default();
    if !view.unknown_roles.is_empty() {
        let list: Vec<_> = view.unknown_roles.iter().take(5).cloned().collect();
        out.not_evaluated.push(format!(
            "{} roles in assignments have unknown permissions (export them with `az role definition list`): {}",
            view.unknown_roles.len(),
            list.join(", ")
        ));
    }
    (view, out)
}

pub(crate) fn severity(p: AzPriv) -> Option<Severity> {
    match p {
        AzPriv::Critical => Some(Severity::Critical),
        AzPriv::High => Some(Severity::High),
        AzPriv::Medium => Some(Severity::Medium),
        AzPriv::None => None,
    }
}

pub(crate) fn principal_ref(view: &View<'_>, id: &str) -> ResourceRef {
    if let Some((name, _)) = view.identities.get(id) {
        return ResourceRef {
            id: id.to_string(),
            kind: fnscope_snapshot::kinds::AZURE_MANAGED_IDENTITY.into(),
            name: (*name).to_string(),
        };
    }
    let kind = view
        .principals
        .get(id)
        .copied()
        .flatten()
        .map(|t| format!("azure_{}", t.to_ascii_lowercase()))
        .unwrap_or_else(|| fnscope_snapshot::kinds::AZURE_PRINCIPAL.into());
    ResourceRef {
        id: id.to_string(),
        kind,
        name: view.names.get(id).map_or(id, |n| *n).to_string(),
    }
}

pub(crate) fn resource_ref(r: &Resource<'_>) -> ResourceRef {
    ResourceRef {
        id: r.workload.id.clone(),
        kind: r.workload.kind.to_string(),
        name: r.workload.name.clone(),
    }
}

pub(crate) fn with_privilege(mut b: FindingBuilder, who: &str, why: &[Grant]) -> FindingBuilder {
    for g in why {
        b = b
            .evidence(
                "privilege",
                format!("{who} holds {}", g.role_name),
                g.describe(),
            )
            .conditional(g.conditional);
    }
    b
}

/// Evidence for what `subject` gains by running code as `who`: each grant, and what `subject` may not
/// do at its scope.
pub(crate) fn with_gain(
    mut b: FindingBuilder,
    who: &str,
    subject: &str,
    gains: &[Gain],
) -> FindingBuilder {
    for g in gains {
        let detail = if g.lacks.is_empty() {
            format!("{}; {subject} does not hold it", g.grant.describe())
        } else {
            format!(
                "{}; {subject} may not do there: {}",
                g.grant.describe(),
                g.lacks.join(", ")
            )
        };
        b = b
            .evidence(
                "privilege",
                format!("{who} holds {}", g.grant.role_name),
                detail,
            )
            .conditional(g.grant.conditional);
    }
    b
}

/// The most privileged of what is gained.
pub(crate) fn gain_level(gains: &[Gain]) -> AzPriv {
    gains.iter().map(|g| g.level).max().unwrap_or(AzPriv::None)
}

/// The identities of a resource with their privilege, the privileged ones only.
pub(crate) fn privileged_identities(
    view: &View<'_>,
    r: &Resource<'_>,
) -> Vec<(String, AzPriv, Vec<Grant>)> {
    r.workload
        .identities
        .iter()
        .filter_map(|p| {
            let (level, why) = view.privilege(p);
            (level > AzPriv::None).then(|| (p.clone(), level, why))
        })
        .collect()
}

/// "Principal can change code that runs as a privileged identity": for every resource of `kinds`
/// with a privileged identity, every principal for whom `can` finds the actions (with the grants that
/// allow them) and who gains something by running code as the identity (what the identity may do
/// and the principal may not, at the identity's scopes: resource, resource group or broader). One
/// finding per (principal, identity), naming every resource; the severity is that of the gain.
pub(crate) fn code_paths(
    ctx: &Context<'_>,
    meta: &'static RuleMeta,
    kinds: &[fnscope_snapshot::kinds::Kind],
    can: impl Fn(&View<'_>, &str, &str) -> Option<Vec<(String, Grant)>>,
) -> Outcome {
    let (view, mut out) = start(ctx);
    type Key = (String, String);
    type Reached = Vec<(ResourceRef, Vec<(String, Grant)>)>;
    let mut hits: BTreeMap<Key, (Vec<Gain>, Reached)> = BTreeMap::new();
    for r in view
        .resources
        .iter()
        .filter(|r| kinds.contains(&r.workload.kind))
    {
        let ids = privileged_identities(view, r);
        if ids.is_empty() {
            continue;
        }
        for p in view.principals_covering(&r.workload.id) {
            if r.workload.identities.iter().any(|i| i == p) {
                continue;
            }
            let Some(how) = can(view, p, &r.workload.id) else {
                continue;
            };
            for (mi, _, why) in &ids {
                let gains = view.gain(p, why);
                if gains.is_empty() {
                    continue;
                }
                let e = hits
                    .entry((p.to_string(), mi.clone()))
                    .or_insert_with(|| (gains, Vec::new()));
                e.1.push((resource_ref(r), how.clone()));
            }
        }
    }
    for ((p, mi), (gains, resources)) in hits {
        let Some(sev) = severity(gain_level(&gains)) else {
            continue;
        };
        let (subject, target) = (principal_ref(view, &p), principal_ref(view, &mi));
        let (subject_name, target_name) = (subject.name.clone(), target.name.clone());
        let mut b = meta.finding().severity(sev).subject(subject).target(target);
        for (res, how) in &resources {
            b = b.resource(res.clone());
            for (action, g) in how {
                b = b
                    .evidence(
                        "permission",
                        format!("{subject_name} may {action} on {}", res.name),
                        g.describe(),
                    )
                    .conditional(g.conditional);
            }
        }
        match with_gain(b, &target_name, &subject_name, &gains).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}

/// The first of `actions` the principal may perform on the resource.
pub(crate) fn any_of(
    view: &View<'_>,
    principal: &str,
    resource: &str,
    actions: &[&str],
) -> Option<(String, Grant)> {
    actions
        .iter()
        .find_map(|a| Some((a.to_string(), view.allowed(principal, a, resource)?)))
}

/// "A serverless identity holds X": one finding per (resource, identity) whose privilege comes from
/// grants of `kind`. `graph`: the rule needs Microsoft Graph data, which may not have been read.
pub(crate) fn identity_rule(
    ctx: &Context<'_>,
    meta: &'static RuleMeta,
    kind: fnscope_snapshot::kinds::Kind,
    graph: bool,
    keep: impl Fn(&View<'_>, &Grant) -> bool,
) -> Outcome {
    let (view, mut out) = start(ctx);
    let mut unread = std::collections::BTreeSet::new();
    for r in &view.resources {
        for mi in &r.workload.identities {
            if graph
                && view
                    .identities
                    .get(mi.as_str())
                    .is_none_or(|(_, d)| !d.graph_read)
            {
                unread.insert(mi.clone());
                continue;
            }
            let (_, why) = view.privilege(mi);
            let why: Vec<Grant> = why
                .into_iter()
                .filter(|g| g.kind == kind && keep(view, g))
                .collect();
            let level = why
                .iter()
                .map(|g| view.grant_level(g))
                .max()
                .unwrap_or(AzPriv::None);
            let Some(sev) = severity(level) else { continue };
            let target = principal_ref(view, mi);
            let who = target.name.clone();
            let b = meta
                .finding()
                .severity(sev)
                .subject(resource_ref(r))
                .target(target)
                .resource(resource_ref(r));
            match with_privilege(b, &who, &why).build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    if !unread.is_empty() {
        out.not_evaluated.push(format!(
            "Microsoft Graph app roles and directory roles of {} managed identities were not read (needs Directory.Read.All)",
            unread.len()
        ));
    }
    out
}
