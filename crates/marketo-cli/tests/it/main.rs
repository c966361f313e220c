//! End-to-end tests of the `mkto` binary.

mod assets;
mod bulk;
mod clients;
mod commands;
mod connect;
mod conventions;
mod deletes;
mod errors;
mod fidelity;
mod interrupt;
mod lead_database;
mod limiter;
mod members;
mod object_runs;
mod object_schema;
mod objects;
mod onboarding;
mod serve;
mod support;
mod sync;
