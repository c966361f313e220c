//! Activities: the records `activities.json` and `activities/leadchanges.json` page through (and a bulk
//! activity export writes), and the activity types of `activities/types.json`.
//!
//! ```
//! use marketo_types::activity::Activity;
//! let a: Activity = serde_json::from_str(
//!     r#"{"id":102988,"marketoGUID":"102988","leadId":1,"activityDate":"2023-01-16T23:32:19Z","activityTypeId":1,
//!         "primaryAttributeValueId":71,"primaryAttributeValue":"localhost/munchkintest2.html",
//!         "attributes":[{"name":"Webpage URL","value":"/munchkintest2.html"}]}"#,
//! ).unwrap();
//! assert_eq!(a.attribute("Webpage URL"), Some(&serde_json::json!("/munchkintest2.html")));
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One secondary attribute of an activity: a name and a value of the type's data type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActivityAttribute {
    /// Its name (`Webpage URL`).
    pub name: String,
    /// Its value (a string, a number, a boolean or null).
    pub value: Value,
}

impl ActivityAttribute {
    /// An attribute.
    pub fn new(name: impl Into<String>, value: impl Into<Value>) -> Self {
        ActivityAttribute {
            name: name.into(),
            value: value.into(),
        }
    }
}

/// One activity (`activities.json`, `deletedleads.json`). `marketoGUID` is replacing `id` as its identifier.
/// A missing primary attribute is sent as `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Activity {
    /// The integer id (being replaced by `marketoGUID`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The id.
    #[serde(rename = "marketoGUID")]
    pub marketo_guid: String,
    /// The lead it belongs to.
    pub lead_id: i64,
    /// When it happened, as sent (`2023-01-16T23:32:19Z`, `2014-09-17T22:31:49+0000`).
    pub activity_date: String,
    /// Its type.
    pub activity_type_id: i64,
    /// The smart campaign that caused it, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<i64>,
    /// The id of the primary attribute's value (a webpage id, a list id, ...).
    #[serde(default)]
    pub primary_attribute_value_id: Option<i64>,
    /// The primary attribute's value.
    #[serde(default)]
    pub primary_attribute_value: Option<String>,
    /// The secondary attributes (a type's empty attributes are left out).
    #[serde(default)]
    pub attributes: Vec<ActivityAttribute>,
}

impl Activity {
    /// The value of the attribute `name`, if it has one.
    pub fn attribute(&self, name: &str) -> Option<&Value> {
        self.attributes
            .iter()
            .find(|a| a.name == name)
            .map(|a| &a.value)
    }
}

/// One field change of a lead change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    /// The field's id.
    pub id: i64,
    /// The field's REST name.
    pub name: String,
    /// The value after.
    pub new_value: Value,
    /// The value before.
    pub old_value: Value,
}

/// One lead change (`activities/leadchanges.json`): a New Lead or Change Data Value activity with the field
/// changes asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeadChange {
    /// The integer id (being replaced by `marketoGUID`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The id.
    #[serde(rename = "marketoGUID")]
    pub marketo_guid: String,
    /// The lead.
    pub lead_id: i64,
    /// When, as sent.
    pub activity_date: String,
    /// Its type (12 New Lead, 13 Change Data Value).
    pub activity_type_id: i64,
    /// The changes of the fields asked for.
    #[serde(default)]
    pub fields: Vec<FieldChange>,
    /// The secondary attributes.
    #[serde(default)]
    pub attributes: Vec<ActivityAttribute>,
}

/// An attribute an activity type declares: its name and data type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttributeType {
    /// Its name.
    pub name: String,
    /// Its data type (`string`, `integer`, `text`, ...).
    pub data_type: String,
}

impl AttributeType {
    /// An attribute declaration.
    pub fn new(name: impl Into<String>, data_type: impl Into<String>) -> Self {
        AttributeType {
            name: name.into(),
            data_type: data_type.into(),
        }
    }
}

/// An activity type (`GET /rest/v1/activities/types.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityType {
    /// Its id (`activityTypeIds` takes these).
    pub id: i64,
    /// Its name (`New Lead`).
    pub name: String,
    /// What it records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its primary attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_attribute: Option<AttributeType>,
    /// Its other attributes.
    #[serde(default)]
    pub attributes: Vec<AttributeType>,
}
