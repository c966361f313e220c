#![doc = include_str!("../README.md")]

pub mod activity;
pub mod asset;
pub mod bulk;
pub mod clock;
pub mod codes;
pub mod custom_objects;
pub mod envelope;
pub mod lead_database;
pub mod limits;
pub mod quota_day;
pub mod record;
pub mod request_id;
pub mod stats;

#[cfg(test)]
mod wire_tests;
