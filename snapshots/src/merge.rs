//! Joining snapshots of parts of one estate (the shards of a `scan --shard i/n`, or scans of different
//! accounts) into one.

use std::collections::BTreeMap;

use crate::{ScanMode, ScanSource, Snapshot, Target};

/// What a merge did besides concatenating.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Records with the same id in two inputs but different content; the newest input's was kept.
    pub conflicts: Vec<String>,
}

/// Merges `inputs` (at least one). Targets seen in several inputs are one target with the union of
/// their regions; every other record is kept once; when two inputs hold different records with the
/// same id, the one from the most recent snapshot (`taken_at`) wins and is named in the report.
pub fn merge(mut inputs: Vec<Snapshot>) -> Option<(Snapshot, MergeReport)> {
    inputs.sort_by_key(|s| s.taken_at);
    let newest = inputs.last()?;
    let mut out = Snapshot::new(
        &newest.tool_version,
        ScanSource {
            mode: ScanMode::Merged,
            location: None,
        },
    );
    out.taken_at = newest.taken_at;
    let mut report = MergeReport::default();
    let mut targets: BTreeMap<(crate::Provider, String), Target> = BTreeMap::new();
    // Keyed lists: the last (newest) record per key wins; a different earlier one is a conflict.
    macro_rules! keyed {
        ($field:ident, $key:expr, $what:literal) => {{
            let mut by: BTreeMap<_, _> = BTreeMap::new();
            for s in &inputs {
                for r in &s.$field {
                    let k = $key(r);
                    if let Some(old) = by.insert(k.clone(), r.clone())
                        && old != *r
                    {
                        report.conflicts.push(format!("{} {:?}", $what, k));
                    }
                }
            }
            out.$field = by.into_values().collect();
        }};
    }
    for s in &inputs {
        for t in &s.targets {
            let e = targets
                .entry((t.provider, t.id.clone()))
                .or_insert_with(|| Target {
                    regions: Vec::new(),
                    ..t.clone()
                });
            e.regions.extend(t.regions.iter().cloned());
            if e.name.is_none() {
                e.name.clone_from(&t.name);
            }
            if e.organization.is_none() {
                e.organization.clone_from(&t.organization);
            }
            if e.ancestors.is_empty() {
                e.ancestors.clone_from(&t.ancestors);
            }
        }
        out.coverage.extend(s.coverage.iter().cloned());
        out.usage.extend(s.usage.iter().cloned());
        out.bindings.extend(s.bindings.iter().cloned());
        out.log_windows.extend(s.log_windows.iter().cloned());
        out.events.extend(s.events.iter().cloned());
    }
    out.targets = targets.into_values().collect();
    // A part that left an account-wide read to another part says so with a `skipped` record; once
    // that part is merged in, the record is obsolete.
    let read: Vec<(crate::Provider, String, Option<String>, String)> = out
        .coverage
        .iter()
        .filter(|c| c.status != crate::CoverageStatus::Skipped)
        .map(|c| {
            (
                c.provider,
                c.target.clone(),
                c.region.clone(),
                c.api.clone(),
            )
        })
        .collect();
    out.coverage.retain(|c| {
        !(c.status == crate::CoverageStatus::Skipped
            && c.detail.starts_with("read by shard")
            && read.contains(&(
                c.provider,
                c.target.clone(),
                c.region.clone(),
                c.api.clone(),
            )))
    });
    keyed!(
        workloads,
        |w: &crate::Workload| (w.provider, w.id.clone()),
        "workload"
    );
    keyed!(
        identities,
        |i: &crate::Identity| (i.provider, i.id.clone()),
        "identity"
    );
    keyed!(
        policies,
        |p: &crate::PolicyRecord| (p.provider, p.id.clone()),
        "policy"
    );
    keyed!(
        triggers,
        |t: &crate::Trigger| (t.provider, t.id.clone()),
        "trigger"
    );
    out.normalize();
    Some((out, report))
}
