//! Google Cloud API shapes as the discovery documents name them (camelCase), which is also what
//! `gcloud … --format=json` prints. Environment variable values never reach these structs.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::secrets::EnvVars;

/// An IAM policy (every `getIamPolicy`).
#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    #[serde(default)]
    pub version: Option<i64>,
    #[serde(default)]
    pub bindings: Vec<Binding>,
    #[serde(default)]
    pub etag: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Binding {
    pub role: String,
    #[serde(default)]
    pub members: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Expr>,
}

#[derive(Debug, Default, Clone, Deserialize, serde::Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Expr {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub expression: Option<String>,
}

/// `gcloud projects describe` (Resource Manager v1) or a v3 `Project`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Project {
    #[serde(default)]
    pub project_id: Option<String>,
    /// v1: the number as a string.
    #[serde(default)]
    pub project_number: Option<String>,
    /// v3: `projects/123`.
    #[serde(default)]
    pub name: Option<String>,
}

/// One element of `gcloud projects get-ancestors --format=json`.
#[derive(Debug, Default, Deserialize)]
pub struct Ancestor {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// A Cloud Functions v2 `Function` (the v2 API lists both generations); the v1 `CloudFunction` fields
/// are accepted too.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Function {
    pub name: String,
    #[serde(default)]
    pub environment: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub update_time: Option<String>,
    #[serde(default)]
    pub build_config: Option<BuildConfig>,
    #[serde(default)]
    pub service_config: Option<ServiceConfig>,
    #[serde(default)]
    pub event_trigger: Option<EventTrigger>,
    // v1 fields
    #[serde(default)]
    pub runtime: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub service_account_email: Option<String>,
    #[serde(default)]
    pub https_trigger: Option<HttpsTrigger>,
    #[serde(default)]
    pub ingress_settings: Option<String>,
    #[serde(default)]
    pub environment_variables: Option<EnvVars>,
    #[serde(default)]
    pub build_service_account: Option<String>,
}

impl Function {
    /// The resource whose IAM policy says who may invoke it: a 2nd-gen function's Cloud Run
    /// service, else the function itself.
    pub fn invoker_key(&self) -> String {
        match (
            self.environment.as_deref(),
            self.service_config.as_ref().and_then(|s| s.service.clone()),
        ) {
            (Some("GEN_2"), Some(svc)) => svc,
            _ => self.name.clone(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BuildConfig {
    #[serde(default)]
    pub runtime: Option<String>,
    #[serde(default)]
    pub service_account: Option<String>,
    #[serde(default)]
    pub environment_variables: Option<EnvVars>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceConfig {
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub uri: Option<String>,
    #[serde(default)]
    pub service_account_email: Option<String>,
    #[serde(default)]
    pub ingress_settings: Option<String>,
    #[serde(default)]
    pub environment_variables: Option<EnvVars>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventTrigger {
    #[serde(default)]
    pub event_type: Option<String>,
    #[serde(default)]
    pub event_filters: Vec<EventFilter>,
    #[serde(default)]
    pub pubsub_topic: Option<String>,
    #[serde(default)]
    pub service_account_email: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventFilter {
    pub attribute: String,
    pub value: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpsTrigger {
    #[serde(default)]
    pub url: Option<String>,
}

/// An IAM `ServiceAccount`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccount {
    pub email: String,
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub unique_id: Option<String>,
    #[serde(default)]
    pub disabled: bool,
}

/// An IAM `Role` (`roles.get` / `gcloud iam roles describe`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Role {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub included_permissions: Vec<String>,
    #[serde(default)]
    pub deleted: bool,
}

/// A Recommender `Insight` of type `google.iam.policy.Insight`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Insight {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub content: InsightContent,
    #[serde(default)]
    pub observation_period: Option<String>,
    #[serde(default)]
    pub last_refresh_time: Option<String>,
    #[serde(default)]
    pub insight_subtype: Option<String>,
    #[serde(default)]
    pub state_info: Option<StateInfo>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InsightContent {
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub member: Option<String>,
    #[serde(default)]
    pub exercised_permissions: Vec<PermissionRef>,
    #[serde(default)]
    pub inferred_permissions: Vec<PermissionRef>,
}

#[derive(Debug, Default, Deserialize)]
pub struct PermissionRef {
    pub permission: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct StateInfo {
    #[serde(default)]
    pub state: Option<String>,
}

/// A Cloud Run v2 `Service`. A service that carries `buildConfig` was built from function source (a
/// Cloud Run function deployed through the Run API, invisible to the Functions API). gcloud's own
/// `run services list --format=json` prints the v1 (Knative) shape instead; [`RunService::from_knative`]
/// reads that.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunService {
    pub name: String,
    #[serde(default)]
    pub uri: Option<String>,
    #[serde(default)]
    pub creator: Option<String>,
    #[serde(default)]
    pub last_modifier: Option<String>,
    #[serde(default)]
    pub create_time: Option<String>,
    #[serde(default)]
    pub update_time: Option<String>,
    #[serde(default)]
    pub ingress: Option<String>,
    /// True: anyone can call it, no IAM check.
    #[serde(default)]
    pub invoker_iam_disabled: Option<bool>,
    #[serde(default)]
    pub build_config: Option<RunBuildConfig>,
    #[serde(default)]
    pub template: Option<RunTemplate>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunBuildConfig {
    #[serde(default)]
    pub function_target: Option<String>,
    #[serde(default)]
    pub source_location: Option<String>,
    #[serde(default)]
    pub base_image: Option<String>,
    /// `projects/P/serviceAccounts/EMAIL`.
    #[serde(default)]
    pub service_account: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunTemplate {
    #[serde(default)]
    pub service_account: Option<String>,
    #[serde(default)]
    pub containers: Vec<RunContainer>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RunContainer {
    #[serde(default)]
    pub image: Option<String>,
    /// `[{name, value | valueSource}]`: values dropped here, names kept.
    #[serde(default)]
    pub env: Vec<RunEnv>,
}

/// One container environment variable: its value is read only to decide whether it looks like a
/// secret, then dropped.
#[derive(Debug, Default)]
pub struct RunEnv {
    pub name: String,
    pub secret_like: bool,
}

impl<'de> Deserialize<'de> for RunEnv {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            name: String,
            #[serde(default)]
            value: Option<String>,
        }
        let raw = Raw::deserialize(d)?;
        let secret_like = raw
            .value
            .as_deref()
            .is_some_and(|v| crate::secrets::looks_like_secret(&raw.name, v));
        Ok(RunEnv {
            name: raw.name,
            secret_like,
        })
    }
}

/// A Cloud Run v1 (Knative) `Service`, as `gcloud run services list --format=json` prints it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KnativeService {
    pub metadata: KnativeMeta,
    #[serde(default)]
    pub spec: Option<KnativeSpec>,
    #[serde(default)]
    pub status: Option<KnativeStatus>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KnativeMeta {
    pub name: String,
    #[serde(default)]
    pub namespace: Option<String>,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
    #[serde(default)]
    pub creation_timestamp: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct KnativeSpec {
    #[serde(default)]
    pub template: Option<KnativeTemplate>,
}

#[derive(Debug, Default, Deserialize)]
pub struct KnativeTemplate {
    #[serde(default)]
    pub spec: Option<KnativeTemplateSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KnativeTemplateSpec {
    #[serde(default)]
    pub service_account_name: Option<String>,
    #[serde(default)]
    pub containers: Vec<RunContainer>,
}

#[derive(Debug, Default, Deserialize)]
pub struct KnativeStatus {
    #[serde(default)]
    pub url: Option<String>,
}

impl RunService {
    /// The v2 view of a v1 service. `project` names it (the v1 namespace is the project number).
    pub fn from_knative(k: KnativeService, project: &str) -> RunService {
        let a = &k.metadata.annotations;
        let get = |key: &str| a.get(key).cloned();
        let location = k
            .metadata
            .labels
            .get("cloud.googleapis.com/location")
            .cloned()
            .unwrap_or_else(|| "-".into());
        let ingress = get("run.googleapis.com/ingress").map(|i| match i.as_str() {
            "all" => "INGRESS_TRAFFIC_ALL".to_string(),
            "internal" => "INGRESS_TRAFFIC_INTERNAL_ONLY".to_string(),
            "internal-and-cloud-load-balancing" => {
                "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER".to_string()
            }
            "none" => "INGRESS_TRAFFIC_NONE".to_string(),
            other => other.to_string(),
        });
        let function_target = get("run.googleapis.com/build-function-target");
        let build_config = function_target.is_some().then(|| RunBuildConfig {
            function_target,
            source_location: get("run.googleapis.com/build-source-location"),
            base_image: get("run.googleapis.com/build-base-image"),
            service_account: get("run.googleapis.com/build-service-account"),
        });
        let tspec = k.spec.and_then(|s| s.template).and_then(|t| t.spec);
        let (service_account, containers) = match tspec {
            Some(s) => (s.service_account_name, s.containers),
            None => (None, Vec::new()),
        };
        RunService {
            name: format!(
                "projects/{project}/locations/{location}/services/{}",
                k.metadata.name
            ),
            uri: k.status.and_then(|s| s.url),
            creator: get("serving.knative.dev/creator"),
            last_modifier: get("serving.knative.dev/lastModifier"),
            create_time: k.metadata.creation_timestamp,
            update_time: None,
            ingress,
            invoker_iam_disabled: get("run.googleapis.com/invoker-iam-disabled")
                .map(|v| v == "true"),
            build_config,
            template: Some(RunTemplate {
                service_account,
                containers,
            }),
            labels: k.metadata.labels,
        }
    }
}

/// A Cloud Run v2 `Job`: a container that runs to completion as its task template's service
/// account when someone (or a schedule) runs it. gcloud's `run jobs list --format=json` prints the v1
/// shape instead; [`RunJob::from_knative`] reads that.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunJob {
    pub name: String,
    #[serde(default)]
    pub creator: Option<String>,
    #[serde(default)]
    pub last_modifier: Option<String>,
    #[serde(default)]
    pub create_time: Option<String>,
    #[serde(default)]
    pub update_time: Option<String>,
    /// The execution template; its `template` is the task template (service account, containers).
    #[serde(default)]
    pub template: Option<RunExecutionTemplate>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RunExecutionTemplate {
    #[serde(default)]
    pub template: Option<RunTemplate>,
}

/// A Cloud Run v1 (Knative) `Job`, as `gcloud run jobs list --format=json` prints it:
/// `spec.template` (execution) `.spec.template` (task) `.spec` holds the account and containers.
#[derive(Debug, Default, Deserialize)]
pub struct KnativeJob {
    pub metadata: KnativeMeta,
    #[serde(default)]
    pub spec: Option<KnativeJobSpec>,
}

#[derive(Debug, Default, Deserialize)]
pub struct KnativeJobSpec {
    #[serde(default)]
    pub template: Option<KnativeExecution>,
}

#[derive(Debug, Default, Deserialize)]
pub struct KnativeExecution {
    #[serde(default)]
    pub spec: Option<KnativeExecutionSpec>,
}

#[derive(Debug, Default, Deserialize)]
pub struct KnativeExecutionSpec {
    #[serde(default)]
    pub template: Option<KnativeTemplate>,
}

impl RunJob {
    /// The v2 view of a v1 job. `project` names it (the v1 namespace is the project number).
    pub fn from_knative(k: KnativeJob, project: &str) -> RunJob {
        let a = &k.metadata.annotations;
        let location = k
            .metadata
            .labels
            .get("cloud.googleapis.com/location")
            .cloned()
            .unwrap_or_else(|| "-".into());
        let task = k
            .spec
            .and_then(|s| s.template)
            .and_then(|e| e.spec)
            .and_then(|e| e.template)
            .and_then(|t| t.spec);
        let (service_account, containers) = match task {
            Some(s) => (s.service_account_name, s.containers),
            None => (None, Vec::new()),
        };
        RunJob {
            name: format!(
                "projects/{project}/locations/{location}/jobs/{}",
                k.metadata.name
            ),
            creator: a.get("run.googleapis.com/creator").cloned(),
            last_modifier: a.get("run.googleapis.com/lastModifier").cloned(),
            create_time: k.metadata.creation_timestamp,
            update_time: None,
            template: Some(RunExecutionTemplate {
                template: Some(RunTemplate {
                    service_account,
                    containers,
                }),
            }),
        }
    }
}

/// A Cloud Run v2 `Location` (`locationId`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    #[serde(default)]
    pub location_id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
}

/// A Policy Analyzer activity (`serviceAccountLastAuthentication`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    #[serde(default)]
    pub full_resource_name: Option<String>,
    #[serde(default)]
    pub observation_period: Option<ObservationPeriod>,
    #[serde(default)]
    pub activity: Option<serde_json::Value>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservationPeriod {
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
}

impl Activity {
    /// The service account's email (the last segment of the full resource name).
    pub fn email(&self) -> Option<&str> {
        self.full_resource_name
            .as_deref()
            .and_then(|n| n.rsplit("/serviceAccounts/").next())
            .filter(|e| e.contains('@'))
    }

    pub fn last_authenticated(&self) -> Option<&str> {
        self.activity
            .as_ref()?
            .get("lastAuthenticatedTime")?
            .as_str()
    }
}
