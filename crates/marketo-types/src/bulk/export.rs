//! Bulk Extract (leads, activities): the job statuses and the job record every export endpoint answers with.

use super::BulkFormat;
use serde::{Deserialize, Serialize};

/// Where an export job is. Marketo writes `Cancelled`; the docs and the spec say `Canceled`, which is read too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExportStatus {
    /// Created, not enqueued.
    Created,
    /// Waiting for a processing slot.
    Queued,
    /// Being written.
    Processing,
    /// Cancelled.
    #[serde(alias = "Canceled")]
    Cancelled,
    /// The file is ready.
    Completed,
    /// It failed (`errorMsg` says why).
    Failed,
}

impl ExportStatus {
    /// Every status, in the order a job passes them.
    pub const ALL: [ExportStatus; 6] = [
        ExportStatus::Created,
        ExportStatus::Queued,
        ExportStatus::Processing,
        ExportStatus::Cancelled,
        ExportStatus::Completed,
        ExportStatus::Failed,
    ];

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportStatus::Created => "Created",
            ExportStatus::Queued => "Queued",
            ExportStatus::Processing => "Processing",
            ExportStatus::Cancelled => "Cancelled",
            ExportStatus::Completed => "Completed",
            ExportStatus::Failed => "Failed",
        }
    }

    /// A `status` filter value (`completed`, `Canceled`, ...): any case, either spelling of cancelled.
    pub fn parse(s: &str) -> Option<ExportStatus> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("Canceled") {
            return Some(ExportStatus::Cancelled);
        }
        ExportStatus::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
    }

    /// Queued or processing: it holds a place in the export queue.
    pub fn in_queue(self) -> bool {
        matches!(self, ExportStatus::Queued | ExportStatus::Processing)
    }

    /// Completed, failed or cancelled: it will not change again.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ExportStatus::Completed | ExportStatus::Failed | ExportStatus::Cancelled
        )
    }
}

/// An export job as create, enqueue, cancel, status and the job list report it. The keys after `createdAt` are
/// absent until set (wire-facts 2.11); times are kept as sent (`2017-01-21T11:47:30-08:00`, `...Z`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportJob {
    /// Its id.
    pub export_id: String,
    /// The file format.
    pub format: BulkFormat,
    /// Where it is.
    pub status: ExportStatus,
    /// When it was created.
    pub created_at: String,
    /// When it was enqueued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<String>,
    /// When it started processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
    /// When it finished.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<String>,
    /// Records in the file, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_of_records: Option<u64>,
    /// The file's size in bytes, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_size: Option<u64>,
    /// `sha256:<hex>` of the file, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_checksum: Option<String>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
}
