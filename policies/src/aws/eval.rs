//! AWS's documented evaluation logic for one principal: an explicit Deny anywhere wins; otherwise an
//! Allow is needed in an identity policy (inline, attached, group), inside the permissions boundary if
//! one is set, and at every SCP level on the account's path. Statements whose conditions use keys the
//! scanner cannot supply are assumed satisfiable and make the decision `conditional`.

use super::action::{action_matches, arn_intersects, glob_match};
use super::condition::{Ctx, Tri, evaluate_all};
use super::policy::{Effect, Patterns, Policy, Statement};

/// A policy together with where it came from, for evidence.
#[derive(Debug, Clone)]
pub struct Source {
    /// e.g. `arn:aws:iam::aws:policy/AdministratorAccess`, `inline policy deploy of arn:…:user/dev`.
    pub label: String,
    pub policy: Policy,
}

/// The resource of a request: a concrete ARN, or "some resource matching this pattern" (for create
/// actions, where the caller chooses the name).
#[derive(Debug, Clone, Copy)]
pub enum Res<'a> {
    Arn(&'a str),
    AnyOf(&'a str),
}

/// One statement that grants (or denies) a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub source: String,
    pub statement: String,
    pub conditional: bool,
    /// The resources the statement allows among those asked about: its `Resource` patterns that
    /// match the request (`arn:aws:iam::1:user/alice`), or `* except …` for a `NotResource`; empty
    /// when the statement names none (resource and trust policies).
    pub resources: Vec<String>,
}

impl Grant {
    pub fn describe(&self) -> String {
        format!("{} of {}", self.statement, self.source)
    }

    /// The resources the statement allows, for evidence (`arn:…:user/alice`, `* except …`).
    pub fn allows(&self) -> String {
        self.resources.join(", ")
    }
}

/// The `Resource` patterns of a statement that match the request, as written; `* except …` for a
/// `NotResource`.
fn allowed_resources(st: &Statement, resource: Res<'_>, username: Option<&str>) -> Vec<String> {
    match &st.resources {
        None => Vec::new(),
        Some(Patterns::Only(v)) => v
            .iter()
            .filter(|p| {
                let (p, _) = substitute(p, username);
                match resource {
                    Res::Arn(arn) => glob_match(&p, arn, false),
                    Res::AnyOf(pat) => arn_intersects(&p, pat),
                }
            })
            .cloned()
            .collect(),
        Some(Patterns::Not(v)) => vec![format!("* except {}", v.join(", "))],
    }
}

/// The outcome of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub allowed: bool,
    /// Some clause on the way was assumed satisfiable (or the SCPs are unknown).
    pub conditional: bool,
    /// The identity-policy statement that allows it (when allowed).
    pub grant: Option<Grant>,
    /// The statement that denies it explicitly (when denied that way).
    pub denied_by: Option<Grant>,
}

impl Decision {
    fn no() -> Decision {
        Decision {
            allowed: false,
            conditional: false,
            grant: None,
            denied_by: None,
        }
    }
}

/// Everything that shapes one principal's permissions.
#[derive(Debug, Clone)]
pub struct PrincipalPolicies {
    pub identity: Vec<Source>,
    pub boundary: Option<Source>,
    /// SCP levels from the root down to the account; `None` when they could not be read.
    pub scps: Option<Vec<Vec<Source>>>,
    /// Policy documents that could not be parsed (label, reason).
    pub unreadable: Vec<(String, String)>,
}

fn patterns_match(p: &Patterns, f: impl Fn(&str) -> bool) -> bool {
    match p {
        Patterns::Only(v) => v.iter().any(|x| f(x)),
        Patterns::Not(v) => !v.iter().any(|x| f(x)),
    }
}

/// Replaces policy variables in a resource pattern: `${aws:username}` with the principal's name, any
/// other with `*` (and reports that it did).
fn substitute(pattern: &str, username: Option<&str>) -> (String, bool) {
    if !pattern.contains("${") {
        return (pattern.to_string(), false);
    }
    let mut out = String::new();
    let mut rest = pattern;
    let mut guessed = false;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            out.push_str(&rest[start..]);
            return (out, guessed);
        };
        let var = &rest[start + 2..start + end];
        match (var.to_ascii_lowercase().as_str(), username) {
            ("aws:username", Some(u)) => out.push_str(u),
            _ => {
                out.push('*');
                guessed = true;
            }
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    (out, guessed)
}

/// Whether a statement applies to the request: `Some(conditional)` when it does.
pub fn statement_applies(
    st: &Statement,
    action: &str,
    resource: Res<'_>,
    ctx: &Ctx,
    username: Option<&str>,
) -> Option<bool> {
    if !patterns_match(&st.actions, |p| action_matches(p, action)) {
        return None;
    }
    let mut guessed = false;
    if let Some(res) = &st.resources {
        let mut matches = |p: &str| {
            let (p, g) = substitute(p, username);
            guessed |= g;
            match resource {
                Res::Arn(arn) => glob_match(&p, arn, false),
                Res::AnyOf(pat) => arn_intersects(&p, pat),
            }
        };
        let ok = match res {
            Patterns::Only(v) => v.iter().any(|p| matches(p)),
            Patterns::Not(v) => !v.iter().any(|p| match resource {
                // "Some resource outside the listed ones" exists unless a listed pattern covers the
                // whole probe.
                Res::AnyOf(pat) => glob_match(&substitute(p, username).0, pat, false),
                Res::Arn(_) => matches(p),
            }),
        };
        if !ok {
            return None;
        }
    }
    match evaluate_all(&st.conditions, ctx) {
        Tri::False => None,
        Tri::True => Some(guessed),
        Tri::Unknown => Some(true),
    }
}

/// The best matching statement of `effect` among `sources`: an unconditional one if any.
fn find(
    sources: &[Source],
    effect: Effect,
    action: &str,
    resource: Res<'_>,
    ctx: &Ctx,
    username: Option<&str>,
) -> Option<Grant> {
    let mut conditional: Option<Grant> = None;
    for s in sources {
        for st in &s.policy.statements {
            if st.effect != effect {
                continue;
            }
            if let Some(c) = statement_applies(st, action, resource, ctx, username) {
                let g = Grant {
                    source: s.label.clone(),
                    statement: st.label(),
                    conditional: c,
                    resources: allowed_resources(st, resource, username),
                };
                if !c {
                    return Some(g);
                }
                conditional.get_or_insert(g);
            }
        }
    }
    conditional
}

impl PrincipalPolicies {
    /// Is `action` on `resource` allowed for this principal?
    pub fn allowed(
        &self,
        action: &str,
        resource: Res<'_>,
        ctx: &Ctx,
        username: Option<&str>,
    ) -> Decision {
        let mut conditional = false;
        // 1. Explicit Deny anywhere wins. A Deny whose condition is unknown is not assumed to apply
        //    (that would hide findings); the decision is marked conditional instead.
        let mut deny_sources: Vec<&[Source]> = vec![&self.identity];
        if let Some(b) = &self.boundary {
            deny_sources.push(std::slice::from_ref(b));
        }
        if let Some(levels) = &self.scps {
            for l in levels {
                deny_sources.push(l);
            }
        }
        for srcs in deny_sources {
            if let Some(d) = find(srcs, Effect::Deny, action, resource, ctx, username) {
                if d.conditional {
                    conditional = true;
                } else {
                    return Decision {
                        denied_by: Some(d),
                        ..Decision::no()
                    };
                }
            }
        }
        // 2. An identity Allow.
        let Some(grant) = find(
            &self.identity,
            Effect::Allow,
            action,
            resource,
            ctx,
            username,
        ) else {
            return Decision::no();
        };
        conditional |= grant.conditional;
        // 3. Inside the boundary.
        if let Some(b) = &self.boundary {
            match find(
                std::slice::from_ref(b),
                Effect::Allow,
                action,
                resource,
                ctx,
                username,
            ) {
                Some(g) => conditional |= g.conditional,
                None => return Decision::no(),
            }
        }
        // 4. Every SCP level.
        match &self.scps {
            Some(levels) => {
                for l in levels {
                    match find(l, Effect::Allow, action, resource, ctx, username) {
                        Some(g) => conditional |= g.conditional,
                        None => return Decision::no(),
                    }
                }
            }
            None => conditional = true,
        }
        Decision {
            allowed: true,
            conditional,
            grant: Some(grant),
            denied_by: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn src(label: &str, doc: serde_json::Value) -> Source {
        Source {
            label: label.into(),
            policy: Policy::parse(&doc).unwrap(),
        }
    }

    fn principal(identity: Vec<Source>) -> PrincipalPolicies {
        PrincipalPolicies {
            identity,
            boundary: None,
            scps: Some(Vec::new()),
            unreadable: Vec::new(),
        }
    }

    const ROLE: &str = "arn:aws:iam::111122223333:role/admin";

    #[test]
    fn deny_overrides_a_wildcard_allow() {
        let p = principal(vec![src(
            "p",
            json!({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                                {"Effect":"Deny","Action":"iam:PassRole","Resource":ROLE}]}),
        )]);
        let d = p.allowed("iam:PassRole", Res::Arn(ROLE), &Ctx::new(), None);
        assert!(!d.allowed);
        assert_eq!(d.denied_by.unwrap().statement, "statement 1");
        assert!(
            p.allowed(
                "iam:PassRole",
                Res::Arn("arn:aws:iam::111122223333:role/other"),
                &Ctx::new(),
                None
            )
            .allowed
        );
    }

    #[test]
    fn not_action_allows_everything_else() {
        let p = principal(vec![src(
            "p",
            json!({"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}),
        )]);
        assert!(
            p.allowed(
                "lambda:CreateFunction",
                Res::AnyOf("arn:aws:lambda:*:*:function:*"),
                &Ctx::new(),
                None
            )
            .allowed
        );
        assert!(
            !p.allowed("IAM:PassRole", Res::Arn(ROLE), &Ctx::new(), None)
                .allowed
        );
    }

    #[test]
    fn passrole_scoped_by_resource_and_service() {
        let p = principal(vec![src(
            "p",
            json!({"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/harmless-*",
                                 "Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}),
        )]);
        let lambda = Ctx::new().with("iam:PassedToService", &["lambda.amazonaws.com"]);
        let ec2 = Ctx::new().with("iam:PassedToService", &["ec2.amazonaws.com"]);
        assert!(
            !p.allowed("iam:PassRole", Res::Arn(ROLE), &ec2, None)
                .allowed
        );
        assert!(
            !p.allowed(
                "iam:PassRole",
                Res::Arn("arn:aws:iam::111122223333:role/harmless-x"),
                &lambda,
                None
            )
            .allowed
        );
        assert!(
            p.allowed(
                "iam:PassRole",
                Res::Arn("arn:aws:iam::111122223333:role/harmless-x"),
                &ec2,
                None
            )
            .allowed
        );
    }

    #[test]
    fn boundary_caps_and_scps_need_every_level() {
        let admin = src(
            "AdministratorAccess",
            json!({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}),
        );
        let mut p = principal(vec![admin.clone()]);
        p.boundary = Some(src(
            "boundary",
            json!({"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}),
        ));
        assert!(
            !p.allowed("iam:PutRolePolicy", Res::Arn(ROLE), &Ctx::new(), None)
                .allowed
        );
        assert!(
            p.allowed(
                "s3:GetObject",
                Res::Arn("arn:aws:s3:::b/k"),
                &Ctx::new(),
                None
            )
            .allowed
        );

        let mut p = principal(vec![admin]);
        let full = src(
            "FullAWSAccess",
            json!({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}),
        );
        let deny = src(
            "deny-lambda",
            json!({"Statement":[{"Effect":"Deny","Action":"lambda:CreateFunction","Resource":"*"}]}),
        );
        let only_s3 = src(
            "only-s3",
            json!({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}),
        );
        p.scps = Some(vec![vec![full.clone()], vec![full.clone(), deny]]);
        assert!(
            !p.allowed(
                "lambda:CreateFunction",
                Res::AnyOf("arn:aws:lambda:*:*:function:*"),
                &Ctx::new(),
                None
            )
            .allowed
        );
        assert!(
            p.allowed(
                "lambda:UpdateFunctionCode",
                Res::Arn("arn:aws:lambda:us-east-1:1:function:f"),
                &Ctx::new(),
                None
            )
            .allowed
        );
        p.scps = Some(vec![vec![full], vec![only_s3]]);
        assert!(
            !p.allowed(
                "lambda:UpdateFunctionCode",
                Res::Arn("arn:aws:lambda:us-east-1:1:function:f"),
                &Ctx::new(),
                None
            )
            .allowed
        );
        p.scps = None;
        let d = p.allowed(
            "lambda:UpdateFunctionCode",
            Res::Arn("arn:aws:lambda:us-east-1:1:function:f"),
            &Ctx::new(),
            None,
        );
        assert!(d.allowed && d.conditional);
    }

    #[test]
    fn unknown_condition_keys_are_satisfiable_but_conditional() {
        let p = principal(vec![src(
            "p",
            json!({"Statement":[{"Effect":"Allow","Action":"lambda:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"ops"}}}]}),
        )]);
        let d = p.allowed(
            "lambda:UpdateFunctionCode",
            Res::Arn("arn:aws:lambda:us-east-1:1:function:f"),
            &Ctx::new(),
            None,
        );
        assert!(d.allowed && d.conditional);
    }

    #[test]
    fn function_scoped_update_and_probe_resources() {
        let p = principal(vec![src(
            "p",
            json!({"Statement":[{"Effect":"Allow","Action":["lambda:UpdateFunctionCode","lambda:CreateFunction"],"Resource":"arn:aws:lambda:us-east-1:1:function:dev-*"}]}),
        )]);
        assert!(
            p.allowed(
                "lambda:UpdateFunctionCode",
                Res::Arn("arn:aws:lambda:us-east-1:1:function:dev-api"),
                &Ctx::new(),
                None
            )
            .allowed
        );
        assert!(
            !p.allowed(
                "lambda:UpdateFunctionCode",
                Res::Arn("arn:aws:lambda:us-east-1:1:function:payroll"),
                &Ctx::new(),
                None
            )
            .allowed
        );
        assert!(
            p.allowed(
                "lambda:CreateFunction",
                Res::AnyOf("arn:aws:lambda:*:1:function:*"),
                &Ctx::new(),
                None
            )
            .allowed
        );
    }

    #[test]
    fn username_variable_is_substituted() {
        let p = principal(vec![src(
            "p",
            json!({"Statement":[{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"arn:aws:iam::1:user/${aws:username}"}]}),
        )]);
        assert!(
            p.allowed(
                "iam:CreateAccessKey",
                Res::Arn("arn:aws:iam::1:user/bob"),
                &Ctx::new(),
                Some("bob")
            )
            .allowed
        );
        assert!(
            !p.allowed(
                "iam:CreateAccessKey",
                Res::Arn("arn:aws:iam::1:user/alice"),
                &Ctx::new(),
                Some("bob")
            )
            .allowed
        );
    }
}
