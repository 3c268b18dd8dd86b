//! T1648-AWS-007: a privileged function is invocable by anyone or by a foreign account — through its
//! resource policy (without a source condition) or a function URL with `AuthType NONE`.

use fnscope_snapshot::Provider;

use crate::aws::Function;
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
        if !f.lambda.resource_policy_read || !f.lambda.url_read {
            unread.push(f.workload.name.clone());
        }
        let (found, unreadable) = invokers(f, &ours);
        out.not_evaluated.extend(unreadable);
        let reasons: Vec<(String, String)> =
            found.into_iter().map(|i| (i.detail, i.path)).collect();
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

/// One way outsiders can invoke a function: a URL without auth or a resource-policy statement.
pub(crate) struct Invoker {
    /// Anyone at all (not only a foreign account).
    pub anyone: bool,
    pub detail: String,
    /// The URL or the statement, e.g. `statement 2 (Sid "x") of the resource policy of <arn>`.
    pub path: String,
}

/// Who outside `ours` can invoke `f`: its function URL with auth NONE, and every Allow statement of
/// its resource policy granting invoke to `*` or a foreign account without a source condition; and,
/// when the resource policy cannot be read, why (naming the function).
pub(crate) fn invokers(f: &Function<'_>, ours: &[&str]) -> (Vec<Invoker>, Option<String>) {
    let mut reasons = Vec::new();
    if let Some(u) = &f.lambda.url
        && u.auth_type.eq_ignore_ascii_case("NONE")
    {
        reasons.push(Invoker {
            anyone: true,
            detail: format!("function URL {} with auth NONE", u.url),
            path: format!("{} function URL", f.arn()),
        });
    }
    let Some(doc) = &f.lambda.resource_policy else {
        return (reasons, None);
    };
    let p = match Policy::parse(doc) {
        Ok(p) => p,
        Err(e) => {
            let why = format!("resource policy of {} could not be read: {e}", f.arn());
            return (reasons, Some(why));
        }
    };
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
            reasons.push(Invoker {
                anyone: who.iter().any(|w| w.starts_with("anyone")),
                detail: format!("resource policy lets {} invoke it", who.join(", ")),
                path: format!("{} of the resource policy of {}", st.label(), f.arn()),
            });
        }
    }
    (reasons, None)
}
