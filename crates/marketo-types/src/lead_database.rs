//! Wire types of the Lead Database's list, partition, field schema and custom activity type calls, shared by
//! the emulator (which answers with them) and the client (which reads them).
//!
//! ```
//! use marketo_types::lead_database::StaticList;
//! let l: StaticList = serde_json::from_str(
//!     r#"{"id":1001,"name":"Newsletter","programName":"Q1","workspaceName":"Default",
//!         "createdAt":"2026-03-10T15:00:00Z","updatedAt":"2026-03-10T15:00:00Z"}"#).unwrap();
//! assert_eq!(l.program_name.as_deref(), Some("Q1"));
//! ```

pub mod programs;

use crate::envelope::Reason;
use serde::{Deserialize, Serialize};

/// A static list as Get Lists answers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StaticList {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The program it lives in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_name: Option<String>,
    /// Its workspace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_name: Option<String>,
    /// When it was created.
    pub created_at: String,
    /// When it was last changed.
    pub updated_at: String,
}

/// A lead partition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partition {
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A field as the `schema/fields` calls describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRecord {
    /// The UI label.
    pub display_name: String,
    /// The API name.
    pub name: String,
    /// What it is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Its data type.
    pub data_type: String,
    /// Its length (text types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    /// Hidden in the UI.
    #[serde(default)]
    pub is_hidden: bool,
    /// HTML-encoded in emails.
    #[serde(default)]
    pub is_html_encoding_in_email: bool,
    /// Sensitive.
    #[serde(default)]
    pub is_sensitive: bool,
    /// A custom field.
    #[serde(default)]
    pub is_custom: bool,
    /// Created through the API.
    #[serde(default)]
    pub is_api_created: bool,
}

/// A field to create (Create Lead Fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewField {
    /// The UI label (unique).
    #[serde(default)]
    pub display_name: String,
    /// The API name: a letter, then letters, digits or `_`.
    #[serde(default)]
    pub name: String,
    /// One of `boolean currency date datetime email float integer percent phone score string url`.
    #[serde(default)]
    pub data_type: String,
    /// What it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Hidden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hidden: Option<bool>,
    /// HTML-encoded in emails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_html_encoding_in_email: Option<bool>,
    /// Sensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_sensitive: Option<bool>,
}

/// What Update Lead Field changes (every member optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldUpdate {
    /// A new UI label (custom fields only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// A new description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Hide or show (fields created by the API only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hidden: Option<bool>,
    /// HTML encoding in emails.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_html_encoding_in_email: Option<bool>,
    /// Sensitive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_sensitive: Option<bool>,
}

/// One field's outcome of Create or Update Lead Fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldStatus {
    /// The field's API name.
    pub name: String,
    /// `created`, `updated` or `skipped`.
    pub status: String,
    /// Why it was skipped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
}

/// An attribute of a custom activity type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomAttribute {
    /// Its API name (the key of updates).
    pub api_name: String,
    /// Its display name.
    #[serde(default)]
    pub name: String,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its data type (default `string`).
    #[serde(default = "string_type")]
    pub data_type: String,
    /// Whether it is the primary attribute (attribute calls).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_primary: Option<bool>,
}

fn string_type() -> String {
    "string".to_owned()
}

/// A custom activity type as the API shows one version of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomActivityType {
    /// Its id (from 100001).
    #[serde(default)]
    pub id: i64,
    /// Its API name.
    pub api_name: String,
    /// Its name.
    pub name: String,
    /// What it records.
    #[serde(default)]
    pub description: Option<String>,
    /// Its smart list trigger's name.
    #[serde(default)]
    pub trigger_name: String,
    /// Its smart list filter's name.
    #[serde(default)]
    pub filter_name: String,
    /// Created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// `draft`, `approved` or `approved with draft`.
    pub status: String,
    /// The primary attribute.
    pub primary_attribute: CustomAttribute,
    /// The secondary attributes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<CustomAttribute>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_custom_activity_type_reads_and_writes_back() {
        let doc = r#"{"id":100001,"apiName":"attendConference","name":"Attend Conference",
            "description":"Attend the conference","triggerName":"Attend Conference","filterName":"Attended Conference",
            "createdAt":"2016-02-03T22:36:23Z","updatedAt":"2016-02-03T22:36:23Z","status":"approved with draft",
            "primaryAttribute":{"apiName":"conferenceName","name":"Conference Name","description":"Name of the conference","dataType":"string"},
            "attributes":[{"apiName":"conferenceDate","name":"Conference Date","description":"Date of the conference","dataType":"datetime"}]}"#;
        let t: CustomActivityType = serde_json::from_str(doc).unwrap();
        assert_eq!(t.attributes[0].data_type, "datetime");
        let back: serde_json::Value = serde_json::to_value(&t).unwrap();
        let want: serde_json::Value = serde_json::from_str(doc).unwrap();
        assert_eq!(back, want);
    }

    #[test]
    fn the_documented_field_records_read() {
        let f: FieldRecord = serde_json::from_str(
            r#"{"displayName":"Email Address","name":"email","description":null,"dataType":"email","length":255,
                "isHidden":false,"isHtmlEncodingInEmail":true,"isSensitive":true,"isCustom":false}"#,
        )
        .unwrap();
        assert!(f.is_sensitive && !f.is_api_created);
        let s: FieldStatus =
            serde_json::from_str(r#"{"name":"acmeAccessCode","status":"created"}"#).unwrap();
        assert!(s.reasons.is_empty());
    }
}
