//! Read-only views of everything the emulator holds, for the admin API's data view (`GET /_emulator/data/...`)
//! and the inspector: counts, and pages of leads, lists (with their member counts), memberships, activities
//! (newest first) and the records of every object type in the generic table (companies, custom objects...,
//! whatever kinds it holds). Nothing here writes.
//!
//! ```
//! use marketo_emulator::store::{view, Store};
//! let store = Store::open_in_memory().unwrap();
//! let counts = store.with(view::counts).unwrap();
//! assert_eq!(counts.leads, 0);
//! let page = store.with(|db| view::leads(db, None, 0, 10)).unwrap();
//! assert_eq!(page.total, 0);
//! ```

mod leads;
mod lists;
mod records;

pub use leads::{leads, leads_by_id, lists_of, LeadRow};
pub use lists::{lists, memberships, ListRow, Membership};
pub use records::{activities, object_kinds, objects, ActivityRow, ObjectRow};

use super::{Db, StoreError};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How many of each there are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Leads.
    pub leads: u64,
    /// Static lists.
    pub lists: u64,
    /// Lead-in-list memberships.
    pub memberships: u64,
    /// Activities.
    pub activities: u64,
    /// Records per object type (`companies`, `car_c`, ...).
    pub objects: BTreeMap<String, u64>,
}

/// A page of rows and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    /// Rows matching in all.
    pub total: u64,
    /// This page's rows.
    pub items: Vec<T>,
}

pub(super) fn count(db: &Db, sql: &str) -> Result<u64, StoreError> {
    let n: i64 = db.prepare_cached(sql)?.query_row([], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

pub(super) fn object(text: &str) -> Result<Map<String, Value>, StoreError> {
    Ok(match serde_json::from_str(text)? {
        Value::Object(m) => m,
        _ => Map::new(),
    })
}

pub(super) fn sql_limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// How many of each there are.
pub fn counts(db: &Db) -> Result<Counts, StoreError> {
    Ok(Counts {
        leads: count(db, "SELECT count(*) FROM leads")?,
        lists: count(db, "SELECT count(*) FROM lists")?,
        memberships: count(db, "SELECT count(*) FROM list_members")?,
        activities: count(db, "SELECT count(*) FROM activities")?,
        objects: object_kinds(db)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn views_read_every_table() {
        let store = Store::open_in_memory().unwrap();
        store
            .with(|db| {
                db.execute_batch(
                    "INSERT INTO leads (id, email_key, partition, created_at, updated_at, data) VALUES \
                       (1, 'ann@example.com', 'Default', 't0', 't1', '{\"email\":\"Ann@example.com\"}'), \
                       (2, 'bob@example.com', 'Default', 't0', 't0', '{\"email\":\"bob@example.com\"}'); \
                     INSERT INTO lists (id, name) VALUES (7, 'L'); \
                     INSERT INTO list_members VALUES (7, 2); \
                     INSERT INTO activities (lead_id, type_id, at, attributes) VALUES (1, 12, 't0', '[]'), \
                       (2, 24, 't1', '[]'); \
                     INSERT INTO objects (kind, id, guid, created_at, updated_at, data) VALUES \
                       ('companies', 1, NULL, 't', 't', '{\"company\":\"Acme\"}'), \
                       ('car_c', 1, 'g-1', 't', 't', '{\"vin\":\"V\"}');",
                )?;
                Ok(())
            })
            .unwrap();
        store
            .with(|db| {
                let c = counts(db)?;
                assert_eq!(
                    (c.leads, c.lists, c.memberships, c.activities),
                    (2, 1, 1, 2)
                );
                assert_eq!(c.objects.get("car_c"), Some(&1));
                let ann = leads(db, Some("ANN"), 0, 10)?;
                assert_eq!((ann.total, ann.items[0].id), (1, 1));
                assert_eq!(ann.items[0].fields["email"], "Ann@example.com");
                assert_eq!(leads(db, None, 1, 10)?.items[0].id, 2);
                assert_eq!(lists(db, 0, 10)?.items[0].members, 1);
                assert_eq!(lists_of(db, 2)?, vec![7]);
                assert_eq!(
                    leads_by_id(db, 2)?.unwrap().fields["email"],
                    "bob@example.com"
                );
                assert!(leads_by_id(db, 3)?.is_none());
                assert_eq!(memberships(db, None, Some(2), 0, 10)?.total, 1);
                assert_eq!(memberships(db, Some(8), None, 0, 10)?.total, 0);
                let newest = activities(db, None, None, 0, 1)?;
                assert_eq!((newest.total, newest.items[0].activity_type_id), (2, 24));
                assert_eq!(activities(db, Some(1), None, 0, 5)?.total, 1);
                let cars = objects(db, "car_c", 0, 10)?;
                assert_eq!(cars.items[0].marketo_guid.as_deref(), Some("g-1"));
                let text = serde_json::to_value(&cars.items[0]).unwrap();
                assert_eq!(text["marketoGUID"], "g-1");
                assert_eq!(text["vin"], "V");
                Ok(())
            })
            .unwrap();
    }
}
