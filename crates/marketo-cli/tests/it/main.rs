//! End-to-end tests of the `mkto` binary.

mod errors;
mod fidelity;
mod support;
mod sync;
