//! Bulk Extract jobs (leads, activities, custom objects): what a job exports, where it is, and its status record. The
//! create request is checked into a job by `export_create.rs`.

use super::queue::{Job, Phase, Schedule};
use crate::model::format_time;
use crate::store::bulk_files::FileMeta;
use chrono::{DateTime, Utc};
use marketo_types::bulk::{BulkFormat, ExportJob as ExportRecord, ExportStatus};
use serde::{Deserialize, Serialize};

/// What a job exports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportKind {
    /// `/bulk/v1/leads/export/...`
    Leads,
    /// `/bulk/v1/activities/export/...`
    Activities,
    /// `/bulk/v1/customobjects/{apiName}/export/...`: the records of one custom object type.
    CustomObject(String),
    /// `/bulk/v1/program/members/export/...`: program members with their leads' fields.
    ProgramMembers,
}

/// The default (and allowed) columns of an activity export.
pub const ACTIVITY_FIELDS: &[&str] = &[
    "marketoGUID",
    "leadId",
    "activityDate",
    "activityTypeId",
    "campaignId",
    "primaryAttributeValueId",
    "primaryAttributeValue",
    "attributes",
];

/// The rows an export selects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Selector {
    /// Leads created in `[start, end)`.
    CreatedAt(String, String),
    /// Leads updated in `[start, end)`.
    UpdatedAt(String, String),
    /// Members of a static list.
    StaticList(i64),
    /// Activities created in `[start, end)`, of some types, with some primary attribute values.
    Activities {
        /// Range start (formatted).
        start: String,
        /// Range end (formatted).
        end: String,
        /// Type ids (empty: all).
        type_ids: Vec<i64>,
        /// Primary attribute value ids (empty: any).
        primary_ids: Vec<i64>,
        /// Primary attribute values (empty: any).
        primary_values: Vec<String>,
    },
    /// Records of an object type (its storage kind) updated in `[start, end)`.
    ObjectsUpdated {
        /// The storage kind.
        kind: String,
        /// Range start (formatted).
        start: String,
        /// Range end (formatted).
        end: String,
    },
    /// Members of programs (`programId`, or `programIds` with a leading `programId` column), each filter
    /// narrowing (empty or `None`: any).
    ProgramMembers {
        /// The programs.
        programs: Vec<i64>,
        /// Whether the file starts with a `programId` column (a `programIds` filter).
        program_column: bool,
        /// Status names.
        statuses: Vec<String>,
        /// `isExhausted`.
        is_exhausted: Option<bool>,
        /// `nurtureCadence`.
        nurture_cadence: Option<String>,
        /// Updated in `[start, end]` (formatted).
        updated: Option<(String, String)>,
    },
    /// Records of an object type linked to the members of a static list.
    ObjectsOfList {
        /// The storage kind.
        kind: String,
        /// The list.
        list: i64,
        /// The record's field that links it to a lead.
        link: String,
        /// The lead field the link holds (`id`, or another lead field).
        lead_field: String,
    },
}

/// One export job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportJob {
    /// `exportId`.
    pub id: String,
    /// Leads or activities.
    pub kind: ExportKind,
    /// The client id of the API user who created it.
    pub owner: String,
    /// The file format.
    pub format: BulkFormat,
    /// The exported fields, in order.
    pub fields: Vec<String>,
    /// The header of each column.
    pub headers: Vec<String>,
    /// What it selects.
    pub selector: Selector,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Where it is in the queue, and when it got there.
    #[serde(flatten)]
    pub schedule: Schedule,
    /// Rows in the file.
    pub records: Option<u64>,
    /// The file, once completed.
    pub file: Option<FileMeta>,
    /// Why it failed.
    pub error: Option<String>,
}

impl Job for ExportJob {
    fn schedule(&self) -> &Schedule {
        &self.schedule
    }
    fn schedule_mut(&mut self) -> &mut Schedule {
        &mut self.schedule
    }
}

impl ExportJob {
    /// Its status as the wire spells it.
    pub fn status(&self) -> ExportStatus {
        match self.schedule.phase {
            Phase::Created => ExportStatus::Created,
            Phase::Queued => ExportStatus::Queued,
            Phase::Running => ExportStatus::Processing,
            Phase::Completed => ExportStatus::Completed,
            Phase::Failed => ExportStatus::Failed,
            Phase::Cancelled => ExportStatus::Cancelled,
        }
    }

    /// The status record, keys absent until set (wire-facts 2.11).
    pub fn record(&self) -> ExportRecord {
        let time = |t: Option<DateTime<Utc>>| t.map(format_time);
        let s = &self.schedule;
        ExportRecord {
            export_id: self.id.clone(),
            format: self.format,
            status: self.status(),
            created_at: format_time(self.created_at),
            queued_at: time(s.queued_at),
            started_at: time(s.started_at),
            finished_at: time(s.finished_at),
            number_of_records: self.records,
            file_size: self.file.as_ref().map(|f| f.size),
            file_checksum: self.file.as_ref().map(|f| f.checksum.clone()),
            error_msg: self.error.clone(),
        }
    }
}
