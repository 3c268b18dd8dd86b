//! A circuit breaker for one API on one target (account, region, project, subscription): once its
//! per-item calls have failed the same way a run of times in a row, every retry spent on each, the
//! remaining items are not called. They fail at once with the error that opened the breaker, so the
//! API's coverage record says what happened and the scan does not spend minutes on hundreds of calls
//! that would fail the same way (an endpoint answering every call with HTTP 500, a permission missing
//! for every item).

use std::sync::Mutex;

/// Failures in a row, the same way, that open a breaker.
pub const DEFAULT_AFTER: u32 = 20;

/// One API on one target. `E` is the collector's call error.
#[derive(Debug)]
pub struct Breaker<E> {
    api: String,
    after: u32,
    state: Mutex<State<E>>,
}

#[derive(Debug)]
struct State<E> {
    /// How the last failures failed (a status and code), and how many in a row.
    way: Option<String>,
    run: u32,
    /// The error that opened the breaker.
    open: Option<E>,
    /// Items not called since.
    skipped: u64,
}

impl<E: Clone> Breaker<E> {
    /// A breaker for `api` that opens after `after` failures in a row (at least 1).
    pub fn new(api: impl Into<String>, after: u32) -> Breaker<E> {
        Breaker {
            api: api.into(),
            after: after.max(1),
            state: Mutex::new(State {
                way: None,
                run: 0,
                open: None,
                skipped: 0,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State<E>> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// `Some(error)` when the breaker is open: do not call, fail the item with this error (counted as
    /// skipped).
    pub fn refuse(&self) -> Option<E> {
        let mut s = self.state();
        let e = s.open.clone()?;
        s.skipped += 1;
        Some(e)
    }

    /// A call answered (or answered "not found", which is an answer).
    pub fn success(&self) {
        let mut s = self.state();
        s.way = None;
        s.run = 0;
    }

    /// A call failed, every retry spent. `way` tells failures apart (a status and an error code);
    /// `open` makes the error the remaining items get from the one that opened the breaker, given
    /// how many failed in a row.
    pub fn failure(&self, way: &str, error: &E, open: impl FnOnce(&E, &str, u32) -> E) {
        let mut s = self.state();
        if s.open.is_some() {
            return;
        }
        if s.way.as_deref() == Some(way) {
            s.run += 1;
        } else {
            s.way = Some(way.to_string());
            s.run = 1;
        }
        if s.run >= self.after {
            tracing::warn!(
                api = %self.api,
                "{} calls in a row failed the same way; the remaining items are not called",
                s.run
            );
            s.open = Some(open(error, &self.api, s.run));
        }
    }

    /// Items not called because the breaker was open.
    pub fn skipped(&self) -> u64 {
        self.state().skipped
    }
}

/// The message the remaining items get: what opened the breaker and why they were not called.
pub fn open_message(api: &str, run: u32, message: &str) -> String {
    format!(
        "not called: {api} failed the same way for {run} items in a row, every retry spent ({message})"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::ptr_arg)] // the breaker's error type here is `String`
    fn open(e: &String, api: &str, run: u32) -> String {
        open_message(api, run, e)
    }

    #[test]
    fn opens_after_a_run_of_the_same_failure_only() {
        let b: Breaker<String> = Breaker::new("lambda:GetPolicy", 3);
        let e = "HTTP 500".to_string();
        b.failure("failed/500", &e, open);
        b.failure("failed/500", &e, open);
        assert!(b.refuse().is_none(), "two are not a run of three");
        // A success or another kind of failure starts the count again.
        b.success();
        b.failure("failed/500", &e, open);
        b.failure("denied/AccessDenied", &e, open);
        b.failure("failed/500", &e, open);
        b.failure("failed/500", &e, open);
        assert!(b.refuse().is_none());
        b.failure("failed/500", &e, open);
        let refused = b.refuse().unwrap();
        assert!(refused.contains("3 items in a row"), "{refused}");
        assert!(refused.contains("HTTP 500"), "{refused}");
        // Open stays open; a late success from a call in flight does not close it.
        b.success();
        assert!(b.refuse().is_some());
        assert_eq!(b.skipped(), 2);
    }
}
