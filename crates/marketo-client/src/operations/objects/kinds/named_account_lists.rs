//! Named account lists (ABM), identified by a `marketoGUID`, deduplicated by `name`. Path:
//! `/rest/v1/namedAccountLists.json`. They have no Describe, and their sync takes `createOnly` (Marketo's
//! default) and `updateOnly` only. Their members are read and changed through
//! [`Client::named_account_list_members`](crate::Client::named_account_list_members).

use crate::endpoints::SyncAction;
use crate::operations::objects::{IdKind, ObjectKind};

/// The `namedAccountLists` object type.
///
/// ```
/// use marketo_client::operations::ObjectKind;
/// let lists = marketo_client::NamedAccountLists;
/// assert_eq!(lists.base_path(), "/rest/v1/namedAccountLists");
/// assert_eq!(lists.name(), "namedaccountlists");
/// assert!(!lists.has_describe());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NamedAccountLists;

impl ObjectKind for NamedAccountLists {
    fn segment(&self) -> &str {
        "namedAccountLists"
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Guid
    }

    fn name(&self) -> &str {
        "namedaccountlists"
    }

    fn sync_actions(&self) -> &'static [SyncAction] {
        &[SyncAction::CreateOnly, SyncAction::UpdateOnly]
    }

    fn has_describe(&self) -> bool {
        false
    }
}
