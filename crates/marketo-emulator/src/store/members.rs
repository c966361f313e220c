//! Memberships between records of the generic object types (the named accounts of a named account list):
//! `(owner kind, owner id)` holds `(member kind, member id)`, by the records' integer ids.

use super::objects::StoredObject;
use super::{Db, StoreError};
use rusqlite::params;

/// Make `member` a member of `owner`; false when it already was.
pub fn add(
    db: &Db,
    (owner_kind, owner_id): (&str, i64),
    (member_kind, member_id): (&str, i64),
) -> Result<bool, StoreError> {
    let n = db
        .prepare_cached(
            "INSERT OR IGNORE INTO object_members (owner_kind, owner_id, member_kind, member_id) \
             VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![owner_kind, owner_id, member_kind, member_id])?;
    Ok(n > 0)
}

/// Take `member` out of `owner`; false when it was not a member.
pub fn remove(
    db: &Db,
    (owner_kind, owner_id): (&str, i64),
    (member_kind, member_id): (&str, i64),
) -> Result<bool, StoreError> {
    let n = db
        .prepare_cached(
            "DELETE FROM object_members WHERE owner_kind = ?1 AND owner_id = ?2 \
             AND member_kind = ?3 AND member_id = ?4",
        )?
        .execute(params![owner_kind, owner_id, member_kind, member_id])?;
    Ok(n > 0)
}

/// Up to `limit` members of `owner` of `member_kind` with ids above `after`, by id.
pub fn page(
    db: &Db,
    (owner_kind, owner_id): (&str, i64),
    member_kind: &str,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredObject>, StoreError> {
    let ids: Vec<i64> = db
        .prepare_cached(
            "SELECT member_id FROM object_members WHERE owner_kind = ?1 AND owner_id = ?2 \
             AND member_kind = ?3 AND member_id > ?4 ORDER BY member_id LIMIT ?5",
        )?
        .query_map(
            params![
                owner_kind,
                owner_id,
                member_kind,
                after,
                i64::try_from(limit).unwrap_or(i64::MAX)
            ],
            |r| r.get(0),
        )?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(o) = super::objects::by_id(db, member_kind, id)? {
            out.push(o);
        }
    }
    Ok(out)
}

/// Forget every member of `owner` (the owner is deleted).
pub fn forget_owner(db: &Db, owner_kind: &str, owner_id: i64) -> Result<(), StoreError> {
    db.prepare_cached("DELETE FROM object_members WHERE owner_kind = ?1 AND owner_id = ?2")?
        .execute(params![owner_kind, owner_id])?;
    Ok(())
}

/// Take `member` out of everything it is a member of (the member is deleted).
pub fn forget_member(db: &Db, member_kind: &str, member_id: i64) -> Result<(), StoreError> {
    db.prepare_cached("DELETE FROM object_members WHERE member_kind = ?1 AND member_id = ?2")?
        .execute(params![member_kind, member_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{objects, Store};
    use serde_json::Map;

    #[test]
    fn members_are_added_once_paged_and_forgotten() {
        let store = Store::open_in_memory().unwrap();
        store
            .with(|db| {
                for _ in 0..3 {
                    objects::insert(db, "acct", None, None, "t", &Map::new())?;
                }
                let list = ("list", 7);
                assert!(add(db, list, ("acct", 1))?);
                assert!(!add(db, list, ("acct", 1))?);
                assert!(add(db, list, ("acct", 3))?);
                let ids = |v: Vec<StoredObject>| v.iter().map(|o| o.id).collect::<Vec<_>>();
                assert_eq!(ids(page(db, list, "acct", 0, 10)?), [1, 3]);
                assert_eq!(ids(page(db, list, "acct", 1, 10)?), [3]);
                assert!(remove(db, list, ("acct", 3))?);
                assert!(!remove(db, list, ("acct", 3))?);
                forget_member(db, "acct", 1)?;
                assert!(page(db, list, "acct", 0, 10)?.is_empty());
                add(db, list, ("acct", 2))?;
                forget_owner(db, "list", 7)?;
                assert!(page(db, list, "acct", 0, 10)?.is_empty());
                Ok(())
            })
            .unwrap();
    }
}
