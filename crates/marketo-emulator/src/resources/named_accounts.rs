//! Named accounts (ABM): keyed by `name`, identified by `marketoGUID` (Describe, Sync, Get, Delete
//! NamedAccounts and the `schema/fields` reads on the generic object engine). Every field is searchable, as
//! the describe of named-accounts.md lists; the counts Marketo computes (`membershipCount`, `opptyCount`,
//! `opptyAmount`) start at 0 and are never written through the API. A deleted account leaves the named
//! account lists it was in.

use super::Resource;
use crate::engine::{DataType, IdKind, ObjectRules, ObjectSchema};
use crate::store::members;
use crate::store::{Db, StoreError};
use serde_json::{json, Map, Value};

/// The storage kind of named accounts.
pub const KIND: &str = "namedAccount";

/// The named account type and its six operations.
pub const RESOURCE: Resource = Resource {
    routes: &crate::object_routes!(
        "/rest/v1/namedaccounts",
        "NamedAccounts",
        "namedAccount",
        "Named Account"
    ),
    object: Some(schema),
};

#[derive(Debug)]
struct AccountRules;

impl ObjectRules for AccountRules {
    fn fill(&self, data: &mut Map<String, Value>) {
        for (name, zero) in [
            ("membershipCount", json!(0)),
            ("opptyCount", json!(0)),
            ("opptyAmount", json!(0.0)),
        ] {
            data.entry(name).or_insert(zero);
        }
    }

    fn after_delete(&self, db: &Db, id: i64) -> Result<(), StoreError> {
        members::forget_member(db, KIND, id)
    }
}

/// The named account descriptor.
pub fn schema() -> ObjectSchema {
    let (s, i) = (DataType::String, DataType::Integer);
    let mut schema = ObjectSchema::new(KIND, "Named Account", IdKind::Guid, &["name"])
        .described(None, "Marketo standard account attribute map")
        .with_standard("name", "Name", s)
        .with_standard("domainName", "Domain Name", s)
        .with_standard("industry", "Industry", s)
        .with_standard_len("sicCode", "SIC Code", s, 40)
        .with_standard("city", "City", s)
        .with_standard("state", "State", s)
        .with_standard("country", "Country", s)
        .with_standard("annualRevenue", "Annual Revenue", DataType::Currency)
        .with_standard("numberOfEmployees", "Number Of Employees", i)
        .with_standard("logoUrl", "Logo Url", DataType::Url)
        .with_computed("membershipCount", "Membership Count", i)
        .with_computed("opptyAmount", "Oppty Amount", DataType::Currency)
        .with_computed("opptyCount", "Oppty Count", i)
        .with_standard("score1", "Score 1", i)
        .with_standard("score2", "Score 2", i)
        .with_standard("score3", "Score 3", i)
        .with_standard("score4", "Score 4", i)
        .with_standard("score5", "Score 5", i)
        .with_rules(AccountRules);
    let mut searchable: Vec<String> = schema
        .fields
        .iter()
        .map(|f| f.name.clone())
        .filter(|n| !matches!(n.as_str(), "createdAt" | "updatedAt" | "marketoGUID"))
        .collect();
    searchable.sort();
    schema.searchable = std::iter::once("marketoGUID".to_owned())
        .chain(searchable)
        .map(|n| vec![n])
        .collect();
    schema
}
