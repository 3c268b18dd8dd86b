//! Turns exported Apps Script projects (manifest + source) of one Workspace domain into snapshot
//! records; the source is analysed here and not kept.

use fnscope_snapshot::{
    Coverage, Exposure, Provider, ScriptDetails, Snapshot, Target, Workload, WorkloadDetails,
};
use serde_json::Value;

use super::analyse;

/// One project as exported.
#[derive(Debug, Default)]
pub struct Project {
    pub id: String,
    pub title: Option<String>,
    pub owner: Option<String>,
    pub container: Option<String>,
    /// `appsscript.json`.
    pub manifest: Option<Value>,
    /// Script files (`name`, `source`), paths relative to the project folder.
    pub files: Vec<(String, String)>,
    pub installable_triggers: Vec<String>,
    /// Parts of the project that could not be read (a manifest that is not JSON, a file that is
    /// not text): one coverage record each, the rest is analysed.
    pub unread: Vec<String>,
}

/// Everything read for one domain.
#[derive(Debug, Default)]
pub struct DomainData {
    pub domain: String,
    pub projects: Vec<Project>,
    pub coverage: Vec<Coverage>,
    /// Reports API events and window for the detections (live, with `--since`).
    pub audit: Option<(
        Vec<fnscope_snapshot::AuditEvent>,
        Vec<fnscope_snapshot::LogWindow>,
    )>,
}

/// Functions the manifest's add-on triggers run (`addOns.*.homepageTrigger.runFunction`,
/// contextual, compose, event and link-preview triggers).
fn add_on_triggers(manifest: &Value) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>, depth: usize) {
        if depth > 8 {
            return;
        }
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    if matches!(k.as_str(), "runFunction" | "onTriggerFunction")
                        && let Some(f) = x.as_str()
                    {
                        out.push(f.to_string());
                    } else {
                        walk(x, out, depth + 1);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out, depth + 1)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(a) = manifest.get("addOns") {
        walk(a, &mut out, 0);
    }
    out.sort();
    out.dedup();
    out
}

/// Adds one domain's records to `snap`.
pub fn add_domain(snap: &mut Snapshot, mut d: DomainData) {
    if let Some((events, windows)) = d.audit.take() {
        snap.events.extend(events);
        snap.log_windows.extend(windows);
    }
    snap.targets.push(Target {
        provider: Provider::AppsScript,
        id: d.domain.clone(),
        name: None,
        regions: Vec::new(),
        organization: None,
        ancestors: Vec::new(),
    });
    for p in &d.projects {
        let manifest = p.manifest.clone().unwrap_or(Value::Null);
        let rhino =
            manifest.get("runtimeVersion").and_then(Value::as_str) == Some("DEPRECATED_ES5");
        let mut facts = analyse::analyse_project(&p.files, rhino);
        let installable: Vec<String> = p
            .installable_triggers
            .iter()
            .map(|t| t.split(' ').next().unwrap_or(t).to_string())
            .collect();
        let entry_points = analyse::reach(&mut facts, &installable, &add_on_triggers(&manifest));
        let label = p.title.clone().unwrap_or_else(|| p.id.clone());
        let unread = facts
            .parse_errors
            .iter()
            .map(|e| format!("{e}; that file's calls are unknown (the project's other files, scopes and triggers were analysed)"))
            .chain((!p.unread.is_empty()).then(|| p.unread.join("; ")));
        for what in unread {
            snap.coverage.push(Coverage {
                provider: Provider::AppsScript,
                target: d.domain.clone(),
                region: None,
                api: "script:analysis".into(),
                status: fnscope_snapshot::CoverageStatus::Partial,
                detail: format!("project {label} ({}): {what}", p.id),
            });
        }
        let declared: Option<Vec<String>> = manifest
            .get("oauthScopes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            });
        let inferred = declared.is_none();
        let scopes = declared.unwrap_or_else(|| facts.inferred_scopes());
        let webapp = manifest.get("webapp");
        let access = webapp
            .and_then(|w| w.get("access"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let execute_as = webapp
            .and_then(|w| w.get("executeAs"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let anonymous = access.as_deref() == Some("ANYONE_ANONYMOUS");
        let mut exposure = Exposure::default();
        if let Some(a) = &access {
            exposure.public = anonymous || a == "ANYONE";
            exposure.notes.push(format!(
                "web app: access {a}, executes as {}",
                execute_as.as_deref().unwrap_or("USER_DEPLOYING")
            ));
        }
        snap.workloads.push(Workload {
            id: p.id.clone(),
            provider: Provider::AppsScript,
            kind: fnscope_snapshot::kinds::APPS_SCRIPT_PROJECT,
            name: p.title.clone().unwrap_or_else(|| p.id.clone()),
            target: d.domain.clone(),
            location: None,
            runtime: manifest
                .get("runtimeVersion")
                .and_then(Value::as_str)
                .map(str::to_string),
            state: None,
            owner: p.owner.clone(),
            created: None,
            modified: None,
            identities: p.owner.iter().cloned().collect(),
            scopes,
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: None,
            exposure,
            details: WorkloadDetails::Script(Box::new(ScriptDetails {
                container: p.container.clone(),
                scopes_inferred: inferred,
                webapp_access: access,
                webapp_execute_as: execute_as,
                simple_triggers: facts.simple_triggers(),
                installable_triggers: p.installable_triggers.clone(),
                services: facts.services.iter().cloned().collect(),
                calls: facts.calls,
                parse_errors: facts.parse_errors,
                reach_computed: true,
                entry_points,
            })),
        });
    }
    snap.coverage.extend(d.coverage);
}

/// How much of the domain's scripts could be seen: Apps Script projects appear among the users' OAuth
/// grants as clients whose display text is the project title; grants to scripts that were not read
/// make the record partial and name them.
pub fn visibility(domain: &str, tokens: &[Value], projects: &[Project]) -> Coverage {
    use fnscope_snapshot::CoverageStatus;
    let titles: std::collections::BTreeSet<&str> =
        projects.iter().filter_map(|p| p.title.as_deref()).collect();
    let scripts: std::collections::BTreeSet<&str> = tokens
        .iter()
        .filter(|t| {
            t.get("scopes").and_then(Value::as_array).is_some_and(|s| {
                s.iter()
                    .filter_map(Value::as_str)
                    .any(|x| x.contains("/auth/script."))
            })
        })
        .filter_map(|t| t.get("displayText").and_then(Value::as_str))
        .collect();
    let unseen: Vec<&str> = scripts.difference(&titles).copied().collect();
    let (status, detail) = if unseen.is_empty() {
        (
            CoverageStatus::Complete,
            format!(
                "{} OAuth grants; every one of the {} script clients among them was read",
                tokens.len(),
                scripts.len()
            ),
        )
    } else {
        (
            CoverageStatus::Partial,
            format!(
                "{} of {} script clients users granted were not read (their code was not analysed): {}",
                unseen.len(),
                scripts.len(),
                unseen.join(", ")
            ),
        )
    };
    Coverage {
        provider: Provider::AppsScript,
        target: domain.to_string(),
        region: None,
        api: "directory:tokens.list".into(),
        status,
        detail,
    }
}
