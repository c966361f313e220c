//! Schema migrations, keyed by `PRAGMA user_version`; each step runs once, so reopening a file is harmless.

use super::StoreError;
use rusqlite::Connection;

/// Each entry moves the database from version `index` to `index + 1`.
const STEPS: &[&str] = &[
    // 1: leads, lists, memberships, key-value.
    "CREATE TABLE IF NOT EXISTS leads (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         email_key TEXT,
         partition TEXT NOT NULL,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         data TEXT NOT NULL
     );
     CREATE INDEX IF NOT EXISTS leads_email_key ON leads(email_key);
     CREATE TABLE IF NOT EXISTS lists (
         id INTEGER PRIMARY KEY,
         name TEXT NOT NULL
     );
     CREATE TABLE IF NOT EXISTS list_members (
         list_id INTEGER NOT NULL REFERENCES lists(id) ON DELETE CASCADE,
         lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
         PRIMARY KEY (list_id, lead_id)
     ) WITHOUT ROWID;
     CREATE INDEX IF NOT EXISTS list_members_lead ON list_members(lead_id);
     CREATE TABLE IF NOT EXISTS kv (
         key TEXT PRIMARY KEY,
         value TEXT NOT NULL
     );",
    // 2: activities (recorded when leads change) and the chunks of bulk import and export files.
    "CREATE TABLE IF NOT EXISTS activities (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         lead_id INTEGER NOT NULL,
         type_id INTEGER NOT NULL,
         at TEXT NOT NULL,
         primary_id INTEGER,
         primary_value TEXT,
         attributes TEXT NOT NULL,
         fields TEXT
     );
     CREATE INDEX IF NOT EXISTS activities_at ON activities(at);
     CREATE TABLE IF NOT EXISTS bulk_chunks (
         file TEXT NOT NULL,
         seq INTEGER NOT NULL,
         data BLOB NOT NULL,
         PRIMARY KEY (file, seq)
     ) WITHOUT ROWID;",
    // 3: records of the generic object types (companies, opportunities, custom objects...).
    "CREATE TABLE IF NOT EXISTS objects (
         kind TEXT NOT NULL,
         id INTEGER NOT NULL,
         guid TEXT,
         dedupe TEXT,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         data TEXT NOT NULL,
         PRIMARY KEY (kind, id)
     ) WITHOUT ROWID;
     CREATE UNIQUE INDEX IF NOT EXISTS objects_dedupe ON objects(kind, dedupe) WHERE dedupe IS NOT NULL;
     CREATE UNIQUE INDEX IF NOT EXISTS objects_guid ON objects(kind, guid) WHERE guid IS NOT NULL;",
    // 4: what Get Lists answers about a static list.
    "ALTER TABLE lists ADD COLUMN description TEXT;
     ALTER TABLE lists ADD COLUMN program_name TEXT;
     ALTER TABLE lists ADD COLUMN workspace_name TEXT NOT NULL DEFAULT 'Default';
     ALTER TABLE lists ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
     ALTER TABLE lists ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';",
    // 5: memberships between records of the generic object types (named accounts in named account lists).
    "CREATE TABLE IF NOT EXISTS object_members (
         owner_kind TEXT NOT NULL,
         owner_id INTEGER NOT NULL,
         member_kind TEXT NOT NULL,
         member_id INTEGER NOT NULL,
         PRIMARY KEY (owner_kind, owner_id, member_kind, member_id)
     ) WITHOUT ROWID;
     CREATE INDEX IF NOT EXISTS object_members_member ON object_members(member_kind, member_id);",
    // 6: asset documents (folders, programs, token sets, smart campaigns...), their id counters, and the
    // folder a static list lives in (the asset API's view of the same lists).
    "CREATE TABLE IF NOT EXISTS assets (
         kind TEXT NOT NULL,
         id INTEGER NOT NULL,
         data TEXT NOT NULL,
         PRIMARY KEY (kind, id)
     ) WITHOUT ROWID;
     CREATE TABLE IF NOT EXISTS asset_ids (
         kind TEXT PRIMARY KEY,
         last INTEGER NOT NULL
     ) WITHOUT ROWID;
     ALTER TABLE lists ADD COLUMN folder TEXT;",
    // 7: program members (one per program and lead, with its status and custom field values), the custom
    // program member fields, and the requested and scheduled runs of smart campaigns.
    "CREATE TABLE IF NOT EXISTS program_members (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         program_id INTEGER NOT NULL,
         lead_id INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
         status TEXT NOT NULL,
         step INTEGER NOT NULL,
         success INTEGER NOT NULL,
         acquired_by INTEGER NOT NULL,
         membership_date TEXT NOT NULL,
         success_date TEXT,
         updated_at TEXT NOT NULL,
         data TEXT NOT NULL
     );
     CREATE UNIQUE INDEX IF NOT EXISTS program_members_key ON program_members(program_id, lead_id);
     CREATE INDEX IF NOT EXISTS program_members_lead ON program_members(lead_id);
     CREATE TABLE IF NOT EXISTS program_member_fields (
         name TEXT PRIMARY KEY,
         seq INTEGER NOT NULL,
         data TEXT NOT NULL
     );
     CREATE TABLE IF NOT EXISTS campaign_runs (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         campaign_id INTEGER NOT NULL,
         requested INTEGER NOT NULL,
         asked_at TEXT NOT NULL,
         run_at TEXT NOT NULL,
         leads TEXT NOT NULL,
         tokens TEXT NOT NULL,
         clone_name TEXT,
         done INTEGER NOT NULL DEFAULT 0
     );
     CREATE INDEX IF NOT EXISTS campaign_runs_due ON campaign_runs(done, run_at);",
];

/// Bring the database to the latest version.
pub(super) fn run(conn: &Connection) -> Result<(), StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, step) in STEPS.iter().enumerate() {
        let target = index as i64 + 1;
        if version < target {
            conn.execute_batch(&format!(
                "BEGIN; {step}; PRAGMA user_version = {target}; COMMIT;"
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_idempotent() {
        let conn = Connection::open_in_memory().unwrap();
        run(&conn).unwrap();
        run(&conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, STEPS.len() as i64);
    }
}
