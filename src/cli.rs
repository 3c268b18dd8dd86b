//! The command line, per the contract in `spec/contract.md`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "fnscope",
    version,
    about = "Finds serverless code and automation that can run with more power than it should (MITRE ATT&CK T1648)",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug, -vvv trace)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr; no progress
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Log format on stderr
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Collect live from the providers named (or from a folder of exports with --offline), evaluate, report
    Scan(Box<ScanArgs>),
    /// Evaluate a saved snapshot; no network
    Check(CheckArgs),
    /// Correlate audit logs (CloudTrail, Cloud Audit Logs, Activity Log, Purview, Workspace Reports) with a saved snapshot's inventory; no network
    Detect(DetectArgs),
    /// What changed between two snapshots: resources and findings
    Diff(DiffArgs),
    /// The rule catalogue
    Rules(RulesArgs),
    /// The minimal read-only permissions the scanner needs at a provider
    Permissions(PermissionsArgs),
    /// Work on saved snapshots (merge the shards of a split scan)
    #[command(subcommand)]
    Snapshot(SnapshotCommand),
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Join snapshots of parts of one estate (the shards of `scan --shard i/n`) into one
    Merge {
        /// The snapshots to join
        #[arg(required = true, num_args = 1..)]
        inputs: Vec<PathBuf>,
        /// Where to write the merged snapshot (atomically; gzip when it ends in .gz)
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
    },
}

/// `i/n` with 1 ≤ i ≤ n: this job's part of a scan split `n` ways.
pub fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("`{s}`: expected i/n with 1 <= i <= n, such as 2/4");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let (i, n): (usize, usize) = (i.parse().map_err(|_| bad())?, n.parse().map_err(|_| bad())?);
    if i == 0 || n == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Ocsf,
    Csv,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Critical,
    High,
    Medium,
    Low,
    None,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format (default: table on a terminal, json otherwise)
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to FILE instead of stdout (atomically; `-` is stdout, a device such as
    /// /dev/null is written to, not replaced)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding at or above this severity is not suppressed
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,
    /// An incomplete scan exits by its findings alone (no exit code 3)
    #[arg(long)]
    pub allow_partial: bool,
    /// Configuration file (default: fnscope.toml in the working directory, if present)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Table: do not cut lines to the terminal's width, and show every piece of evidence
    #[arg(long)]
    pub wide: bool,
    /// Table: list every workload (the default is counts per provider and kind)
    #[arg(long)]
    pub inventory: bool,
}

#[derive(Debug, Args)]
pub struct GateArgs {
    /// Gate only on findings whose fingerprints are not in this accepted snapshot's findings (the
    /// table and JSON show only those; SARIF carries every finding with its baselineState)
    #[arg(long, value_name = "SNAPSHOT")]
    pub baseline: Option<PathBuf>,
    /// SARIF: the analysis category (runs[].automationDetails.id), for several fnscope uploads to one
    /// repository; without it the upload step's own category applies
    #[arg(long, value_name = "CATEGORY")]
    pub sarif_category: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Providers to scan live: aws, gcp, azure, power-automate, apps-script (default: those with credentials)
    #[arg(value_name = "PROVIDER")]
    pub providers: Vec<String>,
    /// Read a folder of exports (the providers' own CLI JSON) instead of calling APIs
    #[arg(long, value_name = "DIR")]
    pub offline: Option<PathBuf>,
    /// Each provider's own options (`fnscope_providers::scan::ProviderArgs`, one struct per provider
    /// in its folder)
    #[command(flatten)]
    pub live: fnscope_providers::scan::ProviderArgs,
    /// Extra trusted root certificates (PEM bundle), e.g. for a TLS-inspecting proxy
    #[arg(long, value_name = "FILE", env = "FNSCOPE_CA_BUNDLE")]
    pub ca_bundle: Option<PathBuf>,
    /// Write the snapshot to FILE (atomically; gzip-compressed when FILE ends in .gz)
    #[arg(long, value_name = "FILE", help_heading = "Snapshots")]
    pub save: Option<PathBuf>,
    /// Also keep the snapshot in a history folder as fnscope-<UTC time>-<writer>.json.gz
    #[arg(long, value_name = "DIR", help_heading = "Snapshots")]
    pub save_dir: Option<PathBuf>,
    /// With --save-dir: keep N snapshots, this one and the newest N-1 others (N at least 1)
    #[arg(
        long,
        value_name = "N",
        requires = "save_dir",
        help_heading = "Snapshots",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub keep: Option<u32>,
    /// With --save-dir: delete snapshots older than DAYS days (DAYS at least 1)
    #[arg(
        long,
        value_name = "DAYS",
        requires = "save_dir",
        help_heading = "Snapshots",
        value_parser = clap::value_parser!(i64).range(1..)
    )]
    pub keep_days: Option<i64>,
    /// Seconds one API call attempt may take (connect, send, read the whole answer) before it is
    /// abandoned and retried
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub call_timeout: u64,
    /// Reading may take at most this long (e.g. 30m, 2h); past it, a provider still reading is cut
    /// off with a coverage record and what was read is reported as an incomplete scan; 2 minutes
    /// later fnscope stops whatever it is doing, writes nothing and exits 3
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub deadline: Option<chrono::Duration>,
    /// API calls in flight at once per region
    #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: u16,
    /// Attempts per API call; throttling, 5xx and connection errors are retried with backoff and jitter
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub max_attempts: u32,
    /// Audit-log files or folders for the detection rules (repeatable; see the README's log layout)
    #[arg(long, value_name = "PATH")]
    pub logs: Vec<PathBuf>,
    /// Scan only part i of n of the estate (AWS regions, GCP projects, Azure subscriptions, Power
    /// Platform environments are dealt round-robin, AWS accounts instead of regions with
    /// --aws-org-role; account-wide reads go to part 1); join the parts
    /// with `fnscope snapshot merge`
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Live scans: also read the providers' audit logs for this long back (e.g. 24h, 7d, 90d)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub since: Option<chrono::Duration>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub gate: GateArgs,
}

#[derive(Debug, Args)]
pub struct DetectArgs {
    /// A snapshot saved with `scan --save` (the inventory the events are joined to)
    pub snapshot: PathBuf,
    /// Audit-log files or folders (repeatable; gzip-compressed or not, JSON or JSON lines)
    #[arg(long, value_name = "PATH", required = true)]
    pub logs: Vec<PathBuf>,
    /// Write the snapshot with the events the detections used to FILE
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub gate: GateArgs,
}

/// `90d`, `24h`, `30m`: a look-back for live audit logs (at most 400 days).
pub fn parse_duration(s: &str) -> Result<chrono::Duration, String> {
    let (n, unit) = s.split_at(s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len());
    let n: i64 = n
        .parse()
        .map_err(|_| format!("`{s}`: expected a number and a unit, such as 7d, 24h or 30m"))?;
    let d = match unit {
        "d" => chrono::Duration::days(n),
        "h" => chrono::Duration::hours(n),
        "m" => chrono::Duration::minutes(n),
        "s" => chrono::Duration::seconds(n),
        _ => return Err(format!("`{s}`: the unit must be d, h, m or s")),
    };
    if n < 1 || d > chrono::Duration::days(400) {
        return Err(format!("`{s}`: must be between 1s and 400d"));
    }
    Ok(d)
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A snapshot saved with `scan --save`
    pub snapshot: PathBuf,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub gate: GateArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older snapshot (or pick both from --history)
    #[arg(required_unless_present = "history")]
    pub old: Option<PathBuf>,
    /// The newer snapshot
    #[arg(required_unless_present = "history")]
    pub new: Option<PathBuf>,
    /// A folder written by `scan --save-dir`
    #[arg(long, value_name = "DIR", conflicts_with_all = ["old", "new"], requires = "since")]
    pub history: Option<PathBuf>,
    /// With --history: `last` (the two newest) or a date / RFC 3339 time (the newest before it vs the newest)
    #[arg(long, value_name = "last|DATE", requires = "history")]
    pub since: Option<String>,
    /// Output format (default: table on a terminal, json otherwise)
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,
    /// Write the diff to FILE instead of stdout (atomically; `-` is stdout)
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a new finding at or above this severity is not suppressed
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,
    /// What the new run did not see (unknown findings, an incomplete run) exits by the new findings
    /// alone (no exit code 3)
    #[arg(long)]
    pub allow_partial: bool,
    /// Configuration file (default: fnscope.toml in the working directory, if present)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Table: do not cut lines to the terminal's width
    #[arg(long)]
    pub wide: bool,
}

/// What `diff` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    /// The README's rule table (id, what it finds, severity)
    Markdown,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Table: do not cut lines to the terminal's width
    #[arg(long)]
    pub wide: bool,
}

#[derive(Debug, Args)]
pub struct PermissionsArgs {
    /// aws, gcp, azure, power-automate, apps-script
    pub provider: String,
}
