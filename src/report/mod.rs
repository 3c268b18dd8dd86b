//! Renderers. Every format is produced from the same snapshot and evaluation.

pub mod json;
pub mod table;
