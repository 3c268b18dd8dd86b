//! Google Cloud: Cloud Functions (1st and 2nd gen) with their runtime service accounts and invoker
//! policies, the IAM policies of the project and its ancestors, service accounts and who may act as
//! them, role definitions, and IAM policy insights. This session ships the offline importer (gcloud's
//! JSON exports); the live collector shares [`build`].

pub mod build;
pub mod cli;
#[cfg(feature = "gcp")]
pub mod live;
pub mod offline;
pub mod wire;

pub use build::{ProjectData, add_project};
#[cfg(feature = "gcp")]
pub use live::{Endpoints, LiveOptions, READ_ONLY_PERMISSIONS, Session, SinkBucket};
