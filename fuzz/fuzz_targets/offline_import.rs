//! Every offline importer: the input replaces one file of a copy of the example estate (the first
//! two bytes choose which), every provider's folder is imported, and the result is evaluated.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

struct Estate {
    _dir: std::path::PathBuf,
    root: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
}

fn estate() -> &'static Estate {
    static E: OnceLock<Estate> = OnceLock::new();
    E.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("fnscope-fuzz-{}", std::process::id()));
        let root = dir.join("estate");
        let mut files = Vec::new();
        copy(&common::example_dir(), &root, &mut files);
        files.sort();
        Estate {
            _dir: dir,
            root,
            files,
        }
    })
}

fn copy(from: &std::path::Path, to: &std::path::Path, files: &mut Vec<(PathBuf, Vec<u8>)>) {
    let _ = std::fs::create_dir_all(to);
    let Ok(rd) = std::fs::read_dir(from) else {
        return;
    };
    for e in rd.flatten() {
        let (src, dst) = (e.path(), to.join(e.file_name()));
        if src.is_dir() {
            copy(&src, &dst, files);
        } else if let Ok(bytes) = std::fs::read(&src) {
            let _ = std::fs::write(&dst, &bytes);
            files.push((dst, bytes));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let e = estate();
    if data.len() < 2 || e.files.is_empty() {
        return;
    }
    let which = usize::from(u16::from_le_bytes([data[0], data[1]])) % e.files.len();
    let (path, original) = &e.files[which];
    if std::fs::write(path, &data[2..]).is_err() {
        return;
    }
    if let Some(snap) = common::import(&e.root) {
        common::evaluate(&snap);
    }
    let _ = std::fs::write(path, original);
});
