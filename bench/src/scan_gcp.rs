//! `fnscope-bench scan-gcp`: `fnscope scan gcp --gcp-scope organizations/1` against the Google fake,
//! through Cloud Asset Inventory or (`--per-resource`) each project's own APIs; prints calls per
//! method against the minimum, the calls per 1,000 resources, wall time against the lower bound the
//! quotas, latency and sequential calls set, and peak memory.

use crate::fake_gcp::{self, Estate};

pub struct Args {
    pub estate: Estate,
    pub per_resource: bool,
    pub parallel_projects: usize,
    pub bin: std::path::PathBuf,
    pub extra: Vec<String>,
}

/// A service-account key (a fresh RSA key from openssl) whose token URI is the fake's.
pub fn key_file(home: &std::path::Path, url: &str) -> Result<std::path::PathBuf, String> {
    let pem = home.join("key.pem");
    let ok = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
        ])
        .arg(&pem)
        .status()
        .map_err(|e| format!("openssl is needed for the Google token flow: {e}"))?
        .success();
    if !ok {
        return Err("openssl could not make a key".into());
    }
    let pem = std::fs::read_to_string(&pem).map_err(|e| e.to_string())?;
    let key = serde_json::json!({
        "type": "service_account", "project_id": "bench-scanner", "private_key_id": "k1",
        "private_key": pem, "client_email": "fnscope@bench-scanner.iam.gserviceaccount.com",
        "client_id": "1", "token_uri": format!("{url}/token"),
    });
    let path = home.join("sa-key.json");
    std::fs::write(&path, key.to_string()).map_err(|e| e.to_string())?;
    Ok(path)
}

pub fn run(a: Args) -> Result<(), String> {
    let e = a.estate.clone();
    let fake = fake_gcp::start(e.clone()).map_err(|e| format!("cannot start the fake: {e}"))?;
    let home = std::env::temp_dir().join(format!("fnscope-bench-gcp-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let key = key_file(&home, &fake.url)?;
    let snap = home.join("snapshot.json.gz");
    let parallel = a.parallel_projects.clamp(1, 64);
    let mut command = crate::common::command(&a.bin, &home);
    command
        .env("GOOGLE_APPLICATION_CREDENTIALS", &key)
        .args([
            "scan",
            "gcp",
            "--gcp-scope",
            fake_gcp::ORG,
            "--gcp-endpoint",
            &fake.url,
        ])
        .args(["--max-parallel-projects", &parallel.to_string()])
        .args(["--allow-partial", "-q", "--format", "json", "--output"])
        .arg(home.join("report.json"))
        .arg("--save")
        .arg(&snap)
        .args(if a.per_resource {
            vec!["--gcp-no-asset-inventory"]
        } else {
            vec![]
        })
        .args(&a.extra);
    // Insights need Security Command Center Premium: refused, Activity Analyzer read instead.
    let run = crate::common::run(command, &snap, |c| c.api == "recommender:insights.list");
    let _ = std::fs::remove_dir_all(&home);
    let run = run?;
    let stats = fake.stats.lock().map_err(|_| "stats lock".to_string())?;
    let minimum = e.minimum_calls(!a.per_resource);
    let t = crate::common::print_calls(&stats, &minimum, "cloudasset:");
    let mut per_api: std::collections::BTreeMap<&str, u64> = Default::default();
    for (op, m) in &minimum {
        *per_api
            .entry(op.split(':').next().unwrap_or_default())
            .or_insert(0) += m;
    }
    // Lower bound. Quotas: per bucket (the scan's, a project's, a project's region's), its
    // minimum calls past one minute's burst at its rate; every bucket of a kind holds alike.
    let (quota_bound, busiest) = if e.quotas {
        per_api
            .iter()
            .filter_map(|(api, n)| {
                let (q, scope) = fake_gcp::quota(api)?;
                let buckets = match scope {
                    fake_gcp::Scope::Consumer | fake_gcp::Scope::Organization => 1,
                    fake_gcp::Scope::Project => e.projects,
                    fake_gcp::Scope::ProjectRegion => e.projects * e.locations.max(1),
                };
                let each = *n as f64 / buckets.max(1) as f64;
                Some(((each - q).max(0.0) / (q / 60.0), *api))
            })
            .fold((0.0, ""), |m, x| if x.0 > m.0 { x } else { m })
    } else {
        (0.0, "")
    };
    // Latency: every call at `concurrency` (16) a project, `parallel` projects at once; and the calls
    // that must follow each other: the inventory's pages, then each round of projects' chain.
    let lat = e.latency.as_secs_f64();
    let in_flight = 16.0 * parallel as f64;
    let latency_bound = t.minimum as f64 * lat / in_flight;
    let rounds = e.projects.div_ceil(parallel) as f64;
    let chain = if a.per_resource {
        let fan = |n: usize| n.div_ceil(16) as f64;
        // projects.get, 2 policies, functions, their policies, locations, jobs, services, accounts,
        // their policies, insights, activities.
        10.0 + fan(e.functions) + 2.0 * fan(e.locations) + fan(e.accounts)
    } else {
        2.0
    };
    let pages = if a.per_resource { 0.0 } else { t.engine as f64 };
    let chain_bound = (pages + rounds * chain + 3.0) * lat;
    let bound = quota_bound.max(latency_bound).max(chain_bound);
    let resources = e.resources();
    println!(
        "\n{} projects × ({} functions, {} service accounts, {} Cloud Run locations), {} ms a call, {}, {}: exit {}, {} workloads saved",
        e.projects,
        e.functions,
        e.accounts,
        e.locations,
        e.latency.as_millis(),
        if e.quotas {
            "Google's documented per-minute read quotas"
        } else {
            "no quotas"
        },
        if a.per_resource {
            "each project's own APIs"
        } else {
            "Cloud Asset Inventory"
        },
        run.exit,
        run.workloads
    );
    let parts = format!(
        "quota {quota_bound:.1}{}, latency/concurrency {latency_bound:.1}, sequential calls {chain_bound:.1}",
        if busiest.is_empty() {
            String::new()
        } else {
            format!(" on {busiest}")
        }
    );
    crate::common::print_outcome(&run, &t, resources, bound, &parts);
    Ok(())
}
