//! What Merge Leads moves from a losing lead to the winner: its list memberships and its activities.

use super::{Db, StoreError};
use rusqlite::params;

/// Give `winner` the memberships and activities of `loser` (the loser's row is deleted by the caller).
pub fn reassign(db: &Db, loser: i64, winner: i64) -> Result<(), StoreError> {
    db.prepare_cached(
        "INSERT OR IGNORE INTO list_members (list_id, lead_id) \
         SELECT list_id, ?2 FROM list_members WHERE lead_id = ?1",
    )?
    .execute(params![loser, winner])?;
    db.prepare_cached("DELETE FROM list_members WHERE lead_id = ?1")?
        .execute(params![loser])?;
    db.prepare_cached("UPDATE activities SET lead_id = ?2 WHERE lead_id = ?1")?
        .execute(params![loser, winner])?;
    Ok(())
}
