//! Opportunities, identified by a `marketoGUID`, deduplicated by `externalOpportunityId`. Path: `/rest/v1/opportunities.json`.

use crate::operations::objects::{IdKind, ObjectKind};

/// The `opportunities` object type.
///
/// ```
/// use marketo_client::operations::ObjectKind;
/// assert_eq!(marketo_client::Opportunities.base_path(), "/rest/v1/opportunities");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Opportunities;

impl ObjectKind for Opportunities {
    fn segment(&self) -> &str {
        "opportunities"
    }

    fn has_field_schema(&self) -> bool {
        true
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Guid
    }
}
