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

/// Script files below `dir`: server code (`.gs`, `.js`, `.ts`) and pages (`.html`, read for
/// `google.script.run`); `node_modules` and hidden folders are not project code. A file that cannot
/// be read as text goes to `unread`.
fn source_files(
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, String)>,
    unread: &mut Vec<String>,
    depth: usize,
) -> Result<(), CollectError> {
    if depth > 8 {
        unread.push(format!(
            "`{}`: folders nested more than 8 levels deep were not read",
            dir.display()
        ));
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
            if name == "node_modules" || name.starts_with('.') {
                continue;
            }
            source_files(&e, &rel, out, unread, depth + 1)?;
            continue;
        }
        let lower = name.to_ascii_lowercase();
        let code = [".gs", ".js", ".ts", ".html"]
            .iter()
            .any(|x| lower.ends_with(x))
            && !lower.ends_with(".d.ts");
        if !code {
            continue;
        }
        let bytes = std::fs::read(&e).map_err(|source| CollectError::Io {
            path: e.clone(),
            source,
        })?;
        match crate::files::decode_text(&bytes) {
            Ok(text) => out.push((rel, text.into_owned())),
            Err(m) => unread.push(format!("`{rel}` was not read: {m}")),
        }
    }
    Ok(())
}

/// Reads an optional JSON file of a project; one that is there but unreadable goes to `unread`.
fn optional<T: serde::de::DeserializeOwned>(
    path: &Path,
    unread: &mut Vec<String>,
    consequence: &str,
) -> Result<Option<T>, CollectError> {
    match read_opt(path) {
        Ok(v) => Ok(v),
        Err(e @ (CollectError::Malformed { .. } | CollectError::Shape { .. })) => {
            unread.push(format!("{e} ({consequence})"));
            Ok(None)
        }
        Err(e) => Err(e),
    }
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
            let mut unread = Vec::new();
            let clasp: Option<Value> = optional(
                &p.join(".clasp.json"),
                &mut unread,
                "the script id is the folder name",
            )?;
            let meta: Option<Value> = optional(
                &p.join("project.json"),
                &mut unread,
                "title and creator unknown",
            )?;
            let triggers: Option<Vec<String>> = optional(
                &p.join("triggers.json"),
                &mut unread,
                "installable triggers unknown",
            )?;
            // clasp's `rootDir` holds the manifest and the code that is pushed.
            let root = clasp
                .as_ref()
                .and_then(|c| c.get("rootDir"))
                .and_then(Value::as_str)
                .map(|r| r.trim_start_matches("./").trim_end_matches('/'))
                .filter(|r| !r.is_empty() && *r != "." && !r.contains(".."))
                .map(|r| p.join(r))
                .filter(|r| r.is_dir())
                .unwrap_or_else(|| p.clone());
            let manifest_file = if root.join("appsscript.json").is_file() {
                root.join("appsscript.json")
            } else {
                p.join("appsscript.json")
            };
            let manifest: Option<Value> = optional(
                &manifest_file,
                &mut unread,
                "its scopes, web app and add-on settings are unknown",
            )?;
            let get = |v: &Option<Value>, k: &str| {
                v.as_ref()
                    .and_then(|v| v.get(k))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            let mut files = Vec::new();
            source_files(&root, "", &mut files, &mut unread, 0)?;
            if files.is_empty() {
                unread.push(
                    "no script file (.gs, .js, .ts) was found: its code was not analysed".into(),
                );
            }
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
                unread,
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

/// [`import`] into `snapshot`: true when the estate had this provider's folder with domains in it.
pub fn import_into(
    dir: &std::path::Path,
    snapshot: &mut fnscope_snapshot::Snapshot,
) -> Result<bool, crate::CollectError> {
    let all = import(dir)?;
    let found = !all.is_empty();
    for one in all {
        crate::apps_script::add_domain(snapshot, one);
    }
    Ok(found)
}
