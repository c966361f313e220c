//! The generic object engine: what every Lead Database object type shares. Fields and their data types,
//! value checks, paging tokens, and the object operations (describe, sync by `action` and `dedupeBy`, get by
//! `filterType`, delete by `deleteBy`, each answering the catalogue's record reasons in input order) over one
//! [`ObjectSchema`] descriptor. Leads use the fields, values and paging; companies, opportunities, sales
//! persons, named accounts and custom objects are descriptors on [`objects`].

pub mod custom;
pub mod field;
pub mod objects;
pub mod paging;
pub mod registry;
pub mod schema;
pub mod value;

use chrono::{DateTime, Utc};

pub use field::{DataType, FieldDef};
pub use schema::{Action, IdKind, ObjectRules, ObjectSchema, Relationship, Verdict, Write};

/// The Lead Database's timestamp format: `2015-08-24T20:17:23Z`.
pub fn format_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
