//! What happened to each input record: one outcome per record, in input order.

use crate::error::Error;
use marketo_types::envelope::Reason;
use marketo_types::record::{RecordResult, RecordStatus};

/// The outcome of one input record.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum RecordOutcome {
    /// A new record was created.
    Created {
        /// Its id (leads, companies, ...).
        id: Option<i64>,
        /// Its `marketoGUID` (opportunities, custom objects, ...).
        guid: Option<String>,
    },
    /// An existing record was updated.
    Updated {
        /// Its id (leads, companies, ...).
        id: Option<i64>,
        /// Its `marketoGUID` (opportunities, custom objects, ...).
        guid: Option<String>,
    },
    /// The record was deleted.
    Deleted {
        /// Its id (leads, companies, ...).
        id: Option<i64>,
        /// Its `marketoGUID` (opportunities, custom objects, ...).
        guid: Option<String>,
    },
    /// The lead was added to the list.
    Added {
        /// Its id.
        id: Option<i64>,
    },
    /// The lead was removed from the list.
    Removed {
        /// Its id.
        id: Option<i64>,
    },
    /// The lead is a member of the list.
    MemberOf {
        /// Its id.
        id: Option<i64>,
    },
    /// The lead is not a member of the list.
    NotMemberOf {
        /// Its id.
        id: Option<i64>,
    },
    /// Marketo skipped the record; the rest of the call stands.
    Skipped {
        /// Its id, when Marketo gave one.
        id: Option<i64>,
        /// Its `marketoGUID`, when Marketo gave one.
        guid: Option<String>,
        /// Why (code and message, e.g. 1005 "Lead already exists").
        reasons: Vec<Reason>,
    },
    /// The record was not processed: the call carrying it failed, or the work stopped before it was sent
    /// (e.g. 607, with the reset time on the error).
    Failed {
        /// The error that stopped it.
        error: Error,
    },
}

impl RecordOutcome {
    pub(crate) fn from_result(r: RecordResult) -> Self {
        let (id, guid) = (r.id, r.marketo_guid);
        match r.status {
            RecordStatus::Created => RecordOutcome::Created { id, guid },
            RecordStatus::Updated => RecordOutcome::Updated { id, guid },
            RecordStatus::Deleted => RecordOutcome::Deleted { id, guid },
            RecordStatus::Added => RecordOutcome::Added { id },
            RecordStatus::Removed => RecordOutcome::Removed { id },
            RecordStatus::Memberof => RecordOutcome::MemberOf { id },
            RecordStatus::Notmemberof => RecordOutcome::NotMemberOf { id },
            RecordStatus::Skipped => RecordOutcome::Skipped {
                id,
                guid,
                reasons: r.reasons.unwrap_or_default(),
            },
        }
    }

    /// The record's id, when known.
    pub fn id(&self) -> Option<i64> {
        match self {
            RecordOutcome::Created { id, .. }
            | RecordOutcome::Updated { id, .. }
            | RecordOutcome::Deleted { id, .. }
            | RecordOutcome::Added { id }
            | RecordOutcome::Removed { id }
            | RecordOutcome::MemberOf { id }
            | RecordOutcome::NotMemberOf { id }
            | RecordOutcome::Skipped { id, .. } => *id,
            RecordOutcome::Failed { .. } => None,
        }
    }

    /// The record's `marketoGUID`, for the object types keyed by one.
    ///
    /// ```
    /// use marketo_client::RecordOutcome;
    /// let o = RecordOutcome::Created { id: None, guid: Some("5a0f...".into()) };
    /// assert_eq!((o.id(), o.guid()), (None, Some("5a0f...")));
    /// ```
    pub fn guid(&self) -> Option<&str> {
        match self {
            RecordOutcome::Created { guid, .. }
            | RecordOutcome::Updated { guid, .. }
            | RecordOutcome::Deleted { guid, .. }
            | RecordOutcome::Skipped { guid, .. } => guid.as_deref(),
            _ => None,
        }
    }

    /// The skip reasons (empty unless skipped).
    pub fn reasons(&self) -> &[Reason] {
        match self {
            RecordOutcome::Skipped { reasons, .. } => reasons,
            _ => &[],
        }
    }

    /// The error, for a failed record.
    pub fn error(&self) -> Option<&Error> {
        match self {
            RecordOutcome::Failed { error } => Some(error),
            _ => None,
        }
    }

    /// Neither skipped nor failed.
    pub fn is_done(&self) -> bool {
        !matches!(
            self,
            RecordOutcome::Skipped { .. } | RecordOutcome::Failed { .. }
        )
    }

    /// A short lower-case name: `created`, `skipped`, `failed`, ...
    pub fn status(&self) -> &'static str {
        match self {
            RecordOutcome::Created { .. } => "created",
            RecordOutcome::Updated { .. } => "updated",
            RecordOutcome::Deleted { .. } => "deleted",
            RecordOutcome::Added { .. } => "added",
            RecordOutcome::Removed { .. } => "removed",
            RecordOutcome::MemberOf { .. } => "memberof",
            RecordOutcome::NotMemberOf { .. } => "notmemberof",
            RecordOutcome::Skipped { .. } => "skipped",
            RecordOutcome::Failed { .. } => "failed",
        }
    }
}

/// The error that stopped a run, if any: the first failed outcome whose error stops work (607, bad
/// credentials, retry budget). Its [`Error::reset_at`] says when to resume after a quota.
pub fn stopped_by(outcomes: &[RecordOutcome]) -> Option<&Error> {
    outcomes
        .iter()
        .filter_map(RecordOutcome::error)
        .find(|e| e.kind().stops_work())
}
