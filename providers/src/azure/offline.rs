//! The offline Azure importer: Azure CLI exports (`az … -o json`, or `az rest` for the calls the CLI
//! has no command for), one folder per subscription:
//!
//! ```text
//! azure/<subscription-id>/
//!   account.json                       az account show --subscription S
//!   management-groups.json             management group ids above S, nearest first (optional)
//!   sites.json                         az functionapp list (or az webapp list: every Microsoft.Web/sites)
//!   functions/<site-name>.json         az functionapp function list -g RG -n SITE
//!   logic-workflows.json               az logic workflow list
//!   automation-accounts.json           az automation account list
//!   runbooks/<account-name>.json       az automation runbook list -g RG --automation-account-name A
//!   webhooks/<account-name>.json       az rest --url …/automationAccounts/A/webhooks?api-version=2015-10-31
//!   user-assigned-identities.json      az identity list
//!   role-assignments.json              az role assignment list --all --include-inherited
//!   role-definitions.json              az role definition list
//!   deny-assignments.json              az rest --url /subscriptions/S/providers/Microsoft.Authorization/denyAssignments?api-version=2022-04-01
//!   graph-app-role-assignments/<principal-id>.json
//!                                      az rest --url https://graph.microsoft.com/v1.0/servicePrincipals/ID/appRoleAssignments
//!   directory-role-assignments.json    az rest --url https://graph.microsoft.com/v1.0/roleManagement/directory/roleAssignments
//!   activity-log.json                  az monitor activity-log list --offset 90d
//! ```
//!
//! Lists may be a JSON array or an ARM / Graph page (`{"value": […]}`); objects may have `properties`
//! nested (REST) or flattened (CLI). Absent files are `skipped` coverage records; malformed ones are
//! errors naming the file and field.

use std::path::Path;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::build::{ActivityLog, SubscriptionData, identity_principals};
use super::wire;
use crate::CollectError;
use crate::files::{ItemFile, exists_plain, file_name, map_item, read_dir_sorted, read_opt};

/// Reads every subscription folder under `dir/azure`.
pub fn import(dir: &Path) -> Result<Vec<SubscriptionData>, CollectError> {
    let root = dir.join("azure");
    if !exists_plain(&root)? {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in read_dir_sorted(&root)? {
        if entry.is_dir() {
            out.push(import_subscription(&entry, &file_name(&entry))?);
        }
    }
    Ok(out)
}

/// The items of a list export: a JSON array, or a page with `value`; each item flattened.
fn items(path: &Path) -> Result<Option<Vec<Value>>, CollectError> {
    let Some(v) = read_opt::<Value>(path)? else {
        return Ok(None);
    };
    let list = match v {
        Value::Array(a) => a,
        Value::Object(mut o) => match o.remove("value") {
            Some(Value::Array(a)) => a,
            _ => {
                return Err(CollectError::Shape {
                    path: path.to_path_buf(),
                    field: "the top level".into(),
                    message: "expected a JSON array or an object with a `value` array".into(),
                });
            }
        },
        _ => {
            return Err(CollectError::Shape {
                path: path.to_path_buf(),
                field: "the top level".into(),
                message: "expected a JSON array or an object with a `value` array".into(),
            });
        }
    };
    Ok(Some(list.into_iter().map(wire::flatten).collect()))
}

/// Typed items of a list export; an item that does not fit names its index and field.
fn read_list<T: DeserializeOwned>(path: &Path) -> Result<Option<Vec<T>>, CollectError> {
    let Some(list) = items(path)? else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.into_iter().enumerate() {
        let t = serde_path_to_error::deserialize(v).map_err(|e| CollectError::Shape {
            path: path.to_path_buf(),
            field: format!("`[{i}].{}`", e.path()),
            message: crate::secrets::without_values(&e.inner().to_string()),
        })?;
        out.push(t);
    }
    Ok(Some(out))
}

fn import_subscription(dir: &Path, sub: &str) -> Result<SubscriptionData, CollectError> {
    let mut d = SubscriptionData {
        subscription_id: sub.to_string(),
        ..SubscriptionData::default()
    };
    let mut c = Cov {
        sub,
        list: Vec::new(),
    };
    read_account(dir, &mut d)?;
    read_lists(dir, &mut d, &mut c)?;
    read_site_functions(dir, &mut d, &mut c)?;
    read_automation(dir, &mut d, &mut c)?;
    read_graph(dir, &mut d, &mut c)?;
    read_activity(dir, &mut d, &mut c)?;
    d.coverage = c.list;
    Ok(d)
}

/// The coverage records of one subscription's import.
struct Cov<'s> {
    sub: &'s str,
    list: Vec<Coverage>,
}

impl Cov<'_> {
    fn push(&mut self, api: &str, status: CoverageStatus, detail: String) {
        self.list.push(Coverage {
            provider: Provider::Azure,
            target: self.sub.to_string(),
            region: None,
            api: api.to_string(),
            status,
            detail,
        });
    }
}

/// The detail of a record for a file the export does not have.
fn missing(f: &Path) -> String {
    format!("`{}` is not in the export", f.display())
}

/// `account.json` (name, tenant) and the management groups above the subscription.
fn read_account(dir: &Path, d: &mut SubscriptionData) -> Result<(), CollectError> {
    if let Some(account) = read_opt::<Value>(&dir.join("account.json"))? {
        d.display_name = account
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string);
        d.tenant_id = account
            .get("tenantId")
            .and_then(Value::as_str)
            .map(str::to_string);
    }
    if let Some(mgs) = read_opt::<Vec<Value>>(&dir.join("management-groups.json"))? {
        d.management_groups = mgs
            .iter()
            .filter_map(|m| m.as_str().or_else(|| m.get("id")?.as_str()))
            .map(|id| {
                if id.starts_with('/') {
                    id.to_string()
                } else {
                    format!("/providers/Microsoft.Management/managementGroups/{id}")
                }
            })
            .collect();
    }
    Ok(())
}

/// The list exports, one file per ARM or Graph listing.
fn read_lists(dir: &Path, d: &mut SubscriptionData, c: &mut Cov<'_>) -> Result<(), CollectError> {
    // Each list export: (file, api name, what it is).
    macro_rules! list {
        ($field:ident, $file:expr, $api:expr, $what:expr) => {{
            let f = dir.join($file);
            d.$field = read_list(&f)?;
            match &d.$field {
                Some(l) => c.push(
                    $api,
                    CoverageStatus::Complete,
                    format!("{} {}", l.len(), $what),
                ),
                None => c.push($api, CoverageStatus::Skipped, missing(&f)),
            }
        }};
    }
    list!(sites, "sites.json", "web:sites.list", "sites");
    list!(
        workflows,
        "logic-workflows.json",
        "logic:workflows.list",
        "Logic Apps"
    );
    list!(
        automation_accounts,
        "automation-accounts.json",
        "automation:automationAccounts.list",
        "Automation accounts"
    );
    list!(
        user_assigned,
        "user-assigned-identities.json",
        "managedidentity:userAssignedIdentities.list",
        "user-assigned identities"
    );
    list!(
        role_assignments,
        "role-assignments.json",
        "authorization:roleAssignments.list",
        "role assignments"
    );
    list!(
        role_definitions,
        "role-definitions.json",
        "authorization:roleDefinitions.list",
        "role definitions"
    );
    list!(
        deny_assignments,
        "deny-assignments.json",
        "authorization:denyAssignments.list",
        "deny assignments"
    );
    list!(
        directory_roles,
        "directory-role-assignments.json",
        "graph:roleManagement.directory.roleAssignments",
        "directory role assignments"
    );
    Ok(())
}

/// Each site's functions (`functions/<site>.json`): triggers and auth levels.
fn read_site_functions(
    dir: &Path,
    d: &mut SubscriptionData,
    c: &mut Cov<'_>,
) -> Result<(), CollectError> {
    // Per-resource lists: a present folder means the call was made for every resource.
    let folder = dir.join("functions");
    let present = exists_plain(&folder)?;
    for s in d.sites.iter().flatten() {
        let list = if present {
            match map_item(read_list(&folder.join(format!("{}.json", s.name))))? {
                ItemFile::Read(l) => Some(l),
                ItemFile::Absent => Some(Vec::new()),
                ItemFile::Unreadable(e) => {
                    c.push(
                        "web:sites.functions.list",
                        CoverageStatus::Partial,
                        format!("{e}: the triggers of {} are unknown", s.name),
                    );
                    None
                }
            }
        } else {
            None
        };
        d.site_functions.insert(s.id.clone(), list);
    }
    if !present && d.sites.as_ref().is_some_and(|s| !s.is_empty()) {
        c.push(
            "web:sites.functions.list",
            CoverageStatus::Skipped,
            format!("{}: triggers and auth levels unknown", missing(&folder)),
        );
    }
    Ok(())
}

/// Each Automation account's runbooks and webhooks.
fn read_automation(
    dir: &Path,
    d: &mut SubscriptionData,
    c: &mut Cov<'_>,
) -> Result<(), CollectError> {
    let accounts: Vec<(String, String)> = d
        .automation_accounts
        .iter()
        .flatten()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    let (runbooks, ok, bad) = per_account(dir, "runbooks", &accounts)?;
    d.runbooks = runbooks;
    for e in bad {
        c.push(
            "automation:runbooks.list",
            CoverageStatus::Partial,
            format!("{e}: that account's runbooks are unknown"),
        );
    }
    if !ok {
        c.push(
            "automation:runbooks.list",
            CoverageStatus::Skipped,
            missing(&dir.join("runbooks")),
        );
    }
    let (webhooks, ok, bad) = per_account(dir, "webhooks", &accounts)?;
    d.webhooks = webhooks;
    for e in bad {
        c.push(
            "automation:webhooks.list",
            CoverageStatus::Partial,
            format!("{e}: that account's webhooks are unknown"),
        );
    }
    if !ok {
        c.push(
            "automation:webhooks.list",
            CoverageStatus::Skipped,
            missing(&dir.join("webhooks")),
        );
    }
    Ok(())
}

/// The Microsoft Graph app-role assignments of every managed identity.
fn read_graph(dir: &Path, d: &mut SubscriptionData, c: &mut Cov<'_>) -> Result<(), CollectError> {
    let folder = dir.join("graph-app-role-assignments");
    let present = exists_plain(&folder)?;
    let principals = identity_principals(d);
    for p in &principals {
        let list = if present {
            match map_item(read_list(&folder.join(format!("{p}.json"))))? {
                ItemFile::Read(l) => Some(l),
                ItemFile::Absent => Some(Vec::new()),
                ItemFile::Unreadable(e) => {
                    c.push(
                        "graph:servicePrincipals.appRoleAssignments",
                        CoverageStatus::Partial,
                        format!("{e}: the Graph permissions of {p} are unknown"),
                    );
                    None
                }
            }
        } else {
            None
        };
        d.app_roles.insert(p.clone(), list);
    }
    if !principals.is_empty() {
        if present {
            c.push(
                "graph:servicePrincipals.appRoleAssignments",
                CoverageStatus::Complete,
                format!("read for {} managed identities", principals.len()),
            );
        } else {
            c.push(
                "graph:servicePrincipals.appRoleAssignments",
                CoverageStatus::Skipped,
                format!(
                    "{}: Microsoft Graph permissions of {} managed identities unknown",
                    missing(&folder),
                    principals.len()
                ),
            );
        }
    }
    Ok(())
}

/// `activity-log.json`: the events and the window they cover.
fn read_activity(
    dir: &Path,
    d: &mut SubscriptionData,
    c: &mut Cov<'_>,
) -> Result<(), CollectError> {
    let f = dir.join("activity-log.json");
    if let Some(v) = read_opt::<Value>(&f)? {
        let window = (
            v.get("from").and_then(Value::as_str).map(str::to_string),
            v.get("to").and_then(Value::as_str).map(str::to_string),
        );
        let events: Vec<wire::ActivityEvent> = read_list(&f)?.unwrap_or_default();
        // Without a stated window, the export covers at least its oldest to its newest event.
        let stamps: Vec<&str> = events
            .iter()
            .filter_map(|e| e.event_timestamp.as_deref())
            .collect();
        let from = window
            .0
            .or_else(|| stamps.iter().min().map(|s| s.to_string()));
        let to = window
            .1
            .or_else(|| stamps.iter().max().map(|s| s.to_string()));
        match (from, to) {
            (Some(from), Some(to)) => {
                c.push(
                    "insights:activityLogs.list",
                    CoverageStatus::Complete,
                    format!("{} events from {from} to {to}", events.len()),
                );
                d.activity = Some(ActivityLog { from, to, events });
            }
            _ => c.push(
                "insights:activityLogs.list",
                CoverageStatus::Partial,
                format!(
                    "`{}` has no events and no `from`/`to`: the window it covers is unknown",
                    f.display()
                ),
            ),
        }
    } else {
        c.push(
            "insights:activityLogs.list",
            CoverageStatus::Skipped,
            missing(&f),
        );
    }
    Ok(())
}

/// `folder/<account-name>.json` for every account; false when the folder is absent (and accounts
/// exist); the files that could not be read (that account's list is `None`).
#[allow(clippy::type_complexity)]
fn per_account<T: DeserializeOwned>(
    dir: &Path,
    folder: &str,
    accounts: &[(String, String)],
) -> Result<
    (
        std::collections::BTreeMap<String, Option<Vec<T>>>,
        bool,
        Vec<String>,
    ),
    CollectError,
> {
    let folder = dir.join(folder);
    let present = exists_plain(&folder)?;
    let mut out = std::collections::BTreeMap::new();
    let mut bad = Vec::new();
    for (id, name) in accounts {
        let list = if present {
            match map_item(read_list(&folder.join(format!("{name}.json"))))? {
                ItemFile::Read(l) => Some(l),
                ItemFile::Absent => Some(Vec::new()),
                ItemFile::Unreadable(e) => {
                    bad.push(e);
                    None
                }
            }
        } else {
            None
        };
        out.insert(id.clone(), list);
    }
    Ok((out, present || accounts.is_empty(), bad))
}

/// [`import`] into `snapshot`: true when the estate had this provider's folder with subscriptions in it.
pub fn import_into(
    dir: &std::path::Path,
    snapshot: &mut fnscope_snapshot::Snapshot,
) -> Result<bool, crate::CollectError> {
    let all = import(dir)?;
    let found = !all.is_empty();
    for one in all {
        crate::azure::add_subscription(snapshot, one);
    }
    Ok(found)
}
