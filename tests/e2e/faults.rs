//! Interruption and deadlines (an endpoint that accepts connections and never answers), and a disk
//! that fills up.

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
fn a_scan_past_its_deadline_reports_what_it_read_and_says_what_it_cut_off() {
    use crate::gcp_live::{CLIENT, PROJECT, key_file};
    use crate::harness::gfake::{GoogleFake, keypair};
    // Google Cloud answers; AWS never does. Providers are read at once, so AWS (named first)
    // does not hold Google Cloud back.
    let (_listener, url) = silent_endpoint();
    let dir = tempfile::tempdir().unwrap();
    let (pem, public) = keypair(dir.path());
    let export = harness::repo().join("examples/estate/gcp").join(PROJECT);
    let google = GoogleFake::start(&export, PROJECT, public, CLIENT);
    let key = key_file(dir.path(), &pem, &format!("{}/token", google.url));
    let (snap, report) = (dir.path().join("snap.json"), dir.path().join("report.json"));
    let started = Instant::now();
    let out = harness::command(
        Some(&url),
        dir.path(),
        &[
            "scan",
            "aws",
            "gcp",
            "--gcp-project",
            PROJECT,
            "--gcp-endpoint",
            &google.url,
            "--deadline",
            "3s",
            "--format",
            "json",
            "--fail-on",
            "none",
            "--save",
            snap.to_str().unwrap(),
            "--output",
            report.to_str().unwrap(),
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    )
    .output()
    .unwrap();
    // Cut off by the deadline, not by the (60 s) call timeout; incomplete, so exit 3.
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let r: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let cut: Vec<&serde_json::Value> = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["api"] == "fnscope:deadline")
        .collect();
    assert_eq!(cut.len(), 1, "{:#}", r["coverage"]);
    assert_eq!(cut[0]["provider"], "aws");
    assert_eq!(cut[0]["status"], "failed");
    assert!(
        cut[0]["detail"]
            .as_str()
            .unwrap()
            .contains("--deadline (3s)")
    );
    // What Google Cloud gave is reported and saved: its workloads and findings.
    assert_eq!(r["inventory"]["workloads"], 6, "{:#}", r["inventory"]);
    assert!(
        harness::triples(&r)
            .iter()
            .any(|t| t.0.starts_with("T1648-GCP-")),
        "{:#}",
        r["findings"]
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    assert_eq!(saved["workloads"].as_array().unwrap().len(), 6);
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

/// Runs `script` (POSIX sh, `$1` = a fresh folder) in a private mount namespace where that folder
/// is a 1 MiB tmpfs: a disk that can really fill up, gone when the script ends.
fn on_small_disk(dir: &Path, script: &str, args: &[&str]) -> std::process::Output {
    let template = harness::command(None, dir, &[], &[]);
    let mut cmd = std::process::Command::new("unshare");
    cmd.env_clear()
        .envs(template.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .args(["-rm", "sh", "-c"])
        .arg(format!(
            "mount -t tmpfs -o size=1m tmpfs \"$1\" || exit 97\n{script}"
        ))
        .arg("sh")
        .args(args);
    let out = cmd.output().expect("run unshare");
    assert_ne!(
        out.status.code(),
        Some(97),
        "cannot mount a tmpfs in a private namespace: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn a_full_disk_is_a_clear_error_and_leaves_the_earlier_files_intact() {
    let home = tempfile::tempdir().unwrap();
    let disk = home.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    // An earlier snapshot and report to keep: those of the example estate.
    let earlier = home.path().join("earlier.json");
    let out = harness::fnscope(
        None,
        home.path(),
        &[
            "scan",
            "aws",
            "--offline",
            &harness::estate(),
            "--save",
            earlier.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // On the small disk: the earlier files, then zeros until it is full; then each way fnscope
    // writes — a snapshot, a report, a history folder — each in its own run.
    let script = r#"
d=$1 earlier=$2 bin=$3 estate=$4
cp "$earlier" "$d/snap.json" && cp "$earlier" "$d/report.json" && mkdir "$d/history" || exit 98
dd if=/dev/zero of="$d/filler" bs=4k 2>/dev/null
for out in "--save $d/snap.json" "--output $d/report.json" "--save-dir $d/history"; do
  "$bin" scan aws --offline "$estate" --format json $out >/dev/null
  echo "exit $? for ${out%% *}"
done
cmp -s "$earlier" "$d/snap.json" && echo "snapshot intact"
cmp -s "$earlier" "$d/report.json" && echo "report intact"
ls -A "$d" "$d/history"
"#;
    let out = on_small_disk(
        home.path(),
        script,
        &[
            disk.to_str().unwrap(),
            earlier.to_str().unwrap(),
            env!("CARGO_BIN_EXE_fnscope"),
            &harness::estate(),
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    for flag in ["--save", "--output", "--save-dir"] {
        assert!(
            said.contains(&format!("exit 2 for {flag}\n")),
            "{said}\n{err}"
        );
    }
    assert!(
        said.contains("snapshot intact") && said.contains("report intact"),
        "{said}"
    );
    // Nothing half-written left behind: only the earlier files, the filler and the empty history.
    let listed: Vec<&str> = said.lines().skip_while(|l| !l.ends_with(':')).collect();
    assert!(
        !said.contains(".fnscope-") && !said.contains("fnscope-2"),
        "{said}"
    );
    assert!(listed.contains(&"filler"), "{said}");
    // Each error names the file and says why.
    assert_eq!(err.matches("No space left on device").count(), 3, "{err}");
    assert!(
        err.contains("snap.json") && err.contains("report.json") && err.contains("history"),
        "{err}"
    );
}

#[test]
fn a_named_provider_that_cannot_start_stops_the_others_at_once() {
    use crate::gcp_live::{PROJECT, key_file};
    use crate::harness::gfake::keypair;
    // AWS is refused at once (nothing listens on the port); Google Cloud's token endpoint never
    // answers. The AWS setup error ends the run without waiting for Google Cloud.
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let (_silent, google) = silent_endpoint();
    let dir = tempfile::tempdir().unwrap();
    let (pem, _) = keypair(dir.path());
    let key = key_file(dir.path(), &pem, &format!("{google}/token"));
    let started = Instant::now();
    let out = harness::command(
        Some(&refused),
        dir.path(),
        &[
            "scan",
            "gcp",
            "aws",
            "--gcp-project",
            PROJECT,
            "--gcp-endpoint",
            &google,
            "--max-attempts",
            "2",
        ],
        &[("GOOGLE_APPLICATION_CREDENTIALS", key.to_str().unwrap())],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("sts:GetCallerIdentity"),
        "{}",
        stderr(&out)
    );
    // Well inside Google Cloud's 60 s call timeout.
    assert!(
        started.elapsed() < Duration::from_secs(45),
        "{:?}",
        started.elapsed()
    );
}
