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

use super::build::EnvironmentData;
use super::exports::{self, Exports};
use crate::CollectError;
use crate::files::{exists_plain, file_name, read_dir_sorted, read_opt};

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

fn import_environment(dir: &Path, env: &str) -> Result<EnvironmentData, CollectError> {
    let mut d = EnvironmentData {
        name: env.to_string(),
        ..EnvironmentData::default()
    };
    let mut coverage = Vec::new();
    read_environment(dir, &mut d)?;
    read_flows(dir, env, &mut d, &mut coverage)?;
    read_connections(dir, env, &mut d, &mut coverage)?;
    read_makers(dir, env, &mut d, &mut coverage)?;
    read_activity(dir, env, &mut d, &mut coverage)?;
    // Without an audit export PA-005 says `not_evaluated`; the flows themselves were read.
    d.coverage = coverage;
    Ok(d)
}

/// The detail of a record for a file the export does not have.
fn missing(f: &Path) -> String {
    format!("`{}` is not in the export", f.display())
}

/// `environment.json`: the environment's name and tenant.
fn read_environment(dir: &Path, d: &mut EnvironmentData) -> Result<(), CollectError> {
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
    Ok(())
}

/// The flows, in whatever shape they were exported, and each flow's owners.
fn read_flows(
    dir: &Path,
    env: &str,
    d: &mut EnvironmentData,
    coverage: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
    let folder = dir.join("flows");
    if exists_plain(&folder)? {
        let read = exports::read_folder(&folder)?;
        coverage.extend(flow_coverage(env, &folder, &read));
        d.flows = Some(read.flows);
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
            let file = folder.join(format!("{}.json", f.name));
            let list = match read_opt::<Value>(&file) {
                Ok(v) => v.map(list_items).unwrap_or_default(),
                Err(
                    e @ (CollectError::Malformed { .. }
                    | CollectError::Shape { .. }
                    | CollectError::Io { .. }),
                ) => {
                    coverage.push(cov(
                        env,
                        "flow:flows.permissions.list",
                        CoverageStatus::Partial,
                        format!("{e}: the co-owners of flow {} are unknown", f.name),
                    ));
                    d.owners.insert(f.name.clone(), None);
                    continue;
                }
                Err(e) => return Err(e),
            };
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
    Ok(())
}

/// `connections.json`: the connections flows act through, and their owners.
fn read_connections(
    dir: &Path,
    env: &str,
    d: &mut EnvironmentData,
    coverage: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
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
                if let Some(t) = super::build::connection_target(&c) {
                    d.connection_targets.insert(name.to_string(), t);
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
    Ok(())
}

/// `makers.json`: who holds the Environment Maker role.
fn read_makers(
    dir: &Path,
    env: &str,
    d: &mut EnvironmentData,
    coverage: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
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
    Ok(())
}

/// `flow-activity.json`: the Purview flow audit records and the window searched.
fn read_activity(
    dir: &Path,
    env: &str,
    d: &mut EnvironmentData,
    coverage: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
    let f = dir.join("flow-activity.json");
    if let Some(v) = read_opt::<Value>(&f)? {
        let window = (
            v.get("from").and_then(Value::as_str).map(str::to_string),
            v.get("to").and_then(Value::as_str).map(str::to_string),
        );
        let mut events = Vec::new();
        // One record whose `AuditData` cannot be read is counted and named; the others are read.
        let mut unreadable: Vec<String> = Vec::new();
        for (i, r) in list_items(v).into_iter().enumerate() {
            // Search-UnifiedAuditLog puts the record in an `AuditData` JSON string.
            let r = match r.get("AuditData").and_then(Value::as_str) {
                Some(s) => match serde_json::from_str::<Value>(s) {
                    Ok(v) => v,
                    Err(e) => {
                        unreadable.push(format!("`[{i}].AuditData` is not JSON: {e}"));
                        continue;
                    }
                },
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
            match unreadable.first() {
                None => coverage.push(cov(
                    env,
                    "purview:audit.flow",
                    CoverageStatus::Complete,
                    format!("{} flow audit records from {from} to {to}", events.len()),
                )),
                Some(first) => coverage.push(cov(
                    env,
                    "purview:audit.flow",
                    CoverageStatus::Partial,
                    format!(
                        "{} flow audit records from {from} to {to}; {} records of `{}` could not be read (a maker's use may be missing); first: {first}",
                        events.len(),
                        unreadable.len(),
                        f.display()
                    ),
                )),
            }
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
    Ok(())
}

/// Problems listed one record each up to this many; the rest are counted in one more.
const MAX_PROBLEM_RECORDS: usize = 100;

/// The `flow:flows.list` record (complete, or partial when something was not read) and one
/// `flow:export` record per item that could not be read.
fn flow_coverage(env: &str, folder: &Path, read: &Exports) -> Vec<Coverage> {
    let mut detail = format!("{} flows", read.flows.len());
    let shapes: Vec<String> = read
        .shapes
        .iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    if !shapes.is_empty() {
        detail.push_str(&format!(" ({})", shapes.join(", ")));
    }
    let with_definition = read
        .flows
        .iter()
        .filter(|f| f.properties.get("definition").is_some_and(Value::is_object))
        .count();
    detail.push_str(&format!(", {with_definition} with definitions"));
    if read.duplicates > 0 {
        detail.push_str(&format!(
            "; {} read twice (an archive beside its unzipped folder) and counted once",
            read.duplicates
        ));
    }
    for (c, n) in &read.other_processes {
        detail.push_str(&format!(
            "; {n} {} (solution category {c}) are not cloud flows and were not analysed",
            exports::category_name(c)
        ));
    }
    if let Some((id, first, second)) = read.versions.first() {
        detail.push_str(&format!(
            "; {} flows were found twice with different definitions and the first read is evaluated (e.g. {id}: `{first}`, not `{second}`)",
            read.versions.len()
        ));
    }
    if read.components > 0 {
        detail.push_str(&format!(
            "; {} other solution or package components (connectors, environment variables, apps) are not flows",
            read.components
        ));
    }
    if read.ignored > 0 {
        detail.push_str(&format!(
            "; {} other files are not flow exports",
            read.ignored
        ));
    }
    let status = if read.problems.is_empty() {
        CoverageStatus::Complete
    } else {
        detail.push_str(&format!(
            "; {} items in `{}` could not be read (one record each)",
            read.problems.len(),
            folder.display()
        ));
        CoverageStatus::Partial
    };
    let mut out = vec![cov(env, "flow:flows.list", status, detail)];
    for p in read.problems.iter().take(MAX_PROBLEM_RECORDS) {
        out.push(cov(
            env,
            "flow:export",
            CoverageStatus::Partial,
            format!("{}: {}", p.at, p.what),
        ));
    }
    if read.problems.len() > MAX_PROBLEM_RECORDS {
        out.push(cov(
            env,
            "flow:export",
            CoverageStatus::Partial,
            format!(
                "{} more items could not be read (the first {MAX_PROBLEM_RECORDS} have a record each)",
                read.problems.len() - MAX_PROBLEM_RECORDS
            ),
        ));
    }
    out
}

/// [`import`] into `snapshot`: true when the estate had this provider's folder with environments in it.
pub fn import_into(
    dir: &std::path::Path,
    snapshot: &mut fnscope_snapshot::Snapshot,
) -> Result<bool, crate::CollectError> {
    let all = import(dir)?;
    let found = !all.is_empty();
    for one in all {
        crate::power_automate::add_environment(snapshot, one);
    }
    Ok(found)
}
