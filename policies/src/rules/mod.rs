//! The built-in rules, one per file, grouped by provider. Registered in `registry::catalogue`.

pub mod apps_script;
pub mod aws;
pub mod azure;
pub mod gcp;
pub mod power_automate;
