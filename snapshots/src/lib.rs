//! The fnscope inventory model and its on-disk format.
//!
//! A [`Snapshot`] holds everything one scan saw — workloads, identities, policies, bindings, triggers,
//! usage data — and, as importantly, what it could *not* see ([`Coverage`]). Rules read it; diffs compare
//! two of them. The format is versioned ([`SCHEMA_VERSION`]) and saved atomically.

pub mod audit;
pub mod diff;
mod io;
pub mod kinds;
pub mod merge;
mod model;

pub use io::{
    SnapshotError, from_slice, is_compressed, load, remove_unless_stopped, save, stall_point,
    stop_writing, to_vec, write_atomic, writing_stopped,
};
pub use model::*;
#[cfg(feature = "test-util")]
pub mod testkit;
