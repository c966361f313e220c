//! What a lead reads from the company it is linked to. companies.md: "Leads linked to a company record inherit
//! values from that record as though the values existed on the lead record." A lead whose `externalCompanyId`
//! names a company record reads that company's values of the company fields (`company`, `website`,
//! `annualRevenue`, ..., the schema's `company_fields`), in every read: Get Lead by Id, Get Leads by Filter
//! Type, list members, bulk lead exports. Writing those fields on a linked lead is 1021 (`super::record`).

use super::schema::LeadSchema;
use crate::engine::objects::find_by_dedupe_value;
use crate::resources::companies::KIND as COMPANY;
use crate::store::leads::StoredLead;
use crate::store::{Db, StoreError};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Replace, on each lead linked to a company record, its company fields by the company's values.
pub(crate) fn overlay(
    db: &Db,
    schema: &LeadSchema,
    leads: &mut [StoredLead],
) -> Result<(), StoreError> {
    let mut companies: HashMap<String, Option<Map<String, Value>>> = HashMap::new();
    for lead in leads.iter_mut() {
        let Some(id) = lead
            .data
            .get("externalCompanyId")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
        else {
            continue;
        };
        if !companies.contains_key(id) {
            let found = find_by_dedupe_value(db, COMPANY, &Value::from(id))?.map(|c| c.data);
            companies.insert(id.to_owned(), found);
        }
        let Some(Some(company)) = companies.get(id) else {
            continue;
        };
        for name in &schema.company_fields {
            match company.get(name).filter(|v| !v.is_null()) {
                Some(v) => lead.data.insert(name.clone(), v.clone()),
                None => lead.data.remove(name),
            };
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{objects, Store};
    use serde_json::json;

    fn lead(id: i64, data: Value) -> StoredLead {
        StoredLead {
            id,
            partition: "Default".into(),
            created_at: "t".into(),
            updated_at: "t".into(),
            data: data.as_object().cloned().unwrap(),
        }
    }

    #[test]
    fn linked_leads_read_the_company_fields_of_their_company() {
        let store = Store::open_in_memory().unwrap();
        let company = json!({"externalCompanyId": "C1", "company": "Acme", "industry": "Retail"});
        store
            .with(|db| {
                objects::insert(
                    db,
                    COMPANY,
                    None,
                    Some(r#"["C1"]"#),
                    "t",
                    company.as_object().unwrap(),
                )
            })
            .unwrap();
        let mut leads = vec![
            lead(
                1,
                json!({"externalCompanyId": "C1", "company": "Old", "website": "x.com"}),
            ),
            lead(2, json!({"externalCompanyId": "nope", "company": "Own"})),
            lead(3, json!({"company": "Unlinked"})),
        ];
        store
            .with(|db| overlay(db, &LeadSchema::default(), &mut leads))
            .unwrap();
        assert_eq!(leads[0].data["company"], "Acme");
        assert_eq!(leads[0].data["industry"], "Retail");
        assert!(
            !leads[0].data.contains_key("website"),
            "the company has none"
        );
        assert_eq!(
            leads[1].data["company"], "Own",
            "no such company: its own values"
        );
        assert_eq!(leads[2].data["company"], "Unlinked");
    }
}
