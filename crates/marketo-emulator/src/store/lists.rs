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

/// A static list as Get Lists answers it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredList {
    /// The list id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The program it lives in, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program_name: Option<String>,
    /// Its workspace.
    pub workspace_name: String,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

/// Create list `id`, or update its metadata.
pub fn upsert(db: &Connection, list: &StoredList) -> Result<(), StoreError> {
    let mut stmt = db.prepare_cached(
        "INSERT INTO lists (id, name, description, program_name, workspace_name, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET name = excluded.name, \
         description = excluded.description, program_name = excluded.program_name, \
         workspace_name = excluded.workspace_name, updated_at = excluded.updated_at",
    )?;
    stmt.execute(params![
        list.id,
        list.name,
        list.description,
        list.program_name,
        list.workspace_name,
        list.created_at,
        list.updated_at
    ])?;
    Ok(())
}

/// Delete list `id` (its memberships go with it); whether it existed.
pub fn delete(db: &Connection, id: i64) -> Result<bool, StoreError> {
    let mut stmt = db.prepare_cached("DELETE FROM lists WHERE id = ?1")?;
    Ok(stmt.execute([id])? > 0)
}

/// The largest list id (0 with no list).
pub fn max_id(db: &Connection) -> Result<i64, StoreError> {
    let mut stmt = db.prepare_cached("SELECT COALESCE(MAX(id), 0) FROM lists")?;
    Ok(stmt.query_row([], |r| r.get(0))?)
}

/// Set the asset folder (a folder reference as JSON) of list `id`.
pub fn set_folder(db: &Connection, id: i64, folder: &str) -> Result<(), StoreError> {
    let mut stmt = db.prepare_cached("UPDATE lists SET folder = ?2 WHERE id = ?1")?;
    stmt.execute(params![id, folder])?;
    Ok(())
}

/// Every list with its asset folder (JSON, when it has one), by id.
pub fn all_with_folders(db: &Connection) -> Result<Vec<(StoredList, Option<String>)>, StoreError> {
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {LIST_COLUMNS}, folder FROM lists ORDER BY id"
    ))?;
    let rows = stmt.query_map([], |r| Ok((list_row(r)?, r.get::<_, Option<String>>(7)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The ids of the lists whose asset folder is `folder` (a folder reference as JSON), by id.
pub fn in_folder(db: &Connection, folder: &str) -> Result<Vec<i64>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT id FROM lists WHERE folder = ?1 ORDER BY id")?;
    let rows = stmt.query_map([folder], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const LIST_COLUMNS: &str =
    "id, name, description, program_name, workspace_name, created_at, updated_at";

fn list_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredList> {
    Ok(StoredList {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        program_name: r.get(3)?,
        workspace_name: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

/// What Get Lists filters by: each set empty means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Ids.
    pub ids: Vec<i64>,
    /// Exact names.
    pub names: Vec<String>,
    /// Program names.
    pub programs: Vec<String>,
    /// Workspace names.
    pub workspaces: Vec<String>,
}

/// Up to `limit` lists matching `filter` with ids above `after`, by id.
pub fn query(
    db: &Connection,
    filter: &ListFilter,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredList>, StoreError> {
    let json = |v: &[String]| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    let ids = serde_json::to_string(&filter.ids).unwrap_or_else(|_| "[]".into());
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {LIST_COLUMNS} FROM lists WHERE id > ?1 \
         AND (json_array_length(?2) = 0 OR id IN (SELECT value FROM json_each(?2))) \
         AND (json_array_length(?3) = 0 OR name IN (SELECT value FROM json_each(?3))) \
         AND (json_array_length(?4) = 0 OR program_name IN (SELECT value FROM json_each(?4))) \
         AND (json_array_length(?5) = 0 OR workspace_name IN (SELECT value FROM json_each(?5))) \
         ORDER BY id LIMIT ?6"
    ))?;
    let rows = stmt.query_map(
        params![
            after,
            ids,
            json(&filter.names),
            json(&filter.programs),
            json(&filter.workspaces),
            i64::try_from(limit).unwrap_or(i64::MAX)
        ],
        list_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The lists `lead` is a member of, by list id, above `after`, at most `limit`.
pub fn of_lead(
    db: &Connection,
    lead: i64,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredList>, StoreError> {
    let mut stmt = db.prepare_cached(&format!(
        "SELECT {LIST_COLUMNS} FROM lists WHERE id IN \
         (SELECT list_id FROM list_members WHERE lead_id = ?1) AND id > ?2 ORDER BY id LIMIT ?3"
    ))?;
    let rows = stmt.query_map(
        params![lead, after, i64::try_from(limit).unwrap_or(i64::MAX)],
        list_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
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

/// How many members `list` has.
pub fn member_count(db: &Connection, list: i64) -> Result<u64, StoreError> {
    let n: i64 = db
        .prepare_cached("SELECT count(*) FROM list_members WHERE list_id = ?1")?
        .query_row([list], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}
