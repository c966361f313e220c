//! Opportunity roles, linking leads to opportunities: `/rest/v1/opportunities/roles.json`, identified by a
//! `marketoGUID`, deduplicated by `externalOpportunityId`, `leadId` and `role`. Front ends call the type
//! `opportunity-roles`.

use crate::operations::objects::{IdKind, ObjectKind};

/// The opportunity role object type.
///
/// ```
/// use marketo_client::operations::ObjectKind;
/// assert_eq!(marketo_client::OpportunityRoles.base_path(), "/rest/v1/opportunities/roles");
/// assert_eq!(marketo_client::OpportunityRoles.name(), "opportunity-roles");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpportunityRoles;

impl ObjectKind for OpportunityRoles {
    fn segment(&self) -> &str {
        "opportunities/roles"
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Guid
    }

    fn name(&self) -> &str {
        "opportunity-roles"
    }
}
