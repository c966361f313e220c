//! Leads in the data view.

use super::{object, sql_limit, Page};
use crate::store::{Db, StoreError};
use rusqlite::params;
use serde::Serialize;
use serde_json::{Map, Value};

/// A lead: its system columns and its field values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeadRow {
    /// The lead id.
    pub id: i64,
    /// Its partition.
    pub partition_name: String,
    /// `createdAt`.
    pub created_at: String,
    /// `updatedAt`.
    pub updated_at: String,
    /// Every other field value, by REST name.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

/// Leads by id; `email` keeps those whose email contains it (case-insensitive).
pub fn leads(
    db: &Db,
    email: Option<&str>,
    offset: usize,
    limit: usize,
) -> Result<Page<LeadRow>, StoreError> {
    let pattern = email.map(|e| format!("%{}%", e.to_ascii_lowercase()));
    const WHERE: &str = "WHERE (?1 IS NULL OR email_key LIKE ?1)";
    let total: i64 = db
        .prepare_cached(&format!("SELECT count(*) FROM leads {WHERE}"))?
        .query_row(params![pattern], |r| r.get(0))?;
    let mut stmt = db.prepare_cached(&format!(
        "SELECT id, partition, created_at, updated_at, data FROM leads {WHERE} \
         ORDER BY id LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = stmt.query_map(params![pattern, sql_limit(limit), sql_limit(offset)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut items = Vec::new();
    for row in rows {
        let (id, partition_name, created_at, updated_at, data) = row?;
        items.push(LeadRow {
            id,
            partition_name,
            created_at,
            updated_at,
            fields: object(&data)?,
        });
    }
    Ok(Page {
        total: u64::try_from(total).unwrap_or(0),
        items,
    })
}

/// The lead with `id`.
pub fn leads_by_id(db: &Db, id: i64) -> Result<Option<LeadRow>, StoreError> {
    let mut stmt = db.prepare_cached(
        "SELECT partition, created_at, updated_at, data FROM leads WHERE id = ?1",
    )?;
    let mut rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    match rows.next() {
        Some(row) => {
            let (partition_name, created_at, updated_at, data) = row?;
            Ok(Some(LeadRow {
                id,
                partition_name,
                created_at,
                updated_at,
                fields: object(&data)?,
            }))
        }
        None => Ok(None),
    }
}

/// The lists lead `id` is a member of.
pub fn lists_of(db: &Db, lead_id: i64) -> Result<Vec<i64>, StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT list_id FROM list_members WHERE lead_id = ?1 ORDER BY list_id")?;
    let rows = stmt.query_map([lead_id], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
