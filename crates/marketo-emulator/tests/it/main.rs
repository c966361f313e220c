//! Integration tests of the emulator: over loopback HTTP, or through the router without a socket. The
//! emulator's clock is a manual one; nothing sleeps for real.

mod activities;
mod admin;
mod admin_calls;
mod admin_data;
mod admin_reset;
mod assets_folders;
mod assets_support;
mod bulk_extract;
mod bulk_import;
mod bulk_jobs;
mod catalogue;
mod companies;
mod company_links;
mod custom_activities;
mod custom_object_types;
mod custom_objects;
mod endpoints;
mod faults;
mod identity;
mod lead_actions;
mod lead_fields;
mod leads;
mod lists;
mod merge;
mod named_accounts;
mod opportunities;
mod pipeline;
mod quota_day;
mod robustness;
mod sales_persons;
mod support;
mod window;
mod wire;
