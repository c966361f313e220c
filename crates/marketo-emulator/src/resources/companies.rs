//! Companies: the organisations leads belong to, keyed by `externalCompanyId` (Describe, Sync, Get, Delete
//! Companies on the generic object engine).

use super::Resource;
use crate::engine::{DataType, FieldDef, IdKind, ObjectSchema};

/// The company type and its four operations.
pub const RESOURCE: Resource = Resource {
    routes: &crate::object_routes!("/rest/v1/companies", "Companies", "company"),
    object: Some(schema),
};

/// The company descriptor: Marketo's standard company fields.
pub fn schema() -> ObjectSchema {
    let text = |name: &str, display: &str| FieldDef::new(name, display, DataType::String);
    let mut external = text("externalCompanyId", "External Company Id");
    external.length = Some(100);
    ObjectSchema::new(
        "company",
        "Company",
        IdKind::Integer,
        &["externalCompanyId"],
    )
    .with_searchable(&["company"])
    .with_field(external)
    .with_field(text("company", "Company Name"))
    .with_field(text("site", "Site"))
    .with_field(FieldDef::new("website", "Website", DataType::Url))
    .with_field(text("mainPhone", "Main Phone"))
    .with_field(FieldDef::new(
        "annualRevenue",
        "Annual Revenue",
        DataType::Currency,
    ))
    .with_field(FieldDef::new(
        "numberOfEmployees",
        "Number Of Employees",
        DataType::Integer,
    ))
    .with_field(text("industry", "Industry"))
    .with_field(text("sicCode", "SIC Code"))
    .with_field(text("billingStreet", "Billing Street"))
    .with_field(text("billingCity", "Billing City"))
    .with_field(text("billingState", "Billing State"))
    .with_field(text("billingCountry", "Billing Country"))
    .with_field(text("billingPostalCode", "Billing Postal Code"))
    .with_field(text("externalSalesPersonId", "External Sales Person Id"))
}
