//! Sales persons: the sales owners of leads, companies and opportunities, keyed by `externalSalesPersonId`
//! (Describe, Sync, Get, Delete SalesPersons on the generic object engine). A sales person a lead, a company
//! or an opportunity names cannot be deleted (1022: "You cannot delete a Sales Person that is in use").

use super::Resource;
use crate::engine::{DataType, IdKind, ObjectRules, ObjectSchema, Verdict};
use crate::store::leads::{self, KeyColumn};
use crate::store::objects::count_with;
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// The storage kind of sales persons.
pub const KIND: &str = "salesPerson";

/// The sales person type and its four operations.
pub const RESOURCE: Resource = Resource {
    routes: &crate::object_routes!("/rest/v1/salespersons", "SalesPersons", "salesPerson"),
    object: Some(schema),
};

/// In use while a lead, a company or an opportunity names it.
#[derive(Debug)]
struct SalesPersonRules;

impl ObjectRules for SalesPersonRules {
    fn check_delete(&self, db: &Db, data: &Map<String, Value>) -> Result<Verdict, StoreError> {
        let Some(id) = data.get("externalSalesPersonId").filter(|v| !v.is_null()) else {
            return Ok(Verdict::Allow);
        };
        let field = "externalSalesPersonId";
        let in_use = leads::count_matches(
            db,
            &KeyColumn::Field(field.into()),
            std::slice::from_ref(id),
            1,
        )? > 0
            || count_with(db, super::companies::KIND, field, id)? > 0
            || count_with(db, super::opportunities::KIND, field, id)? > 0;
        Ok(if in_use {
            Verdict::Skip(ApiError::catalogued(1022, &[]))
        } else {
            Verdict::Allow
        })
    }
}

/// The sales person descriptor.
pub fn schema() -> ObjectSchema {
    let s = DataType::String;
    let mut schema = ObjectSchema::new(
        KIND,
        "SalesPerson",
        IdKind::Integer,
        &["externalSalesPersonId"],
    )
    .with_standard("externalSalesPersonId", "External Sales Person Id", s)
    .with_standard("email", "Email", DataType::Email)
    .with_standard("firstName", "First Name", s)
    .with_standard("lastName", "Last Name", s)
    .with_standard("title", "Title", s)
    .with_standard("phone", "Phone", DataType::Phone)
    .with_standard("mobilePhone", "Mobile Phone", DataType::Phone)
    .with_standard("fax", "Fax", DataType::Phone)
    .with_rules(SalesPersonRules)
    .owned_by_crm();
    schema.fields[0].display_name = "Marketo Id".into();
    schema.searchable = vec![
        vec!["email".into()],
        vec!["id".into()],
        vec!["externalSalesPersonId".into()],
    ];
    schema
}
