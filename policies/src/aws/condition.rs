//! Condition evaluation for the keys the scanner can supply. A key it cannot supply is *unknown*: the
//! clause is assumed satisfiable and the result marked conditional (the conservative reading, see
//! `spec/detection-content.md` §1.0.2).

use std::collections::BTreeMap;

use super::action::glob_match;
use super::policy::Condition;

/// Three-valued result of a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    /// AND over clauses: any False is False, else any Unknown is Unknown.
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
            _ => Tri::True,
        }
    }
}

/// The request context: condition keys (lowercased) and their values. A key that is absent here is
/// unknown, not absent from the request — unless it is listed in `absent`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ctx {
    values: BTreeMap<String, Vec<String>>,
    absent: Vec<String>,
}

impl Ctx {
    pub fn new() -> Ctx {
        Ctx::default()
    }

    /// Sets a key to one or more values.
    pub fn with(mut self, key: &str, values: &[&str]) -> Ctx {
        self.values.insert(
            key.to_ascii_lowercase(),
            values.iter().map(|v| v.to_string()).collect(),
        );
        self
    }

    /// Declares a key known to be absent from the request.
    pub fn without(mut self, key: &str) -> Ctx {
        self.absent.push(key.to_ascii_lowercase());
        self
    }

    fn get(&self, key: &str) -> Option<&[String]> {
        self.values.get(key).map(Vec::as_slice)
    }
}

enum Op {
    StrEq { ci: bool },
    StrLike,
    ArnLike,
    Bool,
}

fn base_op(name: &str) -> Option<(Op, bool)> {
    Some(match name {
        "StringEquals" | "ArnEquals" => (Op::StrEq { ci: false }, false),
        "StringNotEquals" | "ArnNotEquals" => (Op::StrEq { ci: false }, true),
        "StringEqualsIgnoreCase" => (Op::StrEq { ci: true }, false),
        "StringNotEqualsIgnoreCase" => (Op::StrEq { ci: true }, true),
        "StringLike" => (Op::StrLike, false),
        "StringNotLike" => (Op::StrLike, true),
        "ArnLike" => (Op::ArnLike, false),
        "ArnNotLike" => (Op::ArnLike, true),
        "Bool" => (Op::Bool, false),
        _ => return None,
    })
}

fn value_matches(op: &Op, pattern: &str, value: &str) -> bool {
    match op {
        Op::StrEq { ci: false } => pattern == value,
        Op::StrEq { ci: true } => pattern.eq_ignore_ascii_case(value),
        Op::StrLike | Op::ArnLike => glob_match(pattern, value, false),
        Op::Bool => pattern.eq_ignore_ascii_case(value),
    }
}

/// Evaluates one clause against the context.
pub fn evaluate(c: &Condition, ctx: &Ctx) -> Tri {
    let (set, rest) = if let Some(r) = c.operator.strip_prefix("ForAnyValue:") {
        (Some(true), r)
    } else if let Some(r) = c.operator.strip_prefix("ForAllValues:") {
        (Some(false), r)
    } else {
        (None, c.operator.as_str())
    };
    let (name, if_exists) = match rest.strip_suffix("IfExists") {
        Some(n) => (n, true),
        None => (rest, false),
    };
    // Policy variables (`${aws:username}`) cannot be resolved here.
    if c.values.iter().any(|v| v.contains("${")) {
        return Tri::Unknown;
    }
    let known_absent = ctx.absent.iter().any(|k| k == &c.key);
    if name == "Null" {
        let want_absent = c.values.iter().any(|v| v.eq_ignore_ascii_case("true"));
        return match (ctx.get(&c.key), known_absent) {
            (Some(_), _) => bool_tri(!want_absent),
            (None, true) => bool_tri(want_absent),
            (None, false) => Tri::Unknown,
        };
    }
    let Some((op, negated)) = base_op(name) else {
        return Tri::Unknown;
    };
    let Some(values) = ctx.get(&c.key) else {
        if known_absent {
            // An absent key: `…IfExists` and `ForAllValues` hold vacuously, negated operators hold,
            // anything else fails.
            return bool_tri(if_exists || set == Some(false) || (negated && set.is_none()));
        }
        return Tri::Unknown;
    };
    let any_pattern = |v: &str| c.values.iter().any(|p| value_matches(&op, p, v));
    let result = match set {
        Some(true) => values.iter().any(|v| any_pattern(v) != negated),
        Some(false) => values.iter().all(|v| any_pattern(v) != negated),
        None => {
            if negated {
                !values.iter().any(|v| any_pattern(v))
            } else {
                values.iter().any(|v| any_pattern(v))
            }
        }
    };
    bool_tri(result)
}

fn bool_tri(b: bool) -> Tri {
    if b { Tri::True } else { Tri::False }
}

/// AND of every clause of a statement.
pub fn evaluate_all(conditions: &[Condition], ctx: &Ctx) -> Tri {
    conditions
        .iter()
        .fold(Tri::True, |acc, c| acc.and(evaluate(c, ctx)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cond(op: &str, key: &str, values: &[&str]) -> Condition {
        Condition {
            operator: op.into(),
            key: key.to_ascii_lowercase(),
            values: values.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn operator_families() {
        let ctx = Ctx::new()
            .with("iam:PassedToService", &["lambda.amazonaws.com"])
            .with(
                "lambda:Layer",
                &["arn:aws:lambda:us-east-1:999:layer:evil:1"],
            )
            .without("aws:SourceArn");
        let cases = [
            (
                cond(
                    "StringEquals",
                    "iam:PassedToService",
                    &["lambda.amazonaws.com"],
                ),
                Tri::True,
            ),
            (
                cond(
                    "StringEquals",
                    "iam:PassedToService",
                    &["ec2.amazonaws.com"],
                ),
                Tri::False,
            ),
            (
                cond(
                    "StringNotEquals",
                    "iam:PassedToService",
                    &["ec2.amazonaws.com"],
                ),
                Tri::True,
            ),
            (
                cond("StringLike", "iam:PassedToService", &["lambda.*"]),
                Tri::True,
            ),
            (
                cond(
                    "StringEqualsIgnoreCase",
                    "iam:PassedToService",
                    &["LAMBDA.amazonaws.com"],
                ),
                Tri::True,
            ),
            (
                cond(
                    "StringEquals",
                    "IAM:PassedToService",
                    &["lambda.amazonaws.com"],
                ),
                Tri::True,
            ),
            (
                cond(
                    "ForAllValues:StringLike",
                    "lambda:Layer",
                    &["arn:aws:lambda:us-east-1:123:layer:*"],
                ),
                Tri::False,
            ),
            (
                cond(
                    "ForAnyValue:StringLike",
                    "lambda:Layer",
                    &["arn:aws:lambda:*:999:layer:*"],
                ),
                Tri::True,
            ),
            (
                cond("ArnLike", "aws:SourceArn", &["arn:aws:s3:::b"]),
                Tri::False,
            ),
            (
                cond("ArnLikeIfExists", "aws:SourceArn", &["arn:aws:s3:::b"]),
                Tri::True,
            ),
            (cond("Null", "aws:SourceArn", &["true"]), Tri::True),
            (cond("Null", "iam:PassedToService", &["true"]), Tri::False),
            (
                cond("StringEquals", "aws:PrincipalTag/team", &["x"]),
                Tri::Unknown,
            ),
            (
                cond("NumericLessThan", "iam:PassedToService", &["3"]),
                Tri::Unknown,
            ),
            (
                cond("StringEquals", "iam:PassedToService", &["${aws:username}"]),
                Tri::Unknown,
            ),
        ];
        for (c, want) in cases {
            assert_eq!(evaluate(&c, &ctx), want, "{c:?}");
        }
    }

    #[test]
    fn clauses_and_together() {
        let ctx = Ctx::new().with("a:b", &["x"]);
        let all = [
            cond("StringEquals", "a:b", &["x"]),
            cond("StringEquals", "c:d", &["y"]),
        ];
        assert_eq!(evaluate_all(&all, &ctx), Tri::Unknown);
        let all = [
            cond("StringEquals", "a:b", &["z"]),
            cond("StringEquals", "c:d", &["y"]),
        ];
        assert_eq!(evaluate_all(&all, &ctx), Tri::False);
        assert_eq!(evaluate_all(&[], &ctx), Tri::True);
    }
}
