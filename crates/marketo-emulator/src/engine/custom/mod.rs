//! Custom objects: the subscription's own object types, made through the Custom Object Metadata API (or
//! declared by the config file) and approved before use. A type's approved version is a runtime descriptor on
//! the object engine (the registry holds it), so its records get sync, get and delete like every other type,
//! plus the link rule of its link fields.

pub mod catalog;
pub mod config;
pub mod definition;
mod describe;
pub mod errors;
pub mod fields;
pub mod rules;

pub use catalog::{Catalog, CustomType, TypeRequest};
pub use config::CustomObjectsConfig;
pub use definition::{kind_of, CustomField, RelatedTo, TypeDef, DATA_TYPES};
pub use fields::FieldRequest;

use crate::model::schema::LeadSchema;
use marketo_types::envelope::ApiError;

impl Catalog {
    /// Make the config file's types that the catalog lacks, approved at `now`.
    pub fn declare(
        &mut self,
        config: &CustomObjectsConfig,
        lead: &LeadSchema,
        now: &str,
    ) -> Result<(), ApiError> {
        for decl in &config.types {
            if self.types.contains_key(&decl.api_name) {
                continue;
            }
            let (t, fields) = decl.requests();
            self.sync_type(&t)?;
            if !fields.is_empty() {
                self.add_fields(lead, &decl.api_name, &fields)?;
            }
            self.approve(&decl.api_name, now)?;
        }
        Ok(())
    }
}
