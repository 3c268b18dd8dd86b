//! The offline GCP importer: `gcloud … --format=json` exports, laid out as the README describes:
//!
//! ```text
//! gcp/<project-id>/
//!   project.json                                  gcloud projects describe P
//!   ancestors.json                                gcloud projects get-ancestors P
//!   iam-policy.json                               gcloud projects get-iam-policy P
//!   folder-iam-policies/<folder-id>.json          gcloud resource-manager folders get-iam-policy F
//!   organization-iam-policies/<org-id>.json       gcloud organizations get-iam-policy O
//!   functions.json                                gcloud functions list (v2 API: both generations)
//!   invoker-iam-policies/<function-or-service>.json  gcloud functions get-iam-policy / gcloud run services get-iam-policy
//!   service-accounts.json                         gcloud iam service-accounts list
//!   service-account-iam-policies/<email>.json     gcloud iam service-accounts get-iam-policy EMAIL
//!   roles/*.json                                  gcloud iam roles describe ROLE (predefined and custom)
//!   insights.json                                 gcloud recommender insights list --insight-type=google.iam.policy.Insight
//!   run-services.json                             Cloud Run services of every region: the v2 REST list
//!                                                 (`{"services": […]}` or an array) or
//!                                                 `gcloud run services list --format=json` (v1 shape)
//!   run-jobs.json                                 Cloud Run jobs of every region: the v2 REST list
//!                                                 (`{"jobs": […]}` or an array) or
//!                                                 `gcloud run jobs list --format=json` (v1 shape)
//!   sa-last-authentication.json                   gcloud policy-intelligence query-activity
//!                                                 --activity-type=serviceAccountLastAuthentication
//! ```
//!
//! Absent files are `skipped` coverage records; malformed ones are errors naming the file and field.

use std::path::Path;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};

use super::build::ProjectData;
use super::wire;
use crate::CollectError;
use crate::files::{
    ItemFile, Shaped, exists_plain, file_name, json_stem, missing_keys, read_dir_sorted,
    read_item_shaped, read_opt, read_shaped,
};

/// Reads every project folder under `dir/gcp`.
pub fn import(dir: &Path) -> Result<Vec<ProjectData>, CollectError> {
    let gcp = dir.join("gcp");
    if !exists_plain(&gcp)? {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in read_dir_sorted(&gcp)? {
        if entry.is_dir() {
            out.push(import_project(&entry, &file_name(&entry))?);
        }
    }
    Ok(out)
}

/// Every IAM policy the API (and `gcloud … get-iam-policy`) answers has an `etag`, an empty one too
/// (`{"etag": "ACAB"}`): a policy file without it is not that answer, and is not read as "no grants".
const POLICY_KEYS: &[&str] = &["etag"];

fn import_project(dir: &Path, project: &str) -> Result<ProjectData, CollectError> {
    let mut d = ProjectData {
        project_id: project.to_string(),
        ..ProjectData::default()
    };
    let mut c = Cov {
        project,
        list: Vec::new(),
    };
    let number = read_project(dir, &mut c)?;
    let ancestors = read_ancestors(dir, &mut c)?;
    read_policies(dir, project, &mut d, &mut c, &ancestors)?;
    read_functions(dir, &mut d, &mut c)?;
    read_service_accounts(dir, &mut d, &mut c)?;
    read_roles(dir, &mut d, &mut c)?;
    read_insights(dir, &mut d, &mut c)?;
    read_cloud_run(dir, project, &mut d, &mut c)?;
    read_last_auth(dir, &mut d, &mut c)?;
    d.project_number = number;
    d.ancestors = ancestors;
    d.coverage = c.list;
    Ok(d)
}

/// The coverage records of one project's import.
struct Cov<'p> {
    project: &'p str,
    list: Vec<Coverage>,
}

impl Cov<'_> {
    fn push(&mut self, api: &str, status: CoverageStatus, detail: String) {
        self.list.push(Coverage {
            provider: Provider::Gcp,
            target: self.project.to_string(),
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

/// `project.json`: the project's number, when described.
fn read_project(dir: &Path, c: &mut Cov<'_>) -> Result<Option<String>, CollectError> {
    let f = dir.join("project.json");
    let proj: Option<wire::Project> = read_opt(&f)?;
    let number = proj.as_ref().and_then(|p| {
        p.project_number.clone().or_else(|| {
            p.name
                .as_ref()
                .and_then(|n| n.strip_prefix("projects/"))
                .map(str::to_string)
        })
    });
    match &proj {
        Some(_) => c.push(
            "cloudresourcemanager:projects.get",
            CoverageStatus::Complete,
            "project described".into(),
        ),
        None => c.push(
            "cloudresourcemanager:projects.get",
            CoverageStatus::Skipped,
            missing(&f),
        ),
    }
    Ok(number)
}

/// `ancestors.json`: the folders and organization above the project, nearest first.
fn read_ancestors(dir: &Path, c: &mut Cov<'_>) -> Result<Vec<String>, CollectError> {
    let f = dir.join("ancestors.json");
    let ancestors: Vec<String> = match read_opt::<Vec<wire::Ancestor>>(&f)? {
        Some(list) => {
            c.push(
                "cloudresourcemanager:projects.getAncestry",
                CoverageStatus::Complete,
                format!("{} ancestors", list.len().saturating_sub(1)),
            );
            list.into_iter()
                .filter_map(|a| match a.kind.as_str() {
                    "folder" => Some(format!("folders/{}", a.id)),
                    "organization" => Some(format!("organizations/{}", a.id)),
                    _ => None,
                })
                .collect()
        }
        None => {
            c.push(
                "cloudresourcemanager:projects.getAncestry",
                CoverageStatus::Skipped,
                format!("{}: inherited bindings unknown", missing(&f)),
            );
            Vec::new()
        }
    };
    Ok(ancestors)
}

/// The IAM policies of the project and of each ancestor.
fn read_policies(
    dir: &Path,
    project: &str,
    d: &mut ProjectData,
    c: &mut Cov<'_>,
    ancestors: &[String],
) -> Result<(), CollectError> {
    let f = dir.join("iam-policy.json");
    match read_shaped::<wire::Policy>(&f, POLICY_KEYS)? {
        Some(Shaped::Missing(keys)) => c.push(
            "cloudresourcemanager:projects.getIamPolicy",
            CoverageStatus::Failed,
            format!(
                "{}; the project's grants are unknown",
                missing_keys(&f, &keys)
            ),
        ),
        Some(Shaped::Read(p)) => {
            c.push(
                "cloudresourcemanager:projects.getIamPolicy",
                CoverageStatus::Complete,
                format!("{} bindings", p.bindings.len()),
            );
            d.policies.insert(format!("projects/{project}"), p);
        }
        None => c.push(
            "cloudresourcemanager:projects.getIamPolicy",
            CoverageStatus::Skipped,
            missing(&f),
        ),
    }
    for a in ancestors {
        let (folder, id) = match a.split_once('/') {
            Some(("folders", id)) => ("folder-iam-policies", id),
            Some(("organizations", id)) => ("organization-iam-policies", id),
            _ => continue,
        };
        let f = dir.join(folder).join(format!("{id}.json"));
        let api = if folder.starts_with("folder") {
            "cloudresourcemanager:folders.getIamPolicy"
        } else {
            "cloudresourcemanager:organizations.getIamPolicy"
        };
        match read_item_shaped::<wire::Policy>(&f, POLICY_KEYS)? {
            ItemFile::Read(p) => {
                c.push(
                    api,
                    CoverageStatus::Complete,
                    format!("{a}: {} bindings", p.bindings.len()),
                );
                d.policies.insert(a.clone(), p);
            }
            ItemFile::Absent => c.push(
                api,
                CoverageStatus::Skipped,
                format!("{a}: {}", missing(&f)),
            ),
            ItemFile::Unreadable(e) => c.push(
                api,
                CoverageStatus::Partial,
                format!("{a}: {e}: the grants made there are unknown"),
            ),
        }
    }
    Ok(())
}

/// `functions.json` and the invoker policies of each function (its own, 1st gen, or its Cloud Run service's, 2nd gen).
fn read_functions(dir: &Path, d: &mut ProjectData, c: &mut Cov<'_>) -> Result<(), CollectError> {
    let f = dir.join("functions.json");
    d.functions = read_opt::<Vec<wire::Function>>(&f)?;
    match &d.functions {
        Some(list) => c.push(
            "cloudfunctions:projects.locations.functions.list",
            CoverageStatus::Complete,
            format!("{} functions", list.len()),
        ),
        None => c.push(
            "cloudfunctions:projects.locations.functions.list",
            CoverageStatus::Skipped,
            missing(&f),
        ),
    }
    // Invoker policies: the function's (1st gen) or its Cloud Run service's (2nd gen), named by the last
    // path segment of the resource.
    let folder = dir.join("invoker-iam-policies");
    let present = exists_plain(&folder)?;
    let mut unread = Vec::new();
    for func in d.functions.iter().flatten() {
        let key = match (
            func.environment.as_deref(),
            func.service_config.as_ref().and_then(|s| s.service.clone()),
        ) {
            (Some("GEN_2"), Some(svc)) => svc,
            _ => func.name.clone(),
        };
        let short = key.rsplit('/').next().unwrap_or(&key).to_string();
        let policy = if present {
            match read_item_shaped::<wire::Policy>(
                &folder.join(format!("{short}.json")),
                POLICY_KEYS,
            )? {
                ItemFile::Read(p) => Some(p),
                ItemFile::Absent => Some(wire::Policy::default()),
                ItemFile::Unreadable(e) => {
                    c.push(
                        "cloudfunctions:functions.getIamPolicy",
                        CoverageStatus::Partial,
                        format!("{e}: who may invoke {short} is unknown"),
                    );
                    None
                }
            }
        } else {
            unread.push(short);
            None
        };
        d.invoker_policies.insert(key, policy);
    }
    if !unread.is_empty() {
        c.push(
            "cloudfunctions:functions.getIamPolicy",
            CoverageStatus::Skipped,
            format!(
                "{}: who may invoke {} functions is unknown",
                missing(&folder),
                unread.len()
            ),
        );
    } else if d.functions.as_ref().is_some_and(|f| !f.is_empty()) {
        c.push(
            "cloudfunctions:functions.getIamPolicy",
            CoverageStatus::Complete,
            "invoker policies read".into(),
        );
    }
    Ok(())
}

/// `service-accounts.json` and each account's own IAM policy.
fn read_service_accounts(
    dir: &Path,
    d: &mut ProjectData,
    c: &mut Cov<'_>,
) -> Result<(), CollectError> {
    let f = dir.join("service-accounts.json");
    d.service_accounts = read_page::<wire::ServiceAccount>(&f, "accounts")?;
    match &d.service_accounts {
        Some(list) => c.push(
            "iam:projects.serviceAccounts.list",
            CoverageStatus::Complete,
            format!("{} service accounts", list.len()),
        ),
        None => c.push(
            "iam:projects.serviceAccounts.list",
            CoverageStatus::Skipped,
            missing(&f),
        ),
    }
    let folder = dir.join("service-account-iam-policies");
    let present = exists_plain(&folder)?;
    let mut sa_unreadable = Vec::new();
    for sa in d.service_accounts.iter().flatten() {
        let policy = if present {
            match read_item_shaped::<wire::Policy>(
                &folder.join(format!("{}.json", sa.email)),
                POLICY_KEYS,
            )? {
                ItemFile::Read(p) => Some(p),
                ItemFile::Absent => Some(wire::Policy::default()),
                ItemFile::Unreadable(e) => {
                    sa_unreadable.push(e);
                    None
                }
            }
        } else {
            None
        };
        d.service_account_policies.insert(sa.email.clone(), policy);
    }
    for e in sa_unreadable {
        c.push(
            "iam:projects.serviceAccounts.getIamPolicy",
            CoverageStatus::Partial,
            format!("{e}: that account's own actAs grants are unknown"),
        );
    }
    if !present && d.service_accounts.as_ref().is_some_and(|s| !s.is_empty()) {
        c.push(
            "iam:projects.serviceAccounts.getIamPolicy",
            CoverageStatus::Skipped,
            format!("{}: account-level actAs grants unknown", missing(&folder)),
        );
    }
    Ok(())
}

/// The project's custom roles.
fn read_roles(dir: &Path, d: &mut ProjectData, c: &mut Cov<'_>) -> Result<(), CollectError> {
    let folder = dir.join("roles");
    if exists_plain(&folder)? {
        for file in read_dir_sorted(&folder)? {
            if json_stem(&file).is_some() {
                match read_item_shaped::<wire::Role>(&file, &["name"])? {
                    ItemFile::Read(r) => d.roles.push(r),
                    ItemFile::Absent => {}
                    ItemFile::Unreadable(e) => c.push(
                        "iam:roles.get",
                        CoverageStatus::Partial,
                        format!("{e}: the role's permissions are unknown"),
                    ),
                }
            }
        }
    }
    Ok(())
}

/// IAM policy insights (Security Command Center Premium).
fn read_insights(dir: &Path, d: &mut ProjectData, c: &mut Cov<'_>) -> Result<(), CollectError> {
    let f = dir.join("insights.json");
    d.insights = read_opt(&f)?;
    match &d.insights {
        Some(list) => c.push(
            "recommender:insights.list",
            CoverageStatus::Complete,
            format!("{} IAM policy insights", list.len()),
        ),
        None => c.push(
            "recommender:insights.list",
            CoverageStatus::Skipped,
            format!(
                "{} (IAM policy insights need Security Command Center Premium)",
                missing(&f)
            ),
        ),
    }
    Ok(())
}

/// Cloud Run jobs and services, and the invoker policies of functions deployed through the Run API.
fn read_cloud_run(
    dir: &Path,
    project: &str,
    d: &mut ProjectData,
    c: &mut Cov<'_>,
) -> Result<(), CollectError> {
    let f = dir.join("run-jobs.json");
    d.run_jobs = read_run_jobs(&f, project)?;
    match &d.run_jobs {
        Some(list) => c.push(
            "run:projects.locations.jobs.list",
            CoverageStatus::Complete,
            format!("{} Cloud Run jobs", list.len()),
        ),
        None => c.push(
            "run:projects.locations.jobs.list",
            CoverageStatus::Skipped,
            format!("{}: Cloud Run jobs unknown", missing(&f)),
        ),
    }
    let f = dir.join("run-services.json");
    d.run_services = read_run_services(&f, project)?;
    match &d.run_services {
        Some(list) => {
            let folder = dir.join("invoker-iam-policies");
            let present = exists_plain(&folder)?;
            let served: std::collections::BTreeSet<String> = d
                .functions
                .iter()
                .flatten()
                .filter_map(|f| f.service_config.as_ref()?.service.clone())
                .collect();
            let mut unread = 0;
            for s in list
                .iter()
                .filter(|s| s.build_config.is_some() && !served.contains(&s.name))
            {
                let short = s.name.rsplit('/').next().unwrap_or(&s.name);
                let policy = if present {
                    match read_item_shaped::<wire::Policy>(
                        &folder.join(format!("{short}.json")),
                        POLICY_KEYS,
                    )? {
                        ItemFile::Read(p) => Some(p),
                        ItemFile::Absent => None,
                        ItemFile::Unreadable(e) => {
                            c.push(
                                "run:services.getIamPolicy",
                                CoverageStatus::Partial,
                                format!("{e}: who may invoke {short} is unknown"),
                            );
                            None
                        }
                    }
                } else {
                    None
                };
                unread += usize::from(policy.is_none());
                d.invoker_policies.insert(s.name.clone(), policy);
            }
            c.push(
                "run:projects.locations.services.list",
                CoverageStatus::Complete,
                format!(
                    "{} services, {} built from function source",
                    list.len(),
                    list.iter().filter(|s| s.build_config.is_some()).count()
                ),
            );
            if unread > 0 {
                c.push(
                    "run:services.getIamPolicy",
                    CoverageStatus::Skipped,
                    format!(
                        "no `invoker-iam-policies/<service>.json` for {unread} Cloud Run functions: who may invoke them is unknown"
                    ),
                );
            }
        }
        None => c.push(
            "run:projects.locations.services.list",
            CoverageStatus::Skipped,
            format!(
                "{}: Cloud Run functions deployed through the Run API are not inventoried",
                missing(&f)
            ),
        ),
    }
    Ok(())
}

/// Activity Analyzer's last authentication of each service account.
fn read_last_auth(dir: &Path, d: &mut ProjectData, c: &mut Cov<'_>) -> Result<(), CollectError> {
    let f = dir.join("sa-last-authentication.json");
    d.sa_last_auth = read_opt(&f)?;
    if let Some(list) = &d.sa_last_auth {
        c.push(
            "policyanalyzer:activities.query",
            CoverageStatus::Complete,
            format!(
                "last authentication of {} service accounts (Activity Analyzer)",
                list.len()
            ),
        );
    }
    Ok(())
}

/// A list export: gcloud's array, or the API's page (`{"<key>": […], "nextPageToken"}`; `{}` is
/// an empty page).
fn read_page<T: serde::de::DeserializeOwned>(
    path: &Path,
    key: &str,
) -> Result<Option<Vec<T>>, CollectError> {
    let Some(value) = read_opt::<serde_json::Value>(path)? else {
        return Ok(None);
    };
    let (list, field) = match value {
        serde_json::Value::Object(mut o) => (
            o.remove(key)
                .unwrap_or(serde_json::Value::Array(Vec::new())),
            key.to_string(),
        ),
        other => (other, String::new()),
    };
    serde_path_to_error::deserialize(list)
        .map(Some)
        .map_err(|e| CollectError::Shape {
            path: path.to_path_buf(),
            field: if field.is_empty() {
                format!("`{}`", e.path())
            } else {
                format!("`{field}{}`", e.path())
            },
            message: crate::secrets::without_values(&e.inner().to_string()),
        })
}

/// A Cloud Run list export in any of the shapes it comes in: the v2 list response (`{"<key>": […]}`,
/// `{}` when empty), an array of v2 objects, or gcloud's array of v1 (Knative) objects, turned into v2
/// by `from_knative`.
fn read_run<V2, K>(
    path: &Path,
    project: &str,
    key: &str,
    from_knative: fn(K, &str) -> V2,
) -> Result<Option<Vec<V2>>, CollectError>
where
    V2: serde::de::DeserializeOwned,
    K: serde::de::DeserializeOwned,
{
    let Some(value) = read_opt::<serde_json::Value>(path)? else {
        return Ok(None);
    };
    let knative = value
        .as_array()
        .and_then(|a| a.first())
        .is_some_and(|s| s.get("metadata").is_some());
    if !knative {
        return read_page(path, key);
    }
    let list: Vec<K> =
        serde_path_to_error::deserialize(value).map_err(|e| CollectError::Shape {
            path: path.to_path_buf(),
            field: format!("`{}`", e.path()),
            message: crate::secrets::without_values(&e.inner().to_string()),
        })?;
    Ok(Some(
        list.into_iter().map(|k| from_knative(k, project)).collect(),
    ))
}

/// `run-jobs.json`: the v2 jobs list, an array of v2 jobs, or gcloud's v1 (Knative) jobs.
fn read_run_jobs(path: &Path, project: &str) -> Result<Option<Vec<wire::RunJob>>, CollectError> {
    read_run(path, project, "jobs", wire::RunJob::from_knative)
}

/// `run-services.json`: the v2 services list, an array of v2 services, or gcloud's v1 (Knative)
/// services.
fn read_run_services(
    path: &Path,
    project: &str,
) -> Result<Option<Vec<wire::RunService>>, CollectError> {
    read_run(path, project, "services", wire::RunService::from_knative)
}

/// [`import`] into `snapshot`: true when the estate had this provider's folder with projects in it.
pub fn import_into(
    dir: &std::path::Path,
    snapshot: &mut fnscope_snapshot::Snapshot,
) -> Result<bool, crate::CollectError> {
    let all = import(dir)?;
    let found = !all.is_empty();
    for one in all {
        crate::gcp::add_project(snapshot, one);
    }
    Ok(found)
}
