//! Reading export folders: JSON files parsed with the failing field named, symbolic links refused.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::CollectError;

/// True when `p` exists; a symbolic link is an error (an export folder must not point elsewhere), and
/// so is anything that is neither a file nor a folder.
pub fn exists_plain(p: &Path) -> Result<bool, CollectError> {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.file_type().is_symlink() => Err(CollectError::Invalid {
            path: p.to_path_buf(),
            message: "is a symbolic link; offline import does not follow links".into(),
        }),
        // A FIFO, socket or device would block or never end: only files and folders are read.
        Ok(m) if !m.is_file() && !m.is_dir() => Err(CollectError::Invalid {
            path: p.to_path_buf(),
            message: "is not a regular file or folder (a FIFO, socket or device); offline import reads files only".into(),
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
    parse_json(path, &bytes).map(Some)
}

/// A list export read against the shape its CLI always writes: `Missing` names the top-level keys
/// that are not there (an `{}` or `[]` written by hand, a cut-down file) instead of reading them as
/// empty lists.
pub enum Shaped<T> {
    Read(T),
    Missing(Vec<&'static str>),
}

/// Reads a JSON object export that must have every key of `keys` at the top level; `None` when
/// the file does not exist.
pub fn read_shaped<T: DeserializeOwned>(
    path: &Path,
    keys: &[&'static str],
) -> Result<Option<Shaped<T>>, CollectError> {
    let Some(value) = read_opt::<serde_json::Value>(path)? else {
        return Ok(None);
    };
    let missing: Vec<&'static str> = match value.as_object() {
        Some(o) => keys
            .iter()
            .copied()
            .filter(|k| !o.contains_key(*k))
            .collect(),
        None => keys.to_vec(),
    };
    if !missing.is_empty() {
        return Ok(Some(Shaped::Missing(missing)));
    }
    serde_path_to_error::deserialize(value)
        .map(|t| Some(Shaped::Read(t)))
        .map_err(|e| CollectError::Shape {
            path: path.to_path_buf(),
            field: format!("`{}`", e.path()),
            message: crate::secrets::without_values(&e.inner().to_string()),
        })
}

/// Parses a JSON document in any of the encodings exports come in (see [`decode_text`]); an error
/// names the file and the field, never the value.
pub fn parse_json<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, CollectError> {
    let text = decode_text(bytes).map_err(|message| CollectError::Malformed {
        path: path.to_path_buf(),
        field: "the top level".into(),
        message,
    })?;
    let de = &mut serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = if e.path().to_string() == "." {
            "the top level".to_string()
        } else {
            format!("`{}`", e.path())
        };
        let message = crate::secrets::without_values(&e.inner().to_string());
        let path = path.to_path_buf();
        // Well-formed JSON of another shape is told apart from text that is not JSON.
        if e.inner().classify() == serde_json::error::Category::Data {
            CollectError::Shape {
                path,
                field,
                message,
            }
        } else {
            CollectError::Malformed {
                path,
                field,
                message,
            }
        }
    })
}

/// What reading one item file of an export (one function's policy, one role, one account's
/// runbooks) gave: read, absent, or there but unreadable — which the caller records as partial
/// coverage, naming the file and field, and then goes on with the rest.
pub enum ItemFile<T> {
    Read(T),
    Absent,
    Unreadable(String),
}

/// Reads an item file (see [`ItemFile`]); only what makes the whole export untrustworthy (a
/// symbolic link) is an error.
pub fn read_item<T: DeserializeOwned>(path: &Path) -> Result<ItemFile<T>, CollectError> {
    map_item(read_opt(path))
}

/// [`read_item`] for an item file that must have every key of `keys` at the top level (what its CLI
/// always writes): one without them is unreadable, not an empty answer.
pub fn read_item_shaped<T: DeserializeOwned>(
    path: &Path,
    keys: &[&'static str],
) -> Result<ItemFile<T>, CollectError> {
    match map_item(read_shaped::<T>(path, keys))? {
        ItemFile::Read(Shaped::Read(v)) => Ok(ItemFile::Read(v)),
        ItemFile::Read(Shaped::Missing(missing)) => {
            Ok(ItemFile::Unreadable(missing_keys(path, &missing)))
        }
        ItemFile::Absent => Ok(ItemFile::Absent),
        ItemFile::Unreadable(e) => Ok(ItemFile::Unreadable(e)),
    }
}

/// "`file` has no `A`, `B`": the message for an export without the keys its CLI always writes.
pub fn missing_keys(path: &Path, missing: &[&str]) -> String {
    let keys: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
    format!(
        "`{}` has no {}: the CLI always writes {}, so this is not its output",
        path.display(),
        keys.join(", "),
        if missing.len() == 1 { "it" } else { "them" }
    )
}

/// [`read_item`] for any reader of an item file.
pub fn map_item<T>(r: Result<Option<T>, CollectError>) -> Result<ItemFile<T>, CollectError> {
    match r {
        Ok(Some(v)) => Ok(ItemFile::Read(v)),
        Ok(None) => Ok(ItemFile::Absent),
        Err(
            e @ (CollectError::Malformed { .. }
            | CollectError::Shape { .. }
            | CollectError::Io { .. }),
        ) => Ok(ItemFile::Unreadable(e.to_string())),
        Err(e) => Err(e),
    }
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

/// The text of an export file whatever the tool that wrote it: UTF-8 with or without a byte-order
/// mark, or UTF-16 little- or big-endian (Windows PowerShell 5.1's `>` and `Out-File` write UTF-16LE
/// with a mark; a file without one is recognised by its zero bytes). The error says which encoding
/// was assumed and at which byte it failed.
pub fn decode_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, String> {
    use std::borrow::Cow;
    let utf16 = |body: &[u8], little: bool, what: &str| -> Result<Cow<'_, str>, String> {
        if !body.len().is_multiple_of(2) {
            return Err(format!(
                "{what} text with an odd number of bytes ({})",
                body.len()
            ));
        }
        let units = body.chunks_exact(2).map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let mut out = String::with_capacity(body.len() / 2);
        for (i, c) in char::decode_utf16(units).enumerate() {
            out.push(c.map_err(|_| {
                format!("{what} text with an unpaired surrogate at byte {}", i * 2)
            })?);
        }
        Ok(Cow::Owned(out))
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => {
            std::str::from_utf8(rest).map(Cow::Borrowed).map_err(|e| {
                format!(
                    "UTF-8 text (with a byte-order mark) that is not valid UTF-8 at byte {}",
                    e.valid_up_to() + 3
                )
            })
        }
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true, "UTF-16LE"),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false, "UTF-16BE"),
        // No mark: JSON and XML start with an ASCII character, so UTF-16 shows a zero byte beside it.
        [0, b, ..] if *b != 0 => utf16(bytes, false, "UTF-16BE"),
        [a, 0, ..] if *a != 0 => utf16(bytes, true, "UTF-16LE"),
        _ => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
            format!(
                "not UTF-8 or UTF-16 text (invalid UTF-8 at byte {})",
                e.valid_up_to()
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    #[test]
    fn every_encoding_windows_and_other_tools_write() {
        let text = "{\"FlowName\": \"f\u{e9}\"}";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("utf-8", text.as_bytes().to_vec()),
            (
                "utf-8 bom",
                [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
            ),
            ("utf-16le bom", [&[0xFF, 0xFE][..], &le].concat()),
            ("utf-16be bom", [&[0xFE, 0xFF][..], &be].concat()),
            ("utf-16le", le.clone()),
            ("utf-16be", be.clone()),
        ];
        for (what, bytes) in cases {
            assert_eq!(decode_text(&bytes).as_deref(), Ok(text), "{what}");
        }
        assert!(decode_text(&[0xFF, 0xFE, 0x7B]).is_err_and(|e| e.contains("odd number")));
        assert!(decode_text(&[0x7B, 0xC3]).is_err_and(|e| e.contains("byte 1")));
    }
}
