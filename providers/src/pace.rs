//! Adaptive concurrency for a fan-out against a rate-limited API: one [`Gate`] per API and scope
//! the provider throttles by (AWS: service and region; Google's Directory API: the admin). It starts
//! at the configured concurrency; every throttling answer halves the calls allowed in flight (once
//! per burst), every other answer adds back a little (additive increase, multiplicative decrease, as
//! TCP does). A scan that hits an API's rate limit settles just under it instead of spending its
//! retries on throttled calls.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// Places added per window's worth of answers.
const GROWTH: f64 = 0.1;

/// Throttling answers closer together than this are one burst: one cut.
const BURST: Duration = Duration::from_millis(250);

#[derive(Debug)]
struct State {
    window: f64,
    inflight: usize,
    last_cut: Option<Instant>,
    cuts: usize,
}

/// Calls allowed in flight to one API.
#[derive(Debug)]
pub struct Gate {
    state: Mutex<State>,
    notify: Notify,
    max: f64,
}

/// A place in the gate; given back when dropped.
pub struct Permit<'g> {
    gate: &'g Gate,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut s = self.gate.lock();
        s.inflight = s.inflight.saturating_sub(1);
        drop(s);
        self.gate.notify.notify_waiters();
    }
}

impl Gate {
    pub fn new(max: usize) -> Arc<Gate> {
        let max = max.max(1) as f64;
        Arc::new(Gate {
            state: Mutex::new(State {
                window: max,
                inflight: 0,
                last_cut: None,
                cuts: 0,
            }),
            notify: Notify::new(),
            max,
        })
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        match self.state.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Waits for a place.
    pub async fn enter(&self) -> Permit<'_> {
        loop {
            // Created before the check: a wakeup between the check and the await is not lost.
            let notified = self.notify.notified();
            {
                let mut s = self.lock();
                if (s.inflight as f64) < s.window.floor().max(1.0) {
                    s.inflight += 1;
                    return Permit { gate: self };
                }
            }
            notified.await;
        }
    }

    /// A throttling answer: halve the window, once per burst.
    pub fn throttled(&self) {
        let mut s = self.lock();
        let now = Instant::now();
        if s.last_cut.is_some_and(|t| now.duration_since(t) < BURST) {
            return;
        }
        s.window = (s.window / 2.0).max(1.0);
        s.last_cut = Some(now);
        s.cuts += 1;
    }

    /// Any other answer: widen by one place per ten windows' worth of answers (a throttled call costs a
    /// retry; probing the limit slowly costs fewer of them).
    pub fn answered(&self) {
        let mut s = self.lock();
        let before = s.window.floor();
        s.window = (s.window + GROWTH / s.window).min(self.max);
        let grew = s.window.floor() > before;
        drop(s);
        if grew {
            self.notify.notify_waiters();
        }
    }

    #[cfg(test)]
    fn window(&self) -> f64 {
        self.lock().window
    }

    #[cfg(test)]
    fn cuts(&self) -> usize {
        self.lock().cuts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_halves_once_and_answers_widen_again() {
        let g = Gate::new(16);
        assert_eq!(g.window(), 16.0);
        g.throttled();
        g.throttled();
        g.throttled();
        assert_eq!(g.window(), 8.0, "one burst, one cut");
        assert_eq!(g.cuts(), 1);
        for _ in 0..80 {
            g.answered();
        }
        assert!(g.window() > 8.9 && g.window() < 9.1, "{}", g.window());
        // Never above the configured concurrency, never below one.
        for _ in 0..10_000 {
            g.answered();
        }
        assert_eq!(g.window(), 16.0);
        let g = Gate::new(1);
        g.throttled();
        assert_eq!(g.window(), 1.0);
    }

    #[tokio::test]
    async fn the_window_bounds_calls_in_flight() {
        let g = Gate::new(4);
        g.throttled(); // 2 places
        let a = g.enter().await;
        let _b = g.enter().await;
        let third = tokio::time::timeout(Duration::from_millis(50), g.enter()).await;
        assert!(third.is_err(), "a third call waits while two are in flight");
        drop(a);
        let third = tokio::time::timeout(Duration::from_millis(500), g.enter()).await;
        assert!(third.is_ok(), "a place given back lets the next call in");
    }
}
