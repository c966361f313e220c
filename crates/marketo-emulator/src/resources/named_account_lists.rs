//! Named account lists: lists of named accounts, keyed by `name`, identified by `marketoGUID` (Get, Sync,
//! Delete Named Account Lists on the generic object engine). A sync without `action` is createOnly, as the
//! docs say; the `type` of a list made through the API is `default`. A deleted list forgets its members.
//! Membership has its own operations (`named_account_members.rs`).

use super::Resource;
use crate::engine::{Action, DataType, IdKind, ObjectRules, ObjectSchema};
use crate::http::router::Route;
use crate::store::members;
use crate::store::{Db, StoreError};
use serde_json::{Map, Value};

/// The storage kind of named account lists.
pub const KIND: &str = "namedAccountList";

const ROUTES: [Route; 4] = crate::object_routes!(
    "/rest/v1/namedAccountLists",
    "Named Account Lists",
    "namedAccountList"
);

/// The named account list type and its three operations (there is no describe).
pub const RESOURCE: Resource = Resource {
    routes: &[ROUTES[1], ROUTES[2], ROUTES[3]],
    object: Some(schema),
};

#[derive(Debug)]
struct ListRules;

impl ObjectRules for ListRules {
    fn fill(&self, data: &mut Map<String, Value>) {
        data.insert("type".into(), "default".into());
        data.insert("updateable".into(), true.into());
    }

    fn after_delete(&self, db: &Db, id: i64) -> Result<(), StoreError> {
        members::forget_owner(db, KIND, id)
    }
}

/// The named account list descriptor.
pub fn schema() -> ObjectSchema {
    ObjectSchema::new(KIND, "Named Account List", IdKind::Guid, &["name"])
        .with_standard("name", "Name", DataType::String)
        .with_computed("type", "Type", DataType::String)
        .with_computed("updateable", "Updateable", DataType::Boolean)
        .with_default_action(Action::CreateOnly)
        .with_read_fields(&["name", "createdAt", "updatedAt", "type", "updateable"])
        .with_rules(ListRules)
}
