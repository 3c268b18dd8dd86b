//! Shared by the targets: the example estate, imported the way `fnscope scan --offline` does it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use fnscope_snapshot::{ScanMode, ScanSource, Snapshot};

pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/estate")
}

/// Every provider's offline import of `dir`; `None` when an importer refuses the folder.
pub fn import(dir: &Path) -> Option<Snapshot> {
    let mut snap = Snapshot::new(
        "fuzz",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    );
    fnscope_providers::import_offline(
        dir,
        &[],
        &mut snap,
        &fnscope_providers::progress::NoProgress,
    )
    .ok()?;
    Some(snap)
}

pub fn example_snapshot() -> Snapshot {
    import(&example_dir()).unwrap_or_else(|| Snapshot::new("fuzz", ScanSource { mode: ScanMode::Offline, location: None }))
}

pub fn evaluate(snap: &Snapshot) {
    let rules = fnscope_policies::catalogue();
    let settings = fnscope_policies::Settings::default();
    let _ = fnscope_policies::evaluate(snap, &rules, &settings);
}
