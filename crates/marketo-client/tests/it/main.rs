//! The client against the in-process emulator: one named test per catalogued code it handles.

mod activities;
mod assets;
mod auth;
mod bulk_custom_objects;
mod bulk_export;
mod bulk_import;
mod catalogue;
mod companies;
mod custom_object_types;
mod custom_objects;
mod fidelity;
mod lead_database;
mod limits;
mod lists;
mod logging;
mod named_accounts;
mod object_fields;
mod opportunities;
mod programs;
mod records;
mod requests;
mod sales_persons;
mod shaping;
mod shared_limiter;
mod support;
mod transient;
