//! Shared test plumbing: moto, the proxy, the seeded estate, and running the real binary.

pub mod azfake;
pub mod fault;
pub mod gfake;
pub mod moto;
pub mod proxy;
pub mod seed;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

/// One moto seeded once per test process with the 200-function estate; scans only read, so tests share it.
pub struct Seeded {
    pub moto: moto::Moto,
    pub estate: seed::Estate,
}

pub const SEEDED_FUNCTIONS: usize = 200;

pub fn seeded() -> &'static Seeded {
    static SEEDED: OnceLock<Seeded> = OnceLock::new();
    SEEDED.get_or_init(|| {
        let moto = moto::Moto::start();
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let estate = rt.block_on(seed::seed(&moto.url, SEEDED_FUNCTIONS));
        Seeded { moto, estate }
    })
}

/// A proxy in front of the shared moto with the usual test configuration plus `faults`.
pub fn proxy(faults: Vec<proxy::Fault>) -> proxy::Proxy {
    proxy_with_trail(faults, Vec::new())
}

/// Like [`proxy`], answering `cloudtrail:LookupEvents` from `records` (moto does not implement it).
pub fn proxy_with_trail(
    faults: Vec<proxy::Fault>,
    records: Vec<serde_json::Value>,
) -> proxy::Proxy {
    let s = seeded();
    proxy::Proxy::start(
        &s.moto.url,
        proxy::ProxyConfig {
            faults,
            regions: seed::REGIONS.iter().map(|r| r.to_string()).collect(),
            list_functions_page: Some(25),
            lambda_last_used: vec![("user/deployer".into(), "2026-01-01T00:00:00Z".into())],
            cloudtrail: records,
        },
    )
}

/// Runs the fnscope binary with only loopback AWS settings in its environment.
pub fn fnscope(endpoint: Option<&str>, home: &Path, args: &[&str]) -> Output {
    fnscope_env(endpoint, home, args, &[])
}

/// Like [`fnscope`], with extra environment variables.
pub fn fnscope_env(
    endpoint: Option<&str>,
    home: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> Output {
    command(endpoint, home, args, env)
        .output()
        .expect("run fnscope")
}

/// The command [`fnscope_env`] runs, to spawn and signal.
pub fn command(
    endpoint: Option<&str>,
    home: &Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_fnscope"));
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.join("no-aws-config"))
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            home.join("no-aws-credentials"),
        )
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_REGION", "us-east-1")
        .args(args);
    if let Some(e) = endpoint {
        cmd.env("AWS_ENDPOINT_URL", e);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

/// The first coverage record of a JSON report for `api`; panics, showing the coverage, when none.
pub fn coverage<'r>(report: &'r serde_json::Value, api: &str) -> &'r serde_json::Value {
    report["coverage"]
        .as_array()
        .expect("a coverage array")
        .iter()
        .find(|c| c["api"] == api)
        .unwrap_or_else(|| panic!("no coverage record for {api}: {:#}", report["coverage"]))
}

/// (rule, subject name, target name) of every finding of a JSON report.
pub fn triples(report: &serde_json::Value) -> std::collections::BTreeSet<(String, String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_string(),
                f["subject"]["name"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                f["target"]["name"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json_file(p: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(p).expect("read json")).expect("parse json")
}

/// The repository root (examples live there).
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled example estate, as a command-line argument.
pub fn estate() -> String {
    repo().join("examples/estate").display().to_string()
}

/// Copies a folder tree (to make a changed copy of the estate).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}
