//! Loading and saving snapshots. Saving is atomic (a temporary file in the same folder, flushed, then
//! renamed over the destination), so an interrupted run never leaves a truncated snapshot and the previous
//! one stays intact until the new one is complete.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::model::{SCHEMA_VERSION, SNAPSHOT_SCHEMA, Snapshot};

/// Why a snapshot could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("cannot read snapshot `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("snapshot `{path}` is not valid JSON: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("snapshot `{path}` has no `{field}` field: is it an fnscope snapshot?")]
    MissingField { path: PathBuf, field: &'static str },
    #[error(
        "snapshot `{path}` has schema_version {found}, this fnscope reads version {SCHEMA_VERSION}"
    )]
    UnknownVersion { path: PathBuf, found: String },
    #[error("snapshot `{path}`: field `{field}` is invalid: {message}")]
    Field {
        path: PathBuf,
        field: String,
        message: String,
    },
    #[error("cannot write `{path}`: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot serialize snapshot: {0}")]
    Serialize(serde_json::Error),
}

/// Reads and validates a snapshot file; gzip-compressed snapshots (`.json.gz`, or any file starting with
/// the gzip magic bytes) are decompressed transparently.
pub fn load(path: &Path) -> Result<Snapshot, SnapshotError> {
    let read_err = |source| SnapshotError::Read {
        path: path.to_path_buf(),
        source,
    };
    // A FIFO or device would block or never end.
    let meta = std::fs::metadata(path).map_err(read_err)?;
    if !meta.is_file() {
        return Err(read_err(std::io::Error::other(
            "not a regular file (a folder, FIFO or device)",
        )));
    }
    let bytes = std::fs::read(path).map_err(read_err)?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        // A small file may inflate without end: stop past the limit instead of filling memory.
        let limit = max_decompressed();
        let mut out = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(flate2::read::GzDecoder::new(&bytes[..]), limit + 1),
            &mut out,
        )
        .map_err(read_err)?;
        if out.len() as u64 > limit {
            return Err(read_err(std::io::Error::other(format!(
                "inflates past {limit} bytes (FNSCOPE_MAX_DECOMPRESSED_BYTES raises the limit)"
            ))));
        }
        return from_slice(&out, path);
    }
    from_slice(&bytes, path)
}

/// The most a compressed snapshot may inflate to: `FNSCOPE_MAX_DECOMPRESSED_BYTES`, else 4 GiB.
pub fn max_decompressed() -> u64 {
    std::env::var("FNSCOPE_MAX_DECOMPRESSED_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(4 << 30)
}

/// True when `path` names a compressed snapshot.
pub fn is_compressed(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "gz")
}

/// Parses snapshot bytes; `path` is only used in error messages.
pub fn from_slice(bytes: &[u8], path: &Path) -> Result<Snapshot, SnapshotError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|source| SnapshotError::Json {
        path: path.to_path_buf(),
        source,
    })?;
    let Some(obj) = value.as_object() else {
        return Err(SnapshotError::Field {
            path: path.to_path_buf(),
            field: "(top level)".into(),
            message: "expected a JSON object".into(),
        });
    };
    let version = obj
        .get("schema_version")
        .ok_or_else(|| SnapshotError::MissingField {
            path: path.to_path_buf(),
            field: "schema_version",
        })?;
    if version.as_u64() != Some(u64::from(SCHEMA_VERSION)) {
        return Err(SnapshotError::UnknownVersion {
            path: path.to_path_buf(),
            found: version.to_string(),
        });
    }
    match obj.get("schema").and_then(Value::as_str) {
        Some(SNAPSHOT_SCHEMA) => {}
        other => {
            return Err(SnapshotError::Field {
                path: path.to_path_buf(),
                field: "schema".into(),
                message: format!(
                    "expected `{SNAPSHOT_SCHEMA}`, found {}",
                    other.map_or_else(|| "nothing".to_string(), |s| format!("`{s}`"))
                ),
            });
        }
    }
    serde_path_to_error::deserialize::<_, Snapshot>(value).map_err(|e| SnapshotError::Field {
        path: path.to_path_buf(),
        field: e.path().to_string(),
        message: e.inner().to_string(),
    })
}

/// Serializes a snapshot to pretty JSON with a trailing newline.
pub fn to_vec(snapshot: &Snapshot) -> Result<Vec<u8>, SnapshotError> {
    let mut out = serde_json::to_vec_pretty(snapshot).map_err(SnapshotError::Serialize)?;
    out.push(b'\n');
    Ok(out)
}

/// Writes `snapshot` to `path` atomically, gzip-compressed when the name ends in `.gz`.
pub fn save(snapshot: &Snapshot, path: &Path) -> Result<(), SnapshotError> {
    let bytes = to_vec(snapshot)?;
    if is_compressed(path) {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let write_err = |source| SnapshotError::Write {
            path: path.to_path_buf(),
            source,
        };
        enc.write_all(&bytes).map_err(write_err)?;
        let gz = enc.finish().map_err(write_err)?;
        return write_atomic(path, &gz);
    }
    write_atomic(path, &bytes)
}

/// Every file fnscope writes passes this gate, so that an interrupt stops all writing at once: once
/// [`stop_writing`] has run, no temporary file is created, none is renamed into place, and those in
/// flight are removed.
struct Gate {
    stopped: bool,
    /// Temporary files created and not yet renamed into place.
    temps: Vec<PathBuf>,
    /// Destinations written so far by this process.
    written: Vec<PathBuf>,
}

static GATE: std::sync::Mutex<Gate> = std::sync::Mutex::new(Gate {
    stopped: false,
    temps: Vec::new(),
    written: Vec::new(),
});

fn gate() -> std::sync::MutexGuard<'static, Gate> {
    // A panic elsewhere while holding the gate leaves its lists as they were: still usable.
    GATE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Stops every write of this process (an interrupt): temporary files in flight are removed and no
/// other file is written or renamed from now on. Returns the files already written, in order.
pub fn stop_writing() -> Vec<PathBuf> {
    let mut g = gate();
    g.stopped = true;
    for t in std::mem::take(&mut g.temps) {
        let _ = std::fs::remove_file(&t);
    }
    g.written.clone()
}

/// True once [`stop_writing`] has run.
pub fn writing_stopped() -> bool {
    gate().stopped
}

/// Removes `path` unless writing has stopped (then nothing is removed and `Ok(false)` is returned).
pub fn remove_unless_stopped(path: &Path) -> std::io::Result<bool> {
    let g = gate();
    if g.stopped {
        return Ok(false);
    }
    std::fs::remove_file(path)?;
    drop(g);
    Ok(true)
}

fn interrupted() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted")
}

/// Debug builds only: `FNSCOPE_TEST_STALL_AT=<phase>` holds the thread at that phase for a minute, so
/// tests can send a signal at a known point (`read`: after an offline import; `write`: between writing
/// a temporary file and renaming it into place). Release builds ignore it.
pub fn stall_point(phase: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("FNSCOPE_TEST_STALL_AT").is_ok_and(|v| v == phase) {
        eprintln!("fnscope: test stall at `{phase}`");
        std::thread::sleep(std::time::Duration::from_secs(60));
    }
    #[cfg(not(debug_assertions))]
    let _ = phase;
}

/// Writes bytes to `path` through a temporary file in the same folder and a rename; on any error the
/// destination is left as it was. After [`stop_writing`], nothing is written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SnapshotError> {
    let err = |source| SnapshotError::Write {
        path: path.to_path_buf(),
        source,
    };
    // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written to, never replaced by a file.
    // The gate is not held while writing: a pipe nobody reads must not hold an interrupt back.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        if meta.is_dir() {
            return Err(err(std::io::Error::other("it is a folder")));
        }
        if writing_stopped() {
            return Err(err(interrupted()));
        }
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(err)?;
        f.write_all(bytes).and_then(|()| f.flush()).map_err(err)?;
        gate().written.push(path.to_path_buf());
        return Ok(());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = {
        let mut g = gate();
        if g.stopped {
            return Err(err(interrupted()));
        }
        let tmp = tempfile::Builder::new()
            .prefix(".fnscope-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(err)?;
        g.temps.push(tmp.path().to_path_buf());
        tmp
    };
    let tmp_path = tmp.path().to_path_buf();
    let forget = |g: &mut Gate| g.temps.retain(|t| *t != tmp_path);
    let written = tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all());
    if let Err(e) = written {
        forget(&mut gate());
        return Err(err(e));
    }
    stall_point("write");
    let mut g = gate();
    if g.stopped {
        // stop_writing has removed the file already.
        return Err(err(interrupted()));
    }
    forget(&mut g);
    tmp.persist(path).map_err(|e| err(e.error))?;
    g.written.push(path.to_path_buf());
    Ok(())
}

#[cfg(test)]
mod format {
    /// The snapshot the fuzz targets start from (written by an earlier build) reads and writes back
    /// byte for byte: fields added since are optional and left out when empty.
    #[test]
    fn an_earlier_snapshot_re_serialises_unchanged() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus-snapshot.json");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let snap = super::from_slice(&bytes, &path).unwrap_or_else(|e| panic!("{e}"));
        let again = super::to_vec(&snap).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            bytes == again,
            "{} changed when written back",
            path.display()
        );
    }
}
