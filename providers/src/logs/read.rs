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

use super::{Norm, Reducer, normalize, parse_time};
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

/// Parses one file record by record: from memory when it is small, streamed otherwise.
fn parse_file(path: &Path, sink: Sink<'_>) -> Result<Wrapper, CollectError> {
    let malformed = |e: serde_json::Error| CollectError::Malformed {
        path: path.to_path_buf(),
        field: format!("line {} column {}", e.line(), e.column()),
        message: crate::secrets::without_values(&e.to_string()),
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
        for_each_record_in(&buf, sink).map_err(malformed)
    } else {
        drop(buf);
        for_each_record(open(path)?, sink).map_err(malformed)
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
    /// Files that could not be read to their end (a truncated `.gz`, a broken line): what they held
    /// before the break is kept, and each is a coverage record.
    pub failed: Vec<FailedFile>,
    pub files: usize,
}

/// A log file that could not be read to its end.
#[derive(Debug, Clone)]
pub struct FailedFile {
    pub path: PathBuf,
    /// What went wrong and where (the file, the record or byte).
    pub message: String,
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

/// [`read_files`], telling `progress` of each file read (twice through when the logs need a second
/// pass).
pub fn read_files_with(
    files: &[PathBuf],
    progress: &dyn crate::progress::Progress,
) -> Result<LogSet, CollectError> {
    let mut reducer = Reducer::new();
    let mut unrecognised = Vec::new();
    progress.phase(
        &format!("reading {} audit log files", files.len()),
        Some(files.len() as u64),
    );
    let mut failed: Vec<FailedFile> = Vec::new();
    for f in files {
        match read_file(f, &mut reducer, Pass::First) {
            Ok(true) => {}
            Ok(false) => unrecognised.push(f.clone()),
            // One file that breaks off is a record; the rest is read.
            Err(e) => failed.push(FailedFile {
                path: f.clone(),
                message: e.to_string(),
            }),
        }
        progress.advance(1);
    }
    if reducer.needs_second_pass() {
        progress.phase(
            "reading the audit logs again (events that complete a sequence)",
            Some(files.len() as u64),
        );
        for f in files {
            if !unrecognised.contains(f) && !failed.iter().any(|x| &x.path == f) {
                // It read to its end the first time; a failure now is still a record.
                if let Err(e) = read_file(f, &mut reducer, Pass::Second) {
                    failed.push(FailedFile {
                        path: f.clone(),
                        message: e.to_string(),
                    });
                }
            }
            progress.advance(1);
        }
    }
    let (events, windows) = reducer.finish();
    Ok(LogSet {
        events,
        windows,
        unrecognised,
        failed,
        files: files.len(),
    })
}

/// Reads one file into the reducer; false when it held no audit record (a CloudTrail digest file is
/// recognised and has none).
fn read_file(path: &Path, reducer: &mut Reducer, pass: Pass) -> Result<bool, CollectError> {
    let name = path.display().to_string();
    let mut index = 0usize;
    let mut recognised = false;
    let mut seen: Vec<(Provider, String)> = Vec::new();
    let mut digest = false;
    let wrapper = {
        let mut sink = |v: Value| -> Result<(), String> {
            index += 1;
            let source = format!("{name}#{index}");
            if v.get("digestStartTime").is_some() {
                digest = true;
                return Ok(());
            }
            let mut take = |n: Norm| {
                if let Norm::Event(e) = &n
                    && !seen.iter().any(|(p, t)| *p == e.provider && *t == e.target)
                {
                    seen.push((e.provider, e.target.clone()));
                }
                match pass {
                    Pass::First => reducer.first(n),
                    Pass::Second => reducer.second(n),
                }
            };
            match normalize(&v, &source, &mut take) {
                Some(r) => {
                    recognised = true;
                    r
                }
                None => Ok(()),
            }
        };
        parse_file(path, &mut sink)?
    };
    if pass == Pass::First {
        for (p, _) in &seen {
            reducer.add_source(*p, name.clone());
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
            for (p, t) in &seen {
                reducer.state_window(*p, t, from, to);
            }
        }
    }
    // A file without any record (an empty export) is not an unknown one.
    Ok(recognised || digest || index == 0)
}
