//! The import half of [`Bulk`]: submit, status, failure and warning files.

use super::import::{self, ImportJob};
use super::queue::Schedule;
use super::{errors, has_data_row, Bulk, ImportFile, ImportRequest, ServedFile};
use crate::model::Model;
use crate::store::bulk_files::{self as files, FileWriter};
use crate::store::lists;
use chrono::{DateTime, Utc};
use marketo_types::bulk::{BulkFormat, ImportBatch};
use marketo_types::envelope::ApiError;

impl Bulk {
    /// Bulk Lead Import: check the request, store the file, queue the job; the `Queued` entry.
    pub fn submit_import(
        &self,
        model: &Model,
        req: ImportRequest,
        now: DateTime<Utc>,
    ) -> Result<ImportBatch, ApiError> {
        let format = match req.format.as_deref().map(str::trim) {
            None | Some("") => BulkFormat::Csv,
            Some(f) => BulkFormat::parse(f).ok_or_else(|| errors::invalid(errors::BAD_FORMAT))?,
        };
        if !has_data_row(&req.file) {
            return Err(errors::empty_file());
        }
        let lookup = match req.lookup_field.as_deref().map(str::trim) {
            None | Some("") => "email".to_owned(),
            Some(l) => l.to_owned(),
        };
        if lookup != "id" && model.schema().field(&lookup).is_none() {
            return Err(ApiError::of_meaning(1006, "lookup-field", &[&lookup]));
        }
        if let Some(list) = req.list_id {
            if !model.store().with(|db| lists::exists(db, list))? {
                return Err(errors::not_found());
            }
        }
        self.with(model, now, |book| {
            if req.list_id.is_some() && book.imports.in_queue().any(|j| j.list_id == req.list_id) {
                return Err(ApiError::catalogued(1019, &[]));
            }
            if !book.imports.has_room(self.config.import_queued) {
                return Err(ApiError::catalogued(1016, &[]));
            }
            book.next_batch_id = book.next_batch_id.max(1000) + 1;
            let batch_id = book.next_batch_id;
            model.store().transaction(|db| {
                let mut w = FileWriter::create(db, &import::file_key(batch_id, "file"))?;
                w.write(&req.file)?;
                w.finish().map(drop)
            })?;
            let job = ImportJob {
                batch_id,
                owner: req.owner,
                format,
                lookup_field: lookup,
                list_id: req.list_id,
                partition_name: req.partition_name.filter(|p| !p.trim().is_empty()),
                partitions: req.partitions,
                schedule: Schedule::queued(now),
                processed: 0,
                failed: 0,
                warned: 0,
                message: None,
            };
            let entry = job.record();
            book.imports.push(job);
            Ok(entry)
        })
    }

    /// Get Import Lead Status.
    pub fn import_status(
        &self,
        model: &Model,
        owner: &str,
        batch_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ImportBatch, ApiError> {
        self.with(model, now, |book| {
            book.imports
                .position(|j| j.batch_id == batch_id && j.owner == owner)
                .map(|i| book.imports.job(i).record())
                .ok_or_else(errors::not_found)
        })
    }

    /// The failures or warnings file of an import (empty until the import is done).
    pub fn import_file(
        &self,
        model: &Model,
        owner: &str,
        batch_id: i64,
        which: ImportFile,
        now: DateTime<Utc>,
    ) -> Result<ServedFile, ApiError> {
        let (key, format) = self.with(model, now, |book| {
            let i = book
                .imports
                .position(|j| j.batch_id == batch_id && j.owner == owner)
                .ok_or_else(errors::not_found)?;
            let name = match which {
                ImportFile::Failures => "failures",
                ImportFile::Warnings => "warnings",
            };
            Ok((import::file_key(batch_id, name), book.imports.job(i).format))
        })?;
        let size = model.store().with(|db| files::size(db, &key))?;
        Ok(ServedFile {
            key,
            size,
            content_type: format.content_type(),
        })
    }
}
