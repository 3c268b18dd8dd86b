//! The Power Automate flow-definition analyser: trigger and every step at every depth.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(definition) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let refs = definition
        .pointer("/properties/connectionReferences")
        .cloned()
        .unwrap_or_default();
    let _ = fnscope_providers::power_automate::analyse::trigger(&definition, &refs);
    let _ = fnscope_providers::power_automate::analyse::steps(&definition, &refs);
});
