//! Companies: the organisations leads belong to, keyed by `externalCompanyId` (Describe, Sync, Get, Delete
//! Companies and the two `schema/fields` reads on the generic object engine). A lead whose
//! `externalCompanyId` names a company reads the company's fields (`crate::model::linked`); a company that
//! leads or opportunities link to cannot be deleted (1022).

use super::Resource;
use crate::engine::{DataType, IdKind, ObjectRules, ObjectSchema, Verdict};
use crate::store::leads::{self, KeyColumn};
use crate::store::objects::count_with;
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// The storage kind of companies.
pub const KIND: &str = "company";

/// The company type and its six operations.
pub const RESOURCE: Resource = Resource {
    routes: &crate::object_routes!("/rest/v1/companies", "Companies", "company", "Company"),
    object: Some(schema),
};

/// A company is in use while a lead or an opportunity links to it by `externalCompanyId`.
#[derive(Debug)]
struct CompanyRules;

impl ObjectRules for CompanyRules {
    fn check_delete(&self, db: &Db, data: &Map<String, Value>) -> Result<Verdict, StoreError> {
        let Some(id) = data.get("externalCompanyId").filter(|v| !v.is_null()) else {
            return Ok(Verdict::Allow);
        };
        let leads = leads::count_matches(
            db,
            &KeyColumn::Field("externalCompanyId".into()),
            std::slice::from_ref(id),
            1,
        )?;
        let opportunities = count_with(db, super::opportunities::KIND, "externalCompanyId", id)?;
        Ok(if leads > 0 || opportunities > 0 {
            Verdict::Skip(ApiError::catalogued(1022, &[]))
        } else {
            Verdict::Allow
        })
    }
}

/// The company descriptor: Marketo's standard company fields.
pub fn schema() -> ObjectSchema {
    let s = DataType::String;
    ObjectSchema::new(KIND, "Company", IdKind::Integer, &["externalCompanyId"])
        .described(None, "Company object")
        .with_searchable(&["company"])
        .with_standard_len("externalCompanyId", "External Company Id", s, 100)
        .with_standard("company", "Company Name", s)
        .with_standard("site", "Site", s)
        .with_standard("website", "Website", DataType::Url)
        .with_standard("mainPhone", "Main Phone", s)
        .with_standard("annualRevenue", "Annual Revenue", DataType::Currency)
        .with_standard(
            "numberOfEmployees",
            "Number Of Employees",
            DataType::Integer,
        )
        .with_standard("industry", "Industry", s)
        .with_standard("sicCode", "SIC Code", s)
        .with_standard("billingStreet", "Billing Street", s)
        .with_standard("billingCity", "Billing City", s)
        .with_standard("billingState", "Billing State", s)
        .with_standard("billingCountry", "Billing Country", s)
        .with_standard("billingPostalCode", "Billing Postal Code", s)
        .with_standard("externalSalesPersonId", "External Sales Person Id", s)
        .with_rules(CompanyRules)
        .owned_by_crm()
}
