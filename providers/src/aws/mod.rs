//! AWS: Lambda functions with their execution roles, resource policies, URLs and triggers (EventBridge
//! rules, event source mappings); IAM roles, users, groups and policies; SCPs; IAM last-accessed data.
//!
//! [`live`] reads the APIs, [`offline`] reads the AWS CLI's JSON exports; both fill [`build::AccountData`]
//! and [`build::add_account`] turns it into snapshot records.

pub mod build;
pub mod cli;
#[cfg(feature = "aws")]
mod errors;
#[cfg(feature = "aws")]
pub mod live;
pub mod offline;
#[cfg(feature = "aws")]
pub mod pace;
pub mod wire;

pub use build::{AccountData, add_account};
#[cfg(feature = "aws")]
pub use live::{LiveOptions, READ_ONLY_ACTIONS, Session, TRAIL_ACTIONS, TrailFiles};
