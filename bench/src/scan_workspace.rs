//! `fnscope-bench scan-workspace`: `fnscope scan apps-script` against the Workspace fake through
//! domain-wide delegation; prints calls per method against the minimum, wall time against the lower
//! bound the Directory and Drive quotas, latency and sequential calls set, and peak memory.

use crate::fake_workspace::{self, Estate};

pub struct Args {
    pub estate: Estate,
    pub bin: std::path::PathBuf,
    pub extra: Vec<String>,
}

pub fn run(a: Args) -> Result<(), String> {
    let e = a.estate.clone();
    let fake =
        fake_workspace::start(e.clone()).map_err(|e| format!("cannot start the fake: {e}"))?;
    let home = std::env::temp_dir().join(format!("fnscope-bench-ws-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let key = crate::scan_gcp::key_file(&home, &fake.url)?;
    let snap = home.join("snapshot.json.gz");
    let mut command = crate::common::command(&a.bin, &home);
    command
        .env("GOOGLE_APPLICATION_CREDENTIALS", &key)
        .args([
            "scan",
            "apps-script",
            "--workspace-domain",
            fake_workspace::DOMAIN,
        ])
        .args([
            "--workspace-admin",
            fake_workspace::ADMIN,
            "--workspace-endpoint",
            &fake.url,
        ])
        .args(["--allow-partial", "-q", "--format", "json", "--output"])
        .arg(home.join("report.json"))
        .arg("--save")
        .arg(&snap)
        .args(&a.extra);
    let run = crate::common::run(command, &snap, |_| false);
    let _ = std::fs::remove_dir_all(&home);
    let run = run?;
    let stats = fake.stats.lock().map_err(|_| "stats lock".to_string())?;
    let minimum = e.minimum_calls();
    let t = crate::common::print_calls(&stats, &minimum, "");
    let get = |k: &str| minimum.get(k).copied().unwrap_or(0) as f64;
    let quota_bound = if e.quotas {
        let directory = get("directory:users.list") + get("directory:tokens.list");
        let q = fake_workspace::DIRECTORY_PER_MINUTE;
        let d = fake_workspace::DRIVE_PER_MINUTE;
        ((directory - q).max(0.0) / (q / 60.0))
            .max((get("drive:files.list") - d).max(0.0) / (d / 60.0))
    } else {
        0.0
    };
    // Users are read 16 at once (--concurrency); the user listing's pages follow each other.
    let lat = e.latency.as_secs_f64();
    let latency_bound = t.minimum as f64 * lat / 16.0;
    let chain_bound = (get("directory:users.list") + 6.0) * lat;
    let bound = quota_bound.max(latency_bound).max(chain_bound);
    println!(
        "\n{} users, a standalone script every {} users ({} scripts), {} ms a call, {}: exit {}, {} workloads saved",
        e.users,
        e.script_every,
        e.scripts(),
        e.latency.as_millis(),
        if e.quotas {
            "Directory 2,400/min per user, Drive 12,000/min per project and per user"
        } else {
            "no quotas"
        },
        run.exit,
        run.workloads
    );
    let parts = format!(
        "quota {quota_bound:.1}, latency/concurrency {latency_bound:.1}, sequential calls {chain_bound:.1}"
    );
    // Resources: the users read and the scripts found.
    crate::common::print_outcome(&run, &t, (e.users + e.scripts()) as u64, bound, &parts);
    Ok(())
}
