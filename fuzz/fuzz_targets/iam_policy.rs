//! The IAM policy parser and, for documents it accepts, the whole evaluator: the document replaces
//! the first AWS identity policy of the example estate's snapshot and every rule runs.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    if fnscope_policies::aws::policy::Policy::parse(&doc).is_err() {
        return;
    }
    static BASE: OnceLock<fnscope_snapshot::Snapshot> = OnceLock::new();
    let base = BASE.get_or_init(common::example_snapshot);
    let mut snap = base.clone();
    if let Some(p) = snap
        .policies
        .iter_mut()
        .find(|p| p.provider == fnscope_snapshot::Provider::Aws)
    {
        p.document = doc;
    }
    common::evaluate(&snap);
});
