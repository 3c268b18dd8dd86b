//! Shared by the targets: the example estate, imported the way `fnscope scan --offline` does it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use fnscope_snapshot::{ScanMode, ScanSource, Snapshot};

pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/estate")
}

/// Every provider's offline import of `dir`; `None` when an importer refuses the folder.
pub fn import(dir: &Path) -> Option<Snapshot> {
    use fnscope_providers as p;
    let mut snap = Snapshot::new(
        "fuzz",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    );
    for a in p::aws::offline::import(dir).ok()? {
        p::aws::add_account(&mut snap, a);
    }
    for g in p::gcp::offline::import(dir).ok()? {
        p::gcp::add_project(&mut snap, g);
    }
    for s in p::azure::offline::import(dir).ok()? {
        p::azure::add_subscription(&mut snap, s);
    }
    for e in p::power_automate::offline::import(dir).ok()? {
        p::power_automate::add_environment(&mut snap, e);
    }
    for d in p::apps_script::offline::import(dir).ok()? {
        p::apps_script::add_domain(&mut snap, d);
    }
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
