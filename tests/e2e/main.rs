//! End-to-end tests of the `fnscope` binary: against moto (AWS), and on the bundled offline estate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod aws_live;
mod azure;
mod detect;
mod exports;
mod faults;
mod gcp_live;
mod harness;
mod inputs;
mod labs;
mod offline;
mod outputs;
mod recordings;
mod secrets;
mod tidy;
