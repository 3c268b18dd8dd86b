//! T1648-PA-003: a flow sends data to a non-allow-listed HTTP endpoint (and, medium, a credential is
//! written into a flow definition).

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{
    connector_is, context_evidence, flow_ref, flows, host_allowed, lower, tenant_domains,
    trigger_evidence, uri_host,
};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-PA-003",
    title: "Flow sends data to a non-allow-listed HTTP endpoint",
    finds: "an HTTP action to a host outside the tenant's domains, Microsoft's APIs (Graph, ARM, Entra sign-in), the tenant's own SharePoint and `http_allow` (or a dynamic one); and, medium, a credential written into a definition",
    provider: Provider::PowerAutomate,
    kind: RuleKind::Posture,
    severity: "critical (automatic, carries trigger, attachment or file data), high (carries it, manual), medium (nothing sensitive, or only what a Button flow's runner typed or an HTTP request's caller sent)",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1054"],
    rationale: "An HTTP action is arbitrary egress: on an automatic trigger that carries message or file content it ships data out with nobody watching.",
    remediation: "Restrict the HTTP connector with DLP (Blocked or endpoint filtering) and allow-list the hosts integrations need ([power_automate] http_allow).",
    references: &["ATT&CK AN1054: unexpected API calls to external endpoints"],
};

crate::declare_rule!(Pa003, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    let (domains, _) = tenant_domains(ctx);
    for (w, d) in flows(ctx) {
        for s in &d.steps {
            if !s.hardcoded_secrets.is_empty() {
                let b = META
                    .finding()
                    .severity(Severity::Medium)
                    .subject(flow_ref(w))
                    .target(ResourceRef {
                        id: format!("{}#{}", w.id, s.path),
                        kind: "hardcoded_credential".into(),
                        name: format!("credential in {}", s.path),
                    })
                    .evidence(
                        "secret",
                        format!(
                            "a credential is written into the definition ({}); the value is not copied",
                            s.hardcoded_secrets.join(", ")
                        ),
                        s.path.clone(),
                    )
                    .evidence_key(format!("secret:{}", s.path));
                match b.build() {
                    Ok(x) => out.findings.push(x),
                    Err(e) => out.not_evaluated.push(e.to_string()),
                }
            }
            let http = matches!(s.kind.as_str(), "Http" | "HttpWebhook")
                || connector_is(s, "shared_webcontents");
            let Some(uri) = s.uri.as_deref().filter(|_| http) else {
                continue;
            };
            let host = uri_host(uri);
            if host
                .as_deref()
                .is_some_and(|h| host_allowed(h, &domains, &ctx.settings.egress_allow))
            {
                continue;
            }
            // What a Button flow's trigger carries is what the person starting it typed, and an
            // HTTP request trigger's what its caller sent: not the organisation's data.
            let typed = d.trigger.class == "http"
                || (d.trigger.class == "manual" && d.trigger.kind.contains("Button"));
            let sensitive: Vec<&str> = s
                .carries
                .iter()
                .map(String::as_str)
                .filter(|c| match *c {
                    "trigger" => !typed,
                    "attachments" | "file_content" => true,
                    _ => false,
                })
                .collect();
            let sev = match (sensitive.is_empty(), d.trigger.automatic) {
                (false, true) => Severity::Critical,
                (false, false) => Severity::High,
                (true, _) => Severity::Medium,
            };
            let b = META
                .finding()
                .subject(flow_ref(w))
                .target(ResourceRef {
                    id: host
                        .clone()
                        .map_or_else(|| uri.to_string(), |h| format!("https://{h}")),
                    kind: "http_endpoint".into(),
                    name: host.clone().unwrap_or_else(|| format!("dynamic: {uri}")),
                })
                .evidence(
                    "action",
                    format!(
                        "{} to {}{}",
                        s.kind,
                        uri,
                        if sensitive.is_empty() {
                            String::new()
                        } else {
                            format!(" carrying {}", sensitive.join(", "))
                        }
                    ),
                    s.path.clone(),
                )
                .evidence_key(s.path.clone());
            let b = trigger_evidence(b, d);
            let (b, blocked) = context_evidence(ctx, b, w, d, s);
            match b.severity(if blocked { lower(sev) } else { sev }).build() {
                Ok(x) => out.findings.push(x),
                Err(e) => out.not_evaluated.push(e.to_string()),
            }
        }
    }
    out
}
