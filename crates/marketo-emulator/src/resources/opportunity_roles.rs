//! Opportunity roles: the links between leads and opportunities, keyed by the compound `externalOpportunityId`,
//! `leadId`, `role` (Describe, Sync, Get, Delete Opportunity Roles on the generic object engine; compound keys
//! are read with `POST ...?_method=GET` and an `input` of keys). A role naming a lead that does not exist is
//! skipped with 1004 "Lead not found"; one naming an opportunity that does not exist with 1013 "Record not
//! found" [INF] (opportunity-roles.md: "the opportunity and lead referenced by the ID fields must exist").

use super::Resource;
use crate::engine::objects::find_by_dedupe_value;
use crate::engine::{DataType, IdKind, ObjectRules, ObjectSchema, Verdict, Write};
use crate::store::leads;
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;

/// The storage kind of opportunity roles.
pub const KIND: &str = "opportunityRole";

/// The opportunity role type and its four operations.
pub const RESOURCE: Resource = Resource {
    routes: &crate::object_routes!(
        "/rest/v1/opportunities/roles",
        "Opportunity Roles",
        "opportunityRole"
    ),
    object: Some(schema),
};

/// The lead and the opportunity must exist.
#[derive(Debug)]
struct RoleRules;

impl ObjectRules for RoleRules {
    fn check_write(&self, db: &Db, write: &Write<'_>) -> Result<Verdict, StoreError> {
        let lead = write.data.get("leadId").and_then(serde_json::Value::as_i64);
        if !matches!(lead, Some(id) if leads::exists(db, id)?) {
            return Ok(Verdict::Skip(ApiError::catalogued(1004, &[])));
        }
        let found = match write.data.get("externalOpportunityId") {
            Some(id) => find_by_dedupe_value(db, super::opportunities::KIND, id)?.is_some(),
            None => false,
        };
        Ok(if found {
            Verdict::Allow
        } else {
            Verdict::Skip(ApiError::of_meaning(1013, "record-not-found", &[]))
        })
    }
}

/// The opportunity role descriptor.
pub fn schema() -> ObjectSchema {
    let s = DataType::String;
    let key = ["externalOpportunityId", "leadId", "role"];
    ObjectSchema::new(KIND, "opportunityRole", IdKind::Guid, &key)
        .described(Some("Opportunity Role"), "Opportunity Role object")
        .with_searchable(&["leadId"])
        .with_searchable(&["externalOpportunityId"])
        .with_standard_len("externalOpportunityId", "External Opportunity Id", s, 50)
        .with_standard("leadId", "Lead Id", DataType::Integer)
        .with_standard_len("role", "Role", s, 50)
        .with_standard("isPrimary", "Is Primary", DataType::Boolean)
        .with_standard(
            "externalCreatedDate",
            "External Created Date",
            DataType::Datetime,
        )
        .with_rules(RoleRules)
        .owned_by_crm()
}
