//! The typed answers of Describe Leads and Describe Leads 2.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A field's REST or SOAP name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldName {
    /// The name.
    pub name: String,
    /// Whether it can be written.
    #[serde(default)]
    pub read_only: bool,
}

/// One field, from `GET /rest/v1/leads/describe.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeadField {
    /// Field id.
    pub id: i64,
    /// Name shown in the UI.
    pub display_name: String,
    /// Type: `string`, `email`, `integer`, ...
    pub data_type: String,
    /// Maximum length, for strings.
    #[serde(default)]
    pub length: Option<u32>,
    /// REST name.
    #[serde(default)]
    pub rest: Option<FieldName>,
    /// SOAP name.
    #[serde(default)]
    pub soap: Option<FieldName>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One field of Describe Leads 2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaField {
    /// REST name.
    pub name: String,
    /// Name shown in the UI.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Type.
    #[serde(default)]
    pub data_type: Option<String>,
    /// Maximum length, for strings.
    #[serde(default)]
    pub length: Option<u32>,
    /// Whether it can be written.
    #[serde(default)]
    pub updateable: Option<bool>,
    /// Whether the CRM manages it.
    #[serde(default)]
    pub crm_managed: Option<bool>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer of `GET /rest/v1/leads/describe2.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeadSchema {
    /// The object's name (`API Lead`).
    pub name: String,
    /// Field combinations that can be searched on.
    #[serde(default)]
    pub searchable_fields: Vec<Vec<String>>,
    /// The fields.
    #[serde(default)]
    pub fields: Vec<SchemaField>,
}
