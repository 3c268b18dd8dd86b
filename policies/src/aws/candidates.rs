//! Which principals *may* hold permission to create or change Lambda code. Used by the collector to
//! decide whose last-accessed reports to generate: a deliberate over-approximation (any Allow statement
//! in any of the principal's own, group or attached policies whose actions could cover one of
//! [`SERVERLESS_WRITE_ACTIONS`]; Deny, boundaries, SCPs and conditions are ignored), since a spare report
//! costs one API call and a missing one leaves a rule unevaluated.

use fnscope_snapshot::{IdentityDetails, Snapshot};
use serde_json::Value;

use super::action::action_matches;

/// The Lambda actions that create or change code.
pub const SERVERLESS_WRITE_ACTIONS: &[&str] = &[
    "lambda:CreateFunction",
    "lambda:UpdateFunctionCode",
    "lambda:UpdateFunctionConfiguration",
];

/// IAM users and roles (ids) that may hold a serverless write permission, sorted.
pub fn serverless_write_candidates(snapshot: &Snapshot) -> Vec<String> {
    let mut out = Vec::new();
    for ident in &snapshot.identities {
        if ident.kind != fnscope_snapshot::kinds::AWS_IAM_ROLE
            && ident.kind != fnscope_snapshot::kinds::AWS_IAM_USER
        {
            continue;
        }
        let IdentityDetails::AwsIam(d) = &ident.details else {
            continue;
        };
        let mut docs: Vec<&Value> = d.inline_policies.iter().map(|p| &p.document).collect();
        let mut attached: Vec<&str> = d.attached_policies.iter().map(String::as_str).collect();
        for g in &d.groups {
            if let Some(IdentityDetails::AwsIam(gd)) = snapshot.identity(g).map(|g| &g.details) {
                docs.extend(gd.inline_policies.iter().map(|p| &p.document));
                attached.extend(gd.attached_policies.iter().map(String::as_str));
            }
        }
        for arn in attached {
            if let Some(p) = snapshot.policies.iter().find(|p| p.id == arn) {
                docs.push(&p.document);
            }
        }
        if docs
            .iter()
            .any(|d| may_allow_any(d, SERVERLESS_WRITE_ACTIONS))
        {
            out.push(ident.id.clone());
        }
    }
    out.sort();
    out
}

fn as_list(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// True when some Allow statement of `doc` could cover one of `actions`. An unreadable document counts
/// as "may" (it cannot be ruled out).
fn may_allow_any(doc: &Value, actions: &[&str]) -> bool {
    let statements: Vec<&Value> = match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ Value::Object(_)) => vec![v],
        _ => return !doc.is_object(),
    };
    statements.into_iter().any(|st| {
        if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
            return false;
        }
        if let Some(a) = st.get("Action") {
            let pats = as_list(Some(a));
            actions
                .iter()
                .any(|act| pats.iter().any(|p| action_matches(p, act)))
        } else if let Some(na) = st.get("NotAction") {
            let pats = as_list(Some(na));
            actions
                .iter()
                .any(|act| !pats.iter().any(|p| action_matches(p, act)))
        } else {
            false
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn may_allow_reads_action_and_notaction() {
        let acts = SERVERLESS_WRITE_ACTIONS;
        assert!(may_allow_any(
            &json!({"Statement":[{"Effect":"Allow","Action":"lambda:*","Resource":"*"}]}),
            acts
        ));
        assert!(may_allow_any(
            &json!({"Statement":{"Effect":"Allow","Action":["LAMBDA:updatefunctioncode"],"Resource":"*"}}),
            acts
        ));
        assert!(!may_allow_any(
            &json!({"Statement":[{"Effect":"Deny","Action":"lambda:*","Resource":"*"}]}),
            acts
        ));
        assert!(!may_allow_any(
            &json!({"Statement":[{"Effect":"Allow","Action":"lambda:Get*","Resource":"*"}]}),
            acts
        ));
        assert!(may_allow_any(
            &json!({"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}),
            acts
        ));
        assert!(!may_allow_any(
            &json!({"Statement":[{"Effect":"Allow","NotAction":"lambda:*","Resource":"*"}]}),
            acts
        ));
        assert!(may_allow_any(&json!("%7Bbroken"), acts));
    }
}
