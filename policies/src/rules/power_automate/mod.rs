//! Power Automate rules (`spec/detection-content.md` §6, Power Automate).

pub mod pa_001;
pub mod pa_002;
pub mod pa_003;
pub mod pa_004;
pub mod pa_005;
pub mod pa_006;
pub mod pa_007;
pub mod pa_008;

#[cfg(test)]
mod tests;

use fnscope_snapshot::{FlowDetails, FlowStep, Provider, Workload, WorkloadDetails};
use serde_json::Value;

use crate::{Context, FindingBuilder, ResourceRef, Severity};

/// Every flow of the snapshot.
pub(crate) fn flows<'a>(ctx: &Context<'a>) -> Vec<(&'a Workload, &'a FlowDetails)> {
    ctx.snapshot
        .workloads
        .iter()
        .filter_map(|w| match &w.details {
            WorkloadDetails::Flow(d) => Some((w, d.as_ref())),
            _ => None,
        })
        .collect()
}

/// The tenant's domains: configured, else those of the connection owners' sign-in names (said so in
/// the evidence). Empty = internal and external cannot be told apart.
pub(crate) fn tenant_domains(ctx: &Context<'_>) -> (Vec<String>, Option<String>) {
    if !ctx.settings.tenant_domains.is_empty() {
        return (
            ctx.settings
                .tenant_domains
                .iter()
                .map(|d| d.to_ascii_lowercase())
                .collect(),
            None,
        );
    }
    let mut found: Vec<String> = flows(ctx)
        .iter()
        .flat_map(|(_, d)| d.connections.iter())
        .filter_map(|c| c.owner.as_deref()?.rsplit_once('@'))
        .map(|(_, d)| d.to_ascii_lowercase())
        .collect();
    found.sort();
    found.dedup();
    let note = (!found.is_empty()).then(|| {
        format!(
            "tenant domains not configured; inferred from connection owners: {}",
            found.join(", ")
        )
    });
    (found, note)
}

/// What a recipient or host is, relative to the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Whose {
    Internal,
    External(String),
    Dynamic,
}

/// True when `host` is `domain` or one of its subdomains (`contoso.com.evil.io` is not).
pub(crate) fn within(host: &str, domain: &str) -> bool {
    crate::hosts::within(host, domain)
}

/// A mail recipient as written: `Name <a@b>`, `a@b`, or an expression.
pub(crate) fn recipient(r: &str, domains: &[String]) -> Whose {
    let r = r.trim();
    if r.starts_with('@') || r.contains("@{") || r.contains("()") {
        return Whose::Dynamic;
    }
    let addr = match (r.rfind('<'), r.rfind('>')) {
        (Some(a), Some(b)) if a < b => &r[a + 1..b],
        _ => r,
    };
    let Some((_, domain)) = addr.rsplit_once('@') else {
        return Whose::Dynamic;
    };
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    if domains.iter().any(|d| within(&domain, d)) {
        Whose::Internal
    } else {
        Whose::External(domain)
    }
}

/// Hosts data may go to without a finding: the tenant's domains, Microsoft's own APIs (Graph, ARM,
/// Entra sign-in), the tenant's own SharePoint (`contoso.sharepoint.com`, `contoso-my…` for the
/// tenant domain `contoso.com` or `contoso.onmicrosoft.com`; any SharePoint host when the tenant's
/// domains are not known), configured ones. Another tenant's SharePoint is outside.
pub(crate) fn host_allowed(host: &str, domains: &[String], extra: &[String]) -> bool {
    const MICROSOFT: &[&str] = &[
        "graph.microsoft.com",
        "management.azure.com",
        "login.microsoftonline.com",
    ];
    let own_sharepoint = host
        .trim_end_matches('.')
        .to_ascii_lowercase()
        .strip_suffix(".sharepoint.com")
        .map(|name| {
            let name = name.rsplit('.').next().unwrap_or(name);
            let name = name
                .strip_suffix("-my")
                .or_else(|| name.strip_suffix("-admin"))
                .unwrap_or(name);
            domains.is_empty()
                || domains.iter().any(|d| {
                    d.split('.')
                        .next()
                        .is_some_and(|t| t.eq_ignore_ascii_case(name))
                })
        })
        .unwrap_or(false);
    domains.iter().chain(extra.iter()).any(|d| within(host, d))
        || MICROSOFT.iter().any(|d| within(host, d))
        || own_sharepoint
}

/// The host of an HTTP destination, or `None` when it is an expression. An expression after the
/// host (`https://x.example/@{…}`) leaves the host known; one in it makes it unknown.
pub(crate) fn uri_host(uri: &str) -> Option<String> {
    let u = uri.trim();
    if u.starts_with('@') {
        return None;
    }
    let (scheme, rest) = u.split_once("://").unwrap_or(("https", u));
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.contains("@{") || authority.is_empty() {
        return None;
    }
    crate::hosts::url_host(&format!("{scheme}://{authority}/"))
}

pub(crate) fn flow_ref(w: &Workload) -> ResourceRef {
    ResourceRef {
        id: w.id.clone(),
        kind: w.kind.to_string(),
        name: w.name.clone(),
    }
}

/// Case-insensitive prefix test on an operation id.
pub(crate) fn op_starts(step: &FlowStep, prefixes: &[&str]) -> bool {
    let op = step
        .operation
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    prefixes
        .iter()
        .any(|p| op.starts_with(&p.to_ascii_lowercase()))
}

pub(crate) fn connector_is(step: &FlowStep, c: &str) -> bool {
    step.connector
        .as_deref()
        .is_some_and(|x| x.eq_ignore_ascii_case(c))
}

/// Operations that create, change, turn on, share or run other automation, by connector: what each
/// does. `shared_flowmanagement` is Power Automate Management, `shared_microsoftflowforadmins` Power
/// Automate for Admins, `shared_azureautomation` Azure Automation (runbooks), `shared_uiflow` desktop
/// flows; from `spec/m365-actions.md` §2 and the connectors' reference pages.
const AUTOMATION_OPS: &[(&str, &[(&str, &str)])] = &[
    (
        "shared_flowmanagement",
        &[
            ("CreateFlow", "creates a flow"),
            ("UpdateFlow", "changes a flow's definition"),
            ("StartFlow", "turns a flow on"),
            ("TurnOnFlow", "turns a flow on"),
            ("AdminRestoreFlow", "restores a deleted flow"),
            ("ModifyFlowOwners", "changes a flow's owners"),
            ("AdminModifyFlowOwners", "changes a flow's owners as admin"),
            ("ModifyRunOnlyUsers", "shares a flow with run-only users"),
            ("ResubmitFlow", "runs a flow again"),
            ("ListCallbackUrl", "gets a flow's trigger URL (to run it)"),
            ("CreateConnection", "creates a connection"),
        ],
    ),
    (
        "shared_microsoftflowforadmins",
        &[
            ("Set-AdminFlowOwnerRole", "shares a flow as admin"),
            ("Enable-AdminFlow", "turns a flow on as admin"),
            ("Restore-AdminFlow", "restores a deleted flow as admin"),
        ],
    ),
    (
        "shared_azureautomation",
        &[("CreateJob", "starts an Azure Automation runbook job")],
    ),
    (
        "shared_uiflow",
        &[
            ("RunUIFlow_V2", "runs a desktop flow on a machine"),
            ("RunUIFlow", "runs a desktop flow on a machine"),
        ],
    ),
];

/// What a step does to other automation, if anything: a row of [`AUTOMATION_OPS`], or a Dataverse
/// record written to the `workflows` table (a flow created or changed as a row).
pub(crate) fn automation(step: &FlowStep) -> Option<&'static str> {
    let op = step.operation.as_deref()?;
    for (connector, ops) in AUTOMATION_OPS {
        if connector_is(step, connector) {
            return ops
                .iter()
                .find(|(o, _)| o.eq_ignore_ascii_case(op))
                .map(|(_, what)| *what);
        }
    }
    let workflows = step.acts_on.as_deref().is_some_and(|t| {
        t.eq_ignore_ascii_case("table workflows") || t.eq_ignore_ascii_case("table workflow")
    });
    (connector_is(step, "shared_commondataserviceforapps")
        && workflows
        && op_starts(step, &["CreateRecord", "UpdateRecord", "UpdateOnlyRecord"]))
    .then_some("writes a flow as a Dataverse workflows row")
}

/// Started (a missing state counts as started).
pub(crate) fn started(w: &Workload) -> bool {
    w.state
        .as_deref()
        .is_none_or(|s| s.eq_ignore_ascii_case("Started") || s.eq_ignore_ascii_case("Activated"))
}

/// Evidence every flow finding carries: whose mailbox/files it acts with (the connection owner, not
/// the flow owner), who made and owns it, and what the tenant's DLP policies say of the connector and
/// operation. The second part is true when DLP blocks the connector or the operation.
pub(crate) fn context_evidence(
    ctx: &Context<'_>,
    mut b: FindingBuilder,
    w: &Workload,
    d: &FlowDetails,
    step: &FlowStep,
) -> (FindingBuilder, bool) {
    let conn = d.connections.iter().find(|c| {
        step.connector
            .as_deref()
            .is_some_and(|s| c.connector.eq_ignore_ascii_case(s))
    });
    if let Some(c) = conn {
        b = b.evidence(
            "acts_as",
            format!(
                "acts as {} (owner of connection {})",
                c.owner.as_deref().unwrap_or("an unknown connection owner"),
                c.connection.as_deref().unwrap_or(&c.key)
            ),
            format!("connectionReferences.{}", c.key),
        );
    }
    b = b.evidence(
        "owner",
        format!(
            "created by {}{}",
            w.owner.as_deref().unwrap_or("unknown"),
            if d.owners.is_empty() {
                String::new()
            } else {
                format!("; owners {}", d.owners.join(", "))
            }
        ),
        w.id.clone(),
    );
    let (note, blocked) = dlp(ctx, &d.environment, step);
    (b.evidence("dlp", note, "DLP policies".to_string()), blocked)
}

/// What the tenant's DLP policies say of a step's connector and operation in an environment.
pub(crate) fn dlp(ctx: &Context<'_>, env: &str, step: &FlowStep) -> (String, bool) {
    let Some(connector) = step.connector.as_deref().or(match step.kind.as_str() {
        "Http" | "HttpWebhook" => Some("http"),
        _ => None,
    }) else {
        return ("no connector".into(), false);
    };
    let policies: Vec<_> = ctx
        .snapshot
        .policies
        .iter()
        .filter(|p| {
            p.provider == Provider::PowerAutomate
                && p.kind == fnscope_snapshot::kinds::POWER_PLATFORM_DLP_POLICY
        })
        .collect();
    if !ctx.snapshot.coverage.iter().any(|c| {
        c.provider == Provider::PowerAutomate
            && c.api == "bap:dlpPolicies.list"
            && c.status == fnscope_snapshot::CoverageStatus::Complete
    }) {
        return ("DLP policies were not read".into(), false);
    }
    let mut notes = Vec::new();
    let mut blocked = false;
    for p in policies {
        let def = p.document.get("policyDefinition").unwrap_or(&p.document);
        let envs: Vec<&str> = def
            .get("environments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|e| e.get("name").and_then(Value::as_str))
            .collect();
        let applies = match def.get("environmentType").and_then(Value::as_str) {
            Some("OnlyEnvironments") | Some("SingleEnvironment") => envs.contains(&env),
            Some("ExceptEnvironments") => !envs.contains(&env),
            _ => true,
        };
        if !applies {
            continue;
        }
        let mut class = def
            .get("defaultConnectorsClassification")
            .and_then(Value::as_str)
            .unwrap_or("General")
            .to_string();
        for g in def
            .get("connectorGroups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let listed = g
                .get("connectors")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .any(|c| {
                    c.get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| n.eq_ignore_ascii_case(connector))
                });
            if listed {
                class = g
                    .get("classification")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_string();
            }
        }
        let action_blocked = step.operation.as_deref().is_some_and(|op| {
            p.document
                .pointer("/connectorConfigurationsDefinition/connectorActionConfigurations")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|c| {
                    c.get("connectorId")
                        .and_then(Value::as_str)
                        .is_some_and(|id| id.rsplit('/').next() == Some(connector))
                })
                .flat_map(|c| {
                    c.get("actionRules")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                })
                .any(|r| {
                    r.get("actionId").and_then(Value::as_str) == Some(op)
                        && r.get("behavior").and_then(Value::as_str) == Some("Block")
                })
        });
        if class == "Blocked" || action_blocked {
            blocked = true;
        }
        notes.push(format!(
            "policy '{}': {connector} is {class}{}",
            p.name,
            if action_blocked {
                format!(
                    ", action {} blocked",
                    step.operation.as_deref().unwrap_or("?")
                )
            } else {
                String::new()
            }
        ));
    }
    if notes.is_empty() {
        (
            "no DLP policy covers this environment: every connector is allowed".into(),
            false,
        )
    } else {
        (notes.join("; "), blocked)
    }
}

/// What starts the flow, and whether a person has to.
pub(crate) fn trigger_evidence(b: FindingBuilder, d: &FlowDetails) -> FindingBuilder {
    let t = &d.trigger;
    b.evidence(
        "trigger",
        format!(
            "{} ({}){}",
            t.name,
            t.class,
            if t.automatic {
                ", automatic"
            } else {
                ", started by a person"
            }
        ),
        format!("triggers.{}", t.name),
    )
}

/// One level lower (DLP blocks what the finding needs: it would fail when it runs).
pub(crate) fn lower(s: Severity) -> Severity {
    match s {
        Severity::Critical => Severity::High,
        Severity::High => Severity::Medium,
        _ => Severity::Low,
    }
}
