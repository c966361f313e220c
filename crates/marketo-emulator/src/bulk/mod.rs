//! Bulk import and bulk extract: jobs, the queues, the daily export allowance and the files. Plain Rust, no
//! HTTP types; time comes in as `now`, and every call first replays what the queues did up to `now`, so jobs
//! move exactly as far as the emulator's clock has (tests advance the clock instead of waiting).
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
//! The job book is kept in the key-value table, so jobs survive a restart of a file-backed emulator.
//!
//! ```
//! use marketo_emulator::bulk::{Bulk, BulkConfig, ExportKind};
//! use marketo_emulator::model::{DbLocation, Model};
//! use marketo_emulator::model::schema::LeadSchema;
//! use chrono::{TimeZone, Utc};
//! let model = Model::open(DbLocation::InMemory, LeadSchema::default()).unwrap();
//! let bulk = Bulk::open(&model, BulkConfig::default()).unwrap();
//! let now = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
//! let body = serde_json::json!({"fields": ["id", "email"],
//!     "filter": {"createdAt": {"startAt": "2024-04-01T00:00:00Z", "endAt": "2024-05-01T00:00:00Z"}}});
//! let job = bulk.create_export(&model, ExportKind::Leads, "me", &body, now).unwrap();
//! assert_eq!(job["status"], "Created");
//! let id = job["exportId"].as_str().unwrap();
//! assert_eq!(bulk.enqueue(&model, ExportKind::Leads, "me", id, now).unwrap()["status"], "Queued");
//! let later = now + chrono::Duration::seconds(60);
//! assert_eq!(bulk.export_status(&model, ExportKind::Leads, "me", id, later).unwrap()["status"], "Completed");
//! ```

mod allowance;
pub mod config;
pub mod delimited;
mod errors;
pub mod export;
mod export_api;
pub mod files;
mod generate;
pub mod import;
mod import_api;
mod slots;

pub use config::BulkConfig;
pub use errors::{
    BAD_FORMAT, BAD_STATE, CREATED_AT_REQUIRED, HEADER_NOT_EXPORTED, ONE_FILTER, PRIMARY_VALUES,
    RANGE_REVERSED, RANGE_TOO_LONG,
};
pub use export::{ExportKind, ExportStatus};
pub use import::ImportStatus;

use crate::model::Model;
use crate::store::StoreError;
use allowance::Allowance;
use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};
use delimited::Format;
use export::ExportJob;
use files::FileWriter;
use import::ImportJob;
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use slots::Slots;
use std::sync::{Mutex, MutexGuard};

/// The key-value entry holding the job book.
const BOOK_KEY: &str = "emulator.bulk";

/// Every job, the worker slots and the export allowance.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Book {
    next_batch_id: i64,
    imports: Vec<ImportJob>,
    exports: Vec<ExportJob>,
    import_slots: Slots,
    export_slots: Slots,
    allowance: Allowance,
}

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
    /// Its key in the chunk table (read it with [`files::read_range`]).
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

/// The bulk jobs of one emulator (see the module docs).
#[derive(Debug)]
pub struct Bulk {
    config: BulkConfig,
    book: Mutex<Book>,
}

fn has_data_row(file: &[u8]) -> bool {
    file.split(|&b| b == b'\n')
        .filter(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
        .nth(1)
        .is_some()
}

impl Bulk {
    /// The bulk state stored in `model` (empty when none is).
    pub fn open(model: &Model, config: BulkConfig) -> Result<Bulk, StoreError> {
        let mut book: Book = match model.kv_get(BOOK_KEY)? {
            Some(text) => serde_json::from_str(&text).unwrap_or_default(),
            None => Book::default(),
        };
        book.import_slots.resize(config.import_running);
        book.export_slots.resize(config.export_processing);
        Ok(Bulk {
            config,
            book: Mutex::new(book),
        })
    }

    /// The settings.
    pub fn config(&self) -> &BulkConfig {
        &self.config
    }

    fn lock(&self) -> MutexGuard<'_, Book> {
        self.book.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forget every job and the day's export bytes (the admin reset; the files go with the model's data).
    pub fn reset(&self, model: &Model) {
        let mut book = self.lock();
        *book = Book {
            import_slots: Slots::new(self.config.import_running),
            export_slots: Slots::new(self.config.export_processing),
            ..Book::default()
        };
        save(model, &book);
    }

    /// Replay the queues up to `now`, run `f`, store the book.
    fn with<T>(
        &self,
        model: &Model,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Book) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut book = self.lock();
        self.advance(model, &mut book, now);
        let out = f(&mut book);
        save(model, &book);
        out
    }

    fn advance(&self, model: &Model, book: &mut Book, now: DateTime<Utc>) {
        let import_len =
            Duration::seconds(i64::try_from(self.config.import_secs).unwrap_or(i64::MAX / 2_000));
        let export_len =
            Duration::seconds(i64::try_from(self.config.export_secs).unwrap_or(i64::MAX / 2_000));
        let Book {
            imports,
            exports,
            import_slots,
            export_slots,
            allowance,
            ..
        } = book;
        // Imports, first in first out.
        imports.sort_by_key(|j| (j.queued_at, j.batch_id));
        for job in imports
            .iter_mut()
            .filter(|j| j.status == ImportStatus::Queued)
        {
            let (slot, start) = import_slots.next_start(job.queued_at);
            if start > now {
                break;
            }
            job.status = ImportStatus::Importing;
            job.started_at = Some(start);
            job.slot = Some(slot);
            import_slots.occupy(slot, start + import_len);
        }
        let mut due: Vec<&mut ImportJob> = imports
            .iter_mut()
            .filter(|j| j.status == ImportStatus::Importing)
            .filter(|j| j.started_at.is_some_and(|s| s + import_len <= now))
            .collect();
        due.sort_by_key(|j| j.started_at);
        for job in due {
            let at = job.started_at.unwrap_or(now) + import_len;
            if let Err(e) = import::run(model, job, at) {
                job.status = ImportStatus::Failed;
                job.message = Some(format!("Import failed: {}", e.message));
            }
        }
        // Exports, one queue for every kind, first in first out.
        let mut queued: Vec<&mut ExportJob> = exports
            .iter_mut()
            .filter(|j| j.status == ExportStatus::Queued)
            .collect();
        queued.sort_by_key(|j| j.queued_at);
        for job in queued {
            let (slot, start) = export_slots.next_start(job.queued_at.unwrap_or(now));
            if start > now {
                break;
            }
            job.status = ExportStatus::Processing;
            job.started_at = Some(start);
            job.slot = Some(slot);
            export_slots.occupy(slot, start + export_len);
        }
        let mut due: Vec<&mut ExportJob> = exports
            .iter_mut()
            .filter(|j| j.status == ExportStatus::Processing)
            .filter(|j| j.started_at.is_some_and(|s| s + export_len <= now))
            .collect();
        due.sort_by_key(|j| j.started_at);
        for job in due {
            let at = job.started_at.unwrap_or(now) + export_len;
            job.finished_at = Some(at);
            match generate::run(model, job) {
                Ok((records, file)) => {
                    allowance.add(at, file.size);
                    job.status = ExportStatus::Completed;
                    job.records = Some(records);
                    job.file = Some(file);
                }
                Err(e) => {
                    tracing::error!(error = %e, export = %job.id, "export file not written");
                    job.status = ExportStatus::Failed;
                    job.error = Some("System error".to_owned());
                }
            }
        }
    }
}

fn save(model: &Model, book: &Book) {
    match serde_json::to_string(book) {
        Ok(text) => {
            if let Err(e) = model.kv_set(BOOK_KEY, &text) {
                tracing::error!(error = %e, "bulk jobs not stored");
            }
        }
        Err(e) => tracing::error!(error = %e, "bulk jobs not serialisable"),
    }
}
