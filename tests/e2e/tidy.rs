//! Checks of the code itself that keep ARCHITECTURE.md's invariants true.

use crate::harness::repo;

/// The non-test Rust sources under `dir` (files, with `#[cfg(test)]` modules cut off at their start).
fn sources(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![repo().join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs")
                && !p.ends_with("tests.rs")
                && !p.ends_with("kinds.rs")
            {
                let text = std::fs::read_to_string(&p).unwrap();
                let code = match text.find("#[cfg(test)]") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                out.push((p, code));
            }
        }
    }
    out
}

#[test]
fn record_kinds_are_written_only_in_the_model() {
    // A kind spelt out in a collector or a rule can drift from the one the other side writes; they
    // are the constants of `snapshots/src/kinds.rs`.
    let mut found = Vec::new();
    for dir in ["providers/src", "policies/src", "src", "snapshots/src"] {
        for (path, code) in sources(dir) {
            for kind in fnscope_snapshot::kinds::ALL {
                if code.contains(&format!("\"{kind}\"")) {
                    found.push(format!("{}: \"{kind}\"", path.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "use fnscope_snapshot::kinds:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_rules_crate_does_no_io_and_calls_no_cloud() {
    // `policies` reads only typed snapshots: no HTTP, SDK, async runtime or file-system crate.
    let manifest = std::fs::read_to_string(repo().join("policies/Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    for io in [
        "tokio", "reqwest", "aws-", "azure_", "gcp_auth", "hyper", "tempfile", "walkdir",
    ] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(io)),
            "policies depends on {io}"
        );
    }
    for (path, code) in sources("policies/src") {
        // (`std::net::IpAddr` is parsing, not I/O.)
        for call in [
            "std::fs::",
            "TcpStream",
            "UdpSocket",
            "std::process::",
            "std::env::",
        ] {
            assert!(!code.contains(call), "{} uses {call}", path.display());
        }
    }
}

#[test]
fn no_function_in_the_collectors_or_the_cli_runs_past_150_lines() {
    // Long functions are where the collectors used to hide their concerns; a function is measured
    // from its `fn` line to the closing brace at its own indentation (tests included).
    let mut long = Vec::new();
    for dir in ["providers/src", "src"] {
        let mut stack = vec![repo().join(dir)];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                if p.extension().is_none_or(|x| x != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&p).unwrap();
                let lines: Vec<&str> = text.lines().collect();
                let mut i = 0;
                while i < lines.len() {
                    let l = lines[i];
                    let body = l.trim_start();
                    let indent = l.len() - body.len();
                    let is_fn = [
                        "fn ",
                        "pub fn ",
                        "async fn ",
                        "pub async fn ",
                        "pub(crate) fn ",
                        "pub(super) fn ",
                        "pub(super) async fn ",
                        "pub(crate) async fn ",
                    ]
                    .iter()
                    .any(|p| body.starts_with(p))
                        && !l.trim_end().ends_with(';');
                    if is_fn {
                        let close = format!("{}}}", " ".repeat(indent));
                        let end = (i + 1..lines.len())
                            .find(|&j| {
                                lines[j].starts_with(&close)
                                    && lines[j].len() - lines[j].trim_start().len() == indent
                            })
                            .unwrap_or(lines.len() - 1);
                        if end - i + 1 > 150 {
                            long.push(format!("{}:{} ({} lines)", p.display(), i + 1, end - i + 1));
                        }
                        i = end;
                    }
                    i += 1;
                }
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over 150 lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_microsoft_client_depends_on_no_collector() {
    // `azure/client.rs` (Entra auth, the HTTP client, paging) is what the Azure and Power Automate
    // collectors share; it imports neither, so neither reaches into the other.
    let client = std::fs::read_to_string(repo().join("providers/src/azure/client.rs")).unwrap();
    assert!(!client.contains("super::live") && !client.contains("azure::live"));
    let pa = std::fs::read_to_string(repo().join("providers/src/power_automate/live.rs")).unwrap();
    assert!(
        !pa.contains("azure::live"),
        "Power Automate reaches into the Azure collector"
    );
}

#[test]
fn the_binary_reaches_providers_only_through_their_tables() {
    // Adding a provider is its folder and a line in each of the providers' tables (`OFFLINE`,
    // `scan::ProviderArgs`, `scan::live_providers`, `scan::PROVIDERS`, `config::ProviderConfig`):
    // the binary names no provider's module, so nothing in `src/` changes for a new one.
    let mut found = Vec::new();
    for (path, code) in sources("src") {
        for name in ["aws", "gcp", "azure", "power_automate", "apps_script"] {
            if code.contains(&format!("fnscope_providers::{name}::")) {
                found.push(format!("{}: fnscope_providers::{name}::", path.display()));
            }
        }
        for section in ["RawGcp", "RawAzure", "token_uri", "resource_manager"] {
            if code.contains(section) {
                found.push(format!("{}: {section}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
