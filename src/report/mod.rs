//! Renderers. Every format is produced from the same snapshot and evaluation.

pub mod csv;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;
pub mod ocsf;
pub mod sarif;
pub mod table;
