//! One REST call with the retry discipline every collector shares: exponential backoff with full
//! jitter on 429, 5xx, connection errors and bodies cut off or garbled in transit, at least what
//! `Retry-After` asks for, up to a maximum number of attempts; every failure classified in coverage
//! terms, with the API's own error message (never a token, never a request body).

use std::future::Future;
use std::time::Duration;

use fnscope_snapshot::CoverageStatus;
use serde::de::DeserializeOwned;

pub use crate::kit::CallError;

/// The error message in a JSON error body (`{"error": {"message": …}}` or `{"error": "…",
/// "error_description": …}`), else the first 200 characters.
fn error_message(body: &str) -> String {
    let v: Option<serde_json::Value> = serde_json::from_str(body).ok();
    v.as_ref()
        .and_then(|v| {
            v["error"]["message"]
                .as_str()
                .or_else(|| v["error_description"].as_str())
                .or_else(|| v["error"].as_str())
                .map(str::to_string)
        })
        .unwrap_or_else(|| body.chars().take(200).collect())
}

use crate::MAX_ANSWER_BYTES;

/// The most of an error answer read for its message.
const MAX_ERROR_BYTES: usize = 64 << 10;

/// Why a body was not read whole.
pub(crate) enum BodyError {
    TooLarge,
    Transfer(reqwest::Error),
}

/// Reads `r`'s body, refusing one larger than `cap` as soon as that is known (declared length or
/// bytes received), so an endless answer costs `cap` bytes, not all memory.
pub(crate) async fn read_capped(
    mut r: reqwest::Response,
    cap: usize,
) -> Result<Vec<u8>, BodyError> {
    if r.content_length().is_some_and(|n| n > cap as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = r.chunk().await.map_err(BodyError::Transfer)? {
        if body.len() + chunk.len() > cap {
            return Err(BodyError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// A JSON answer as `T`, or where it is not.
fn decode_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, CallError> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(bytes)).map_err(
        |e| {
            CallError::new(
                CoverageStatus::Failed,
                format!(
                    "malformed response at `{}`: {}",
                    e.path(),
                    crate::secrets::without_values(&e.inner().to_string())
                ),
            )
        },
    )
}

/// Sends what `request` builds (a fresh request per attempt) and parses the JSON answer.
pub async fn call<T, F, Fut>(max_attempts: u32, request: F) -> Result<T, CallError>
where
    T: DeserializeOwned,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<reqwest::RequestBuilder, CallError>>,
{
    call_decoded(max_attempts, request, decode_json).await
}

/// [`call`] for an answer that is not one JSON document (an object's bytes): the body as it came.
pub async fn call_raw<F, Fut>(max_attempts: u32, request: F) -> Result<Vec<u8>, CallError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<reqwest::RequestBuilder, CallError>>,
{
    call_decoded(max_attempts, request, |bytes| Ok(bytes.to_vec())).await
}

/// [`call`] through `gate`: each attempt waits for a place, and its answer (HTTP 429 or not) moves
/// the gate, so calls that share a rate limit slow down together instead of spending their
/// retries on it.
pub async fn call_gated<T, F, Fut>(
    gate: &crate::pace::Gate,
    max_attempts: u32,
    request: F,
) -> Result<T, CallError>
where
    T: DeserializeOwned,
    F: Fn() -> Fut,
    Fut: Future<Output = Result<reqwest::RequestBuilder, CallError>>,
{
    call_decoded_with(Some(gate), max_attempts, request, decode_json).await
}

/// The retry loop of [`call`], the success body handed to `decode` (a body it refuses is retried
/// like one cut off in transit).
async fn call_decoded<T, F, Fut>(
    max_attempts: u32,
    request: F,
    decode: impl Fn(&[u8]) -> Result<T, CallError>,
) -> Result<T, CallError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<reqwest::RequestBuilder, CallError>>,
{
    call_decoded_with(None, max_attempts, request, decode).await
}

async fn call_decoded_with<T, F, Fut>(
    gate: Option<&crate::pace::Gate>,
    max_attempts: u32,
    request: F,
    decode: impl Fn(&[u8]) -> Result<T, CallError>,
) -> Result<T, CallError>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<reqwest::RequestBuilder, CallError>>,
{
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        let permit = match gate {
            Some(g) => Some(g.enter().await),
            None => None,
        };
        let result = request().await?.send().await;
        if let Some(g) = gate {
            match &result {
                Ok(r) if r.status().as_u16() == 429 => g.throttled(),
                _ => g.answered(),
            }
        }
        let (err, wait) = match result {
            Ok(r) if r.status().is_success() => match read_capped(r, MAX_ANSWER_BYTES).await {
                Ok(bytes) => match decode(&bytes) {
                    Ok(v) => return Ok(v),
                    Err(e) => (e, None),
                },
                Err(BodyError::TooLarge) => {
                    // The same answer again would be as large: not retried.
                    return Err(CallError::new(
                        CoverageStatus::Failed,
                        format!(
                            "the answer is larger than {} MiB; not read",
                            MAX_ANSWER_BYTES >> 20
                        ),
                    ));
                }
                Err(BodyError::Transfer(e)) => (
                    CallError::new(
                        CoverageStatus::Failed,
                        format!("reading the response: {}", without_url(&e)),
                    ),
                    None,
                ),
            },
            Ok(r) => {
                let code = r.status().as_u16();
                // A server may ask for any wait; more than MAX_RETRY_AFTER is not waited for (the
                // call fails as throttled, a coverage record, rather than sleeping for a day).
                let asked = r
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                if let Some(a) = asked
                    && a > MAX_RETRY_AFTER
                    && (code == 429 || code >= 500)
                {
                    return Err(CallError::new(
                        CoverageStatus::Throttled,
                        format!(
                            "HTTP {code} asked to retry after {} s, longer than the {} s fnscope waits; not retried",
                            a.as_secs(),
                            MAX_RETRY_AFTER.as_secs()
                        ),
                    ));
                }
                let wait = asked;
                let body = match read_capped(r, MAX_ERROR_BYTES).await {
                    Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                    Err(_) => String::new(),
                };
                let status = match code {
                    401 | 403 => CoverageStatus::Denied,
                    429 => CoverageStatus::Throttled,
                    _ => CoverageStatus::Failed,
                };
                let e = CallError::new(status, format!("HTTP {code}: {}", error_message(&body)));
                if !(code == 429 || code >= 500) {
                    return Err(e);
                }
                (e, wait)
            }
            Err(e) => (
                CallError::new(
                    CoverageStatus::Failed,
                    format!("request failed: {}", without_url(&e)),
                ),
                None,
            ),
        };
        // The place is given back before waiting to try again.
        drop(permit);
        if attempt >= max_attempts.max(1) {
            return Err(err);
        }
        let cap = Duration::from_millis(200 * 2u64.pow(attempt.min(6)));
        let jitter = Duration::from_millis(rand::random_range(0..=cap.as_millis() as u64));
        tokio::time::sleep(wait.unwrap_or_default().max(jitter)).await;
    }
}

/// A circuit breaker for the per-item calls of one API on one target.
pub type Breaker = crate::breaker::Breaker<CallError>;

/// A breaker for `api` that opens after [`crate::breaker::DEFAULT_AFTER`] failures in a row.
pub fn breaker(api: &str) -> Breaker {
    Breaker::new(api, crate::breaker::DEFAULT_AFTER)
}

/// Runs one per-item call through `breaker`: refused at once when it is open; a failure (every retry
/// spent) counts towards opening it; an answer, or "not found" (HTTP 404, an answer about that item),
/// ends the run. Failures are the same way when their status and HTTP code (or transport failure) are.
pub async fn guarded<T>(
    breaker: &Breaker,
    call: impl Future<Output = Result<T, CallError>>,
) -> Result<T, CallError> {
    if let Some(e) = breaker.refuse() {
        return Err(e);
    }
    let r = call.await;
    match &r {
        Ok(_) => breaker.success(),
        Err(e) if e.message.starts_with("HTTP 404") => breaker.success(),
        Err(e) => {
            let kind = e.message.split(':').next().unwrap_or_default();
            let way = format!("{:?}/{kind}", e.status);
            breaker.failure(&way, e, |e, api, run| {
                CallError::new(e.status, crate::breaker::open_message(api, run, &e.message))
            });
        }
    }
    r
}

/// The longest `Retry-After` fnscope waits for one call.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// A transport error's text without the URL (which may carry query parameters).
pub(crate) fn without_url(e: &reqwest::Error) -> String {
    let mut s = e.to_string();
    if let Some(u) = e.url() {
        s = s.replace(u.as_str(), "<url>");
    }
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        s.push_str(&format!(": {inner}"));
        src = inner.source();
    }
    s
}

/// The coverage of a fan-out of calls: complete, or partial with how many failed and the first of them
/// in sorted order (so two runs of the same estate compare equal).
pub fn fan_out(mut errors: Vec<String>, ok: String) -> (CoverageStatus, String) {
    errors.sort();
    match errors.first() {
        None => (CoverageStatus::Complete, ok),
        Some(first) => (
            CoverageStatus::Partial,
            format!("{} not read; first: {first}", errors.len()),
        ),
    }
}

/// Percent-encodes a query value (page tokens, filters).
pub fn urlencode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    async fn run(breaker: &Breaker, calls: &AtomicU32, answer: &str) -> Result<(), CallError> {
        guarded(breaker, async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<(), _>(CallError::new(CoverageStatus::Failed, answer))
        })
        .await
    }

    #[tokio::test]
    async fn a_run_of_the_same_failure_stops_the_calls_and_not_found_does_not_count() {
        let breaker = breaker("iam:roles.get");
        let calls = AtomicU32::new(0);
        // Not-found answers are answers about their item: they never open the breaker.
        for _ in 0..30 {
            let _ = run(&breaker, &calls, "HTTP 404: no such role").await;
        }
        assert_eq!(calls.load(Ordering::SeqCst), 30);
        for _ in 0..25 {
            let _ = run(&breaker, &calls, "HTTP 500: backend error").await;
        }
        assert_eq!(
            calls.load(Ordering::SeqCst),
            30 + crate::breaker::DEFAULT_AFTER
        );
        let e = run(&breaker, &calls, "HTTP 500: backend error")
            .await
            .unwrap_err();
        assert_eq!(e.status, CoverageStatus::Failed);
        assert!(
            e.message
                .starts_with("not called: iam:roles.get failed the same way for 20"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("HTTP 500: backend error"),
            "{}",
            e.message
        );
        assert_eq!(breaker.skipped(), 6);
    }
}
