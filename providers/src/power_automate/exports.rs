//! Flow exports recognised by what they hold, not by their file names: every shape admins and makers
//! produce (`README.md`, "Offline scans: the export layout"):
//!
//! - a solution `.zip` (maker portal "Export solution", `pac solution export`), unzipped or as is:
//!   `customizations.xml` names each process (`<Workflow WorkflowId="{GUID}" Name="…">`, `<Category>`
//!   5 = cloud flow, `<StateCode>` 1 = on) and `Workflows/<Name>-<GUID>.json` holds
//!   `{"properties": {"connectionReferences", "definition"}}` with no `name`: the id is the GUID;
//! - a `pac solution unpack` tree: the same, with `Other/Customizations.xml` and a
//!   `<Name>-<GUID>.json.data.xml` beside each flow;
//! - a legacy package `.zip` ("Export → Package") or its folders: `Microsoft.Flow/flows/<GUID>/definition.json`
//!   (the REST object), with the root `manifest.json` naming each flow;
//! - `Get-AdminFlow` / `Get-Flow` `| ConvertTo-Json` (one object or a list; the REST object under
//!   `Internal`; cut off at `ConvertTo-Json`'s default depth of 2 when `-Depth` was not given);
//! - the admin REST objects and pages (`{"value": […], "nextLink"}`), and Dataverse `workflows` rows
//!   (`clientdata` holds the definition as a string).
//!
//! Files may be UTF-8 with or without a byte-order mark, or UTF-16 (Windows PowerShell 5.1).
//! Whatever cannot be read is a [`Problem`] naming the file, the place in it and what is wrong; the
//! other flows are read. A flow read twice (a solution `.zip` beside its unzipped folder) counts once.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use serde_json::Value;

use super::build::Flow;
use crate::CollectError;
use crate::files::{decode_text, file_name, read_dir_sorted};

/// A single export file or archive member larger than this is not read (flow definitions are
/// kilobytes; solutions with canvas apps are megabytes).
const MAX_FILE_BYTES: u64 = 64 << 20;
/// Members of one archive read at most (a solution holds a handful of files per component).
const MAX_MEMBERS: usize = 20_000;
/// Folder depth below `flows/`.
const MAX_DEPTH: usize = 16;

/// What could not be read: where (file, archive member, JSON path) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub what: String,
}

/// Everything read from a folder of flow exports.
#[derive(Debug, Default)]
pub struct Exports {
    pub flows: Vec<Flow>,
    pub problems: Vec<Problem>,
    /// Flows read a second time (same id, same definition) and counted once.
    pub duplicates: usize,
    /// Processes in solutions that are not cloud flows (classic workflows, business process flows,
    /// desktop flows), by category number.
    pub other_processes: BTreeMap<String, usize>,
    /// Files that are not exports of flows (images, canvas apps, `.xaml`, …).
    pub ignored: usize,
    /// JSON files of solutions and packages that are other components (connectors, environment
    /// variables, canvas apps, connection maps).
    pub components: usize,
    /// Flows found twice with different definitions (the same solution exported at two versions):
    /// the id and the two places; the first one read is evaluated.
    pub versions: Vec<(String, String, String)>,
    /// How many flows came from each shape.
    pub shapes: BTreeMap<&'static str, usize>,
}

/// One file to look at: from the folder, or a member of an archive in it.
struct Item {
    /// `flows/a.zip!Workflows/X-….json` style, for messages.
    at: String,
    /// The member's or file's own name.
    name: String,
    /// The folder or archive it is in, and its path there (`/`-separated).
    container: String,
    rel: String,
    bytes: Vec<u8>,
}

/// What solution metadata says of one process.
#[derive(Debug, Default, Clone)]
struct ProcessMeta {
    name: Option<String>,
    category: Option<String>,
    state: Option<String>,
}

/// Reads every export below `dir`.
pub fn read_folder(dir: &Path) -> Result<Exports, CollectError> {
    let mut out = Exports::default();
    let mut items = Vec::new();
    walk(dir, dir, 0, &mut items, &mut out)?;
    classify_all(items, &mut out);
    Ok(out)
}

fn walk(
    top: &Path,
    dir: &Path,
    depth: usize,
    items: &mut Vec<Item>,
    out: &mut Exports,
) -> Result<(), CollectError> {
    if depth > MAX_DEPTH {
        out.problems.push(Problem {
            at: dir.display().to_string(),
            what: format!("folders nested more than {MAX_DEPTH} levels deep were not read"),
        });
        return Ok(());
    }
    for path in read_dir_sorted(dir)? {
        if path.is_dir() {
            walk(top, &path, depth + 1, items, out)?;
            continue;
        }
        let name = file_name(&path);
        let lower = name.to_ascii_lowercase();
        let wanted = lower.ends_with(".json") || lower.ends_with(".xml") || lower.ends_with(".zip");
        if !wanted {
            out.ignored += 1;
            continue;
        }
        let at = path.display().to_string();
        let bytes = match read_capped(&path) {
            Ok(b) => b,
            Err(what) => {
                out.problems.push(Problem { at, what });
                continue;
            }
        };
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
            unzip(&at, &bytes, items, out);
        } else if lower.ends_with(".zip") {
            out.problems.push(Problem {
                at,
                what: "named .zip but is not a zip archive".into(),
            });
        } else {
            let rel = path
                .strip_prefix(top)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_else(|_| name.clone());
            items.push(Item {
                at,
                name,
                container: top.display().to_string(),
                rel,
                bytes,
            });
        }
    }
    Ok(())
}

fn read_capped(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot be opened: {e}"))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "is {len} bytes, more than the {MAX_FILE_BYTES} read from one export file"
        ));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "is more than the {MAX_FILE_BYTES} bytes read from one export file"
        ));
    }
    Ok(bytes)
}

/// The `.json` and `.xml` members of a solution or package archive.
fn unzip(at: &str, bytes: &[u8], items: &mut Vec<Item>, out: &mut Exports) {
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            out.problems.push(Problem {
                at: at.to_string(),
                what: format!("is not a readable zip archive: {e}"),
            });
            return;
        }
    };
    if archive.len() > MAX_MEMBERS {
        out.problems.push(Problem {
            at: at.to_string(),
            what: format!(
                "has {} members, more than the {MAX_MEMBERS} read from one archive",
                archive.len()
            ),
        });
        return;
    }
    for i in 0..archive.len() {
        let mut member = match archive.by_index(i) {
            Ok(m) => m,
            Err(e) => {
                out.problems.push(Problem {
                    at: format!("{at} (member {i})"),
                    what: format!("cannot be read: {e}"),
                });
                continue;
            }
        };
        if member.is_dir() {
            continue;
        }
        let inner = member.name().replace('\\', "/");
        let member_at = format!("{at}!{inner}");
        let lower = inner.to_ascii_lowercase();
        if !(lower.ends_with(".json") || lower.ends_with(".xml")) {
            out.ignored += 1;
            continue;
        }
        if member.size() > MAX_FILE_BYTES {
            out.problems.push(Problem {
                at: member_at,
                what: format!(
                    "unpacks to {} bytes, more than the {MAX_FILE_BYTES} read from one member",
                    member.size()
                ),
            });
            continue;
        }
        let mut data = Vec::new();
        match (&mut member)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut data)
        {
            Ok(_) if data.len() as u64 > MAX_FILE_BYTES => out.problems.push(Problem {
                at: member_at,
                what: format!("unpacks to more than {MAX_FILE_BYTES} bytes"),
            }),
            Ok(_) => items.push(Item {
                at: member_at,
                name: inner.rsplit('/').next().unwrap_or(&inner).to_string(),
                container: at.to_string(),
                rel: inner.clone(),
                bytes: data,
            }),
            Err(e) => out.problems.push(Problem {
                at: member_at,
                what: format!("cannot be unpacked: {e}"),
            }),
        }
    }
}

/// `{4d2…}` / `4D2…` → `4d2…`.
fn guid_key(s: &str) -> String {
    s.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_lowercase()
}

/// The GUID a solution gives a flow's file name: `Name-<GUID>.json`.
fn guid_in_name(name: &str) -> Option<String> {
    let stem = name
        .strip_suffix(".json")
        .or_else(|| name.strip_suffix(".JSON"))?;
    let g = stem.get(stem.len().checked_sub(36)?..)?;
    let shape = g.char_indices().all(|(i, c)| {
        if [8, 13, 18, 23].contains(&i) {
            c == '-'
        } else {
            c.is_ascii_hexdigit()
        }
    });
    shape.then(|| g.to_ascii_lowercase())
}

/// `<Workflow WorkflowId=… Name=…>` elements of solution XML (`customizations.xml`, `*.data.xml`).
fn read_xml(item: &Item, meta: &mut BTreeMap<String, ProcessMeta>, out: &mut Exports) {
    let text = match decode_text(&item.bytes) {
        Ok(t) => t,
        Err(e) => {
            out.problems.push(Problem {
                at: item.at.clone(),
                what: e,
            });
            return;
        }
    };
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 4_000_000,
    };
    let doc = match roxmltree::Document::parse_with_options(&text, opts) {
        Ok(d) => d,
        Err(e) => {
            // Only solution metadata matters here: an unreadable XML that is not one is no loss.
            let relevant = item.name.eq_ignore_ascii_case("customizations.xml")
                || item.name.to_ascii_lowercase().ends_with(".json.data.xml");
            if relevant {
                out.problems.push(Problem {
                    at: item.at.clone(),
                    what: format!(
                        "is not well-formed XML: {e} (flow names and states from it are unknown)"
                    ),
                });
            }
            return;
        }
    };
    for w in doc.descendants().filter(|n| n.has_tag_name("Workflow")) {
        let Some(id) = w.attribute("WorkflowId") else {
            continue;
        };
        let child = |tag: &str| {
            w.children()
                .find(|c| c.has_tag_name(tag))
                .and_then(|c| c.text())
                .map(|t| t.trim().to_string())
        };
        let state = child("StateCode").map(|s| match s.as_str() {
            "1" => "Started".to_string(),
            "0" => "Stopped".to_string(),
            other => format!("StateCode {other}"),
        });
        let entry = meta.entry(guid_key(id)).or_default();
        entry.name = entry
            .name
            .take()
            .or(w.attribute("Name").map(str::to_string));
        entry.category = entry.category.take().or(child("Category"));
        entry.state = entry.state.take().or(state);
    }
}

/// A legacy package's root `manifest.json`: `resources.<id>.details.displayName` of each flow.
fn package_names(v: &Value, names: &mut BTreeMap<String, String>) {
    // Keyed by the resource id, which is the flow's folder under Microsoft.Flow/flows/.
    for (key, r) in v
        .get("resources")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let is_flow = r.get("type").and_then(Value::as_str) == Some("Microsoft.Flow/flows");
        let name = r.pointer("/details/displayName").and_then(Value::as_str);
        if let (true, Some(name)) = (is_flow, name) {
            names.insert(guid_key(key), name.to_string());
        }
    }
}

/// A JSON value that is not a flow but belongs with flow exports (package manifests, the
/// connection maps beside a package's flows).
fn is_metadata(o: &serde_json::Map<String, Value>) -> bool {
    let package = o.get("resources").is_some_and(Value::is_object)
        && (o.contains_key("schema") || o.contains_key("details"));
    let flows_manifest = o.contains_key("flowAssets") || o.contains_key("packageSchemaVersion");
    let map = !o.is_empty() && o.values().all(Value::is_string);
    package || flows_manifest || map
}

/// The structural places `ConvertTo-Json` without `-Depth` turns into strings.
fn truncated_at(o: &serde_json::Map<String, Value>) -> Option<&'static str> {
    let at = |path: &[&str]| {
        let mut cur = o.get(path[0])?;
        for k in &path[1..] {
            cur = cur.get(*k)?;
        }
        Some(cur)
    };
    let cut = |x: Option<&Value>| {
        x.and_then(Value::as_str)
            .is_some_and(|s| s.starts_with("@{") || s.starts_with("System.") || s.is_empty())
    };
    [
        ("Internal", at(&["Internal"])),
        ("Internal.properties", at(&["Internal", "properties"])),
        (
            "Internal.properties.definition",
            at(&["Internal", "properties", "definition"]),
        ),
        ("properties", at(&["properties"])),
        ("properties.definition", at(&["properties", "definition"])),
        (
            "properties.connectionReferences",
            at(&["properties", "connectionReferences"]),
        ),
        (
            "properties.definition.triggers",
            at(&["properties", "definition", "triggers"]),
        ),
        (
            "properties.definition.actions",
            at(&["properties", "definition", "actions"]),
        ),
    ]
    .into_iter()
    .find(|(_, x)| cut(*x))
    .map(|(at, _)| at)
}

struct Ctx<'a> {
    meta: &'a BTreeMap<String, ProcessMeta>,
    package: &'a BTreeMap<String, String>,
    seen: BTreeMap<String, usize>,
    /// Where each flow was read first.
    sources: BTreeMap<String, String>,
}

/// The folders (per container) that hold a solution or a package: where `solution.xml`,
/// `customizations.xml` or `[Content_Types].xml` is (or the parent of `Other/` for a `pac` tree),
/// and what comes before `Microsoft.Flow/flows/`.
fn roots(items: &[Item]) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for i in items {
        let lower = i.rel.to_ascii_lowercase();
        let dir = lower.rsplit_once('/').map_or("", |(d, _)| d);
        let name = lower.rsplit('/').next().unwrap_or(&lower);
        let root = if matches!(
            name,
            "solution.xml" | "customizations.xml" | "[content_types].xml"
        ) {
            Some(match dir.strip_suffix("other") {
                Some(parent) if dir == "other" || parent.ends_with('/') => {
                    parent.trim_end_matches('/').to_string()
                }
                _ => dir.to_string(),
            })
        } else {
            lower
                .find("microsoft.flow/flows/")
                .map(|k| lower[..k].trim_end_matches('/').to_string())
        };
        if let Some(r) = root {
            let list = out.entry(i.container.clone()).or_default();
            if !list.contains(&r) {
                list.push(r);
            }
        }
    }
    out
}

/// Within a solution or package only its flows are flow exports: `Workflows/*.json` and
/// `Microsoft.Flow/flows/<id>/definition.json`; anything else there (connectors, environment
/// variables, canvas apps, connection maps) is another component. `None`: not in one.
fn solution_part(item: &Item, roots: &BTreeMap<String, Vec<String>>) -> Option<bool> {
    let lower = item.rel.to_ascii_lowercase();
    let root = roots
        .get(&item.container)?
        .iter()
        .filter(|r| r.is_empty() || lower.starts_with(&format!("{r}/")))
        .max_by_key(|r| r.len())?;
    let under = if root.is_empty() {
        lower.as_str()
    } else {
        &lower[root.len() + 1..]
    };
    let flow = match under.split_once('/') {
        Some(("workflows", f)) => !f.contains('/') && f.ends_with(".json"),
        _ => under.starts_with("microsoft.flow/flows/") && under.ends_with("/definition.json"),
    };
    Some(flow)
}

fn classify_all(items: Vec<Item>, out: &mut Exports) {
    let mut meta = BTreeMap::new();
    let mut package = BTreeMap::new();
    let mut parsed = Vec::new();
    let roots = roots(&items);
    for item in items {
        let lower = item.name.to_ascii_lowercase();
        let in_solution = solution_part(&item, &roots);
        if in_solution == Some(false) && lower.ends_with(".json") {
            // A package's root manifest names its flows; other components are not flows.
            if lower == "manifest.json"
                && let Ok(text) = decode_text(&item.bytes)
                && let Ok(v) = serde_json::from_str::<Value>(&text)
            {
                package_names(&v, &mut package);
            }
            out.components += 1;
            continue;
        }
        if item.name.to_ascii_lowercase().ends_with(".xml") {
            read_xml(&item, &mut meta, out);
            continue;
        }
        let text = match decode_text(&item.bytes) {
            Ok(t) => t,
            Err(e) => {
                out.problems.push(Problem {
                    at: item.at,
                    what: e,
                });
                continue;
            }
        };
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => {
                if v.get("resources").is_some() {
                    package_names(&v, &mut package);
                }
                parsed.push((item, v));
            }
            Err(e) => out.problems.push(Problem {
                at: item.at,
                what: format!(
                    "is not valid JSON at line {} column {}: {}",
                    e.line(),
                    e.column(),
                    crate::secrets::without_values(&e.to_string())
                ),
            }),
        }
    }
    let mut cx = Ctx {
        meta: &meta,
        package: &package,
        seen: BTreeMap::new(),
        sources: BTreeMap::new(),
    };
    for (item, v) in parsed {
        classify(&mut cx, &item, v, String::new(), 0, out);
    }
}

fn problem(out: &mut Exports, item: &Item, path: &str, what: impl Into<String>) {
    out.problems.push(Problem {
        at: if path.is_empty() {
            item.at.clone()
        } else {
            format!("{} at `{path}`", item.at)
        },
        what: what.into(),
    });
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{path}{key}")
    } else {
        format!("{path}.{key}")
    }
}

fn classify(
    cx: &mut Ctx<'_>,
    item: &Item,
    v: Value,
    path: String,
    depth: usize,
    out: &mut Exports,
) {
    if depth > 4 {
        problem(
            out,
            item,
            &path,
            "lists nested this deep hold no flow export fnscope knows",
        );
        return;
    }
    let mut o = match v {
        Value::Array(list) => {
            for (i, x) in list.into_iter().enumerate() {
                classify(cx, item, x, join(&path, &format!("[{i}]")), depth + 1, out);
            }
            return;
        }
        Value::Object(o) => o,
        _ => {
            problem(
                out,
                item,
                &path,
                "is not a flow export: expected an object or a list of them",
            );
            return;
        }
    };
    if let Some(cut) = truncated_at(&o) {
        truncated(cx, item, &o, cut, &path, out);
        return;
    }
    // Get-AdminFlow / Get-Flow: the REST object under `Internal`, PowerShell's fields beside it.
    if o.contains_key("FlowName") || o.contains_key("Internal") {
        get_admin_flow(cx, item, o, &path, out);
        return;
    }
    // power-pwn's powerdoor input: the Create Flow fields in snake case.
    if let Some(props) = snake_case_create(&o) {
        solution_flow(cx, item, props, &path, out);
        return;
    }
    // Dataverse `workflows` rows: the definition is a JSON string in `clientdata`.
    if o.contains_key("clientdata") || (o.contains_key("workflowid") && o.contains_key("category"))
    {
        dataverse(cx, item, o, &path, out);
        return;
    }
    // A page of a list: REST (`value` + `nextLink`) or OData.
    if !o.contains_key("properties")
        && let Some(Value::Array(_)) = o.get("value")
    {
        if let Some(Value::Array(list)) = o.remove("value") {
            for (i, x) in list.into_iter().enumerate() {
                classify(
                    cx,
                    item,
                    x,
                    join(&path, &format!("value[{i}]")),
                    depth + 1,
                    out,
                );
            }
        }
        return;
    }
    rest_object(cx, item, o, &path, out);
}

/// `{"flow_display_name", "flow_definition", "flow_state", "connection_references": [{"connectionName",
/// "id"}]}` (power-pwn's powerdoor samples) as the REST create body's `properties`.
fn snake_case_create(o: &serde_json::Map<String, Value>) -> Option<serde_json::Map<String, Value>> {
    let definition = o.get("flow_definition").filter(|d| d.is_object())?;
    let mut props = serde_json::Map::new();
    props.insert("definition".into(), definition.clone());
    let name = o
        .get("flow_display_name")
        .cloned()
        .unwrap_or_else(|| Value::String(String::new()));
    props.insert("displayName".into(), name);
    if let Some(s) = o.get("flow_state") {
        props.insert("state".into(), s.clone());
    }
    let mut refs = serde_json::Map::new();
    for r in o
        .get("connection_references")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let Some(api) = r
            .get("id")
            .and_then(Value::as_str)
            .and_then(|id| id.rsplit('/').next())
        {
            refs.insert(api.to_string(), r.clone());
        }
    }
    props.insert("connectionReferences".into(), Value::Object(refs));
    Some(props)
}

/// A `Get-AdminFlow` object `ConvertTo-Json` cut off at `cut`: a record, and the flow without its
/// definition when its name survived.
fn truncated(
    cx: &mut Ctx<'_>,
    item: &Item,
    o: &serde_json::Map<String, Value>,
    cut: &str,
    path: &str,
    out: &mut Exports,
) {
    let path = path.to_string();
    let name = o
        .get("DisplayName")
        .or_else(|| o.get("FlowName"))
        .and_then(Value::as_str)
        .unwrap_or("a flow");
    let id = o
        .get("FlowName")
        .and_then(Value::as_str)
        .map(str::to_string);
    problem(
        out,
        item,
        &path,
        format!(
            "{name}: `{cut}` was cut off by ConvertTo-Json (its default -Depth is 2): export with \
             `ConvertTo-Json -Depth 100`; its trigger and steps were not analysed"
        ),
    );
    if let Some(id) = id {
        let mut props = serde_json::Map::new();
        powershell_fields(o, &mut props);
        push(
            cx,
            out,
            "Get-AdminFlow",
            Flow {
                name: id,
                id: None,
                properties: Value::Object(props),
                solution: false,
            },
            item,
        );
    }
}

/// `Get-AdminFlow` / `Get-Flow`: the REST object under `Internal`, PowerShell's fields beside it.
fn get_admin_flow(
    cx: &mut Ctx<'_>,
    item: &Item,
    mut o: serde_json::Map<String, Value>,
    path: &str,
    out: &mut Exports,
) {
    let path = path.to_string();
    let internal = o.remove("Internal");
    let name = o
        .get("FlowName")
        .and_then(Value::as_str)
        .map(str::to_string);
    let (rest_name, id, mut props) = match internal {
        Some(Value::Object(mut i)) => (
            i.get("name").and_then(Value::as_str).map(str::to_string),
            i.get("id").and_then(Value::as_str).map(str::to_string),
            match i.remove("properties") {
                Some(Value::Object(p)) => p,
                _ => serde_json::Map::new(),
            },
        ),
        _ => (None, None, serde_json::Map::new()),
    };
    let Some(name) = rest_name.or(name) else {
        problem(
            out,
            item,
            &path,
            "a Get-AdminFlow object without `FlowName` or `Internal.name`",
        );
        return;
    };
    powershell_fields(&o, &mut props);
    let flow = Flow {
        name,
        id,
        properties: Value::Object(props),
        solution: false,
    };
    no_definition(&flow, item, &path, out);
    push(cx, out, "Get-AdminFlow", flow, item);
}

/// An object with `properties`: the admin REST object, a package's `definition.json`, or a
/// solution's `Workflows/*.json`; anything else is a record.
fn rest_object(
    cx: &mut Ctx<'_>,
    item: &Item,
    mut o: serde_json::Map<String, Value>,
    path: &str,
    out: &mut Exports,
) {
    let path = path.to_string();
    match o.remove("properties") {
        Some(Value::Object(props)) => {
            let name = o.get("name").and_then(Value::as_str).map(str::to_string);
            match name {
                // The REST object (admin API, a package's definition.json).
                Some(name) => {
                    let id = o.get("id").and_then(Value::as_str).map(str::to_string);
                    let mut props = props;
                    let in_package = item.at.contains("Microsoft.Flow/flows/");
                    // A package names the flow by its folder: Microsoft.Flow/flows/<id>/.
                    let folder = item
                        .rel
                        .rsplit('/')
                        .nth(1)
                        .map(guid_key)
                        .unwrap_or_default();
                    if !props.contains_key("displayName")
                        && let Some(n) = cx
                            .package
                            .get(&folder)
                            .or_else(|| cx.package.get(&guid_key(&name)))
                    {
                        props.insert("displayName".into(), Value::String(n.clone()));
                    }
                    let flow = Flow {
                        name,
                        id,
                        properties: Value::Object(props),
                        solution: in_package,
                    };
                    let shape = if in_package { "package" } else { "REST" };
                    keep(cx, out, shape, flow, item, &path);
                }
                // A solution's Workflows/<Name>-<GUID>.json: no name, the id is in the file name.
                None if props.contains_key("definition")
                    || props.contains_key("connectionReferences") =>
                {
                    solution_flow(cx, item, props, &path, out);
                }
                None => problem(
                    out,
                    item,
                    &path,
                    "has `properties` but neither a flow `name` nor a `definition`",
                ),
            }
        }
        Some(_) => problem(out, item, &path, "`properties` is not an object"),
        None if is_metadata(&o) => {}
        None => problem(
            out,
            item,
            &path,
            "is not a flow export in any shape fnscope reads (Get-AdminFlow, the admin REST object or page, \
             a solution's Workflows/*.json, a package's definition.json, Dataverse workflows rows)",
        ),
    }
}

/// PowerShell's own fields where the REST object lacks them.
fn powershell_fields(
    o: &serde_json::Map<String, Value>,
    props: &mut serde_json::Map<String, Value>,
) {
    if let Some(n) = o.get("DisplayName").filter(|v| v.is_string())
        && !props.contains_key("displayName")
    {
        props.insert("displayName".into(), n.clone());
    }
    if let Some(e) = o.get("Enabled").and_then(Value::as_bool)
        && !props.contains_key("state")
    {
        props.insert(
            "state".into(),
            Value::String(if e { "Started" } else { "Stopped" }.into()),
        );
    }
    for (from, to) in [
        ("CreatedTime", "createdTime"),
        ("LastModifiedTime", "lastModifiedTime"),
    ] {
        if let Some(t) = o.get(from).filter(|v| v.is_string())
            && !props.contains_key(to)
        {
            props.insert(to.into(), t.clone());
        }
    }
}

/// A `definition` that is there but not an object is an error for that flow.
fn bad_definition(flow: &Flow, item: &Item, path: &str, out: &mut Exports) -> bool {
    match flow.properties.get("definition") {
        Some(d) if !d.is_object() => {
            problem(
                out,
                item,
                &join(path, "properties.definition"),
                format!("flow {}: the definition is not an object", flow.name),
            );
            true
        }
        _ => false,
    }
}

fn no_definition(flow: &Flow, item: &Item, path: &str, out: &mut Exports) {
    if !flow
        .properties
        .get("definition")
        .is_some_and(Value::is_object)
    {
        problem(
            out,
            item,
            path,
            format!(
                "flow {} was exported without its definition: its trigger and steps were not analysed \
                 (export it with `Get-AdminFlow -EnvironmentName E -FlowName F | ConvertTo-Json -Depth 100`, \
                 or GET …/flows/F?$expand=properties.definition)",
                flow.name
            ),
        );
    }
}

fn solution_flow(
    cx: &mut Ctx<'_>,
    item: &Item,
    mut props: serde_json::Map<String, Value>,
    path: &str,
    out: &mut Exports,
) {
    let Some(guid) = guid_in_name(&item.name) else {
        // The body of a Create Flow call (`{"properties": {"displayName", "definition", "state"}}`,
        // what the Power Automate Management connector and the REST API take, and what attack kits
        // ship): a whole flow without an id, named by its file.
        if props.contains_key("displayName") && props.contains_key("definition") {
            let stem = item
                .name
                .rsplit_once('.')
                .map_or(item.name.as_str(), |(s, _)| s);
            let flow = Flow {
                name: stem.to_string(),
                id: None,
                properties: Value::Object(props),
                solution: false,
            };
            keep(
                cx,
                out,
                "create request (named by its file)",
                flow,
                item,
                path,
            );
            return;
        }
        problem(
            out,
            item,
            path,
            "a solution flow (`properties.definition` without a `name`) whose file name carries no GUID: \
             its id is unknown (solutions name it `<Name>-<GUID>.json`)",
        );
        return;
    };
    let meta = cx.meta.get(&guid).cloned().unwrap_or_default();
    if let Some(c) = meta.category.as_deref()
        && c != "5"
    {
        *out.other_processes.entry(c.to_string()).or_default() += 1;
        return;
    }
    if !props.contains_key("displayName") {
        let fallback = item
            .name
            .get(..item.name.len().saturating_sub(42))
            .unwrap_or_default()
            .to_string();
        let name = meta
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or(fallback);
        if !name.is_empty() {
            props.insert("displayName".into(), Value::String(name));
        }
    }
    if let Some(s) = meta.state
        && !props.contains_key("state")
    {
        props.insert("state".into(), Value::String(s));
    }
    let flow = Flow {
        name: guid,
        id: None,
        properties: Value::Object(props),
        solution: true,
    };
    keep(cx, out, "solution", flow, item, path);
}

/// Adds a flow whose definition is an object (or absent, which is recorded), else records it.
fn keep(
    cx: &mut Ctx<'_>,
    out: &mut Exports,
    shape: &'static str,
    flow: Flow,
    item: &Item,
    path: &str,
) {
    if bad_definition(&flow, item, path, out) {
        return;
    }
    no_definition(&flow, item, path, out);
    push(cx, out, shape, flow, item);
}

fn dataverse(
    cx: &mut Ctx<'_>,
    item: &Item,
    o: serde_json::Map<String, Value>,
    path: &str,
    out: &mut Exports,
) {
    let category = match o.get("category") {
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };
    if let Some(c) = category.as_deref()
        && c != "5"
    {
        *out.other_processes.entry(c.to_string()).or_default() += 1;
        return;
    }
    let Some(id) = o.get("workflowid").and_then(Value::as_str).map(guid_key) else {
        problem(
            out,
            item,
            path,
            "a Dataverse workflows row without `workflowid`",
        );
        return;
    };
    let mut props = match o.get("clientdata") {
        Some(Value::String(s)) => match serde_json::from_str::<Value>(s) {
            Ok(Value::Object(mut c)) => match c.remove("properties") {
                Some(Value::Object(p)) => p,
                _ => serde_json::Map::new(),
            },
            Ok(_) => {
                problem(
                    out,
                    item,
                    &join(path, "clientdata"),
                    format!("flow {id}: `clientdata` is not a JSON object"),
                );
                return;
            }
            Err(e) => {
                problem(
                    out,
                    item,
                    &join(path, "clientdata"),
                    format!(
                        "flow {id}: `clientdata` is not valid JSON at line {} column {}",
                        e.line(),
                        e.column()
                    ),
                );
                return;
            }
        },
        _ => serde_json::Map::new(),
    };
    if let Some(n) = o.get("name").filter(|v| v.is_string()) {
        props.entry("displayName").or_insert_with(|| n.clone());
    }
    if let Some(s) = o.get("statecode").and_then(Value::as_i64) {
        props
            .entry("state")
            .or_insert_with(|| Value::String(if s == 1 { "Started" } else { "Stopped" }.into()));
    }
    for (from, to) in [
        ("createdon", "createdTime"),
        ("modifiedon", "lastModifiedTime"),
    ] {
        if let Some(t) = o.get(from).filter(|v| v.is_string()) {
            props.entry(to).or_insert_with(|| t.clone());
        }
    }
    let flow = Flow {
        name: id,
        id: None,
        properties: Value::Object(props),
        solution: true,
    };
    keep(cx, out, "Dataverse", flow, item, path);
}

/// Adds a flow unless the same one was read already (a solution `.zip` and its unzipped folder).
fn push(cx: &mut Ctx<'_>, out: &mut Exports, shape: &'static str, flow: Flow, item: &Item) {
    let key = guid_key(&flow.name);
    if let Some(&i) = cx.seen.get(&key) {
        let earlier = &out.flows[i];
        if earlier.properties.get("definition") == flow.properties.get("definition") {
            out.duplicates += 1;
        } else {
            let first = cx.sources.get(&key).cloned().unwrap_or_default();
            out.versions
                .push((flow.name.clone(), first, item.at.clone()));
        }
        return;
    }
    cx.seen.insert(key.clone(), out.flows.len());
    cx.sources.insert(key, item.at.clone());
    *out.shapes.entry(shape).or_default() += 1;
    out.flows.push(flow);
}

/// Solution process categories, for the coverage text.
pub fn category_name(c: &str) -> &'static str {
    match c {
        "0" => "classic workflows",
        "1" => "dialogs",
        "2" => "business rules",
        "3" => "actions",
        "4" => "business process flows",
        "6" => "desktop flows",
        _ => "other processes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(container: &str, rel: &str) -> Item {
        Item {
            at: format!("{container}/{rel}"),
            name: rel.rsplit('/').next().unwrap_or(rel).to_string(),
            container: container.to_string(),
            rel: rel.to_string(),
            bytes: Vec::new(),
        }
    }

    #[test]
    fn a_solution_names_its_flows_by_the_guid_in_the_file_name() {
        assert_eq!(
            guid_in_name("GetDataSourceListInfo-031ABDA2-427B-EF11-AC20-002248617A98.json")
                .as_deref(),
            Some("031abda2-427b-ef11-ac20-002248617a98")
        );
        assert_eq!(guid_in_name("flow_sample1.json"), None);
        assert_eq!(
            guid_in_name("x-031ABDA2-427B-EF11-AC20-002248617A9Z.json"),
            None
        );
        assert_eq!(
            guid_key("{031ABDA2-427B-EF11-AC20-002248617A98}"),
            "031abda2-427b-ef11-ac20-002248617a98"
        );
    }

    #[test]
    fn only_the_flows_of_a_solution_or_package_are_flows() {
        let items = vec![
            item("z.zip", "solution.xml"),
            item(
                "z.zip",
                "Workflows/A-031ABDA2-427B-EF11-AC20-002248617A98.json",
            ),
            item("z.zip", "Connector/x_openapidefinition.json"),
            item("flows", "src/Other/Solution.xml"),
            item(
                "flows",
                "src/Workflows/B-031ABDA2-427B-EF11-AC20-002248617A98.json",
            ),
            item(
                "flows",
                "src/environmentvariabledefinitions/v/environmentvariablevalues.json",
            ),
            item(
                "flows",
                "pkg/Microsoft.Flow/flows/6420a0b5-c254-42f1-9808-3370c281ca9d/definition.json",
            ),
            item(
                "flows",
                "pkg/Microsoft.Flow/flows/6420a0b5-c254-42f1-9808-3370c281ca9d/apisMap.json",
            ),
            item("flows", "loose/get-adminflow.json"),
        ];
        let r = roots(&items);
        let got: Vec<Option<bool>> = items.iter().map(|i| solution_part(i, &r)).collect();
        assert_eq!(
            got,
            vec![
                Some(false),
                Some(true),
                Some(false),
                Some(false),
                Some(true),
                Some(false),
                Some(true),
                Some(false),
                None
            ]
        );
    }

    #[test]
    fn convert_to_json_without_depth_is_recognised() {
        let cut = serde_json::json!({"FlowName": "f", "Internal": "@{name=f; properties=}"});
        assert_eq!(
            truncated_at(cut.as_object().unwrap_or(&serde_json::Map::new())),
            Some("Internal")
        );
        let deep = serde_json::json!({"FlowName": "f", "Internal": {"properties": {"definition": "System.Collections.Hashtable"}}});
        assert_eq!(
            truncated_at(deep.as_object().unwrap_or(&serde_json::Map::new())),
            Some("Internal.properties.definition")
        );
        let whole = serde_json::json!({"FlowName": "f", "Internal": {"properties": {"definition": {"triggers": {}}}}});
        assert_eq!(
            truncated_at(whole.as_object().unwrap_or(&serde_json::Map::new())),
            None
        );
    }

    #[test]
    fn a_create_flow_body_and_power_pwn_input_are_flows_named_by_their_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let def = serde_json::json!({"triggers": {"manual": {"type": "Request", "kind": "Http"}}, "actions": {}});
        let body = serde_json::json!({"properties": {"displayName": "Flow Factory", "definition": def, "state": "Started"}});
        let snake = serde_json::json!({"flow_display_name": "PWN-sas", "flow_definition": def,
            "flow_state": "Started",
            "connection_references": [{"connectionName": "shared-azureblob-1", "id": "/providers/Microsoft.PowerApps/apis/shared_azureblob"}]});
        // A `properties` object with neither a display name nor a GUID in its file name stays a problem.
        let nameless = serde_json::json!({"properties": {"definition": def}});
        for (f, v) in [
            ("factory.json", body),
            ("pwn.json", snake),
            ("nameless.json", nameless),
        ] {
            std::fs::write(dir.path().join(f), v.to_string()).unwrap_or_else(|e| panic!("{e}"));
        }
        let out = read_folder(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let mut got: Vec<(String, String)> = out
            .flows
            .iter()
            .map(|f| {
                (
                    f.name.clone(),
                    f.properties["displayName"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                )
            })
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("factory".to_string(), "Flow Factory".to_string()),
                ("pwn".to_string(), "PWN-sas".to_string())
            ]
        );
        let pwn = out
            .flows
            .iter()
            .find(|f| f.name == "pwn")
            .unwrap_or_else(|| panic!("pwn"));
        assert_eq!(pwn.properties["state"], "Started");
        assert!(pwn.properties["connectionReferences"]["shared_azureblob"].is_object());
        assert_eq!(out.problems.len(), 1, "{:?}", out.problems);
        assert!(
            out.problems[0].at.contains("nameless.json"),
            "{:?}",
            out.problems
        );
    }
}
