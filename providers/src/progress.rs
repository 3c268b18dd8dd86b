//! A minimal progress sink so collectors can report what they are doing without knowing about terminals.

/// Receives progress from collectors. Implementations must be cheap and thread-safe.
pub trait Progress: Send + Sync {
    /// A new phase starts (e.g. `aws us-east-1: lambda functions`), with an expected count if known.
    fn phase(&self, _name: &str, _total: Option<u64>) {}
    /// `n` more units of the current work are done.
    fn advance(&self, _n: u64) {}
}

/// Progress that goes nowhere.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoProgress;

impl Progress for NoProgress {}
