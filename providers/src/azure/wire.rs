//! Azure Resource Manager and Microsoft Graph shapes. ARM nests most fields under `properties`; the
//! Azure CLI prints the same objects with `properties` flattened into the top level. [`flatten`] turns
//! either into the flat form these structs read, so one set of types serves the REST API and `az`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// Merges `properties` into the object (its fields win; `id`, `name`, `kind`, `identity` stay).
pub fn flatten(mut v: Value) -> Value {
    if let Some(obj) = v.as_object_mut()
        && let Some(Value::Object(props)) = obj.remove("properties")
    {
        for (k, val) in props {
            obj.insert(k, val);
        }
    }
    v
}

/// The last path segment of an ARM id, lower-cased (role definition ids end in the role's GUID).
pub fn last_segment(id: &str) -> String {
    id.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(id)
        .to_ascii_lowercase()
}

/// The resource group named in an ARM id.
pub fn resource_group(id: &str) -> Option<String> {
    let parts: Vec<&str> = id.split('/').collect();
    parts
        .iter()
        .position(|p| p.eq_ignore_ascii_case("resourceGroups"))
        .and_then(|i| parts.get(i + 1))
        .map(|s| s.to_string())
}

/// A managed-service identity block (sites, workflows, automation accounts).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub principal_id: Option<String>,
    #[serde(default)]
    pub tenant_id: Option<String>,
    #[serde(default)]
    pub user_assigned_identities: Option<BTreeMap<String, UserAssignedRef>>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserAssignedRef {
    #[serde(default)]
    pub principal_id: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
}

/// `Microsoft.Web/sites` (Function Apps, Logic Apps Standard, App Service).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Site {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub identity: Option<Identity>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub https_only: Option<bool>,
    #[serde(default)]
    pub public_network_access: Option<String>,
    #[serde(default)]
    pub last_modified_time_utc: Option<String>,
    #[serde(default)]
    pub default_host_name: Option<String>,
}

/// `Microsoft.Web/sites/functions` (`FunctionEnvelope`).
#[derive(Debug, Default, Deserialize)]
pub struct FunctionEnvelope {
    pub name: String,
    #[serde(default)]
    pub config: Option<Value>,
    #[serde(default, rename = "isDisabled")]
    pub is_disabled: Option<bool>,
}

/// `Microsoft.Logic/workflows` (Consumption).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workflow {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub identity: Option<Identity>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub created_time: Option<String>,
    #[serde(default)]
    pub changed_time: Option<String>,
    #[serde(default)]
    pub definition: Option<Value>,
    /// `accessControl` (`FlowAccessControlConfiguration`): who may call the triggers.
    #[serde(default)]
    pub access_control: Option<Value>,
}

/// `Microsoft.Automation/automationAccounts`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AutomationAccount {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub identity: Option<Identity>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub creation_time: Option<String>,
    #[serde(default)]
    pub last_modified_time: Option<String>,
    #[serde(default)]
    pub last_modified_by: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Runbook {
    pub name: String,
    #[serde(default)]
    pub runbook_type: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Webhook {
    pub name: String,
    #[serde(default)]
    pub is_enabled: Option<bool>,
    #[serde(default)]
    pub runbook: Option<NameRef>,
}

#[derive(Debug, Default, Deserialize)]
pub struct NameRef {
    #[serde(default)]
    pub name: Option<String>,
}

/// A user-assigned identity (`az identity list`, `Microsoft.ManagedIdentity/userAssignedIdentities`).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserAssignedIdentity {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub principal_id: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleAssignment {
    #[serde(default)]
    pub id: Option<String>,
    pub scope: String,
    pub role_definition_id: String,
    pub principal_id: String,
    #[serde(default)]
    pub principal_type: Option<String>,
    /// `az role assignment list` only: a user's UPN, a group's display name, a service principal's
    /// first service principal name (its application id).
    #[serde(default)]
    pub principal_name: Option<String>,
    #[serde(default)]
    pub condition: Option<String>,
    #[serde(default)]
    pub created_on: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub not_actions: Vec<String>,
    #[serde(default)]
    pub data_actions: Vec<String>,
    #[serde(default)]
    pub not_data_actions: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleDefinition {
    /// The full id (`…/roleDefinitions/{guid}`); `name` is the GUID.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub role_name: Option<String>,
    #[serde(default)]
    pub permissions: Vec<Permission>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DenyAssignment {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub deny_assignment_name: Option<String>,
    pub scope: String,
    #[serde(default)]
    pub permissions: Vec<Permission>,
    #[serde(default)]
    pub principals: Vec<PrincipalRef>,
    #[serde(default)]
    pub exclude_principals: Vec<PrincipalRef>,
    #[serde(default)]
    pub does_not_apply_to_child_scopes: bool,
}

#[derive(Debug, Default, Clone, Deserialize, serde::Serialize)]
pub struct PrincipalRef {
    pub id: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

/// Microsoft Graph `appRoleAssignment`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRoleAssignment {
    pub app_role_id: String,
    pub principal_id: String,
    #[serde(default)]
    pub resource_id: Option<String>,
    #[serde(default)]
    pub resource_display_name: Option<String>,
    #[serde(default)]
    pub created_date_time: Option<String>,
    /// The managed identity's or application's display name.
    #[serde(default)]
    pub principal_display_name: Option<String>,
}

/// Microsoft Graph `unifiedRoleAssignment` (Entra directory roles).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryRoleAssignment {
    pub principal_id: String,
    pub role_definition_id: String,
    #[serde(default)]
    pub directory_scope_id: Option<String>,
}

/// An Activity Log `EventData`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEvent {
    #[serde(default)]
    pub caller: Option<String>,
    #[serde(default)]
    pub claims: BTreeMap<String, Value>,
    #[serde(default)]
    pub operation_name: Option<Localized>,
    #[serde(default)]
    pub status: Option<Localized>,
    #[serde(default)]
    pub event_timestamp: Option<String>,
    #[serde(default)]
    pub resource_id: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Localized {
    #[serde(default)]
    pub value: Option<String>,
}

impl ActivityEvent {
    /// The caller's object id (role assignments name principals by it), else the caller as logged.
    pub fn principal(&self) -> Option<String> {
        self.claims
            .get("http://schemas.microsoft.com/identity/claims/objectidentifier")
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase)
            .or_else(|| self.caller.clone())
    }
}
