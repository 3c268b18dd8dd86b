//! `cargo run --release -p fnscope-bench -- eval --roles 10000 --functions 10000`: builds a synthetic AWS
//! snapshot (roles from harmless to admin, functions, deployers, EventBridge rules) and times the whole
//! rule catalogue over it. Prints one line of numbers; run it, don't assert on it.

use std::time::Instant;

use clap::{Parser, Subcommand};
use fnscope_snapshot::testkit::{ADMIN, AwsEstate, allow};
use fnscope_snapshot::{Snapshot, WorkloadDetails};
use serde_json::{Value, json};

#[derive(Parser)]
#[command(about = "fnscope benchmarks")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Time the rule catalogue over a synthetic snapshot
    Eval {
        #[arg(long, default_value_t = 10_000)]
        roles: usize,
        #[arg(long, default_value_t = 10_000)]
        functions: usize,
        #[arg(long, default_value_t = 1_000)]
        users: usize,
        /// Also write the synthetic snapshot here
        #[arg(long)]
        save: Option<std::path::PathBuf>,
        /// Also time each rule alone and print the slowest
        #[arg(long)]
        per_rule: bool,
    },
    /// Write a synthetic CloudTrail folder: noise around one planted deploy-and-invoke
    Trail {
        /// Total size in MB
        #[arg(long, default_value_t = 1024)]
        mb: usize,
        /// Size of one file in MB (CloudTrail delivers many small files; exports can be large)
        #[arg(long, default_value_t = 16)]
        file_mb: usize,
        /// gzip the files, as CloudTrail delivers them
        #[arg(long)]
        gzip: bool,
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Read a log folder the way `fnscope detect` does; print time, records, kept events, peak memory
    Logs { dir: std::path::PathBuf },
    /// Run `fnscope scan aws` against a fake AWS with latency and throttling; print calls per
    /// operation against the minimum, retries, wall time against the lower bound, and peak memory
    Scan {
        #[arg(long, default_value_t = 10_000)]
        functions: usize,
        #[arg(long, default_value_t = 4)]
        regions: usize,
        /// Latency of every answer, in milliseconds
        #[arg(long, default_value_t = 30)]
        latency_ms: u64,
        /// Calls per second per service and region before throttling (0: no throttling)
        #[arg(long, default_value_t = 0.0)]
        rps: f64,
        /// Throttle Lambda at its documented quotas per account and region (GetPolicy 15/s,
        /// GetFunction 100/s, the other control-plane calls together 15/s)
        #[arg(long)]
        lambda_quotas: bool,
        /// Accounts: more than 1 makes an AWS organization (every member holds the same estate),
        /// scanned with --aws-org-role through sts:AssumeRole
        #[arg(long, default_value_t = 1)]
        accounts: usize,
        /// With --accounts: --max-parallel-accounts for fnscope
        #[arg(long, default_value_t = 64)]
        parallel_accounts: usize,
        /// Serve the files of this folder (written by `fnscope-bench trail`) as today's CloudTrail
        /// files in a bucket, and read them with `--since 1d --aws-trail s3://bench-trail`
        #[arg(long, value_name = "DIR")]
        trail_dir: Option<std::path::PathBuf>,
        /// The fnscope binary (build it with `cargo build --release`)
        #[arg(long, default_value = "target/release/fnscope")]
        bin: std::path::PathBuf,
        /// Extra arguments for `fnscope scan aws` (e.g. --concurrency 32)
        #[arg(last = true)]
        extra: Vec<String>,
    },
    /// Run `fnscope scan gcp --gcp-scope organizations/1` against a fake Google Cloud organization
    /// at Google's documented per-minute quotas, through Cloud Asset Inventory or each project's own
    /// APIs; print calls per method against the minimum, calls per 1,000 resources, wall time against
    /// the lower bound, and peak memory
    ScanGcp {
        #[arg(long, default_value_t = 500)]
        projects: usize,
        /// 2nd-gen functions per project (each with its Cloud Run service)
        #[arg(long, default_value_t = 20)]
        functions: usize,
        /// Service accounts per project
        #[arg(long, default_value_t = 5)]
        accounts: usize,
        /// Cloud Run locations (the per-resource path lists services and jobs in each)
        #[arg(long, default_value_t = 40)]
        locations: usize,
        #[arg(long, default_value_t = 30)]
        latency_ms: u64,
        /// Serve without quotas
        #[arg(long)]
        no_quotas: bool,
        /// Read each project's own APIs (--gcp-no-asset-inventory) instead of Cloud Asset Inventory
        #[arg(long)]
        per_resource: bool,
        /// --max-parallel-projects for fnscope
        #[arg(long, default_value_t = 8)]
        parallel_projects: usize,
        #[arg(long, default_value = "target/release/fnscope")]
        bin: std::path::PathBuf,
        #[arg(last = true)]
        extra: Vec<String>,
    },
    /// Run `fnscope scan azure` against a fake Azure tenant over HTTPS at ARM's documented read
    /// quota (250, then 25 a second, per subscription and principal) and Resource Graph's (15 queries
    /// per 5 s), with Resource Graph or per subscription; print calls per method against the minimum,
    /// calls per 1,000 resources, wall time against the lower bound, and peak memory
    ScanAzure {
        #[arg(long, default_value_t = 1000)]
        subscriptions: usize,
        /// Function Apps per subscription
        #[arg(long, default_value_t = 10)]
        apps: usize,
        /// Functions per Function App
        #[arg(long, default_value_t = 3)]
        functions: usize,
        #[arg(long, default_value_t = 2)]
        logic_apps: usize,
        #[arg(long, default_value_t = 2)]
        runbooks: usize,
        /// User-assigned identities per subscription
        #[arg(long, default_value_t = 2)]
        identities: usize,
        #[arg(long, default_value_t = 30)]
        latency_ms: u64,
        #[arg(long)]
        no_quotas: bool,
        /// List each subscription on its own (--azure-no-resource-graph)
        #[arg(long)]
        per_subscription: bool,
        /// --max-parallel-subscriptions for fnscope
        #[arg(long, default_value_t = 8)]
        parallel_subscriptions: usize,
        #[arg(long, default_value = "target/release/fnscope")]
        bin: std::path::PathBuf,
        #[arg(last = true)]
        extra: Vec<String>,
    },
    /// Run `fnscope scan apps-script` against a fake Google Workspace domain through domain-wide
    /// delegation at the Directory API's (2,400 a minute per user) and Drive's (12,000 a minute)
    /// documented quotas; print calls per method against the minimum, wall time against the lower
    /// bound, and peak memory
    ScanWorkspace {
        #[arg(long, default_value_t = 100_000)]
        users: usize,
        /// One user in this many owns a standalone script
        #[arg(long, default_value_t = 100)]
        script_every: usize,
        #[arg(long, default_value_t = 30)]
        latency_ms: u64,
        #[arg(long)]
        no_quotas: bool,
        #[arg(long, default_value = "target/release/fnscope")]
        bin: std::path::PathBuf,
        #[arg(last = true)]
        extra: Vec<String>,
    },
    /// Time the resource diff and the findings of two large synthetic snapshots (1% of functions changed)
    Diff {
        #[arg(long, default_value_t = 100_000)]
        functions: usize,
    },
}

const A: &str = "111122223333";

/// A deterministic synthetic estate: 1% admin roles, 4% credential-creating, the rest harmless;
/// 2% of functions public, 1% behind an IAM-event rule. Built with the estate builder the rules' unit
/// fixtures use (`fnscope_snapshot::testkit`), so both see the records an offline import produces.
fn synthetic(roles: usize, functions: usize, users: usize) -> Snapshot {
    let mut k = AwsEstate::new(A, &["us-east-1", "eu-west-1"]);
    for i in 0..roles {
        let (inline, attached): (Option<Value>, &[&str]) = match i % 100 {
            0 => (None, &[ADMIN]),
            1..=4 => (Some(allow(json!("iam:CreateAccessKey"), json!("*"))), &[]),
            _ => (
                Some(allow(
                    json!([
                        "s3:GetObject",
                        "s3:PutObject",
                        "dynamodb:GetItem",
                        "sqs:ReceiveMessage"
                    ]),
                    json!(format!("arn:aws:s3:::bucket-{i}/*")),
                )),
                &[],
            ),
        };
        k.role(
            &format!("fn-role-{i:05}"),
            "lambda.amazonaws.com",
            inline,
            attached,
            None,
        );
    }
    for i in 0..users {
        let doc = match i % 10 {
            0 => json!({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": ["lambda:CreateFunction", "lambda:InvokeFunction"], "Resource": "*"},
                {"Effect": "Allow", "Action": "iam:PassRole", "Resource": format!("arn:aws:iam::{A}:role/fn-role-{:05}*", i % roles.max(1))}]}),
            1 => allow(
                json!("lambda:UpdateFunctionCode"),
                json!(format!(
                    "arn:aws:lambda:*:{A}:function:fn-{:05}",
                    i % functions.max(1)
                )),
            ),
            2 => allow(json!(["lambda:Get*", "lambda:List*"]), json!("*")),
            _ => allow(json!(["s3:GetObject"]), json!("*")),
        };
        k.user(&format!("user-{i:05}"), doc);
    }
    for i in 0..functions {
        let region = if i % 2 == 0 { "us-east-1" } else { "eu-west-1" };
        let name = format!("fn-{i:05}");
        k.function(region, &name, &format!("fn-role-{:05}", i % roles.max(1)));
        // Public, as the offline import records it: the policy and the exposure it computes.
        if i % 50 == 0
            && let Some(w) = k.snapshot.workloads.last_mut()
            && let WorkloadDetails::AwsLambda(d) = &mut w.details
        {
            d.resource_policy = Some(
                json!({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "lambda:InvokeFunction"}]}),
            );
            w.exposure.public = true;
            w.exposure.notes = vec!["resource policy: any principal".into()];
        }
        if i % 100 == 0 {
            k.rule(
                region,
                &format!("r-{i:05}"),
                json!({"source": ["aws.iam"], "detail": {"eventName": ["CreateUser"]}}),
                &name,
            );
        }
    }
    let mut s = k.snapshot;
    s.normalize();
    s
}

mod common;
mod fake_aws;
mod fake_azure;
mod fake_gcp;
mod fake_workspace;
mod scan_azure;
mod scan_gcp;
mod scan_workspace;

/// Ends the benchmark with exit 2 when a step failed.
fn or_exit<E: std::fmt::Display>(r: Result<(), E>) {
    if let Err(e) = r {
        eprintln!("fnscope-bench: {e}");
        std::process::exit(2);
    }
}

/// Peak resident memory of this process's finished children (Linux reports KB), in MB.
fn children_peak_rss_mb() -> f64 {
    nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_CHILDREN)
        .map(|u| u.max_rss() as f64 / 1024.0)
        .unwrap_or(f64::NAN)
}

/// How the fake throttles: a flat rate per service and region, or Lambda's documented quotas; and the
/// trail files it serves.
struct Quotas {
    rps: f64,
    lambda_quotas: bool,
    trail_dir: Option<std::path::PathBuf>,
    /// Accounts of the organization (1: one account) and how many fnscope reads at once.
    accounts: (usize, usize),
}

/// The files of a `fnscope-bench trail` folder, named and loaded.
fn trail_files(dir: &std::path::Path) -> Result<Vec<fake_aws::TrailFile>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for e in entries {
        let p = e.map_err(|e| e.to_string())?.path();
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        out.push((name, std::sync::Arc::new(bytes)));
    }
    out.sort();
    Ok(out)
}

fn scan_bench(
    functions: usize,
    regions: usize,
    latency_ms: u64,
    quotas: Quotas,
    bin: &std::path::Path,
    extra: &[String],
) -> Result<(), String> {
    const ALL: [&str; 8] = [
        "us-east-1",
        "eu-west-1",
        "us-west-2",
        "ap-southeast-2",
        "eu-central-1",
        "us-east-2",
        "ap-northeast-1",
        "sa-east-1",
    ];
    let estate = fake_aws::Estate {
        functions,
        regions: ALL
            .iter()
            .take(regions.clamp(1, ALL.len()))
            .map(|s| s.to_string())
            .collect(),
        latency: std::time::Duration::from_millis(latency_ms),
        rps: quotas.rps,
        lambda_quotas: quotas.lambda_quotas,
        trail: match &quotas.trail_dir {
            Some(d) => trail_files(d)?,
            None => Vec::new(),
        },
        accounts: quotas.accounts.0.max(1),
        trail_day: {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64);
            chrono_like(now)[..10].replace('-', "/")
        },
    };
    let trail_args: Vec<String> = if estate.trail.is_empty() {
        Vec::new()
    } else {
        ["--since", "1d", "--aws-trail", "s3://bench-trail"]
            .map(String::from)
            .to_vec()
    };
    let trail_records = trail_records(&estate.trail);
    let (accounts, parallel) = (estate.accounts, quotas.accounts.1.clamp(1, 64));
    let org_args: Vec<String> = if accounts > 1 {
        vec![
            "--aws-org-role".into(),
            "fnscope-bench".into(),
            "--max-parallel-accounts".into(),
            parallel.to_string(),
        ]
    } else {
        Vec::new()
    };
    let rps = quotas.rps;
    let fake =
        fake_aws::start(estate.clone()).map_err(|e| format!("cannot start the fake: {e}"))?;
    let home = std::env::temp_dir().join(format!("fnscope-bench-{}", std::process::id()));
    std::fs::create_dir_all(&home).map_err(|e| e.to_string())?;
    let snap = home.join("snapshot.json.gz");
    let t0 = Instant::now();
    let status = common::command(bin, &home)
        .env("AWS_ENDPOINT_URL", &fake.url)
        .env("AWS_ACCESS_KEY_ID", "bench")
        .env("AWS_SECRET_ACCESS_KEY", "bench")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", home.join("none"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("none"))
        .args([
            "scan",
            "aws",
            "--no-last-accessed",
            "--allow-partial",
            "-q",
            "--format",
            "json",
            "--output",
        ])
        .arg(home.join("report.json"))
        .arg("--save")
        .arg(&snap)
        .args(&trail_args)
        .args(&org_args)
        .args(extra)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let wall = t0.elapsed().as_secs_f64();
    let rss = children_peak_rss_mb();
    let saved = fnscope_snapshot::load(&snap).map_err(|e| e.to_string())?;
    let incomplete: Vec<String> = saved
        .coverage
        .iter()
        .filter(|c| c.status != fnscope_snapshot::CoverageStatus::Complete)
        .filter(|c| c.detail != "not requested (--no-last-accessed)")
        .map(|c| format!("{} {:?}: {}", c.api, c.status, c.detail))
        .collect();
    let _ = std::fs::remove_dir_all(&home);
    let stats = fake.stats.lock().map_err(|_| "stats lock".to_string())?;
    let minimum = estate.minimum_calls();
    println!(
        "{:<40} {:>8} {:>8} {:>9}",
        "operation", "calls", "minimum", "throttled"
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
        println!("{op:<40} {c:>8} {m:>8} {t:>9}");
    }
    // Lower bound: the throttle (the busiest service and region at `rps`), the latency over the
    // allowed concurrency (16 calls per region, 4 regions at once by default), and the longest chain
    // of calls that must follow each other (pages of one listing).
    let lat = latency_ms as f64 / 1000.0;
    let per_region = functions.div_ceil(regions.max(1));
    let busiest = (2 * per_region + per_region.div_ceil(50) + 4) as f64;
    let mut throttle_bound = if rps > 0.0 { busiest / rps } else { 0.0 };
    if quotas.lambda_quotas {
        // Per region: one GetPolicy per function against 15/s; one GetFunctionUrlConfig per function,
        // the ListFunctions pages and the few other listings against the shared 15/s.
        let (_, policy) = fake_aws::lambda_quota("GetPolicy");
        let (_, control) = fake_aws::lambda_quota("ListFunctions");
        // Each bucket starts full (one second of its rate, as the fake models it).
        let control_calls = (per_region + per_region.div_ceil(50) + 3) as f64;
        throttle_bound = throttle_bound
            .max((per_region as f64 - policy).max(0.0) / policy)
            .max((control_calls - control).max(0.0) / control);
    }
    let in_flight = 16.0 * (regions.min(4) as f64);
    // Per account (an organization's accounts are read alike; the rounds of them come below).
    let latency_bound = min_total as f64 / estate.accounts as f64 * lat / in_flight;
    let chain = (per_region.div_ceil(50) + 1).max(functions.div_ceil(1000)) as f64 + 3.0;
    let chain_bound = chain * lat;
    let mut bound = throttle_bound.max(latency_bound).max(chain_bound);
    // An organization: each account is read like one account (its own quotas), `parallel` at once.
    let quota_alone = bound;
    if accounts > 1 {
        bound *= accounts.div_ceil(parallel) as f64;
    }
    println!(
        "\n{functions} functions in {regions} regions, {latency_ms} ms a call, {}: exit {}, {} workloads saved",
        if quotas.lambda_quotas {
            "Lambda at its documented quotas (GetPolicy 15/s, GetFunction 100/s, other control plane 15/s)".to_string()
        } else if rps > 0.0 {
            format!("{rps} calls/s per service and region")
        } else {
            "no throttling".into()
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
        "wall {wall:.1} s, lower bound {bound:.1} s (throttle {throttle_bound:.1}, latency/concurrency {latency_bound:.1}, sequential pages {chain_bound:.1}), ratio {:.2}; peak RSS {rss:.0} MB",
        wall / bound
    );
    if accounts > 1 {
        println!(
            "organization: {accounts} accounts, {parallel} read at once: the bound above is {} rounds of one account's {quota_alone:.1} s (every account at once, the quotas alone would allow {quota_alone:.1} s); {} workloads",
            accounts.div_ceil(parallel),
            saved.workloads.len()
        );
    }
    if !estate.trail.is_empty() {
        let mb: usize = estate.trail.iter().map(|(_, b)| b.len()).sum();
        let kept = saved.events.len();
        let lookup = trail_records as f64 / 50.0 / 2.0;
        println!(
            "trail: {} files, {:.0} MB as stored, {trail_records} records, {kept} events kept; LookupEvents would need {} calls: at least {lookup:.0} s ({:.1} h) at 2 calls/s",
            estate.trail.len(),
            mb as f64 / 1_048_576.0,
            trail_records.div_ceil(50),
            lookup / 3600.0
        );
    }
    Ok(())
}

/// Records in the trail files (each has one `eventVersion`).
fn trail_records(files: &[fake_aws::TrailFile]) -> usize {
    use std::io::Read;
    files
        .iter()
        .map(|(_, bytes)| {
            let mut text = Vec::new();
            let read = if bytes.starts_with(&[0x1f, 0x8b]) {
                flate2::read::MultiGzDecoder::new(bytes.as_slice()).read_to_end(&mut text)
            } else {
                text.extend_from_slice(bytes);
                Ok(0)
            };
            match read {
                Ok(_) => String::from_utf8_lossy(&text)
                    .matches("\"eventVersion\"")
                    .count(),
                Err(_) => 0,
            }
        })
        .sum()
}

fn diff_bench(functions: usize) {
    let t0 = Instant::now();
    let old = synthetic(functions, functions, functions / 10);
    let mut new = old.clone();
    for w in new.workloads.iter_mut().step_by(100) {
        w.runtime = Some("python3.13".into());
    }
    new.workloads
        .truncate(new.workloads.len() - functions / 200);
    let built = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let d = fnscope_snapshot::diff::diff(&old, &new);
    let took = t1.elapsed().as_secs_f64();
    println!(
        "diff: two snapshots of {functions} functions and {functions} roles: resources diffed in {took:.2} s ({} changed, {} removed, {} added; snapshots built in {built:.1} s)",
        d.changed.len(),
        d.removed.len(),
        d.added.len()
    );
    // Between two real scans every role's last use moves: a field the diff reads and ignores.
    for i in new.identities.iter_mut() {
        if let fnscope_snapshot::IdentityDetails::AwsIam(d) = &mut i.details {
            d.last_used = Some("2026-11-28T00:00:00Z".into());
        }
    }
    let t2 = Instant::now();
    let d = fnscope_snapshot::diff::diff(&old, &new);
    let took = t2.elapsed().as_secs_f64();
    println!(
        "diff: the same with every role's last use moved: {took:.2} s ({} changed)",
        d.changed.len()
    );
}

/// One CloudTrail record of about the size real ones have (1–2 KB).
fn trail_record(i: usize, t: &str, who: &str, source: &str, name: &str, function: &str) -> Value {
    json!({
        "eventVersion": "1.09",
        "userIdentity": {"type": "IAMUser", "principalId": format!("AIDA{i:016}"),
                         "arn": format!("arn:aws:iam::{A}:user/{who}"), "accountId": A, "userName": who},
        "eventTime": t, "eventSource": source, "eventName": name, "awsRegion": "us-east-1",
        "sourceIPAddress": "203.0.113.10",
        "userAgent": "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/lambda#1.56.3",
        "requestParameters": {"functionName": function, "invocationType": "RequestResponse",
                              "logType": "None", "qualifier": "$LATEST"},
        "responseElements": null,
        "additionalEventData": {"functionVersion": format!("arn:aws:lambda:us-east-1:{A}:function:{function}:$LATEST")},
        "requestID": format!("{i:08x}-1111-4222-8333-444455556666"),
        "eventID": format!("{i:08x}-aaaa-4bbb-8ccc-dddddddddddd"),
        "readOnly": false,
        "resources": [{"accountId": A, "type": "AWS::Lambda::Function",
                       "ARN": format!("arn:aws:lambda:us-east-1:{A}:function:{function}")}],
        "eventType": "AwsApiCall", "managementEvent": false, "recipientAccountId": A,
        "eventCategory": "Data",
        "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                       "clientProvidedHostHeader": "lambda.us-east-1.amazonaws.com"}
    })
}

fn write_trail(
    mb: usize,
    file_mb: usize,
    gzip: bool,
    out: &std::path::Path,
) -> std::io::Result<()> {
    use std::io::Write;
    std::fs::create_dir_all(out)?;
    let files = mb.div_ceil(file_mb.max(1)).max(1);
    let base = 1_763_632_800i64; // 2025-11-20T10:00:00Z
    let mut i = 0usize;
    let mut written = 0usize;
    for f in 0..files {
        let path = out.join(format!(
            "{A}_CloudTrail_us-east-1_{f:05}.json{}",
            if gzip { ".gz" } else { "" }
        ));
        let file = std::io::BufWriter::new(std::fs::File::create(path)?);
        let mut w: Box<dyn Write> = if gzip {
            Box::new(flate2::write::GzEncoder::new(
                file,
                flate2::Compression::fast(),
            ))
        } else {
            Box::new(file)
        };
        w.write_all(b"{\"Records\":[")?;
        let mut size = 0usize;
        let mut first = true;
        while size < file_mb << 20 {
            // Ten seconds apart; one caller in a hundred is the planted deployer.
            let t = chrono_like(base + (i as i64) / 10);
            let who = if i.is_multiple_of(100) {
                "deployer".to_string()
            } else {
                format!("app-{}", i % 500)
            };
            let function = format!("fn-{:05}", i % 10_000);
            let mut r = trail_record(i, &t, &who, "lambda.amazonaws.com", "Invoke", &function);
            // The planted anchor: in the middle file, after the invocations that follow it in time.
            if f == files / 2 && first {
                r = trail_record(
                    i,
                    &chrono_like(base + 60),
                    "deployer",
                    "lambda.amazonaws.com",
                    "CreateFunction20150331",
                    "fn-00000",
                );
                r["requestParameters"]["role"] =
                    format!("arn:aws:iam::{A}:role/fn-role-00000").into();
                r["managementEvent"] = true.into();
            }
            let bytes = serde_json::to_vec(&r).map_err(std::io::Error::other)?;
            if !first {
                w.write_all(b",")?;
            }
            w.write_all(&bytes)?;
            size += bytes.len() + 1;
            first = false;
            i += 1;
        }
        w.write_all(b"]}")?;
        w.flush()?;
        written += size;
    }
    println!(
        "wrote {files} files, {:.0} MB of records ({i} records){}",
        written as f64 / 1_048_576.0,
        if gzip { ", gzip-compressed" } else { "" }
    );
    Ok(())
}

/// RFC 3339 for a Unix time, without a date library.
fn chrono_like(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Peak resident memory of this process (Linux `VmHWM`), in MB.
fn peak_rss_mb() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn read_logs(dir: &std::path::Path) -> Result<(), String> {
    let files = fnscope_providers::logs::read::log_files(dir).map_err(|e| e.to_string())?;
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let start = Instant::now();
    let set = fnscope_providers::logs::read::read_files(&files).map_err(|e| e.to_string())?;
    let secs = start.elapsed().as_secs_f64();
    let read: u64 = set.windows.iter().map(|w| w.read).sum();
    println!(
        "read {} files, {:.0} MB on disk, {read} records in {secs:.1} s ({:.0} records/s, both passes); kept {} events; peak RSS {:.0} MB",
        set.files,
        bytes as f64 / 1_048_576.0,
        read as f64 / secs,
        set.events.len(),
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}

fn main() {
    match Cli::parse().command {
        Command::Eval {
            roles,
            functions,
            users,
            save,
            per_rule,
        } => {
            let t0 = Instant::now();
            let snap = synthetic(roles, functions, users);
            let built = t0.elapsed();
            if let Some(path) = save
                && let Err(e) = fnscope_snapshot::save(&snap, &path)
            {
                eprintln!("fnscope-bench: {e}");
                std::process::exit(2);
            }
            let rules = fnscope_policies::catalogue();
            let t1 = Instant::now();
            let eval =
                fnscope_policies::evaluate(&snap, &rules, &fnscope_policies::Settings::default());
            let took = t1.elapsed();
            let mut by_rule = std::collections::BTreeMap::<&str, usize>::new();
            for f in &eval.findings {
                *by_rule.entry(f.rule_id.as_str()).or_default() += 1;
            }
            println!(
                "eval: {roles} roles, {users} users, {functions} functions, {} rules: {:.2} s ({} findings: {:?}; snapshot built in {:.2} s)",
                rules.len(),
                took.as_secs_f64(),
                eval.findings.len(),
                by_rule,
                built.as_secs_f64()
            );
            if per_rule {
                // Each rule alone (its share of the shared views included): the slowest first.
                let mut times: Vec<(f64, &str)> = rules
                    .iter()
                    .map(|r| {
                        let one = [*r];
                        let t = Instant::now();
                        let _ = fnscope_policies::evaluate(
                            &snap,
                            &one,
                            &fnscope_policies::Settings::default(),
                        );
                        (t.elapsed().as_secs_f64(), r.meta().id)
                    })
                    .collect();
                times.sort_by(|a, b| b.0.total_cmp(&a.0));
                for (secs, id) in times.iter().take(8) {
                    println!("  {id}: {secs:.2} s alone");
                }
            }
        }
        Command::Trail {
            mb,
            file_mb,
            gzip,
            out,
        } => {
            if let Err(e) = write_trail(mb, file_mb, gzip, &out) {
                eprintln!("fnscope-bench: {}: {e}", out.display());
                std::process::exit(2);
            }
        }
        Command::Scan {
            functions,
            regions,
            latency_ms,
            rps,
            lambda_quotas,
            accounts,
            parallel_accounts,
            trail_dir,
            bin,
            extra,
        } => {
            let quotas = Quotas {
                rps,
                lambda_quotas,
                trail_dir,
                accounts: (accounts, parallel_accounts),
            };
            or_exit(scan_bench(
                functions, regions, latency_ms, quotas, &bin, &extra,
            ));
        }
        Command::ScanGcp {
            projects,
            functions,
            accounts,
            locations,
            latency_ms,
            no_quotas,
            per_resource,
            parallel_projects,
            bin,
            extra,
        } => {
            let args = scan_gcp::Args {
                estate: fake_gcp::Estate {
                    projects,
                    functions,
                    accounts,
                    locations,
                    latency: std::time::Duration::from_millis(latency_ms),
                    quotas: !no_quotas,
                },
                per_resource,
                parallel_projects,
                bin,
                extra,
            };
            or_exit(scan_gcp::run(args));
        }
        Command::ScanAzure {
            subscriptions,
            apps,
            functions,
            logic_apps,
            runbooks,
            identities,
            latency_ms,
            no_quotas,
            per_subscription,
            parallel_subscriptions,
            bin,
            extra,
        } => {
            let args = scan_azure::Args {
                estate: fake_azure::Estate {
                    subscriptions,
                    apps,
                    functions,
                    logic_apps,
                    runbooks,
                    identities,
                    latency: std::time::Duration::from_millis(latency_ms),
                    quotas: !no_quotas,
                },
                per_subscription,
                parallel: parallel_subscriptions,
                bin,
                extra,
            };
            or_exit(scan_azure::run(args));
        }
        Command::ScanWorkspace {
            users,
            script_every,
            latency_ms,
            no_quotas,
            bin,
            extra,
        } => {
            let args = scan_workspace::Args {
                estate: fake_workspace::Estate {
                    users,
                    script_every,
                    latency: std::time::Duration::from_millis(latency_ms),
                    quotas: !no_quotas,
                },
                bin,
                extra,
            };
            or_exit(scan_workspace::run(args));
        }
        Command::Diff { functions } => diff_bench(functions),
        Command::Logs { dir } => {
            or_exit(read_logs(&dir));
        }
    }
}
