//! The snapshot loader (plain and gzip), and evaluation of what it accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.json", "fuzz.json.gz"] {
        if let Ok(snap) = fnscope_snapshot::from_slice(data, std::path::Path::new(name)) {
            common::evaluate(&snap);
        }
    }
});
