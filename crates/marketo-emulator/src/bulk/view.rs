//! The bulk jobs as the admin data view shows them: every import and export with its status record, replayed
//! up to now first (as any bulk call would), so the states shown are the ones a status call would answer.

use super::{Bulk, ExportKind};
use crate::model::Model;
use chrono::{DateTime, Utc};
use marketo_types::bulk::{ExportJob as ExportRecord, ImportBatch};
use marketo_types::envelope::ApiError;
use serde::Serialize;

/// One import, as the view lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportView {
    /// The client id that submitted it.
    pub owner: String,
    /// Its status record (what `GET /bulk/v1/leads/batch/{id}.json` answers).
    #[serde(flatten)]
    pub record: ImportBatch,
}

/// One export, as the view lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportView {
    /// Leads or activities.
    pub kind: ExportKind,
    /// The client id that created it.
    pub owner: String,
    /// Its status record (what `.../status.json` answers).
    #[serde(flatten)]
    pub record: ExportRecord,
}

/// Every job.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct JobsView {
    /// Imports, oldest first.
    pub imports: Vec<ImportView>,
    /// Exports, oldest first.
    pub exports: Vec<ExportView>,
}

impl Bulk {
    /// Every job with its status at `now` (611 when the stored book did not parse).
    pub fn view(&self, model: &Model, now: DateTime<Utc>) -> Result<JobsView, ApiError> {
        self.with(model, now, |book| {
            Ok(JobsView {
                imports: book
                    .imports
                    .jobs()
                    .iter()
                    .map(|j| ImportView {
                        owner: j.owner.clone(),
                        record: j.record(),
                    })
                    .collect(),
                exports: book
                    .exports
                    .jobs()
                    .iter()
                    .map(|j| ExportView {
                        kind: j.kind.clone(),
                        owner: j.owner.clone(),
                        record: j.record(),
                    })
                    .collect(),
            })
        })
    }
}
