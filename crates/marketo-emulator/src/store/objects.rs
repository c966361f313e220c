//! Records of the generic Lead Database object types (companies, opportunities, sales persons, named accounts,
//! custom objects...): one table for every type, keyed by `(kind, id)`; the record's GUID and its canonical
//! dedupe key in indexed columns, every field value in the JSON `data`.

use super::{Db, StoreError};
use rusqlite::{params, OptionalExtension, Row};
use serde_json::{Map, Value};

/// One stored record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredObject {
    /// The integer id (the `id` field of integer-keyed types; internal for GUID-keyed ones).
    pub id: i64,
    /// The `marketoGUID` of GUID-keyed types.
    pub guid: Option<String>,
    /// `createdAt`, formatted.
    pub created_at: String,
    /// `updatedAt`, formatted.
    pub updated_at: String,
    /// The field values, by API name.
    pub data: Map<String, Value>,
}

const COLUMNS: &str = "id, guid, created_at, updated_at, data";

fn from_row(row: &Row<'_>) -> rusqlite::Result<(i64, Option<String>, String, String, String)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn decode(
    (id, guid, created_at, updated_at, data): (i64, Option<String>, String, String, String),
) -> Result<StoredObject, StoreError> {
    let data = match serde_json::from_str(&data)? {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    Ok(StoredObject {
        id,
        guid,
        created_at,
        updated_at,
        data,
    })
}

/// The next free id of `kind`.
fn next_id(db: &Db, kind: &str) -> Result<i64, StoreError> {
    let max: Option<i64> = db
        .prepare_cached("SELECT max(id) FROM objects WHERE kind = ?1")?
        .query_row(params![kind], |r| r.get(0))?;
    Ok(max.unwrap_or(0) + 1)
}

/// Insert a record; returns its id.
pub fn insert(
    db: &Db,
    kind: &str,
    guid: Option<&str>,
    dedupe: Option<&str>,
    at: &str,
    data: &Map<String, Value>,
) -> Result<i64, StoreError> {
    let id = next_id(db, kind)?;
    db.prepare_cached(
        "INSERT INTO objects (kind, id, guid, dedupe, created_at, updated_at, data) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
    )?
    .execute(params![
        kind,
        id,
        guid,
        dedupe,
        at,
        serde_json::to_string(data)?
    ])?;
    Ok(id)
}

/// Replace a record's data (and its dedupe key) and touch `updatedAt`.
pub fn update(
    db: &Db,
    kind: &str,
    id: i64,
    dedupe: Option<&str>,
    at: &str,
    data: &Map<String, Value>,
) -> Result<(), StoreError> {
    db.prepare_cached(
        "UPDATE objects SET dedupe = ?3, updated_at = ?4, data = ?5 WHERE kind = ?1 AND id = ?2",
    )?
    .execute(params![kind, id, dedupe, at, serde_json::to_string(data)?])?;
    Ok(())
}

/// Delete a record; false when there was none.
pub fn delete(db: &Db, kind: &str, id: i64) -> Result<bool, StoreError> {
    let n = db
        .prepare_cached("DELETE FROM objects WHERE kind = ?1 AND id = ?2")?
        .execute(params![kind, id])?;
    Ok(n > 0)
}

/// Delete every record of `kind` (its type is deleted).
pub fn delete_kind(db: &Db, kind: &str) -> Result<u64, StoreError> {
    let n = db
        .prepare_cached("DELETE FROM objects WHERE kind = ?1")?
        .execute(params![kind])?;
    Ok(n as u64)
}

/// Up to `limit` records of `kind` updated in `[start, end)`, with ids above `after`, by id (formatted times
/// compare as text).
pub fn updated_in(
    db: &Db,
    kind: &str,
    (start, end): (&str, &str),
    after: i64,
    limit: usize,
) -> Result<Vec<StoredObject>, StoreError> {
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM objects WHERE kind = ?1 AND id > ?2 AND updated_at >= ?3 AND updated_at < ?4 \
         ORDER BY id LIMIT ?5"
    ))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![kind, after, start, end, limit], from_row)?;
    rows.map(|r| decode(r?)).collect()
}

/// The record with this canonical dedupe key.
pub fn by_dedupe(db: &Db, kind: &str, key: &str) -> Result<Option<StoredObject>, StoreError> {
    let row = db
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM objects WHERE kind = ?1 AND dedupe = ?2"
        ))?
        .query_row(params![kind, key], from_row)
        .optional()?;
    row.map(decode).transpose()
}

/// The record with this id.
pub fn by_id(db: &Db, kind: &str, id: i64) -> Result<Option<StoredObject>, StoreError> {
    let row = db
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM objects WHERE kind = ?1 AND id = ?2"
        ))?
        .query_row(params![kind, id], from_row)
        .optional()?;
    row.map(decode).transpose()
}

/// The record with this GUID.
pub fn by_guid(db: &Db, kind: &str, guid: &str) -> Result<Option<StoredObject>, StoreError> {
    let row = db
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM objects WHERE kind = ?1 AND guid = ?2"
        ))?
        .query_row(params![kind, guid], from_row)
        .optional()?;
    row.map(decode).transpose()
}

/// Which column or field a filter compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOn<'a> {
    /// The integer id; values are integers.
    Id,
    /// The GUID; values are strings.
    Guid,
    /// A field's stored JSON value, compared exactly.
    Field(&'a str),
}

/// Records of `kind` whose `on` is one of `values` (a JSON array), with id above `after`, by id, at most `limit`.
pub fn filter(
    db: &Db,
    kind: &str,
    on: FilterOn<'_>,
    values: &Value,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredObject>, StoreError> {
    let condition = match on {
        FilterOn::Id => "id IN (SELECT value FROM json_each(?2))".to_owned(),
        FilterOn::Guid => "guid IN (SELECT value FROM json_each(?2))".to_owned(),
        FilterOn::Field(name) => {
            let clean: String = name.chars().filter(|c| *c != '"' && *c != '\'').collect();
            format!("json_extract(data, '$.\"{clean}\"') IN (SELECT value FROM json_each(?2))")
        }
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM objects WHERE kind = ?1 AND {condition} AND id > ?3 ORDER BY id LIMIT ?4"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![kind, values.to_string(), after, limit as i64],
        from_row,
    )?;
    rows.map(|r| decode(r?)).collect()
}

/// How many records of `kind` whose field `name` holds `value` (links: leads of a company, opportunities of
/// a sales person).
pub fn count_with(db: &Db, kind: &str, name: &str, value: &Value) -> Result<u64, StoreError> {
    let clean: String = name.chars().filter(|c| *c != '"' && *c != '\'').collect();
    let n: i64 = db
        .prepare_cached(&format!(
            "SELECT count(*) FROM objects WHERE kind = ?1 AND json_extract(data, '$.\"{clean}\"') = json_extract(?2, '$')"
        ))?
        .query_row(params![kind, value.to_string()], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use serde_json::json;

    #[test]
    fn records_by_update_time_and_a_whole_kind_deleted() {
        let store = Store::open_in_memory().unwrap();
        store
            .with(|db| {
                let data = json!({"x": 1}).as_object().cloned().unwrap();
                for at in [
                    "2026-01-01T00:00:00Z",
                    "2026-01-02T00:00:00Z",
                    "2026-01-03T00:00:00Z",
                ] {
                    insert(db, "k", None, None, at, &data)?;
                }
                insert(db, "other", None, None, "2026-01-02T00:00:00Z", &data)?;
                let range = ("2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z");
                let got = updated_in(db, "k", range, 0, 10)?;
                assert_eq!(got.iter().map(|o| o.id).collect::<Vec<_>>(), [2]);
                assert_eq!(count_with(db, "k", "x", &json!(1))?, 3);
                assert_eq!(delete_kind(db, "k")?, 3);
                assert!(by_id(db, "other", 1)?.is_some());
                Ok(())
            })
            .unwrap();
    }
}
