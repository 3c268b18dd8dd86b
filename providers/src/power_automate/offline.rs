//! The offline Power Automate importer, one folder per environment:
//!
//! ```text
//! power-automate/
//!   dlp-policies.json                 the tenant's DLP policies (v2 objects, as GET …/v2/policies/{name}), optional
//!   <environment-name>/
//!     environment.json                Get-AdminPowerAppEnvironment -EnvironmentName E | ConvertTo-Json (or the REST object)
//!     flows/**/*.json                 one flow per file: Get-AdminFlow -EnvironmentName E -FlowName F | ConvertTo-Json -Depth 100,
//!                                     the admin REST GET with $expand=properties.definition, or a solution
//!                                     package's Microsoft.Flow/flows/<guid>/definition.json
//!     flow-owners/<flow-name>.json    Get-AdminFlowOwnerRole (or the REST …/flows/F/permissions list)
//!     connections.json                Get-AdminPowerAppConnection -EnvironmentName E (or the REST list)
//!     makers.json                     the environment's role assignments (BAP …/environments/E/roleAssignments):
//!                                     Environment Maker holders, optional
//!     flow-activity.json              Purview audit records of flow creation and edits
//!                                     (Search-UnifiedAuditLog -RecordType MicrosoftFlow | ConvertTo-Json,
//!                                     or {"from", "to", "value": […]}), optional
//! ```
//!
//! Absent files are `skipped` coverage records; malformed ones are errors naming the file and field.

use std::collections::BTreeMap;
use std::path::Path;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use serde_json::Value;

use super::build::{EnvironmentData, Flow};
use crate::CollectError;
use crate::files::{exists_plain, file_name, json_stem, read, read_dir_sorted, read_opt};

/// Reads every environment folder under `dir/power-automate`.
pub fn import(dir: &Path) -> Result<Vec<EnvironmentData>, CollectError> {
    let root = dir.join("power-automate");
    if !exists_plain(&root)? {
        return Ok(Vec::new());
    }
    let dlp_file = root.join("dlp-policies.json");
    let dlp: Option<Vec<Value>> = read_opt::<Value>(&dlp_file)?.map(list_items);
    let mut out = Vec::new();
    for entry in read_dir_sorted(&root)? {
        if entry.is_dir() {
            let mut d = import_environment(&entry, &file_name(&entry))?;
            match &dlp {
                Some(list) => d.coverage.push(cov(
                    &d.name,
                    "bap:dlpPolicies.list",
                    CoverageStatus::Complete,
                    format!("{} DLP policies", list.len()),
                )),
                None => d.coverage.push(cov(
                    &d.name,
                    "bap:dlpPolicies.list",
                    CoverageStatus::Skipped,
                    format!("`{}` is not in the export", dlp_file.display()),
                )),
            }
            d.dlp = dlp.clone();
            out.push(d);
        }
    }
    Ok(out)
}

fn cov(env: &str, api: &str, status: CoverageStatus, detail: String) -> Coverage {
    Coverage {
        provider: Provider::PowerAutomate,
        target: env.to_string(),
        region: None,
        api: api.to_string(),
        status,
        detail,
    }
}

/// An array, or a REST page's `value`, or one object.
fn list_items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a,
        Value::Object(mut o) => match o.remove("value") {
            Some(Value::Array(a)) => a,
            Some(other) => vec![other],
            None => vec![Value::Object(o)],
        },
        other => vec![other],
    }
}

/// A flow export in any of its shapes → (name, id, properties).
fn flow_of(v: Value, path: &Path) -> Result<Flow, CollectError> {
    // Get-AdminFlow | ConvertTo-Json: the REST object sits under `Internal`.
    let v = match v.get("Internal") {
        Some(inner) if inner.is_object() => inner.clone(),
        _ => v,
    };
    let bad = |m: &str| CollectError::Malformed {
        path: path.to_path_buf(),
        field: "the top level".into(),
        message: m.to_string(),
    };
    let name = v
        .get("name")
        .and_then(Value::as_str)
        .ok_or_else(|| bad("a flow needs `name` (the flow id)"))?
        .to_string();
    let properties = v
        .get("properties")
        .cloned()
        .ok_or_else(|| bad("a flow needs `properties`"))?;
    if !properties.is_object() {
        return Err(CollectError::Malformed {
            path: path.to_path_buf(),
            field: "`properties`".into(),
            message: "expected an object".into(),
        });
    }
    if let Some(def) = properties.get("definition")
        && !def.is_object()
    {
        return Err(CollectError::Malformed {
            path: path.to_path_buf(),
            field: "`properties.definition`".into(),
            message: "expected an object (export the flow with its definition)".into(),
        });
    }
    Ok(Flow {
        name,
        id: v.get("id").and_then(Value::as_str).map(str::to_string),
        solution: path.to_string_lossy().contains("Microsoft.Flow")
            || file_name(path) == "definition.json",
        properties,
    })
}

/// Every `.json` below `dir`, depth-first in name order (symbolic links refused by the helpers).
fn json_files(
    dir: &Path,
    out: &mut Vec<std::path::PathBuf>,
    depth: usize,
) -> Result<(), CollectError> {
    if depth > 16 {
        return Err(CollectError::Invalid {
            path: dir.to_path_buf(),
            message: "folders nested more than 16 levels deep".into(),
        });
    }
    for e in read_dir_sorted(dir)? {
        if e.is_dir() {
            json_files(&e, out, depth + 1)?;
        } else if json_stem(&e).is_some() {
            out.push(e);
        }
    }
    Ok(())
}

fn import_environment(dir: &Path, env: &str) -> Result<EnvironmentData, CollectError> {
    let mut d = EnvironmentData {
        name: env.to_string(),
        ..EnvironmentData::default()
    };
    let mut coverage = Vec::new();
    let missing = |f: &Path| format!("`{}` is not in the export", f.display());
    if let Some(e) = read_opt::<Value>(&dir.join("environment.json"))? {
        let e = e.get("Internal").cloned().unwrap_or(e);
        d.display_name = e
            .pointer("/properties/displayName")
            .or_else(|| e.get("DisplayName"))
            .and_then(Value::as_str)
            .map(str::to_string);
        d.tenant_id = e
            .pointer("/properties/tenantId")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    let folder = dir.join("flows");
    if exists_plain(&folder)? {
        let mut files = Vec::new();
        json_files(&folder, &mut files, 0)?;
        let mut flows = Vec::new();
        for f in files {
            let v: Value = read(&f)?;
            flows.push(flow_of(v, &f)?);
        }
        coverage.push(cov(
            env,
            "flow:flows.list",
            CoverageStatus::Complete,
            format!("{} flows with definitions", flows.len()),
        ));
        d.flows = Some(flows);
    } else {
        coverage.push(cov(
            env,
            "flow:flows.list",
            CoverageStatus::Skipped,
            missing(&folder),
        ));
    }
    let folder = dir.join("flow-owners");
    let present = exists_plain(&folder)?;
    for f in d.flows.iter().flatten() {
        let owners = if present {
            let list = read_opt::<Value>(&folder.join(format!("{}.json", f.name)))?
                .map(list_items)
                .unwrap_or_default();
            Some(
                list.iter()
                    .filter_map(|p| {
                        p.pointer("/properties/principal/id")
                            .or_else(|| p.get("PrincipalObjectId"))
                            .or_else(|| p.pointer("/principal/id"))
                            .and_then(Value::as_str)
                            .map(str::to_string)
                    })
                    .collect(),
            )
        } else {
            None
        };
        d.owners.insert(f.name.clone(), owners);
    }
    if !present && d.flows.as_ref().is_some_and(|f| !f.is_empty()) {
        coverage.push(cov(
            env,
            "flow:flows.permissions.list",
            CoverageStatus::Skipped,
            format!("{}: co-owners unknown", missing(&folder)),
        ));
    }
    let f = dir.join("connections.json");
    match read_opt::<Value>(&f)? {
        Some(v) => {
            let mut map = BTreeMap::new();
            for c in list_items(v) {
                let c = c.get("Internal").cloned().unwrap_or(c);
                let Some(name) = c
                    .get("name")
                    .or_else(|| c.get("ConnectionName"))
                    .and_then(Value::as_str)
                else {
                    continue;
                };
                let by = c
                    .pointer("/properties/createdBy")
                    .or_else(|| c.get("CreatedBy"));
                let who = by.and_then(|b| {
                    b.get("userPrincipalName")
                        .or_else(|| b.get("email"))
                        .or_else(|| b.get("id"))
                        .and_then(Value::as_str)
                });
                if let Some(w) = who {
                    map.insert(name.to_string(), w.to_string());
                }
            }
            coverage.push(cov(
                env,
                "powerapps:connections.list",
                CoverageStatus::Complete,
                format!("{} connections", map.len()),
            ));
            d.connections = Some(map);
        }
        None => coverage.push(cov(
            env,
            "powerapps:connections.list",
            CoverageStatus::Skipped,
            format!("{}: the identities flows act as are unknown", missing(&f)),
        )),
    }
    let f = dir.join("makers.json");
    match read_opt::<Value>(&f)? {
        Some(v) => {
            let mut makers = Vec::new();
            for a in list_items(v) {
                let role = a
                    .pointer("/properties/roleDefinition/name")
                    .or_else(|| a.get("RoleType"))
                    .and_then(Value::as_str)
                    .unwrap_or("EnvironmentMaker");
                if !role.to_ascii_lowercase().contains("maker") {
                    continue;
                }
                let p = a.pointer("/properties/principal").unwrap_or(&a);
                let id = p
                    .get("id")
                    .or_else(|| p.get("PrincipalObjectId"))
                    .and_then(Value::as_str);
                let email = p
                    .get("email")
                    .or_else(|| p.get("userPrincipalName"))
                    .or_else(|| p.get("PrincipalEmail"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                if let Some(id) = id.map(str::to_string).or_else(|| email.clone()) {
                    makers.push((id, email));
                }
            }
            coverage.push(cov(
                env,
                "bap:environment.roleAssignments",
                CoverageStatus::Complete,
                format!("{} Environment Makers", makers.len()),
            ));
            d.makers = Some(makers);
        }
        None => coverage.push(cov(
            env,
            "bap:environment.roleAssignments",
            CoverageStatus::Skipped,
            format!(
                "{}: unused maker capability (PA-005) not evaluated",
                missing(&f)
            ),
        )),
    }
    let f = dir.join("flow-activity.json");
    if let Some(v) = read_opt::<Value>(&f)? {
        let window = (
            v.get("from").and_then(Value::as_str).map(str::to_string),
            v.get("to").and_then(Value::as_str).map(str::to_string),
        );
        let mut events = Vec::new();
        for (i, r) in list_items(v).into_iter().enumerate() {
            // Search-UnifiedAuditLog puts the record in an `AuditData` JSON string.
            let r = match r.get("AuditData").and_then(Value::as_str) {
                Some(s) => {
                    serde_json::from_str::<Value>(s).map_err(|e| CollectError::Malformed {
                        path: f.clone(),
                        field: format!("`[{i}].AuditData`"),
                        message: e.to_string(),
                    })?
                }
                None => r,
            };
            let get = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
            if let (Some(u), Some(op), Some(t)) =
                (get("UserId"), get("Operation"), get("CreationTime"))
            {
                events.push((u, op, t));
            }
        }
        let stamps: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
        let from = window
            .0
            .or_else(|| stamps.iter().min().map(|s| s.to_string()));
        let to = window
            .1
            .or_else(|| stamps.iter().max().map(|s| s.to_string()));
        if let (Some(from), Some(to)) = (from, to) {
            coverage.push(cov(
                env,
                "purview:audit.flow",
                CoverageStatus::Complete,
                format!("{} flow audit records from {from} to {to}", events.len()),
            ));
            d.activity = Some((from, to, events));
        } else {
            coverage.push(cov(
                env,
                "purview:audit.flow",
                CoverageStatus::Partial,
                format!("`{}` has no records and no `from`/`to`", f.display()),
            ));
        }
    }
    // Without an audit export PA-005 says `not_evaluated`; the flows themselves were read.
    d.coverage = coverage;
    Ok(d)
}
