//! `fnscope`: which serverless code and automation in an estate can run with more power than it should,
//! and who could plant more of it.

mod cli;
mod config;
mod credentials;
mod diffcmd;
mod history;
mod logs;
mod permissions;
mod progress;
mod report;
mod scan;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, FailOn, Format, ReportArgs};
use fnscope_policies::{Evaluation, Severity};
use fnscope_snapshot::Snapshot;

/// An error at the command-line edge, with the exit code it maps to.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Usage, configuration, unreadable or malformed input: exit 2.
    #[error("{0}")]
    Input(String),
    /// A bug or an environment failure: exit 4.
    #[error("internal error: {0}")]
    Internal(String),
}

impl CliError {
    fn code(&self) -> u8 {
        match self {
            CliError::Input(_) => 2,
            CliError::Internal(_) => 4,
        }
    }
}

impl From<fnscope_snapshot::SnapshotError> for CliError {
    fn from(e: fnscope_snapshot::SnapshotError) -> Self {
        match e {
            fnscope_snapshot::SnapshotError::Serialize(_) => CliError::Internal(e.to_string()),
            _ => CliError::Input(e.to_string()),
        }
    }
}

impl From<fnscope_providers::CollectError> for CliError {
    fn from(e: fnscope_providers::CollectError) -> Self {
        CliError::Input(e.to_string())
    }
}

fn init_logging(cli: &Cli) {
    use tracing_subscriber::EnvFilter;
    let filter = match std::env::var("RUST_LOG") {
        Ok(v) if !v.is_empty() => EnvFilter::new(v),
        _ => EnvFilter::new(match (cli.quiet, cli.verbose) {
            (true, _) => "error",
            (false, 0) => "warn",
            (false, 1) => "warn,fnscope=info,fnscope_providers=info",
            (false, 2) => "info,fnscope=debug,fnscope_providers=debug",
            // The SDKs stay at info (and are capped there below, RUST_LOG or not).
            _ => "info,fnscope=trace,fnscope_providers=trace",
        }),
    };
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    // The HTTP and SDK crates log request and response bodies at debug and trace (Lambda environment
    // values, EventBridge target input, tokens): capped at info whatever RUST_LOG asks for.
    let wire_cap = tracing_subscriber::filter::filter_fn(|meta| {
        *meta.level() <= tracing::Level::INFO || !is_wire_crate(meta.target())
    });
    let registry = tracing_subscriber::registry().with(filter).with(wire_cap);
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(cli.verbose > 1);
    match cli.log_format {
        cli::LogFormat::Json => registry.with(layer.json()).init(),
        cli::LogFormat::Text => registry.with(layer.without_time()).init(),
    }
}

/// Crates that see requests and answers on the wire.
fn is_wire_crate(target: &str) -> bool {
    const WIRE: &[&str] = &[
        "aws_", "hyper", "h2", "reqwest", "rustls", "tower", "azure_", "gcp_auth", "typespec",
    ];
    WIRE.iter().any(|p| target.starts_with(p))
}

/// How long after `--deadline` a scan that has not reported is stopped outright.
const HARD_STOP_AFTER_DEADLINE: std::time::Duration = std::time::Duration::from_secs(120);

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("fnscope: internal error: cannot start the async runtime: {e}");
            return ExitCode::from(4);
        }
    };
    // The scan cuts its reading off at --deadline and reports; this is the backstop if it cannot.
    let deadline = match &cli.command {
        Command::Scan(a) => a
            .deadline
            .and_then(|d| d.to_std().ok())
            .map(|d| d + HARD_STOP_AFTER_DEADLINE),
        _ => None,
    };
    // The command runs on a thread of its own, so that one busy with reading or writing (an offline
    // import is synchronous) never holds the answer to a signal back; the signal handlers are installed
    // before any work starts, so a signal is never missed nor left to its default (which would leave
    // temporary files behind).
    let cli: &'static Cli = Box::leak(Box::new(cli));
    let (code, stopped) = runtime.block_on(async {
        let mut signals = match Signals::install() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("fnscope: internal error: cannot install the signal handlers: {e}");
                return (4, false);
            }
        };
        let (tx, rx) = tokio::sync::oneshot::channel();
        let handle = tokio::runtime::Handle::current();
        let worker = std::thread::Builder::new()
            .name("fnscope-run".into())
            .spawn(move || {
                let _ = tx.send(handle.block_on(run(cli)));
            });
        if let Err(e) = worker {
            eprintln!("fnscope: internal error: cannot start a thread: {e}");
            return (4, false);
        }
        tokio::select! {
            r = rx => match r {
                Ok(Ok(code)) => (code, false),
                Ok(Err(e)) => {
                    eprintln!("fnscope: {e}");
                    (e.code(), false)
                }
                Err(_) => {
                    eprintln!("fnscope: internal error: the command stopped without an answer");
                    (4, false)
                }
            },
            (name, code) = signals.next() => {
                eprintln!("fnscope: interrupted; {} ({name})", what_was_written());
                (code, true)
            }
            _ = async {
                match deadline {
                    Some(d) => tokio::time::sleep(d).await,
                    None => std::future::pending().await,
                }
            } => {
                eprintln!(
                    "fnscope: the scan did not finish within --deadline plus {}s ({}s in all); {}",
                    HARD_STOP_AFTER_DEADLINE.as_secs(),
                    deadline.map_or(0, |d| d.as_secs()),
                    what_was_written()
                );
                (3, true)
            }
        }
    });
    if stopped {
        // Do not wait for in-flight requests or the busy thread: leave now.
        std::process::exit(i32::from(code));
    }
    runtime.shutdown_background();
    ExitCode::from(code)
}

/// Stops every write (temporary files in flight are removed) and says what, if anything, had already
/// been written.
fn what_was_written() -> String {
    let written = fnscope_snapshot::stop_writing();
    if written.is_empty() {
        "nothing was written".to_string()
    } else {
        let names: Vec<String> = written
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect();
        format!(
            "{} had been written before; nothing else was written",
            names.join(", ")
        )
    }
}

/// SIGINT (Ctrl-C) and SIGTERM, answered the same way: exit 130 and 143 as shells do.
struct Signals {
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Self {
                int: signal(SignalKind::interrupt())?,
                term: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Self {})
    }

    async fn next(&mut self) -> (&'static str, u8) {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.int.recv() => ("SIGINT", 130),
                _ = self.term.recv() => ("SIGTERM", 143),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            ("Ctrl-C", 130)
        }
    }
}

async fn run(cli: &Cli) -> Result<u8, CliError> {
    match &cli.command {
        Command::Scan(args) => {
            // A broken configuration, or a place the results cannot be written, fails before any API
            // call is made.
            let cfg = config::Config::load(args.report.config.as_deref())?;
            for (what, path) in [("--output", &args.report.output), ("--save", &args.save)] {
                if let Some(p) = path {
                    check_writable(what, p)?;
                }
            }
            if let Some(d) = &args.save_dir
                && d.exists()
                && !d.is_dir()
            {
                return Err(CliError::Input(format!(
                    "--save-dir `{}` is a file, not a folder",
                    d.display()
                )));
            }
            let snapshot = scan::scan(args, &cfg, cli.quiet).await?;
            if let Some(path) = &args.save {
                fnscope_snapshot::save(&snapshot, path)?;
                tracing::info!(path = %path.display(), "snapshot saved");
            }
            if let Some(dir) = &args.save_dir {
                let path = history::path_for(dir, snapshot.taken_at)?;
                let _lock = history::lock(dir)?;
                fnscope_snapshot::save(&snapshot, &path)?;
                tracing::info!(path = %path.display(), "snapshot added to the history");
                for gone in history::prune(
                    dir,
                    args.keep.map(|k| k as usize),
                    args.keep_days,
                    &path,
                    snapshot.taken_at,
                )? {
                    tracing::info!(path = %gone.display(), "pruned from the history");
                }
            }
            report_and_exit(&snapshot, &args.report, Some(&args.gate), cli.quiet)
        }
        Command::Check(args) => {
            let snapshot = fnscope_snapshot::load(&args.snapshot)?;
            report_and_exit(&snapshot, &args.report, Some(&args.gate), cli.quiet)
        }
        Command::Detect(args) => {
            let mut snapshot = fnscope_snapshot::load(&args.snapshot)?;
            let files = logs::given_files(&args.logs)?;
            let bars = progress::Bars::new(cli.quiet);
            let line = bars.as_ref().map(progress::Bars::line);
            logs::add_files(
                &mut snapshot,
                &files,
                line.as_ref().map_or(
                    &fnscope_providers::progress::NoProgress
                        as &dyn fnscope_providers::progress::Progress,
                    |l| l,
                ),
            )?;
            logs::window_coverage(&mut snapshot);
            snapshot.normalize();
            if let Some(path) = &args.save {
                fnscope_snapshot::save(&snapshot, path)?;
            }
            report_and_exit(&snapshot, &args.report, Some(&args.gate), cli.quiet)
        }
        Command::Diff(args) => diff(args),
        Command::Rules(args) => {
            let text = rules_listing(args.format, args.wide)?;
            write_out(None, text.as_bytes())?;
            Ok(0)
        }
        Command::Snapshot(cli::SnapshotCommand::Merge { inputs, output }) => {
            let mut snaps = Vec::new();
            for p in inputs {
                snaps.push(fnscope_snapshot::load(p)?);
            }
            let Some((merged, report)) = fnscope_snapshot::merge::merge(snaps) else {
                return Err(CliError::Input(
                    "snapshot merge needs at least one snapshot".into(),
                ));
            };
            for c in &report.conflicts {
                tracing::warn!("{c} differs between the inputs; the newest snapshot's was kept");
            }
            fnscope_snapshot::save(&merged, output)?;
            eprintln!(
                "fnscope: merged {} snapshots into {} ({} targets, {} workloads, {} identities{})",
                inputs.len(),
                output.display(),
                merged.targets.len(),
                merged.workloads.len(),
                merged.identities.len(),
                if report.conflicts.is_empty() {
                    String::new()
                } else {
                    format!(", {} conflicting records", report.conflicts.len())
                }
            );
            Ok(0)
        }
        Command::Permissions(args) => {
            let text = permissions::render(&args.provider)?;
            write_out(None, text.as_bytes())?;
            Ok(0)
        }
    }
}

/// Evaluates with the configuration's rules, settings and suppressions.
fn evaluate(
    snapshot: &Snapshot,
    cfg: &config::Config,
) -> (Evaluation, Vec<config::SuppressionStatus>) {
    let rules: Vec<_> = fnscope_policies::catalogue()
        .into_iter()
        .filter(|r| !cfg.disabled.iter().any(|d| d == r.meta().id))
        .collect();
    let mut eval = fnscope_policies::evaluate(snapshot, &rules, &cfg.settings);
    let today = chrono::Utc::now().date_naive();
    let statuses = cfg.apply(&mut eval.findings, today);
    for s in statuses.iter().filter(|s| s.status != "active") {
        let file = cfg
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        tracing::warn!(
            "{file}:{}: suppression of `{}` for `{}` is {}{}",
            s.line,
            s.rule,
            s.resource,
            s.status,
            s.expires
                .as_deref()
                .map(|d| format!(" (expires {d})"))
                .unwrap_or_default()
        );
    }
    (eval, statuses)
}

fn default_format(args: &ReportArgs) -> Format {
    args.format.unwrap_or_else(|| {
        let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
        if to_stdout && std::io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        }
    })
}

fn internal<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> CliError {
    move |e| CliError::Internal(format!("cannot render the {what}: {e}"))
}

/// `fnscope diff`: both snapshots evaluated with the same rules and configuration; `--fail-on` applies
/// to new findings only.
fn diff(args: &cli::DiffArgs) -> Result<u8, CliError> {
    let (old_path, new_path) = match (&args.history, &args.old, &args.new) {
        (Some(dir), _, _) => history::pick(dir, args.since.as_deref().unwrap_or("last"))?,
        (None, Some(o), Some(n)) => (o.clone(), n.clone()),
        _ => {
            return Err(CliError::Input(
                "diff needs OLD and NEW, or --history DIR --since …".into(),
            ));
        }
    };
    let old = fnscope_snapshot::load(&old_path)?;
    let new = fnscope_snapshot::load(&new_path)?;
    let cfg = config::Config::load(args.config.as_deref())?;
    let (old_eval, _) = evaluate(&old, &cfg);
    let (new_eval, _) = evaluate(&new, &cfg);
    let d = diffcmd::compute(&old, &new, &old_eval, &new_eval);
    let to_stdout = args.output.as_deref().is_none_or(|p| p == Path::new("-"));
    let format = args
        .format
        .unwrap_or(if to_stdout && std::io::stdout().is_terminal() {
            cli::DiffFormat::Table
        } else {
            cli::DiffFormat::Json
        });
    let bytes = match format {
        cli::DiffFormat::Table => report::table::Layout::new(args.wide, false)
            .fit_text(&diffcmd::table(&d))
            .into_bytes(),
        cli::DiffFormat::Json => diffcmd::json(&d, &old, &new).map_err(internal("diff"))?,
        cli::DiffFormat::Markdown => diffcmd::markdown(&d).into_bytes(),
    };
    write_out(args.output.as_deref(), &bytes)?;
    let incomplete = d.incomplete() || !d.same_scope();
    let only_new = Evaluation {
        findings: d.new,
        not_evaluated: Vec::new(),
    };
    // New findings gate; what the new run did not see (unknown findings and resources, a scope that
    // changed, an incomplete run) is never a pass: exit 3 unless --allow-partial.
    let code = exit_code(&new, &only_new, args.fail_on, args.allow_partial);
    Ok(if code == 0 && incomplete && !args.allow_partial {
        3
    } else {
        code
    })
}

/// Evaluates, renders, writes, and decides the exit code per the contract.
fn report_and_exit(
    snapshot: &Snapshot,
    args: &ReportArgs,
    gate: Option<&cli::GateArgs>,
    quiet: bool,
) -> Result<u8, CliError> {
    let cfg = config::Config::load(args.config.as_deref())?;
    let (mut eval, suppressions) = evaluate(snapshot, &cfg);
    let format = default_format(args);
    let mut known = None;
    // SARIF keeps every current finding (with its baselineState): GitHub closes the alerts of the
    // findings an upload leaves out.
    let mut all = None;
    let mut base_findings = None;
    if let Some(path) = gate.and_then(|g| g.baseline.as_deref()) {
        let base = fnscope_snapshot::load(path)?;
        let (base_eval, _) = evaluate(&base, &cfg);
        let fps: std::collections::HashSet<&str> = base_eval
            .findings
            .iter()
            .map(|f| f.fingerprint.as_str())
            .collect();
        if format == Format::Sarif {
            all = Some(eval.clone());
        }
        let before = eval.findings.len();
        eval.findings
            .retain(|f| !fps.contains(f.fingerprint.as_str()));
        known = Some((path.display().to_string(), before - eval.findings.len()));
        base_findings = Some(base_eval.findings);
    }
    let bytes = match format {
        Format::Table => {
            let mut t = report::table::render(
                snapshot,
                &eval,
                &suppressions,
                report::table::Layout::new(args.wide, args.inventory),
            );
            if let Some((p, n)) = &known {
                t.push_str(&format!(
                    "Baseline {p}: {n} findings already known are not shown.\n"
                ));
            }
            t.into_bytes()
        }
        Format::Json => {
            let mut report = report::json::build(snapshot, &eval, &suppressions);
            report.baseline = known.as_ref().map(|(p, n)| report::json::BaselineOut {
                path: p.clone(),
                known: *n,
            });
            let mut v = serde_json::to_vec_pretty(&report).map_err(internal("report"))?;
            v.push(b'\n');
            v
        }
        Format::Sarif => report::sarif::render(
            snapshot,
            all.as_ref().unwrap_or(&eval),
            &report::sarif::Options {
                baseline: base_findings.as_deref(),
                category: gate.and_then(|g| g.sarif_category.as_deref()),
            },
        )
        .map_err(internal("SARIF log"))?,
        Format::Ocsf => report::ocsf::render(snapshot, &eval).map_err(internal("OCSF events"))?,
        Format::Csv => report::csv::render(&eval).map_err(internal("CSV"))?,
        Format::Markdown => report::markdown::render(snapshot, &eval).into_bytes(),
        Format::Html => report::html::render(snapshot, &eval).into_bytes(),
    };
    write_out(args.output.as_deref(), &bytes)?;
    if format != Format::Table && args.output.is_some() && !quiet {
        // Keep the person at the terminal informed even when the report goes to a file.
        eprint!("{}", report::table::coverage_summary(snapshot));
    }
    Ok(exit_code(snapshot, &eval, args.fail_on, args.allow_partial))
}

/// 1 for an unsuppressed finding at or above the threshold, else 3 for an incomplete scan (unless
/// allowed), else 0.
fn exit_code(snapshot: &Snapshot, eval: &Evaluation, fail_on: FailOn, allow_partial: bool) -> u8 {
    let threshold = match fail_on {
        FailOn::Critical => Some(Severity::Critical),
        FailOn::High => Some(Severity::High),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::Low => Some(Severity::Low),
        FailOn::None => None,
    };
    let failing = threshold.is_some_and(|t| {
        eval.findings
            .iter()
            .any(|f| f.suppressed.is_none() && f.severity >= t)
    });
    if failing {
        1
    } else if !snapshot.is_complete() && !allow_partial {
        3
    } else {
        0
    }
}

/// Whether a result can be written at `path` (checked before a long scan): its folder exists and it
/// is not itself a folder. `-` is standard output.
fn check_writable(what: &str, path: &Path) -> Result<(), CliError> {
    if path == Path::new("-") {
        return Ok(());
    }
    if path.is_dir() {
        return Err(CliError::Input(format!(
            "{what} `{}` is a folder: give a file name",
            path.display()
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(CliError::Input(format!(
            "{what} `{}`: the folder `{}` does not exist",
            path.display(),
            dir.display()
        )));
    }
    Ok(())
}

fn write_out(path: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    match path {
        // `-` is standard output, as everywhere.
        Some(p) if p != Path::new("-") => Ok(fnscope_snapshot::write_atomic(p, bytes)?),
        // After an interrupt nothing more is printed either.
        _ if fnscope_snapshot::writing_stopped() => Ok(()),
        _ => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                // A closed pipe (`fnscope … | head`) is not an error worth a message.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(CliError::Input(format!("cannot write to stdout: {e}"))),
            }
        }
    }
}

fn rules_listing(format: cli::ListFormat, wide: bool) -> Result<String, CliError> {
    let rules = fnscope_policies::catalogue();
    match format {
        cli::ListFormat::Json => {
            let metas: Vec<_> = rules.iter().map(|r| r.meta()).collect();
            serde_json::to_string_pretty(&metas)
                .map(|s| s + "\n")
                .map_err(|e| CliError::Internal(e.to_string()))
        }
        cli::ListFormat::Markdown => {
            let mut out = String::from("| id | finds | severity |\n|---|---|---|\n");
            for r in &rules {
                let m = r.meta();
                // The anchor each rule's SARIF `helpUri` points at (`report::sarif::help_uri`).
                out.push_str(&format!(
                    "| <a id=\"{}\"></a>{} | {} | {} |\n",
                    m.id.to_ascii_lowercase(),
                    m.id,
                    m.finds,
                    m.severity
                ));
            }
            Ok(out)
        }
        cli::ListFormat::Table => {
            use tabled::{Table, Tabled};
            #[derive(Tabled)]
            struct Row {
                id: &'static str,
                provider: &'static str,
                kind: String,
                severity: &'static str,
                mitre: String,
                title: &'static str,
            }
            if rules.is_empty() {
                return Ok("No rules in this build.\n".into());
            }
            let rows: Vec<Row> = rules
                .iter()
                .map(|r| {
                    let m = r.meta();
                    Row {
                        id: m.id,
                        provider: m.provider.as_str(),
                        kind: format!("{:?}", m.kind).to_lowercase(),
                        severity: m.severity,
                        mitre: std::iter::once(m.technique)
                            .chain(m.mitigations.iter().copied())
                            .chain(m.analytics.iter().copied())
                            .collect::<Vec<_>>()
                            .join(" "),
                        title: m.title,
                    }
                })
                .collect();
            // The severity wording and the MITRE ids are cut first; the title keeps the room.
            let layout = report::table::Layout::new(wide, false);
            Ok(format!(
                "{}\n",
                layout.table(Table::new(rows), &[(3, 16), (4, 12)])
            ))
        }
    }
}
