//! The shapes of the AWS API responses fnscope reads, named as the API (and so the AWS CLI's JSON output)
//! names them. The offline importer parses CLI exports straight into these; the live collector converts
//! SDK types into them. Everything after this point ([`super::build`]) is shared, so a live scan and an
//! offline import of the same account produce the same snapshot.
//!
//! Environment variable values never reach these structs: [`EnvVars`] keeps names and a secret-looking
//! verdict only.

use serde::Deserialize;
use serde_json::Value;

/// `lambda:ListFunctions` page.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListFunctions {
    #[serde(default)]
    pub functions: Vec<FunctionConfiguration>,
    #[serde(default)]
    pub next_marker: Option<String>,
}

/// One function as `ListFunctions` describes it.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionConfiguration {
    pub function_name: String,
    pub function_arn: String,
    #[serde(default)]
    pub runtime: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub handler: Option<String>,
    #[serde(default)]
    pub code_sha256: Option<String>,
    #[serde(default)]
    pub last_modified: Option<String>,
    #[serde(default)]
    pub environment: Option<FunctionEnvironment>,
    #[serde(default)]
    pub architectures: Vec<String>,
    #[serde(default)]
    pub layers: Vec<Layer>,
    #[serde(default)]
    pub package_type: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(rename = "KMSKeyArn", default)]
    pub kms_key_arn: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionEnvironment {
    #[serde(default)]
    pub variables: EnvVars,
}

pub use crate::secrets::EnvVars;

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Layer {
    pub arn: String,
}

/// `lambda:GetPolicy`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetPolicy {
    /// The policy document as a JSON string.
    pub policy: String,
}

/// `lambda:GetFunctionUrlConfig`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionUrlConfig {
    pub function_url: String,
    pub auth_type: String,
}

/// `lambda:ListEventSourceMappings` page.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListEventSourceMappings {
    #[serde(default)]
    pub event_source_mappings: Vec<EventSourceMapping>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EventSourceMapping {
    #[serde(rename = "UUID")]
    pub uuid: String,
    #[serde(default)]
    pub event_source_arn: Option<String>,
    #[serde(default)]
    pub function_arn: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
}

/// `lambda:ListCodeSigningConfigs` page.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCodeSigningConfigs {
    #[serde(default)]
    pub code_signing_configs: Vec<CodeSigningConfig>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeSigningConfig {
    pub code_signing_config_arn: String,
    #[serde(default)]
    pub code_signing_policies: Option<CodeSigningPolicies>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CodeSigningPolicies {
    #[serde(default)]
    pub untrusted_artifact_on_deployment: Option<String>,
}

/// `lambda:ListFunctionsByCodeSigningConfig`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListFunctionsByCodeSigningConfig {
    #[serde(default)]
    pub function_arns: Vec<String>,
}

/// `events:ListEventBuses`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListEventBuses {
    #[serde(default)]
    pub event_buses: Vec<EventBus>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EventBus {
    pub name: String,
}

/// `events:ListRules`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListRules {
    #[serde(default)]
    pub rules: Vec<Rule>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Rule {
    pub name: String,
    pub arn: String,
    #[serde(default)]
    pub event_pattern: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub schedule_expression: Option<String>,
    #[serde(default)]
    pub event_bus_name: Option<String>,
    #[serde(default)]
    pub managed_by: Option<String>,
}

/// `events:ListTargetsByRule`. Target `Input` is deliberately not read: it can carry secrets.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListTargetsByRule {
    #[serde(default)]
    pub targets: Vec<RuleTarget>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RuleTarget {
    pub id: String,
    pub arn: String,
    #[serde(default)]
    pub role_arn: Option<String>,
}

/// `iam:GetAccountAuthorizationDetails` (one page, or all pages merged).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthorizationDetails {
    #[serde(default)]
    pub user_detail_list: Vec<UserDetail>,
    #[serde(default)]
    pub group_detail_list: Vec<GroupDetail>,
    #[serde(default)]
    pub role_detail_list: Vec<RoleDetail>,
    #[serde(default)]
    pub policies: Vec<ManagedPolicyDetail>,
    #[serde(default)]
    pub is_truncated: bool,
    #[serde(default)]
    pub marker: Option<String>,
}

impl AuthorizationDetails {
    /// Appends another page.
    pub fn extend(&mut self, page: AuthorizationDetails) {
        self.user_detail_list.extend(page.user_detail_list);
        self.group_detail_list.extend(page.group_detail_list);
        self.role_detail_list.extend(page.role_detail_list);
        self.policies.extend(page.policies);
        self.is_truncated = page.is_truncated;
        self.marker = page.marker;
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttachedPolicy {
    #[serde(default)]
    pub policy_name: Option<String>,
    pub policy_arn: String,
}

/// An inline policy; `PolicyDocument` is an object in CLI output and URL-encoded JSON from the API.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicyDetail {
    pub policy_name: String,
    pub policy_document: Value,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PermissionsBoundary {
    #[serde(default)]
    pub permissions_boundary_arn: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UserDetail {
    pub user_name: String,
    pub arn: String,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub user_id: Option<String>,
    #[serde(default)]
    pub create_date: Option<String>,
    #[serde(default)]
    pub group_list: Vec<String>,
    #[serde(default)]
    pub user_policy_list: Vec<PolicyDetail>,
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
    #[serde(default)]
    pub permissions_boundary: Option<PermissionsBoundary>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupDetail {
    pub group_name: String,
    pub arn: String,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub group_id: Option<String>,
    #[serde(default)]
    pub create_date: Option<String>,
    #[serde(default)]
    pub group_policy_list: Vec<PolicyDetail>,
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RoleDetail {
    pub role_name: String,
    pub arn: String,
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default)]
    pub role_id: Option<String>,
    #[serde(default)]
    pub create_date: Option<String>,
    #[serde(default)]
    pub assume_role_policy_document: Option<Value>,
    #[serde(default)]
    pub role_policy_list: Vec<PolicyDetail>,
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
    #[serde(default)]
    pub permissions_boundary: Option<PermissionsBoundary>,
    #[serde(default)]
    pub role_last_used: Option<RoleLastUsed>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RoleLastUsed {
    #[serde(default)]
    pub last_used_date: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ManagedPolicyDetail {
    pub policy_name: String,
    pub arn: String,
    #[serde(default)]
    pub default_version_id: Option<String>,
    #[serde(default)]
    pub policy_version_list: Vec<PolicyVersion>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicyVersion {
    #[serde(default)]
    pub document: Option<Value>,
    #[serde(default)]
    pub version_id: Option<String>,
    #[serde(default)]
    pub is_default_version: bool,
}

/// `organizations:DescribePolicy`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribePolicy {
    pub policy: OrgPolicy,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OrgPolicy {
    pub policy_summary: OrgPolicySummary,
    pub content: String,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OrgPolicySummary {
    pub id: String,
    #[serde(default)]
    pub arn: Option<String>,
    pub name: String,
}

/// The SCPs that apply to an account, level by level from the root down to the account. This is
/// fnscope's own file (no single CLI call returns it); see the README's offline layout.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ScpChain {
    #[serde(default)]
    pub organization_id: Option<String>,
    pub levels: Vec<ScpLevel>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ScpLevel {
    /// `r-…`, `ou-…` or the account id.
    pub target_id: String,
    pub policies: Vec<OrgPolicy>,
}

/// `iam:GetServiceLastAccessedDetails` (ACTION_LEVEL).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ServiceLastAccessed {
    #[serde(default)]
    pub job_status: Option<String>,
    #[serde(default)]
    pub job_completion_date: Option<String>,
    #[serde(default)]
    pub services_last_accessed: Vec<ServiceAccess>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ServiceAccess {
    pub service_namespace: String,
    #[serde(default)]
    pub last_authenticated: Option<String>,
    #[serde(default)]
    pub tracked_actions_last_accessed: Vec<ActionAccess>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ActionAccess {
    pub action_name: String,
    #[serde(default)]
    pub last_accessed_time: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_values_are_dropped_while_parsing() {
        let json = r#"{"FunctionName":"f","FunctionArn":"arn:aws:lambda:us-east-1:1:function:f",
            "Environment":{"Variables":{"DB_PASSWORD":"hunter2hunter2","LOG_LEVEL":"debug"}}}"#;
        let f: FunctionConfiguration = serde_json::from_str(json).unwrap();
        let env = f.environment.unwrap().variables;
        assert_eq!(env.names, vec!["DB_PASSWORD", "LOG_LEVEL"]);
        assert_eq!(env.secret_like, vec!["DB_PASSWORD"]);
        assert!(!format!("{env:?}").contains("hunter2"));
    }
}
