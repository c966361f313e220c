//! A string key-value table: the HTTP side keeps quota counters and usage history here.

use super::StoreError;
use rusqlite::{Connection, OptionalExtension};

/// The value under `key`.
pub fn get(db: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT value FROM kv WHERE key = ?1")?;
    Ok(stmt.query_row([key], |r| r.get(0)).optional()?)
}

/// Set `key` to `value`.
pub fn set(db: &Connection, key: &str, value: &str) -> Result<(), StoreError> {
    let mut stmt = db.prepare_cached(
        "INSERT INTO kv (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?;
    stmt.execute([key, value])?;
    Ok(())
}
