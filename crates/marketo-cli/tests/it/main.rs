//! End-to-end tests of the `mkto` binary.

mod bulk;
mod commands;
mod connect;
mod errors;
mod fidelity;
mod limiter;
mod support;
mod sync;
