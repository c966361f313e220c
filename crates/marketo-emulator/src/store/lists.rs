//! Static lists and their memberships.

use super::leads::StoredLead;
use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

/// Whether list `id` exists.
pub fn exists(db: &Connection, id: i64) -> Result<bool, StoreError> {
    let mut stmt = db.prepare_cached("SELECT 1 FROM lists WHERE id = ?1")?;
    Ok(stmt.exists([id])?)
}

/// The name of list `id`.
pub fn name(db: &Connection, id: i64) -> Result<Option<String>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT name FROM lists WHERE id = ?1")?;
    Ok(stmt.query_row([id], |r| r.get(0)).optional()?)
}

/// The id of the list named `name` (the lowest, should several share it).
pub fn id_by_name(db: &Connection, name: &str) -> Result<Option<i64>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT id FROM lists WHERE name = ?1 ORDER BY id LIMIT 1")?;
    Ok(stmt.query_row([name], |r| r.get(0)).optional()?)
}

/// Create list `id`, or rename it.
pub fn upsert(db: &Connection, id: i64, name: &str) -> Result<(), StoreError> {
    let mut stmt = db.prepare_cached(
        "INSERT INTO lists (id, name) VALUES (?1, ?2) ON CONFLICT(id) DO UPDATE SET name = excluded.name",
    )?;
    stmt.execute(params![id, name])?;
    Ok(())
}

/// Make `lead` a member of `list` (no-op when it is one).
pub fn add(db: &Connection, list: i64, lead: i64) -> Result<(), StoreError> {
    let mut stmt =
        db.prepare_cached("INSERT OR IGNORE INTO list_members (list_id, lead_id) VALUES (?1, ?2)")?;
    stmt.execute([list, lead])?;
    Ok(())
}

/// Remove `lead` from `list`; false when it was not a member.
pub fn remove(db: &Connection, list: i64, lead: i64) -> Result<bool, StoreError> {
    let mut stmt =
        db.prepare_cached("DELETE FROM list_members WHERE list_id = ?1 AND lead_id = ?2")?;
    Ok(stmt.execute([list, lead])? > 0)
}

/// Whether `lead` is a member of `list`.
pub fn is_member(db: &Connection, list: i64, lead: i64) -> Result<bool, StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT 1 FROM list_members WHERE list_id = ?1 AND lead_id = ?2")?;
    Ok(stmt.exists([list, lead])?)
}

/// Up to `limit` members of `list` with ids above `after`, by id.
pub fn members(
    db: &Connection,
    list: i64,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredLead>, StoreError> {
    let mut stmt = db.prepare_cached(
        "SELECT l.id, l.partition, l.created_at, l.updated_at, l.data FROM list_members m \
         JOIN leads l ON l.id = m.lead_id WHERE m.list_id = ?1 AND m.lead_id > ?2 \
         ORDER BY m.lead_id LIMIT ?3",
    )?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(params![list, after, limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    rows.map(|r| {
        let (id, partition, created_at, updated_at, data) = r?;
        let data = match serde_json::from_str::<Value>(&data)? {
            Value::Object(m) => m,
            _ => Default::default(),
        };
        Ok(StoredLead {
            id,
            partition,
            created_at,
            updated_at,
            data,
        })
    })
    .collect()
}
