//! AWS IAM semantics.

pub mod action;
pub mod candidates;
