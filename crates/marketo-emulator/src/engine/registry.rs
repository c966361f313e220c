//! The object types an emulator holds: the descriptors of the resources, and the custom object types the
//! metadata API (or the config file) made. Shared by every call; a descriptor is handed out as an `Arc`, so a
//! call never copies one. The custom object catalog changes in one transaction with its stored copy, and the
//! descriptors of its approved types are rebuilt with it.

use super::custom::{Catalog, CustomObjectsConfig};
use super::schema::ObjectSchema;
use crate::model::schema::LeadSchema;
use crate::store::{Db, Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// The custom object catalog and the descriptors of its approved types.
#[derive(Debug, Default)]
struct Custom {
    catalog: Catalog,
    schemas: HashMap<String, Arc<ObjectSchema>>,
}

impl Custom {
    fn of(catalog: Catalog) -> Custom {
        let schemas = catalog
            .types
            .iter()
            .filter_map(|(name, t)| Some((name.clone(), Arc::new(t.approved.as_ref()?.schema()))))
            .collect();
        Custom { catalog, schemas }
    }
}

/// The registry.
#[derive(Debug)]
pub struct ObjectTypes {
    types: RwLock<HashMap<String, Arc<ObjectSchema>>>,
    custom: RwLock<Custom>,
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
            custom: RwLock::new(Custom::default()),
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

    /// The approved custom object type `api_name`.
    pub fn custom(&self, api_name: &str) -> Option<Arc<ObjectSchema>> {
        self.custom
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .schemas
            .get(api_name)
            .cloned()
    }

    /// Read the custom object catalog.
    pub fn with_catalog<T>(&self, f: impl FnOnce(&Catalog) -> T) -> T {
        f(&self
            .custom
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .catalog)
    }

    /// Change the custom object catalog: `f` works on a copy inside one transaction, which stores the copy
    /// too; on success the copy replaces the catalog. A failure changes nothing.
    pub fn change_catalog<T>(
        &self,
        store: &Store,
        f: impl FnOnce(&mut Catalog, &Db) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut custom = self.custom.write().unwrap_or_else(|e| e.into_inner());
        let mut copy = custom.catalog.clone();
        let out = store.transaction(|db| {
            let out = f(&mut copy, db)?;
            copy.save(db)?;
            Ok::<_, ApiError>(out)
        })?;
        *custom = Custom::of(copy);
        Ok(out)
    }

    /// Load the stored catalog and add the config file's types it lacks.
    pub fn load_custom(
        &self,
        store: &Store,
        config: &CustomObjectsConfig,
        lead: &LeadSchema,
        now: DateTime<Utc>,
    ) -> Result<(), StartError> {
        let stored = store.with(Catalog::load)?;
        *self.custom.write().unwrap_or_else(|e| e.into_inner()) = Custom::of(stored);
        let at = super::format_time(now);
        self.change_catalog(store, |c, _| c.declare(config, lead, &at))
            .map_err(|e| StartError::Config(format!("custom_objects: {}", e.message)))
    }

    /// Forget the types the API made and their records: back to the config file's types (the admin reset;
    /// the records went with the model's data).
    pub fn reset_custom(
        &self,
        store: &Store,
        config: &CustomObjectsConfig,
        lead: &LeadSchema,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        *self.custom.write().unwrap_or_else(|e| e.into_inner()) = Custom::default();
        let at = super::format_time(now);
        let made = self.change_catalog(store, |c, _| {
            *c = Catalog::default();
            c.declare(config, lead, &at)
        });
        if let Err(e) = made {
            tracing::error!(error = %e.message, "custom object types of the config not made again");
        }
        Ok(())
    }
}

/// Why the registry could not load.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The stored catalog could not be read.
    #[error("database: {0}")]
    Store(#[from] StoreError),
    /// A type of the config file is not valid.
    #[error("config: {0}")]
    Config(String),
}
