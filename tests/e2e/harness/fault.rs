//! Faults the Google and Microsoft fakes inject, chosen by request path: error statuses, broken
//! transfers, a page token that repeats, an answer too large to hold.

use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Response, StatusCode};

/// What a faulty answer looks like.
#[derive(Clone, Copy, Debug)]
pub enum FaultKind {
    /// An error status with the API's error body (429 also carries `Retry-After: 0`).
    Status(u16),
    /// A 200 whose body is cut off mid-JSON.
    Truncated,
    /// A 200 whose connection drops mid-body.
    Reset,
    /// A page whose next token (or link) is the one it was asked with, for ever.
    RepeatToken,
    /// A 200 whose body is well-formed JSON larger than the scanner accepts (streamed, never held).
    Huge,
    /// Headers at once, the body half a minute later: slower than any `--call-timeout` a test sets.
    Slow,
    /// 429 asking to be retried in a little over a day.
    LongRetryAfter,
}

struct Fault {
    path_contains: String,
    remaining: u32,
    kind: FaultKind,
}

/// The faults a fake has been told to inject.
#[derive(Clone, Default)]
pub struct Faults(Arc<Mutex<Vec<Fault>>>);

impl Faults {
    /// The next `times` calls whose path contains `path_contains` answer with `kind`.
    pub fn add(&self, path_contains: &str, times: u32, kind: FaultKind) {
        self.0.lock().expect("lock").push(Fault {
            path_contains: path_contains.to_string(),
            remaining: times,
            kind,
        });
    }

    pub fn clear(&self) {
        self.0.lock().expect("lock").clear();
    }

    /// The fault this call gets, if any (spending one of its times).
    pub fn take(&self, path: &str) -> Option<FaultKind> {
        let mut faults = self.0.lock().expect("lock");
        let f = faults
            .iter_mut()
            .find(|f| f.remaining > 0 && path.contains(&f.path_contains))?;
        f.remaining -= 1;
        Some(f.kind)
    }
}

fn json_body(body: Body) -> Response<Body> {
    let mut r = Response::new(body);
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    r
}

/// An error status with `body`, and `Retry-After: 0` on a 429.
pub fn status(code: u16, body: serde_json::Value) -> Response<Body> {
    let mut r = json_body(Body::from(body.to_string()));
    *r.status_mut() = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    if code == 429 {
        r.headers_mut()
            .insert("retry-after", HeaderValue::from_static("0"));
    }
    r
}

/// 429 with `Retry-After: 100000` (27 hours).
pub fn long_retry_after() -> Response<Body> {
    let mut r = status(
        429,
        serde_json::json!({"error": {"code": 429, "message": "slow down"}}),
    );
    r.headers_mut()
        .insert("retry-after", HeaderValue::from_static("100000"));
    r
}

/// The start of a JSON list answer, cut off.
pub fn truncated(start: &'static str) -> Response<Body> {
    json_body(Body::from(start))
}

/// Headers and the start of a body, then the connection drops.
pub fn reset(start: &'static str) -> Response<Body> {
    let stream = futures::stream::iter([
        Ok(Bytes::from_static(start.as_bytes())),
        Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "injected by the fake",
        )),
    ]);
    let mut r = json_body(Body::from_stream(stream));
    r.headers_mut()
        .insert("content-length", HeaderValue::from_static("4096"));
    r
}

/// Bytes in a [`huge`] answer: past the scanner's 128 MiB cap.
pub const HUGE_BYTES: usize = 130 << 20;

/// `{"<key>": [` + whitespace + `]}`, [`HUGE_BYTES`] long and well-formed (so only a size cap stops
/// it), streamed without a declared length.
pub fn huge(key: &str) -> Response<Body> {
    huge_body(key).0
}

/// Like [`huge`], with its length declared in `Content-Length`.
pub fn huge_declared(key: &str) -> Response<Body> {
    let (mut r, len) = huge_body(key);
    r.headers_mut()
        .insert("content-length", HeaderValue::from(len));
    r
}

fn huge_body(key: &str) -> (Response<Body>, usize) {
    const CHUNK: usize = 1 << 20;
    let open = Bytes::from(format!("{{\"{key}\": ["));
    let blank = Bytes::from(vec![b' '; CHUNK]);
    let chunks = (HUGE_BYTES - open.len()) / CHUNK;
    let len = open.len() + chunks * CHUNK + 2;
    let stream = futures::stream::iter(
        std::iter::once(open)
            .chain(std::iter::repeat_n(blank, chunks))
            .chain(std::iter::once(Bytes::from_static(b"]}")))
            .map(Ok::<_, std::io::Error>),
    );
    (json_body(Body::from_stream(stream)), len)
}

/// Headers now, `{}` after 30 s.
pub fn slow() -> Response<Body> {
    let stream = futures::stream::once(async {
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
        Ok::<_, std::io::Error>(Bytes::from_static(b"{}"))
    });
    json_body(Body::from_stream(stream))
}
