//! EventBridge event-pattern matching with the full operator set (`prefix`, `suffix`, `anything-but`,
//! `equals-ignore-case`, `wildcard`, `exists`, `numeric`, `cidr`, `$or`), evaluated against synthetic
//! events. A field the synthetic event does not model is *unknown* (a real event may carry anything
//! there): the match is then [`Tri::Unknown`], which rules report as conditional.

use serde_json::{Map, Value};

use super::action::glob_match;
use super::condition::Tri;

/// The CloudTrail-via-EventBridge event an IAM API call produces on the us-east-1 default bus.
pub fn iam_api_event(account: &str, event_name: &str) -> Value {
    serde_json::json!({
        "version": "0",
        "source": "aws.iam",
        "detail-type": "AWS API Call via CloudTrail",
        "account": account,
        "region": "us-east-1",
        "resources": [],
        "detail": {
            "eventSource": "iam.amazonaws.com",
            "eventName": event_name,
            "awsRegion": "us-east-1",
            "eventType": "AwsApiCall",
        }
    })
}

/// Does `pattern` match `event`? `Err` when the pattern is not a valid pattern.
pub fn matches(pattern: &Value, event: &Value) -> Result<Tri, String> {
    let obj = pattern
        .as_object()
        .ok_or_else(|| "an event pattern must be a JSON object".to_string())?;
    match_object(obj, Some(event), 0)
}

fn match_object(
    pattern: &Map<String, Value>,
    event: Option<&Value>,
    depth: usize,
) -> Result<Tri, String> {
    if depth > 64 {
        return Err("the event pattern is nested too deeply".into());
    }
    let mut acc = Tri::True;
    for (key, sub) in pattern {
        let r = if key == "$or" {
            let alts = sub
                .as_array()
                .ok_or_else(|| "`$or` must be a list of patterns".to_string())?;
            let mut any = Tri::False;
            for alt in alts {
                let alt = alt
                    .as_object()
                    .ok_or_else(|| "each `$or` alternative must be an object".to_string())?;
                any = or(any, match_object(alt, event, depth + 1)?);
            }
            any
        } else {
            // `None` = the synthetic event does not model this part: unknown.
            let field = match event {
                Some(Value::Object(o)) => Some(o.get(key)),
                _ => None,
            };
            match sub {
                Value::Object(inner) => match field {
                    Some(Some(v @ Value::Object(_))) => match_object(inner, Some(v), depth + 1)?,
                    Some(Some(_)) => Tri::False,
                    Some(None) | None => Tri::Unknown,
                },
                Value::Array(matchers) => match field {
                    Some(Some(v)) => match_leaf(matchers, Some(v))?,
                    // Absent from the synthetic event: a real event may carry it.
                    _ => Tri::Unknown,
                },
                _ => return Err(format!("the value of `{key}` must be an object or a list")),
            }
        };
        acc = acc.and(r);
        if acc == Tri::False {
            return Ok(Tri::False);
        }
    }
    Ok(acc)
}

fn or(a: Tri, b: Tri) -> Tri {
    match (a, b) {
        (Tri::True, _) | (_, Tri::True) => Tri::True,
        (Tri::Unknown, _) | (_, Tri::Unknown) => Tri::Unknown,
        _ => Tri::False,
    }
}

/// A list of matchers against a field that exists (`Some`) or is absent (`None`) in the event.
fn match_leaf(matchers: &[Value], field: Option<&Value>) -> Result<Tri, String> {
    let values: Vec<&Value> = match field {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    let mut any = Tri::False;
    for m in matchers {
        let r = match m {
            Value::Object(op) => match_operator(op, field.is_some(), &values)?,
            literal => bool_tri(values.contains(&literal)),
        };
        any = or(any, r);
    }
    Ok(any)
}

fn bool_tri(b: bool) -> Tri {
    if b { Tri::True } else { Tri::False }
}

fn as_str<'v>(v: &'v Value, op: &str) -> Result<&'v str, String> {
    v.as_str().ok_or_else(|| format!("`{op}` needs a string"))
}

/// A string predicate built from an operator and its argument.
type StrTest<'a> = Box<dyn Fn(&str) -> bool + 'a>;

fn string_test<'a>(op: &str, arg: &'a Value) -> Result<StrTest<'a>, String> {
    Ok(match op {
        "prefix" => match arg {
            Value::Object(o) if o.contains_key("equals-ignore-case") => {
                let p = as_str(&o["equals-ignore-case"], op)?.to_ascii_lowercase();
                Box::new(move |s: &str| s.to_ascii_lowercase().starts_with(&p))
            }
            _ => {
                let p = as_str(arg, op)?;
                Box::new(move |s: &str| s.starts_with(p))
            }
        },
        "suffix" => match arg {
            Value::Object(o) if o.contains_key("equals-ignore-case") => {
                let p = as_str(&o["equals-ignore-case"], op)?.to_ascii_lowercase();
                Box::new(move |s: &str| s.to_ascii_lowercase().ends_with(&p))
            }
            _ => {
                let p = as_str(arg, op)?;
                Box::new(move |s: &str| s.ends_with(p))
            }
        },
        "equals-ignore-case" => {
            let p = as_str(arg, op)?;
            Box::new(move |s: &str| s.eq_ignore_ascii_case(p))
        }
        "wildcard" => {
            let p = as_str(arg, op)?;
            Box::new(move |s: &str| glob_match(p, s, false))
        }
        other => return Err(format!("unknown string operator `{other}`")),
    })
}

fn match_operator(op: &Map<String, Value>, exists: bool, values: &[&Value]) -> Result<Tri, String> {
    let Some((name, arg)) = op.iter().next() else {
        return Err("an empty matcher object".into());
    };
    if op.len() != 1 {
        return Err(format!(
            "a matcher object must have one operator, found {}",
            op.len()
        ));
    }
    let strs = || values.iter().filter_map(|v| v.as_str());
    Ok(match name.as_str() {
        "exists" => bool_tri(arg.as_bool().ok_or("`exists` needs true or false")? == exists),
        "prefix" | "suffix" | "equals-ignore-case" | "wildcard" => {
            let test = string_test(name, arg)?;
            bool_tri(strs().any(test))
        }
        "anything-but" => {
            if !exists {
                return Ok(Tri::False);
            }
            let excluded = |v: &Value| -> Result<bool, String> {
                Ok(match arg {
                    Value::Array(list) => list.contains(v),
                    Value::Object(inner) => {
                        let (iname, iarg) = inner
                            .iter()
                            .next()
                            .ok_or("an empty `anything-but` object")?;
                        match (iname.as_str(), iarg) {
                            (_, Value::Array(items)) => {
                                let mut hit = false;
                                for it in items {
                                    let t = string_test(iname, it)?;
                                    hit |= v.as_str().is_some_and(&t);
                                }
                                hit
                            }
                            _ => {
                                let t = string_test(iname, iarg)?;
                                v.as_str().is_some_and(t)
                            }
                        }
                    }
                    scalar => v == scalar,
                })
            };
            let mut any = false;
            for v in values {
                if !excluded(v)? {
                    any = true;
                }
            }
            bool_tri(any)
        }
        "numeric" => {
            let parts = arg.as_array().ok_or("`numeric` needs a list")?;
            let mut ok_any = false;
            for v in values.iter().filter_map(|v| v.as_f64()) {
                let mut ok = true;
                for pair in parts.chunks(2) {
                    let (Some(o), Some(n)) = (
                        pair.first().and_then(Value::as_str),
                        pair.get(1).and_then(Value::as_f64),
                    ) else {
                        return Err("`numeric` needs operator/number pairs".into());
                    };
                    ok &= match o {
                        "<" => v < n,
                        "<=" => v <= n,
                        ">" => v > n,
                        ">=" => v >= n,
                        "=" => (v - n).abs() < f64::EPSILON,
                        other => return Err(format!("unknown numeric operator `{other}`")),
                    };
                }
                ok_any |= ok;
            }
            bool_tri(ok_any)
        }
        // IP addresses are not part of the synthetic events.
        "cidr" => Tri::Unknown,
        other => return Err(format!("unknown matcher `{other}`")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(p: Value, name: &str) -> Tri {
        matches(&p, &iam_api_event("111122223333", name)).unwrap()
    }

    #[test]
    fn pacu_pattern_and_variants() {
        let pacu = json!({"source":["aws.iam"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["iam.amazonaws.com"],"eventName":["CreateUser"]}});
        assert_eq!(m(pacu.clone(), "CreateUser"), Tri::True);
        assert_eq!(m(pacu, "CreateRole"), Tri::False);
        assert_eq!(
            m(json!({"source":["aws.iam"]}), "CreateAccessKey"),
            Tri::True
        );
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"prefix":"Create"}]}}),
                "CreateUser"
            ),
            Tri::True
        );
        assert_eq!(
            m(json!({"detail":{"eventName":["DeleteUser"]}}), "CreateUser"),
            Tri::False
        );
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"anything-but":["DeleteUser"]}]}}),
                "CreateUser"
            ),
            Tri::True
        );
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"anything-but":{"prefix":"Create"}}]}}),
                "CreateUser"
            ),
            Tri::False
        );
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"equals-ignore-case":"createuser"}]}}),
                "CreateUser"
            ),
            Tri::True
        );
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"wildcard":"Create*"}]}}),
                "CreateUser"
            ),
            Tri::True
        );
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"suffix":"User"}]}}),
                "CreateRole"
            ),
            Tri::False
        );
        assert_eq!(
            m(
                json!({"source":["aws.iam"],"$or":[{"detail":{"eventName":["CreateRole"]}},{"detail":{"eventName":["CreateUser"]}}]}),
                "CreateUser"
            ),
            Tri::True
        );
        assert_eq!(m(json!({"source":["aws.s3"]}), "CreateUser"), Tri::False);
        assert_eq!(
            m(
                json!({"detail":{"eventName":[{"exists":true}]}}),
                "CreateUser"
            ),
            Tri::True
        );
    }

    #[test]
    fn unmodelled_fields_are_unknown() {
        assert_eq!(
            m(
                json!({"source":["aws.iam"],"detail":{"userIdentity":{"type":["IAMUser"]}}}),
                "CreateUser"
            ),
            Tri::Unknown
        );
        assert_eq!(
            m(
                json!({"source":["aws.s3"],"detail":{"userIdentity":{"type":["IAMUser"]}}}),
                "CreateUser"
            ),
            Tri::False
        );
    }

    #[test]
    fn invalid_patterns_are_errors() {
        let e = iam_api_event("1", "CreateUser");
        assert!(matches(&json!(["aws.iam"]), &e).is_err());
        assert!(matches(&json!({"source":"aws.iam"}), &e).is_err());
        assert!(matches(&json!({"source":[{"regex":"x"}]}), &e).is_err());
    }
}
