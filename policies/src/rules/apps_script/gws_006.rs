//! T1648-GWS-006: a script holds high-risk OAuth scopes (restricted, or Admin SDK directory).

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{script_ref, scripts, triggered};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-006",
    title: "Script holds high-risk OAuth scopes",
    finds: "restricted or `admin.directory.*` scopes",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "high (anonymous web app executing as the deployer), medium (triggered or deployed), low",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &[],
    rationale: "Restricted scopes give a script the whole mailbox or Drive; ATT&CK's M1036 for T1648 is to restrict high-risk OAuth scopes.",
    remediation: "Narrow the manifest's oauthScopes (drive.file, *.currentonly); restrict the scopes in the Admin console's API controls.",
    references: &["Google restricted scopes", "ATT&CK M1036"],
};

crate::declare_rule!(Gws006, META, evaluate);

/// Google's restricted scopes (`spec/google-scopes.md`).
const RESTRICTED: &[&str] = &[
    "https://mail.google.com/",
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/gmail.metadata",
    "https://www.googleapis.com/auth/gmail.modify",
    "https://www.googleapis.com/auth/gmail.insert",
    "https://www.googleapis.com/auth/gmail.compose",
    "https://www.googleapis.com/auth/gmail.settings.basic",
    "https://www.googleapis.com/auth/gmail.settings.sharing",
    "https://www.googleapis.com/auth/drive",
    "https://www.googleapis.com/auth/drive.readonly",
    "https://www.googleapis.com/auth/drive.metadata",
    "https://www.googleapis.com/auth/drive.metadata.readonly",
    "https://www.googleapis.com/auth/drive.activity",
    "https://www.googleapis.com/auth/drive.activity.readonly",
    "https://www.googleapis.com/auth/drive.scripts",
    "https://www.googleapis.com/auth/drive.meet.readonly",
];

pub fn high_risk(scope: &str) -> bool {
    RESTRICTED.contains(&scope)
        || scope.starts_with("https://www.googleapis.com/auth/admin.directory.")
}

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    for (w, d) in scripts(ctx) {
        let risky: Vec<&String> = w.scopes.iter().filter(|s| high_risk(s)).collect();
        if risky.is_empty() {
            continue;
        }
        let anonymous_as_owner = d.webapp_access.as_deref() == Some("ANYONE_ANONYMOUS")
            && d.webapp_execute_as
                .as_deref()
                .is_none_or(|e| e == "USER_DEPLOYING");
        let sev = if anonymous_as_owner {
            Severity::High
        } else if triggered(d) || d.webapp_access.is_some() {
            Severity::Medium
        } else {
            Severity::Low
        };
        let names: Vec<String> = risky
            .iter()
            .map(|s| {
                s.rsplit('/')
                    .find(|x| !x.is_empty())
                    .unwrap_or(s)
                    .to_string()
            })
            .collect();
        let mut b = META
            .finding()
            .severity(sev)
            .subject(script_ref(w))
            .target(ResourceRef {
                id: format!("{}#scopes", w.id),
                kind: "oauth_scopes".into(),
                name: names.join(", "),
            })
            .evidence(
                "scopes",
                format!(
                    "{} {}",
                    if d.scopes_inferred {
                        "inferred from the services the code uses:"
                    } else {
                        "declared in appsscript.json:"
                    },
                    risky
                        .iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "appsscript.json".to_string(),
            );
        if let Some(a) = &d.webapp_access {
            b = b.evidence(
                "exposure",
                format!(
                    "web app: access {a}, executes as {}",
                    d.webapp_execute_as.as_deref().unwrap_or("USER_DEPLOYING")
                ),
                "appsscript.json".to_string(),
            );
        }
        match b.build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    out
}
