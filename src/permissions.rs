//! `fnscope permissions PROVIDER`: the minimal read-only grant. Each provider prints its own
//! (`fnscope_providers::scan::PROVIDERS`), from the collector's own list of calls, so what is printed
//! and what is called cannot drift apart.

use fnscope_snapshot::Provider;

use crate::CliError;

pub fn render(provider: &str) -> Result<String, CliError> {
    let unknown = || {
        CliError::Input(format!(
            "unknown provider `{provider}`: expected one of {}",
            Provider::names()
        ))
    };
    let p = Provider::parse(provider).ok_or_else(unknown)?;
    let entry = fnscope_providers::scan::PROVIDERS
        .iter()
        .find(|e| e.provider == p)
        .ok_or_else(unknown)?;
    match (entry.permissions)() {
        Some(text) => text.map_err(CliError::Internal),
        None => Err(CliError::Input(format!(
            "provider `{p}` is not built into this fnscope (enable its cargo feature)"
        ))),
    }
}
