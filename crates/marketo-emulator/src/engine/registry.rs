//! The object types an emulator holds: the descriptors of the resources, and (later) the types its API
//! creates. Shared by every call; a descriptor is handed out as an `Arc`, so a call never copies one.

use super::schema::ObjectSchema;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// The registry.
#[derive(Debug)]
pub struct ObjectTypes {
    types: RwLock<HashMap<String, Arc<ObjectSchema>>>,
    defined_at: DateTime<Utc>,
}

impl ObjectTypes {
    /// The given types, defined at `at` (what `describe` reports as their creation time).
    pub fn new(types: impl IntoIterator<Item = ObjectSchema>, at: DateTime<Utc>) -> ObjectTypes {
        let types = types
            .into_iter()
            .map(|t| (t.kind.clone(), Arc::new(t)))
            .collect();
        ObjectTypes {
            types: RwLock::new(types),
            defined_at: at,
        }
    }

    /// The type `kind`.
    pub fn get(&self, kind: &str) -> Option<Arc<ObjectSchema>> {
        self.types
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(kind)
            .cloned()
    }

    /// When the built-in types were defined.
    pub fn defined_at(&self) -> DateTime<Utc> {
        self.defined_at
    }
}
