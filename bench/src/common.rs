//! What the benchmark's fakes and runners share: token buckets and call counts, an HTTP server for a
//! handler, JSON answers, query parameters, the table of calls against the minimum, and one run of
//! the fnscope binary with its saved snapshot.

use std::collections::BTreeMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use serde_json::Value;

#[derive(Default)]
struct Bucket {
    tokens: f64,
    at: Option<Instant>,
}

/// Calls and throttled answers per method, and the token buckets that throttle them.
#[derive(Default)]
pub struct Stats {
    pub calls: BTreeMap<String, u64>,
    pub throttled: BTreeMap<String, u64>,
    buckets: BTreeMap<String, Bucket>,
}

impl Stats {
    /// Takes a token from `key`'s bucket (`size` tokens, full at first, refilled at `per_second`).
    pub fn admit(&mut self, key: String, size: f64, per_second: f64) -> bool {
        let b = self.buckets.entry(key).or_default();
        let now = Instant::now();
        b.tokens = match b.at {
            None => size,
            Some(t) => (b.tokens + now.duration_since(t).as_secs_f64() * per_second).min(size),
        };
        b.at = Some(now);
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Counts a call to `name`, throttled or not.
    pub fn count(&mut self, name: &str, admitted: bool) {
        *self.calls.entry(name.to_string()).or_insert(0) += 1;
        if !admitted {
            *self.throttled.entry(name.to_string()).or_insert(0) += 1;
        }
    }
}

/// [`Stats::admit`] through the lock (a poisoned lock admits).
pub fn admit(st: &Mutex<Stats>, key: String, size: f64, per_second: f64) -> bool {
    st.lock()
        .map_or(true, |mut s| s.admit(key, size, per_second))
}

/// [`Stats::count`] through the lock.
pub fn count(st: &Mutex<Stats>, name: &str, admitted: bool) {
    if let Ok(mut s) = st.lock() {
        s.count(name, admitted);
    }
}

/// Serves `app` from a thread of its own (a two-worker runtime) on the listener `make` builds there.
pub fn spawn<L, M>(make: M, app: axum::Router)
where
    L: axum::serve::Listener,
    L::Addr: std::fmt::Debug,
    M: FnOnce() -> Option<L> + Send + 'static,
{
    std::thread::spawn(move || {
        let Ok(rt) = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
        else {
            return;
        };
        rt.block_on(async move {
            if let Some(l) = make() {
                let _ = axum::serve(l, app).await;
            }
        });
    });
}

/// A fake serving over plain HTTP: its base URL and its counts.
pub struct Fake {
    pub url: String,
    pub stats: Arc<Mutex<Stats>>,
}

impl Fake {
    /// Serves `handle` for `estate` on a loopback port.
    pub fn start<E, H, F>(estate: E, handle: H) -> std::io::Result<Fake>
    where
        E: Send + Sync + 'static,
        H: Fn(Request<Body>, Arc<E>, Arc<Mutex<Stats>>) -> F + Clone + Send + Sync + 'static,
        F: Future<Output = Response<Body>> + Send + 'static,
    {
        let (url, stats) = serve(estate, handle)?;
        Ok(Fake { url, stats })
    }
}

/// Serves `handle` over plain HTTP on a loopback port; the base URL and the counts.
pub fn serve<E, H, F>(estate: E, handle: H) -> std::io::Result<(String, Arc<Mutex<Stats>>)>
where
    E: Send + Sync + 'static,
    H: Fn(Request<Body>, Arc<E>, Arc<Mutex<Stats>>) -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Response<Body>> + Send + 'static,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let addr: SocketAddr = listener.local_addr()?;
    let stats = Arc::new(Mutex::new(Stats::default()));
    let app = router(Arc::new(estate), stats.clone(), handle);
    spawn(
        move || tokio::net::TcpListener::from_std(listener).ok(),
        app,
    );
    Ok((format!("http://{addr}"), stats))
}

/// A router sending every request to `handle` with the estate and the counts.
pub fn router<E, H, F>(estate: Arc<E>, stats: Arc<Mutex<Stats>>, handle: H) -> axum::Router
where
    E: Send + Sync + 'static,
    H: Fn(Request<Body>, Arc<E>, Arc<Mutex<Stats>>) -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Response<Body>> + Send + 'static,
{
    axum::Router::new()
        .fallback(move |req: Request<Body>| handle(req, estate.clone(), stats.clone()))
}

/// A JSON answer.
pub fn json(status: StatusCode, v: Value) -> Response<Body> {
    let mut r = Response::new(Body::from(v.to_string()));
    *r.status_mut() = status;
    if let Ok(v) = "application/json".parse() {
        r.headers_mut().insert("content-type", v);
    }
    r
}

/// The first value of a query (or form) parameter, decoded.
pub fn param(q: &str, key: &str) -> Option<String> {
    q.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        let k = percent_encoding::percent_decode_str(k).decode_utf8_lossy();
        (k == key).then(|| {
            percent_encoding::percent_decode_str(&v.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

/// The calls table's sums.
#[derive(Default)]
pub struct Totals {
    pub calls: u64,
    pub minimum: u64,
    pub throttled: u64,
    /// Calls whose method starts with the inventory engine's prefix.
    pub engine: u64,
}

/// Prints calls, minimum and throttled answers per method; the sums.
pub fn print_calls(stats: &Stats, minimum: &BTreeMap<String, u64>, engine: &str) -> Totals {
    println!(
        "{:<44} {:>8} {:>8} {:>9}",
        "method", "calls", "minimum", "throttled"
    );
    let mut ops: Vec<&String> = stats.calls.keys().chain(minimum.keys()).collect();
    ops.sort();
    ops.dedup();
    let mut t = Totals::default();
    for op in ops {
        let c = stats.calls.get(op).copied().unwrap_or(0);
        let m = minimum.get(op).copied().unwrap_or(0);
        let th = stats.throttled.get(op).copied().unwrap_or(0);
        t.calls += c;
        t.minimum += m;
        t.throttled += th;
        if !engine.is_empty() && op.starts_with(engine) {
            t.engine += c;
        }
        println!("{op:<44} {c:>8} {m:>8} {th:>9}");
    }
    t
}

/// `bin` with nothing of this machine's environment but `PATH`, and `home` as its home.
pub fn command(bin: &std::path::Path, home: &std::path::Path) -> std::process::Command {
    let mut c = std::process::Command::new(bin);
    c.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    c
}

/// One run of fnscope: its exit, wall time, peak memory, the snapshot it saved and the coverage
/// records short of complete (those `expected` accepts left out).
pub struct Run {
    pub exit: i32,
    pub wall: f64,
    pub rss: f64,
    pub workloads: usize,
    pub incomplete: Vec<String>,
}

/// Runs `command` (which saves to `snap`), then reads what it saved.
pub fn run(
    mut command: std::process::Command,
    snap: &std::path::Path,
    expected: impl Fn(&fnscope_snapshot::Coverage) -> bool,
) -> Result<Run, String> {
    let t0 = Instant::now();
    let status = command
        .status()
        .map_err(|e| format!("cannot run {:?}: {e}", command.get_program()))?;
    let wall = t0.elapsed().as_secs_f64();
    let rss = crate::children_peak_rss_mb();
    let saved = fnscope_snapshot::load(snap).map_err(|e| e.to_string())?;
    let incomplete = saved
        .coverage
        .iter()
        .filter(|c| c.status != fnscope_snapshot::CoverageStatus::Complete && !expected(c))
        .map(|c| format!("{} {} {:?}: {}", c.target, c.api, c.status, c.detail))
        .collect();
    Ok(Run {
        exit: status.code().unwrap_or(-1),
        wall,
        rss,
        workloads: saved.workloads.len(),
        incomplete,
    })
}

/// The closing lines every scan bench prints: incomplete records, calls, wall against the bound.
pub fn print_outcome(run: &Run, t: &Totals, resources: u64, bound: f64, parts: &str) {
    for c in run.incomplete.iter().take(5) {
        println!("incomplete: {c}");
    }
    let per = |n: u64| n as f64 * 1000.0 / resources.max(1) as f64;
    println!(
        "calls {} (minimum {}, {:+.1}%), {:.1} per 1,000 resources ({resources} resources); inventory-engine calls {} ({:.2} per 1,000); throttled answers retried {}; {} incomplete coverage records",
        t.calls,
        t.minimum,
        (t.calls as f64 / t.minimum.max(1) as f64 - 1.0) * 100.0,
        per(t.calls),
        t.engine,
        per(t.engine),
        t.throttled,
        run.incomplete.len()
    );
    println!(
        "wall {:.1} s, lower bound {bound:.1} s ({parts}), ratio {:.2}; peak RSS {:.0} MB",
        run.wall,
        run.wall / bound.max(f64::MIN_POSITIVE),
        run.rss
    );
}
