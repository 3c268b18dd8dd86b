//! Interruption and deadlines: an endpoint that accepts connections and never answers.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::harness::{self, stderr};

/// A loopback port whose connections are accepted by the kernel (backlog) and never answered.
fn silent_endpoint() -> (std::net::TcpListener, String) {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    (l, url)
}

/// Files left in `dir` (the test's HOME and output folder).
fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `fnscope scan aws` against `url`, saving into `dir`, with `extra` flags.
fn scan(url: &str, dir: &Path, extra: &[&str]) -> std::process::Command {
    let (snap, report) = (dir.join("snap.json"), dir.join("report.json"));
    let mut args = vec![
        "scan",
        "aws",
        "--regions",
        "us-east-1",
        "--format",
        "json",
        "--save",
        snap.to_str().unwrap(),
        "--output",
        report.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    harness::command(Some(url), dir, &args, &[])
}

#[test]
fn ctrl_c_during_a_scan_writes_nothing_and_exits_130() {
    let (_listener, url) = silent_endpoint();
    let dir = tempfile::tempdir().unwrap();
    // A snapshot from an earlier run stays as it was.
    std::fs::write(dir.path().join("snap.json"), "earlier").unwrap();
    let mut child = scan(&url, dir.path(), &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the scan should still be waiting"
    );
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(files(dir.path()), ["snap.json"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("snap.json")).unwrap(),
        "earlier"
    );
}

#[test]
fn a_scan_past_its_deadline_stops_writes_nothing_and_exits_3() {
    let (_listener, url) = silent_endpoint();
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let out = scan(&url, dir.path(), &["--deadline", "2s"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("--deadline"), "{}", stderr(&out));
    // Stopped by the deadline, not by the (60 s) call timeout.
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(files(dir.path()).is_empty(), "{:?}", files(dir.path()));
}

#[test]
fn answers_slower_than_the_call_timeout_are_abandoned_not_waited_for() {
    let (_listener, url) = silent_endpoint();
    let dir = tempfile::tempdir().unwrap();
    let out = scan(
        &url,
        dir.path(),
        &["--call-timeout", "1", "--max-attempts", "2"],
    )
    .output()
    .unwrap();
    // The identity check cannot finish: a setup error that says why, not a hang.
    assert!(
        matches!(out.status.code(), Some(2 | 3)),
        "{:?} {}",
        out.status.code(),
        stderr(&out)
    );
    let err = stderr(&out).to_lowercase();
    assert!(
        err.contains("timeout") || err.contains("timed out"),
        "{err}"
    );
    assert!(!dir.path().join("snap.json").exists());
}
