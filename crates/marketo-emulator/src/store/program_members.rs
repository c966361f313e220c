//! Program members (one row per program and lead), the custom program member fields, and the runs of smart
//! campaigns (requested or scheduled, done once the clock reaches them). The rules are in `crate::programs`;
//! this file only stores. Times are stored formatted (`2026-03-10T15:00:00Z`), so they compare as text.

use super::StoreError;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{Map, Value};

/// One program member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The membership record's id.
    pub id: i64,
    /// The program.
    pub program_id: i64,
    /// The lead.
    pub lead_id: i64,
    /// Its status name.
    pub status: String,
    /// The status's step in the channel.
    pub step: i64,
    /// Whether the status is a success.
    pub success: bool,
    /// Whether the program acquired the lead.
    pub acquired_by: bool,
    /// When the lead joined.
    pub membership_date: String,
    /// When it first reached success.
    pub success_date: Option<String>,
    /// Last change.
    pub updated_at: String,
    /// Custom (and updateable standard) field values.
    pub data: Map<String, Value>,
}

const COLUMNS: &str =
    "id, program_id, lead_id, status, step, success, acquired_by, membership_date, \
                       success_date, updated_at, data";

fn member(r: &Row<'_>) -> rusqlite::Result<(Member, String)> {
    Ok((
        Member {
            id: r.get(0)?,
            program_id: r.get(1)?,
            lead_id: r.get(2)?,
            status: r.get(3)?,
            step: r.get(4)?,
            success: r.get(5)?,
            acquired_by: r.get(6)?,
            membership_date: r.get(7)?,
            success_date: r.get(8)?,
            updated_at: r.get(9)?,
            data: Map::new(),
        },
        r.get(10)?,
    ))
}

fn collect(
    rows: impl Iterator<Item = rusqlite::Result<(Member, String)>>,
) -> Result<Vec<Member>, StoreError> {
    let mut out = Vec::new();
    for row in rows {
        let (mut m, data) = row?;
        m.data = serde_json::from_str(&data)?;
        out.push(m);
    }
    Ok(out)
}

/// The membership of `lead` in `program`, if any.
pub fn get(db: &Connection, program: i64, lead: i64) -> Result<Option<Member>, StoreError> {
    let sql =
        format!("SELECT {COLUMNS} FROM program_members WHERE program_id = ?1 AND lead_id = ?2");
    let mut stmt = db.prepare_cached(&sql)?;
    let found = stmt.query_row(params![program, lead], member).optional()?;
    Ok(collect(found.into_iter().map(Ok))?.pop())
}

/// Store `m` (a new member when `m.id` is 0); returns its id.
pub fn put(db: &Connection, m: &Member) -> Result<i64, StoreError> {
    let data = serde_json::to_string(&m.data)?;
    let mut stmt = db.prepare_cached(
        "INSERT INTO program_members (program_id, lead_id, status, step, success, acquired_by, \
         membership_date, success_date, updated_at, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
         ON CONFLICT(program_id, lead_id) DO UPDATE SET status = excluded.status, step = excluded.step, \
         success = excluded.success, success_date = excluded.success_date, updated_at = excluded.updated_at, \
         data = excluded.data",
    )?;
    stmt.execute(params![
        m.program_id,
        m.lead_id,
        m.status,
        m.step,
        m.success,
        m.acquired_by,
        m.membership_date,
        m.success_date,
        m.updated_at,
        data
    ])?;
    let mut id =
        db.prepare_cached("SELECT id FROM program_members WHERE program_id = ?1 AND lead_id = ?2")?;
    Ok(id.query_row(params![m.program_id, m.lead_id], |r| r.get(0))?)
}

/// Remove `lead` from `program`; whether it was a member.
pub fn delete(db: &Connection, program: i64, lead: i64) -> Result<bool, StoreError> {
    let mut stmt =
        db.prepare_cached("DELETE FROM program_members WHERE program_id = ?1 AND lead_id = ?2")?;
    Ok(stmt.execute(params![program, lead])? > 0)
}

/// The members of `program` with a lead id above `after`, by lead id, at most `limit`.
pub fn of_program(
    db: &Connection,
    program: i64,
    after: i64,
    limit: usize,
) -> Result<Vec<Member>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM program_members WHERE program_id = ?1 AND lead_id > ?2 \
         ORDER BY lead_id LIMIT ?3"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![program, after, limit as i64], member)?;
    collect(rows)
}

/// The memberships of `lead` in programs with an id above `after`, by program id, at most `limit`.
pub fn of_lead(
    db: &Connection,
    lead: i64,
    after: i64,
    limit: usize,
) -> Result<Vec<Member>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM program_members WHERE lead_id = ?1 AND program_id > ?2 \
         ORDER BY program_id LIMIT ?3"
    );
    let mut stmt = db.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![lead, after, limit as i64], member)?;
    collect(rows)
}

/// How many members `program` has.
pub fn count(db: &Connection, program: i64) -> Result<u64, StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT COUNT(*) FROM program_members WHERE program_id = ?1")?;
    Ok(stmt.query_row([program], |r| r.get::<_, i64>(0))? as u64)
}

/// The custom program member fields (their stored documents), in creation order.
pub fn fields(db: &Connection) -> Result<Vec<Value>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT data FROM program_member_fields ORDER BY seq")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(serde_json::from_str(&row?)?);
    }
    Ok(out)
}

/// Store custom field `name` (added at the end, or replaced in place).
pub fn put_field(db: &Connection, name: &str, doc: &Value) -> Result<(), StoreError> {
    let data = serde_json::to_string(doc)?;
    let mut stmt = db.prepare_cached(
        "INSERT INTO program_member_fields (name, seq, data) \
         VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM program_member_fields), ?2) \
         ON CONFLICT(name) DO UPDATE SET data = excluded.data",
    )?;
    stmt.execute(params![name, data])?;
    Ok(())
}

/// A requested or scheduled run of a smart campaign.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Its id (0 before it is stored).
    pub id: i64,
    /// The campaign.
    pub campaign_id: i64,
    /// Requested (a trigger campaign's leads) rather than scheduled (a batch campaign).
    pub requested: bool,
    /// When the call asked for it.
    pub asked_at: String,
    /// When it runs.
    pub run_at: String,
    /// The leads a request named.
    pub leads: Vec<i64>,
    /// The token overrides (`[{name, value}]`).
    pub tokens: Value,
    /// The program a Schedule Campaign call cloned (`cloneToProgramName`).
    pub clone_name: Option<String>,
}

/// Store a new run; returns its id.
pub fn add_run(db: &Connection, run: &Run) -> Result<i64, StoreError> {
    let mut stmt = db.prepare_cached(
        "INSERT INTO campaign_runs (campaign_id, requested, asked_at, run_at, leads, tokens, clone_name) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    stmt.execute(params![
        run.campaign_id,
        run.requested,
        run.asked_at,
        run.run_at,
        serde_json::to_string(&run.leads)?,
        serde_json::to_string(&run.tokens)?,
        run.clone_name
    ])?;
    Ok(db.last_insert_rowid())
}

/// The runs not yet done whose time is at or before `now`, in time order; they are marked done.
pub fn take_due(db: &Connection, now: &str) -> Result<Vec<Run>, StoreError> {
    let mut stmt = db.prepare_cached(
        "SELECT id, campaign_id, requested, asked_at, run_at, leads, tokens, clone_name FROM campaign_runs \
         WHERE done = 0 AND run_at <= ?1 ORDER BY run_at, id",
    )?;
    let rows = stmt.query_map([now], |r| {
        Ok((
            Run {
                id: r.get(0)?,
                campaign_id: r.get(1)?,
                requested: r.get(2)?,
                asked_at: r.get(3)?,
                run_at: r.get(4)?,
                leads: Vec::new(),
                tokens: Value::Null,
                clone_name: r.get(7)?,
            },
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (mut run, leads, tokens) = row?;
        run.leads = serde_json::from_str(&leads)?;
        run.tokens = serde_json::from_str(&tokens)?;
        out.push(run);
    }
    let mut done = db.prepare_cached("UPDATE campaign_runs SET done = 1 WHERE id = ?1")?;
    for run in &out {
        done.execute([run.id])?;
    }
    Ok(out)
}

/// When the next run not yet done is due, if any.
pub fn next_due(db: &Connection) -> Result<Option<String>, StoreError> {
    let mut stmt = db.prepare_cached("SELECT MIN(run_at) FROM campaign_runs WHERE done = 0")?;
    Ok(stmt.query_row([], |r| r.get(0))?)
}

/// How many Schedule Campaign calls with `cloneToProgramName` were asked at or after `since`.
pub fn clones_since(db: &Connection, since: &str) -> Result<u64, StoreError> {
    let mut stmt = db.prepare_cached(
        "SELECT COUNT(*) FROM campaign_runs WHERE clone_name IS NOT NULL AND asked_at >= ?1",
    )?;
    Ok(stmt.query_row([since], |r| r.get::<_, i64>(0))? as u64)
}
