//! Asset documents (folders, programs, token sets, smart campaigns, smart lists): one JSON document per
//! `(kind, id)`. The asset engine (`crate::assets`) owns their shape; this file only stores them.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The next free id of `kind`: one past the largest ever used, never below `floor`.
pub fn next_id(db: &Connection, kind: &str, floor: i64) -> Result<i64, StoreError> {
    let mut stmt = db.prepare_cached("SELECT last FROM asset_ids WHERE kind = ?1")?;
    let last: Option<i64> = stmt.query_row([kind], |r| r.get(0)).optional()?;
    let id = last.map_or(floor, |l| (l + 1).max(floor));
    let mut up = db.prepare_cached(
        "INSERT INTO asset_ids (kind, last) VALUES (?1, ?2) \
         ON CONFLICT(kind) DO UPDATE SET last = excluded.last",
    )?;
    up.execute(params![kind, id])?;
    Ok(id)
}

/// Store `doc` as asset `(kind, id)`, replacing what was there.
pub fn put<T: Serialize>(db: &Connection, kind: &str, id: i64, doc: &T) -> Result<(), StoreError> {
    let data = serde_json::to_string(doc)?;
    let mut stmt = db.prepare_cached(
        "INSERT INTO assets (kind, id, data) VALUES (?1, ?2, ?3) \
         ON CONFLICT(kind, id) DO UPDATE SET data = excluded.data",
    )?;
    stmt.execute(params![kind, id, data])?;
    Ok(())
}

/// Asset `(kind, id)`, if it exists.
pub fn get<T: DeserializeOwned>(
    db: &Connection,
    kind: &str,
    id: i64,
) -> Result<Option<T>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT data FROM assets WHERE kind = ?1 AND id = ?2")?;
    let data: Option<String> = stmt.query_row(params![kind, id], |r| r.get(0)).optional()?;
    Ok(match data {
        Some(d) => Some(serde_json::from_str(&d)?),
        None => None,
    })
}

/// Every asset of `kind`, by id.
pub fn all<T: DeserializeOwned>(db: &Connection, kind: &str) -> Result<Vec<(i64, T)>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT id, data FROM assets WHERE kind = ?1 ORDER BY id")?;
    let rows = stmt.query_map([kind], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, data) = row?;
        out.push((id, serde_json::from_str(&data)?));
    }
    Ok(out)
}

/// Delete asset `(kind, id)`; whether it existed.
pub fn delete(db: &Connection, kind: &str, id: i64) -> Result<bool, StoreError> {
    let mut stmt = db.prepare_cached("DELETE FROM assets WHERE kind = ?1 AND id = ?2")?;
    Ok(stmt.execute(params![kind, id])? > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn documents_round_trip_and_ids_are_never_reused() {
        let store = Store::open_in_memory().unwrap();
        store
            .with(|db| {
                let a = next_id(db, "folder", 100)?;
                let b = next_id(db, "folder", 100)?;
                assert_eq!((a, b), (100, 101));
                put(db, "folder", a, &serde_json::json!({"name": "x"}))?;
                let got: Option<serde_json::Value> = get(db, "folder", a)?;
                assert_eq!(got.unwrap()["name"], "x");
                assert!(delete(db, "folder", a)?);
                assert!(!delete(db, "folder", a)?);
                assert_eq!(next_id(db, "folder", 100)?, 102);
                let rest: Vec<(i64, serde_json::Value)> = all(db, "folder")?;
                assert!(rest.is_empty());
                Ok(())
            })
            .unwrap();
        store.clear_data().unwrap();
        assert_eq!(store.with(|db| next_id(db, "folder", 100)).unwrap(), 100);
    }
}
