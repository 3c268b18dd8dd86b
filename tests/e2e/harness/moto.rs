//! Starts moto (a real AWS emulator) in server mode on a free loopback port. moto runs inside a small
//! Python wrapper that exits when the test process does, so no server outlives the tests.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Moto {
    pub url: String,
    _child: Child,
}

/// The Python that has moto: `FNSCOPE_PYTHON`, else the venv `scripts/test` and `.ci/run` create.
fn python() -> PathBuf {
    if let Ok(p) = std::env::var("FNSCOPE_PYTHON") {
        return PathBuf::from(p);
    }
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let venv = PathBuf::from(home).join(".cache/fnscope/venv/bin/python");
    assert!(
        venv.exists(),
        "moto is not installed: run `scripts/test` (it creates {}) or set FNSCOPE_PYTHON to a Python with moto[server]",
        venv.display()
    );
    venv
}

pub fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    l.local_addr().expect("local addr").port()
}

const WRAPPER: &str = r#"
import os, sys, threading, time
parent = os.getppid()
def watch():
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)
threading.Thread(target=watch, daemon=True).start()
from moto.server import main
main(["-H", "127.0.0.1", "-p", sys.argv[1]])
"#;

impl Moto {
    pub fn start() -> Moto {
        let port = free_port();
        let child = Command::new(python())
            .arg("-c")
            .arg(WRAPPER)
            .arg(port.to_string())
            .env("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start moto");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto did not start on {url}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Moto { url, _child: child }
    }
}
