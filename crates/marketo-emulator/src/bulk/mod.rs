//! Bulk import and bulk extract: jobs, the queues, the daily export allowance and the files. Plain Rust, no
//! HTTP types; time comes in as `now`, and every call first replays what the queues did up to `now`, so jobs
//! move exactly as far as the emulator's clock has (tests advance the clock instead of waiting).
//!
//! Every kind of job runs on the one [`queue::Queue`] and its state machine; a kind says what its statuses are
//! called and what its work is.
//!
//! * Imports: `Queued -> Importing -> Complete | Failed`; `import_running` (2) at once, `import_queued` (10)
//!   queued or running before 1016; one import per static list at a time (1019). An import takes
//!   `import_secs` once started; its rows are upserted when it completes.
//! * Exports (leads and activities share one queue): `Created -> Queued -> Processing -> Completed | Failed`,
//!   or `Cancelled`; `export_processing` (2) at once, `export_queued` (10) queued or processing before 1029
//!   "Too many jobs (10) in queue"; enqueueing a job that is not `Created` is 1029 "Job already queued"; once
//!   the day's file bytes reach `export_daily_bytes` (500 MB), create and enqueue are 1029 "Export daily quota
//!   500MB exceeded." until midnight America/Chicago. An export takes `export_secs` once processing; its file
//!   is written when it completes.
//!
//! The job book is kept in the key-value table ([`book`]), so jobs survive a restart of a file-backed
//! emulator. A stored book that does not parse is reported when the emulator starts, and every bulk call then
//! answers 611 "System error" (with a log line saying why) until `POST /_emulator/reset` starts a new book.
//!
//! ```
//! use marketo_emulator::bulk::{Bulk, BulkConfig, ExportKind, ExportStatus};
//! use marketo_emulator::model::{DbLocation, Model};
//! use marketo_emulator::model::schema::LeadSchema;
//! use chrono::{TimeZone, Utc};
//! let model = Model::open(DbLocation::InMemory, LeadSchema::default()).unwrap();
//! let bulk = Bulk::open(&model, BulkConfig::default()).unwrap();
//! let now = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
//! let body = serde_json::json!({"fields": ["id", "email"],
//!     "filter": {"createdAt": {"startAt": "2024-04-01T00:00:00Z", "endAt": "2024-05-01T00:00:00Z"}}});
//! let job = bulk.create_export(&model, &ExportKind::Leads, "me", &body, now).unwrap();
//! assert_eq!(job.status, ExportStatus::Created);
//! let id = job.export_id;
//! assert_eq!(bulk.enqueue(&model, &ExportKind::Leads, "me", &id, now).unwrap().status, ExportStatus::Queued);
//! let later = now + chrono::Duration::seconds(60);
//! assert_eq!(bulk.export_status(&model, &ExportKind::Leads, "me", &id, later).unwrap().status, ExportStatus::Completed);
//! ```

mod allowance;
pub mod book;
pub mod config;
pub mod delimited;
mod errors;
pub mod export;
mod export_api;
mod export_create;
pub mod export_members;
pub mod export_objects;
mod generate;
pub mod import;
mod import_api;
pub mod import_members;
pub mod import_objects;
pub mod queue;
mod slots;
pub mod view;

pub use config::BulkConfig;
pub use errors::{
    BAD_FORMAT, BAD_STATE, CREATED_AT_REQUIRED, HEADER_NOT_EXPORTED, ONE_FILTER, PRIMARY_VALUES,
    RANGE_REVERSED, RANGE_TOO_LONG,
};
pub use export::ExportKind;
pub use marketo_types::bulk::{ExportStatus, ImportStatus};

use crate::model::Model;
use crate::store::{jobs, StoreError};
use book::{Book, StoredBook, BOOK_KEY};
use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};
use marketo_types::envelope::ApiError;
use queue::Outcome;
use std::sync::{Mutex, MutexGuard};

/// A submitted import, as the HTTP layer parsed it.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    /// The submitting API user's client id.
    pub owner: String,
    /// The partitions that user may use (`None`: all).
    pub partitions: Option<Vec<String>>,
    /// `format` (`None`: csv).
    pub format: Option<String>,
    /// `lookupField` (`None`: email).
    pub lookup_field: Option<String>,
    /// `listId`.
    pub list_id: Option<i64>,
    /// `partitionName`.
    pub partition_name: Option<String>,
    /// The `file` part.
    pub file: Bytes,
}

/// A stored file to serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedFile {
    /// Its key in the chunk table (read it with [`crate::store::bulk_files::read_range`]).
    pub key: String,
    /// Its length.
    pub size: u64,
    /// Its content type.
    pub content_type: &'static str,
}

/// Which file of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFile {
    /// `failures.json`
    Failures,
    /// `warnings.json`
    Warnings,
}

/// The job book as loaded: usable, or a stored book that did not parse (and why).
#[derive(Debug)]
enum Loaded {
    Ready(Book),
    Unreadable(String),
}

/// The bulk jobs of one emulator (see the module docs).
#[derive(Debug)]
pub struct Bulk {
    config: BulkConfig,
    book: Mutex<Loaded>,
}

fn has_data_row(file: &[u8]) -> bool {
    file.split(|&b| b == b'\n')
        .filter(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
        .nth(1)
        .is_some()
}

fn seconds(secs: u64) -> Duration {
    Duration::seconds(i64::try_from(secs).unwrap_or(i64::MAX / 2_000))
}

impl Bulk {
    /// The bulk state stored in `model` (empty when none is). A stored book that does not parse is logged
    /// here and answered with 611 on every bulk call until [`Bulk::reset`]; a database that cannot be read is
    /// an error.
    pub fn open(model: &Model, config: BulkConfig) -> Result<Bulk, StoreError> {
        let loaded = match model
            .store()
            .with(|db| jobs::load::<StoredBook>(db, BOOK_KEY))
        {
            Ok(Some(stored)) => Loaded::Ready(Book::from_stored(stored, &config)),
            Ok(None) => Loaded::Ready(Book::new(&config)),
            Err(StoreError::Json(e)) => {
                tracing::error!(
                    key = BOOK_KEY,
                    error = %e,
                    "the stored bulk job book does not parse: bulk calls answer 611 until POST /_emulator/reset"
                );
                Loaded::Unreadable(e.to_string())
            }
            Err(e) => return Err(e),
        };
        Ok(Bulk {
            config,
            book: Mutex::new(loaded),
        })
    }

    /// The settings.
    pub fn config(&self) -> &BulkConfig {
        &self.config
    }

    fn lock(&self) -> MutexGuard<'_, Loaded> {
        self.book.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forget every job and the day's export bytes (the admin reset; the files go with the model's data). An
    /// unreadable stored book is replaced by an empty one.
    pub fn reset(&self, model: &Model) {
        let book = Book::new(&self.config);
        save(model, &book);
        *self.lock() = Loaded::Ready(book);
    }

    /// Replay the queues up to `now`, run `f`, store the book. 611 when the stored book did not parse.
    fn with<T>(
        &self,
        model: &Model,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Book) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut loaded = self.lock();
        let book = match &mut *loaded {
            Loaded::Ready(book) => book,
            Loaded::Unreadable(reason) => {
                tracing::error!(
                    key = BOOK_KEY,
                    error = %reason,
                    "bulk call answered 611: the stored bulk job book does not parse (POST /_emulator/reset starts a new one)"
                );
                return Err(ApiError::catalogued(611, &[]));
            }
        };
        self.advance(model, book, now);
        let out = f(book);
        save(model, book);
        out
    }

    /// Run both queues up to `now`: imports upsert their rows, exports write their files.
    fn advance(&self, model: &Model, book: &mut Book, now: DateTime<Utc>) {
        book.imports.advance(
            now,
            seconds(self.config.import_secs),
            |job, at| match import::run(model, job, at) {
                Ok(outcome) => outcome,
                Err(e) => {
                    job.message = Some(format!("Import failed: {}", e.message));
                    Outcome::Failed
                }
            },
        );
        let allowance = &mut book.allowance;
        book.exports.advance(
            now,
            seconds(self.config.export_secs),
            |job, at| match generate::run(model, job) {
                Ok((records, file)) => {
                    allowance.add(at, file.size);
                    job.records = Some(records);
                    job.file = Some(file);
                    Outcome::Completed
                }
                Err(e) => {
                    tracing::error!(error = %e, export = %job.id, "export file not written");
                    job.error = Some("System error".to_owned());
                    Outcome::Failed
                }
            },
        );
    }
}

fn save(model: &Model, book: &Book) {
    if let Err(e) = model
        .store()
        .with(|db| jobs::save(db, BOOK_KEY, &book.stored()))
    {
        tracing::error!(error = %e, "bulk jobs not stored");
    }
}

#[cfg(test)]
mod tests;
