//! Google Workspace Apps Script: every script project the scan can see with its OAuth scopes, web-app
//! exposure, triggers and what its code does (through [`analyse`]). Offline: projects as `clasp pull`
//! leaves them, plus the users' OAuth grants.

pub mod analyse;
pub mod build;
pub mod cli;
#[cfg(feature = "gcp")]
pub mod live;
pub mod offline;

pub use build::{DomainData, add_domain};
