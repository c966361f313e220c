//! The client against the in-process emulator: one named test per catalogued code it handles.

mod activities;
mod assets;
mod assets_snippets;
mod auth;
mod bulk_export;
mod bulk_import;
mod catalogue;
mod companies;
mod fidelity;
mod lead_database;
mod limits;
mod lists;
mod logging;
mod records;
mod requests;
mod shaping;
mod shared_limiter;
mod support;
mod transient;
