//! Reading export folders: JSON files parsed with the failing field named, symbolic links refused.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::CollectError;

/// True when `p` exists; a symbolic link is an error (an export folder must not point elsewhere).
pub fn exists_plain(p: &Path) -> Result<bool, CollectError> {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.file_type().is_symlink() => Err(CollectError::Invalid {
            path: p.to_path_buf(),
            message: "is a symbolic link; offline import does not follow links".into(),
        }),
        Ok(_) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(CollectError::Io {
            path: p.to_path_buf(),
            source,
        }),
    }
}

pub fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, CollectError> {
    let io = |source| CollectError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        exists_plain(&path)?;
        out.push(path);
    }
    out.sort();
    Ok(out)
}

pub fn read<T: DeserializeOwned>(path: &Path) -> Result<T, CollectError> {
    read_opt(path)?.ok_or_else(|| CollectError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::NotFound, "file not found"),
    })
}

/// Reads and parses a JSON file; `None` when it does not exist.
pub fn read_opt<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, CollectError> {
    if !exists_plain(path)? {
        return Ok(None);
    }
    let bytes = std::fs::read(path).map_err(|source| CollectError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let de = &mut serde_json::Deserializer::from_slice(&bytes);
    serde_path_to_error::deserialize(de)
        .map(Some)
        .map_err(|e| CollectError::Malformed {
            path: path.to_path_buf(),
            field: if e.path().to_string() == "." {
                "the top level".to_string()
            } else {
                format!("`{}`", e.path())
            },
            message: crate::secrets::without_values(&e.inner().to_string()),
        })
}

/// The last component of a path, as text.
pub fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `name` of `name.json`.
pub fn json_stem(p: &Path) -> Option<String> {
    file_name(p).strip_suffix(".json").map(str::to_string)
}
