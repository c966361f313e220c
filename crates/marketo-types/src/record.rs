//! Per-record results: what happened to each record of a call, in input order.
//!
//! ```
//! use marketo_types::record::{RecordResult, RecordStatus};
//! let r: RecordResult = serde_json::from_str(
//!     r#"{"status":"skipped","reasons":[{"code":"1005","message":"Lead already exists"}]}"#).unwrap();
//! assert_eq!(r.status, RecordStatus::Skipped);
//! assert!(r.id.is_none());
//! ```

use crate::envelope::Reason;
use serde::{Deserialize, Serialize};

/// The `status` of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordStatus {
    /// A new record was created.
    Created,
    /// An existing record was updated.
    Updated,
    /// The record was deleted.
    Deleted,
    /// The record was skipped; see `reasons`.
    Skipped,
    /// Added to a list.
    Added,
    /// Removed from a list.
    Removed,
    /// Is a member of the list.
    Memberof,
    /// Is not a member of the list.
    Notmemberof,
}

impl RecordStatus {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            RecordStatus::Created => "created",
            RecordStatus::Updated => "updated",
            RecordStatus::Deleted => "deleted",
            RecordStatus::Skipped => "skipped",
            RecordStatus::Added => "added",
            RecordStatus::Removed => "removed",
            RecordStatus::Memberof => "memberof",
            RecordStatus::Notmemberof => "notmemberof",
        }
    }
}

/// One entry of `result[]` for a record operation.
///
/// A skipped lead has no `id`; non-lead objects (companies, custom objects) carry `seq`, the input index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RecordResult {
    /// Input index, on non-lead objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u32>,
    /// The record's id; absent on a skipped lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The record's GUID, on custom objects.
    #[serde(
        rename = "marketoGUID",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub marketo_guid: Option<String>,
    /// What happened.
    pub status: RecordStatus,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasons: Option<Vec<Reason>>,
}

impl RecordResult {
    /// A record with an id and a status.
    pub fn with_id(id: i64, status: RecordStatus) -> Self {
        RecordResult {
            seq: None,
            id: Some(id),
            marketo_guid: None,
            status,
            reasons: None,
        }
    }

    /// A skipped record with one reason.
    pub fn skipped(id: Option<i64>, reason: Reason) -> Self {
        RecordResult {
            seq: None,
            id,
            marketo_guid: None,
            status: RecordStatus::Skipped,
            reasons: Some(vec![reason]),
        }
    }

    /// The reasons, empty when absent.
    pub fn reasons(&self) -> &[Reason] {
        self.reasons.as_deref().unwrap_or(&[])
    }
}
