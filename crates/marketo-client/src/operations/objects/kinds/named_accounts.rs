//! Named accounts (ABM), identified by a `marketoGUID`, deduplicated by `name`. Path: `/rest/v1/namedaccounts.json`.

use crate::operations::objects::{IdKind, ObjectKind};

/// The `namedaccounts` object type.
///
/// ```
/// use marketo_client::operations::ObjectKind;
/// assert_eq!(marketo_client::NamedAccounts.base_path(), "/rest/v1/namedaccounts");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NamedAccounts;

impl ObjectKind for NamedAccounts {
    fn segment(&self) -> &str {
        "namedaccounts"
    }

    fn has_field_schema(&self) -> bool {
        true
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Guid
    }
}
