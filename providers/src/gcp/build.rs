//! Turns what was read from one GCP project (its functions, service accounts, the IAM policies of the
//! project and its ancestors, role definitions, IAM insights) into snapshot records.

use std::collections::BTreeMap;

use fnscope_snapshot::{
    Binding, Coverage, CoverageStatus, Exposure, GcpFunctionDetails, GcpServiceAccountDetails,
    Identity, IdentityDetails, PolicyRecord, Provider, Snapshot, Target, Usage, Workload,
    WorkloadDetails,
};

use super::wire;

/// Everything read for one project. `None` = not read (a coverage record says why).
#[derive(Debug, Default)]
pub struct ProjectData {
    pub project_id: String,
    pub project_number: Option<String>,
    /// Nearest first: `folders/…`, …, `organizations/…`.
    pub ancestors: Vec<String>,
    /// Resource name (`projects/p`, `folders/f`, `organizations/o`) → its IAM policy.
    pub policies: BTreeMap<String, wire::Policy>,
    pub functions: Option<Vec<wire::Function>>,
    /// Function or Run service resource name → its IAM policy (`None` = not read).
    pub invoker_policies: BTreeMap<String, Option<wire::Policy>>,
    pub service_accounts: Option<Vec<wire::ServiceAccount>>,
    /// Email → the account's IAM policy (`None` = not read).
    pub service_account_policies: BTreeMap<String, Option<wire::Policy>>,
    pub roles: Vec<wire::Role>,
    pub insights: Option<Vec<wire::Insight>>,
    /// Cloud Run services of every location (`None` = not read).
    pub run_services: Option<Vec<wire::RunService>>,
    /// Cloud Run jobs of every location (`None` = not read).
    pub run_jobs: Option<Vec<wire::RunJob>>,
    /// Activity Analyzer: the last authentication of the project's service accounts (`None` = not read).
    pub sa_last_auth: Option<Vec<wire::Activity>>,
    /// Cloud Audit Log events and window for the detections (live, with `--since`).
    pub audit: Option<(
        Vec<fnscope_snapshot::AuditEvent>,
        Vec<fnscope_snapshot::LogWindow>,
    )>,
    pub coverage: Vec<Coverage>,
}

/// The member string of a service account.
pub fn sa_member(email: &str) -> String {
    format!("serviceAccount:{email}")
}

/// A policy as the snapshot keeps it.
fn policy_value(p: &wire::Policy) -> fnscope_snapshot::GcpIamPolicy {
    fnscope_snapshot::GcpIamPolicy {
        bindings: p
            .bindings
            .iter()
            .map(|b| fnscope_snapshot::GcpIamBinding {
                condition: b
                    .condition
                    .as_ref()
                    .and_then(|c| serde_json::to_value(c).ok()),
                members: b.members.clone(),
                role: b.role.clone(),
            })
            .collect(),
        etag: p.etag.clone(),
        version: p.version,
    }
}

/// Adds one project's records to `snap`.
pub fn add_project(snap: &mut Snapshot, mut d: ProjectData) {
    let project = d.project_id.clone();
    let mut coverage = std::mem::take(&mut d.coverage);
    add_target(snap, &project, &d);
    add_bindings(snap, &project, &d);
    add_service_accounts(snap, &project, &d);
    add_roles(snap, &project, &d);
    add_workloads(snap, &project, &d, &mut coverage);
    add_usage(snap, &project, &d);
    snap.coverage.extend(coverage);
    if let Some((events, windows)) = d.audit {
        snap.events.extend(events);
        snap.log_windows.extend(windows);
    }
}

/// The project as a target: its number, its functions' regions, its ancestors.
fn add_target(snap: &mut Snapshot, project: &str, d: &ProjectData) {
    let regions: Vec<String> = d
        .functions
        .iter()
        .flatten()
        .filter_map(|f| f.name.split('/').nth(3).map(str::to_string))
        .collect();
    snap.targets.push(Target {
        provider: Provider::Gcp,
        id: project.to_string(),
        name: d.project_number.clone(),
        regions,
        organization: d
            .ancestors
            .iter()
            .find(|a| a.starts_with("organizations/"))
            .cloned(),
        ancestors: d.ancestors.clone(),
    });
}

/// Bindings at every level: organization first (order 0), the project last.
fn add_bindings(snap: &mut Snapshot, project: &str, d: &ProjectData) {
    // Bindings at every level: organization first (order 0), the project last.
    let mut chain: Vec<String> = d.ancestors.iter().rev().cloned().collect();
    chain.push(format!("projects/{project}"));
    for (depth, scope) in chain.iter().enumerate() {
        let Some(policy) = d.policies.get(scope) else {
            continue;
        };
        for b in &policy.bindings {
            for m in &b.members {
                snap.bindings.push(Binding {
                    provider: Provider::Gcp,
                    scope: scope.clone(),
                    principal: m.clone(),
                    grant: b.role.clone(),
                    kind: fnscope_snapshot::kinds::GCP_IAM_BINDING,
                    order: Some(u32::try_from(depth).unwrap_or(u32::MAX)),
                    condition: b
                        .condition
                        .as_ref()
                        .map(|c| serde_json::to_value(c).unwrap_or_default()),
                    principal_type: None,
                    created: None,
                    principal_name: None,
                });
            }
        }
    }
}

/// Service accounts and their own policies.
fn add_service_accounts(snap: &mut Snapshot, project: &str, d: &ProjectData) {
    for sa in d.service_accounts.iter().flatten() {
        let policy = d.service_account_policies.get(&sa.email).cloned().flatten();
        snap.identities.push(Identity {
            id: sa_member(&sa.email),
            provider: Provider::Gcp,
            kind: fnscope_snapshot::kinds::GCP_SERVICE_ACCOUNT,
            name: sa.email.clone(),
            target: project.to_string(),
            created: None,
            details: IdentityDetails::GcpServiceAccount(Box::new(GcpServiceAccountDetails {
                email: sa.email.clone(),
                project: sa.project_id.clone().unwrap_or_else(|| project.to_string()),
                unique_id: sa.unique_id.clone(),
                disabled: sa.disabled,
                iam_policy_read: policy.is_some(),
                iam_policy: policy.as_ref().map(policy_value),
            })),
        });
    }
}

/// Custom roles, once each.
fn add_roles(snap: &mut Snapshot, project: &str, d: &ProjectData) {
    let mut seen_roles = std::collections::BTreeSet::new();
    for r in &d.roles {
        if r.deleted || !seen_roles.insert(r.name.clone()) {
            continue;
        }
        snap.policies.push(PolicyRecord {
            id: r.name.clone(),
            provider: Provider::Gcp,
            kind: fnscope_snapshot::kinds::GCP_ROLE,
            name: r.title.clone().unwrap_or_else(|| r.name.clone()),
            target: if r.name.starts_with("roles/") {
                "gcp".into()
            } else {
                project.to_string()
            },
            document: serde_json::json!({"includedPermissions": r.included_permissions}),
            version: None,
        });
    }
}

/// Functions, Cloud Run functions deployed through the Run API, and Cloud Run jobs.
fn add_workloads(
    snap: &mut Snapshot,
    project: &str,
    d: &ProjectData,
    coverage: &mut Vec<Coverage>,
) {
    for f in d.functions.iter().flatten() {
        add_function(
            snap,
            project,
            d.project_number.as_deref(),
            f,
            &d.invoker_policies,
            coverage,
        );
    }

    let served: std::collections::BTreeSet<&str> = d
        .functions
        .iter()
        .flatten()
        .filter_map(|f| f.service_config.as_ref()?.service.as_deref())
        .collect();
    for s in d.run_services.iter().flatten() {
        if s.build_config.is_some() && !served.contains(s.name.as_str()) {
            add_run_service(
                snap,
                project,
                d.project_number.as_deref(),
                s,
                &d.invoker_policies,
                coverage,
            );
        }
    }

    for j in d.run_jobs.iter().flatten() {
        add_run_job(snap, project, d.project_number.as_deref(), j, coverage);
    }
}

/// Usage data: Activity Analyzer's last authentications and IAM policy insights.
fn add_usage(snap: &mut Snapshot, project: &str, d: &ProjectData) {
    if let Some(activities) = &d.sa_last_auth {
        add_last_auth(snap, project, d.service_accounts.as_deref(), activities);
    }

    if let Some(insights) = &d.insights {
        let as_of = snap
            .taken_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        for i in insights {
            if i.insight_subtype
                .as_deref()
                .is_some_and(|s| s != "PERMISSIONS_USAGE")
                || i.state_info
                    .as_ref()
                    .and_then(|s| s.state.as_deref())
                    .is_some_and(|s| s != "ACTIVE")
            {
                continue;
            }
            let (Some(member), Some(role)) = (&i.content.member, &i.content.role) else {
                continue;
            };
            let when = i.last_refresh_time.clone().unwrap_or_else(|| as_of.clone());
            let source = format!(
                "recommender:google.iam.policy.Insight project {project} observation {}",
                i.observation_period.as_deref().unwrap_or("unknown")
            );
            snap.usage.push(Usage {
                provider: Provider::Gcp,
                principal: member.clone(),
                service: role.clone(),
                action: None,
                last_used: None,
                as_of: when.clone(),
                source: source.clone(),
            });
            for p in i
                .content
                .exercised_permissions
                .iter()
                .chain(&i.content.inferred_permissions)
            {
                snap.usage.push(Usage {
                    provider: Provider::Gcp,
                    principal: member.clone(),
                    service: role.clone(),
                    action: Some(p.permission.clone()),
                    last_used: Some(when.clone()),
                    as_of: when.clone(),
                    source: source.clone(),
                });
            }
        }
    }
}

fn add_function(
    snap: &mut Snapshot,
    project: &str,
    number: Option<&str>,
    f: &wire::Function,
    invoker_policies: &BTreeMap<String, Option<wire::Policy>>,
    coverage: &mut Vec<Coverage>,
) {
    let location = f.name.split('/').nth(3).map(str::to_string);
    let short = f.name.rsplit('/').next().unwrap_or(&f.name).to_string();
    let sc = f.service_config.as_ref();
    let v1 = f.runtime.is_some() || f.https_trigger.is_some() || f.service_account_email.is_some();
    let generation = f
        .environment
        .clone()
        .unwrap_or_else(|| if v1 { "GEN_1".into() } else { "GEN_2".into() });
    let named = sc
        .and_then(|s| s.service_account_email.clone())
        .or_else(|| f.service_account_email.clone())
        .filter(|s| !s.is_empty());
    let (service_account, defaulted) = match named {
        Some(sa) => (sa, false),
        None if generation == "GEN_1" => (format!("{project}@appspot.gserviceaccount.com"), true),
        None => match number {
            Some(n) => (format!("{n}-compute@developer.gserviceaccount.com"), true),
            None => {
                coverage.push(Coverage {
                    provider: Provider::Gcp,
                    target: project.to_string(),
                    region: location.clone(),
                    api: "cloudresourcemanager:projects.get".into(),
                    status: CoverageStatus::Partial,
                    detail: format!(
                        "{}: runs as the default compute account, but the project number is unknown",
                        f.name
                    ),
                });
                (String::new(), true)
            }
        },
    };
    let run_service = sc.and_then(|s| s.service.clone());
    let policy_key = if generation == "GEN_2" {
        run_service.clone().unwrap_or_else(|| f.name.clone())
    } else {
        f.name.clone()
    };
    let policy = invoker_policies.get(&policy_key).cloned().flatten();
    let env = sc
        .and_then(|s| s.environment_variables.clone())
        .or_else(|| f.environment_variables.clone())
        .unwrap_or_default();
    let ingress = sc
        .and_then(|s| s.ingress_settings.clone())
        .or_else(|| f.ingress_settings.clone());
    let exposure = exposure(policy.as_ref(), ingress.as_deref(), false);
    let trigger = f.event_trigger.as_ref();
    snap.workloads.push(Workload {
        id: f.name.clone(),
        provider: Provider::Gcp,
        kind: fnscope_snapshot::kinds::GCP_CLOUD_FUNCTION,
        name: short,
        target: project.to_string(),
        location,
        runtime: f
            .build_config
            .as_ref()
            .and_then(|b| b.runtime.clone())
            .or_else(|| f.runtime.clone()),
        state: f.state.clone().or_else(|| f.status.clone()),
        owner: None,
        created: None,
        modified: f.update_time.clone(),
        identities: if service_account.is_empty() {
            Vec::new()
        } else {
            vec![sa_member(&service_account)]
        },
        scopes: Vec::new(),
        env_var_names: env.names,
        secret_like_env_vars: env.secret_like,
        code_hash: None,
        exposure,
        details: WorkloadDetails::GcpFunction(Box::new(GcpFunctionDetails {
            generation,
            service_account,
            service_account_defaulted: defaulted,
            ingress,
            url: f
                .url
                .clone()
                .or_else(|| sc.and_then(|s| s.uri.clone()))
                .or_else(|| f.https_trigger.as_ref().and_then(|h| h.url.clone())),
            http_trigger: trigger.is_none(),
            event_type: trigger.and_then(|t| t.event_type.clone()),
            event_filters: trigger
                .map(|t| {
                    t.event_filters
                        .iter()
                        .map(|e| format!("{}={}", e.attribute, e.value))
                        .collect()
                })
                .unwrap_or_default(),
            run_service,
            invoker_policy_read: invoker_policies
                .get(&policy_key)
                .is_some_and(Option::is_some),
            invoker_policy: policy.as_ref().map(policy_value),
            invoker_iam_disabled: false,
            build_service_account: f
                .build_config
                .as_ref()
                .and_then(|b| b.service_account.clone())
                .or_else(|| f.build_service_account.clone()),
        })),
    });
}

/// Who can reach a function: public when the invoker policy grants allUsers / allAuthenticatedUsers or
/// the Run service has IAM invocation checks turned off.
fn exposure(policy: Option<&wire::Policy>, ingress: Option<&str>, iam_disabled: bool) -> Exposure {
    let public_binding = policy.is_some_and(|p| {
        p.bindings.iter().any(|b| {
            (b.role == "roles/cloudfunctions.invoker" || b.role == "roles/run.invoker")
                && b.members
                    .iter()
                    .any(|m| m == "allUsers" || m == "allAuthenticatedUsers")
        })
    });
    let mut exposure = Exposure {
        public: public_binding || iam_disabled,
        notes: Vec::new(),
    };
    if public_binding {
        exposure
            .notes
            .push("invoker: allUsers / allAuthenticatedUsers".into());
    }
    if iam_disabled {
        exposure
            .notes
            .push("invokerIamDisabled: anyone can call it".into());
    }
    if let Some(i) = ingress {
        exposure.notes.push(format!("ingress {i}"));
    }
    exposure
}

/// A Cloud Run resource's location (from its name), short name, and runtime account: the one named
/// in its template, else the Compute default account (a coverage record when the project number that
/// names it is unknown).
fn run_identity(
    project: &str,
    number: Option<&str>,
    name: &str,
    named: Option<String>,
    coverage: &mut Vec<Coverage>,
) -> (Option<String>, String, String, bool) {
    let location = name
        .split('/')
        .nth(3)
        .filter(|l| *l != "-")
        .map(str::to_string);
    let short = name.rsplit('/').next().unwrap_or(name).to_string();
    let (service_account, defaulted) = match (named.filter(|e| !e.is_empty()), number) {
        (Some(sa), _) => (sa, false),
        (None, Some(n)) => (format!("{n}-compute@developer.gserviceaccount.com"), true),
        (None, None) => {
            coverage.push(Coverage {
                provider: Provider::Gcp,
                target: project.to_string(),
                region: location.clone(),
                api: "cloudresourcemanager:projects.get".into(),
                status: CoverageStatus::Partial,
                detail: format!(
                    "{name}: runs as the default compute account, but the project number is unknown"
                ),
            });
            (String::new(), true)
        }
    };
    (location, short, service_account, defaulted)
}

/// A Cloud Run job: code that runs as its task template's account when it is run (no HTTP
/// endpoint, so no invoker policy).
fn add_run_job(
    snap: &mut Snapshot,
    project: &str,
    number: Option<&str>,
    j: &wire::RunJob,
    coverage: &mut Vec<Coverage>,
) {
    let task = j.template.as_ref().and_then(|t| t.template.as_ref());
    let (location, short, service_account, defaulted) = run_identity(
        project,
        number,
        &j.name,
        task.and_then(|t| t.service_account.clone()),
        coverage,
    );
    let mut env_names = Vec::new();
    let mut secret_like = Vec::new();
    for e in task.iter().flat_map(|t| &t.containers).flat_map(|c| &c.env) {
        env_names.push(e.name.clone());
        if e.secret_like {
            secret_like.push(e.name.clone());
        }
    }
    snap.workloads.push(Workload {
        id: j.name.clone(),
        provider: Provider::Gcp,
        kind: fnscope_snapshot::kinds::GCP_CLOUD_RUN_JOB,
        name: short,
        target: project.to_string(),
        location,
        runtime: task
            .and_then(|t| t.containers.first())
            .and_then(|c| c.image.clone()),
        state: None,
        owner: j.creator.clone(),
        created: j.create_time.clone(),
        modified: j.update_time.clone(),
        identities: if service_account.is_empty() {
            Vec::new()
        } else {
            vec![sa_member(&service_account)]
        },
        scopes: Vec::new(),
        env_var_names: env_names,
        secret_like_env_vars: secret_like,
        code_hash: None,
        exposure: Exposure::default(),
        details: WorkloadDetails::GcpFunction(Box::new(GcpFunctionDetails {
            generation: "JOB".into(),
            service_account,
            service_account_defaulted: defaulted,
            ingress: None,
            url: None,
            http_trigger: false,
            event_type: None,
            event_filters: Vec::new(),
            run_service: None,
            invoker_policy: None,
            invoker_policy_read: true,
            invoker_iam_disabled: false,
            build_service_account: None,
        })),
    });
}

/// A Cloud Run service built from function source (deployed through the Run API).
fn add_run_service(
    snap: &mut Snapshot,
    project: &str,
    number: Option<&str>,
    s: &wire::RunService,
    invoker_policies: &BTreeMap<String, Option<wire::Policy>>,
    coverage: &mut Vec<Coverage>,
) {
    let template = s.template.as_ref();
    let (location, short, service_account, defaulted) = run_identity(
        project,
        number,
        &s.name,
        template.and_then(|t| t.service_account.clone()),
        coverage,
    );
    let policy = invoker_policies.get(&s.name).cloned().flatten();
    let iam_disabled = s.invoker_iam_disabled == Some(true);
    let exposure = exposure(policy.as_ref(), s.ingress.as_deref(), iam_disabled);
    let mut env_names = Vec::new();
    let mut secret_like = Vec::new();
    for e in template
        .iter()
        .flat_map(|t| &t.containers)
        .flat_map(|c| &c.env)
    {
        env_names.push(e.name.clone());
        if e.secret_like {
            secret_like.push(e.name.clone());
        }
    }
    let build = s.build_config.as_ref();
    snap.workloads.push(Workload {
        id: s.name.clone(),
        provider: Provider::Gcp,
        kind: fnscope_snapshot::kinds::GCP_CLOUD_FUNCTION,
        name: short,
        target: project.to_string(),
        location,
        runtime: build.and_then(|b| b.base_image.clone()),
        state: None,
        owner: s.creator.clone(),
        created: s.create_time.clone(),
        modified: s.update_time.clone(),
        identities: if service_account.is_empty() {
            Vec::new()
        } else {
            vec![sa_member(&service_account)]
        },
        scopes: Vec::new(),
        env_var_names: env_names,
        secret_like_env_vars: secret_like,
        code_hash: None,
        exposure,
        details: WorkloadDetails::GcpFunction(Box::new(GcpFunctionDetails {
            generation: "RUN".into(),
            service_account,
            service_account_defaulted: defaulted,
            ingress: s.ingress.clone(),
            url: s.uri.clone(),
            http_trigger: true,
            event_type: None,
            event_filters: Vec::new(),
            run_service: Some(s.name.clone()),
            invoker_policy_read: invoker_policies.get(&s.name).is_some_and(Option::is_some),
            invoker_iam_disabled: iam_disabled,
            invoker_policy: policy.as_ref().map(policy_value),
            build_service_account: build
                .and_then(|b| b.service_account.as_deref())
                .map(|a| a.rsplit('/').next().unwrap_or(a).to_string()),
        })),
    });
}

/// Activity Analyzer: one usage record per service account of the project — when it last
/// authenticated, or `last_used: None` when it did not in the observation window.
fn add_last_auth(
    snap: &mut Snapshot,
    project: &str,
    accounts: Option<&[wire::ServiceAccount]>,
    activities: &[wire::Activity],
) {
    let period = activities
        .iter()
        .find_map(|a| a.observation_period.clone())
        .unwrap_or_default();
    let as_of = period.end_time.clone().unwrap_or_else(|| {
        snap.taken_at
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    });
    let source = format!(
        "policyanalyzer:serviceAccountLastAuthentication observation {}..{}",
        period.start_time.as_deref().unwrap_or("unknown"),
        period.end_time.as_deref().unwrap_or("unknown")
    );
    let seen: BTreeMap<&str, Option<&str>> = activities
        .iter()
        .filter_map(|a| Some((a.email()?, a.last_authenticated())))
        .collect();
    let mut emails: Vec<&str> = seen.keys().copied().collect();
    emails.extend(
        accounts
            .iter()
            .flat_map(|a| a.iter())
            .map(|a| a.email.as_str()),
    );
    emails.sort_unstable();
    emails.dedup();
    for email in emails {
        snap.usage.push(Usage {
            provider: Provider::Gcp,
            principal: sa_member(email),
            service: format!("authentication:{project}"),
            action: None,
            last_used: seen.get(email).copied().flatten().map(str::to_string),
            as_of: as_of.clone(),
            source: source.clone(),
        });
    }
}
