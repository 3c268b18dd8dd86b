//! AWS IAM semantics: policy parsing, condition and pattern evaluation, AWS's evaluation logic, and the
//! indexed view of a snapshot the rules read.

pub mod action;
pub mod candidates;
pub mod condition;
pub mod eval;
pub mod paths;
pub mod pattern;
pub mod policy;
mod view;

pub use view::{Function, Principal, Priv, PrivFacts, View, arn_account, credential_actions};
