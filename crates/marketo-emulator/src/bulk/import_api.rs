//! The import half of [`Bulk`] (leads and custom objects): submit, status, failure and warning files.

use super::import::{self, ImportJob};
use super::queue::Schedule;
use super::{errors, has_data_row, Bulk, ImportFile, ImportRequest, ServedFile};
use crate::engine::custom::TypeDef;
use crate::model::Model;
use crate::store::bulk_files::{self as files, FileWriter};
use crate::store::lists;
use chrono::{DateTime, Utc};
use marketo_types::bulk::{BulkFormat, ImportBatch, ObjectImportBatch};
use marketo_types::envelope::ApiError;

impl Bulk {
    /// Bulk Lead Import: check the request, store the file, queue the job; the `Queued` entry.
    pub fn submit_import(
        &self,
        model: &Model,
        req: ImportRequest,
        now: DateTime<Utc>,
    ) -> Result<ImportBatch, ApiError> {
        let format = parse_format(req.format.as_deref())?;
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
        let list_id = req.list_id;
        let job = ImportJob {
            batch_id: 0,
            owner: req.owner,
            format,
            lookup_field: lookup,
            list_id,
            partition_name: req.partition_name.filter(|p| !p.trim().is_empty()),
            partitions: req.partitions,
            schedule: Schedule::queued(now),
            processed: 0,
            failed: 0,
            warned: 0,
            message: None,
            object: None,
            program: None,
        };
        self.queue_import(model, job, &req.file, now)
            .map(|job| job.record())
    }

    /// Import Custom Objects of the approved type `def`: check the format and the file, store it, queue the
    /// job (the lead imports' queue and limits); the `Queued` entry.
    pub fn submit_object_import(
        &self,
        model: &Model,
        def: TypeDef,
        owner: &str,
        format: Option<&str>,
        file: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ObjectImportBatch, ApiError> {
        let format = parse_format(format)?;
        if !has_data_row(file) {
            return Err(errors::empty_file());
        }
        let job = ImportJob {
            batch_id: 0,
            owner: owner.to_owned(),
            format,
            lookup_field: String::new(),
            list_id: None,
            partition_name: None,
            partitions: None,
            schedule: Schedule::queued(now),
            processed: 0,
            failed: 0,
            warned: 0,
            message: None,
            object: Some(def),
            program: None,
        };
        self.queue_import(model, job, file, now)
            .map(|job| job.object_record())
    }

    /// Give `job` the next batch id, store its file and queue it: 1019 while another import into the same
    /// list is queued, 1016 when the queue is full.
    pub(super) fn queue_import(
        &self,
        model: &Model,
        mut job: ImportJob,
        file: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ImportJob, ApiError> {
        self.with(model, now, |book| {
            if job.list_id.is_some() && book.imports.in_queue().any(|j| j.list_id == job.list_id) {
                return Err(ApiError::catalogued(1019, &[]));
            }
            if !book.imports.has_room(self.config.import_queued) {
                return Err(ApiError::catalogued(1016, &[]));
            }
            book.next_batch_id = book.next_batch_id.max(1000) + 1;
            job.batch_id = book.next_batch_id;
            model.store().transaction(|db| {
                let mut w = FileWriter::create(db, &import::file_key(job.batch_id, "file"))?;
                w.write(file)?;
                w.finish().map(drop)
            })?;
            book.imports.push(job.clone());
            Ok(job)
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
        self.import_job(model, (owner, None), batch_id, now)
            .map(|j| j.record())
    }

    /// Get Import Custom Object Status: a batch of the type `object`.
    pub fn object_import_status(
        &self,
        model: &Model,
        (owner, object): (&str, &str),
        batch_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ObjectImportBatch, ApiError> {
        self.import_job(model, (owner, Some(object)), batch_id, now)
            .map(|j| j.object_record())
    }

    /// This user's import `batch_id` of leads (`object` `None`) or of a custom object type (1013 otherwise).
    fn import_job(
        &self,
        model: &Model,
        who: (&str, Option<&str>),
        batch_id: i64,
        now: DateTime<Utc>,
    ) -> Result<ImportJob, ApiError> {
        self.with(model, now, |book| {
            book.imports
                .position(|j| j.batch_id == batch_id && is_of(j, who))
                .map(|i| book.imports.job(i).clone())
                .ok_or_else(errors::not_found)
        })
    }

    /// The failures or warnings file of an import (empty until the import is done).
    pub fn import_file(
        &self,
        model: &Model,
        who: (&str, Option<&str>),
        batch_id: i64,
        which: ImportFile,
        now: DateTime<Utc>,
    ) -> Result<ServedFile, ApiError> {
        let (key, format) = self.with(model, now, |book| {
            let i = book
                .imports
                .position(|j| j.batch_id == batch_id && is_of(j, who))
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

/// Whether `job` is `owner`'s import of leads (`object` `None`) or of the custom object type `object`.
fn is_of(job: &ImportJob, (owner, object): (&str, Option<&str>)) -> bool {
    job.owner == owner && job.object.as_ref().map(|d| d.api_name.as_str()) == object
}

/// `format`: csv (the default), tsv or ssv (1003 otherwise).
fn parse_format(format: Option<&str>) -> Result<BulkFormat, ApiError> {
    match format.map(str::trim) {
        None | Some("") => Ok(BulkFormat::Csv),
        Some(f) => BulkFormat::parse(f).ok_or_else(|| errors::invalid(errors::BAD_FORMAT)),
    }
}
