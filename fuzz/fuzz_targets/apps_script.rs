//! The Apps Script analyser: a manifest and source files (split on NUL bytes).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let manifest = parts.next().unwrap_or_default().to_string();
    let mut files = vec![("appsscript.json".to_string(), manifest)];
    for (i, source) in parts.enumerate() {
        files.push((format!("Code{i}.gs"), source.to_string()));
    }
    let _ = fnscope_providers::apps_script::analyse::analyse(&files);
});
