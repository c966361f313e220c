//! The object operations every Lead Database object type shares, over its [`ObjectSchema`]: describe, sync
//! (`action` createOnly / updateOnly / createOrUpdate, `dedupeBy` dedupeFields / idField), get by
//! `filterType`/`filterValues` (or an `input` of compound keys) with `fields` and paging, and delete
//! (`deleteBy`). Every record gets one result in input order, with `seq`:
//!
//! | reason | when |
//! |---|---|
//! | 1003 "Invalid data" | the record is not an object; it lacks its key (dedupe fields or id) [INF]; `idField` with `createOnly` |
//! | 1003 "Invalid value for field 'x'" | a value does not fit its field's type |
//! | 1006 "Field 'x' not found" | the record names a field the type does not have |
//! | 1013 "Record not found" | updateOnly or delete of a key no record has |
//! | 1017 "Object already exists" | createOnly of a key a record has |
//! | 1018 "CRM Enabled" | the type is owned by a native CRM sync (read only) |
//! | 1036 "Duplicate object found in input" | the same key twice in one call |
//!
//! plus what a type's own [`ObjectRules`](super::schema::ObjectRules) say (718, 1022, ...).
//!
//! ```
//! use marketo_emulator::engine::objects::{self, SyncRequest};
//! use marketo_emulator::engine::{DataType, FieldDef, IdKind, ObjectSchema};
//! use marketo_emulator::store::Store;
//! use chrono::{TimeZone, Utc};
//! let store = Store::open_in_memory().unwrap();
//! let schema = ObjectSchema::new("company", "Company", IdKind::Integer, &["externalCompanyId"])
//!     .with_field(FieldDef::new("externalCompanyId", "External Company Id", DataType::String))
//!     .with_field(FieldDef::new("company", "Company Name", DataType::String));
//! let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
//! let req = SyncRequest::new(vec![serde_json::json!({"externalCompanyId": "C1", "company": "Acme"})]);
//! let out = objects::sync(&store, &schema, &req, now).unwrap();
//! assert_eq!(serde_json::to_value(&out[0]).unwrap(), serde_json::json!({"seq": 0, "id": 1, "status": "created"}));
//! ```

mod delete;
mod describe;
pub mod fields;
mod key;
pub mod members;
mod read;
mod sync;

pub use delete::{delete, DeleteRequest};
pub use describe::{describe, field_entry, relationship, summary};
pub use read::{columns, get, page_of, page_size, GetQuery};
pub use sync::{sync, SyncRequest};

use marketo_types::envelope::ApiError;

/// `dedupeBy` / `deleteBy`: how a record names the record it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyBy {
    /// By the type's dedupe fields (the default).
    DedupeFields,
    /// By its id field (`id` or `marketoGUID`).
    IdField,
}

impl KeyBy {
    /// Parse the parameter (absent or blank: dedupeFields); another value is 1001.
    pub fn parse(value: Option<&str>, param: &str) -> Result<KeyBy, ApiError> {
        match value.map(str::trim) {
            None | Some("") | Some("dedupeFields") => Ok(KeyBy::DedupeFields),
            Some("idField") => Ok(KeyBy::IdField),
            Some(other) => Err(ApiError::catalogued(1001, &[other, param])),
        }
    }
}

/// The record of `kind` whose one dedupe field holds `value` (a link: an opportunity's sales person, a
/// lead's company, a role's opportunity).
pub fn find_by_dedupe_value(
    db: &crate::store::Db,
    kind: &str,
    value: &serde_json::Value,
) -> Result<Option<StoredObject>, crate::store::StoreError> {
    let key = serde_json::to_string(&[value])?;
    crate::store::objects::by_dedupe(db, kind, &key)
}

/// 1003 "Invalid data".
fn invalid_data() -> ApiError {
    ApiError::of_meaning(1003, "invalid-data", &[])
}

use crate::engine::schema::{IdKind, ObjectSchema};
use crate::store::objects::StoredObject;
use marketo_types::record::{RecordResult, RecordStatus};

/// A record's result: `seq`, its id (`id` or `marketoGUID`), the status.
fn done(
    seq: usize,
    schema: &ObjectSchema,
    stored: &StoredObject,
    status: RecordStatus,
) -> RecordResult {
    let mut r = RecordResult::with_id(stored.id, status);
    r.seq = Some(seq as u32);
    if schema.id == IdKind::Guid {
        r.id = None;
        r.marketo_guid = stored.guid.clone();
    }
    r
}

/// A skipped record: `seq` and one reason.
fn skipped(seq: usize, reason: ApiError) -> RecordResult {
    let mut r = RecordResult::skipped(None, reason);
    r.seq = Some(seq as u32);
    r
}

/// The call's input: not empty (701), at most the type's batch (1003 "Invalid data").
fn checked_input(schema: &ObjectSchema, input: &[serde_json::Value]) -> Result<(), ApiError> {
    if input.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if input.len() > schema.max_batch {
        return Err(invalid_data());
    }
    Ok(())
}
