//! The resource diff between two snapshots: what was added, removed, and changed — field by field, for
//! the fields that matter to a reviewer (role or identity swapped, policy documents, trust, triggers,
//! exposure, code), not for timestamps that move on every scan.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::model::Snapshot;

/// A resource in a diff: enough to recognise it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceRef {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub provider: String,
}

/// One changed field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// A resource present in both snapshots with changed fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changed {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub provider: String,
    pub changes: Vec<FieldChange>,
}

/// Resources added, removed and changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResourceDiff {
    pub added: Vec<ResourceRef>,
    pub removed: Vec<ResourceRef>,
    pub changed: Vec<Changed>,
}

impl ResourceDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Fields that change on every scan without meaning anything; never reported.
const VOLATILE: &[&str] = &["modified", "created", "last_used"];

/// Fields whose value is reported whole (a policy document is read as one thing, not as JSON paths).
const WHOLE: &[&str] = &[
    "document",
    "trust_policy",
    "resource_policy",
    "event_pattern",
    "identities",
    "attached_policies",
    "groups",
    "scopes",
    "env_var_names",
    "secret_like_env_vars",
    "workloads",
    "targets",
    "layers",
    "notes",
    "architectures",
    "condition",
];

/// Named arrays compared element by element: `inline_policies[name]`.
fn named_array(v: &[Value]) -> Option<BTreeMap<String, &Value>> {
    let mut out = BTreeMap::new();
    for x in v {
        let name = x.get("name").and_then(Value::as_str)?;
        out.insert(name.to_string(), x);
    }
    Some(out)
}

fn diff_values(path: &str, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    if old == new {
        return;
    }
    let leaf = path.rsplit('.').next().unwrap_or(path);
    let leaf = leaf.split('[').next().unwrap_or(leaf);
    if VOLATILE.contains(&leaf) {
        return;
    }
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match (old, new) {
        (Value::Object(a), Value::Object(b)) if !WHOLE.contains(&leaf) => {
            let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                let (x, y) = (
                    a.get(k.as_str()).unwrap_or(&Value::Null),
                    b.get(k.as_str()).unwrap_or(&Value::Null),
                );
                diff_values(&join(k), x, y, out);
            }
        }
        (Value::Array(a), Value::Array(b)) if !WHOLE.contains(&leaf) => {
            match (named_array(a), named_array(b)) {
                (Some(x), Some(y)) => {
                    let keys: std::collections::BTreeSet<&String> =
                        x.keys().chain(y.keys()).collect();
                    for k in keys {
                        diff_values(
                            &format!("{path}[{k}]"),
                            x.get(k).copied().unwrap_or(&Value::Null),
                            y.get(k).copied().unwrap_or(&Value::Null),
                            out,
                        );
                    }
                }
                _ => out.push(FieldChange {
                    field: path.to_string(),
                    old: old.clone(),
                    new: new.clone(),
                }),
            }
        }
        _ => out.push(FieldChange {
            field: path.to_string(),
            old: old.clone(),
            new: new.clone(),
        }),
    }
}

/// Equality up to the volatile fields: the fast path that lets most items of two scans pass without
/// being serialised. It may say "different" too often (the JSON comparison then finds nothing), never
/// "same" too often: the destructuring below names every field, so a new field cannot be missed.
trait Same: PartialEq {
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

impl Same for crate::PolicyRecord {}
impl Same for crate::Binding {}
impl Same for crate::Trigger {}

impl Same for crate::Workload {
    fn same(&self, o: &Self) -> bool {
        let crate::Workload {
            id,
            provider,
            kind,
            name,
            target,
            location,
            runtime,
            state,
            owner,
            created: _,
            modified: _,
            identities,
            scopes,
            env_var_names,
            secret_like_env_vars,
            code_hash,
            exposure,
            details,
        } = self;
        *id == o.id
            && *provider == o.provider
            && *kind == o.kind
            && *name == o.name
            && *target == o.target
            && *location == o.location
            && *runtime == o.runtime
            && *state == o.state
            && *owner == o.owner
            && *identities == o.identities
            && *scopes == o.scopes
            && *env_var_names == o.env_var_names
            && *secret_like_env_vars == o.secret_like_env_vars
            && *code_hash == o.code_hash
            && *exposure == o.exposure
            && *details == o.details
    }
}

impl Same for crate::Identity {
    fn same(&self, o: &Self) -> bool {
        let crate::Identity {
            id,
            provider,
            kind,
            name,
            target,
            created: _,
            details,
        } = self;
        let details_same = match (details, &o.details) {
            (crate::IdentityDetails::AwsIam(a), crate::IdentityDetails::AwsIam(b)) => {
                let crate::AwsIamDetails {
                    path,
                    unique_id,
                    trust_policy,
                    inline_policies,
                    attached_policies,
                    permissions_boundary,
                    groups,
                    last_used: _,
                } = a.as_ref();
                *path == b.path
                    && *unique_id == b.unique_id
                    && *trust_policy == b.trust_policy
                    && *inline_policies == b.inline_policies
                    && *attached_policies == b.attached_policies
                    && *permissions_boundary == b.permissions_boundary
                    && *groups == b.groups
            }
            (a, b) => a == b,
        };
        details_same
            && *id == o.id
            && *provider == o.provider
            && *kind == o.kind
            && *name == o.name
            && *target == o.target
    }
}

/// Compares one list of both snapshots, keyed by `key`. Items equal as typed values (most of them,
/// between two scans) are passed over without serialising them; only the others are compared as JSON,
/// field by field. Volatile fields are not compared (see [`Same`]).
fn compare<T: Serialize + Same>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> String,
    reference: impl Fn(&T) -> ResourceRef,
    out: &mut ResourceDiff,
) {
    // Later duplicates win, as they would in a map built in order.
    let old_index: HashMap<String, &T> = old.iter().map(|x| (key(x), x)).collect();
    let mut new_index: HashMap<String, &T> = new.iter().map(|x| (key(x), x)).collect();
    for (k, o) in old_index {
        match new_index.remove(&k) {
            None => out.removed.push(reference(o)),
            Some(n) if o.same(n) => {}
            Some(n) => {
                let mut changes = Vec::new();
                let (a, b) = (
                    serde_json::to_value(o).unwrap_or(Value::Null),
                    serde_json::to_value(n).unwrap_or(Value::Null),
                );
                diff_values("", &a, &b, &mut changes);
                if !changes.is_empty() {
                    let r = reference(n);
                    out.changed.push(Changed {
                        id: r.id,
                        kind: r.kind,
                        name: r.name,
                        provider: r.provider,
                        changes,
                    });
                }
            }
        }
    }
    out.added.extend(new_index.into_values().map(reference));
}

/// The resources that differ between `old` and `new`: workloads, identities, policies, bindings and
/// triggers (usage data and coverage are not resources).
pub fn diff(old: &Snapshot, new: &Snapshot) -> ResourceDiff {
    let mut out = ResourceDiff::default();
    let r = |id: &str, kind: &str, name: &str, p: crate::Provider| ResourceRef {
        id: id.to_string(),
        kind: kind.to_string(),
        name: name.to_string(),
        provider: p.as_str().to_string(),
    };
    compare(
        &old.workloads,
        &new.workloads,
        |w| format!("{}|{}", w.provider, w.id),
        |w| r(&w.id, w.kind.as_str(), &w.name, w.provider),
        &mut out,
    );
    compare(
        &old.identities,
        &new.identities,
        |i| format!("{}|{}", i.provider, i.id),
        |i| r(&i.id, i.kind.as_str(), &i.name, i.provider),
        &mut out,
    );
    compare(
        &old.policies,
        &new.policies,
        |p| format!("{}|{}", p.provider, p.id),
        |p| r(&p.id, p.kind.as_str(), &p.name, p.provider),
        &mut out,
    );
    let binding_id = |b: &crate::Binding| format!("{} → {} @ {}", b.grant, b.principal, b.scope);
    compare(
        &old.bindings,
        &new.bindings,
        |b| format!("{}|{}", b.provider, binding_id(b)),
        |b| r(&binding_id(b), b.kind.as_str(), &b.grant, b.provider),
        &mut out,
    );
    compare(
        &old.triggers,
        &new.triggers,
        |t| format!("{}|{}", t.provider, t.id),
        |t| r(&t.id, t.kind.as_str(), &t.name, t.provider),
        &mut out,
    );
    // Hash maps above: the order is made here, whole (kind, id, provider), so it never depends on them.
    out.added
        .sort_by(|a, b| (&a.kind, &a.id, &a.provider).cmp(&(&b.kind, &b.id, &b.provider)));
    out.removed
        .sort_by(|a, b| (&a.kind, &a.id, &a.provider).cmp(&(&b.kind, &b.id, &b.provider)));
    out.changed
        .sort_by(|a, b| (&a.kind, &a.id, &a.provider).cmp(&(&b.kind, &b.id, &b.provider)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use serde_json::json;

    fn snap() -> Snapshot {
        let mut s = Snapshot::new(
            "t",
            ScanSource {
                mode: ScanMode::Offline,
                location: None,
            },
        );
        s.identities.push(Identity {
            id: "arn:aws:iam::1:role/r".into(),
            provider: Provider::Aws,
            kind: crate::kinds::AWS_IAM_ROLE,
            name: "r".into(),
            target: "1".into(),
            created: None,
            details: IdentityDetails::AwsIam(Box::new(AwsIamDetails {
                inline_policies: vec![InlinePolicy { name: "p".into(), document: json!({"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}) }],
                last_used: Some("2026-01-01T00:00:00Z".into()),
                ..AwsIamDetails::default()
            })),
        });
        s.workloads.push(Workload {
            id: "arn:aws:lambda:us-east-1:1:function:f".into(),
            provider: Provider::Aws,
            kind: crate::kinds::AWS_LAMBDA_FUNCTION,
            name: "f".into(),
            target: "1".into(),
            location: Some("us-east-1".into()),
            runtime: None,
            state: None,
            owner: None,
            created: None,
            modified: Some("2026-01-01T00:00:00Z".into()),
            identities: vec!["arn:aws:iam::1:role/r".into()],
            scopes: Vec::new(),
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: Some("a".into()),
            exposure: Exposure::default(),
            details: WorkloadDetails::AwsLambda(Box::new(LambdaDetails {
                role: "arn:aws:iam::1:role/r".into(),
                ..LambdaDetails::default()
            })),
        });
        s
    }

    #[test]
    fn reports_what_matters_and_ignores_timestamps() {
        let old = snap();
        let mut new = snap();
        assert!(diff(&old, &new).is_empty());
        // Volatile fields only: no change.
        new.workloads[0].modified = Some("2026-02-02T00:00:00Z".into());
        if let IdentityDetails::AwsIam(d) = &mut new.identities[0].details {
            d.last_used = Some("2026-02-02T00:00:00Z".into());
        }
        assert!(diff(&old, &new).is_empty());
        // A widened policy, new code, a swapped role, a new function.
        if let IdentityDetails::AwsIam(d) = &mut new.identities[0].details {
            d.inline_policies[0].document =
                json!({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]});
        }
        new.workloads[0].code_hash = Some("b".into());
        new.workloads[0].identities = vec!["arn:aws:iam::1:role/admin".into()];
        let mut added = new.workloads[0].clone();
        added.id = "arn:aws:lambda:us-east-1:1:function:g".into();
        added.name = "g".into();
        new.workloads.push(added);
        let d = diff(&old, &new);
        assert_eq!(d.added.len(), 1);
        assert_eq!(d.added[0].name, "g");
        let fields: Vec<_> = d
            .changed
            .iter()
            .flat_map(|c| c.changes.iter().map(|x| x.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                "details.inline_policies[p].document",
                "code_hash",
                "identities"
            ]
        );
        let id_change = &d.changed[1].changes[1];
        assert_eq!(id_change.new, json!(["arn:aws:iam::1:role/admin"]));
        // Removal.
        let d = diff(&new, &old);
        assert_eq!(d.removed.len(), 1);
    }
}
