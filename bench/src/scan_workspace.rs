//! `fnscope-bench scan-workspace`: `fnscope scan apps-script` against the Workspace fake through
//! domain-wide delegation; prints calls per method against the minimum, wall time against the lower
//! bound the Directory and Drive quotas, latency and sequential calls set, and peak memory.

use std::time::Instant;

use crate::fake_workspace::{self, Estate};

pub struct Args {
    pub estate: Estate,
    pub bin: std::path::PathBuf,
    pub extra: Vec<String>,
}

pub fn run(a: Args) -> Result<(), String> {
    let e = a.estate.clone();
    let fake = fake_workspace::Fake::start(e.clone())
        .map_err(|e| format!("cannot start the fake: {e}"))?;
    let home = std::env::temp_dir().join(format!("fnscope-bench-ws-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let key = crate::scan_gcp::key_file(&home, &fake.url)?;
    let snap = home.join("snapshot.json.gz");
    let t0 = Instant::now();
    let status = std::process::Command::new(&a.bin)
        .env_clear()
        .env("HOME", &home)
        .env("PATH", std::env::var("PATH").unwrap_or_default())
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
        .args(&a.extra)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", a.bin.display()))?;
    let wall = t0.elapsed().as_secs_f64();
    let rss = crate::children_peak_rss_mb();
    let saved = fnscope_snapshot::load(&snap).map_err(|e| e.to_string())?;
    let incomplete: Vec<String> = saved
        .coverage
        .iter()
        .filter(|c| c.status != fnscope_snapshot::CoverageStatus::Complete)
        .map(|c| format!("{} {} {:?}: {}", c.target, c.api, c.status, c.detail))
        .collect();
    let _ = std::fs::remove_dir_all(&home);
    let stats = fake.stats.lock().map_err(|_| "stats lock".to_string())?;
    let minimum = e.minimum_calls();
    println!(
        "{:<44} {:>8} {:>8} {:>9}",
        "method", "calls", "minimum", "throttled"
    );
    let mut ops: Vec<&String> = stats.calls.keys().chain(minimum.keys()).collect();
    ops.sort();
    ops.dedup();
    let (mut total, mut min_total, mut throttled) = (0u64, 0u64, 0u64);
    for op in ops {
        let c = stats.calls.get(op).copied().unwrap_or(0);
        let m = minimum.get(op).copied().unwrap_or(0);
        let t = stats.throttled.get(op).copied().unwrap_or(0);
        total += c;
        min_total += m;
        throttled += t;
        println!("{op:<44} {c:>8} {m:>8} {t:>9}");
    }
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
    let latency_bound = min_total as f64 * lat / 16.0;
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
        status.code().unwrap_or(-1),
        saved.workloads.len()
    );
    for c in incomplete.iter().take(5) {
        println!("incomplete: {c}");
    }
    println!(
        "calls {total} (minimum {min_total}, {:+.1}%), throttled answers retried {throttled}, {} incomplete coverage records",
        (total as f64 / min_total.max(1) as f64 - 1.0) * 100.0,
        incomplete.len()
    );
    println!(
        "wall {wall:.1} s, lower bound {bound:.1} s (quota {quota_bound:.1}, latency/concurrency {latency_bound:.1}, sequential calls {chain_bound:.1}), ratio {:.2}; peak RSS {rss:.0} MB",
        wall / bound.max(f64::MIN_POSITIVE)
    );
    Ok(())
}
