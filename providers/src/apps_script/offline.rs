//! The offline Apps Script importer, one folder per Workspace domain:
//!
//! ```text
//! apps-script/<domain>/
//!   projects/<name>/            a project as `clasp pull` leaves it: appsscript.json, *.gs / *.js files,
//!                               .clasp.json ({"scriptId", "parentId"}); optional project.json (Apps Script
//!                               API projects.get: title, creator) and triggers.json (installable triggers
//!                               as listed in the editor or seen in processes: ["onEditHandler (ON_EDIT)", …])
//!   tokens.json                 the users' OAuth grants (Admin SDK tokens.list per user, as
//!                               [{"userKey", "clientId", "displayText", "scopes", …}]), optional
//! ```
//!
//! The report says how much of the domain could be seen: container-bound scripts appear only as OAuth
//! grants, so grants to scripts that were not exported are a partial coverage record.

use std::path::Path;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use serde_json::Value;

use super::build::{DomainData, Project};
use crate::CollectError;
use crate::files::{exists_plain, file_name, read, read_dir_sorted, read_opt};

/// Reads every domain folder under `dir/apps-script`.
pub fn import(dir: &Path) -> Result<Vec<DomainData>, CollectError> {
    let root = dir.join("apps-script");
    if !exists_plain(&root)? {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in read_dir_sorted(&root)? {
        if entry.is_dir() {
            out.push(import_domain(&entry, &file_name(&entry))?);
        }
    }
    Ok(out)
}

fn cov(domain: &str, api: &str, status: CoverageStatus, detail: String) -> Coverage {
    Coverage {
        provider: Provider::AppsScript,
        target: domain.to_string(),
        region: None,
        api: api.to_string(),
        status,
        detail,
    }
}

fn source_files(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, String)>,
    depth: usize,
) -> Result<(), CollectError> {
    if depth > 8 {
        return Ok(());
    }
    for e in read_dir_sorted(dir)? {
        let name = file_name(&e);
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if e.is_dir() {
            source_files(&e, &rel, out, depth + 1)?;
        } else if name.ends_with(".gs") || name.ends_with(".js") {
            let text = std::fs::read_to_string(&e).map_err(|source| CollectError::Io {
                path: e.clone(),
                source,
            })?;
            out.push((rel, text));
        }
    }
    Ok(())
}

fn import_domain(dir: &Path, domain: &str) -> Result<DomainData, CollectError> {
    let mut d = DomainData {
        domain: domain.to_string(),
        ..DomainData::default()
    };
    let projects = dir.join("projects");
    if exists_plain(&projects)? {
        for p in read_dir_sorted(&projects)? {
            if !p.is_dir() {
                continue;
            }
            let clasp: Option<Value> = read_opt(&p.join(".clasp.json"))?;
            let meta: Option<Value> = read_opt(&p.join("project.json"))?;
            let manifest: Option<Value> = read_opt(&p.join("appsscript.json"))?;
            let triggers: Option<Vec<String>> = read_opt(&p.join("triggers.json"))?;
            let get = |v: &Option<Value>, k: &str| {
                v.as_ref()
                    .and_then(|v| v.get(k))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let mut files = Vec::new();
            source_files(&p, "", &mut files, 0)?;
            d.projects.push(Project {
                id: get(&clasp, "scriptId")
                    .or_else(|| get(&meta, "scriptId"))
                    .unwrap_or_else(|| file_name(&p)),
                title: get(&meta, "title").or_else(|| Some(file_name(&p))),
                owner: meta
                    .as_ref()
                    .and_then(|m| m.pointer("/creator/email"))
                    .and_then(Value::as_str)
                    .map(str::to_string),
                container: get(&clasp, "parentId").or_else(|| get(&meta, "parentId")),
                manifest,
                files,
                installable_triggers: triggers.unwrap_or_default(),
            });
        }
        d.coverage.push(cov(
            domain,
            "script:projects.getContent",
            CoverageStatus::Complete,
            format!("{} projects with source", d.projects.len()),
        ));
    } else {
        d.coverage.push(cov(
            domain,
            "script:projects.getContent",
            CoverageStatus::Skipped,
            format!("`{}` is not in the export", projects.display()),
        ));
    }
    let f = dir.join("tokens.json");
    if exists_plain(&f)? {
        let tokens: Vec<Value> = read(&f)?;
        let c = super::build::visibility(domain, &tokens, &d.projects);
        d.coverage.push(c);
    } else {
        d.coverage.push(cov(
            domain,
            "directory:tokens.list",
            CoverageStatus::Skipped,
            format!(
                "`{}` is not in the export: container-bound scripts that were not exported cannot be counted",
                f.display()
            ),
        ));
    }
    Ok(d)
}
