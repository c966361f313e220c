//! Lead rows: insert, update, delete, fetch by id, look up by a key column, filter with paging.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{Map, Value};

/// A stored lead: system columns plus every other field value in `data`.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredLead {
    /// The lead id.
    pub id: i64,
    /// The lead partition.
    pub partition: String,
    /// `createdAt`, already formatted (`2015-08-24T20:17:23Z`).
    pub created_at: String,
    /// `updatedAt`, already formatted.
    pub updated_at: String,
    /// The other field values, by REST name.
    pub data: Map<String, Value>,
}

/// What a lookup or filter compares its values with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyColumn {
    /// The lead id; values are integers.
    Id,
    /// The email, compared case-insensitively; values are lower-cased strings.
    Email,
    /// Any value of the comma-separated `cookies` field equals one of the values.
    Cookies,
    /// The JSON value of a custom field, compared exactly.
    Field(String),
}

impl KeyColumn {
    /// The SQL condition, with `?1` the JSON array of values.
    fn condition(&self) -> String {
        match self {
            KeyColumn::Id => "id IN (SELECT value FROM json_each(?1))".to_string(),
            KeyColumn::Email => "email_key IN (SELECT value FROM json_each(?1))".to_string(),
            KeyColumn::Cookies => "EXISTS (SELECT 1 FROM json_each(?1) v WHERE \
                 instr(',' || ifnull(json_extract(data, '$.cookies'), '') || ',', ',' || v.value || ',') > 0)"
                .to_string(),
            KeyColumn::Field(name) => {
                format!("{} IN (SELECT value FROM json_each(?1))", field_expr(name))
            }
        }
    }
}

/// The SQL expression of a field's stored value; the same text in queries and in [`ensure_field_index`], so
/// SQLite uses the index. Quotes are dropped from the name (field names come from the config file).
fn field_expr(name: &str) -> String {
    let clean: String = name.chars().filter(|c| *c != '"' && *c != '\'').collect();
    format!("json_extract(data, '$.\"{clean}\"')")
}

/// An index on a searchable custom field, so lookups and filters on it do not scan every lead.
pub fn ensure_field_index(db: &Connection, name: &str) -> Result<(), StoreError> {
    let suffix: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let digest = name
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    db.execute_batch(&format!(
        "CREATE INDEX IF NOT EXISTS leads_field_{suffix}_{digest:x} ON leads({})",
        field_expr(name)
    ))?;
    Ok(())
}

const COLUMNS: &str = "id, partition, created_at, updated_at, data";

fn from_row(row: &Row<'_>) -> rusqlite::Result<(i64, String, String, String, String)> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    ))
}

fn decode(raw: (i64, String, String, String, String)) -> Result<StoredLead, StoreError> {
    let (id, partition, created_at, updated_at, data) = raw;
    Ok(StoredLead {
        id,
        partition,
        created_at,
        updated_at,
        data: serde_json::from_str(&data)?,
    })
}

fn email_key(data: &Map<String, Value>) -> Option<String> {
    data.get("email")
        .and_then(Value::as_str)
        .filter(|e| !e.is_empty())
        .map(str::to_ascii_lowercase)
}

/// The lead with `id`.
pub fn get(db: &Connection, id: i64) -> Result<Option<StoredLead>, StoreError> {
    let mut stmt = db.prepare_cached(&format!("SELECT {COLUMNS} FROM leads WHERE id = ?1"))?;
    let raw = stmt.query_row([id], from_row).optional()?;
    raw.map(decode).transpose()
}

/// Whether a lead with `id` exists.
pub fn exists(db: &Connection, id: i64) -> Result<bool, StoreError> {
    let mut stmt = db.prepare_cached("SELECT 1 FROM leads WHERE id = ?1")?;
    Ok(stmt.exists([id])?)
}

/// Insert a lead; `id` `None` takes the next id. Returns the id.
pub fn insert(
    db: &Connection,
    id: Option<i64>,
    partition: &str,
    now: &str,
    data: &Map<String, Value>,
) -> Result<i64, StoreError> {
    let json = serde_json::to_string(data)?;
    let mut stmt = db.prepare_cached(
        "INSERT INTO leads (id, email_key, partition, created_at, updated_at, data) \
         VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
    )?;
    stmt.execute(params![id, email_key(data), partition, now, json])?;
    Ok(db.last_insert_rowid())
}

/// Replace a lead's data and set its `updatedAt` (and, when given, its `createdAt`).
pub fn update(
    db: &Connection,
    id: i64,
    now: &str,
    data: &Map<String, Value>,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(data)?;
    let mut stmt = db.prepare_cached(
        "UPDATE leads SET email_key = ?2, updated_at = ?3, data = ?4 WHERE id = ?1",
    )?;
    stmt.execute(params![id, email_key(data), now, json])?;
    Ok(())
}

/// Set both timestamps (seeding).
pub fn set_times(db: &Connection, id: i64, created: &str, updated: &str) -> Result<(), StoreError> {
    let mut stmt =
        db.prepare_cached("UPDATE leads SET created_at = ?2, updated_at = ?3 WHERE id = ?1")?;
    stmt.execute(params![id, created, updated])?;
    Ok(())
}

/// Move a lead to another partition and touch its `updatedAt`.
pub fn set_partition(
    db: &Connection,
    id: i64,
    partition: &str,
    updated: &str,
) -> Result<(), StoreError> {
    let mut stmt =
        db.prepare_cached("UPDATE leads SET partition = ?2, updated_at = ?3 WHERE id = ?1")?;
    stmt.execute(params![id, partition, updated])?;
    Ok(())
}

/// Delete the lead; false when there was none.
pub fn delete(db: &Connection, id: i64) -> Result<bool, StoreError> {
    let mut stmt = db.prepare_cached("DELETE FROM leads WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

/// Up to `limit` leads whose `key` equals one of `values`, with ids above `after`, by id.
pub fn filter(
    db: &Connection,
    key: &KeyColumn,
    values: &[Value],
    after: i64,
    limit: usize,
) -> Result<Vec<StoredLead>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM leads WHERE {} AND id > ?2 ORDER BY id LIMIT ?3",
        key.condition()
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let array = Value::Array(values.to_vec()).to_string();
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![array, after, limit], from_row)?;
    rows.map(|r| decode(r?)).collect()
}

/// Which timestamp a range read compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// `createdAt`.
    Created,
    /// `updatedAt`.
    Updated,
}

/// Up to `limit` leads whose `createdAt` (or `updatedAt`) is in `[start, end)`, with ids above `after`, by id
/// (formatted times compare as text).
pub fn in_range(
    db: &Connection,
    stamp: Stamp,
    (start, end): (&str, &str),
    after: i64,
    limit: usize,
) -> Result<Vec<StoredLead>, StoreError> {
    let column = match stamp {
        Stamp::Created => "created_at",
        Stamp::Updated => "updated_at",
    };
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM leads WHERE id > ?1 AND {column} >= ?2 AND {column} < ?3 ORDER BY id LIMIT ?4"
    ))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![after, start, end, limit], from_row)?;
    rows.map(|r| decode(r?)).collect()
}

/// How many leads match, counting no further than `cap`.
pub fn count_matches(
    db: &Connection,
    key: &KeyColumn,
    values: &[Value],
    cap: usize,
) -> Result<usize, StoreError> {
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM leads WHERE {} LIMIT ?2)",
        key.condition()
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let array = Value::Array(values.to_vec()).to_string();
    let cap = i64::try_from(cap).unwrap_or(i64::MAX);
    let n: i64 = stmt.query_row(params![array, cap], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// How many leads there are.
pub fn count(db: &Connection) -> Result<u64, StoreError> {
    let mut stmt = db.prepare_cached("SELECT count(*) FROM leads")?;
    let n: i64 = stmt.query_row([], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_field_lookups_use_their_index() {
        let store = crate::store::Store::open_in_memory().unwrap();
        store
            .with(|db| {
                ensure_field_index(db, "crmKey")?;
                ensure_field_index(db, "crmKey")?;
                let sql = format!(
                    "EXPLAIN QUERY PLAN SELECT id FROM leads WHERE {}",
                    KeyColumn::Field("crmKey".into()).condition()
                );
                let plan: Vec<String> = db
                    .prepare(&sql)?
                    .query_map(["[]"], |r| r.get::<_, String>(3))?
                    .collect::<Result<_, _>>()?;
                assert!(
                    plan.iter().any(|p| p.contains("leads_field_crmKey")),
                    "{plan:?}"
                );
                Ok(())
            })
            .unwrap();
    }
}
