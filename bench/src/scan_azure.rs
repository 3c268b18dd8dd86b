//! `fnscope-bench scan-azure`: `fnscope scan azure` against the HTTPS Azure fake, with Resource
//! Graph (the default) or without (`--per-subscription`); prints calls per method against the
//! minimum, calls per 1,000 resources, wall time against the lower bound the quotas, latency and
//! sequential calls set, and peak memory.

use crate::fake_azure::{self, Estate};

pub struct Args {
    pub estate: Estate,
    pub per_subscription: bool,
    pub parallel: usize,
    pub bin: std::path::PathBuf,
    pub extra: Vec<String>,
}

pub fn run(a: Args) -> Result<(), String> {
    let e = a.estate.clone();
    let home = std::env::temp_dir().join(format!("fnscope-bench-azure-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let fake = fake_azure::Fake::start(e.clone(), &home)?;
    let snap = home.join("snapshot.json.gz");
    let parallel = a.parallel.clamp(1, 64);
    let graph = !a.per_subscription;
    let mut command = crate::common::command(&a.bin, &home);
    command
        .env("AZURE_TENANT_ID", fake_azure::TENANT)
        .env("AZURE_CLIENT_ID", fake_azure::CLIENT_ID)
        .env("AZURE_CLIENT_SECRET", fake_azure::SECRET)
        .env("FNSCOPE_CA_BUNDLE", &fake.ca_pem)
        .args(["scan", "azure", "--azure-endpoint", &fake.url])
        .args(["--max-parallel-subscriptions", &parallel.to_string()])
        .args(["--allow-partial", "-q", "--format", "json", "--output"])
        .arg(home.join("report.json"))
        .arg("--save")
        .arg(&snap)
        .args(if graph {
            vec![]
        } else {
            vec!["--azure-no-resource-graph"]
        })
        .args(&a.extra);
    let run = crate::common::run(command, &snap, |_| false);
    let _ = std::fs::remove_dir_all(&home);
    let run = run?;
    let stats = fake.stats.lock().map_err(|_| "stats lock".to_string())?;
    let minimum = e.minimum_calls(graph);
    let t = crate::common::print_calls(&stats, &minimum, "resourcegraph:");
    // Lower bound. ARM: each subscription's calls past its bucket of 250 at 25 a second, a round of
    // `parallel` subscriptions at a time; Resource Graph: its queries past 15 at 3 a second.
    let rounds = e.subscriptions.div_ceil(parallel) as f64;
    let per_sub = e.arm_per_subscription(graph) as f64;
    let arm_bound = if e.quotas {
        rounds * (per_sub - fake_azure::ARM_BUCKET).max(0.0) / fake_azure::ARM_REFILL
    } else {
        0.0
    };
    let queries = minimum
        .iter()
        .filter(|(k, _)| k.starts_with("resourcegraph:"))
        .map(|(_, v)| *v)
        .sum::<u64>() as f64;
    let arg_rate = fake_azure::ARG_QUERIES / fake_azure::ARG_WINDOW_S;
    let arg_bound = if e.quotas {
        (queries - fake_azure::ARG_QUERIES).max(0.0) / arg_rate
    } else {
        0.0
    };
    let quota_bound = arm_bound.max(arg_bound);
    let lat = e.latency.as_secs_f64();
    let latency_bound = t.minimum as f64 * lat / (16.0 * parallel as f64);
    // Per subscription, calls that follow each other: the listings (none with Resource Graph), the
    // three authorization listings, each site's functions, runbooks, webhooks, two Graph calls per
    // identity; the Resource Graph pages before them.
    let fan = |n: usize| n.div_ceil(16) as f64;
    let principals = e.apps + e.logic_apps + 1 + e.identities;
    let chain = if graph { 0.0 } else { 4.0 } + 3.0 + fan(e.apps) + 2.0 + 2.0 * fan(principals);
    let chain_bound = (queries + 2.0 + rounds * chain) * lat;
    let bound = quota_bound.max(latency_bound).max(chain_bound);
    let resources = e.resources();
    println!(
        "\n{} subscriptions × ({} Function Apps of {} functions, {} Logic Apps, an Automation account of {} runbooks, {} identities), {} ms a call, {}, {}: exit {}, {} workloads saved",
        e.subscriptions,
        e.apps,
        e.functions,
        e.logic_apps,
        e.runbooks,
        e.identities,
        e.latency.as_millis(),
        if e.quotas {
            "ARM at 250 + 25/s per subscription, Resource Graph at 15 per 5 s"
        } else {
            "no quotas"
        },
        if graph {
            "Resource Graph"
        } else {
            "per subscription"
        },
        run.exit,
        run.workloads
    );
    let parts = format!(
        "quota {quota_bound:.1}, latency/concurrency {latency_bound:.1}, sequential calls {chain_bound:.1}"
    );
    crate::common::print_outcome(&run, &t, resources, bound, &parts);
    Ok(())
}
