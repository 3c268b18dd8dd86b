//! T1648-AWS-007: a privileged function is invocable by anyone or by a foreign account — through its
//! resource policy (without a source condition) or a function URL with `AuthType NONE`.

use fnscope_snapshot::Provider;

use crate::aws::action::action_matches;
use crate::aws::policy::{Effect, Patterns, Policy};
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{severity_of, start, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-007",
    title: "Privileged function is invocable by anyone or by a foreign account",
    finds: "a privileged function invocable by anyone (resource policy without a source condition, function URL with auth NONE) or by a foreign account",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "the privilege of the function's role",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &[],
    rationale: "Anyone who can invoke a function drives code that runs with its role; with a privileged role, a public or cross-account trigger hands that privilege to outsiders through any input-handling flaw.",
    remediation: "Reduce the function's role first — public webhooks are often intended, privileged ones rarely are; then restrict the resource policy with aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID, or switch the function URL to AWS_IAM.",
    references: &[
        "pathfinding.cloud lambda-006",
        "Rhino Security Labs method 16",
    ],
};

/// Condition keys that tie a grant to a specific source, making it not public.
const SOURCE_KEYS: &[&str] = &[
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:principalorgid",
    "aws:sourceorgid",
];

crate::declare_rule!(Aws007, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let ours: Vec<&str> = ctx
        .snapshot
        .targets
        .iter()
        .filter(|t| t.provider == Provider::Aws)
        .map(|t| t.id.as_str())
        .chain(ctx.settings.trusted_accounts.iter().map(String::as_str))
        .collect();
    let mut unread = Vec::new();
    for f in &view.functions {
        let Some(role) = view.principal(&f.lambda.role) else {
            continue;
        };
        let facts = view.privilege(role);
        let Some(severity) = severity_of(facts.level) else {
            continue;
        };
        let mut reasons: Vec<(String, String)> = Vec::new();
        if let Some(u) = &f.lambda.url
            && u.auth_type.eq_ignore_ascii_case("NONE")
        {
            reasons.push((
                format!("function URL {} with auth NONE", u.url),
                format!("{} function URL", f.arn()),
            ));
        }
        if !f.lambda.resource_policy_read || !f.lambda.url_read {
            unread.push(f.workload.name.clone());
        }
        if let Some(doc) = &f.lambda.resource_policy {
            match Policy::parse(doc) {
                Ok(p) => {
                    for st in &p.statements {
                        if st.effect != Effect::Allow {
                            continue;
                        }
                        let invokes = match &st.actions {
                            Patterns::Only(a) => a.iter().any(|x| {
                                action_matches(x, "lambda:InvokeFunction")
                                    || action_matches(x, "lambda:InvokeFunctionUrl")
                            }),
                            Patterns::Not(_) => true,
                        };
                        if !invokes
                            || st
                                .conditions
                                .iter()
                                .any(|c| SOURCE_KEYS.contains(&c.key.as_str()))
                        {
                            continue;
                        }
                        let who: Vec<String> = match &st.principals {
                            Some(Patterns::Only(ps)) => ps
                                .iter()
                                .filter_map(|p| {
                                    if p == "*" || p == "AWS:*" {
                                        Some("anyone".to_string())
                                    } else {
                                        let acct = p.strip_prefix("AWS:").map(|a| {
                                            if a.starts_with("arn:") {
                                                a.split(':').nth(4).unwrap_or_default().to_string()
                                            } else {
                                                a.to_string()
                                            }
                                        })?;
                                        (!acct.is_empty() && !ours.contains(&acct.as_str()))
                                            .then(|| format!("account {acct}"))
                                    }
                                })
                                .collect(),
                            Some(Patterns::Not(_)) => vec!["anyone (NotPrincipal)".to_string()],
                            None => Vec::new(),
                        };
                        if !who.is_empty() {
                            reasons.push((
                                format!("resource policy lets {} invoke it", who.join(", ")),
                                format!("{} of the resource policy of {}", st.label(), f.arn()),
                            ));
                        }
                    }
                }
                Err(e) => out.not_evaluated.push(format!(
                    "resource policy of {} could not be read: {e}",
                    f.arn()
                )),
            }
        }
        if reasons.is_empty() {
            continue;
        }
        let mut b = META
            .finding()
            .severity(severity)
            .subject(f.reference())
            .target(role.reference())
            .resource(f.reference());
        for (detail, path) in reasons {
            b = b.evidence("exposure", detail, path);
        }
        match with_privilege(b, role.arn(), facts).build() {
            Ok(x) => out.findings.push(x),
            Err(e) => out.not_evaluated.push(e.to_string()),
        }
    }
    if !unread.is_empty() {
        out.not_evaluated.push(format!(
            "the resource policy or URL of {} functions was not read (first: {})",
            unread.len(),
            unread[0]
        ));
    }
    out
}
