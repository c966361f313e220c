//! Opportunities: deals, keyed by `externalOpportunityId`, identified by `marketoGUID` (Describe, Sync, Get,
//! Delete Opportunities and the `schema/fields` reads on the generic object engine). An
//! `externalSalesPersonId` that names no sales person fails the whole call with 718; an opportunity that
//! roles link leads to cannot be deleted (1022) [INF]; a new opportunity needs a `name` (opportunities.md:
//! "The 'name' field must not be null"; skipped with 1003 "Invalid data" [INF]).

use super::Resource;
use crate::engine::objects::find_by_dedupe_value;
use crate::engine::{DataType, IdKind, ObjectRules, ObjectSchema, Verdict, Write};
use crate::store::objects::count_with;
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// The storage kind of opportunities.
pub const KIND: &str = "opportunity";

/// The opportunity type and its six operations.
pub const RESOURCE: Resource = Resource {
    routes: &crate::object_routes!(
        "/rest/v1/opportunities",
        "Opportunities",
        "opportunity",
        "Opportunity"
    ),
    object: Some(schema),
};

/// The sales person must exist; roles keep an opportunity in use.
#[derive(Debug)]
struct OpportunityRules;

fn set(data: &Map<String, Value>, name: &str) -> Option<Value> {
    data.get(name)
        .filter(|v| !v.is_null() && v.as_str() != Some(""))
        .cloned()
}

impl ObjectRules for OpportunityRules {
    fn check_write(&self, db: &Db, write: &Write<'_>) -> Result<Verdict, StoreError> {
        if set(write.data, "name").is_none() {
            return Ok(Verdict::Skip(ApiError::of_meaning(
                1003,
                "invalid-data",
                &[],
            )));
        }
        if let Some(person) = set(write.data, "externalSalesPersonId") {
            if find_by_dedupe_value(db, super::sales_persons::KIND, &person)?.is_none() {
                return Ok(Verdict::Fail(ApiError::catalogued(718, &[])));
            }
        }
        Ok(Verdict::Allow)
    }

    fn check_delete(&self, db: &Db, data: &Map<String, Value>) -> Result<Verdict, StoreError> {
        let Some(id) = set(data, "externalOpportunityId") else {
            return Ok(Verdict::Allow);
        };
        Ok(
            if count_with(
                db,
                super::opportunity_roles::KIND,
                "externalOpportunityId",
                &id,
            )? > 0
            {
                Verdict::Skip(ApiError::catalogued(1022, &[]))
            } else {
                Verdict::Allow
            },
        )
    }
}

/// The opportunity descriptor: Marketo's standard opportunity fields.
pub fn schema() -> ObjectSchema {
    let s = DataType::String;
    ObjectSchema::new(
        KIND,
        "opportunity",
        IdKind::Guid,
        &["externalOpportunityId"],
    )
    .described(Some("Opportunity"), "Opportunity object")
    .with_standard_len("externalOpportunityId", "External Opportunity Id", s, 50)
    .with_standard("name", "Name", s)
    .with_standard_len("description", "Description", s, 2000)
    .with_standard("type", "Type", s)
    .with_standard("stage", "Stage", s)
    .with_standard("amount", "Amount", DataType::Currency)
    .with_standard("expectedRevenue", "Expected Revenue", DataType::Currency)
    .with_standard("probability", "Probability", DataType::Integer)
    .with_standard("quantity", "Quantity", DataType::Float)
    .with_standard("closeDate", "Close Date", DataType::Date)
    .with_standard("isClosed", "Is Closed", DataType::Boolean)
    .with_standard("isWon", "Is Won", DataType::Boolean)
    .with_standard("fiscalQuarter", "Fiscal Quarter", DataType::Integer)
    .with_standard("fiscalYear", "Fiscal Year", DataType::Integer)
    .with_standard("forecastCategory", "Forecast Category", s)
    .with_standard("forecastCategoryName", "Forecast Category Name", s)
    .with_standard("leadSource", "Lead Source", s)
    .with_standard("source", "Source", s)
    .with_standard("nextStep", "Next Step", s)
    .with_standard("lastActivityDate", "Last Activity Date", DataType::Date)
    .with_standard(
        "externalCreatedDate",
        "External Created Date",
        DataType::Datetime,
    )
    .with_standard("externalCompanyId", "External Company Id", s)
    .with_standard("externalSalesPersonId", "External Sales Person Id", s)
    .with_rules(OpportunityRules)
    .owned_by_crm()
}
