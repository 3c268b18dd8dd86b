//! Azure: the offline import of the example subscription yields exactly the planted findings; the live
//! collector against an HTTPS fake of Entra, ARM and Graph (real client-secret token flow through
//! azure_identity) sees the same estate.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::azfake::{AzureFake, CLIENT_ID, FaultKind, SECRET, TENANT};
use crate::harness::{coverage, fnscope, fnscope_env, repo, stderr, stdout, triples};

const SUB: &str = "5f1d0c0a-1111-4222-8333-944455556666";

fn offline_report() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "azure",
            "--offline",
            repo().join("examples/estate").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn example_subscription_yields_exactly_the_planted_findings() {
    let r = offline_report();
    let got = triples(&r);
    let user = |n: u8| format!("11111111-aaaa-4bbb-8ccc-00000000000{n}");
    let (dev1, ops1, integrators, mi_op, admin) = (user(1), user(2), user(3), user(5), user(6));
    let sa1 = "fa-mailsync (system-assigned)";
    let la = "la-forwarder (system-assigned)";
    let aa = "aa-ops (system-assigned)";
    let wf = "wf-standard (system-assigned)";
    let uami = "uami-graph";
    let mut want: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut add = |rule: &str, s: &str, t: &str| {
        want.insert((format!("T1648-AZ-{rule}"), s.to_string(), t.to_string()));
    };
    // AZ-001: Website Contributor at the resource group reaches the subscription-wide Contributor
    // identity and the shared Graph identity (both apps); Owner reaches the Graph identity only (it
    // already holds Contributor's rights); identities that can write sites reach the others.
    add("001", &dev1, sa1);
    add("001", &dev1, uami);
    add("001", &admin, uami);
    for s in [sa1, wf, la] {
        add("001", s, uami);
    }
    add("001", wf, sa1);
    // Medium: wf-standard's identity is Contributor on rg-auto, where dev1 holds only Website
    // Contributor: deploying to wf-standard gains Contributor's rights there (run commands on VMs,
    // edit runbooks and workflows) that dev1 lacks.
    add("001", &dev1, wf);
    // AZ-002: Logic App Contributor (a group) and Contributor-class identities can edit the Owner workflow.
    add("002", &integrators, la);
    add("002", sa1, la);
    add("002", wf, la);
    // AZ-003: runbook authors + starters reach the Global Administrator identity.
    for s in [ops1.as_str(), admin.as_str(), sa1, wf, la] {
        add("003", s, aa);
    }
    add("004", "fa-mailsync", sa1); // Contributor at the subscription
    add("004", "la-forwarder", la); // Owner at the subscription
    add("005", "fa-mailsync", uami); // Mail.Send, one identity shared by two apps
    add("005", "fa-reports", uami);
    add("006", "aa-ops", aa); // Global Administrator
    // AZ-007: Managed Identity Operator at the resource group + sites/write on one app.
    for s in [mi_op.as_str(), admin.as_str(), sa1, wf, la] {
        add("007", s, uami);
    }
    // AZ-009: write rights never used in the 90-day Activity Log (ops1's assignment is too young,
    // dev1 and mi-op deployed, the admin's only call failed).
    add(
        "009",
        sa1,
        "Contributor at /subscriptions/5f1d0c0a-1111-4222-8333-944455556666",
    );
    add(
        "009",
        &integrators,
        "Logic App Contributor at /subscriptions/5f1d0c0a-1111-4222-8333-944455556666/resourceGroups/rg-auto",
    );
    add(
        "009",
        wf,
        "Contributor at /subscriptions/5f1d0c0a-1111-4222-8333-944455556666/resourceGroups/rg-auto",
    );
    add(
        "009",
        &admin,
        "Owner at /subscriptions/5f1d0c0a-1111-4222-8333-944455556666",
    );
    add(
        "009",
        la,
        "Owner at /subscriptions/5f1d0c0a-1111-4222-8333-944455556666",
    );
    // AZ-008 (Activity Log): fa-mailsync's code changed, then its identity assigned Owner 40 minutes
    // later. The Logic App's identity assigns a role 61 minutes after its change; fa-reports'
    // assignment failed.
    add("008", sa1, "e0e0e0e0-0000-4000-8000-000000000001");
    // AZ-010: each code or definition change on its own, graded by the resource's identity: dev1's
    // changes to fa-mailsync (raised by AZ-008's sequence), the Logic App and fa-reports; mi-op's
    // change to fa-public.
    add("010", "dev1@contoso.com", "fa-mailsync");
    add("010", "dev1@contoso.com", "la-forwarder");
    add("010", "dev1@contoso.com", "fa-reports");
    add("010", "mi-op@contoso.com", "fa-public");
    // AZ-011: started by anyone holding a URL, graded by the identity: the runbooks' webhook (Global
    // Administrator identity) and the anonymous function without one.
    add("011", "anyone", "aa-ops");
    add("011", "anyone", "fa-public");
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nextra {extra:#?}"
    );

    // Near misses: the contractor's Website Contributor is denied by a deny assignment; the custom
    // "Site Restarter" role has Microsoft.Web/sites/* with the code-changing actions in notActions.
    let s = r.to_string();
    assert!(
        !s.contains("11111111-aaaa-4bbb-8ccc-000000000007"),
        "deny assignment honoured"
    );
    assert!(
        !s.contains("11111111-aaaa-4bbb-8ccc-000000000004"),
        "notActions honoured"
    );
    // Each finding names the assignment and role that grant it.
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["rule_id"] == "T1648-AZ-001"
                && f["subject"]["name"] == dev1.as_str()
                && f["target"]["name"] == sa1
        })
        .unwrap();
    let ev = f["evidence"].to_string();
    assert!(
        ev.contains("Website Contributor") && ev.contains("resourceGroups/rg-auto"),
        "{ev}"
    );
    assert!(
        ev.contains("Contributor (b24988ac-6180-42a0-ab88-20f7382dd24c)"),
        "{ev}"
    );
    assert_eq!(f["severity"], "high");
    let sev = |rule: &str, t: &str| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule_id"] == rule && f["target"]["name"] == t)
            .unwrap()["severity"]
            .clone()
    };
    assert_eq!(sev("T1648-AZ-004", la), "critical");
    assert_eq!(sev("T1648-AZ-006", aa), "critical");
}

#[test]
fn live_azure_scan_through_azure_identity_matches_the_offline_import() {
    let tmp = tempfile::tempdir().unwrap();
    let export = repo().join("examples/estate/azure").join(SUB);
    let fake = AzureFake::start(&export, SUB, tmp.path());
    let snap = tmp.path().join("live.json");
    let env = [
        ("AZURE_TENANT_ID", TENANT),
        ("AZURE_CLIENT_ID", CLIENT_ID),
        ("AZURE_CLIENT_SECRET", SECRET),
        ("FNSCOPE_CA_BUNDLE", fake.ca_pem.to_str().unwrap()),
    ];
    let out = fnscope_env(
        None,
        tmp.path(),
        &[
            "scan",
            "azure",
            "--azure-endpoint",
            &fake.url,
            "--save",
            snap.to_str().unwrap(),
            "--format",
            "json",
            "-v",
        ],
        &env,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    let live: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let offline = offline_report();
    // AZ-009 depends on the Activity Log window, which live ends now and the export states: compare
    // the rest, and require AZ-009 to have been evaluated live.
    let posture = |r: &Value| -> BTreeSet<(String, String, String)> {
        triples(r)
            .into_iter()
            .filter(|t| t.0 != "T1648-AZ-009")
            .collect()
    };
    assert_eq!(posture(&live), posture(&offline));
    assert!(
        !live["not_evaluated"].to_string().contains("T1648-AZ-009"),
        "{}",
        live["not_evaluated"]
    );
    assert!(
        live["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "complete"),
        "{}",
        live["coverage"]
    );
    assert_eq!(live["inventory"]["workloads"], 6);
    let log = fake.log.lock().unwrap().clone();
    assert!(
        log.iter()
            .any(|l| l == &format!("POST /{TENANT}/oauth2/v2.0/token")),
        "{log:?}"
    );
    assert!(
        log.iter()
            .filter(|l| l.ends_with("/providers/Microsoft.Authorization/roleAssignments"))
            .count()
            >= 2,
        "role assignments were paged"
    );
    assert_within_azure_permissions(&log);
    // Nothing secret anywhere: not the client secret, not a token.
    let saved = std::fs::read_to_string(&snap).unwrap();
    for text in [&saved, &err, &stdout(&out)] {
        assert!(
            !text.contains(SECRET) && !text.contains("fake~client"),
            "client secret leaked"
        );
        assert!(!text.contains(".arm.fake"), "token leaked");
    }
}

#[test]
fn a_wrong_client_secret_is_a_clear_error_and_the_secret_is_not_echoed() {
    let tmp = tempfile::tempdir().unwrap();
    let export = repo().join("examples/estate/azure").join(SUB);
    let fake = AzureFake::start(&export, SUB, tmp.path());
    let wrong = "wrong~secret~value~Zx9Cv8Bn7";
    let out = fnscope_env(
        None,
        tmp.path(),
        &[
            "scan",
            "azure",
            "--azure-endpoint",
            &fake.url,
            "--azure-subscription",
            SUB,
        ],
        &[
            ("AZURE_TENANT_ID", TENANT),
            ("AZURE_CLIENT_ID", CLIENT_ID),
            ("AZURE_CLIENT_SECRET", wrong),
            ("FNSCOPE_CA_BUNDLE", fake.ca_pem.to_str().unwrap()),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("cannot obtain an Azure token"), "{err}");
    assert!(!err.contains(wrong), "{err}");
    let log = fake.log.lock().unwrap().clone();
    assert!(
        log.iter().all(|l| l.ends_with("/oauth2/v2.0/token")),
        "no API call without a token: {log:?}"
    );
}

#[test]
fn a_next_link_to_another_host_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let export = repo().join("examples/estate/azure").join(SUB);
    let fake = AzureFake::start(&export, SUB, tmp.path());
    fake.overrides.lock().unwrap().push((
        format!("/subscriptions/{SUB}/providers/Microsoft.Web/sites"),
        serde_json::json!({"value": [], "nextLink": "https://attacker.example/steal?api-version=1"}),
    ));
    let out = fnscope_env(
        None,
        tmp.path(),
        &[
            "scan",
            "azure",
            "--azure-endpoint",
            &fake.url,
            // The per-subscription listings are the ones ARM pages with next links.
            "--azure-no-resource-graph",
            "--format",
            "json",
            "--fail-on",
            "none",
        ],
        &[
            ("AZURE_TENANT_ID", TENANT),
            ("AZURE_CLIENT_ID", CLIENT_ID),
            ("AZURE_CLIENT_SECRET", SECRET),
            ("FNSCOPE_CA_BUNDLE", fake.ca_pem.to_str().unwrap()),
        ],
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let c = r["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["api"] == "web:sites.list")
        .unwrap();
    assert_eq!(c["status"], "failed");
    assert!(
        c["detail"].as_str().unwrap().contains("not followed"),
        "{c}"
    );
}

#[test]
fn live_power_automate_scan_matches_the_offline_import() {
    let tmp = tempfile::tempdir().unwrap();
    const ENV: &str = "Default-72f988bf-0000-4000-8000-2d7cd011db47";
    let azure = repo().join("examples/estate/azure").join(SUB);
    let pa = repo().join("examples/estate/power-automate").join(ENV);
    let fake = AzureFake::start_with(&azure, SUB, Some((pa, ENV.to_string())), tmp.path());
    let out = fnscope_env(
        None,
        tmp.path(),
        &[
            "scan",
            "power-automate",
            "--pa-endpoint",
            &fake.url,
            "--format",
            "json",
            "--allow-partial",
        ],
        &[
            ("AZURE_TENANT_ID", TENANT),
            ("AZURE_CLIENT_ID", CLIENT_ID),
            ("AZURE_CLIENT_SECRET", SECRET),
            ("FNSCOPE_CA_BUNDLE", fake.ca_pem.to_str().unwrap()),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let live: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let off = fnscope(
        None,
        dir.path(),
        &[
            "scan",
            "power-automate",
            "--offline",
            repo().join("examples/estate").to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let offline: Value = serde_json::from_str(&stdout(&off)).unwrap();
    // PA-004, PA-005 and PA-006 need the Purview audit log, which the live path does not read (it says so).
    let posture = |r: &Value| -> BTreeSet<(String, String, String)> {
        triples(r)
            .into_iter()
            .filter(|t| !["T1648-PA-004", "T1648-PA-005", "T1648-PA-006"].contains(&t.0.as_str()))
            .collect()
    };
    assert!(
        live["not_evaluated"]
            .to_string()
            .contains("no Purview audit log was read"),
        "{}",
        live["not_evaluated"]
    );
    assert_eq!(
        posture(&live),
        posture(&offline),
        "{}\n{}",
        live["not_evaluated"],
        live["coverage"]
    );
    assert_eq!(live["inventory"]["workloads"], 9, "solution flows included");
    assert!(
        live["not_evaluated"].to_string().contains("audit log"),
        "{}",
        live["not_evaluated"]
    );
    let log = fake.log.lock().unwrap().clone();
    assert_within_pa_calls(&log);
    assert!(
        log.iter().any(|l| l.contains("/v2/policies/")),
        "DLP policies read in full"
    );
    assert!(!stdout(&out).contains("planted.secret"));
}

#[test]
fn a_certificate_credential_signs_a_client_assertion() {
    let tmp = tempfile::tempdir().unwrap();
    let export = repo().join("examples/estate/azure").join(SUB);
    let fake = AzureFake::start(&export, SUB, tmp.path());
    // A client certificate: PKCS#8 key + self-signed certificate in one PEM, as exported from a vault.
    let (key_pem, public_der) = crate::harness::gfake::keypair(tmp.path());
    let key_path = tmp.path().join("client-key.pem");
    std::fs::write(&key_path, &key_pem).unwrap();
    let cert_path = tmp.path().join("client-cert.pem");
    let ok = std::process::Command::new("openssl")
        .args([
            "req",
            "-new",
            "-x509",
            "-days",
            "2",
            "-subj",
            "/CN=fnscope-client",
            "-key",
        ])
        .arg(&key_path)
        .arg("-out")
        .arg(&cert_path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let bundle = tmp.path().join("client.pem");
    std::fs::write(
        &bundle,
        format!("{key_pem}{}", std::fs::read_to_string(&cert_path).unwrap()),
    )
    .unwrap();
    fake.trust_certificate(public_der);
    let run = |creds: &[(&str, &str)]| {
        let mut env = vec![
            ("AZURE_TENANT_ID", TENANT),
            ("AZURE_CLIENT_ID", CLIENT_ID),
            ("FNSCOPE_CA_BUNDLE", fake.ca_pem.to_str().unwrap()),
        ];
        env.extend_from_slice(creds);
        fnscope_env(
            None,
            tmp.path(),
            &[
                "scan",
                "azure",
                "--azure-endpoint",
                &fake.url,
                "--format",
                "json",
            ],
            &env,
        )
    };
    let out = run(&[("AZURE_CLIENT_CERTIFICATE_PATH", bundle.to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(r["inventory"]["workloads"], 6);
    assert!(!stdout(&out).contains("PRIVATE KEY") && !stderr(&out).contains("PRIVATE KEY"));
    // A certificate the tenant does not know is refused at sign-in.
    let other = tempfile::tempdir().unwrap();
    let (wrong_pem, _) = crate::harness::gfake::keypair(other.path());
    let wrong = other.path().join("wrong.pem");
    std::fs::write(
        &wrong,
        format!(
            "{wrong_pem}{}",
            std::fs::read_to_string(&cert_path).unwrap()
        ),
    )
    .unwrap();
    let out = run(&[("AZURE_CLIENT_CERTIFICATE_PATH", wrong.to_str().unwrap())]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot obtain an Azure token"),
        "{}",
        stderr(&out)
    );
}

/// A live scan of `provider` (`azure` or `power-automate`) against a fake set up by `setup`:
/// (output, JSON report, the fake's request log).
#[test]
fn resource_graph_lists_every_subscription_at_once_and_gives_the_same_findings() {
    const LISTS: [&str; 4] = [
        "/providers/Microsoft.Web/sites",
        "/providers/Microsoft.Logic/workflows",
        "/providers/Microsoft.Automation/automationAccounts",
        "/providers/Microsoft.ManagedIdentity/userAssignedIdentities",
    ];
    let listed = |log: &[String]| {
        log.iter()
            .filter(|l| LISTS.iter().any(|x| l.ends_with(x)))
            .count()
    };
    let queries = |log: &[String]| log.iter().filter(|l| l.contains("ResourceGraph")).count();
    let record = |r: &Value, api: &str| -> Value {
        r["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["api"] == api)
            .cloned()
            .unwrap_or(Value::Null)
    };
    // By default: one query for the subscriptions Resource Graph sees, one (paged) for the resources,
    // and none of the four listings.
    let (out, fast, log) = live_with("azure", &[], |_| {});
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(listed(&log), 0, "{log:?}");
    assert!(queries(&log) >= 3, "{log:?}");
    let graph = record(&fast, "resourcegraph:resources");
    assert_eq!(graph["status"], "complete", "{graph}");
    assert!(
        graph["detail"]
            .as_str()
            .unwrap()
            .contains("of 1 of 1 subscriptions"),
        "{graph}"
    );
    assert!(
        record(&fast, "web:sites.list")["detail"]
            .as_str()
            .unwrap()
            .ends_with("(Azure Resource Graph)")
    );
    // Per subscription, as asked: the listings, no query, the same inventory and findings.
    let (out, slow, log) = live_with("azure", &["--azure-no-resource-graph"], |_| {});
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(queries(&log), 0);
    assert!(listed(&log) >= 4);
    assert_eq!(fast["inventory"], slow["inventory"]);
    assert_eq!(triples(&fast), triples(&slow));
    // Resource Graph refused: said, and every subscription listed on its own; the same findings.
    let (out, fell, log) = live_with("azure", &[], |f| {
        f.fault("Microsoft.ResourceGraph", 50, FaultKind::Status(403))
    });
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(listed(&log) >= 4);
    let graph = record(&fell, "resourcegraph:resources");
    assert_eq!(graph["status"], "complete", "{graph}");
    assert!(
        graph["detail"]
            .as_str()
            .unwrap()
            .contains("every subscription listed on its own")
    );
    assert_eq!(fell["inventory"], slow["inventory"]);
    assert_eq!(triples(&fell), triples(&slow));
}

fn live_with(
    provider: &str,
    extra: &[&str],
    setup: impl FnOnce(&AzureFake),
) -> (std::process::Output, Value, Vec<String>) {
    const ENV: &str = "Default-72f988bf-0000-4000-8000-2d7cd011db47";
    let tmp = tempfile::tempdir().unwrap();
    let azure = repo().join("examples/estate/azure").join(SUB);
    let pa = repo().join("examples/estate/power-automate").join(ENV);
    let fake = AzureFake::start_with(&azure, SUB, Some((pa, ENV.to_string())), tmp.path());
    setup(&fake);
    let endpoint = if provider == "azure" {
        "--azure-endpoint"
    } else {
        "--pa-endpoint"
    };
    let mut args = vec!["scan", provider, endpoint, &fake.url, "--format", "json"];
    args.extend_from_slice(extra);
    let out = fnscope_env(
        None,
        tmp.path(),
        &args,
        &[
            ("AZURE_TENANT_ID", TENANT),
            ("AZURE_CLIENT_ID", CLIENT_ID),
            ("AZURE_CLIENT_SECRET", SECRET),
            ("FNSCOPE_CA_BUNDLE", fake.ca_pem.to_str().unwrap()),
        ],
    );
    let report: Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let log = fake.log.lock().unwrap().clone();
    if provider == "azure" {
        assert_within_azure_permissions(&log);
    } else {
        assert_within_pa_calls(&log);
    }
    (out, report, log)
}

/// Coverage records, the activity-log ones without their details (which name the window, ending now).
fn settled(report: &Value) -> Vec<Value> {
    let mut records = report["coverage"].as_array().unwrap().clone();
    for c in &mut records {
        if c["api"].as_str().unwrap().contains("activity") {
            c["detail"] = Value::Null;
        }
    }
    records
}

#[test]
fn microsoft_faults_transient_give_the_clean_result_persistent_a_record() {
    // (provider, listing path, its coverage API, extra arguments every run takes)
    let cases = [
        (
            "azure",
            "/providers/Microsoft.Authorization/roleAssignments",
            "authorization:roleAssignments.list",
            &["--fail-on", "none"][..],
        ),
        (
            "power-automate",
            "/v2/flows",
            "flow:flows.list",
            &["--fail-on", "none", "--allow-partial"][..],
        ),
    ];
    for (provider, path, api, base) in cases {
        let (out, clean, clean_log) = live_with(provider, base, |_| {});
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));

        // Throttled, failed, cut short, dropped: each once, then answered — retried to the clean result.
        let (out, faulty, log) = live_with(provider, base, |fake| {
            fake.fault(path, 2, FaultKind::Status(429));
            fake.fault(path, 1, FaultKind::Status(503));
            fake.fault(path, 1, FaultKind::Truncated);
            fake.fault(path, 1, FaultKind::Reset);
        });
        assert_eq!(out.status.code(), Some(0), "{provider}: {}", stderr(&out));
        assert_eq!(triples(&faulty), triples(&clean), "{provider}");
        assert_eq!(settled(&faulty), settled(&clean), "{provider}");
        assert_eq!(log.len(), clean_log.len() + 5, "{provider}: {log:#?}");

        // For ever: a record naming the API and why, exit 3; never a hang, never a pass.
        let mut persistent = base.to_vec();
        persistent.retain(|a| *a != "--allow-partial");
        persistent.extend(["--max-attempts", "2", "--call-timeout", "2"]);
        for (kind, says, calls) in [
            (FaultKind::Status(503), &["HTTP 503"][..], 2),
            // The drop may come before or after the headers are read.
            (
                FaultKind::Reset,
                &["reading the response", "request failed"][..],
                2,
            ),
            (FaultKind::RepeatToken, &["next link repeated"][..], 2),
            (FaultKind::Huge, &["larger than 128 MiB"][..], 1),
            (FaultKind::Slow, &["timed out"][..], 2),
        ] {
            let (out, r, log) =
                live_with(provider, &persistent, |fake| fake.fault(path, 1000, kind));
            assert_eq!(
                out.status.code(),
                Some(3),
                "{provider} {kind:?}: {}",
                stderr(&out)
            );
            let c = coverage(&r, api);
            assert_eq!(c["status"], "failed", "{provider} {kind:?}: {c}");
            assert!(
                says.iter()
                    .any(|s| c["detail"].as_str().unwrap().contains(s)),
                "{provider} {kind:?}: {c}"
            );
            let made = log.iter().filter(|l| l.ends_with(path)).count();
            assert!(made <= calls, "{provider} {kind:?}: {made} calls");
        }
    }
}

#[test]
fn a_deadline_keeps_what_was_read_and_names_what_was_cut_off() {
    // A subscription or environment still being read at --deadline is a record naming it; what was
    // read before (the listings) is kept and the scan ends on time, not cut off whole.
    for (provider, path, listing, base) in [
        (
            "azure",
            "/providers/Microsoft.Authorization/roleAssignments",
            "resources:subscriptions.list",
            &["--fail-on", "none"][..],
        ),
        (
            "power-automate",
            "/v2/flows",
            "bap:environments.list",
            &["--fail-on", "none"][..],
        ),
    ] {
        let mut args = base.to_vec();
        args.extend(["--deadline", "8s"]);
        let (out, r, _) = live_with(provider, &args, |fake| {
            fake.fault(path, 1000, FaultKind::Slow)
        });
        assert_eq!(out.status.code(), Some(3), "{provider}: {}", stderr(&out));
        let cut: Vec<&Value> = r["coverage"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| {
                c["detail"]
                    .as_str()
                    .unwrap()
                    .contains("cut off by --deadline")
            })
            .collect();
        assert_eq!(cut.len(), 1, "{provider}: {:#}", r["coverage"]);
        assert_eq!(cut[0]["status"], "failed");
        assert!(!cut[0]["target"].as_str().unwrap().is_empty(), "{}", cut[0]);
        assert_eq!(coverage(&r, listing)["status"], "complete", "{provider}");
        assert!(
            !r["coverage"].to_string().contains("fnscope:deadline"),
            "{provider}: handed over before the deadline"
        );
    }
}

/// The Azure RBAC action an ARM read needs (`{namespace}/{type}[/{child type}…]/read`, the path's
/// resource types after its last `/providers/`), or the Graph application permission a Graph read
/// needs; `None` for anything else.
fn microsoft_permission(request: &str) -> Option<String> {
    if request == "POST /providers/Microsoft.ResourceGraph/resources" {
        // A query: a read sent as a POST.
        return Some("Microsoft.ResourceGraph/resources/read".into());
    }
    let path = request.strip_prefix("GET ")?;
    if let Some(graph) = path.strip_prefix("/v1.0/") {
        return match graph.split('/').collect::<Vec<_>>().as_slice() {
            ["servicePrincipals", _, "appRoleAssignments"] => Some("Application.Read.All".into()),
            ["roleManagement", "directory", "roleAssignments"] => {
                Some("RoleManagement.Read.Directory".into())
            }
            _ => None,
        };
    }
    match path.rfind("/providers/") {
        Some(i) => {
            let segments: Vec<&str> = path[i + "/providers/".len()..].split('/').collect();
            let types: Vec<&str> = segments.iter().skip(1).step_by(2).copied().collect();
            (!types.is_empty()).then(|| format!("{}/{}/read", segments[0], types.join("/")))
        }
        None if path == "/subscriptions" || path.starts_with("/subscriptions/") => {
            Some("Microsoft.Resources/subscriptions/read".into())
        }
        None => None,
    }
}

/// Read-only, from one source: every request an Azure scan made needs an action (or Graph
/// permission) that `fnscope permissions azure` grants, and every action it grants is a read.
fn assert_within_azure_permissions(log: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(None, dir.path(), &["permissions", "azure"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let role: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let actions: Vec<&str> = role["Actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(actions.iter().all(|a| a.ends_with("/read")), "{actions:?}");
    assert_eq!(role["DataActions"], serde_json::json!([]));
    let graph = role["Description"].as_str().unwrap();
    let token = format!("POST /{TENANT}/oauth2/v2.0/token");
    for request in log.iter().filter(|l| **l != token) {
        let needed = microsoft_permission(request)
            .unwrap_or_else(|| panic!("a request no read permission covers: {request}"));
        assert!(
            actions.contains(&needed.as_str())
                || (needed.contains(".Read.") && graph.contains(&needed)),
            "{request} needs {needed}, which `fnscope permissions azure` does not grant"
        );
    }
}

/// Read-only, from one source: every request a Power Automate scan made is one of the calls
/// `fnscope permissions power-automate` lists (all GETs).
fn assert_within_pa_calls(log: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let out = fnscope(None, dir.path(), &["permissions", "power-automate"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // `GET host/path/{param}[/{optional}]?query` → path templates, one per optional form.
    let mut templates: Vec<Vec<String>> = Vec::new();
    for call in stdout(&out).lines().filter_map(|l| l.strip_prefix("GET ")) {
        let path = call.split_once('/').unwrap().1.split('?').next().unwrap();
        let (required, optional) = match path.split_once('[') {
            Some((r, o)) => (r, Some(o.trim_end_matches(']'))),
            None => (path, None),
        };
        let split = |p: &str| -> Vec<String> { p.split('/').map(str::to_string).collect() };
        templates.push(split(required));
        if let Some(o) = optional {
            templates.push(split(&format!("{required}{o}")));
        }
    }
    assert!(templates.len() >= 7, "{templates:?}");
    let token = format!("POST /{TENANT}/oauth2/v2.0/token");
    for request in log.iter().filter(|l| **l != token) {
        let path = request
            .strip_prefix("GET /")
            .unwrap_or_else(|| panic!("not a read: {request}"));
        let segments: Vec<&str> = path.split('/').collect();
        assert!(
            templates.iter().any(|t| t.len() == segments.len()
                && t.iter()
                    .zip(&segments)
                    .all(|(t, s)| t == s || (t.starts_with('{') && t.ends_with('}')))),
            "{request} is not a call `fnscope permissions power-automate` lists"
        );
    }
}
