//! Options of Sync Leads.

use serde_json::{Map, Value};

/// What Sync Leads does with each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncAction {
    /// Create new leads; a lead that exists is skipped (1005).
    CreateOnly,
    /// Update existing leads; a lead that does not exist is skipped (1004).
    UpdateOnly,
    /// Create or update (Marketo's default).
    #[default]
    CreateOrUpdate,
    /// Always create, even a duplicate.
    CreateDuplicate,
}

impl SyncAction {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            SyncAction::CreateOnly => "createOnly",
            SyncAction::UpdateOnly => "updateOnly",
            SyncAction::CreateOrUpdate => "createOrUpdate",
            SyncAction::CreateDuplicate => "createDuplicate",
        }
    }
}

/// Options of [`Leads::sync`](crate::Leads::sync).
///
/// ```
/// use marketo_client::{SyncAction, SyncOptions};
/// let o = SyncOptions { action: SyncAction::CreateOnly, ..SyncOptions::default() };
/// assert_eq!(o.lookup_field, None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncOptions {
    /// What to do with each record.
    pub action: SyncAction,
    /// The field that identifies a lead (Marketo's default: `email`).
    pub lookup_field: Option<String>,
    /// The lead partition to create leads in.
    pub partition: Option<String>,
}

impl SyncOptions {
    pub(crate) fn params(&self) -> Map<String, Value> {
        let mut p = Map::new();
        p.insert("action".into(), self.action.as_str().into());
        if let Some(f) = &self.lookup_field {
            p.insert("lookupField".into(), f.clone().into());
        }
        if let Some(part) = &self.partition {
            p.insert("partitionName".into(), part.clone().into());
        }
        p
    }
}
