//! The Cloud Asset Inventory fast path: two `assets.list` listings per organization, folder or
//! project (`contentType=RESOURCE`, then `IAM_POLICY`, 1,000 assets a page) give the functions,
//! Cloud Run services and jobs, service accounts and projects of everything below it, with the
//! ancestry of each and every IAM policy set on them, instead of some ninety calls per project
//! (a listing per Cloud Run location, a `getIamPolicy` per function, per Run function and per
//! service account, a `folders.get` and `getIamPolicy` per ancestor).
//!
//! What is read from it is what the per-project path reads: a `resource.data` is the shape of the
//! API named by its `resource.version` (Cloud Functions v2 `Function`; Cloud Run v2, or the v1
//! Knative shape Google was seen to return, read by the converters `gcloud`'s output uses; IAM v1
//! `ServiceAccount`). A resource with no `IAM_POLICY` asset has no policy set: the listing holds
//! every policy set below its parent. A project any of whose assets cannot be read goes back to
//! the per-project path whole, as does a project no listing saw; a listing that is refused (the API
//! not enabled, no `cloudasset.assets.list*` permission) leaves every project below it to that path.
//! Google documents that functions can reach the inventory up to about 12 hours late; the record
//! says so, and `--gcp-no-asset-inventory` reads the services' own APIs.
//!
//! Still read per project: the usage data (insights, Activity Analyzer), the audit logs and the
//! role definitions (cached across projects).

use super::*;

use serde_json::Value;

/// Assets read with `contentType=RESOURCE`.
pub(super) const RESOURCE_TYPES: &[&str] = &[
    "cloudresourcemanager.googleapis.com/Project",
    "cloudfunctions.googleapis.com/Function",
    "run.googleapis.com/Service",
    "run.googleapis.com/Job",
    "iam.googleapis.com/ServiceAccount",
];

/// Assets whose `contentType=IAM_POLICY` is read: the policies the per-project path reads with
/// `getIamPolicy` (a 1st-gen function's own, a 2nd-gen function's on its Run service).
pub(super) const POLICY_TYPES: &[&str] = &[
    "cloudresourcemanager.googleapis.com/Organization",
    "cloudresourcemanager.googleapis.com/Folder",
    "cloudresourcemanager.googleapis.com/Project",
    "cloudfunctions.googleapis.com/CloudFunction",
    "cloudfunctions.googleapis.com/Function",
    "run.googleapis.com/Service",
    "iam.googleapis.com/ServiceAccount",
];

const PAGE: usize = 1000;

/// `assets.list`'s answer (`ListAssetsResponse`). Assets stay JSON until each is read, so that one
/// that cannot be is a record, not the end of the listing.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AssetsPage {
    #[serde(default)]
    assets: Vec<Value>,
    #[serde(default)]
    next_page_token: Option<String>,
    #[serde(default)]
    read_time: Option<String>,
}

impl Page for AssetsPage {
    fn next_token(&self) -> Option<&str> {
        self.next_page_token.as_deref()
    }
}

/// A `google.cloud.asset.v1.Asset`, in the REST shape (camelCase) or the snake_case one client
/// libraries and exports print.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Asset {
    name: String,
    #[serde(alias = "asset_type")]
    asset_type: String,
    #[serde(default)]
    resource: Option<AssetResource>,
    #[serde(default, alias = "iam_policy")]
    iam_policy: Option<wire::Policy>,
    /// Nearest first, the resource's own project first: `projects/NUMBER`, `folders/…`, ….
    #[serde(default)]
    ancestors: Vec<String>,
}

#[derive(Deserialize)]
struct AssetResource {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    data: Option<Value>,
}

/// `cloudresourcemanager.googleapis.com/Project` data (Resource Manager v1 `Project`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProjectData1 {
    project_id: String,
    project_number: String,
    #[serde(default)]
    lifecycle_state: Option<String>,
}

/// One project, as the inventory holds it.
#[derive(Debug, Default)]
pub(super) struct ProjectAssets {
    pub number: String,
    /// Nearest first, the project left out (as [`ProjectData::ancestors`]).
    pub ancestors: Vec<String>,
    /// The listing it came from, and when the inventory was read.
    pub source: String,
    pub functions: Vec<wire::Function>,
    pub run_services: Vec<wire::RunService>,
    pub run_jobs: Vec<wire::RunJob>,
    pub service_accounts: Vec<wire::ServiceAccount>,
    /// Resource name (`projects/ID/locations/L/functions/F`, `…/services/S`,
    /// `projects/ID/serviceAccounts/EMAIL`, `projects/ID`) → the policy set on it.
    pub policies: BTreeMap<String, wire::Policy>,
}

/// What the listings gave: the projects read whole, the folder and organization policies, and a
/// record per listing.
#[derive(Debug, Default)]
pub(super) struct Inventory {
    pub projects: BTreeMap<String, ProjectAssets>,
    pub scope_policies: BTreeMap<String, wire::Policy>,
    pub coverage: Vec<Coverage>,
}

/// An asset's resource name without its service (`//run.googleapis.com/projects/p/…` →
/// `projects/p/…`), its project named by id.
fn short_name(full: &str, ids: &BTreeMap<String, String>) -> String {
    let rest = match full.strip_prefix("//") {
        Some(r) => r.split_once('/').map_or(r, |(_, r)| r),
        None => full,
    };
    match rest.strip_prefix("projects/").map(|r| r.split_once('/')) {
        Some(Some((p, tail))) => match ids.get(p) {
            Some(id) => format!("projects/{id}/{tail}"),
            None => rest.to_string(),
        },
        Some(None) => {
            let p = &rest["projects/".len()..];
            format!("projects/{}", ids.get(p).map_or(p, String::as_str))
        }
        None => rest.to_string(),
    }
}

fn data<T: DeserializeOwned>(asset: &Asset) -> Result<T, String> {
    let data = asset
        .resource
        .as_ref()
        .and_then(|r| r.data.clone())
        .ok_or_else(|| format!("{}: no `resource.data`", asset.name))?;
    serde_path_to_error::deserialize(data).map_err(|e| {
        format!(
            "{}: `resource.data.{}`: {}",
            asset.name,
            e.path(),
            crate::secrets::without_values(&e.inner().to_string())
        )
    })
}

/// The v2 shape, or the v1 (Knative) one `resource.version` names.
fn is_v1(asset: &Asset) -> bool {
    asset
        .resource
        .as_ref()
        .and_then(|r| r.version.as_deref())
        .is_some_and(|v| v == "v1")
}

/// `projects/ID/locations/-/…` from a v1 resource without its location label: the asset's own.
fn with_location(name: String, asset: &Asset) -> String {
    match asset.resource.as_ref().and_then(|r| r.location.as_deref()) {
        Some(loc) if name.contains("/locations/-/") => {
            name.replacen("/locations/-/", &format!("/locations/{loc}/"), 1)
        }
        _ => name,
    }
}

impl Session {
    /// Every asset of `types` below `parent`, with the inventory's read time.
    async fn list_assets(
        &self,
        parent: &str,
        content: &str,
        types: &[&str],
    ) -> Result<(Vec<Value>, Option<String>), CallError> {
        let mut url = format!(
            "{}/v1/{parent}/assets?contentType={content}&pageSize={PAGE}",
            self.opts.endpoints.cloudasset
        );
        for t in types {
            url.push_str(&format!("&assetTypes={}", urlencode(t)));
        }
        let pages = self.pages::<AssetsPage>(&url).await?;
        let read_time = pages.first().and_then(|p| p.read_time.clone());
        Ok((
            pages.into_iter().flat_map(|p| p.assets).collect(),
            read_time,
        ))
    }

    /// The inventory below each of `scopes` (`organizations/O`, `folders/F`), then of each of
    /// `projects` no scope's listing held (`projects/P`).
    pub(super) async fn asset_inventory(
        &self,
        scopes: &[String],
        projects: &[String],
    ) -> Inventory {
        let mut inv = Inventory::default();
        for parent in scopes
            .iter()
            .cloned()
            .chain(projects.iter().map(|p| format!("projects/{p}")))
        {
            if let Some(p) = parent.strip_prefix("projects/")
                && inv.projects.contains_key(p)
            {
                continue;
            }
            let parent = &parent;
            let read = async {
                let (resources, at) = self.list_assets(parent, "RESOURCE", RESOURCE_TYPES).await?;
                let (policies, _) = self.list_assets(parent, "IAM_POLICY", POLICY_TYPES).await?;
                Ok::<_, CallError>((resources, policies, at))
            };
            match read.await {
                Ok((resources, policies, at)) => absorb(&mut inv, parent, resources, policies, at),
                Err(e) => inv.coverage.push(crate::kit::record(
                    Provider::Gcp,
                    parent,
                    None,
                    "cloudasset:assets.list",
                    // Nothing is missing for it: each project's own APIs stand in, with its records.
                    CoverageStatus::Complete,
                    format!(
                        "not used ({}): the projects below it read from their own APIs",
                        e.message
                    ),
                )),
            }
        }
        inv
    }
}

/// Adds one resource asset to its project, in the shape its `resource.version` names.
fn file_resource(
    p: &mut ProjectAssets,
    a: &Asset,
    pid: &str,
    ids: &BTreeMap<String, String>,
) -> Result<(), String> {
    match a.asset_type.as_str() {
        "cloudfunctions.googleapis.com/Function" => data::<wire::Function>(a).map(|mut f| {
            f.name = short_name(&f.name, ids);
            p.functions.push(f)
        }),
        "run.googleapis.com/Service" if is_v1(a) => data::<wire::KnativeService>(a).map(|k| {
            let mut s = wire::RunService::from_knative(k, pid);
            s.name = with_location(s.name, a);
            p.run_services.push(s)
        }),
        "run.googleapis.com/Service" => data::<wire::RunService>(a).map(|mut s| {
            s.name = short_name(&s.name, ids);
            p.run_services.push(s)
        }),
        "run.googleapis.com/Job" if is_v1(a) => data::<wire::KnativeJob>(a).map(|k| {
            let mut j = wire::RunJob::from_knative(k, pid);
            j.name = with_location(j.name, a);
            p.run_jobs.push(j)
        }),
        "run.googleapis.com/Job" => data::<wire::RunJob>(a).map(|mut j| {
            j.name = short_name(&j.name, ids);
            p.run_jobs.push(j)
        }),
        "iam.googleapis.com/ServiceAccount" => {
            data::<wire::ServiceAccount>(a).map(|s| p.service_accounts.push(s))
        }
        _ => Ok(()),
    }
}

/// Sorts one parent's assets into its projects.
fn absorb(
    inv: &mut Inventory,
    parent: &str,
    resources: Vec<Value>,
    policies: Vec<Value>,
    at: Option<String>,
) {
    let count = resources.len() + policies.len();
    let source = format!(
        "Cloud Asset Inventory, {parent}, read at {}",
        at.as_deref().unwrap_or("an unstated time")
    );
    let mut unreadable: Vec<String> = Vec::new();
    let mut bad_projects: BTreeSet<String> = BTreeSet::new();
    // The project numbers of assets that cannot be read; `None` when one names no project, and
    // then no project of this listing can be known whole.
    let mut lost: Option<BTreeSet<String>> = Some(BTreeSet::new());
    let mut parse = |v: Value, unreadable: &mut Vec<String>| -> Option<Asset> {
        let owner = v["ancestors"][0]
            .as_str()
            .and_then(|a| a.strip_prefix("projects/"))
            .map(str::to_string);
        match serde_path_to_error::deserialize::<_, Asset>(v) {
            Ok(a) => Some(a),
            Err(e) => {
                unreadable.push(format!(
                    "an asset without the Asset shape at `{}`: {}",
                    e.path(),
                    crate::secrets::without_values(&e.inner().to_string())
                ));
                match (owner, lost.as_mut()) {
                    (Some(n), Some(l)) => {
                        l.insert(n);
                    }
                    _ => lost = None,
                }
                None
            }
        }
    };
    let resources: Vec<Asset> = resources
        .into_iter()
        .filter_map(|v| parse(v, &mut unreadable))
        .collect();
    let policies: Vec<Asset> = policies
        .into_iter()
        .filter_map(|v| parse(v, &mut unreadable))
        .collect();
    // Projects first: number → id, ancestry.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut found: BTreeMap<String, ProjectAssets> = BTreeMap::new();
    for a in resources
        .iter()
        .filter(|a| a.asset_type == "cloudresourcemanager.googleapis.com/Project")
    {
        match data::<ProjectData1>(a) {
            Ok(p) if p.lifecycle_state.as_deref().is_none_or(|s| s == "ACTIVE") => {
                if inv.projects.contains_key(&p.project_id) {
                    continue;
                }
                ids.insert(p.project_number.clone(), p.project_id.clone());
                found.insert(
                    p.project_id.clone(),
                    ProjectAssets {
                        number: p.project_number,
                        ancestors: a.ancestors.iter().skip(1).cloned().collect(),
                        source: source.clone(),
                        ..ProjectAssets::default()
                    },
                );
            }
            Ok(_) => {}
            Err(m) => unreadable.push(m),
        }
    }
    // The project an asset belongs to: its nearest ancestor.
    let owner = |a: &Asset| -> Option<String> {
        let n = a.ancestors.first()?.strip_prefix("projects/")?;
        Some(ids.get(n).cloned().unwrap_or_else(|| n.to_string()))
    };
    for a in &resources {
        let Some(pid) = owner(a) else { continue };
        let Some(p) = found.get_mut(&pid) else {
            continue;
        };
        let added = file_resource(p, a, &pid, &ids);
        if let Err(m) = added {
            unreadable.push(m);
            bad_projects.insert(pid);
        }
    }
    for a in policies {
        let Some(policy) = a.iam_policy.clone() else {
            continue;
        };
        let name = short_name(&a.name, &ids);
        if name.starts_with("folders/") || name.starts_with("organizations/") {
            inv.scope_policies.insert(name, policy);
        } else if let Some(p) = owner(&a).and_then(|pid| found.get_mut(&pid)) {
            p.policies.insert(name, policy);
        }
    }
    match &lost {
        None => found.clear(),
        Some(numbers) => {
            bad_projects.extend(
                numbers
                    .iter()
                    .map(|n| ids.get(n).cloned().unwrap_or_else(|| n.clone())),
            );
        }
    }
    for p in &bad_projects {
        found.remove(p);
    }
    let mut detail = format!(
        "{count} assets of {} projects (functions can reach the inventory up to 12 hours after they change; --gcp-no-asset-inventory reads the services instead)",
        found.len()
    );
    if !unreadable.is_empty() {
        unreadable.sort();
        detail.push_str(&format!(
            "; {} assets could not be read, their projects read from their own APIs; first: {}",
            unreadable.len(),
            unreadable[0]
        ));
    }
    for p in found.values_mut() {
        p.functions.sort_by(|a, b| a.name.cmp(&b.name));
        p.run_services.sort_by(|a, b| a.name.cmp(&b.name));
        p.run_jobs.sort_by(|a, b| a.name.cmp(&b.name));
        p.service_accounts.sort_by(|a, b| a.email.cmp(&b.email));
    }
    inv.projects.extend(found);
    inv.coverage.push(crate::kit::record(
        Provider::Gcp,
        parent,
        None,
        "cloudasset:assets.list",
        if unreadable.is_empty() {
            CoverageStatus::Complete
        } else {
            CoverageStatus::Partial
        },
        format!("{detail} ({source})"),
    ));
}

impl Session {
    /// Fills `d` from the inventory: what `ancestry`, `functions`, `run_services` and
    /// `service_accounts` read, with the records they write. An ancestor policy no listing held is
    /// read with `getIamPolicy`.
    pub(super) async fn fill_from_inventory(
        &self,
        pre: ProjectAssets,
        scope_policies: &BTreeMap<String, wire::Policy>,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let project = d.project_id.clone();
        let from = &pre.source;
        d.project_number = Some(pre.number.clone());
        d.ancestors = pre.ancestors.clone();
        push(
            "cloudresourcemanager:projects.get",
            CoverageStatus::Complete,
            format!("project and ancestors read ({from})"),
        );
        let mut policies = pre.policies;
        let own = format!("projects/{project}");
        let note = format!(" ({from})");
        self.chain_policies(
            d,
            |scope| {
                let p = match scope == own {
                    true => policies.remove(&own),
                    false => scope_policies.get(scope).cloned(),
                };
                p.map(|p| (p, note.clone()))
            },
            push,
        )
        .await;
        // Who may invoke each function, and each Run function no listed function covers; who may
        // act as each account. No asset: no policy set.
        let take = |key: &str| policies.get(key).cloned().unwrap_or_default();
        for f in &pre.functions {
            let key = f.invoker_key();
            let p = take(&key);
            d.invoker_policies.insert(key, Some(p));
        }
        for s in pre.run_services.iter().filter(|s| s.build_config.is_some()) {
            if !d.invoker_policies.contains_key(&s.name) {
                let p = take(&s.name);
                d.invoker_policies.insert(s.name.clone(), Some(p));
            }
        }
        // Named by email (IAM's full resource name) or by unique id: either is looked for.
        for a in &pre.service_accounts {
            let by_id = a.unique_id.as_deref().and_then(|id| {
                policies
                    .get(&format!("projects/{project}/serviceAccounts/{id}"))
                    .cloned()
            });
            let p = by_id.unwrap_or_else(|| {
                take(&format!("projects/{project}/serviceAccounts/{}", a.email))
            });
            d.service_account_policies.insert(a.email.clone(), Some(p));
        }
        let n = |what: usize, noun: &str| format!("{what} {noun} ({from})");
        push(
            "cloudfunctions:projects.locations.functions.list",
            CoverageStatus::Complete,
            n(pre.functions.len(), "functions"),
        );
        push(
            "cloudfunctions:functions.getIamPolicy",
            CoverageStatus::Complete,
            n(pre.functions.len(), "functions' invoker policies"),
        );
        push(
            "run:projects.locations.services.list",
            CoverageStatus::Complete,
            n(pre.run_services.len(), "Cloud Run services"),
        );
        push(
            "run:projects.locations.jobs.list",
            CoverageStatus::Complete,
            n(pre.run_jobs.len(), "Cloud Run jobs"),
        );
        push(
            "iam:projects.serviceAccounts.list",
            CoverageStatus::Complete,
            n(
                pre.service_accounts.len(),
                "service accounts and their policies",
            ),
        );
        d.functions = Some(pre.functions);
        d.run_services = Some(pre.run_services);
        d.run_jobs = Some(pre.run_jobs);
        d.service_accounts = Some(pre.service_accounts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `Project` asset as Google's own converter captured it from Cloud Asset Inventory
    /// (GoogleCloudPlatform/terraform-google-conversion, test/data/services/resourcemanager/
    /// TestAccProject_parentFolder.json at ca2e0b6249b81ce6662464dcfc3a5f435d0997c2, Apache-2.0):
    /// snake_case keys, the project itself first in `ancestors`. Its state is DELETE_REQUESTED.
    const CAPTURED_PROJECT: &str = r#"{
      "update_time": {"seconds": 1740688694, "nanos": 963087000},
      "name": "//cloudresourcemanager.googleapis.com/projects/671259584332",
      "asset_type": "cloudresourcemanager.googleapis.com/Project",
      "resource": {
        "version": "v1",
        "discovery_document_uri": "https://cloudresourcemanager.googleapis.com/$discovery/rest?version=v1",
        "discovery_name": "Project",
        "parent": "//cloudresourcemanager.googleapis.com/folders/692411985540",
        "data": {
          "createTime": "2025-02-27T20:37:41.2493Z",
          "labels": {"goog-terraform-provisioned": "true"},
          "lifecycleState": "DELETE_REQUESTED",
          "name": "tf-test-5942426970233811481",
          "parent": {"id": "692411985540", "type": "folder"},
          "projectId": "tf-test-5942426970233811481",
          "projectNumber": "671259584332"
        }
      },
      "AccessContextPolicy": null,
      "ancestors": ["projects/671259584332", "folders/692411985540", "organizations/529579013760"]
    }"#;

    fn active(v: &str) -> Value {
        let mut p: Value = serde_json::from_str(v).unwrap();
        p["resource"]["data"]["lifecycleState"] = "ACTIVE".into();
        p
    }

    /// A Cloud Run service in the v1 (Knative) shape Cloud Asset Inventory returned in a 2022
    /// capture (Checkmk's tests/unit/.../test_gcp_run.py; the shape only, values our own): the
    /// asset named by project id, the data's namespace the project number, the location a label.
    fn knative_asset() -> Value {
        serde_json::json!({
            "name": "//run.googleapis.com/projects/tf-test-5942426970233811481/locations/us-central1/services/hook",
            "asset_type": "run.googleapis.com/Service",
            "resource": {
                "version": "v1",
                "discovery_document_uri": "https://run.googleapis.com/$discovery/rest",
                "discovery_name": "Service",
                "parent": "//cloudresourcemanager.googleapis.com/projects/671259584332",
                "location": "us-central1",
                "data": {
                    "apiVersion": "serving.knative.dev/v1",
                    "kind": "Service",
                    "metadata": {
                        "name": "hook",
                        "namespace": "671259584332",
                        "labels": {"cloud.googleapis.com/location": "us-central1"},
                        "annotations": {
                            "run.googleapis.com/ingress": "all",
                            "serving.knative.dev/creator": "dev@example.com",
                            "run.googleapis.com/build-function-target": "handle"
                        },
                        "creationTimestamp": "2022-02-17T14:12:58.71874Z"
                    },
                    "spec": {"template": {"spec": {
                        "serviceAccountName": "671259584332-compute@developer.gserviceaccount.com",
                        "containers": [{"image": "us-docker.pkg.dev/cloudrun/container/hello",
                                        "env": [{"name": "API_TOKEN", "value": "ghp_0123456789abcdefghijABCDEFGHIJ012345"}]}]
                    }}},
                    "status": {"url": "https://hook-l2ihgnbm5q-uc.a.run.app"}
                }
            },
            "ancestors": ["projects/671259584332"],
            "update_time": "2022-02-17T14:15:07.434367Z"
        })
    }

    #[test]
    fn a_project_being_deleted_is_not_taken() {
        let mut inv = Inventory::default();
        let p: Value = serde_json::from_str(CAPTURED_PROJECT).unwrap();
        absorb(
            &mut inv,
            "folders/692411985540",
            vec![p, knative_asset()],
            vec![],
            None,
        );
        assert!(inv.projects.is_empty(), "{:?}", inv.projects);
    }

    #[test]
    fn captured_shapes_are_read_as_the_services_give_them() {
        let mut inv = Inventory::default();
        let policy = serde_json::json!({
            "name": "//run.googleapis.com/projects/671259584332/locations/us-central1/services/hook",
            "asset_type": "run.googleapis.com/Service",
            "ancestors": ["projects/671259584332", "folders/692411985540", "organizations/529579013760"],
            "iam_policy": {"version": 1, "bindings": [{"role": "roles/run.invoker", "members": ["allUsers"]}]}
        });
        let folder = serde_json::json!({
            "name": "//cloudresourcemanager.googleapis.com/folders/692411985540",
            "assetType": "cloudresourcemanager.googleapis.com/Folder",
            "ancestors": ["folders/692411985540", "organizations/529579013760"],
            "iamPolicy": {"bindings": [{"role": "roles/owner", "members": ["user:a@example.com"]}]}
        });
        absorb(
            &mut inv,
            "organizations/529579013760",
            vec![active(CAPTURED_PROJECT), knative_asset()],
            vec![policy, folder],
            Some("2026-12-07T00:00:00Z".into()),
        );
        let p = &inv.projects["tf-test-5942426970233811481"];
        assert_eq!(p.number, "671259584332");
        assert_eq!(
            p.ancestors,
            ["folders/692411985540", "organizations/529579013760"]
        );
        let s = &p.run_services[0];
        assert_eq!(
            s.name,
            "projects/tf-test-5942426970233811481/locations/us-central1/services/hook"
        );
        assert_eq!(s.ingress.as_deref(), Some("INGRESS_TRAFFIC_ALL"));
        assert!(s.build_config.is_some(), "built from function source");
        let t = s.template.as_ref().unwrap();
        assert_eq!(
            t.service_account.as_deref(),
            Some("671259584332-compute@developer.gserviceaccount.com")
        );
        assert!(t.containers[0].env[0].secret_like);
        // The policy asset named by project number lands under the service's name.
        assert_eq!(p.policies[&s.name].bindings[0].members, ["allUsers"]);
        assert_eq!(inv.scope_policies["folders/692411985540"].bindings.len(), 1);
        assert_eq!(inv.coverage[0].status, CoverageStatus::Complete);
        assert!(
            inv.coverage[0]
                .detail
                .contains("read at 2026-12-07T00:00:00Z")
        );
    }

    #[test]
    fn an_asset_that_cannot_be_read_sends_its_project_back_and_says_so() {
        let mut inv = Inventory::default();
        let mut bad = knative_asset();
        bad["resource"]["version"] = "v2".into();
        bad["resource"]["data"] = serde_json::json!({"name": 7});
        let unshaped = serde_json::json!({"nameless": true});
        absorb(
            &mut inv,
            "organizations/529579013760",
            vec![active(CAPTURED_PROJECT), bad, unshaped],
            vec![],
            None,
        );
        assert!(inv.projects.is_empty());
        let c = &inv.coverage[0];
        assert_eq!(c.status, CoverageStatus::Partial);
        assert!(
            c.detail.contains("2 assets could not be read"),
            "{}",
            c.detail
        );
        assert!(
            !c.detail.contains("ghp_"),
            "no value in a record: {}",
            c.detail
        );
    }

    #[test]
    fn names_are_shortened_and_their_project_named_by_id() {
        let ids = BTreeMap::from([("360989076580".to_string(), "backup-255820".to_string())]);
        assert_eq!(
            short_name(
                "//run.googleapis.com/projects/360989076580/locations/us-central1/services/aaaa",
                &ids
            ),
            "projects/backup-255820/locations/us-central1/services/aaaa"
        );
        assert_eq!(
            short_name(
                "//cloudresourcemanager.googleapis.com/projects/360989076580",
                &ids
            ),
            "projects/backup-255820"
        );
        assert_eq!(
            short_name("//cloudresourcemanager.googleapis.com/folders/5", &ids),
            "folders/5"
        );
        assert_eq!(
            short_name("projects/backup-255820/locations/x/functions/f", &ids),
            "projects/backup-255820/locations/x/functions/f"
        );
    }
}
