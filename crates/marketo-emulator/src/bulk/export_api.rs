//! The export half of [`Bulk`] (leads and activities): create, enqueue, cancel, status, list, file.

use super::*;

impl Bulk {
    /// Create Export Job: the `Created` entry. Refused with 1029 once the day's allowance is spent.
    pub fn create_export(
        &self,
        model: &Model,
        kind: ExportKind,
        owner: &str,
        body: &Value,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        let job = export::create(model, &self.config, kind, owner, body, now)?;
        self.with(model, now, |book| {
            if book.allowance.spent(now, self.config.export_daily_bytes) {
                return Err(errors::daily_quota(self.config.export_daily_mb()));
            }
            let entry = job.to_json();
            book.exports.push(job);
            Ok(entry)
        })
    }

    fn job<'a>(
        book: &'a mut Book,
        kind: ExportKind,
        owner: &str,
        id: &str,
    ) -> Result<&'a mut ExportJob, ApiError> {
        book.exports
            .iter_mut()
            .find(|j| j.id == id && j.kind == kind && j.owner == owner)
            .ok_or_else(errors::not_found)
    }

    /// Enqueue Export Job: `Created -> Queued`.
    pub fn enqueue(
        &self,
        model: &Model,
        kind: ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        self.with(model, now, |book| {
            let status = Self::job(book, kind, owner, id)?.status;
            if status.in_queue() {
                return Err(errors::already_queued());
            }
            if status != ExportStatus::Created {
                return Err(errors::invalid(errors::BAD_STATE));
            }
            if book.allowance.spent(now, self.config.export_daily_bytes) {
                return Err(errors::daily_quota(self.config.export_daily_mb()));
            }
            if book.exports.iter().filter(|j| j.status.in_queue()).count()
                >= self.config.export_queued
            {
                return Err(errors::queue_full());
            }
            let job = Self::job(book, kind, owner, id)?;
            job.status = ExportStatus::Queued;
            job.queued_at = Some(now);
            // Answered `Queued`; with a free slot it is `Processing` from the next look on.
            Ok(job.to_json())
        })
    }

    /// Cancel Export Job: a created, queued or processing job becomes `Cancelled`.
    pub fn cancel(
        &self,
        model: &Model,
        kind: ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        self.with(model, now, |book| {
            let job = Self::job(book, kind, owner, id)?;
            if !matches!(job.status, ExportStatus::Created) && !job.status.in_queue() {
                return Err(errors::invalid(errors::BAD_STATE));
            }
            let slot = (job.status == ExportStatus::Processing)
                .then_some(job.slot)
                .flatten();
            job.status = ExportStatus::Cancelled;
            let entry = job.to_json();
            if let Some(slot) = slot {
                book.export_slots.release(slot, now);
            }
            Ok(entry)
        })
    }

    /// Get Export Job Status.
    pub fn export_status(
        &self,
        model: &Model,
        kind: ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        self.with(model, now, |book| {
            Ok(Self::job(book, kind, owner, id)?.to_json())
        })
    }

    /// Get Export Jobs: this user's jobs of `kind` created in the past 7 days, optionally of some statuses.
    pub fn list_exports(
        &self,
        model: &Model,
        kind: ExportKind,
        owner: &str,
        statuses: &[String],
        now: DateTime<Utc>,
    ) -> Result<Vec<Value>, ApiError> {
        let since = now - Duration::days(7);
        let wanted = |s: ExportStatus| {
            statuses.is_empty()
                || statuses.iter().any(|w| {
                    w.eq_ignore_ascii_case(s.as_str())
                        || (s == ExportStatus::Cancelled && w.eq_ignore_ascii_case("Canceled"))
                })
        };
        self.with(model, now, |book| {
            Ok(book
                .exports
                .iter()
                .filter(|j| j.kind == kind && j.owner == owner && j.created_at >= since)
                .filter(|j| wanted(j.status))
                .map(ExportJob::to_json)
                .collect())
        })
    }

    /// The file of a completed export; `None` for an unknown id or a job that is not `Completed`.
    pub fn export_file(
        &self,
        model: &Model,
        kind: ExportKind,
        owner: &str,
        id: &str,
        now: DateTime<Utc>,
    ) -> Option<ServedFile> {
        self.with(model, now, |book| {
            let job = Self::job(book, kind, owner, id)?;
            match (&job.file, job.status) {
                (Some(f), ExportStatus::Completed) => Ok(ServedFile {
                    key: f.key.clone(),
                    size: f.size,
                    content_type: job.format.content_type(),
                }),
                _ => Err(errors::not_found()),
            }
        })
        .ok()
    }

    /// Bytes of export files completed on `now`'s quota day.
    pub fn exported_today(&self, now: DateTime<Utc>) -> u64 {
        self.lock().allowance.used(now)
    }
}
