//! Bulk import jobs (leads; custom objects in `import_objects.rs`): what a submitted import is, and running one when its turn comes on the clock.
//!
//! Rows are upserted through the model's Sync Leads (createOrUpdate by `lookupField`; `lookupField=id` is
//! update only), 300 at a time, so they get the model's rules and records their activities. A row the sync
//! skips is a failure (its reason is the sync's message); a row with a value in a column that is not a lead
//! field is imported without that value and gets a warning [INF]; a row whose column count differs from the
//! header's is a failure [INF]. A file whose header lacks the lookup field fails the whole job [INF].

use super::delimited;
use super::queue::{Job, Outcome, Phase, Schedule};
use crate::engine::custom::TypeDef;
use crate::model::{format_time, Model, SyncLeads};
use crate::store::bulk_files::{self as files, FileWriter};
use chrono::{DateTime, Utc};
use marketo_types::bulk::{BulkFormat, ImportBatch, ImportStatus};
use marketo_types::envelope::ApiError;
use marketo_types::record::RecordStatus;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One import job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportJob {
    /// `batchId`.
    pub batch_id: i64,
    /// The client id of the API user who submitted it.
    pub owner: String,
    /// The file's format.
    pub format: BulkFormat,
    /// The dedupe field.
    pub lookup_field: String,
    /// A static list the imported leads join.
    pub list_id: Option<i64>,
    /// The partition new leads go to.
    pub partition_name: Option<String>,
    /// The partitions the owner may use (`None`: all).
    pub partitions: Option<Vec<String>>,
    /// Where it is in the queue.
    #[serde(flatten)]
    pub schedule: Schedule,
    /// Rows imported.
    pub processed: u64,
    /// Rows failed.
    pub failed: u64,
    /// Rows with a warning.
    pub warned: u64,
    /// The status message, once done.
    pub message: Option<String>,
    /// For a custom object import, the approved type as it was when the file was submitted (`None`: leads).
    #[serde(default)]
    pub object: Option<TypeDef>,
    /// For a program member import, the program and the status its members get.
    #[serde(default)]
    pub program: Option<super::import_members::MemberImport>,
}

impl Job for ImportJob {
    fn schedule(&self) -> &Schedule {
        &self.schedule
    }
    fn schedule_mut(&mut self) -> &mut Schedule {
        &mut self.schedule
    }
}

/// The chunk-table key of an import's files (`file`, `failures`, `warnings`).
pub fn file_key(batch_id: i64, which: &str) -> String {
    format!("import/{batch_id}/{which}")
}

impl ImportJob {
    /// Its status as the wire spells it.
    pub fn status(&self) -> ImportStatus {
        match self.schedule.phase {
            Phase::Created | Phase::Queued => ImportStatus::Queued,
            Phase::Running => ImportStatus::Importing,
            Phase::Completed => ImportStatus::Complete,
            Phase::Failed | Phase::Cancelled => ImportStatus::Failed,
        }
    }

    /// The status record (`batchId`, `importId`, `status`, and the counts and message once done).
    pub fn record(&self) -> ImportBatch {
        let status = self.status();
        let done = !status.in_queue();
        ImportBatch {
            batch_id: self.batch_id,
            import_id: Some(self.batch_id.to_string()),
            status,
            num_of_leads_processed: done.then_some(self.processed),
            num_of_rows_failed: done.then_some(self.failed),
            num_of_rows_with_warning: done.then_some(self.warned),
            message: self.message.clone(),
        }
    }
}

/// The status message of a finished import, as Marketo words it.
pub fn message(processed: u64, failed: u64, warned: u64) -> String {
    let mut msg = if failed == 0 {
        format!("Import succeeded, {processed} records imported ({processed} members)")
    } else {
        format!(
            "Import completed with errors, {processed} records imported ({processed} members), {failed} failed"
        )
    };
    if warned > 0 {
        let w = if warned == 1 { "warning" } else { "warnings" };
        msg.push_str(&format!(", {warned} {w}."));
    }
    msg
}

/// A row waiting for its sync result.
struct Pending {
    row: Vec<String>,
    record: Value,
    warning: Option<String>,
    /// Program member field values (a program member import).
    member: Map<String, Value>,
}

/// Run `job` at `at`: upsert the rows, write the failures and warnings files, set the counts and the message.
/// A file without the lookup field fails as a whole.
pub fn run(model: &Model, job: &mut ImportJob, at: DateTime<Utc>) -> Result<Outcome, ApiError> {
    if let Some(def) = job.object.clone() {
        return super::import_objects::run(model, &def, job, at);
    }
    let store = model.store();
    let data = store.with(|db| files::read_all(db, &file_key(job.batch_id, "file")))?;
    let mut rows = delimited::parse(&data, job.format.import_delimiter()).into_iter();
    drop(data);
    let header: Vec<String> = rows
        .next()
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if !header.iter().any(|h| h == &job.lookup_field) {
        job.message = Some(format!(
            "Import failed: lookup field '{}' is not a column of the file",
            job.lookup_field
        ));
        return Ok(Outcome::Failed);
    }
    let delim = job.format.import_delimiter();
    let mut failures = Vec::new();
    let mut warnings = Vec::new();
    let reason_header = |name: &str| {
        let mut h = header.clone();
        h.push(name.to_owned());
        h
    };
    delimited::write_row(
        &mut failures,
        &reason_header("Import Failure Reason"),
        delim,
    );
    delimited::write_row(
        &mut warnings,
        &reason_header("Import Warning Reason"),
        delim,
    );
    let action = if job.lookup_field == "id" {
        "updateOnly"
    } else {
        "createOrUpdate"
    };
    let batch = model.schema().rules.max_batch.max(1);
    let mut pending: Vec<Pending> = Vec::with_capacity(batch);
    let mut imported_ids = Vec::new();
    let mut joined = Vec::new();
    let member_fields = super::import_members::custom_fields(model, job)?;
    let mut flush = |pending: &mut Vec<Pending>,
                     job: &mut ImportJob,
                     failures: &mut Vec<u8>,
                     warnings: &mut Vec<u8>|
     -> Result<(), ApiError> {
        if pending.is_empty() {
            return Ok(());
        }
        let req = SyncLeads {
            action: Some(action.to_owned()),
            lookup_field: Some(job.lookup_field.clone()),
            partition_name: job.partition_name.clone(),
            input: pending.iter().map(|p| p.record.clone()).collect(),
            allowed_partitions: job.partitions.clone(),
            held: None,
        };
        let results = model.sync_leads(&req, at);
        for (i, p) in pending.drain(..).enumerate() {
            let outcome = match &results {
                Ok(r) => r.get(i).map(|r| match r.status {
                    RecordStatus::Created | RecordStatus::Updated => {
                        Ok((r.id, r.status == RecordStatus::Created))
                    }
                    _ => Err(r
                        .reasons()
                        .first()
                        .map_or_else(|| "Invalid data".to_owned(), |e| e.message.clone())),
                }),
                Err(e) => Some(Err(e.message.clone())),
            };
            match outcome.unwrap_or_else(|| Err("Invalid data".to_owned())) {
                Ok((id, created)) => {
                    job.processed += 1;
                    imported_ids.extend(id);
                    joined.extend(id.map(|id| (id, created, p.member)));
                    if let Some(w) = p.warning {
                        job.warned += 1;
                        let mut row = p.row;
                        row.push(w);
                        delimited::write_row(warnings, &row, delim);
                    }
                }
                Err(reason) => {
                    job.failed += 1;
                    let mut row = p.row;
                    row.push(reason);
                    delimited::write_row(failures, &row, delim);
                }
            }
        }
        Ok(())
    };
    for row in rows {
        if row.len() != header.len() {
            job.failed += 1;
            let mut out = row;
            out.push(format!(
                "Invalid number of columns, expected {}",
                header.len()
            ));
            delimited::write_row(&mut failures, &out, delim);
            continue;
        }
        let mut record = Map::new();
        let mut member = Map::new();
        let mut warning = None;
        for (name, cell) in header.iter().zip(&row) {
            if cell.is_empty() {
                continue;
            }
            if name == "id" || model.schema().field(name).is_some() {
                record.insert(name.clone(), Value::String(cell.clone()));
            } else if member_fields.contains(name) {
                member.insert(name.clone(), Value::String(cell.clone()));
            } else if warning.is_none() {
                warning = Some(format!("Field '{name}' not found, value ignored"));
            }
        }
        if job.program.is_some() && !record.contains_key("email") {
            job.failed += 1;
            let mut out = row;
            out.push(super::import_members::EMAIL_REQUIRED.to_owned());
            delimited::write_row(&mut failures, &out, delim);
            continue;
        }
        pending.push(Pending {
            row,
            record: Value::Object(record),
            warning,
            member,
        });
        if pending.len() >= batch {
            flush(&mut pending, job, &mut failures, &mut warnings)?;
        }
    }
    flush(&mut pending, job, &mut failures, &mut warnings)?;
    if let Some(program) = &job.program {
        super::import_members::join(model, program, &joined, at)?;
    }
    if let Some(list) = job.list_id {
        for ids in imported_ids.chunks(batch) {
            // The list was checked at submission; if it went away since, the leads are still imported.
            let _ = model.list_add(list, ids, None, at);
        }
    }
    finish(model, job, (&failures, &warnings), at)
}

/// Store the failures and warnings files, drop the submitted file, set the message: the job is complete.
pub(super) fn finish(
    model: &Model,
    job: &mut ImportJob,
    (failures, warnings): (&[u8], &[u8]),
    at: DateTime<Utc>,
) -> Result<Outcome, ApiError> {
    model.store().transaction(|db| {
        for (which, bytes) in [("failures", failures), ("warnings", warnings)] {
            let mut w = FileWriter::create(db, &file_key(job.batch_id, which))?;
            w.write(bytes)?;
            w.finish()?;
        }
        files::delete(db, &file_key(job.batch_id, "file"))
    })?;
    job.message = Some(message(job.processed, job.failed, job.warned));
    tracing::debug!(batch = job.batch_id, at = %format_time(at), "import complete");
    Ok(Outcome::Completed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_match_the_docs() {
        assert_eq!(
            super::message(3, 0, 0),
            "Import succeeded, 3 records imported (3 members)"
        );
        assert_eq!(
            super::message(2, 1, 0),
            "Import completed with errors, 2 records imported (2 members), 1 failed"
        );
        assert_eq!(
            super::message(1, 0, 1),
            "Import succeeded, 1 records imported (1 members), 1 warning."
        );
    }
}
