//! The `[custom_objects]` section: whether the subscription has custom objects at all (off: every custom
//! object call answers 1026 "Custom object not enabled"), whether its subscription type has the Custom Object
//! Metadata API (off: the `customobjects/schema` calls answer 616 "Invalid subscription type"), and types that
//! exist from the start (approved, as if made in the UI).
//!
//! ```toml
//! [custom_objects]
//! enabled = true          # false: 1026 on every custom object call
//! metadata_api = true     # false: 616 on the schema API (types below still work)
//! [[custom_objects.types]]
//! api_name = "car_c"
//! display_name = "Car"
//! fields = [
//!   { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
//!   { name = "leadId", display_name = "Lead Id", data_type = "link", related_to = { name = "lead", field = "id" } },
//!   { name = "year", display_name = "Year", data_type = "integer" },
//! ]
//! ```

use super::catalog::TypeRequest;
use super::definition::RelatedTo;
use super::fields::FieldRequest;
use serde::{Deserialize, Serialize};

/// The `[custom_objects]` section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustomObjectsConfig {
    /// Custom objects are enabled for the subscription.
    pub enabled: bool,
    /// The subscription type has the Custom Object Metadata API.
    pub metadata_api: bool,
    /// Types that exist (approved) from the start.
    pub types: Vec<TypeDecl>,
}

impl Default for CustomObjectsConfig {
    fn default() -> Self {
        CustomObjectsConfig {
            enabled: true,
            metadata_api: true,
            types: Vec::new(),
        }
    }
}

/// A type declared by the config file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeDecl {
    /// The API name.
    pub api_name: String,
    /// The display name.
    pub display_name: String,
    /// The plural display name.
    #[serde(default)]
    pub plural_name: Option<String>,
    /// What it is.
    #[serde(default)]
    pub description: Option<String>,
    /// Its fields.
    #[serde(default)]
    pub fields: Vec<FieldDecl>,
}

/// A field of a declared type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDecl {
    /// The API name.
    pub name: String,
    /// The display name.
    pub display_name: String,
    /// One of the field data types (`string`, `integer`, `link`, ...).
    pub data_type: String,
    /// What it holds.
    #[serde(default)]
    pub description: Option<String>,
    /// A dedupe field.
    #[serde(default)]
    pub dedupe: bool,
    /// A link field's target.
    #[serde(default)]
    pub related_to: Option<RelatedTo>,
}

impl TypeDecl {
    /// The metadata API requests that make this type.
    pub fn requests(&self) -> (TypeRequest, Vec<FieldRequest>) {
        let t = TypeRequest {
            action: Some("createOnly".into()),
            api_name: Some(self.api_name.clone()),
            display_name: Some(self.display_name.clone()),
            plural_name: self.plural_name.clone(),
            description: self.description.clone(),
            show_in_lead_detail: None,
        };
        let fields = self
            .fields
            .iter()
            .map(|f| FieldRequest {
                name: Some(f.name.clone()),
                display_name: Some(f.display_name.clone()),
                data_type: Some(f.data_type.clone()),
                description: f.description.clone(),
                is_dedupe_field: Some(f.dedupe),
                related_to: f.related_to.clone(),
            })
            .collect();
        (t, fields)
    }
}
