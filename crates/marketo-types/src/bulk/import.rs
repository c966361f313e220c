//! Bulk imports (leads, custom objects): the batch statuses and the batch records that submit and status answer
//! with.

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
    /// Rows imported (`numOfObjectsProcessed` in a custom object import's status, read here too).
    #[serde(
        default,
        alias = "numOfObjectsProcessed",
        skip_serializing_if = "Option::is_none"
    )]
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

/// A custom object import batch as Import Custom Objects and Get Import Custom Object Status report it
/// (bulk-custom-object-import.md): the counts and the message appear once it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectImportBatch {
    /// Its id.
    pub batch_id: i64,
    /// Always `import`.
    pub operation: String,
    /// Where it is.
    pub status: ImportStatus,
    /// The custom object type's API name.
    pub object_api_name: String,
    /// Records imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_of_objects_processed: Option<u64>,
    /// Rows that failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_of_rows_failed: Option<u64>,
    /// Rows imported with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_of_rows_with_warning: Option<u64>,
    /// How long it took (`1 second(s)`), once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub import_time: Option<String>,
    /// Marketo's summary, once done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}
