//! Apps Script detection fixtures (Reports API): GWS-008 and GWS-009. The code rules (GWS-001…007) are
//! held by the analyser's tests in `providers` and by the corpus and example estate end to end.

use chrono::{DateTime, Duration, Utc};
use fnscope_snapshot::{AuditEvent, Provider, ScanMode, ScanSource, Snapshot, Target};

use crate::{Finding, Settings, catalogue, evaluate};

const MAIL: &str = "https://mail.google.com/";
const SCRIPT: &str = "https://www.googleapis.com/auth/script.external_request";
const SHEETS: &str = "https://www.googleapis.com/auth/spreadsheets.currentonly";

fn ev(actor: &str, action: &str, hour: i64, attrs: &[(&str, &str)]) -> AuditEvent {
    let mut a: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (k, v) in attrs {
        a.entry(k.to_string()).or_default().push(v.to_string());
    }
    AuditEvent {
        provider: Provider::AppsScript,
        target: "*".into(),
        id: format!("{action}-{hour}"),
        time: DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
            + Duration::hours(hour),
        actor: actor.into(),
        action: action.into(),
        resource: None,
        source_ip: None,
        attrs: a,
        source: format!("token.json#{hour}"),
    }
}

fn grant(user: &str, hour: i64, scopes: &[&str]) -> AuditEvent {
    let mut attrs = vec![
        ("app_name", "Mail helper"),
        ("client_id", "123.apps.googleusercontent.com"),
    ];
    attrs.extend(scopes.iter().map(|s| ("scope", *s)));
    ev(user, "token:authorize", hour, &attrs)
}

fn run(events: Vec<AuditEvent>, rule: &str, allow: &[&str]) -> Vec<Finding> {
    let mut s = Snapshot::new(
        "test",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    );
    s.targets.push(Target {
        provider: Provider::AppsScript,
        id: "northwind.example".into(),
        name: None,
        regions: Vec::new(),
        organization: None,
        ancestors: Vec::new(),
    });
    s.events = events;
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == rule)
        .collect();
    let settings = Settings {
        detect_allow: allow.iter().map(|a| a.to_string()).collect(),
        ..Settings::default()
    };
    evaluate(&s, &rules, &settings).findings
}

fn sev(f: &[Finding]) -> Vec<&'static str> {
    f.iter().map(|f| f.severity.as_str()).collect()
}

#[test]
fn gws_009_each_restricted_grant_to_a_script_and_gws_008_the_exposure_after_it() {
    let user = "ap.clerk@northwind.example";
    let forward = ev(user, "user_accounts:email_forwarding_out_of_domain", 6, &[]);
    let public = ev(
        user,
        "drive:change_document_visibility",
        25,
        &[("visibility", "public_on_the_web")],
    );
    // (case, events, GWS-009 severities, GWS-008 severities)
    type Case = (
        &'static str,
        Vec<AuditEvent>,
        Vec<&'static str>,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            "full Gmail to a script, nothing after it",
            vec![grant(user, 0, &[MAIL, SCRIPT])],
            vec!["medium"],
            vec![],
        ),
        (
            "then forwarding out of the domain six hours later",
            vec![grant(user, 0, &[MAIL, SCRIPT]), forward.clone()],
            vec!["high"],
            vec!["high"],
        ),
        (
            "a file made public 25 hours later is outside the day",
            vec![grant(user, 0, &[MAIL, SCRIPT]), public],
            vec!["medium"],
            vec![],
        ),
        (
            "no restricted scope: no finding",
            vec![grant(user, 0, &[SHEETS, SCRIPT]), forward.clone()],
            vec![],
            vec![],
        ),
        (
            "a restricted grant to a client that is no script",
            vec![grant(user, 0, &[MAIL])],
            vec![],
            vec![],
        ),
    ];
    for (case, events, want9, want8) in cases {
        assert_eq!(
            sev(&run(events.clone(), "T1648-GWS-009", &[])),
            want9,
            "{case}"
        );
        assert_eq!(sev(&run(events, "T1648-GWS-008", &[])), want8, "{case}");
    }
    // An allow-listed client's grants stay visible, as low.
    let f = run(
        vec![grant(user, 0, &[MAIL, SCRIPT]), forward],
        "T1648-GWS-009",
        &["123.apps.googleusercontent.com"],
    );
    assert_eq!(sev(&f), ["low"]);
}

// --- Code rules: GWS-001 … GWS-007, on scripts as the analyser records them -----------------------

use fnscope_snapshot::Workload;
use serde_json::{Value, json};

fn reach(kind: &str, entry: &str) -> Value {
    json!({"kind": kind, "entry": entry, "path": [entry]})
}

/// One analysed call.
fn call(api: &str, line: u32, reach: Value, extra: Value) -> Value {
    let mut c = json!({"file": "Code.gs", "line": line, "function": "main", "api": api,
        "dynamic": false, "carries_token": false, "in_loop": false, "reach": reach});
    if let (Some(c), Some(e)) = (c.as_object_mut(), extra.as_object()) {
        c.extend(e.clone());
    }
    c
}

fn script(name: &str, scopes: &[&str], details: Value, public: bool) -> Workload {
    let mut d = json!({"type": "script", "scopes_inferred": false, "services": [], "reach_computed": true,
        "entry_points": []});
    if let (Some(d), Some(e)) = (d.as_object_mut(), details.as_object()) {
        d.extend(e.clone());
    }
    serde_json::from_value(json!({
        "id": format!("1{name}"),
        "provider": "apps-script",
        "kind": fnscope_snapshot::kinds::APPS_SCRIPT_PROJECT,
        "name": name,
        "target": "northwind.example",
        "owner": "owner@northwind.example",
        "identities": ["owner@northwind.example"],
        "scopes": scopes,
        "exposure": {"public": public},
        "details": d,
    }))
    .unwrap()
}

fn code_findings(scripts: Vec<Workload>, rule: &str) -> Vec<(String, String)> {
    let mut s = Snapshot::new(
        "test",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    );
    s.targets.push(Target {
        provider: Provider::AppsScript,
        id: "northwind.example".into(),
        name: None,
        regions: Vec::new(),
        organization: None,
        ancestors: Vec::new(),
    });
    s.workloads = scripts;
    let rules: Vec<_> = catalogue()
        .into_iter()
        .filter(|r| r.meta().id == rule)
        .collect();
    let settings = Settings {
        tenant_domains: vec!["northwind.example".into()],
        ..Settings::default()
    };
    let mut v: Vec<(String, String)> = evaluate(&s, &rules, &settings)
        .findings
        .into_iter()
        .map(|f| (f.subject.name, f.severity.as_str().to_string()))
        .collect();
    v.sort();
    v
}

fn n(a: &str, b: &str) -> (String, String) {
    (a.into(), b.into())
}

#[test]
fn gws_001_user_data_sent_outside_graded_by_who_starts_it() {
    let read = |r: Value| {
        call(
            "SpreadsheetApp.getActiveSheet().getDataRange().getValues",
            17,
            r,
            json!({"dynamic": true}),
        )
    };
    let fetch = |host: &str, r: Value| {
        call(
            "UrlFetchApp.fetch",
            19,
            r,
            json!({"literals": [format!("https://{host}/rows"), "post"], "payload": true, "method": "post",
                   "urls": [{"scheme": "https", "host": host, "path": "/rows"}]}),
        )
    };
    let scopes = ["https://www.googleapis.com/auth/script.external_request"];
    let scripts = vec![
        script(
            "unattended",
            &scopes,
            json!({"services": ["SpreadsheetApp", "UrlFetchApp"], "calls": [read(reach("installable", "push")), fetch("collect.example", reach("installable", "push"))]}),
            false,
        ),
        script(
            "by-hand",
            &scopes,
            json!({"services": ["SpreadsheetApp", "UrlFetchApp"], "calls": [read(reach("ui", "push")), fetch("collect.example", reach("ui", "push"))]}),
            false,
        ),
        script(
            "to-google",
            &scopes,
            json!({"services": ["SpreadsheetApp", "UrlFetchApp"], "calls": [read(reach("installable", "push")), fetch("sheets.googleapis.com", reach("installable", "push"))]}),
            false,
        ),
        script(
            "no-data",
            &scopes,
            json!({"services": ["UrlFetchApp"], "calls": [fetch("collect.example", reach("installable", "push"))]}),
            false,
        ),
    ];
    assert_eq!(
        code_findings(scripts, "T1648-GWS-001"),
        [n("by-hand", "medium"), n("unattended", "critical")]
    );
}

#[test]
fn gws_002_to_007_mail_sharing_triggers_tokens_scopes_and_directory_writes() {
    let unattended = || reach("installable", "job");
    let forward = |to: &str, r: Value| {
        call(
            "*.forward",
            9,
            r,
            json!({"literals": [to], "in_loop": true}),
        )
    };
    // GWS-002: a forward outside (a look-alike counts), unattended critical, by hand high; a
    // subdomain is inside.
    let scripts = vec![
        script(
            "out",
            &[],
            json!({"calls": [forward("billing@northwind.example.co", unattended())]}),
            false,
        ),
        script(
            "menu",
            &[],
            json!({"calls": [forward("x@gmail.example", reach("ui", "job"))]}),
            false,
        ),
        script(
            "sub",
            &[],
            json!({"calls": [forward("ap@eu.northwind.example", unattended())]}),
            false,
        ),
    ];
    assert_eq!(
        code_findings(scripts, "T1648-GWS-002"),
        [n("menu", "high"), n("out", "critical")]
    );
    // GWS-003: sharing with anyone over a loop of files, unattended.
    let share = |access: &str, r: Value| {
        call(
            "*.setSharing",
            5,
            r,
            json!({"refs": [format!("DriveApp.Access.{access}"), "DriveApp.Permission.VIEW"], "in_loop": true}),
        )
    };
    let scripts = vec![
        script(
            "anyone",
            &[],
            json!({"calls": [share("ANYONE_WITH_LINK", unattended())]}),
            false,
        ),
        script(
            "domain",
            &[],
            json!({"calls": [share("DOMAIN_WITH_LINK", unattended())]}),
            false,
        ),
    ];
    assert_eq!(
        code_findings(scripts, "T1648-GWS-003"),
        [n("anyone", "critical")]
    );
    // GWS-004: an installable trigger created.
    let scripts = vec![script(
        "persists",
        &[],
        json!({"calls": [call("ScriptApp.newTrigger().timeBased().everyHours().create", 13, reach("ui", "install"), json!({"literals": ["job"]}))]}),
        false,
    )];
    assert_eq!(
        code_findings(scripts, "T1648-GWS-004"),
        [n("persists", "medium")]
    );
    // GWS-005: the user's token handed back by an anonymous web app running as its deployer.
    let relay = script(
        "relay",
        &[],
        json!({"webapp_access": "ANYONE_ANONYMOUS", "webapp_execute_as": "USER_DEPLOYING",
        "calls": [
            call("ScriptApp.getOAuthToken", 2, reach("web_app", "doGet"), json!({"dynamic": true})),
            call("ContentService.createTextOutput", 3, reach("web_app", "doGet"), json!({"dynamic": true, "carries_token": true})),
        ]}),
        true,
    );
    assert_eq!(
        code_findings(vec![relay.clone()], "T1648-GWS-005"),
        [n("relay", "critical")]
    );
    // GWS-006: restricted scopes: high on an anonymous web app running as the deployer.
    let mut r = relay;
    r.scopes = vec!["https://www.googleapis.com/auth/drive.readonly".into()];
    let quiet = script(
        "quiet",
        &["https://www.googleapis.com/auth/spreadsheets.currentonly"],
        json!({"calls": []}),
        false,
    );
    assert_eq!(
        code_findings(vec![r, quiet], "T1648-GWS-006"),
        [n("relay", "high")]
    );
    // GWS-007: a directory write, unattended.
    let scripts = vec![script(
        "admin-maker",
        &[],
        json!({"calls": [call("AdminDirectory.Users.makeAdmin", 6, unattended(), json!({"literals": ["helpdesk@northwind.example"], "dynamic": true}))]}),
        false,
    )];
    assert_eq!(
        code_findings(scripts, "T1648-GWS-007"),
        [n("admin-maker", "critical")]
    );
}

#[test]
fn gws_010_anonymous_web_apps_graded_by_what_the_deployer_granted() {
    let app = |name: &str, access: &str, exec: &str, scopes: &[&str]| {
        script(
            name,
            scopes,
            json!({"webapp_access": access, "webapp_execute_as": exec, "calls": []}),
            true,
        )
    };
    let scripts = vec![
        app("relay", "ANYONE_ANONYMOUS", "USER_DEPLOYING", &[MAIL]),
        app("form", "ANYONE", "USER_DEPLOYING", &[SHEETS]),
        app("visitor", "ANYONE_ANONYMOUS", "USER_ACCESSING", &[MAIL]),
        app("intranet", "DOMAIN", "USER_DEPLOYING", &[MAIL]),
    ];
    let mut got = code_findings(scripts, "T1648-GWS-010");
    got.sort();
    // The subject is "anyone"; each is told apart by its severity here.
    assert_eq!(
        got,
        [
            n("anyone", "high"),
            n("anyone", "low"),
            n("anyone", "medium")
        ]
    );
}

#[test]
fn gws_002_auto_replies_raw_gmail_api_sends_and_gmail_rest_calls() {
    let unattended = || reach("installable", "job");
    let rest = |path: &str| {
        call(
            "UrlFetchApp.fetch",
            12,
            unattended(),
            json!({"literals": [format!("https://gmail.googleapis.com{path}")], "method": "post",
                   "urls": [{"scheme": "https", "host": "gmail.googleapis.com", "path": path}]}),
        )
    };
    let scripts = vec![
        // An auto-reply set by a trigger.
        script(
            "vacation",
            &[],
            json!({"calls": [call("Gmail.Users.Settings.updateVacation", 4, unattended(), json!({"dynamic": true}))]}),
            false,
        ),
        // A raw send: recipients inside the base64 message.
        script(
            "raw",
            &[],
            json!({"calls": [call("Gmail.Users.Messages.send", 7, unattended(), json!({"dynamic": true}))]}),
            false,
        ),
        // The same through the REST API, and forwarding set through it.
        script(
            "rest-send",
            &[],
            json!({"calls": [rest("/gmail/v1/users/me/messages/send")]}),
            false,
        ),
        script(
            "rest-forward",
            &[],
            json!({"calls": [rest("/gmail/v1/users/me/settings/autoForwarding")]}),
            false,
        ),
        // Reading mail through the REST API sends nothing.
        script(
            "rest-read",
            &[],
            json!({"calls": [rest("/gmail/v1/users/me/messages")]}),
            false,
        ),
    ];
    assert_eq!(
        code_findings(scripts, "T1648-GWS-002"),
        [
            n("raw", "medium"),
            n("rest-forward", "critical"),
            n("rest-send", "medium"),
            n("vacation", "low")
        ]
    );
}
