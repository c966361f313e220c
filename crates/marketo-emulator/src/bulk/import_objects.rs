//! Bulk Custom Object Import jobs (bulk-custom-object-import.md): each row is a record of the type, upserted
//! ("insert or update", the only operation) by its dedupe fields through the object engine's sync, 300 at a
//! time, so records get the type's rules (links checked). A row without a value for every dedupe field fails
//! with `missing.dedupe.fields` (the docs' reason); a row the sync skips fails with the sync's message; a value
//! in a column that is not a field of the type is ignored with a warning [INF]; a row whose column count
//! differs from the header's fails [INF]. The type is the approved version of when the file was submitted.

use super::delimited;
use super::import::{finish, ImportJob};
use super::queue::Outcome;
use crate::engine::custom::TypeDef;
use crate::engine::objects::{self, SyncRequest};
use crate::model::Model;
use crate::store::bulk_files as files;
use chrono::{DateTime, Utc};
use marketo_types::bulk::ObjectImportBatch;
use marketo_types::envelope::ApiError;
use marketo_types::record::RecordStatus;
use serde_json::{Map, Value};

/// The failure reason of a row without its dedupe fields, as the docs show it.
pub const MISSING_DEDUPE: &str = "missing.dedupe.fields";

/// Records synced at a time.
const BATCH: usize = 300;

impl ImportJob {
    /// The custom object status record (`batchId`, `operation`, `status`, `objectApiName`, and the counts,
    /// time and message once done).
    pub fn object_record(&self) -> ObjectImportBatch {
        let status = self.status();
        let done = !status.in_queue();
        let s = &self.schedule;
        let took = match (s.started_at, s.finished_at) {
            (Some(a), Some(b)) => Some(format!("{} second(s)", (b - a).num_seconds().max(1))),
            _ => None,
        };
        ObjectImportBatch {
            batch_id: self.batch_id,
            operation: "import".to_owned(),
            status,
            object_api_name: self
                .object
                .as_ref()
                .map(|d| d.api_name.clone())
                .unwrap_or_default(),
            num_of_objects_processed: done.then_some(self.processed),
            num_of_rows_failed: done.then_some(self.failed),
            num_of_rows_with_warning: done.then_some(self.warned),
            import_time: took.filter(|_| done),
            message: self.message.clone(),
        }
    }
}

/// A row waiting for its sync result (or already failed, kept in line so the files follow the input's order).
struct Pending {
    row: Vec<String>,
    record: Result<Value, String>,
    warning: Option<String>,
}

/// Rows and their reasons, written as the failures or warnings file.
struct Report {
    bytes: Vec<u8>,
    delim: u8,
}

impl Report {
    fn new(header: &[String], reason: &str, delim: u8) -> Report {
        let mut bytes = Vec::new();
        let mut h = header.to_vec();
        h.push(reason.to_owned());
        delimited::write_row(&mut bytes, &h, delim);
        Report { bytes, delim }
    }

    fn add(&mut self, mut row: Vec<String>, reason: String) {
        row.push(reason);
        delimited::write_row(&mut self.bytes, &row, self.delim);
    }
}

/// Run a custom object import of `def`'s records.
pub fn run(
    model: &Model,
    def: &TypeDef,
    job: &mut ImportJob,
    at: DateTime<Utc>,
) -> Result<Outcome, ApiError> {
    let schema = def.schema();
    let data = model
        .store()
        .with(|db| files::read_all(db, &super::import::file_key(job.batch_id, "file")))?;
    let delim = job.format.import_delimiter();
    let mut rows = delimited::parse(&data, delim).into_iter();
    drop(data);
    let header: Vec<String> = rows.next().unwrap_or_default();
    let mut failures = Report::new(&header, "Import Failure Reason", delim);
    let mut warnings = Report::new(&header, "Import Warning Reason", delim);
    let dedupe = def.dedupe_fields();
    let mut pending: Vec<Pending> = Vec::with_capacity(BATCH);
    let flush = |pending: &mut Vec<Pending>,
                 job: &mut ImportJob,
                 failures: &mut Report,
                 warnings: &mut Report|
     -> Result<(), ApiError> {
        if pending.is_empty() {
            return Ok(());
        }
        let input = pending
            .iter()
            .filter_map(|p| p.record.as_ref().ok().cloned())
            .collect();
        let results = objects::sync(model.store(), &schema, &SyncRequest::new(input), at);
        let mut synced = 0;
        for p in pending.drain(..) {
            let outcome = match (&p.record, &results) {
                (Err(reason), _) => Err(reason.clone()),
                (Ok(_), Ok(r)) => {
                    synced += 1;
                    match r.get(synced - 1) {
                        Some(r)
                            if matches!(
                                r.status,
                                RecordStatus::Created | RecordStatus::Updated
                            ) =>
                        {
                            Ok(())
                        }
                        Some(r) => Err(r
                            .reasons()
                            .first()
                            .map_or_else(|| "Invalid data".to_owned(), |e| e.message.clone())),
                        None => Err("Invalid data".to_owned()),
                    }
                }
                (Ok(_), Err(e)) => Err(e.message.clone()),
            };
            match outcome {
                Ok(()) => {
                    job.processed += 1;
                    if let Some(w) = p.warning {
                        job.warned += 1;
                        warnings.add(p.row, w);
                    }
                }
                Err(reason) => {
                    job.failed += 1;
                    failures.add(p.row, reason);
                }
            }
        }
        Ok(())
    };
    for row in rows {
        let (record, warning) = record_of(def, &dedupe, &header, &row);
        pending.push(Pending {
            row,
            record,
            warning,
        });
        if pending.len() >= BATCH {
            flush(&mut pending, job, &mut failures, &mut warnings)?;
        }
    }
    flush(&mut pending, job, &mut failures, &mut warnings)?;
    finish(model, job, (&failures.bytes, &warnings.bytes), at)
}

/// The record a row holds (or why it cannot be imported) and its warning.
fn record_of(
    def: &TypeDef,
    dedupe: &[String],
    header: &[String],
    row: &[String],
) -> (Result<Value, String>, Option<String>) {
    if row.len() != header.len() {
        let reason = format!("Invalid number of columns, expected {}", header.len());
        return (Err(reason), None);
    }
    let mut record = Map::new();
    let mut warning = None;
    for (name, cell) in header.iter().zip(row) {
        if cell.is_empty() {
            continue;
        }
        if def.field(name).is_some() {
            record.insert(name.clone(), Value::String(cell.clone()));
        } else if warning.is_none() {
            warning = Some(format!("Field '{name}' not found, value ignored"));
        }
    }
    if dedupe.iter().any(|f| !record.contains_key(f)) {
        return (Err(MISSING_DEDUPE.to_owned()), None);
    }
    (Ok(Value::Object(record)), warning)
}
