//! The flow-definition analyser: from a Workflow Definition Language document (and the flow's
//! connection references) to the facts the Power Automate rules judge — what starts the flow and, for
//! every step at every nesting depth (scopes, conditions, loops, switches), its connector and operation,
//! mail recipients, sharing-link scope, HTTP destination, what data it carries and which steps' outputs
//! it uses. Credential values are never copied out: a hard-coded secret is recorded by field name only,
//! and query strings (SAS signatures) are cut from URIs.

use std::collections::BTreeMap;

use fnscope_snapshot::{FlowStep, FlowTrigger};
use serde_json::Value;

/// Nesting deeper than this is reported as one truncated step, never walked (JSON parsing already
/// refuses documents nested beyond serde_json's limit).
const MAX_DEPTH: usize = 64;

/// The connector of a step: `shared_office365` from `host.apiId`, `host.connectionName` (resolved
/// through the connection references) or the legacy `host.connection.name` expression.
fn connector(inputs: Option<&Value>, refs: &Value) -> Option<String> {
    let host = inputs?.get("host")?;
    if let Some(api) = host.get("apiId").and_then(Value::as_str) {
        return api.rsplit('/').next().map(str::to_string);
    }
    let key = host
        .get("connectionName")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| {
            // "@parameters('$connections')['office365']['connectionId']"
            let n = host.get("connection")?.get("name")?.as_str()?;
            n.split("['").nth(1)?.split('\'').next().map(str::to_string)
        })?;
    let from_refs = refs
        .get(&key)
        .and_then(|r| {
            r.get("id")
                .or_else(|| r.get("apiId"))
                .and_then(Value::as_str)
                .or_else(|| r.get("api")?.get("name")?.as_str())
        })
        .and_then(|id| id.rsplit('/').next())
        .map(str::to_string);
    Some(from_refs.unwrap_or_else(|| {
        if key.starts_with("shared_") {
            key.trim_end_matches(|c: char| c == '_' || c.is_ascii_digit())
                .to_string()
        } else {
            format!("shared_{key}")
        }
    }))
}

fn operation(step: &Value) -> Option<String> {
    let inputs = step.get("inputs");
    inputs
        .and_then(|i| i.get("host"))
        .and_then(|h| h.get("operationId"))
        .or_else(|| inputs.and_then(|i| i.get("operationId")))
        .or_else(|| step.get("operationId"))
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// Every string inside `v`, with its key path.
fn strings<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a str)>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(a) => {
            for x in a {
                strings(x, path.clone(), out, depth + 1);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}/{k}")
                };
                strings(x, p, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn last_key(path: &str) -> String {
    path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase()
}

const RECIPIENT_KEYS: &[&str] = &[
    "torecipients",
    "to",
    "cc",
    "bcc",
    "recipients",
    "ccrecipients",
    "bccrecipients",
];
const SECRET_KEYS: &[&str] = &[
    "secret",
    "password",
    "pfx",
    "clientsecret",
    "client_secret",
    "apikey",
    "api_key",
    "token",
];

/// The destination without its query or fragment, and with any user-info redacted.
fn without_query(uri: &str) -> String {
    crate::secrets::redact_url(uri.split(['?', '#']).next().unwrap_or(uri))
}

/// Step names referenced through `body('X')`, `outputs('X')`, `items('X')`, `actions('X')`.
fn references(text: &str, out: &mut Vec<String>) {
    for f in ["body(", "outputs(", "items(", "actions("] {
        for part in text.split(f).skip(1) {
            let q = part.chars().next();
            if let Some(q @ ('\'' | '"')) = q
                && let Some(name) = part[1..].split(q).next()
                && !name.is_empty()
                && !out.iter().any(|n| n == name)
            {
                out.push(name.to_string());
            }
        }
    }
}

/// One step as walked: its facts, and the variables it reads and writes (resolved into
/// `references` once every step is known).
struct Walked {
    step: FlowStep,
    reads: Vec<String>,
    writes: Option<String>,
}

const VARIABLE_WRITERS: &[&str] = &[
    "InitializeVariable",
    "SetVariable",
    "AppendToArrayVariable",
    "AppendToStringVariable",
];

/// The facts of one step.
fn step(path: &str, s: &Value, refs: &Value) -> Walked {
    let kind = s
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("?")
        .to_string();
    let inputs = s.get("inputs");
    let connector = connector(inputs, refs);
    let operation = operation(s);
    let mut texts = Vec::new();
    if let Some(i) = inputs {
        // The host block names the connection, not data.
        for (k, v) in i.as_object().into_iter().flatten() {
            if k != "host" {
                strings(v, k.clone(), &mut texts, 0);
            }
        }
    }
    if let Some(f) = s.get("foreach") {
        strings(f, "foreach".into(), &mut texts, 0);
    }
    let mut out = FlowStep {
        path: path.to_string(),
        kind: kind.clone(),
        connector: connector.clone(),
        operation: operation.clone(),
        ..FlowStep::default()
    };
    let op = operation.clone().unwrap_or_default().to_ascii_lowercase();
    let sharing = op.contains("shar") || op.contains("link");
    for (p, t) in &texts {
        let key = last_key(p);
        let in_auth = p.starts_with("authentication");
        // Microsoft Graph bodies: `message.toRecipients[].emailAddress.address`, an inbox rule's
        // `actions.forwardTo[]` / `forwardAsAttachmentTo[]` / `redirectTo[]`.
        let lp = p.to_ascii_lowercase();
        let graph_recipient = key == "address"
            && (lp.contains("recipients/")
                || lp.contains("forwardto/")
                || lp.contains("forwardasattachmentto/")
                || lp.contains("redirectto/"));
        if (RECIPIENT_KEYS.contains(&key.as_str()) || graph_recipient) && !in_auth {
            for r in t.split([';', ',']).map(str::trim).filter(|r| !r.is_empty()) {
                if !out.recipients.iter().any(|x| x == r) {
                    out.recipients.push(r.to_string());
                }
            }
        }
        if sharing && key.ends_with("scope") {
            out.link_scope = Some(t.to_string());
        }
        let is_uri = key == "uri" || key == "url" || key.ends_with("/uri");
        if is_uri && (kind.starts_with("Http") || op.contains("http") || op.contains("invoke")) {
            out.uri = Some(without_query(t));
            if t.contains("sig=") || t.contains("code=") || t.contains("key=") {
                out.hardcoded_secrets.push(format!("{p} query string"));
            }
        }
        let literal = !t.trim_start().starts_with('@');
        if in_auth && SECRET_KEYS.contains(&key.as_str()) && literal && !t.is_empty() {
            out.hardcoded_secrets.push(p.clone());
        }
        if p.to_ascii_lowercase().ends_with("headers/authorization") && literal {
            out.hardcoded_secrets.push(p.clone());
        }
        // A destination that is itself an expression (`@{triggerBody()?['url']}`) is where the
        // request goes, not data it carries (PA-003 reports it as a dynamic destination).
        let destination_only = is_uri && t.trim_start().starts_with('@');
        let lower = if destination_only {
            String::new()
        } else {
            t.to_ascii_lowercase()
        };
        let mut carry = |c: &str| {
            if !out.carries.iter().any(|x| x == c) {
                out.carries.push(c.to_string());
            }
        };
        if lower.contains("triggeroutputs(")
            || lower.contains("triggerbody(")
            || lower.contains("trigger()")
        {
            carry("trigger");
        }
        if lower.contains("contentbytes") || lower.contains("attachments") {
            carry("attachments");
        }
        if lower.contains("file_content")
            || lower.contains("getfilecontent")
            || lower.contains("filecontent")
        {
            carry("file_content");
        }
        references(t, &mut out.references);
    }
    out.carries.sort();
    out.acts_on = acts_on(&texts);
    let mut reads = Vec::new();
    for (_, t) in &texts {
        variables(t, &mut reads);
    }
    let writes = VARIABLE_WRITERS
        .contains(&kind.as_str())
        .then(|| {
            texts
                .iter()
                .find(|(p, _)| p == "name" || p == "variables/name")
                .map(|(_, t)| t.to_string())
        })
        .flatten();
    Walked {
        step: out,
        reads,
        writes,
    }
}

/// Variable names read through `variables('X')`.
fn variables(text: &str, out: &mut Vec<String>) {
    for part in text.split("variables(").skip(1) {
        if let Some(q @ ('\'' | '"')) = part.chars().next()
            && let Some(name) = part[1..].split(q).next()
            && !name.is_empty()
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_string());
        }
    }
}

/// What a step's parameters say it acts on (see `FlowStep::acts_on`).
fn acts_on(texts: &[(String, &str)]) -> Option<String> {
    let param = |name: &str| {
        texts
            .iter()
            .find(|(p, _)| p.starts_with("parameters") && last_key(p) == name)
            .map(|(_, t)| t.trim())
            .filter(|t| !t.is_empty())
    };
    if let Some(id) = param("uiflowid") {
        return Some(match param("runmode") {
            Some(mode) => format!("desktop flow {id} ({mode})"),
            None => format!("desktop flow {id}"),
        });
    }
    if let Some(flow) = param("flowname") {
        return Some(format!("flow {flow}"));
    }
    param("entityname").map(|t| format!("table {t}"))
}

/// Walks `actions` depth-first: every step, then what it contains (`actions`, `else.actions`,
/// `cases.*.actions`, `default.actions`).
fn walk(actions: &Value, prefix: &str, refs: &Value, out: &mut Vec<Walked>, depth: usize) {
    let Some(map) = actions.as_object() else {
        return;
    };
    if depth > MAX_DEPTH {
        out.push(Walked {
            step: FlowStep {
                path: format!("{prefix}…"),
                kind: "truncated: nesting deeper than 64 levels".into(),
                ..FlowStep::default()
            },
            reads: Vec::new(),
            writes: None,
        });
        return;
    }
    for (name, a) in map {
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        out.push(step(&path, a, refs));
        let mut nested: Vec<&Value> = Vec::new();
        if let Some(x) = a.get("actions") {
            nested.push(x);
        }
        if let Some(x) = a.get("else").and_then(|e| e.get("actions")) {
            nested.push(x);
        }
        if let Some(cases) = a.get("cases").and_then(Value::as_object) {
            nested.extend(cases.values().filter_map(|c| c.get("actions")));
        }
        if let Some(x) = a.get("default").and_then(|d| d.get("actions")) {
            nested.push(x);
        }
        for n in nested {
            walk(n, &path, refs, out, depth + 1);
        }
    }
}

const FILTER_KEYS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subjectfilter",
    "fetchonlywithattachment",
    "folderpath",
    "importance",
    "mailboxaddress",
    "includeattachments",
];

/// What starts the flow (the first trigger; a flow has one).
pub fn trigger(definition: &Value, refs: &Value) -> FlowTrigger {
    let Some((name, t)) = definition
        .get("triggers")
        .and_then(Value::as_object)
        .and_then(|m| m.iter().next())
    else {
        return FlowTrigger {
            name: String::new(),
            kind: "none".into(),
            class: "other".into(),
            ..FlowTrigger::default()
        };
    };
    let ty = t.get("type").and_then(Value::as_str).unwrap_or("?");
    let kind = t.get("kind").and_then(Value::as_str);
    let inputs = t.get("inputs");
    let connector = connector(inputs, refs);
    let operation = operation(t);
    let op = operation.clone().unwrap_or_default().to_ascii_lowercase();
    let class = if ty == "Recurrence" {
        "recurrence"
    } else if ty == "Request" {
        match kind.map(str::to_ascii_lowercase).as_deref() {
            Some("http") => "http",
            _ => "manual",
        }
    } else if op.contains("forasel") || op.contains("manual") || op.contains("button") {
        "manual"
    } else if op.contains("email") || op.contains("mail") {
        "mail"
    } else if op.contains("file") {
        "file"
    } else if op.contains("item") {
        "item"
    } else {
        "other"
    };
    let automatic = !matches!(class, "manual") && (class != "other" || connector.is_some());
    let mut filters = BTreeMap::new();
    if let Some(params) = inputs
        .and_then(|i| i.get("parameters"))
        .and_then(Value::as_object)
    {
        for (k, v) in params {
            if FILTER_KEYS.contains(&last_key(k).as_str()) {
                let s = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                filters.insert(k.clone(), s);
            }
        }
    }
    FlowTrigger {
        name: name.clone(),
        kind: match kind {
            Some(k) => format!("{ty} ({k})"),
            None => ty.to_string(),
        },
        connector,
        operation,
        class: class.into(),
        automatic,
        filters,
    }
}

/// Every step of the definition. A step that reads a variable also references the steps whose
/// outputs were put in it (`Append_to_array_variable` of a link, then `Response` of
/// `variables('links')`), to a fixed point.
pub fn steps(definition: &Value, refs: &Value) -> Vec<FlowStep> {
    let mut walked = Vec::new();
    walk(
        definition.get("actions").unwrap_or(&Value::Null),
        "",
        refs,
        &mut walked,
        0,
    );
    let mut held: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for w in &walked {
        if let Some(v) = &w.writes {
            let e = held.entry(v.clone()).or_default();
            for r in &w.step.references {
                if !e.contains(r) {
                    e.push(r.clone());
                }
            }
        }
    }
    // Variables set from other variables: spread until nothing changes (bounded by their number).
    for _ in 0..held.len() {
        let mut changed = false;
        for w in &walked {
            let Some(v) = &w.writes else { continue };
            let from: Vec<String> = w
                .reads
                .iter()
                .filter_map(|r| held.get(r))
                .flatten()
                .cloned()
                .collect();
            let e = held.entry(v.clone()).or_default();
            for r in from {
                if !e.contains(&r) {
                    e.push(r);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    walked
        .into_iter()
        .map(|mut w| {
            for r in w.reads.iter().filter_map(|v| held.get(v)).flatten() {
                if !w.step.references.contains(r) {
                    w.step.references.push(r.clone());
                }
            }
            w.step
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::steps;
    use serde_json::json;

    #[test]
    fn what_goes_through_a_variable_is_referenced_by_whoever_reads_it() {
        // power-pwn's SAS backdoor: links appended to a variable, the variable returned.
        let def = json!({"actions": {
            "init": {"type": "InitializeVariable", "inputs": {"variables": [{"name": "links", "type": "array"}]}},
            "Each": {"type": "Foreach", "foreach": "@body('List')", "actions": {
                "Link": {"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "shared_azureblob",
                    "operationId": "CreateShareLinkByPath_V2"}, "parameters": {"path": "@items('Each')?['Path']"}}},
                "Append": {"type": "AppendToArrayVariable", "inputs": {"name": "links", "value": "@body('Link')?['WebUrl']"}}
            }},
            "Copy": {"type": "SetVariable", "inputs": {"name": "out", "value": "@variables('links')"}},
            "Response": {"type": "Response", "kind": "Http", "inputs": {"statusCode": 200, "body": "@variables('out')"}},
            "Other": {"type": "Compose", "inputs": "@variables('unrelated')"}
        }});
        let s = steps(&def, &json!({}));
        let get = |p: &str| s.iter().find(|x| x.path == p).unwrap();
        assert!(
            get("Response").references.iter().any(|r| r == "Link"),
            "{:?}",
            get("Response")
        );
        assert!(get("Other").references.is_empty());
    }

    #[test]
    fn steps_name_the_desktop_flow_the_flow_and_the_table_they_act_on() {
        let def = json!({"actions": {
            "RPA": {"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "shared_uiflow",
                "operationId": "RunUIFlow_V2"}, "parameters": {"uiFlowId": "d37da402", "runMode": "unattended",
                "item/Command": "@triggerBody()?['cmd']"}}},
            "Url": {"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "shared_flowmanagement",
                "operationId": "ListCallbackUrl"}, "parameters": {"environmentName": "e", "flowName": "@outputs('New')?['body/name']"}}},
            "Row": {"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "shared_commondataserviceforapps",
                "operationId": "CreateRecord"}, "parameters": {"entityName": "workflows"}}},
            "Mail": {"type": "OpenApiConnection", "inputs": {"host": {"connectionName": "shared_office365",
                "operationId": "SendEmailV2"}, "parameters": {"emailMessage/To": "a@b.example"}}}
        }});
        let s = steps(&def, &json!({}));
        let acts = |p: &str| s.iter().find(|x| x.path == p).unwrap().acts_on.clone();
        assert_eq!(
            acts("RPA").as_deref(),
            Some("desktop flow d37da402 (unattended)")
        );
        assert_eq!(
            acts("Url").as_deref(),
            Some("flow @outputs('New')?['body/name']")
        );
        assert_eq!(acts("Row").as_deref(), Some("table workflows"));
        assert_eq!(acts("Mail"), None);
    }

    #[test]
    fn graph_mail_bodies_give_their_recipients() {
        let def = json!({"actions": {
            "HTTP": {"type": "Http", "inputs": {"method": "POST",
                "uri": "https://graph.microsoft.com/v1.0/me/sendMail",
                "body": {"message": {"subject": "s", "toRecipients": [{"emailAddress": {"address": "out@collector.example"}}]}}}},
            "Rule": {"type": "Http", "inputs": {"method": "POST",
                "uri": "https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messageRules",
                "body": {"actions": {"forwardTo": [{"emailAddress": {"address": "@{triggerBody()?['to']}"}}],
                                     "forwardAsAttachmentTo": [{"emailAddress": {"address": "copy@collector.example"}}]},
                         "conditions": {"senderContains": ["x"]}, "sender": {"emailAddress": {"address": "not-a-recipient@x.example"}}}}}
        }});
        let s = steps(&def, &json!({}));
        let r = |p: &str| s.iter().find(|x| x.path == p).unwrap().recipients.clone();
        assert_eq!(r("HTTP"), ["out@collector.example"]);
        assert_eq!(
            r("Rule"),
            ["copy@collector.example", "@{triggerBody()?['to']}"]
        );
    }
}
