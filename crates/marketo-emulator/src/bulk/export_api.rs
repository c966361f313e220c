//! The export half of [`Bulk`] (leads, activities and custom objects): create, enqueue, cancel, status, list, file.

use super::export::{ExportJob, ExportKind};
use super::queue::{Phase, Queue};
use super::{errors, export_create, export_objects, Bulk, Loaded, ServedFile};
use crate::engine::ObjectSchema;
use crate::model::Model;
use chrono::{DateTime, Duration, Utc};
use marketo_types::bulk::{ExportJob as ExportRecord, ExportStatus};
use marketo_types::envelope::ApiError;
use serde_json::Value;

/// The index of this user's job `id` of `kind` (1013 for another user's, another kind's, or none).
fn find(
    exports: &Queue<ExportJob>,
    kind: &ExportKind,
    owner: &str,
    id: &str,
) -> Result<usize, ApiError> {
    exports
        .position(|j| j.id == id && &j.kind == kind && j.owner == owner)
        .ok_or_else(errors::not_found)
}

impl Bulk {
    /// Create Export Job: the `Created` entry. Refused with 1029 once the day's allowance is spent.
    pub fn create_export(
        &self,
        model: &Model,
        kind: &ExportKind,
        owner: &str,
        body: &Value,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        let job = export_create::create(model, &self.config, kind, owner, body, now)?;
        self.add_export(model, job, now)
    }

    /// Create Export Custom Object Job for the records of `schema`: the `Created` entry.
    pub fn create_object_export(
        &self,
        model: &Model,
        schema: &ObjectSchema,
        owner: &str,
        body: &Value,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        let job = export_objects::create(model, &self.config, schema, owner, body, now)?;
        self.add_export(model, job, now)
    }

    /// A created job joins the book, refused with 1029 once the day's allowance is spent.
    pub(super) fn add_export(
        &self,
        model: &Model,
        job: ExportJob,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        self.with(model, now, |book| {
            if book.allowance.spent(now, self.config.export_daily_bytes) {
                return Err(errors::daily_quota(self.config.export_daily_mb()));
            }
            let entry = job.record();
            book.exports.push(job);
            Ok(entry)
        })
    }

    /// Enqueue Export Job: `Created -> Queued`.
    pub fn enqueue(
        &self,
        model: &Model,
        kind: &ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        self.with(model, now, |book| {
            let i = find(&book.exports, kind, owner, id)?;
            let phase = book.exports.job(i).schedule.phase;
            if phase.in_queue() {
                return Err(errors::already_queued());
            }
            if phase != Phase::Created {
                return Err(errors::invalid(errors::BAD_STATE));
            }
            if book.allowance.spent(now, self.config.export_daily_bytes) {
                return Err(errors::daily_quota(self.config.export_daily_mb()));
            }
            if !book.exports.has_room(self.config.export_queued) {
                return Err(errors::queue_full());
            }
            book.exports.enqueue(i, now);
            // Answered `Queued`; with a free slot it is `Processing` from the next look on.
            Ok(book.exports.job(i).record())
        })
    }

    /// Cancel Export Job: a created, queued or processing job becomes `Cancelled`.
    pub fn cancel(
        &self,
        model: &Model,
        kind: &ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        self.with(model, now, |book| {
            let i = find(&book.exports, kind, owner, id)?;
            let phase = book.exports.job(i).schedule.phase;
            if phase != Phase::Created && !phase.in_queue() {
                return Err(errors::invalid(errors::BAD_STATE));
            }
            book.exports.cancel(i, now);
            Ok(book.exports.job(i).record())
        })
    }

    /// Get Export Job Status.
    pub fn export_status(
        &self,
        model: &Model,
        kind: &ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        self.with(model, now, |book| {
            let i = find(&book.exports, kind, owner, id)?;
            Ok(book.exports.job(i).record())
        })
    }

    /// Get Export Jobs: this user's jobs of `kind` created in the past 7 days, optionally of some statuses
    /// (`Canceled` as the docs spell it is `Cancelled`).
    pub fn list_exports(
        &self,
        model: &Model,
        kind: &ExportKind,
        owner: &str,
        statuses: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<ExportRecord>, ApiError> {
        let since = now - Duration::days(7);
        let wanted = |s: ExportStatus| {
            statuses.is_empty() || statuses.iter().any(|w| ExportStatus::parse(w) == Some(s))
        };
        self.with(model, now, |book| {
            Ok(book
                .exports
                .jobs()
                .iter()
                .filter(|j| &j.kind == kind && j.owner == owner && j.created_at >= since)
                .filter(|j| wanted(j.status()))
                .map(ExportJob::record)
                .collect())
        })
    }

    /// The file of a completed export; `None` for an unknown id or a job that is not `Completed`.
    pub fn export_file(
        &self,
        model: &Model,
        kind: &ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ServedFile>, ApiError> {
        self.with(model, now, |book| {
            let Ok(i) = find(&book.exports, kind, owner, id) else {
                return Ok(None);
            };
            let job = book.exports.job(i);
            Ok(match (&job.file, job.schedule.phase) {
                (Some(f), Phase::Completed) => Some(ServedFile {
                    key: f.key.clone(),
                    size: f.size,
                    content_type: job.format.content_type(),
                }),
                _ => None,
            })
        })
    }

    /// Bytes of export files completed on `now`'s quota day (0 while the stored book is unreadable).
    pub fn exported_today(&self, now: DateTime<Utc>) -> u64 {
        match &*self.lock() {
            Loaded::Ready(book) => book.allowance.used(now),
            Loaded::Unreadable(_) => 0,
        }
    }
}
