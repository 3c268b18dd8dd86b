//! fnscope evaluation: permission semantics per provider and the rule catalogue. Pure functions over a
//! [`Snapshot`]: no SDK, no network, no file I/O — which is what makes offline scans, diffs and golden
//! tests free.
//!
//! A rule returns findings **or** `not_evaluated` with the reason; never a silent pass when its input is
//! missing.

pub mod aws;
pub mod azure;
mod detect;
mod finding;
pub mod gcp;
pub mod hosts;
mod public;
mod registry;
mod rules;

pub use finding::{
    BuildError, Evidence, Finding, FindingBuilder, Mitre, ResourceRef, Severity, Suppressed,
    fingerprint,
};
pub use registry::{
    Context, Evaluation, NotEvaluated, Outcome, Rule, RuleKind, RuleMeta, Settings, catalogue,
    evaluate,
};

pub use fnscope_snapshot::{Provider, Snapshot};
