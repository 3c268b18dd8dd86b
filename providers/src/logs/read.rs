//! Reading log files as they are delivered or exported, record by record, without holding a file in
//! memory: one JSON document or JSON lines, gzip-compressed or not; a top-level array of records, an
//! object whose `Records` / `entries` / `value` / `items` / `records` array holds them (CloudTrail
//! files, API pages, diagnostic exports), or a single record.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use fnscope_snapshot::{AuditEvent, LogWindow, Provider};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{Norm, Reducer, parse_time};
use crate::CollectError;

const LIST_KEYS: [&str; 5] = ["Records", "entries", "value", "items", "records"];

/// Top-level fields of a page or wrapper object that are not records (`from`/`to` of an export).
#[derive(Debug, Default)]
pub struct Wrapper {
    pub fields: Map<String, Value>,
}

type Sink<'f> = &'f mut dyn FnMut(Value) -> Result<(), String>;

struct Doc<'f, 'w> {
    sink: Sink<'f>,
    wrapper: &'w mut Wrapper,
    top: bool,
}

impl<'de> DeserializeSeed<'de> for Doc<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Doc<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an audit record, an array of records or a page of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Doc { sink, wrapper, .. } = self;
        while seq
            .next_element_seed(Doc {
                sink: &mut *sink,
                wrapper: &mut *wrapper,
                top: false,
            })?
            .is_some()
        {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Doc { sink, wrapper, top } = self;
        let mut rest = Map::new();
        let mut listed = false;
        while let Some(key) = map.next_key::<String>()? {
            if LIST_KEYS.contains(&key.as_str()) {
                match map.next_value_seed(List {
                    sink: &mut *sink,
                    wrapper: &mut *wrapper,
                })? {
                    None => listed = true,
                    Some(v) => {
                        rest.insert(key, v);
                    }
                }
            } else {
                rest.insert(key, map.next_value()?);
            }
        }
        if listed {
            if top {
                wrapper.fields.extend(rest);
            }
            Ok(())
        } else {
            sink(Value::Object(rest)).map_err(de::Error::custom)
        }
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The value under a list key: streamed when it is an array (`None`), returned otherwise.
struct List<'f, 'w> {
    sink: Sink<'f>,
    wrapper: &'w mut Wrapper,
}

impl<'de> DeserializeSeed<'de> for List<'_, '_> {
    type Value = Option<Value>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<Value>, D::Error> {
        d.deserialize_any(self)
    }
}

macro_rules! keep_scalar {
    ($name:ident, $t:ty) => {
        fn $name<E: de::Error>(self, v: $t) -> Result<Option<Value>, E> {
            Ok(Some(Value::from(v)))
        }
    };
}

impl<'de> Visitor<'de> for List<'_, '_> {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Option<Value>, A::Error> {
        Doc {
            sink: self.sink,
            wrapper: self.wrapper,
            top: false,
        }
        .visit_seq(seq)?;
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Value>, A::Error> {
        use serde::Deserialize;
        Value::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
    keep_scalar!(visit_str, &str);
    keep_scalar!(visit_bool, bool);
    keep_scalar!(visit_i64, i64);
    keep_scalar!(visit_u64, u64);
    keep_scalar!(visit_f64, f64);
    fn visit_unit<E: de::Error>(self) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }
}

/// Calls `sink` for every record of a JSON document or JSON-lines stream; returns the wrapper fields.
pub fn for_each_record<R: Read>(r: R, sink: Sink<'_>) -> Result<Wrapper, serde_json::Error> {
    drive(serde_json::Deserializer::from_reader(r), sink)
}

/// [`for_each_record`] over bytes in memory (about twice as fast as through a reader).
pub fn for_each_record_in(bytes: &[u8], sink: Sink<'_>) -> Result<Wrapper, serde_json::Error> {
    drive(serde_json::Deserializer::from_slice(bytes), sink)
}

fn drive<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    sink: Sink<'_>,
) -> Result<Wrapper, serde_json::Error> {
    let mut wrapper = Wrapper::default();
    loop {
        if de.end().is_ok() {
            break;
        }
        Doc {
            sink: &mut *sink,
            wrapper: &mut wrapper,
            top: true,
        }
        .deserialize(&mut de)?;
    }
    Ok(wrapper)
}

/// Files (after decompression) up to this size are parsed from memory; larger ones are streamed, so
/// memory stays bounded by this whatever the size of a file.
const IN_MEMORY: u64 = 32 << 20;

/// Parses one file record by record: from memory when it is small, streamed otherwise. Only text
/// that is not JSON (or a stream that breaks off) is an error here: a record that is JSON but not
/// readable is the sink's to count.
fn parse_file(path: &Path, sink: Sink<'_>) -> Result<Wrapper, CollectError> {
    let broken = |e: serde_json::Error| {
        let field = format!("line {} column {}", e.line(), e.column());
        let message = crate::secrets::without_values(&e.to_string());
        if e.classify() == serde_json::error::Category::Data {
            CollectError::Shape {
                path: path.to_path_buf(),
                field,
                message,
            }
        } else {
            CollectError::Malformed {
                path: path.to_path_buf(),
                field,
                message,
            }
        }
    };
    let mut buf = Vec::new();
    open(path)?
        .take(IN_MEMORY + 1)
        .read_to_end(&mut buf)
        .map_err(|source| CollectError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if buf.len() as u64 <= IN_MEMORY {
        for_each_record_in(&buf, sink).map_err(broken)
    } else {
        drop(buf);
        for_each_record(open(path)?, sink).map_err(broken)
    }
}

fn open(path: &Path) -> Result<Box<dyn Read>, CollectError> {
    let io = |source| CollectError::Io {
        path: path.to_path_buf(),
        source,
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let mut r = BufReader::with_capacity(256 * 1024, f);
    let gz = r.fill_buf().map_err(io)?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            256 * 1024,
            flate2::bufread::MultiGzDecoder::new(r),
        ))
    } else {
        Box::new(r)
    })
}

/// The log files under `dir` (recursively, sorted): `.json`, `.jsonl`, `.ndjson`, optionally `.gz`.
/// A symbolic link is an error: log folders must not point elsewhere.
pub fn log_files(dir: &Path) -> Result<Vec<PathBuf>, CollectError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for p in crate::files::read_dir_sorted(&d)? {
            let name = crate::files::file_name(&p);
            if name.starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                let base = name.strip_suffix(".gz").unwrap_or(&name);
                if base.ends_with(".json") || base.ends_with(".jsonl") || base.ends_with(".ndjson")
                {
                    out.push(p);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

/// What reading a set of log files produced.
#[derive(Debug, Default)]
pub struct LogSet {
    pub events: Vec<AuditEvent>,
    pub windows: Vec<LogWindow>,
    /// Files that held no record of a known audit log (named so nothing is skipped silently).
    pub unrecognised: Vec<PathBuf>,
    /// Files that could not be read whole: broken off (a truncated `.gz`, a cut line), or with records
    /// that could not be read. What could be read is kept, and each is a coverage record.
    pub failed: Vec<FailedFile>,
    pub files: usize,
}

/// A log file that could not be read whole.
#[derive(Debug, Clone)]
pub struct FailedFile {
    pub path: PathBuf,
    /// What went wrong and where (the file, the record or byte): the first problem.
    pub message: String,
    /// True when the file broke off (nothing after the break was read); false when only some records
    /// could not be read and the rest of the file was.
    pub broken: bool,
    /// Records that could not be read (a record of no known log among known ones, a required field
    /// missing or not a time).
    pub bad_records: usize,
    /// Records read from the file, bad ones included.
    pub records: usize,
    /// The (provider, target) pairs the file's readable records belong to.
    pub targets: Vec<(Provider, String)>,
}

/// Which pass a file is read in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    First,
    Second,
}

/// Reads `files` in up to two passes (see [`super::Reducer`]).
pub fn read_files(files: &[PathBuf]) -> Result<LogSet, CollectError> {
    read_files_with(files, &crate::progress::NoProgress)
}

/// What reading one file found, filled in as it is read (so a file that breaks off still says what it
/// held before the break).
#[derive(Debug, Default)]
struct FileState {
    /// Top-level records (the index in `file#N`).
    records: usize,
    /// Log records: a CloudWatch Logs page counts its events.
    units: usize,
    recognised: bool,
    digest: bool,
    bad: usize,
    first_bad: Option<String>,
    targets: Vec<(Provider, String)>,
}

/// [`read_files`], telling `progress` of each file read (twice through when the logs need a second
/// pass).
pub fn read_files_with(
    files: &[PathBuf],
    progress: &dyn crate::progress::Progress,
) -> Result<LogSet, CollectError> {
    let mut tally = BlobReader::default();
    progress.phase(
        &format!("reading {} audit log files", files.len()),
        Some(files.len() as u64),
    );
    for f in files {
        tally.first_with(f.clone(), |reducer, st| {
            read_file(f, reducer, Pass::First, st)
        });
        progress.advance(1);
    }
    if tally.needs_second_pass() {
        progress.phase(
            "reading the audit logs again (events that complete a sequence)",
            Some(files.len() as u64),
        );
        for f in files {
            if tally.wants_again_at(f) {
                tally.second_with(f.clone(), |reducer, st| {
                    read_file(f, reducer, Pass::Second, st)
                });
            }
            progress.advance(1);
        }
    }
    Ok(tally.finish())
}

/// Reads one file into the reducer, counting in `st` what it held: records of a known log, records
/// that could not be read (each named by file and index in `st.first_bad`), and whether it is a
/// CloudTrail digest file (recognised, and holding no event).
fn read_file(
    path: &Path,
    reducer: &mut Reducer,
    pass: Pass,
    st: &mut FileState,
) -> Result<(), CollectError> {
    let name = path.display().to_string();
    read_records(&name, |sink| parse_file(path, sink), reducer, pass, st)
}

/// [`read_file`] for any source of records: `parse` drives the sink over them.
fn read_records(
    name: &str,
    parse: impl FnOnce(Sink<'_>) -> Result<Wrapper, CollectError>,
    reducer: &mut Reducer,
    pass: Pass,
    st: &mut FileState,
) -> Result<(), CollectError> {
    let wrapper = {
        let mut sink = |v: Value| -> Result<(), String> {
            st.records += 1;
            st.units += super::cloudwatch_events(&v).map_or(1, |(_, items)| items.len());
            let source = format!("{name}#{}", st.records);
            if v.get("digestStartTime").is_some() {
                st.digest = true;
                return Ok(());
            }
            let targets = &mut st.targets;
            let mut take = |n: Norm| {
                if let Norm::Event(e) = &n
                    && !targets
                        .iter()
                        .any(|(p, t)| *p == e.provider && *t == e.target)
                {
                    targets.push((e.provider, e.target.clone()));
                }
                match pass {
                    Pass::First => reducer.first(n),
                    Pass::Second => reducer.second(n),
                }
            };
            let mut bad = Vec::new();
            let known = super::normalize_each(&v, &source, &mut take, &mut |m| bad.push(m));
            if known {
                st.recognised = true;
            } else {
                bad.push(format!(
                    "{source}: not a record of a known audit log (fields: {})",
                    field_names(&v)
                ));
            }
            for m in bad {
                st.bad += 1;
                st.first_bad.get_or_insert(m);
            }
            Ok(())
        };
        parse(&mut sink)?
    };
    if pass == Pass::First {
        for (p, t) in &st.targets {
            reducer.add_source(*p, t, name.to_string());
        }
        // A Purview export (`Search-UnifiedAuditLog` wrapped with the window it searched) states its
        // window; the events alone would understate it.
        if let (Some(from), Some(to)) = (
            wrapper
                .fields
                .get("from")
                .and_then(Value::as_str)
                .and_then(parse_time),
            wrapper
                .fields
                .get("to")
                .and_then(Value::as_str)
                .and_then(parse_time),
        ) {
            for (p, t) in &st.targets {
                reducer.state_window(*p, t, from, to);
            }
        }
    }
    Ok(())
}

/// The top-level field names of a record (never its values), for messages.
fn field_names(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let mut k: Vec<&str> = m.keys().map(String::as_str).take(8).collect();
            if m.len() > 8 {
                k.push("…");
            }
            k.join(", ")
        }
        Value::Array(_) => "an array".into(),
        _ => "not an object".into(),
    }
}

/// Logs read one source at a time in up to two passes, with what each source gave: files
/// ([`read_files`]) or objects of a bucket fetched in parallel and handed over as they arrive — a
/// first pass over every source, and when the logs need it a second pass over those that read
/// whole ([`BlobReader::wants_again`] says which).
pub struct BlobReader {
    reducer: Reducer,
    unrecognised: Vec<PathBuf>,
    failed: Vec<FailedFile>,
    objects: usize,
}

impl Default for BlobReader {
    fn default() -> Self {
        BlobReader {
            reducer: Reducer::new(),
            unrecognised: Vec::new(),
            failed: Vec::new(),
            objects: 0,
        }
    }
}

impl BlobReader {
    /// The first pass over one object: `name` (its URL) names it in records and messages; `bytes`
    /// as stored, gzip-compressed or not.
    pub fn first(&mut self, name: &str, bytes: &[u8]) {
        self.first_with(PathBuf::from(name), |reducer, st| {
            read_bytes(name, bytes, reducer, Pass::First, st)
        });
    }

    /// The first pass over one source, `read` filling the reducer: one that breaks off is a failed
    /// record, one of no known log is unrecognised, one with unreadable records a partial record; the
    /// rest is read either way.
    fn first_with(
        &mut self,
        path: PathBuf,
        read: impl FnOnce(&mut Reducer, &mut FileState) -> Result<(), CollectError>,
    ) {
        self.objects += 1;
        let mut st = FileState::default();
        let r = read(&mut self.reducer, &mut st);
        let fail = |path: PathBuf, message: String, broken: bool, st: &FileState| FailedFile {
            path,
            message,
            broken,
            bad_records: st.bad,
            records: st.units,
            targets: st.targets.clone(),
        };
        match r {
            Err(e) => self.failed.push(fail(path, e.to_string(), true, &st)),
            Ok(()) if !st.recognised && !st.digest && st.records > 0 => {
                self.unrecognised.push(path)
            }
            Ok(()) => {
                if let Some(first) = &st.first_bad {
                    self.failed.push(fail(path, first.clone(), false, &st));
                }
            }
        }
    }

    /// Whether the logs need a second pass at all.
    pub fn needs_second_pass(&self) -> bool {
        self.reducer.needs_second_pass()
    }

    /// Whether the second pass reads this object (it read to its end and held known records).
    pub fn wants_again(&self, name: &str) -> bool {
        self.wants_again_at(Path::new(name))
    }

    fn wants_again_at(&self, path: &Path) -> bool {
        !self.unrecognised.iter().any(|u| u == path)
            && !self.failed.iter().any(|f| f.path == path && f.broken)
    }

    /// The second pass over one object.
    pub fn second(&mut self, name: &str, bytes: &[u8]) {
        self.second_with(PathBuf::from(name), |reducer, st| {
            read_bytes(name, bytes, reducer, Pass::Second, st)
        });
    }

    /// The second pass over one source that read to its end the first time: a failure now is
    /// still a record, in place of any the first pass made.
    fn second_with(
        &mut self,
        path: PathBuf,
        read: impl FnOnce(&mut Reducer, &mut FileState) -> Result<(), CollectError>,
    ) {
        let mut st = FileState::default();
        if let Err(e) = read(&mut self.reducer, &mut st) {
            self.failed.retain(|x| x.path != path);
            self.failed.push(FailedFile {
                path,
                message: e.to_string(),
                broken: true,
                bad_records: st.bad,
                records: st.units,
                targets: st.targets,
            });
        }
    }

    /// An object that could not be fetched for the second pass: what its first pass gave is kept.
    pub fn lost(&mut self, name: &str, message: String) {
        let path = PathBuf::from(name);
        if !self.failed.iter().any(|f| f.path == path) {
            self.failed.push(FailedFile {
                path,
                message,
                broken: true,
                bad_records: 0,
                records: 0,
                targets: Vec::new(),
            });
        }
    }

    pub fn finish(self) -> LogSet {
        let (events, windows) = self.reducer.finish();
        LogSet {
            events,
            windows,
            unrecognised: self.unrecognised,
            failed: self.failed,
            files: self.objects,
        }
    }
}

/// [`read_file`] for an object's bytes in memory (gzip-compressed or not, capped once decompressed).
fn read_bytes(
    name: &str,
    bytes: &[u8],
    reducer: &mut Reducer,
    pass: Pass,
    st: &mut FileState,
) -> Result<(), CollectError> {
    let path = PathBuf::from(name);
    let broken = |field: String, message: String| CollectError::Malformed {
        path: path.clone(),
        field,
        message,
    };
    let plain;
    let text: &[u8] = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .take(crate::MAX_ANSWER_BYTES as u64 + 1)
            .read_to_end(&mut out)
            .map_err(|e| broken("gzip".into(), e.to_string()))?;
        if out.len() > crate::MAX_ANSWER_BYTES {
            return Err(broken(
                "gzip".into(),
                format!(
                    "more than {} MiB once decompressed",
                    crate::MAX_ANSWER_BYTES >> 20
                ),
            ));
        }
        plain = out;
        &plain
    } else {
        bytes
    };
    read_records(
        name,
        |sink| {
            for_each_record_in(text, sink).map_err(|e| {
                broken(
                    format!("line {} column {}", e.line(), e.column()),
                    crate::secrets::without_values(&e.to_string()),
                )
            })
        },
        reducer,
        pass,
        st,
    )
}
