//! Microsoft 365 Power Automate: every cloud flow of every environment with its trigger, its steps at
//! every depth (through [`analyse`]), the connections it acts through and their owners, its owners, and
//! the tenant's DLP policies. The offline importer reads admin exports (`Get-AdminFlow | ConvertTo-Json`,
//! the admin REST objects, solution packages' `definition.json`).

pub mod analyse;
pub mod build;
pub mod cli;
pub mod exports;
#[cfg(feature = "azure")]
pub mod live;
pub mod offline;

pub use build::{EnvironmentData, add_environment};
