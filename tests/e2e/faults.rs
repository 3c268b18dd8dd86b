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

/// Sends `signal` (`INT`, `TERM`) to a running child.
fn signal(child: &std::process::Child, signal: &str) {
    let kill = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
}

/// Asserts what every interrupted run leaves: the exit code for `sig`, the message, nothing on stdout
/// and only the earlier snapshot, unchanged, in `dir`.
fn assert_interrupted(out: &std::process::Output, sig: &str, dir: &Path) {
    let code = if sig == "INT" { 130 } else { 143 };
    assert_eq!(out.status.code(), Some(code), "{}", stderr(out));
    assert!(
        stderr(out).contains(&format!(
            "fnscope: interrupted; nothing was written (SIG{sig})"
        )),
        "{}",
        stderr(out)
    );
    assert!(out.stdout.is_empty());
    let left: Vec<String> = files(dir)
        .into_iter()
        .filter(|f| f != "no-aws-config" && f != "no-aws-credentials")
        .collect();
    assert_eq!(left, ["snap.json"], "no temporary or partial file is left");
    assert_eq!(
        std::fs::read_to_string(dir.join("snap.json")).unwrap(),
        "earlier"
    );
}

#[test]
fn sigint_and_sigterm_while_a_live_scan_waits_write_nothing() {
    for sig in ["INT", "TERM"] {
        let (_listener, url) = silent_endpoint();
        let dir = tempfile::tempdir().unwrap();
        // A snapshot from an earlier run stays as it was.
        std::fs::write(dir.path().join("snap.json"), "earlier").unwrap();
        let child = scan(&url, dir.path(), &[])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(1500));
        signal(&child, sig);
        let out = child.wait_with_output().unwrap();
        assert_interrupted(&out, sig, dir.path());
    }
}

/// Offline reading is synchronous work: a signal while it runs, or between writing a temporary file and
/// renaming it into place, is answered at once the same way (debug builds hold the run at a named
/// phase with `FNSCOPE_TEST_STALL_AT`, so the signal lands there and nowhere else).
#[test]
fn sigint_and_sigterm_at_each_phase_of_an_offline_scan_write_nothing() {
    use std::io::BufRead;
    for phase in ["read", "write"] {
        for sig in ["INT", "TERM"] {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("snap.json"), "earlier").unwrap();
            let hist = dir.path().join("history");
            let (snap, report) = (dir.path().join("snap.json"), dir.path().join("report.json"));
            let estate = harness::estate();
            let mut child = harness::command(
                None,
                dir.path(),
                &[
                    "scan",
                    "--offline",
                    &estate,
                    "--format",
                    "json",
                    "--save",
                    snap.to_str().unwrap(),
                    "--output",
                    report.to_str().unwrap(),
                    "--save-dir",
                    hist.to_str().unwrap(),
                    "-q",
                ],
                &[("FNSCOPE_TEST_STALL_AT", phase)],
            )
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
            // Wait until the run says it is held at the phase.
            let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
            let mut seen = String::new();
            loop {
                let mut line = String::new();
                assert!(
                    err.read_line(&mut line).unwrap() > 0,
                    "the run ended before {phase}: {seen}"
                );
                seen.push_str(&line);
                if line.contains(&format!("test stall at `{phase}`")) {
                    break;
                }
            }
            if phase == "write" {
                let tmp = files(dir.path())
                    .into_iter()
                    .filter(|f| f.starts_with(".fnscope-") && f.ends_with(".tmp"))
                    .count();
                assert_eq!(tmp, 1, "the temporary file is there while held");
            }
            signal(&child, sig);
            let mut rest = String::new();
            std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
            let mut out = child.wait_with_output().unwrap();
            out.stderr = rest.into_bytes();
            assert_interrupted(&out, sig, dir.path());
        }
    }
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
