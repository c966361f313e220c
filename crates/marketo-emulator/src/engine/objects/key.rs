//! Which stored record an input record is about: by its dedupe fields (one canonical key, so compound keys
//! look up in one index probe) or by its id field.

use super::{invalid_data, KeyBy};
use crate::engine::schema::{IdKind, ObjectSchema};
use crate::engine::value;
use crate::store::objects::{self as rows, StoredObject};
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// A record's key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    /// The canonical dedupe key: the JSON array of the dedupe fields' values.
    Dedupe(String),
    /// An integer id.
    Id(i64),
    /// A GUID.
    Guid(String),
}

/// The canonical dedupe key of field values, `None` when one is missing or null.
pub(super) fn dedupe_key(schema: &ObjectSchema, data: &Map<String, Value>) -> Option<String> {
    let mut values = Vec::with_capacity(schema.dedupe_fields.len());
    for name in &schema.dedupe_fields {
        let raw = data.get(name).filter(|v| !v.is_null())?;
        let normal = match schema.field(name) {
            Some(f) => value::normalise(f, raw, false).unwrap_or_else(|()| raw.clone()),
            None => raw.clone(),
        };
        if normal.is_null() || normal.as_str() == Some("") {
            return None;
        }
        values.push(normal);
    }
    serde_json::to_string(&values).ok()
}

/// An id value: an integer (or a string of one) for integer-keyed types, a non-empty string for GUIDs.
pub(super) fn id_key(schema: &ObjectSchema, raw: &Value) -> Option<Key> {
    match schema.id {
        IdKind::Integer => match raw {
            Value::Number(n) => n.as_i64().map(Key::Id),
            Value::String(s) => s.trim().parse().ok().map(Key::Id),
            _ => None,
        },
        IdKind::Guid => raw
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Key::Guid(s.to_owned())),
    }
}

/// The key `record` names its record by; a record without one is skipped with 1003 "Invalid data" [INF].
pub(super) fn of(
    schema: &ObjectSchema,
    by: KeyBy,
    record: &Map<String, Value>,
) -> Result<Key, ApiError> {
    let key = match by {
        KeyBy::DedupeFields => dedupe_key(schema, record).map(Key::Dedupe),
        KeyBy::IdField => record
            .get(schema.id_field())
            .and_then(|v| id_key(schema, v)),
    };
    key.ok_or_else(invalid_data)
}

/// The stored record with this key.
pub(super) fn find(
    db: &Db,
    schema: &ObjectSchema,
    key: &Key,
) -> Result<Option<StoredObject>, StoreError> {
    match key {
        Key::Dedupe(k) => rows::by_dedupe(db, &schema.kind, k),
        Key::Id(id) => rows::by_id(db, &schema.kind, *id),
        Key::Guid(g) => rows::by_guid(db, &schema.kind, g),
    }
}
