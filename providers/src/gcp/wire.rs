//! Google Cloud API shapes as the discovery documents name them (camelCase), which is also what
//! `gcloud … --format=json` prints. Environment variable values never reach these structs.

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
