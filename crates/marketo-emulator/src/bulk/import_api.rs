//! The import half of [`Bulk`]: submit, status, failure and warning files.

use super::*;

impl Bulk {
    /// Bulk Lead Import: check the request, store the file, queue the job; the `Queued` entry.
    pub fn submit_import(
        &self,
        model: &Model,
        req: ImportRequest,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        let format = match req.format.as_deref().map(str::trim) {
            None | Some("") => Format::Csv,
            Some(f) => Format::parse(f).ok_or_else(|| errors::invalid(errors::BAD_FORMAT))?,
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
            if !model
                .store()
                .with(|db| crate::store::lists::exists(db, list))?
            {
                return Err(errors::not_found());
            }
        }
        self.with(model, now, |book| {
            let active = || book.imports.iter().filter(|j| j.status.in_queue());
            if req.list_id.is_some() && active().any(|j| j.list_id == req.list_id) {
                return Err(ApiError::catalogued(1019, &[]));
            }
            if active().count() >= self.config.import_queued {
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
                status: ImportStatus::Queued,
                queued_at: now,
                started_at: None,
                slot: None,
                processed: 0,
                failed: 0,
                warned: 0,
                message: None,
            };
            let entry = job.to_json();
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
    ) -> Result<Value, ApiError> {
        self.with(model, now, |book| {
            book.imports
                .iter()
                .find(|j| j.batch_id == batch_id && j.owner == owner)
                .map(ImportJob::to_json)
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
            let job = book
                .imports
                .iter()
                .find(|j| j.batch_id == batch_id && j.owner == owner)
                .ok_or_else(errors::not_found)?;
            let name = match which {
                ImportFile::Failures => "failures",
                ImportFile::Warnings => "warnings",
            };
            Ok((import::file_key(batch_id, name), job.format))
        })?;
        let size = model.store().with(|db| {
            let mut stmt = db.prepare_cached(
                "SELECT ifnull(sum(length(data)), 0) FROM bulk_chunks WHERE file = ?1",
            )?;
            Ok(stmt.query_row([&key], |r| r.get::<_, i64>(0))?)
        })?;
        Ok(ServedFile {
            key,
            size: u64::try_from(size).unwrap_or(0),
            content_type: format.content_type(),
        })
    }
}
