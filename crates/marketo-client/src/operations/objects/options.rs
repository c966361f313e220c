//! The parameters of the object operations: `action` and `dedupeBy` of a sync, `deleteBy` of a delete.

use crate::endpoints::SyncAction;
use crate::error::{Error, ErrorKind};
use serde_json::{Map, Value};

/// How a record names the record it is about (`dedupeBy` of a sync, `deleteBy` of a delete).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyBy {
    /// By the type's dedupe fields (`externalCompanyId` for companies): Marketo's default.
    #[default]
    DedupeFields,
    /// By its id field (`id` or `marketoGUID`).
    IdField,
}

impl KeyBy {
    /// The wire name.
    ///
    /// ```
    /// use marketo_client::operations::KeyBy;
    /// assert_eq!(KeyBy::IdField.as_str(), "idField");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            KeyBy::DedupeFields => "dedupeFields",
            KeyBy::IdField => "idField",
        }
    }
}

/// Options of [`Objects::sync`](super::Objects::sync).
///
/// ```
/// use marketo_client::operations::{KeyBy, ObjectSyncOptions};
/// use marketo_client::SyncAction;
/// let o = ObjectSyncOptions { action: SyncAction::UpdateOnly, dedupe_by: KeyBy::IdField };
/// assert_eq!(ObjectSyncOptions::default().dedupe_by, KeyBy::DedupeFields);
/// # let _ = o;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ObjectSyncOptions {
    /// `createOnly`, `updateOnly` or `createOrUpdate` (the default). `createDuplicate` is for leads only.
    pub action: SyncAction,
    /// How each record names the record it updates.
    pub dedupe_by: KeyBy,
}

impl ObjectSyncOptions {
    /// The body's `action` and `dedupeBy`; an action the object APIs do not have is refused before any call.
    pub(crate) fn params(&self) -> Result<Map<String, Value>, Error> {
        if self.action == SyncAction::CreateDuplicate {
            return Err(Error::new(
                ErrorKind::Request,
                "createDuplicate is an action of Sync Leads only; object types take createOnly, updateOnly or createOrUpdate",
            ));
        }
        let mut p = Map::new();
        p.insert("action".into(), self.action.as_str().into());
        p.insert("dedupeBy".into(), self.dedupe_by.as_str().into());
        Ok(p)
    }
}

/// The body's `deleteBy`.
pub(crate) fn delete_params(by: KeyBy) -> Map<String, Value> {
    let mut p = Map::new();
    p.insert("deleteBy".into(), by.as_str().into());
    p
}
