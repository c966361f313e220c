//! SQLite storage behind one owner: one `rusqlite::Connection` behind a mutex, WAL on files, idempotent
//! migrations, prepared statements cached. Every SQL statement of the emulator is here, one file per concern,
//! each a set of typed functions taking the connection ([`Db`]); the rest of the emulator calls them and never
//! sees `rusqlite`.
//!
//! Leads keep `id`, the lower-cased email (the lookup key), the partition and the two timestamps in columns,
//! and every other field value as one JSON object in `data`. Activities, the chunks of bulk files and the
//! records of the generic object types have tables of their own; the bulk job books and the usage history are
//! JSON documents in the key-value table.
//!
//! ```
//! use marketo_emulator::store::Store;
//! let store = Store::open_in_memory().unwrap();
//! store.with(|db| marketo_emulator::store::kv::set(db, "k", "v")).unwrap();
//! assert_eq!(store.with(|db| marketo_emulator::store::kv::get(db, "k")).unwrap().as_deref(), Some("v"));
//! ```

pub mod activities;
pub mod assets;
pub mod bulk_files;
pub mod jobs;
pub mod kv;
pub mod leads;
pub mod lists;
pub mod members;
pub mod merge;
mod migrate;
pub mod objects;
pub mod program_members;
pub mod view;

use rusqlite::Connection;
use std::path::Path;
use std::sync::Mutex;

/// The connection storage functions take. Only storage code (this module) runs SQL on it; others pass it
/// through from [`Store::with`] and [`Store::transaction`].
pub type Db = Connection;

/// A storage failure: the model turns it into 611 "System error".
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said no.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON document did not parse.
    #[error("stored json: {0}")]
    Json(#[from] serde_json::Error),
    /// A thread panicked while holding the connection.
    #[error("the store lock is poisoned")]
    Poisoned,
}

/// The one owner of the SQLite connection.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// A fresh in-memory database.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?, false)
    }

    /// The database file at `path` (created if absent), in WAL mode; state survives reopening.
    pub fn open_file(path: &Path) -> Result<Store, StoreError> {
        Store::init(Connection::open(path)?, true)
    }

    fn init(conn: Connection, file: bool) -> Result<Store, StoreError> {
        if file {
            // journal_mode answers with a row, so it is queried rather than executed.
            let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;")?;
        }
        conn.execute_batch("PRAGMA foreign_keys=ON;")?;
        conn.set_prepared_statement_cache_capacity(64);
        migrate::run(&conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    /// Run `f` with the connection.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let conn = self.conn.lock().map_err(|_| StoreError::Poisoned)?;
        f(&conn)
    }

    /// Run `f` inside one transaction, committed when `f` returns `Ok`, rolled back otherwise.
    ///
    /// `E` is the caller's error type (the model's `ApiError`), so domain errors roll back too.
    pub fn transaction<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.conn.lock().map_err(|_| StoreError::Poisoned)?;
        // IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies: a deferred transaction that
        // read first and then writes fails at once with "database is locked" when another process on the same
        // file wrote in between (two `mkto` runs sharing the embedded emulator).
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let out = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// Delete every lead, list, membership, activity and bulk file (and restart ids); key-value entries are kept.
    pub fn clear_data(&self) -> Result<(), StoreError> {
        self.transaction(|db| {
            db.execute_batch(
                "DELETE FROM list_members; DELETE FROM lists; DELETE FROM leads; \
                 DELETE FROM activities; DELETE FROM bulk_chunks; DELETE FROM objects; DELETE FROM object_members; \
                 DELETE FROM assets; DELETE FROM asset_ids; \
                 DELETE FROM program_members; DELETE FROM program_member_fields; DELETE FROM campaign_runs; \
                 DELETE FROM sqlite_sequence WHERE name IN ('leads', 'activities');",
            )?;
            Ok::<(), StoreError>(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{kv, Store, StoreError};

    /// Two processes on one database file (two `mkto` runs sharing the embedded emulator): every transaction
    /// that reads then writes succeeds, none answers "database is locked".
    #[test]
    fn two_stores_on_one_file_write_without_locking_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.sqlite");
        Store::open_file(&path).unwrap();
        let workers: Vec<_> = (0..2)
            .map(|w| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let store = Store::open_file(&path).unwrap();
                    for i in 0..300 {
                        store.transaction(|db| {
                            let n: i64 = kv::get(db, "n")?.map_or(0, |v| v.parse().unwrap_or(0));
                            kv::set(db, "n", &(n + 1).to_string())?;
                            kv::set(db, &format!("w{w}"), &i.to_string())?;
                            Ok::<(), StoreError>(())
                        })?;
                    }
                    Ok::<(), StoreError>(())
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap().expect("no transaction failed");
        }
        let store = Store::open_file(&path).unwrap();
        let n = store.with(|db| kv::get(db, "n")).unwrap();
        assert_eq!(n.as_deref(), Some("600"), "no increment was lost");
    }
}
