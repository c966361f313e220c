//! Sales persons, identified by an integer `id`, deduplicated by `externalSalesPersonId`. Path: `/rest/v1/salespersons.json`.

use crate::operations::objects::{IdKind, ObjectKind};

/// The `salespersons` object type.
///
/// ```
/// use marketo_client::operations::ObjectKind;
/// assert_eq!(marketo_client::SalesPersons.base_path(), "/rest/v1/salespersons");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SalesPersons;

impl ObjectKind for SalesPersons {
    fn segment(&self) -> &str {
        "salespersons"
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Integer
    }
}
