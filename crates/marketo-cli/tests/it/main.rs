//! End-to-end tests of the `mkto` binary.

mod commands;
mod connect;
mod errors;
mod fidelity;
mod support;
mod sync;
