//! T1648-PA-002: a flow creates anonymous sharing links.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{
    Whose, connector_is, context_evidence, flow_ref, flows, host_allowed, lower, op_starts,
    recipient, tenant_domains, trigger_evidence, uri_host,
};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-002",
    title: "Flow creates anonymous sharing links",
    finds: "a flow that creates anonymous sharing links (SharePoint `CreateSharingLink`, OneDrive `CreateShareLinkV2`, the REST share-link endpoints) or mints links anyone holding them may use (Azure Blob SAS links, Dropbox, Box, Google Drive and OneDrive consumer shared links); sent out, or handed back by a `Response` to whoever calls an HTTP-triggered flow",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Posture,
    severity: "high; critical when automatic and the link is sent out, or returned to the caller of an HTTP-triggered flow",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1054"],
    rationale: "An anonymous link opens a file to anyone who has the URL; a flow that makes one for every new file and mails it out publishes the library.",
    remediation: "Use organization-scoped links; block CreateSharingLink / CreateShareLinkV2 with DLP action rules and restrict anonymous sharing on the sites.",
    references: &["ATT&CK T1648 procedure: flows creating anonymous sharing links"],
};

crate::declare_rule!(Pa002, META, evaluate);

/// Storage connectors whose link operations mint a URL anyone holding it may use.
const LINK_MINTERS: &[&str] = &[
    "shared_azureblob",
    "shared_googledrive",
    "shared_dropbox",
    "shared_box",
    "shared_onedrive",
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    let (domains, _) = tenant_domains(ctx);
    for (w, d) in flows(ctx) {
        for s in &d.steps {
            let file_connector = connector_is(s, "shared_sharepointonline")
                || connector_is(s, "shared_onedriveforbusiness")
                || connector_is(s, "shared_onedrive");
            let anonymous = file_connector
                && s.link_scope.as_deref().is_some_and(|x| {
                    x.eq_ignore_ascii_case("anonymous") || x.eq_ignore_ascii_case("anyone")
                });
            let rest_link = (connector_is(s, "shared_sharepointonline")
                || connector_is(s, "shared_office365"))
                && op_starts(s, &["HttpRequest"])
                && s.uri.as_deref().is_some_and(|u| {
                    let u = u.to_ascii_lowercase();
                    u.contains("createlink") || u.contains("sharelink") || u.contains("shareobject")
                });
            // Storage connectors whose link operations mint a URL anyone holding it may use (an Azure
            // Blob SAS link, a Dropbox, Box or Google Drive shared link).
            let minted = LINK_MINTERS.iter().any(|c| connector_is(s, c)) && {
                let op = s
                    .operation
                    .as_deref()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                op.contains("link") && (op.contains("share") || op.contains("create"))
            };
            if !(anonymous || rest_link || minted) {
                continue;
            }
            let name = s.path.rsplit('/').next().unwrap_or(&s.path);
            // Is the link sent out? A later step that uses this step's output and goes outside.
            let sent = d.steps.iter().find(|o| {
                o.references.iter().any(|r| r == name)
                    && (o
                        .recipients
                        .iter()
                        .any(|r| matches!(recipient(r, &domains), Whose::External(_)))
                        || o.uri.as_deref().is_some_and(|u| {
                            uri_host(u).is_none_or(|h| {
                                !host_allowed(&h, &domains, &ctx.settings.egress_allow)
                            })
                        }))
            });
            // Handed back to whoever called a flow started by an HTTP request: out, to anyone holding
            // the trigger's URL.
            let returned = (d.trigger.class == "http" || d.trigger.kind.starts_with("Request"))
                .then(|| {
                    d.steps
                        .iter()
                        .find(|o| o.kind == "Response" && o.references.iter().any(|r| r == name))
                })
                .flatten();
            let sent = sent.or(returned);
            let sev = if (d.trigger.automatic || returned.is_some()) && sent.is_some() {
                Severity::Critical
            } else {
                Severity::High
            };
            let b = META
                .finding()
                .subject(flow_ref(w))
                .target(ResourceRef {
                    id: format!("{}#{}", w.id, s.path),
                    kind: "sharing_link".into(),
                    name: format!("anonymous link ({})", s.path),
                })
                .evidence(
                    "action",
                    if minted {
                        format!(
                            "{} ({}) mints a link anyone holding it may use",
                            s.operation.as_deref().unwrap_or("?"),
                            s.connector.as_deref().unwrap_or("?")
                        )
                    } else if rest_link {
                        format!(
                            "{} calls a sharing-link REST endpoint {}",
                            s.operation.as_deref().unwrap_or("?"),
                            s.uri.as_deref().unwrap_or("")
                        )
                    } else {
                        format!(
                            "{} with scope {}",
                            s.operation.as_deref().unwrap_or("?"),
                            s.link_scope.as_deref().unwrap_or("?")
                        )
                    },
                    s.path.clone(),
                )
                .evidence_key(s.path.clone());
            let mut b = trigger_evidence(b, d);
            if let Some(o) = sent {
                b = b.evidence(
                    "exfiltration",
                    if returned.is_some_and(|r| r.path == o.path) {
                        format!(
                            "the link is returned by {} to whoever calls the flow's HTTP trigger",
                            o.path
                        )
                    } else {
                        format!(
                            "the link goes out through {} to {}",
                            o.operation.as_deref().unwrap_or(&o.kind),
                            if o.recipients.is_empty() {
                                o.uri.clone().unwrap_or_default()
                            } else {
                                o.recipients.join("; ")
                            }
                        )
                    },
                    o.path.clone(),
                );
            }
            let (b, blocked) = context_evidence(ctx, b, w, d, s);
            match b.severity(if blocked { lower(sev) } else { sev }).build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
