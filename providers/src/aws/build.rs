//! Turns what was read from one AWS account (live or offline, as [`wire`] structs) into snapshot records.
//! This is the one place that decides how AWS data is modelled.

use std::collections::{BTreeMap, BTreeSet};

use fnscope_snapshot::{
    AwsIamDetails, Binding, CodeSigning, Coverage, CoverageStatus, EventBridgeRule,
    EventSourceMapping as EsmModel, Exposure, FunctionUrl, Identity, IdentityDetails, InlinePolicy,
    LambdaDetails, PolicyRecord, Provider, RuleTarget as RuleTargetModel, Snapshot, Target,
    Trigger, TriggerDetails, Usage, Workload, WorkloadDetails,
};
use serde_json::Value;

use super::wire;

/// The result of one read: found, known to be absent (e.g. a function without a resource policy), or
/// not read (denied, failed, not exported) — the last is never mistaken for "absent".
#[derive(Debug, Clone)]
pub enum Fetched<T> {
    Found(T),
    Absent,
    NotRead,
}

/// Everything read in one region.
#[derive(Debug, Default)]
pub struct RegionData {
    pub region: String,
    pub functions: Vec<wire::FunctionConfiguration>,
    /// Keyed by function ARN.
    pub policies: BTreeMap<String, Fetched<wire::GetPolicy>>,
    /// Keyed by function ARN.
    pub urls: BTreeMap<String, Fetched<wire::FunctionUrlConfig>>,
    pub event_source_mappings: Vec<wire::EventSourceMapping>,
    /// Function ARN → its code-signing config; `None` when code-signing configs were not read.
    pub code_signing: Option<BTreeMap<String, wire::CodeSigningConfig>>,
    /// Each rule with its targets (`None` when the targets could not be read).
    pub rules: Vec<(wire::Rule, Option<Vec<wire::RuleTarget>>)>,
}

/// Everything read in one account.
#[derive(Debug, Default)]
pub struct AccountData {
    pub account_id: String,
    pub regions: Vec<RegionData>,
    pub iam: Option<wire::AuthorizationDetails>,
    pub scps: Option<wire::ScpChain>,
    /// Principal ARN → its last-accessed report.
    pub last_accessed: Vec<(String, wire::ServiceLastAccessed)>,
    pub coverage: Vec<Coverage>,
}

/// Service namespaces whose last-accessed data is kept (what the usage rules read).
pub const USAGE_NAMESPACES: &[&str] = &["lambda"];

/// Adds one account's records to `snap`.
pub fn add_account(snap: &mut Snapshot, data: AccountData) {
    let account = data.account_id.clone();
    let mut coverage = data.coverage;
    snap.targets.push(Target {
        provider: Provider::Aws,
        id: account.clone(),
        name: None,
        regions: data.regions.iter().map(|r| r.region.clone()).collect(),
        organization: data.scps.as_ref().and_then(|s| s.organization_id.clone()),
        ancestors: Vec::new(),
    });
    if let Some(iam) = &data.iam {
        add_iam(snap, &account, iam, &mut coverage);
    }
    if let Some(scps) = &data.scps {
        add_scps(snap, &account, scps, &mut coverage);
    }
    add_last_accessed(snap, &data.last_accessed);
    for region in &data.regions {
        add_region(snap, &account, region, &mut coverage);
    }
    snap.coverage.extend(coverage);
}

/// Puts an AWS timestamp into one form (RFC 3339, UTC, seconds) whichever way the API or the CLI wrote
/// it (`2024-05-02T10:11:12.345+0000`, `2024-05-02T10:11:12+00:00`, `2024-05-02T10:11:12Z`).
pub fn norm_time(s: &str) -> String {
    use chrono::{DateTime, SecondsFormat, Utc};
    let parsed = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z"));
    match parsed {
        Ok(t) => t
            .with_timezone(&Utc)
            .to_rfc3339_opts(SecondsFormat::Secs, true),
        Err(_) => s.to_string(),
    }
}

fn norm_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(norm_time)
}

/// Decodes a policy document as the API or the CLI gives it: an object (CLI), a JSON string, or a
/// URL-encoded JSON string (the API).
pub fn decode_document(doc: &Value) -> Result<Value, String> {
    match doc {
        Value::Object(_) => Ok(doc.clone()),
        Value::String(s) => {
            let trimmed = s.trim_start();
            if trimmed.starts_with('{') {
                return serde_json::from_str(s).map_err(|e| format!("not valid JSON: {e}"));
            }
            let decoded = percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .map_err(|e| format!("not valid URL-encoded UTF-8: {e}"))?;
            serde_json::from_str(&decoded).map_err(|e| format!("not valid JSON: {e}"))
        }
        other => Err(format!(
            "expected an object or a string, found {}",
            json_kind(other)
        )),
    }
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Decodes a document; on failure keeps the raw value (the evaluator reports it as unreadable) and
/// records a `partial` coverage record naming the document.
fn decode_or_record(
    doc: &Value,
    what: &str,
    account: &str,
    api: &str,
    coverage: &mut Vec<Coverage>,
) -> Value {
    match decode_document(doc) {
        Ok(v) => v,
        Err(e) => {
            coverage.push(Coverage {
                provider: Provider::Aws,
                target: account.to_string(),
                region: None,
                api: api.to_string(),
                status: CoverageStatus::Partial,
                detail: format!("{what}: policy document {e}; it is kept raw and not evaluated"),
            });
            Value::String(match doc {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        }
    }
}

const IAM_API: &str = "iam:GetAccountAuthorizationDetails";

fn add_iam(
    snap: &mut Snapshot,
    account: &str,
    iam: &wire::AuthorizationDetails,
    coverage: &mut Vec<Coverage>,
) {
    let mut used_policies: BTreeSet<&str> = BTreeSet::new();
    add_roles(snap, account, iam, &mut used_policies, coverage);
    add_users(snap, account, iam, &mut used_policies, coverage);
    add_groups(snap, account, iam, &mut used_policies, coverage);
    add_managed_policies(snap, account, iam, &used_policies, coverage);
}

/// The inline policies of `owner`, each document decoded (or a record saying why not).
fn inline_policies(
    account: &str,
    list: &[wire::PolicyDetail],
    owner: &str,
    coverage: &mut Vec<Coverage>,
) -> Vec<InlinePolicy> {
    list.iter()
        .map(|p| InlinePolicy {
            name: p.policy_name.clone(),
            document: decode_or_record(
                &p.policy_document,
                &format!("inline policy `{}` of `{owner}`", p.policy_name),
                account,
                IAM_API,
                coverage,
            ),
        })
        .collect()
}

/// Roles: trust policy, inline and attached policies, boundary, last use.
fn add_roles<'i>(
    snap: &mut Snapshot,
    account: &str,
    iam: &'i wire::AuthorizationDetails,
    used_policies: &mut BTreeSet<&'i str>,
    coverage: &mut Vec<Coverage>,
) {
    for r in &iam.role_detail_list {
        let trust = r.assume_role_policy_document.as_ref().map(|d| {
            decode_or_record(
                d,
                &format!("trust policy of `{}`", r.arn),
                account,
                IAM_API,
                coverage,
            )
        });
        let attached: Vec<String> = r
            .attached_managed_policies
            .iter()
            .map(|a| a.policy_arn.clone())
            .collect();
        let boundary = r
            .permissions_boundary
            .as_ref()
            .and_then(|b| b.permissions_boundary_arn.clone());
        used_policies.extend(
            r.attached_managed_policies
                .iter()
                .map(|a| a.policy_arn.as_str()),
        );
        if let Some(b) = r
            .permissions_boundary
            .as_ref()
            .and_then(|b| b.permissions_boundary_arn.as_deref())
        {
            used_policies.insert(b);
        }
        snap.identities.push(Identity {
            id: r.arn.clone(),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_IAM_ROLE,
            name: r.role_name.clone(),
            target: account.to_string(),
            created: norm_opt(&r.create_date),
            details: IdentityDetails::AwsIam(Box::new(AwsIamDetails {
                path: r.path.clone().unwrap_or_else(|| "/".into()),
                unique_id: r.role_id.clone(),
                trust_policy: trust,
                inline_policies: inline_policies(account, &r.role_policy_list, &r.arn, coverage),
                attached_policies: attached,
                permissions_boundary: boundary,
                groups: Vec::new(),
                last_used: r
                    .role_last_used
                    .as_ref()
                    .and_then(|u| norm_opt(&u.last_used_date)),
            })),
        });
    }
}

/// Users: inline and attached policies, groups, boundary, keys and password use.
fn add_users<'i>(
    snap: &mut Snapshot,
    account: &str,
    iam: &'i wire::AuthorizationDetails,
    used_policies: &mut BTreeSet<&'i str>,
    coverage: &mut Vec<Coverage>,
) {
    let group_arns: BTreeMap<&str, &str> = iam
        .group_detail_list
        .iter()
        .map(|g| (g.group_name.as_str(), g.arn.as_str()))
        .collect();
    for u in &iam.user_detail_list {
        used_policies.extend(
            u.attached_managed_policies
                .iter()
                .map(|a| a.policy_arn.as_str()),
        );
        if let Some(b) = u
            .permissions_boundary
            .as_ref()
            .and_then(|b| b.permissions_boundary_arn.as_deref())
        {
            used_policies.insert(b);
        }
        let mut groups = Vec::new();
        for g in &u.group_list {
            match group_arns.get(g.as_str()) {
                Some(arn) => groups.push((*arn).to_string()),
                None => coverage.push(Coverage {
                    provider: Provider::Aws,
                    target: account.to_string(),
                    region: None,
                    api: IAM_API.into(),
                    status: CoverageStatus::Partial,
                    detail: format!(
                        "user `{}` is in group `{g}` whose details were not returned",
                        u.arn
                    ),
                }),
            }
        }
        snap.identities.push(Identity {
            id: u.arn.clone(),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_IAM_USER,
            name: u.user_name.clone(),
            target: account.to_string(),
            created: norm_opt(&u.create_date),
            details: IdentityDetails::AwsIam(Box::new(AwsIamDetails {
                path: u.path.clone().unwrap_or_else(|| "/".into()),
                unique_id: u.user_id.clone(),
                trust_policy: None,
                inline_policies: inline_policies(account, &u.user_policy_list, &u.arn, coverage),
                attached_policies: u
                    .attached_managed_policies
                    .iter()
                    .map(|a| a.policy_arn.clone())
                    .collect(),
                permissions_boundary: u
                    .permissions_boundary
                    .as_ref()
                    .and_then(|b| b.permissions_boundary_arn.clone()),
                groups,
                last_used: None,
            })),
        });
    }
}

/// Groups: inline and attached policies.
fn add_groups<'i>(
    snap: &mut Snapshot,
    account: &str,
    iam: &'i wire::AuthorizationDetails,
    used_policies: &mut BTreeSet<&'i str>,
    coverage: &mut Vec<Coverage>,
) {
    for g in &iam.group_detail_list {
        used_policies.extend(
            g.attached_managed_policies
                .iter()
                .map(|a| a.policy_arn.as_str()),
        );
        snap.identities.push(Identity {
            id: g.arn.clone(),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_IAM_GROUP,
            name: g.group_name.clone(),
            target: account.to_string(),
            created: norm_opt(&g.create_date),
            details: IdentityDetails::AwsIam(Box::new(AwsIamDetails {
                path: g.path.clone().unwrap_or_else(|| "/".into()),
                unique_id: g.group_id.clone(),
                trust_policy: None,
                inline_policies: inline_policies(account, &g.group_policy_list, &g.arn, coverage),
                attached_policies: g
                    .attached_managed_policies
                    .iter()
                    .map(|a| a.policy_arn.clone())
                    .collect(),
                permissions_boundary: None,
                groups: Vec::new(),
                last_used: None,
            })),
        });
    }
}

/// The managed policies some principal uses, with their default version; a record for each attached
/// policy whose document was not returned.
fn add_managed_policies(
    snap: &mut Snapshot,
    account: &str,
    iam: &wire::AuthorizationDetails,
    used_policies: &BTreeSet<&str>,
    coverage: &mut Vec<Coverage>,
) {
    let mut seen = BTreeSet::new();
    for p in &iam.policies {
        if !used_policies.contains(p.arn.as_str()) || !seen.insert(p.arn.as_str()) {
            continue;
        }
        let default = p
            .policy_version_list
            .iter()
            .find(|v| v.is_default_version)
            .or_else(|| {
                p.policy_version_list
                    .iter()
                    .find(|v| v.version_id.is_some() && v.version_id == p.default_version_id)
            });
        let document = match default.and_then(|v| v.document.as_ref()) {
            Some(doc) => decode_or_record(
                doc,
                &format!("managed policy `{}`", p.arn),
                account,
                IAM_API,
                coverage,
            ),
            None => {
                coverage.push(Coverage {
                    provider: Provider::Aws,
                    target: account.to_string(),
                    region: None,
                    api: IAM_API.into(),
                    status: CoverageStatus::Partial,
                    detail: format!(
                        "managed policy `{}` came without its default version's document",
                        p.arn
                    ),
                });
                Value::Null
            }
        };
        let owner = if p.arn.starts_with("arn:aws:iam::aws:") || p.arn.contains(":iam::aws:policy")
        {
            "aws".to_string()
        } else {
            account.to_string()
        };
        snap.policies.push(PolicyRecord {
            id: p.arn.clone(),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_MANAGED_POLICY,
            name: p.policy_name.clone(),
            target: owner,
            document,
            version: default.and_then(|v| v.version_id.clone()),
        });
    }
    // An attached policy that GetAccountAuthorizationDetails did not describe cannot be evaluated.
    for arn in used_policies.difference(&seen) {
        coverage.push(Coverage {
            provider: Provider::Aws,
            target: account.to_string(),
            region: None,
            api: IAM_API.into(),
            status: CoverageStatus::Partial,
            detail: format!("managed policy `{arn}` is attached but its document was not returned"),
        });
    }
}

fn add_scps(
    snap: &mut Snapshot,
    account: &str,
    chain: &wire::ScpChain,
    coverage: &mut Vec<Coverage>,
) {
    for (depth, level) in chain.levels.iter().enumerate() {
        for p in &level.policies {
            let id = p
                .policy_summary
                .arn
                .clone()
                .unwrap_or_else(|| p.policy_summary.id.clone());
            let document = decode_or_record(
                &Value::String(p.content.clone()),
                &format!("SCP `{id}`"),
                account,
                "organizations:DescribePolicy",
                coverage,
            );
            snap.policies.push(PolicyRecord {
                id: id.clone(),
                provider: Provider::Aws,
                kind: fnscope_snapshot::kinds::AWS_SCP,
                name: p.policy_summary.name.clone(),
                target: chain
                    .organization_id
                    .clone()
                    .unwrap_or_else(|| account.to_string()),
                document,
                version: None,
            });
            snap.bindings.push(Binding {
                provider: Provider::Aws,
                scope: level.target_id.clone(),
                principal: account.to_string(),
                grant: id,
                kind: fnscope_snapshot::kinds::AWS_SCP_ATTACHMENT,
                order: Some(u32::try_from(depth).unwrap_or(u32::MAX)),
                condition: None,
                principal_type: None,
                created: None,
                principal_name: None,
            });
        }
    }
}

/// Adds last-accessed reports (principal ARN → report) as usage records.
pub fn add_last_accessed(snap: &mut Snapshot, reports: &[(String, wire::ServiceLastAccessed)]) {
    let as_of = snap
        .taken_at
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for (principal, report) in reports {
        add_usage(snap, principal, report, &as_of);
    }
}

fn add_usage(snap: &mut Snapshot, principal: &str, report: &wire::ServiceLastAccessed, now: &str) {
    let as_of = norm_opt(&report.job_completion_date).unwrap_or_else(|| now.to_string());
    for svc in &report.services_last_accessed {
        if !USAGE_NAMESPACES.contains(&svc.service_namespace.as_str()) {
            continue;
        }
        snap.usage.push(Usage {
            provider: Provider::Aws,
            principal: principal.to_string(),
            service: svc.service_namespace.clone(),
            action: None,
            last_used: norm_opt(&svc.last_authenticated),
            as_of: as_of.clone(),
            source: "iam:GetServiceLastAccessedDetails".into(),
        });
        for a in &svc.tracked_actions_last_accessed {
            snap.usage.push(Usage {
                provider: Provider::Aws,
                principal: principal.to_string(),
                service: svc.service_namespace.clone(),
                action: Some(a.action_name.clone()),
                last_used: norm_opt(&a.last_accessed_time),
                as_of: as_of.clone(),
                source: "iam:GetServiceLastAccessedDetails".into(),
            });
        }
    }
}

/// `arn:aws:lambda:r:a:function:name[:qualifier]` → the unqualified function ARN.
pub fn unqualified_function_arn(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.split(':').collect();
    if parts.len() >= 7 && parts[2] == "lambda" && parts[5] == "function" {
        Some(parts[..7].join(":"))
    } else {
        None
    }
}

fn add_region(
    snap: &mut Snapshot,
    account: &str,
    region: &RegionData,
    coverage: &mut Vec<Coverage>,
) {
    add_functions(snap, account, region, coverage);
    add_event_source_mappings(snap, account, region);
    add_rules(snap, account, region, coverage);
}

/// The region's functions with their resource policies, URLs and code signing.
fn add_functions(
    snap: &mut Snapshot,
    account: &str,
    region: &RegionData,
    coverage: &mut Vec<Coverage>,
) {
    for f in &region.functions {
        let (resource_policy, policy_read) = match region.policies.get(&f.function_arn) {
            Some(Fetched::Found(p)) => (
                Some(decode_or_record(
                    &Value::String(p.policy.clone()),
                    &format!("resource policy of `{}`", f.function_arn),
                    account,
                    "lambda:GetPolicy",
                    coverage,
                )),
                true,
            ),
            Some(Fetched::Absent) => (None, true),
            Some(Fetched::NotRead) | None => (None, false),
        };
        let (url, url_read) = match region.urls.get(&f.function_arn) {
            Some(Fetched::Found(u)) => (
                Some(FunctionUrl {
                    url: u.function_url.clone(),
                    auth_type: u.auth_type.clone(),
                }),
                true,
            ),
            Some(Fetched::Absent) => (None, true),
            Some(Fetched::NotRead) | None => (None, false),
        };
        let code_signing = region.code_signing.as_ref().and_then(|m| {
            m.get(&f.function_arn).map(|c| CodeSigning {
                config_arn: c.code_signing_config_arn.clone(),
                untrusted_artifact_on_deployment: c
                    .code_signing_policies
                    .as_ref()
                    .and_then(|p| p.untrusted_artifact_on_deployment.clone()),
            })
        });
        let exposure = lambda_exposure(account, resource_policy.as_ref(), url.as_ref());
        let env = f
            .environment
            .as_ref()
            .map(|e| e.variables.clone())
            .unwrap_or_default();
        let role = f.role.clone().unwrap_or_default();
        snap.workloads.push(Workload {
            id: f.function_arn.clone(),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_LAMBDA_FUNCTION,
            name: f.function_name.clone(),
            target: account.to_string(),
            location: Some(region.region.clone()),
            runtime: f.runtime.clone(),
            state: f.state.clone(),
            owner: None,
            created: None,
            modified: norm_opt(&f.last_modified),
            identities: if role.is_empty() {
                Vec::new()
            } else {
                vec![role.clone()]
            },
            scopes: Vec::new(),
            env_var_names: env.names,
            secret_like_env_vars: env.secret_like,
            code_hash: f.code_sha256.clone(),
            exposure,
            details: WorkloadDetails::AwsLambda(Box::new(LambdaDetails {
                role,
                handler: f.handler.clone(),
                package_type: f.package_type.clone(),
                architectures: f.architectures.clone(),
                layers: f.layers.iter().map(|l| l.arn.clone()).collect(),
                code_signing,
                resource_policy,
                resource_policy_read: policy_read,
                url,
                url_read,
                kms_key: f.kms_key_arn.clone(),
            })),
        });
    }
}

/// Event source mappings, as triggers.
fn add_event_source_mappings(snap: &mut Snapshot, account: &str, region: &RegionData) {
    for m in &region.event_source_mappings {
        let function = m
            .function_arn
            .as_deref()
            .and_then(unqualified_function_arn)
            .unwrap_or_default();
        snap.triggers.push(Trigger {
            id: format!(
                "arn:aws:lambda:{}:{account}:event-source-mapping:{}",
                region.region, m.uuid
            ),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_EVENT_SOURCE_MAPPING,
            name: m.uuid.clone(),
            target: account.to_string(),
            location: Some(region.region.clone()),
            state: m.state.clone(),
            workloads: if function.is_empty() {
                Vec::new()
            } else {
                vec![function.clone()]
            },
            details: TriggerDetails::AwsEventSourceMapping(Box::new(EsmModel {
                event_source_arn: m.event_source_arn.clone(),
                function_arn: function,
            })),
        });
    }
}

/// EventBridge rules and their targets, as triggers.
fn add_rules(
    snap: &mut Snapshot,
    account: &str,
    region: &RegionData,
    coverage: &mut Vec<Coverage>,
) {
    for (rule, targets) in &region.rules {
        let pattern = rule.event_pattern.as_ref().map(|p| {
            decode_or_record(
                &Value::String(p.clone()),
                &format!("event pattern of rule `{}`", rule.arn),
                account,
                "events:ListRules",
                coverage,
            )
        });
        let targets_read = targets.is_some();
        let targets: Vec<RuleTargetModel> = targets
            .iter()
            .flatten()
            .map(|t| RuleTargetModel {
                id: t.id.clone(),
                arn: t.arn.clone(),
                role_arn: t.role_arn.clone(),
            })
            .collect();
        let workloads = targets
            .iter()
            .filter_map(|t| unqualified_function_arn(&t.arn))
            .collect::<Vec<_>>();
        // A rule may target a function in another region or account; the link is kept either way.
        snap.triggers.push(Trigger {
            id: rule.arn.clone(),
            provider: Provider::Aws,
            kind: fnscope_snapshot::kinds::AWS_EVENTBRIDGE_RULE,
            name: rule.name.clone(),
            target: account.to_string(),
            location: Some(region.region.clone()),
            state: rule.state.clone(),
            workloads,
            details: TriggerDetails::AwsEventbridgeRule(Box::new(EventBridgeRule {
                event_bus: rule
                    .event_bus_name
                    .clone()
                    .unwrap_or_else(|| "default".into()),
                event_pattern: pattern,
                schedule_expression: rule.schedule_expression.clone(),
                managed_by: rule.managed_by.clone(),
                targets,
                targets_read,
            })),
        });
    }
}

/// A plain reading of who can reach a function, for the inventory. The AWS rules evaluate the resource
/// policy with full semantics; this only describes it.
fn lambda_exposure(account: &str, policy: Option<&Value>, url: Option<&FunctionUrl>) -> Exposure {
    let mut exposure = Exposure::default();
    if let Some(u) = url {
        exposure
            .notes
            .push(format!("function URL (auth {})", u.auth_type));
        if u.auth_type.eq_ignore_ascii_case("NONE") {
            exposure.public = true;
        }
    }
    let statements = match policy.and_then(|p| p.get("Statement")) {
        Some(Value::Array(a)) => a.clone(),
        Some(v @ Value::Object(_)) => vec![v.clone()],
        _ => Vec::new(),
    };
    for st in &statements {
        if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
            continue;
        }
        let conditioned = st
            .get("Condition")
            .is_some_and(|c| c.as_object().is_some_and(|o| !o.is_empty()));
        for principal in principals(st.get("Principal")) {
            if principal == "*" {
                if conditioned {
                    exposure
                        .notes
                        .push("resource policy: any principal, with conditions".into());
                } else {
                    exposure.public = true;
                    exposure.notes.push("resource policy: any principal".into());
                }
            } else if let Some(other) = foreign_account(&principal, account) {
                exposure
                    .notes
                    .push(format!("resource policy: account {other}"));
            } else if principal.ends_with(".amazonaws.com") {
                exposure.notes.push(format!("service {principal}"));
            }
        }
    }
    exposure.notes.sort();
    exposure.notes.dedup();
    exposure
}

/// Every principal string of a policy statement's `Principal` element.
pub fn principals(p: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    match p {
        Some(Value::String(s)) => out.push(s.clone()),
        Some(Value::Object(map)) => {
            for v in map.values() {
                match v {
                    Value::String(s) => out.push(s.clone()),
                    Value::Array(a) => {
                        out.extend(a.iter().filter_map(Value::as_str).map(String::from))
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// The account id of an AWS principal that is not `own`.
fn foreign_account(principal: &str, own: &str) -> Option<String> {
    let acct = if principal.len() == 12 && principal.bytes().all(|b| b.is_ascii_digit()) {
        principal.to_string()
    } else if principal.starts_with("arn:") {
        principal.split(':').nth(4)?.to_string()
    } else {
        return None;
    };
    (acct != own && !acct.is_empty()).then_some(acct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_every_document_encoding() {
        let want = json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]});
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
        assert_eq!(decode_document(&want).unwrap(), want);
        assert_eq!(decode_document(&json!(want.to_string())).unwrap(), want);
        assert_eq!(decode_document(&json!(encoded)).unwrap(), want);
        assert!(decode_document(&json!("%7Bnot json")).is_err());
        assert!(decode_document(&json!(42)).is_err());
    }

    #[test]
    fn times_have_one_form() {
        assert_eq!(
            norm_time("2024-05-02T10:11:12.345+0000"),
            "2024-05-02T10:11:12Z"
        );
        assert_eq!(
            norm_time("2024-05-02T12:11:12+02:00"),
            "2024-05-02T10:11:12Z"
        );
        assert_eq!(norm_time("2024-05-02T10:11:12Z"), "2024-05-02T10:11:12Z");
        assert_eq!(norm_time("yesterday"), "yesterday");
    }

    #[test]
    fn qualified_arns_map_to_the_function() {
        assert_eq!(
            unqualified_function_arn("arn:aws:lambda:us-east-1:123456789012:function:f:prod")
                .as_deref(),
            Some("arn:aws:lambda:us-east-1:123456789012:function:f")
        );
        assert_eq!(unqualified_function_arn("arn:aws:sqs:us-east-1:1:q"), None);
    }

    #[test]
    fn exposure_reads_urls_and_principals() {
        let policy = json!({"Statement":[
            {"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"x"},
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"lambda:InvokeFunction"},
            {"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction",
             "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:s3:::b"}}}]});
        let e = lambda_exposure("123456789012", Some(&policy), None);
        assert!(e.public);
        assert!(
            e.notes
                .contains(&"resource policy: account 999999999999".to_string())
        );
        assert!(e.notes.contains(&"service s3.amazonaws.com".to_string()));
        let url = FunctionUrl {
            url: "https://x".into(),
            auth_type: "AWS_IAM".into(),
        };
        assert!(!lambda_exposure("123456789012", None, Some(&url)).public);
    }
}
