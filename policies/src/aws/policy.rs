//! IAM policy documents, parsed from the snapshot's JSON into typed statements. Parsing is strict about
//! shape (an unreadable document is an error the caller reports, never an empty policy) and lenient
//! about spelling where AWS is (a single string or a list; `Statement` as an object or a list).

use serde_json::Value;

/// Allow or Deny.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Allow,
    Deny,
}

/// `Action` or `NotAction`; `Resource` or `NotResource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patterns {
    Only(Vec<String>),
    Not(Vec<String>),
}

/// One condition clause: `"StringLike": {"iam:PassedToService": ["lambda.amazonaws.com"]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The operator as written, e.g. `ForAnyValue:StringLikeIfExists`.
    pub operator: String,
    /// The key, lowercased (keys are case-insensitive).
    pub key: String,
    pub values: Vec<String>,
}

/// One statement, with its position for evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub index: usize,
    pub sid: Option<String>,
    pub effect: Effect,
    pub actions: Patterns,
    /// `None` when the statement has neither (resource policies, trust policies).
    pub resources: Option<Patterns>,
    /// Principals of a resource or trust policy: (`AWS`|`Service`|`Federated`|`*`, value).
    pub principals: Option<Patterns>,
    pub conditions: Vec<Condition>,
}

impl Statement {
    /// `Sid` when present, else `#index`, for evidence paths.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(s) if !s.is_empty() => format!("{s} (statement {})", self.index),
            _ => format!("statement {}", self.index),
        }
    }
}

/// A parsed policy document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Policy {
    pub statements: Vec<Statement>,
}

fn strings(v: &Value, what: &str) -> Result<Vec<String>, String> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(a) => a
            .iter()
            .map(|x| match x {
                Value::String(s) => Ok(s.clone()),
                Value::Number(n) => Ok(n.to_string()),
                Value::Bool(b) => Ok(b.to_string()),
                _ => Err(format!("`{what}` holds a non-string value")),
            })
            .collect(),
        Value::Number(n) => Ok(vec![n.to_string()]),
        Value::Bool(b) => Ok(vec![b.to_string()]),
        _ => Err(format!("`{what}` must be a string or a list of strings")),
    }
}

fn principals(v: &Value) -> Result<Vec<String>, String> {
    match v {
        Value::String(s) if s == "*" => Ok(vec!["*".into()]),
        Value::Object(map) => {
            let mut out = Vec::new();
            for (kind, vals) in map {
                for s in strings(vals, "Principal")? {
                    out.push(format!("{kind}:{s}"));
                }
            }
            Ok(out)
        }
        _ => Err("`Principal` must be `*` or an object".into()),
    }
}

/// The principal strings as [`Statement::principals`] spells them: `AWS:arn…`, `Service:lambda.amazonaws.com`, `*`.
pub fn principal_matches_any(stmt: &Statement, want: impl Fn(&str) -> bool) -> bool {
    match &stmt.principals {
        Some(Patterns::Only(p)) => p.iter().any(|x| want(x)),
        Some(Patterns::Not(p)) => !p.iter().any(|x| want(x)),
        None => false,
    }
}

impl Policy {
    /// Parses a policy document. Errors name what is wrong, e.g. `statement 2: \`Effect\` must be Allow or Deny`.
    pub fn parse(doc: &Value) -> Result<Policy, String> {
        let obj = doc.as_object().ok_or_else(|| {
            "the document is not a JSON object (it could not be decoded)".to_string()
        })?;
        let stmts: Vec<&Value> = match obj.get("Statement") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v @ Value::Object(_)) => vec![v],
            Some(_) => return Err("`Statement` must be an object or a list".into()),
            None => return Err("the document has no `Statement`".into()),
        };
        let mut out = Vec::with_capacity(stmts.len());
        for (index, s) in stmts.into_iter().enumerate() {
            let at = |m: String| format!("statement {index}: {m}");
            let s = s.as_object().ok_or_else(|| at("is not an object".into()))?;
            let effect = match s.get("Effect").and_then(Value::as_str) {
                Some("Allow") => Effect::Allow,
                Some("Deny") => Effect::Deny,
                _ => return Err(at("`Effect` must be Allow or Deny".into())),
            };
            let actions = match (s.get("Action"), s.get("NotAction")) {
                (Some(a), None) => Patterns::Only(strings(a, "Action").map_err(at)?),
                (None, Some(a)) => Patterns::Not(strings(a, "NotAction").map_err(at)?),
                _ => return Err(at("needs exactly one of `Action` and `NotAction`".into())),
            };
            let resources = match (s.get("Resource"), s.get("NotResource")) {
                (Some(r), None) => Some(Patterns::Only(strings(r, "Resource").map_err(at)?)),
                (None, Some(r)) => Some(Patterns::Not(strings(r, "NotResource").map_err(at)?)),
                (None, None) => None,
                _ => return Err(at("has both `Resource` and `NotResource`".into())),
            };
            let principals = match (s.get("Principal"), s.get("NotPrincipal")) {
                (Some(p), None) => Some(Patterns::Only(principals(p).map_err(at)?)),
                (None, Some(p)) => Some(Patterns::Not(principals(p).map_err(at)?)),
                (None, None) => None,
                _ => return Err(at("has both `Principal` and `NotPrincipal`".into())),
            };
            let mut conditions = Vec::new();
            if let Some(c) = s.get("Condition") {
                let c = c
                    .as_object()
                    .ok_or_else(|| at("`Condition` must be an object".into()))?;
                for (op, clauses) in c {
                    let clauses = clauses
                        .as_object()
                        .ok_or_else(|| at(format!("condition `{op}` must be an object")))?;
                    for (key, values) in clauses {
                        conditions.push(Condition {
                            operator: op.clone(),
                            key: key.to_ascii_lowercase(),
                            values: strings(values, key).map_err(at)?,
                        });
                    }
                }
            }
            out.push(Statement {
                index,
                sid: s.get("Sid").and_then(Value::as_str).map(str::to_string),
                effect,
                actions,
                resources,
                principals,
                conditions,
            });
        }
        Ok(Policy { statements: out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_the_shapes_aws_accepts() {
        let p = Policy::parse(
            &json!({"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}),
        )
        .unwrap();
        assert_eq!(p.statements.len(), 1);
        assert_eq!(p.statements[0].actions, Patterns::Only(vec!["s3:*".into()]));
        let p = Policy::parse(&json!({"Statement": [
            {"Sid": "x", "Effect": "Deny", "NotAction": ["iam:*"], "NotResource": "arn:aws:s3:::b",
             "Condition": {"StringEquals": {"AWS:SourceAccount": "1", "aws:x": ["a", "b"]}}},
            {"Effect": "Allow", "Principal": {"Service": ["lambda.amazonaws.com"]}, "Action": "sts:AssumeRole"}
        ]}))
        .unwrap();
        assert_eq!(p.statements[0].conditions.len(), 2);
        assert_eq!(p.statements[0].conditions[0].key, "aws:sourceaccount");
        assert_eq!(
            p.statements[1].principals,
            Some(Patterns::Only(vec!["Service:lambda.amazonaws.com".into()]))
        );
        assert_eq!(p.statements[0].label(), "x (statement 0)");
    }

    #[test]
    fn rejects_what_it_cannot_read() {
        for (doc, msg) in [
            (json!("%7Bbroken"), "not a JSON object"),
            (json!({"Version": "2012-10-17"}), "no `Statement`"),
            (
                json!({"Statement": [{"Effect": "Maybe", "Action": "*"}]}),
                "statement 0: `Effect`",
            ),
            (
                json!({"Statement": [{"Effect": "Allow"}]}),
                "exactly one of `Action`",
            ),
            (
                json!({"Statement": [{"Effect": "Allow", "Action": {"a": 1}}]}),
                "`Action` must be",
            ),
        ] {
            let err = Policy::parse(&doc).unwrap_err();
            assert!(err.contains(msg), "{err}");
        }
    }
}
