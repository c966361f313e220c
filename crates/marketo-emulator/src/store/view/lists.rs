//! Static lists and memberships in the data view.

use super::{count, sql_limit, Page};
use crate::store::{Db, StoreError};
use rusqlite::params;
use serde::Serialize;

/// A static list and how many leads it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListRow {
    /// The list id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Its program.
    pub program_name: Option<String>,
    /// Its workspace.
    pub workspace_name: String,
    /// `createdAt`.
    pub created_at: String,
    /// `updatedAt`.
    pub updated_at: String,
    /// Members.
    pub members: u64,
}

/// One lead in one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// The list.
    pub list_id: i64,
    /// The lead.
    pub lead_id: i64,
}

/// Static lists by id, with their member counts.
pub fn lists(db: &Db, offset: usize, limit: usize) -> Result<Page<ListRow>, StoreError> {
    let total = count(db, "SELECT count(*) FROM lists")?;
    let mut stmt = db.prepare_cached(
        "SELECT id, name, description, program_name, workspace_name, created_at, updated_at, \
         (SELECT count(*) FROM list_members m WHERE m.list_id = lists.id) \
         FROM lists ORDER BY id LIMIT ?1 OFFSET ?2",
    )?;
    let rows = stmt.query_map(params![sql_limit(limit), sql_limit(offset)], |r| {
        Ok(ListRow {
            id: r.get(0)?,
            name: r.get(1)?,
            description: r.get(2)?,
            program_name: r.get(3)?,
            workspace_name: r.get(4)?,
            created_at: r.get(5)?,
            updated_at: r.get(6)?,
            members: u64::try_from(r.get::<_, i64>(7)?).unwrap_or(0),
        })
    })?;
    Ok(Page {
        total,
        items: rows.collect::<Result<_, _>>()?,
    })
}

/// Memberships by list then lead, of one list and/or one lead when given.
pub fn memberships(
    db: &Db,
    list_id: Option<i64>,
    lead_id: Option<i64>,
    offset: usize,
    limit: usize,
) -> Result<Page<Membership>, StoreError> {
    const WHERE: &str = "WHERE (?1 IS NULL OR list_id = ?1) AND (?2 IS NULL OR lead_id = ?2)";
    let total: i64 = db
        .prepare_cached(&format!("SELECT count(*) FROM list_members {WHERE}"))?
        .query_row(params![list_id, lead_id], |r| r.get(0))?;
    let mut stmt = db.prepare_cached(&format!(
        "SELECT list_id, lead_id FROM list_members {WHERE} ORDER BY list_id, lead_id LIMIT ?3 OFFSET ?4"
    ))?;
    let rows = stmt.query_map(
        params![list_id, lead_id, sql_limit(limit), sql_limit(offset)],
        |r| {
            Ok(Membership {
                list_id: r.get(0)?,
                lead_id: r.get(1)?,
            })
        },
    )?;
    Ok(Page {
        total: u64::try_from(total).unwrap_or(0),
        items: rows.collect::<Result<_, _>>()?,
    })
}
