//! Bulk Lead Import: the batch statuses and the batch record that submit and status answer with.

use serde::{Deserialize, Serialize};

/// Where an import batch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImportStatus {
    /// Waiting for a slot.
    Queued,
    /// Running.
    Importing,
    /// Done, possibly with failed rows.
    Complete,
    /// The file could not be imported at all.
    Failed,
}

impl ImportStatus {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Queued => "Queued",
            ImportStatus::Importing => "Importing",
            ImportStatus::Complete => "Complete",
            ImportStatus::Failed => "Failed",
        }
    }

    /// Queued or importing: it holds a place in the import queue.
    pub fn in_queue(self) -> bool {
        matches!(self, ImportStatus::Queued | ImportStatus::Importing)
    }
}

/// An import batch as submit and status report it: the counts and the message appear once it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportBatch {
    /// Its id.
    pub batch_id: i64,
    /// The same id as a string (absent from older answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_id: Option<String>,
    /// Where it is.
    pub status: ImportStatus,
    /// Rows imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_of_leads_processed: Option<u64>,
    /// Rows that failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_of_rows_failed: Option<u64>,
    /// Rows imported with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_of_rows_with_warning: Option<u64>,
    /// Marketo's summary (`Import succeeded, 3 records imported (3 members)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ImportBatch {
    /// Rows imported (0 until done).
    pub fn processed(&self) -> u64 {
        self.num_of_leads_processed.unwrap_or(0)
    }

    /// Rows that failed (0 until done).
    pub fn failed(&self) -> u64 {
        self.num_of_rows_failed.unwrap_or(0)
    }

    /// Rows imported with a warning (0 until done).
    pub fn warned(&self) -> u64 {
        self.num_of_rows_with_warning.unwrap_or(0)
    }
}
