//! The offline AWS importer: reads the AWS CLI's own JSON output, laid out as the README describes:
//!
//! ```text
//! aws/<account-id>/
//!   iam/get-account-authorization-details.json
//!   iam/last-accessed/{role,user}/<name>.json        get-service-last-accessed-details (ACTION_LEVEL)
//!   organizations/scps.json                          the SCP chain (fnscope's own shape, see README)
//!   <region>/lambda/list-functions.json
//!   <region>/lambda/get-policy/<function-name>.json   one per function that has a policy
//!   <region>/lambda/get-function-url-config/<function-name>.json
//!   <region>/lambda/list-event-source-mappings.json
//!   <region>/lambda/list-code-signing-configs.json
//!   <region>/lambda/list-functions-by-code-signing-config/<config-id>.json
//!   <region>/events/list-rules/<bus>.json            (or events/list-rules.json for the default bus)
//!   <region>/events/list-targets-by-rule/<bus>/<rule-name>.json
//! ```
//!
//! A file that is absent is a coverage record (`skipped`), never an empty result; a malformed file is an
//! error that names the file and the field. Symbolic links are not followed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use serde::de::DeserializeOwned;

use crate::files::{
    ItemFile, Shaped, exists_plain, file_name, json_stem, missing_keys, read_dir_sorted,
    read_item_shaped, read_opt, read_shaped,
};

use super::build::{AccountData, Fetched, RegionData};
use super::wire;
use crate::CollectError;

/// Reads every account folder under `dir/aws`. Returns an empty list when there is no `aws` folder.
pub fn import(dir: &Path) -> Result<Vec<AccountData>, CollectError> {
    let aws = dir.join("aws");
    if !exists_plain(&aws)? {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in read_dir_sorted(&aws)? {
        if !entry.is_dir() {
            continue;
        }
        let name = file_name(&entry);
        if name.len() != 12 || !name.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CollectError::Invalid {
                path: entry.clone(),
                message: "an AWS account folder must be named by the 12-digit account id".into(),
            });
        }
        out.push(import_account(&entry, &name)?);
    }
    Ok(out)
}

fn import_account(dir: &Path, account: &str) -> Result<AccountData, CollectError> {
    let mut data = AccountData {
        account_id: account.to_string(),
        ..AccountData::default()
    };
    let cov = |region: Option<&str>, api: &str, status: CoverageStatus, detail: String| Coverage {
        provider: Provider::Aws,
        target: account.to_string(),
        region: region.map(str::to_string),
        api: api.to_string(),
        status,
        detail,
    };

    let iam_file = dir.join("iam/get-account-authorization-details.json");
    match read_shaped::<wire::AuthorizationDetails>(
        &iam_file,
        &[
            "UserDetailList",
            "GroupDetailList",
            "RoleDetailList",
            "Policies",
        ],
    )? {
        Some(Shaped::Missing(keys)) => data.coverage.push(cov(
            None,
            "iam:GetAccountAuthorizationDetails",
            CoverageStatus::Failed,
            format!(
                "`{}` has no {}: `aws iam get-account-authorization-details` always writes them, so this is not its output and the account's IAM is unknown",
                iam_file.display(),
                keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            ),
        )),
        Some(Shaped::Read(iam)) => {
            data.coverage.push(cov(
                None,
                "iam:GetAccountAuthorizationDetails",
                CoverageStatus::Complete,
                format!(
                    "{} roles, {} users, {} groups from `{}`",
                    iam.role_detail_list.len(),
                    iam.user_detail_list.len(),
                    iam.group_detail_list.len(),
                    iam_file.display()
                ),
            ));
            let (reports, unreadable) = last_accessed(dir, &iam)?;
            data.last_accessed = reports;
            if let Some(first) = unreadable.first() {
                data.coverage.push(cov(
                    None,
                    "iam:GetServiceLastAccessedDetails",
                    CoverageStatus::Partial,
                    format!(
                        "{} last-accessed reports could not be read (those principals' use is unknown); first: {first}",
                        unreadable.len()
                    ),
                ));
            }
            data.iam = Some(iam);
        }
        None => data.coverage.push(cov(
            None,
            "iam:GetAccountAuthorizationDetails",
            CoverageStatus::Skipped,
            format!("`{}` is not in the export", iam_file.display()),
        )),
    }

    let scp_file = dir.join("organizations/scps.json");
    match read_opt::<wire::ScpChain>(&scp_file)? {
        Some(chain) => {
            data.coverage.push(cov(
                None,
                "organizations:ListPoliciesForTarget",
                CoverageStatus::Complete,
                format!(
                    "{} levels from `{}`",
                    chain.levels.len(),
                    scp_file.display()
                ),
            ));
            data.scps = Some(chain);
        }
        None => data.coverage.push(cov(
            None,
            "organizations:ListPoliciesForTarget",
            CoverageStatus::Skipped,
            format!(
                "`{}` is not in the export: SCPs unknown",
                scp_file.display()
            ),
        )),
    }

    for entry in read_dir_sorted(dir)? {
        let name = file_name(&entry);
        if entry.is_dir() && looks_like_region(&name) {
            let (region, coverage) = import_region(&entry, &name, account)?;
            data.regions.push(region);
            data.coverage.extend(coverage);
        } else if entry.is_dir()
            && !KNOWN_FOLDERS.contains(&name.as_str())
            && !name.starts_with('.')
        {
            // A folder fnscope does not read is said, not skipped in silence (a region misspelt, an
            // export put one level too deep).
            data.coverage.push(cov(
                None,
                "lambda:ListFunctions",
                CoverageStatus::Skipped,
                format!(
                    "`{}` is not read: it is not named like a region (e.g. us-east-1) nor one of {}",
                    entry.display(),
                    KNOWN_FOLDERS.join(", ")
                ),
            ));
        }
    }
    Ok(data)
}

/// The last-accessed reports of the principals in `iam`, and those that could not be read.
#[allow(clippy::type_complexity)]
fn last_accessed(
    dir: &Path,
    iam: &wire::AuthorizationDetails,
) -> Result<(Vec<(String, wire::ServiceLastAccessed)>, Vec<String>), CollectError> {
    let base = dir.join("iam/last-accessed");
    let mut out = Vec::new();
    let mut unreadable = Vec::new();
    for (kind, arns) in [
        (
            "role",
            iam.role_detail_list
                .iter()
                .map(|r| (r.role_name.as_str(), r.arn.as_str()))
                .collect::<BTreeMap<_, _>>(),
        ),
        (
            "user",
            iam.user_detail_list
                .iter()
                .map(|u| (u.user_name.as_str(), u.arn.as_str()))
                .collect(),
        ),
    ] {
        let folder = base.join(kind);
        if !exists_plain(&folder)? {
            continue;
        }
        for file in read_dir_sorted(&folder)? {
            let Some(name) = json_stem(&file) else {
                continue;
            };
            let Some(arn) = arns.get(name.as_str()) else {
                unreadable.push(format!(
                    "`{}`: no {kind} named `{name}` in the IAM export",
                    file.display()
                ));
                continue;
            };
            let report: wire::ServiceLastAccessed =
                match read_item_shaped(&file, &["JobStatus", "ServicesLastAccessed"])? {
                    ItemFile::Read(r) => r,
                    ItemFile::Absent => continue,
                    ItemFile::Unreadable(e) => {
                        unreadable.push(e);
                        continue;
                    }
                };
            if report
                .job_status
                .as_deref()
                .is_some_and(|s| s != "COMPLETED")
            {
                unreadable.push(format!(
                    "`{}`: JobStatus is not COMPLETED: export the report once it has finished",
                    file.display()
                ));
                continue;
            }
            out.push(((*arn).to_string(), report));
        }
    }
    Ok((out, unreadable))
}

fn import_region(
    dir: &Path,
    region: &str,
    account: &str,
) -> Result<(RegionData, Vec<Coverage>), CollectError> {
    let mut cov = Vec::new();
    let mut data = RegionData {
        region: region.to_string(),
        ..RegionData::default()
    };
    let lambda = dir.join("lambda");
    import_functions(&lambda, region, account, &mut data, &mut cov)?;
    import_mappings_and_signing(&lambda, region, account, &mut data, &mut cov)?;
    import_rules(dir, region, account, &mut data, &mut cov)?;
    data.rules.sort_by(|a, b| a.0.arn.cmp(&b.0.arn));
    Ok((data, cov))
}

/// `lambda/list-functions.json` and the per-function files (resource policies, URL configs).
fn import_functions(
    lambda: &Path,
    region: &str,
    account: &str,
    data: &mut RegionData,
    cov: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
    let functions_file = lambda.join("list-functions.json");
    match read_shaped::<wire::ListFunctions>(&functions_file, &["Functions"])? {
        Some(Shaped::Missing(_)) => cov.push(coverage_at(
            account,
            region,
            "lambda:ListFunctions",
            CoverageStatus::Failed,
            format!(
                "`{}` has no `Functions` list: `aws lambda list-functions` always writes one, so this is not its output and the region's functions are unknown",
                functions_file.display()
            ),
        )),
        Some(Shaped::Read(list)) => {
            cov.push(coverage_at(
                account,
                region,
                "lambda:ListFunctions",
                CoverageStatus::Complete,
                format!("{} functions", list.functions.len()),
            ));
            data.functions = list.functions;
        }
        None => cov.push(coverage_at(
            account,
            region,
            "lambda:ListFunctions",
            CoverageStatus::Skipped,
            format!("`{}` is not in the export", functions_file.display()),
        )),
    }

    // Per-function files: when the folder exists, a function without a file has none (the CLI call
    // fails with ResourceNotFoundException for it); when the folder is absent, nothing was exported.
    let (policies, c) = per_function::<wire::GetPolicy>(
        lambda,
        "get-policy",
        "lambda:GetPolicy",
        &["Policy"],
        &data.functions,
    )?;
    data.policies = policies;
    cov.extend(c.map(|(api, status, detail)| coverage_at(account, region, api, status, detail)));
    let (urls, c) = per_function::<wire::FunctionUrlConfig>(
        lambda,
        "get-function-url-config",
        "lambda:GetFunctionUrlConfig",
        &["FunctionUrl", "AuthType"],
        &data.functions,
    )?;
    data.urls = urls;
    cov.extend(c.map(|(api, status, detail)| coverage_at(account, region, api, status, detail)));
    Ok(())
}

/// Event source mappings, and code-signing configurations with the functions each covers.
fn import_mappings_and_signing(
    lambda: &Path,
    region: &str,
    account: &str,
    data: &mut RegionData,
    cov: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
    let mut push = |api: &str, status: CoverageStatus, detail: String| {
        cov.push(coverage_at(account, region, api, status, detail));
    };

    let esm_file = lambda.join("list-event-source-mappings.json");
    match read_shaped::<wire::ListEventSourceMappings>(&esm_file, &["EventSourceMappings"])? {
        Some(Shaped::Missing(keys)) => push(
            "lambda:ListEventSourceMappings",
            CoverageStatus::Failed,
            format!(
                "{}; the region's event source mappings are unknown",
                missing_keys(&esm_file, &keys)
            ),
        ),
        Some(Shaped::Read(list)) => {
            push(
                "lambda:ListEventSourceMappings",
                CoverageStatus::Complete,
                format!("{} mappings", list.event_source_mappings.len()),
            );
            data.event_source_mappings = list.event_source_mappings;
        }
        None => push(
            "lambda:ListEventSourceMappings",
            CoverageStatus::Skipped,
            format!("`{}` is not in the export", esm_file.display()),
        ),
    }

    let csc_file = lambda.join("list-code-signing-configs.json");
    match read_shaped::<wire::ListCodeSigningConfigs>(&csc_file, &["CodeSigningConfigs"])? {
        Some(Shaped::Missing(keys)) => push(
            "lambda:ListCodeSigningConfigs",
            CoverageStatus::Failed,
            format!(
                "{}; code-signing enforcement unknown",
                missing_keys(&csc_file, &keys)
            ),
        ),
        Some(Shaped::Read(list)) => {
            let mut map = BTreeMap::new();
            let mut complete = true;
            for c in list.code_signing_configs {
                let id = c
                    .code_signing_config_arn
                    .rsplit(':')
                    .next()
                    .unwrap_or_default()
                    .to_string();
                let file = lambda
                    .join("list-functions-by-code-signing-config")
                    .join(format!("{id}.json"));
                match read_item_shaped::<wire::ListFunctionsByCodeSigningConfig>(
                    &file,
                    &["FunctionArns"],
                )? {
                    ItemFile::Read(fns) => {
                        for arn in fns.function_arns {
                            map.insert(arn, c.clone());
                        }
                    }
                    ItemFile::Absent => {
                        complete = false;
                        push(
                            "lambda:ListFunctionsByCodeSigningConfig",
                            CoverageStatus::Skipped,
                            format!("`{}` is not in the export", file.display()),
                        );
                    }
                    ItemFile::Unreadable(e) => {
                        complete = false;
                        push(
                            "lambda:ListFunctionsByCodeSigningConfig",
                            CoverageStatus::Partial,
                            format!("{e}: which functions config {id} covers is unknown"),
                        );
                    }
                }
            }
            push(
                "lambda:ListCodeSigningConfigs",
                CoverageStatus::Complete,
                format!("{} code-signing configs", map.len()),
            );
            data.code_signing = complete.then_some(map);
        }
        None => push(
            "lambda:ListCodeSigningConfigs",
            CoverageStatus::Skipped,
            format!(
                "`{}` is not in the export: code-signing enforcement unknown",
                csc_file.display()
            ),
        ),
    }
    Ok(())
}

/// EventBridge rules, bus by bus, and each rule's targets.
fn import_rules(
    dir: &Path,
    region: &str,
    account: &str,
    data: &mut RegionData,
    cov: &mut Vec<Coverage>,
) -> Result<(), CollectError> {
    let mut push = |api: &str, status: CoverageStatus, detail: String| {
        cov.push(coverage_at(account, region, api, status, detail));
    };
    // EventBridge rules, bus by bus.
    let events = dir.join("events");
    let mut rule_files: Vec<(String, PathBuf)> = Vec::new();
    let single = events.join("list-rules.json");
    if exists_plain(&single)? {
        rule_files.push(("default".into(), single));
    }
    let per_bus = events.join("list-rules");
    if exists_plain(&per_bus)? {
        for file in read_dir_sorted(&per_bus)? {
            if let Some(bus) = json_stem(&file) {
                rule_files.push((bus, file));
            }
        }
    }
    if rule_files.is_empty() {
        push(
            "events:ListRules",
            CoverageStatus::Skipped,
            format!("no `{}` in the export", events.join("list-rules").display()),
        );
    }
    let mut rules_total = 0usize;
    let mut missing_targets = Vec::new();
    let mut unreadable_targets = Vec::new();
    let buses = rule_files.len();
    let mut unreadable_buses = Vec::new();
    for (bus, file) in rule_files {
        // One bus's list that cannot be read is a record; the other buses are read.
        let list: wire::ListRules = match read_item_shaped(&file, &["Rules"])? {
            ItemFile::Read(l) => l,
            ItemFile::Absent => continue,
            ItemFile::Unreadable(e) => {
                unreadable_buses.push(e);
                continue;
            }
        };
        for mut rule in list.rules {
            rules_total += 1;
            rule.event_bus_name.get_or_insert_with(|| bus.clone());
            let tfile = events
                .join("list-targets-by-rule")
                .join(&bus)
                .join(format!("{}.json", rule.name));
            let targets = match read_item_shaped::<wire::ListTargetsByRule>(&tfile, &["Targets"])? {
                ItemFile::Read(t) => Some(t.targets),
                ItemFile::Absent => {
                    missing_targets.push(tfile.display().to_string());
                    None
                }
                ItemFile::Unreadable(e) => {
                    unreadable_targets.push(e);
                    None
                }
            };
            data.rules.push((rule, targets));
        }
    }
    if buses > 0 {
        match unreadable_buses.first() {
            None => push(
                "events:ListRules",
                CoverageStatus::Complete,
                format!("{rules_total} rules"),
            ),
            Some(first) => push(
                "events:ListRules",
                if unreadable_buses.len() == buses {
                    CoverageStatus::Failed
                } else {
                    CoverageStatus::Partial
                },
                format!(
                    "the rules of {} of {buses} event buses could not be read ({rules_total} rules read); first: {first}",
                    unreadable_buses.len()
                ),
            ),
        }
    }
    if rules_total > 0 {
        if let Some(first) = unreadable_targets.first() {
            push(
                "events:ListTargetsByRule",
                CoverageStatus::Partial,
                format!(
                    "the targets of {} of {rules_total} rules could not be read; first: {first}",
                    unreadable_targets.len()
                ),
            );
        }
        if missing_targets.is_empty() && unreadable_targets.is_empty() {
            push(
                "events:ListTargetsByRule",
                CoverageStatus::Complete,
                format!("read for {rules_total} rules"),
            );
        } else if !missing_targets.is_empty() {
            push(
                "events:ListTargetsByRule",
                CoverageStatus::Skipped,
                format!(
                    "{} of {rules_total} rules have no targets file; first: `{}`",
                    missing_targets.len(),
                    missing_targets[0]
                ),
            );
        }
    }
    Ok(())
}

fn coverage_at(
    account: &str,
    region: &str,
    api: &str,
    status: CoverageStatus,
    detail: String,
) -> Coverage {
    Coverage {
        provider: Provider::Aws,
        target: account.to_string(),
        region: Some(region.to_string()),
        api: api.to_string(),
        status,
        detail,
    }
}

type CoverageLine = (&'static str, CoverageStatus, String);
type PerFunction<T> = (BTreeMap<String, Fetched<T>>, Option<CoverageLine>);

/// Reads `lambda/<folder>/<function-name>.json` for every function.
fn per_function<T: DeserializeOwned>(
    lambda: &Path,
    folder: &str,
    api: &'static str,
    keys: &[&'static str],
    functions: &[wire::FunctionConfiguration],
) -> Result<PerFunction<T>, CollectError> {
    let folder = lambda.join(folder);
    let mut out = BTreeMap::new();
    if !exists_plain(&folder)? {
        for f in functions {
            out.insert(f.function_arn.clone(), Fetched::NotRead);
        }
        let line = (!functions.is_empty()).then(|| {
            (
                api,
                CoverageStatus::Skipped,
                format!("`{}` is not in the export", folder.display()),
            )
        });
        return Ok((out, line));
    }
    let mut found = 0usize;
    let mut unreadable = Vec::new();
    for f in functions {
        let file = folder.join(format!("{}.json", f.function_name));
        let value = match read_item_shaped::<T>(&file, keys)? {
            ItemFile::Read(v) => {
                found += 1;
                Fetched::Found(v)
            }
            ItemFile::Absent => Fetched::Absent,
            ItemFile::Unreadable(e) => {
                unreadable.push(e);
                Fetched::NotRead
            }
        };
        out.insert(f.function_arn.clone(), value);
    }
    let line = (!functions.is_empty()).then(|| match unreadable.first() {
        None => (
            api,
            CoverageStatus::Complete,
            format!("read for {} functions ({found} present)", functions.len()),
        ),
        Some(first) => (
            api,
            CoverageStatus::Partial,
            format!(
                "{} of {} functions' files could not be read (their data is unknown); first: {first}",
                unreadable.len(),
                functions.len()
            ),
        ),
    });
    Ok((out, line))
}

/// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `ap-southeast-5`.
/// The folders of an account's export that are not regions.
const KNOWN_FOLDERS: [&str; 3] = ["iam", "organizations", "logs"];

fn looks_like_region(name: &str) -> bool {
    let parts: Vec<&str> = name.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].bytes().all(|b| b.is_ascii_lowercase())
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
        && parts[1..parts.len() - 1]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
}

/// [`import`] into `snapshot`: true when the estate had this provider's folder with accounts in it.
pub fn import_into(
    dir: &std::path::Path,
    snapshot: &mut fnscope_snapshot::Snapshot,
) -> Result<bool, crate::CollectError> {
    let all = import(dir)?;
    let found = !all.is_empty();
    for one in all {
        crate::aws::add_account(snapshot, one);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::looks_like_region;

    #[test]
    fn region_folder_names() {
        for ok in [
            "us-east-1",
            "eu-central-2",
            "us-gov-west-1",
            "ap-southeast-5",
            "cn-north-1",
        ] {
            assert!(looks_like_region(ok), "{ok}");
        }
        for bad in [
            "iam",
            "organizations",
            "us-east",
            "US-EAST-1",
            "us--1",
            "lambda",
        ] {
            assert!(!looks_like_region(bad), "{bad}");
        }
    }
}
