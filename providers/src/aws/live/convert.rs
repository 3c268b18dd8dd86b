//! SDK type → wire struct conversions.

use aws_smithy_types::DateTime;
use aws_smithy_types::date_time::Format;
use serde_json::Value;

use super::super::wire;

pub fn time(t: &DateTime) -> Option<String> {
    t.fmt(Format::DateTime).ok()
}

pub fn function(
    f: &aws_sdk_lambda::types::FunctionConfiguration,
) -> Option<wire::FunctionConfiguration> {
    Some(wire::FunctionConfiguration {
        function_name: f.function_name()?.to_string(),
        function_arn: f.function_arn()?.to_string(),
        runtime: f.runtime().map(|r| r.as_str().to_string()),
        role: f.role().map(str::to_string),
        handler: f.handler().map(str::to_string),
        code_sha256: f.code_sha256().map(str::to_string),
        last_modified: f.last_modified().map(str::to_string),
        environment: f.environment().map(|e| wire::FunctionEnvironment {
            // Values are looked at once for the secret verdict and dropped here.
            variables: wire::EnvVars::from_pairs(
                e.variables()
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.as_str(), v.as_str())),
            ),
        }),
        architectures: f
            .architectures()
            .iter()
            .map(|a| a.as_str().to_string())
            .collect(),
        layers: f
            .layers()
            .iter()
            .filter_map(|l| l.arn().map(|a| wire::Layer { arn: a.to_string() }))
            .collect(),
        package_type: f.package_type().map(|p| p.as_str().to_string()),
        state: f.state().map(|s| s.as_str().to_string()),
        kms_key_arn: f.kms_key_arn().map(str::to_string),
    })
}

pub fn event_source_mapping(
    m: &aws_sdk_lambda::types::EventSourceMappingConfiguration,
) -> wire::EventSourceMapping {
    wire::EventSourceMapping {
        uuid: m.uuid().unwrap_or_default().to_string(),
        event_source_arn: m.event_source_arn().map(str::to_string),
        function_arn: m.function_arn().map(str::to_string),
        state: m.state().map(str::to_string),
    }
}

pub fn rule(r: &aws_sdk_eventbridge::types::Rule, bus: &str) -> wire::Rule {
    wire::Rule {
        name: r.name().unwrap_or_default().to_string(),
        arn: r.arn().unwrap_or_default().to_string(),
        event_pattern: r.event_pattern().map(str::to_string),
        state: r.state().map(|s| s.as_str().to_string()),
        schedule_expression: r.schedule_expression().map(str::to_string),
        event_bus_name: Some(r.event_bus_name().unwrap_or(bus).to_string()),
        managed_by: r.managed_by().map(str::to_string),
    }
}

pub fn service_access(s: &aws_sdk_iam::types::ServiceLastAccessed) -> wire::ServiceAccess {
    wire::ServiceAccess {
        service_namespace: s.service_namespace().to_string(),
        last_authenticated: s.last_authenticated().and_then(time),
        tracked_actions_last_accessed: s
            .tracked_actions_last_accessed()
            .iter()
            .map(|a| wire::ActionAccess {
                action_name: a.action_name().unwrap_or_default().to_string(),
                last_accessed_time: a.last_accessed_time().and_then(time),
            })
            .collect(),
    }
}

fn doc(d: Option<&str>) -> Value {
    Value::String(d.unwrap_or_default().to_string())
}

fn attached(list: &[aws_sdk_iam::types::AttachedPolicy]) -> Vec<wire::AttachedPolicy> {
    list.iter()
        .filter_map(|a| {
            Some(wire::AttachedPolicy {
                policy_name: a.policy_name().map(str::to_string),
                policy_arn: a.policy_arn()?.to_string(),
            })
        })
        .collect()
}

fn inline(list: &[aws_sdk_iam::types::PolicyDetail]) -> Vec<wire::PolicyDetail> {
    list.iter()
        .map(|p| wire::PolicyDetail {
            policy_name: p.policy_name().unwrap_or_default().to_string(),
            policy_document: doc(p.policy_document()),
        })
        .collect()
}

fn boundary(
    b: Option<&aws_sdk_iam::types::AttachedPermissionsBoundary>,
) -> Option<wire::PermissionsBoundary> {
    b.map(|b| wire::PermissionsBoundary {
        permissions_boundary_arn: b.permissions_boundary_arn().map(str::to_string),
    })
}

pub fn auth_details(
    p: &aws_sdk_iam::operation::get_account_authorization_details::GetAccountAuthorizationDetailsOutput,
) -> wire::AuthorizationDetails {
    wire::AuthorizationDetails {
        user_detail_list: p
            .user_detail_list()
            .iter()
            .filter_map(|u| {
                Some(wire::UserDetail {
                    user_name: u.user_name()?.to_string(),
                    arn: u.arn()?.to_string(),
                    path: u.path().map(str::to_string),
                    user_id: u.user_id().map(str::to_string),
                    create_date: u.create_date().and_then(time),
                    group_list: u.group_list().to_vec(),
                    user_policy_list: inline(u.user_policy_list()),
                    attached_managed_policies: attached(u.attached_managed_policies()),
                    permissions_boundary: boundary(u.permissions_boundary()),
                })
            })
            .collect(),
        group_detail_list: p
            .group_detail_list()
            .iter()
            .filter_map(|g| {
                Some(wire::GroupDetail {
                    group_name: g.group_name()?.to_string(),
                    arn: g.arn()?.to_string(),
                    path: g.path().map(str::to_string),
                    group_id: g.group_id().map(str::to_string),
                    create_date: g.create_date().and_then(time),
                    group_policy_list: inline(g.group_policy_list()),
                    attached_managed_policies: attached(g.attached_managed_policies()),
                })
            })
            .collect(),
        role_detail_list: p
            .role_detail_list()
            .iter()
            .filter_map(|r| {
                Some(wire::RoleDetail {
                    role_name: r.role_name()?.to_string(),
                    arn: r.arn()?.to_string(),
                    path: r.path().map(str::to_string),
                    role_id: r.role_id().map(str::to_string),
                    create_date: r.create_date().and_then(time),
                    assume_role_policy_document: r
                        .assume_role_policy_document()
                        .map(|d| Value::String(d.to_string())),
                    role_policy_list: inline(r.role_policy_list()),
                    attached_managed_policies: attached(r.attached_managed_policies()),
                    permissions_boundary: boundary(r.permissions_boundary()),
                    role_last_used: r.role_last_used().map(|u| wire::RoleLastUsed {
                        last_used_date: u.last_used_date().and_then(time),
                    }),
                })
            })
            .collect(),
        policies: p
            .policies()
            .iter()
            .filter_map(|m| {
                Some(wire::ManagedPolicyDetail {
                    policy_name: m.policy_name()?.to_string(),
                    arn: m.arn()?.to_string(),
                    default_version_id: m.default_version_id().map(str::to_string),
                    policy_version_list: m
                        .policy_version_list()
                        .iter()
                        .map(|v| wire::PolicyVersion {
                            document: v.document().map(|d| Value::String(d.to_string())),
                            version_id: v.version_id().map(str::to_string),
                            is_default_version: v.is_default_version(),
                        })
                        .collect(),
                })
            })
            .collect(),
        is_truncated: p.is_truncated(),
        marker: p.marker().map(str::to_string),
    }
}
