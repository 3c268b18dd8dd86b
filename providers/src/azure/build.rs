//! Turns what was read from one Azure subscription (sites, Logic Apps, Automation accounts, managed
//! identities, role assignments and definitions, deny assignments, Graph grants, Activity Log) into
//! snapshot records.

use std::collections::{BTreeMap, BTreeSet};

use fnscope_snapshot::{
    AzureIdentityDetails, AzureResourceDetails, Binding, Coverage, Exposure, Identity,
    IdentityDetails, PolicyRecord, Provider, Snapshot, Target, Usage, Workload, WorkloadDetails,
};
use serde_json::Value;

use super::wire;

/// Events of the Activity Log with the window they cover.
#[derive(Debug, Default)]
pub struct ActivityLog {
    pub from: String,
    pub to: String,
    pub events: Vec<wire::ActivityEvent>,
}

/// Everything read for one subscription. `None` = not read (a coverage record says why).
#[derive(Debug, Default)]
pub struct SubscriptionData {
    pub subscription_id: String,
    pub display_name: Option<String>,
    pub tenant_id: Option<String>,
    /// Management groups above the subscription, nearest first (`/providers/Microsoft.Management/managementGroups/x`).
    pub management_groups: Vec<String>,
    pub sites: Option<Vec<wire::Site>>,
    /// Site id → its functions (`None` = not read).
    pub site_functions: BTreeMap<String, Option<Vec<wire::FunctionEnvelope>>>,
    pub workflows: Option<Vec<wire::Workflow>>,
    pub automation_accounts: Option<Vec<wire::AutomationAccount>>,
    /// Account id → runbooks / webhooks.
    pub runbooks: BTreeMap<String, Option<Vec<wire::Runbook>>>,
    pub webhooks: BTreeMap<String, Option<Vec<wire::Webhook>>>,
    pub user_assigned: Option<Vec<wire::UserAssignedIdentity>>,
    pub role_assignments: Option<Vec<wire::RoleAssignment>>,
    pub role_definitions: Option<Vec<wire::RoleDefinition>>,
    pub deny_assignments: Option<Vec<wire::DenyAssignment>>,
    /// Managed identity principal id → its Graph app-role assignments (`None` = not read).
    pub app_roles: BTreeMap<String, Option<Vec<wire::AppRoleAssignment>>>,
    pub directory_roles: Option<Vec<wire::DirectoryRoleAssignment>>,
    pub activity: Option<ActivityLog>,
    /// The Activity Log's events and window for the detections (live; offline reads the files).
    pub audit: Option<(
        Vec<fnscope_snapshot::AuditEvent>,
        Vec<fnscope_snapshot::LogWindow>,
    )>,
    pub coverage: Vec<Coverage>,
}

/// Every managed identity principal of the subscription's serverless resources.
pub fn identity_principals(d: &SubscriptionData) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ids = d
        .sites
        .iter()
        .flatten()
        .filter_map(|s| s.identity.as_ref())
        .chain(
            d.workflows
                .iter()
                .flatten()
                .filter_map(|w| w.identity.as_ref()),
        )
        .chain(
            d.automation_accounts
                .iter()
                .flatten()
                .filter_map(|a| a.identity.as_ref()),
        );
    for i in ids {
        if let Some(p) = &i.principal_id {
            out.insert(p.to_ascii_lowercase());
        }
        for u in i.user_assigned_identities.iter().flat_map(|m| m.values()) {
            if let Some(p) = &u.principal_id {
                out.insert(p.to_ascii_lowercase());
            }
        }
    }
    out
}

fn site_kind(kind: Option<&str>) -> fnscope_snapshot::kinds::Kind {
    let k = kind.unwrap_or_default().to_ascii_lowercase();
    if k.contains("workflowapp") {
        fnscope_snapshot::kinds::AZURE_LOGIC_APP_STANDARD
    } else if k.contains("functionapp") {
        fnscope_snapshot::kinds::AZURE_FUNCTION_APP
    } else {
        fnscope_snapshot::kinds::AZURE_APP_SERVICE
    }
}

/// `name: type [method path]` for every action at every depth (scopes, conditions, loops, switches).
pub fn workflow_actions(definition: &Value) -> Vec<String> {
    fn walk(actions: &Value, out: &mut Vec<String>, depth: usize) {
        let Some(map) = actions.as_object() else {
            return;
        };
        if depth > 64 {
            out.push("… (nesting deeper than 64 levels not listed)".into());
            return;
        }
        for (name, a) in map {
            let kind = a.get("type").and_then(Value::as_str).unwrap_or("?");
            let inputs = a.get("inputs");
            // A callback or SAS URL signs with its query: never stored as written.
            let path = inputs
                .and_then(|i| i.get("path").or_else(|| i.get("uri")))
                .and_then(Value::as_str)
                .map(crate::secrets::redact_url)
                .unwrap_or_default();
            let method = inputs
                .and_then(|i| i.get("method"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let auth = inputs
                .and_then(|i| i.get("authentication"))
                .and_then(|x| x.get("type"))
                .and_then(Value::as_str)
                .map(|t| format!(" auth={t}"))
                .unwrap_or_default();
            if path.is_empty() {
                out.push(format!("{name}: {kind}{auth}"));
            } else {
                out.push(format!("{name}: {kind} [{method} {path}]{auth}"));
            }
            walk(a.get("actions").unwrap_or(&Value::Null), out, depth + 1);
            if let Some(e) = a.get("else") {
                walk(e.get("actions").unwrap_or(&Value::Null), out, depth + 1);
            }
            if let Some(cases) = a.get("cases").and_then(Value::as_object) {
                for c in cases.values() {
                    walk(c.get("actions").unwrap_or(&Value::Null), out, depth + 1);
                }
            }
            if let Some(d) = a.get("default") {
                walk(d.get("actions").unwrap_or(&Value::Null), out, depth + 1);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        definition.get("actions").unwrap_or(&Value::Null),
        &mut out,
        0,
    );
    out
}

struct Mi {
    principal: String,
    assignment: &'static str,
    resource_id: String,
    name: String,
    client_id: Option<String>,
}

fn identities_of(
    resource_id: &str,
    resource_name: &str,
    identity: Option<&wire::Identity>,
    uamis: &BTreeMap<String, &wire::UserAssignedIdentity>,
) -> (Option<String>, BTreeMap<String, String>, Vec<Mi>) {
    let mut mis = Vec::new();
    let mut system = None;
    let mut user = BTreeMap::new();
    if let Some(i) = identity {
        if let Some(p) = &i.principal_id {
            let p = p.to_ascii_lowercase();
            system = Some(p.clone());
            mis.push(Mi {
                principal: p,
                assignment: "system_assigned",
                resource_id: resource_id.to_string(),
                name: format!("{resource_name} (system-assigned)"),
                client_id: None,
            });
        }
        for (id, r) in i.user_assigned_identities.iter().flatten() {
            let known = uamis.get(&id.to_ascii_lowercase());
            let Some(p) = r
                .principal_id
                .clone()
                .or_else(|| known.and_then(|u| u.principal_id.clone()))
            else {
                continue;
            };
            let p = p.to_ascii_lowercase();
            user.insert(id.clone(), p.clone());
            mis.push(Mi {
                principal: p,
                assignment: "user_assigned",
                resource_id: id.clone(),
                name: id.rsplit('/').next().unwrap_or(id).to_string(),
                client_id: r.client_id.clone(),
            });
        }
    }
    (system, user, mis)
}

/// Adds one subscription's records to `snap`.
pub fn add_subscription(snap: &mut Snapshot, d: SubscriptionData) {
    let sub = add_target(snap, &d);
    let mut r = Resources {
        sub: sub.clone(),
        uamis: d
            .user_assigned
            .iter()
            .flatten()
            .map(|u| (u.id.to_ascii_lowercase(), u))
            .collect(),
        mis: BTreeMap::new(),
    };
    add_sites(snap, &d, &mut r);
    add_workflows(snap, &d, &mut r);
    add_automation(snap, &d, &mut r);
    add_identities(snap, &d, r);
    add_grants(snap, &d);
    add_definitions(snap, &d, &sub);
    add_activity(snap, &d, &sub);
    snap.coverage.extend(d.coverage);
}

/// The subscription as a target: its management groups (those exported, and those whose assignments
/// the subscription's own assignment list returned) and its resources' regions. Returns its id.
fn add_target(snap: &mut Snapshot, d: &SubscriptionData) -> String {
    let sub = d.subscription_id.clone();
    // Management groups above the subscription: those exported, and those whose assignments the
    // subscription's own assignment list returned (ARM lists what applies at or above it).
    let mut ancestors = d.management_groups.clone();
    for a in d.role_assignments.iter().flatten() {
        if a.scope
            .to_ascii_lowercase()
            .starts_with("/providers/microsoft.management/managementgroups/")
            && !ancestors.iter().any(|m| m.eq_ignore_ascii_case(&a.scope))
        {
            ancestors.push(a.scope.clone());
        }
    }
    ancestors.push("/".into());
    let regions: BTreeSet<String> = d
        .sites
        .iter()
        .flatten()
        .filter_map(|s| s.location.clone())
        .chain(
            d.workflows
                .iter()
                .flatten()
                .filter_map(|w| w.location.clone()),
        )
        .chain(
            d.automation_accounts
                .iter()
                .flatten()
                .filter_map(|a| a.location.clone()),
        )
        .collect();
    snap.targets.push(Target {
        provider: Provider::Azure,
        id: sub.clone(),
        name: d.display_name.clone(),
        regions: regions.into_iter().collect(),
        organization: d.tenant_id.clone(),
        ancestors,
    });
    sub
}

/// One serverless resource as the builder records it.
struct Res<'w> {
    id: &'w str,
    name: &'w str,
    kind: fnscope_snapshot::kinds::Kind,
    location: Option<String>,
    state: Option<String>,
    created: Option<String>,
    modified: Option<String>,
    owner: Option<String>,
    identity: Option<&'w wire::Identity>,
    details: AzureResourceDetails,
    exposure: Exposure,
}

/// What the resources of a subscription share while they are added: the user-assigned identities by
/// id, and every managed identity met (one record per principal, however many resources use it).
struct Resources<'d> {
    sub: String,
    uamis: BTreeMap<String, &'d wire::UserAssignedIdentity>,
    mis: BTreeMap<String, Mi>,
}

impl Resources<'_> {
    fn add(&mut self, snap: &mut Snapshot, res: Res<'_>) {
        let Res {
            id,
            name,
            kind,
            location,
            state,
            created,
            modified,
            owner,
            identity,
            mut details,
            exposure,
        } = res;
        let (system, user, found) = identities_of(id, name, identity, &self.uamis);
        let identities: Vec<String> = found.iter().map(|m| m.principal.clone()).collect();
        for m in found {
            self.mis.entry(m.principal.clone()).or_insert(m);
        }
        details.resource_group = wire::resource_group(id).unwrap_or_default();
        details.system_identity = system;
        details.user_identities = user;
        snap.workloads.push(Workload {
            id: id.to_string(),
            provider: Provider::Azure,
            kind,
            name: name.to_string(),
            target: self.sub.clone(),
            location,
            runtime: None,
            state,
            owner,
            created,
            modified,
            identities,
            scopes: Vec::new(),
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: None,
            exposure,
            details: WorkloadDetails::Azure(Box::new(details)),
        });
    }
}

/// Function Apps and App Service sites: each function's trigger and auth level; public when an HTTP
/// function is anonymous and the site takes public traffic.
fn add_sites(snap: &mut Snapshot, d: &SubscriptionData, r: &mut Resources<'_>) {
    for s in d.sites.iter().flatten() {
        let functions: Vec<String> = d
            .site_functions
            .get(&s.id)
            .and_then(Option::as_ref)
            .into_iter()
            .flatten()
            .map(|f| {
                let short = f.name.rsplit('/').next().unwrap_or(&f.name);
                let binding = f
                    .config
                    .as_ref()
                    .and_then(|c| c.get("bindings"))
                    .and_then(Value::as_array)
                    .and_then(|b| {
                        b.iter().find(|x| {
                            x.get("type")
                                .and_then(Value::as_str)
                                .is_some_and(|t| t.ends_with("Trigger"))
                        })
                    });
                let trigger = binding
                    .and_then(|b| b.get("type"))
                    .and_then(Value::as_str)
                    .unwrap_or("unknown trigger");
                let auth = binding
                    .and_then(|b| b.get("authLevel"))
                    .and_then(Value::as_str)
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default();
                let off = if f.is_disabled == Some(true) {
                    " disabled"
                } else {
                    ""
                };
                format!("{short}: {trigger}{auth}{off}")
            })
            .collect();
        let anonymous = functions.iter().any(|f| f.contains("(anonymous)"));
        let public = s
            .public_network_access
            .as_deref()
            .is_none_or(|p| !p.eq_ignore_ascii_case("Disabled"));
        let mut exposure = Exposure {
            public: anonymous && public,
            notes: Vec::new(),
        };
        if anonymous {
            exposure
                .notes
                .push("an HTTP function with authLevel anonymous".into());
        }
        if let Some(p) = &s.public_network_access {
            exposure.notes.push(format!("publicNetworkAccess {p}"));
        }
        r.add(
            snap,
            Res {
                id: &s.id,
                name: &s.name,
                kind: site_kind(s.kind.as_deref()),
                location: s.location.clone(),
                state: s.state.clone(),
                created: None,
                modified: s.last_modified_time_utc.clone(),
                owner: None,
                identity: s.identity.as_ref(),
                details: AzureResourceDetails {
                    arm_kind: s.kind.clone(),
                    https_only: s.https_only,
                    public_network_access: s.public_network_access.clone(),
                    functions,
                    ..AzureResourceDetails::default()
                },
                exposure,
            },
        );
    }
}

/// Logic Apps (Consumption): triggers and every action; public with a Request trigger.
fn add_workflows(snap: &mut Snapshot, d: &SubscriptionData, r: &mut Resources<'_>) {
    for w in d.workflows.iter().flatten() {
        let def = w.definition.clone().unwrap_or(Value::Null);
        let triggers: Vec<String> = def
            .get("triggers")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(n, t)| {
                format!(
                    "{n}: {}",
                    t.get("type").and_then(Value::as_str).unwrap_or("?")
                )
            })
            .collect();
        let request: Vec<&Value> = def
            .get("triggers")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter(|(_, t)| t.get("type").and_then(Value::as_str) == Some("Request"))
            .map(|(_, t)| t)
            .collect();
        let exposure = request_exposure(&request, w.access_control.as_ref());
        r.add(
            snap,
            Res {
                id: &w.id,
                name: &w.name,
                kind: fnscope_snapshot::kinds::AZURE_LOGIC_APP,
                location: w.location.clone(),
                state: w.state.clone(),
                created: w.created_time.clone(),
                modified: w.changed_time.clone(),
                owner: None,
                identity: w.identity.as_ref(),
                details: AzureResourceDetails {
                    entry_points: triggers,
                    actions: workflow_actions(&def),
                    ..AzureResourceDetails::default()
                },
                exposure,
            },
        );
    }
}

/// Who can call a Logic App's Request triggers, from `accessControl.triggers`: anyone holding the
/// SAS URL unless caller IP ranges restrict it (an empty list is "only other Logic Apps"; a range
/// covering every address restricts nothing), or OAuth policies are set and every Request trigger's
/// conditions demand a bearer token (OAuth policies alone leave the SAS URL working).
fn request_exposure(request: &[&Value], access: Option<&Value>) -> Exposure {
    if request.is_empty() {
        return Exposure::default();
    }
    let triggers = access.and_then(|a| a.get("triggers"));
    if let Some(ranges) = triggers
        .and_then(|t| t.get("allowedCallerIpAddresses"))
        .and_then(Value::as_array)
    {
        let ranges: Vec<&str> = ranges
            .iter()
            .filter_map(|r| r.get("addressRange").and_then(Value::as_str))
            .collect();
        let everyone = ranges.iter().any(|r| {
            matches!(
                r.trim(),
                "0.0.0.0/0" | "0.0.0.0-255.255.255.255" | "::/0" | "*"
            )
        });
        if !everyone {
            return Exposure {
                public: false,
                notes: vec![if ranges.is_empty() {
                    "HTTP Request trigger callable only by other Logic Apps (allowedCallerIpAddresses is empty)".into()
                } else {
                    format!(
                        "HTTP Request trigger callable only from {}",
                        ranges.join(", ")
                    )
                }],
            };
        }
    }
    let oauth = triggers
        .and_then(|t| t.pointer("/openAuthenticationPolicies/policies"))
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty());
    let bearer_only = request.iter().all(|t| {
        t.get("conditions")
            .and_then(Value::as_array)
            .is_some_and(|cs| {
                cs.iter().any(|c| {
                    c.get("expression")
                        .and_then(Value::as_str)
                        .is_some_and(|e| e.contains("Authorization") && e.contains("Bearer"))
                })
            })
    });
    if oauth && bearer_only {
        return Exposure {
            public: false,
            notes: vec!["HTTP Request trigger: Entra OAuth policy, and the trigger conditions reject SAS calls".into()],
        };
    }
    Exposure {
        public: true,
        notes: vec![if oauth {
            "HTTP Request trigger: callable by anyone holding its SAS URL (an OAuth policy is set, but no trigger condition turns SAS off)".into()
        } else {
            "HTTP Request trigger: callable by anyone holding its SAS URL".into()
        }],
    }
}

/// Automation accounts: runbooks and enabled webhooks (public: anyone holding a webhook URL).
fn add_automation(snap: &mut Snapshot, d: &SubscriptionData, r: &mut Resources<'_>) {
    for a in d.automation_accounts.iter().flatten() {
        let runbooks: Vec<String> = d
            .runbooks
            .get(&a.id)
            .and_then(Option::as_ref)
            .into_iter()
            .flatten()
            .map(|r| {
                format!(
                    "{} ({}, {})",
                    r.name,
                    r.runbook_type.as_deref().unwrap_or("?"),
                    r.state.as_deref().unwrap_or("?")
                )
            })
            .collect();
        let webhooks: Vec<String> = d
            .webhooks
            .get(&a.id)
            .and_then(Option::as_ref)
            .into_iter()
            .flatten()
            .filter(|w| w.is_enabled != Some(false))
            .map(|w| {
                format!(
                    "{} -> {}",
                    w.name,
                    w.runbook
                        .as_ref()
                        .and_then(|r| r.name.as_deref())
                        .unwrap_or("?")
                )
            })
            .collect();
        let exposure = Exposure {
            public: !webhooks.is_empty(),
            notes: if webhooks.is_empty() {
                Vec::new()
            } else {
                vec![format!(
                    "{} enabled webhooks: anyone holding a webhook URL starts a runbook",
                    webhooks.len()
                )]
            },
        };
        r.add(
            snap,
            Res {
                id: &a.id,
                name: &a.name,
                kind: fnscope_snapshot::kinds::AZURE_AUTOMATION_ACCOUNT,
                location: a.location.clone(),
                state: a.state.clone(),
                created: a.creation_time.clone(),
                modified: a.last_modified_time.clone(),
                owner: a.last_modified_by.clone(),
                identity: a.identity.as_ref(),
                details: AzureResourceDetails {
                    entry_points: runbooks,
                    webhooks,
                    ..AzureResourceDetails::default()
                },
                exposure,
            },
        );
    }
}

/// Managed identities: one record per principal, the unattached user-assigned ones included.
fn add_identities(snap: &mut Snapshot, d: &SubscriptionData, r: Resources<'_>) {
    let Resources {
        sub,
        uamis,
        mut mis,
    } = r;
    // A user-assigned identity attached to nothing is still one someone may attach (AZ-007).
    for u in uamis.values() {
        let Some(p) = u.principal_id.as_deref().map(str::to_ascii_lowercase) else {
            continue;
        };
        mis.entry(p.clone()).or_insert_with(|| Mi {
            principal: p,
            assignment: "user_assigned",
            resource_id: u.id.clone(),
            name: u.name.clone(),
            client_id: u.client_id.clone(),
        });
    }

    // Managed identities: one record per principal (a user-assigned one may serve many resources).
    for (principal, m) in mis {
        let graph_read =
            d.app_roles.get(&principal).is_some_and(Option::is_some) && d.directory_roles.is_some();
        snap.identities.push(Identity {
            id: principal.clone(),
            provider: Provider::Azure,
            kind: fnscope_snapshot::kinds::AZURE_MANAGED_IDENTITY,
            name: m.name,
            target: sub.clone(),
            created: None,
            details: IdentityDetails::AzureManagedIdentity(Box::new(AzureIdentityDetails {
                principal_id: principal,
                assignment: m.assignment.into(),
                resource_id: m.resource_id,
                client_id: m.client_id,
                graph_read,
            })),
        });
    }
}

/// Role assignments, Microsoft Graph app roles and Entra directory roles.
fn add_grants(snap: &mut Snapshot, d: &SubscriptionData) {
    for a in d.role_assignments.iter().flatten() {
        snap.bindings.push(Binding {
            provider: Provider::Azure,
            scope: a.scope.clone(),
            principal: a.principal_id.to_ascii_lowercase(),
            grant: wire::last_segment(&a.role_definition_id),
            kind: fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT,
            order: None,
            condition: a.condition.clone().map(Value::String),
            principal_type: a.principal_type.clone(),
            created: a.created_on.clone(),
            principal_name: a.principal_name.clone().filter(|n| !n.is_empty()),
        });
    }
    for (_, list) in d.app_roles.iter() {
        for g in list.iter().flatten() {
            snap.bindings.push(Binding {
                provider: Provider::Azure,
                scope: format!(
                    "graph:{}",
                    g.resource_display_name
                        .clone()
                        .or_else(|| g.resource_id.clone())
                        .unwrap_or_default()
                ),
                principal: g.principal_id.to_ascii_lowercase(),
                grant: g.app_role_id.to_ascii_lowercase(),
                kind: fnscope_snapshot::kinds::AZURE_GRAPH_APP_ROLE,
                order: None,
                condition: None,
                principal_type: Some("ServicePrincipal".into()),
                created: g.created_date_time.clone(),
                principal_name: g.principal_display_name.clone().filter(|n| !n.is_empty()),
            });
        }
    }
    for r in d.directory_roles.iter().flatten() {
        snap.bindings.push(Binding {
            provider: Provider::Azure,
            scope: format!(
                "directory:{}",
                r.directory_scope_id.as_deref().unwrap_or("/")
            ),
            principal: r.principal_id.to_ascii_lowercase(),
            grant: r.role_definition_id.to_ascii_lowercase(),
            kind: fnscope_snapshot::kinds::AZURE_DIRECTORY_ROLE,
            order: None,
            condition: None,
            principal_type: None,
            created: None,
            principal_name: None,
        });
    }
}

/// Role definitions (once each) and deny assignments.
fn add_definitions(snap: &mut Snapshot, d: &SubscriptionData, sub: &str) {
    let mut seen = BTreeSet::new();
    for r in d.role_definitions.iter().flatten() {
        let guid = r.name.to_ascii_lowercase();
        if !seen.insert(guid.clone()) {
            continue;
        }
        snap.policies.push(PolicyRecord {
            id: guid,
            provider: Provider::Azure,
            kind: fnscope_snapshot::kinds::AZURE_ROLE_DEFINITION,
            name: r.role_name.clone().unwrap_or_else(|| r.name.clone()),
            target: "azure".into(),
            document: serde_json::json!({"permissions": r.permissions}),
            version: None,
        });
    }
    for (i, da) in d.deny_assignments.iter().flatten().enumerate() {
        snap.policies.push(PolicyRecord {
            id: da
                .id
                .clone()
                .unwrap_or_else(|| format!("{}#deny{i}", da.scope)),
            provider: Provider::Azure,
            kind: fnscope_snapshot::kinds::AZURE_DENY_ASSIGNMENT,
            name: da
                .deny_assignment_name
                .clone()
                .unwrap_or_else(|| "deny assignment".into()),
            target: sub.to_string(),
            document: serde_json::json!({
                "scope": da.scope,
                "permissions": da.permissions,
                "principals": da.principals,
                "excludePrincipals": da.exclude_principals,
                "doesNotApplyToChildScopes": da.does_not_apply_to_child_scopes,
            }),
            version: None,
        });
    }
}

/// The Activity Log: events for the detections, and the last successful use of each operation per
/// principal (usage), with the window read.
fn add_activity(snap: &mut Snapshot, d: &SubscriptionData, sub: &str) {
    if let Some((events, windows)) = &d.audit {
        snap.events.extend(events.iter().cloned());
        snap.log_windows.extend(windows.iter().cloned());
    }
    if let Some(log) = &d.activity {
        let source = format!("activitylog {sub} window {}..{}", log.from, log.to);
        snap.usage.push(Usage {
            provider: Provider::Azure,
            principal: format!("subscription:{sub}"),
            service: "activitylog".into(),
            action: None,
            last_used: None,
            as_of: log.to.clone(),
            source: source.clone(),
        });
        let mut latest: BTreeMap<(String, String), String> = BTreeMap::new();
        for e in &log.events {
            let ok = e
                .status
                .as_ref()
                .and_then(|s| s.value.as_deref())
                .is_some_and(|s| s.eq_ignore_ascii_case("Succeeded"));
            let (Some(who), Some(op), Some(at)) = (
                e.principal(),
                e.operation_name.as_ref().and_then(|o| o.value.clone()),
                e.event_timestamp.clone(),
            ) else {
                continue;
            };
            if !ok {
                continue;
            }
            let slot = latest.entry((who, op.to_ascii_lowercase())).or_default();
            if at > *slot {
                *slot = at;
            }
        }
        for ((who, op), at) in latest {
            snap.usage.push(Usage {
                provider: Provider::Azure,
                principal: who,
                service: op.split('/').next().unwrap_or_default().to_string(),
                action: Some(op),
                last_used: Some(at),
                as_of: log.to.clone(),
                source: source.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::request_exposure;
    use serde_json::{Value, json};

    fn request(conditions: Value) -> Value {
        json!({"type": "Request", "kind": "Http", "conditions": conditions})
    }

    #[test]
    fn request_triggers_are_public_unless_callers_are_restricted() {
        let t = request(json!([]));
        let cases = [
            (json!(null), true, "no accessControl"),
            (json!({"triggers": {}}), true, "no restriction"),
            (
                json!({"triggers": {"allowedCallerIpAddresses": [{"addressRange": "10.0.0.0/8"}]}}),
                false,
                "an IP range",
            ),
            (
                json!({"triggers": {"allowedCallerIpAddresses": []}}),
                false,
                "only other Logic Apps",
            ),
            (
                json!({"triggers": {"allowedCallerIpAddresses": [{"addressRange": "0.0.0.0-255.255.255.255"}]}}),
                true,
                "every address",
            ),
            (
                json!({"triggers": {"openAuthenticationPolicies": {"policies": {"p": {"type": "AAD", "claims": []}}}}}),
                true,
                "OAuth alone leaves SAS working",
            ),
            (
                json!({"contents": {"allowedCallerIpAddresses": [{"addressRange": "10.0.0.0/8"}]}}),
                true,
                "a restriction on run contents is not on triggers",
            ),
        ];
        for (access, public, why) in cases {
            let access = (!access.is_null()).then_some(access);
            let e = request_exposure(&[&t], access.as_ref());
            assert_eq!(e.public, public, "{why}: {e:?}");
            assert!(!e.notes.is_empty(), "{why}: a note says who may call");
        }
        // OAuth and a trigger condition that refuses calls without a bearer token: not public.
        let bearer = request(json!([{
            "expression": "@startsWith(triggerOutputs()?['headers']?['Authorization'], 'Bearer')"
        }]));
        let oauth = json!({"triggers": {"openAuthenticationPolicies": {"policies": {"p": {"type": "AAD"}}}}});
        assert!(!request_exposure(&[&bearer], Some(&oauth)).public);
        // …but only when every Request trigger has it.
        assert!(request_exposure(&[&bearer, &t], Some(&oauth)).public);
        assert!(!request_exposure(&[], None).public);
    }
}
