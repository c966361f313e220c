//! The answer of Describe for an object type (`GET /rest/v1/{type}/describe.json`).

use crate::endpoints::SchemaField;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An object type as Describe tells it: its id field, dedupe fields, searchable field sets and fields.
///
/// ```
/// use marketo_client::operations::ObjectDescription;
/// let d: ObjectDescription = serde_json::from_value(serde_json::json!({
///     "name": "Company", "idField": "id", "dedupeFields": ["externalCompanyId"],
///     "searchableFields": [["externalCompanyId"], ["id"]],
///     "fields": [{"name": "externalCompanyId", "dataType": "string", "updateable": false}]
/// })).unwrap();
/// assert_eq!(d.dedupe_fields, ["externalCompanyId"]);
/// assert_eq!(d.fields[0].updateable, Some(false));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectDescription {
    /// The type's name (`Company`).
    pub name: String,
    /// Its display name, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When the type was defined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When the type last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// The field holding a record's id: `id` or `marketoGUID`.
    pub id_field: String,
    /// The fields that identify a record for `dedupeBy=dedupeFields`.
    #[serde(default)]
    pub dedupe_fields: Vec<String>,
    /// The field sets a get can filter on.
    #[serde(default)]
    pub searchable_fields: Vec<Vec<String>>,
    /// The fields.
    #[serde(default)]
    pub fields: Vec<SchemaField>,
    /// Anything else the server sent (`relationships`, ...).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}
