//! Wire types of the Custom Object Metadata API (`/rest/v1/customobjects/schema...`): a type as Describe and
//! List Custom Object Types show one version of it, the bodies of Sync Custom Object Type and of the field
//! calls, and the answers of Get Linkable Objects and Get Dependent Assets.
//!
//! ```
//! use marketo_types::custom_objects::{CustomObjectType, TypeState};
//! let t: CustomObjectType = serde_json::from_value(serde_json::json!({
//!     "state": "approvedWithDraft", "version": "draft", "apiName": "car_c", "displayName": "Car",
//!     "idField": "marketoGUID", "dedupeFields": ["vin"], "searchableFields": [["vin"]],
//!     "relationships": [{"field": "leadId", "type": "child", "relatedTo": {"name": "Lead", "field": "id"}}],
//!     "fields": [{"name": "vin", "displayName": "VIN", "dataType": "string", "length": 255,
//!                 "updateable": true, "crmManaged": false}]
//! })).unwrap();
//! assert_eq!(t.state, TypeState::ApprovedWithDraft);
//! assert_eq!(t.relationships[0].related_to.name, "Lead");
//! assert_eq!(t.fields[0].length, Some(255));
//! ```

use serde::{Deserialize, Serialize};

/// Which versions a custom object type has (`state`), or which version a read asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TypeState {
    /// Only a draft: the type was never approved.
    Draft,
    /// Only an approved version.
    Approved,
    /// An approved version and a draft of changes to it.
    ApprovedWithDraft,
}

impl TypeState {
    /// The wire name (`draft`, `approved`, `approvedWithDraft`).
    ///
    /// ```
    /// assert_eq!(marketo_types::custom_objects::TypeState::ApprovedWithDraft.as_str(), "approvedWithDraft");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            TypeState::Draft => "draft",
            TypeState::Approved => "approved",
            TypeState::ApprovedWithDraft => "approvedWithDraft",
        }
    }
}

/// The object and field a link field points at, or a relationship's other side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedTo {
    /// The object: `lead`, `company` or a custom object's API name (`Lead` in relationships).
    pub name: String,
    /// Its field the link value matches.
    pub field: String,
}

/// A link of a custom object type to another object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relationship {
    /// The link field.
    pub field: String,
    /// `child` (the type points at the other object).
    #[serde(rename = "type")]
    pub kind: String,
    /// What it points at.
    pub related_to: RelatedTo,
}

/// A field of a custom object type as Describe Custom Object Type shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeField {
    /// The API name.
    pub name: String,
    /// The UI label.
    #[serde(default)]
    pub display_name: String,
    /// What it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The data type (a link field shows its target's).
    pub data_type: String,
    /// The length, for text types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    /// Whether records can write it.
    #[serde(default)]
    pub updateable: bool,
    /// Whether a CRM manages it.
    #[serde(default)]
    pub crm_managed: bool,
}

/// One version of a custom object type (Describe and List Custom Object Types).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomObjectType {
    /// The versions the type has.
    pub state: TypeState,
    /// The version shown: `draft` or `approved` (absent from some list answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The API name (`car_c`).
    pub api_name: String,
    /// The UI name.
    pub display_name: String,
    /// The UI plural name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural_name: Option<String>,
    /// What it is.
    #[serde(default)]
    pub description: Option<String>,
    /// The id field (`marketoGUID`) once the type has been approved; `None` before.
    #[serde(default)]
    pub id_field: Option<String>,
    /// When it was first approved.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it was last approved.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Its dedupe fields.
    #[serde(default)]
    pub dedupe_fields: Vec<String>,
    /// The field sets a record read can filter on.
    #[serde(default)]
    pub searchable_fields: Vec<Vec<String>>,
    /// Its links to other objects.
    #[serde(default)]
    pub relationships: Vec<Relationship>,
    /// Its fields: `marketoGUID`, `createdAt`, `updatedAt`, then its own.
    #[serde(default)]
    pub fields: Vec<TypeField>,
}

/// The body of Sync Custom Object Type: create a type (as a draft) or change its draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeSync {
    /// `createOnly`, `updateOnly` or `createOrUpdate` (Marketo's default when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The API name: letters, digits and `_`.
    pub api_name: String,
    /// The UI name (required to create).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The UI plural name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural_name: Option<String>,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the lead detail page of the UI shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_in_lead_detail: Option<bool>,
}

/// A field to add to a type's draft (Add Custom Object Type Fields), or what Update Custom Object Type
/// Field changes (every member but `name` optional there).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeFieldSpec {
    /// The API name (required to add).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The UI label (required to add).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// One of Get Field Data Types' answers (required to add).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_type: Option<String>,
    /// What it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A dedupe field (at most 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_dedupe_field: Option<bool>,
    /// For a `link` field: what it points at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_to: Option<RelatedTo>,
}

impl TypeFieldSpec {
    /// A field to add: its API name, label and data type.
    ///
    /// ```
    /// use marketo_types::custom_objects::TypeFieldSpec;
    /// let vin = TypeFieldSpec::new("vin", "VIN", "string").dedupe();
    /// assert_eq!(serde_json::to_value(&vin).unwrap(),
    ///     serde_json::json!({"name": "vin", "displayName": "VIN", "dataType": "string", "isDedupeField": true}));
    /// ```
    pub fn new(name: &str, display_name: &str, data_type: &str) -> Self {
        TypeFieldSpec {
            name: Some(name.to_owned()),
            display_name: Some(display_name.to_owned()),
            data_type: Some(data_type.to_owned()),
            ..TypeFieldSpec::default()
        }
    }

    /// The same field as a dedupe field.
    pub fn dedupe(mut self) -> Self {
        self.is_dedupe_field = Some(true);
        self
    }

    /// A `link` field to `object`'s `field` (`lead`/`id`, `company`/`externalCompanyId`, a custom object).
    pub fn link(name: &str, display_name: &str, object: &str, field: &str) -> Self {
        TypeFieldSpec {
            related_to: Some(RelatedTo {
                name: object.to_owned(),
                field: field.to_owned(),
            }),
            ..TypeFieldSpec::new(name, display_name, "link")
        }
    }
}

/// A field of a linkable object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkableField {
    /// The API name.
    pub name: String,
    /// The UI label.
    #[serde(default)]
    pub display_name: String,
    /// The data type.
    pub data_type: String,
}

/// An object a link field can point at (Get Custom Object Linkable Objects).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkableObject {
    /// `lead`, `company` or a custom object's API name.
    pub name: String,
    /// The UI name.
    #[serde(default)]
    pub display_name: String,
    /// The fields a link can match.
    #[serde(default)]
    pub fields: Vec<LinkableField>,
}

/// An asset that uses a custom object type (Get Custom Object Dependent Assets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DependentAsset {
    /// `Smart Campaign`, ...
    pub asset_type: String,
    /// Its id.
    pub asset_id: i64,
    /// Its name.
    pub asset_name: String,
    /// The type's fields it uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_fields: Vec<String>,
}
