//! A custom object type's definition, as the metadata API builds it and the key-value store keeps it: its
//! names, description and fields, each field with its data type, whether it is a dedupe field and, for a link
//! field, what it links to. [`TypeDef::schema`] turns an approved definition into the engine's descriptor.

use super::rules::{LinkRules, Target};
use crate::engine::schema::{IdKind, ObjectSchema, Relationship};
use crate::engine::{DataType, FieldDef};
use serde::{Deserialize, Serialize};

/// The data types a custom object field may have (Get Custom Object Type Field Data Types).
pub const DATA_TYPES: &[&str] = &[
    "string", "boolean", "integer", "float", "link", "email", "currency", "date", "datetime",
    "phone", "text",
];

/// The data type of a non-link field named `name` (one of [`DATA_TYPES`] but `link`).
pub fn data_type(name: &str) -> Option<DataType> {
    Some(match name {
        "string" => DataType::String,
        "boolean" => DataType::Boolean,
        "integer" => DataType::Integer,
        "float" => DataType::Float,
        "email" => DataType::Email,
        "currency" => DataType::Currency,
        "date" => DataType::Date,
        "datetime" => DataType::Datetime,
        "phone" => DataType::Phone,
        "text" => DataType::Text,
        _ => return None,
    })
}

/// What a link field points at: an object (`lead`, `company` or a custom object's API name) and its field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedTo {
    /// The related object.
    pub name: String,
    /// Its field the link value matches.
    pub field: String,
}

/// One custom field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomField {
    /// The API name.
    pub name: String,
    /// The display name.
    pub display_name: String,
    /// What it holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `string`, `integer`, ..., or `link`.
    pub data_type: String,
    /// For a link field: the data type of the field it matches (what its values are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_type: Option<DataType>,
    /// A dedupe field.
    #[serde(default)]
    pub is_dedupe_field: bool,
    /// A link field's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related_to: Option<RelatedTo>,
}

impl CustomField {
    /// The type its values have: a link field's is its target's.
    pub fn value_type(&self) -> DataType {
        match &self.link_type {
            Some(t) => *t,
            None => data_type(&self.data_type).unwrap_or(DataType::String),
        }
    }

    /// Whether it is a link field.
    pub fn is_link(&self) -> bool {
        self.related_to.is_some()
    }
}

/// One version (draft or approved) of a custom object type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeDef {
    /// The API name (`car_c`).
    pub api_name: String,
    /// The display name (`Car`).
    pub display_name: String,
    /// The plural display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plural_name: Option<String>,
    /// What it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Shown in the lead detail page of the UI.
    #[serde(default)]
    pub show_in_lead_detail: bool,
    /// Its custom fields, in the order they were added.
    #[serde(default)]
    pub fields: Vec<CustomField>,
    /// When it was first approved (`None` before).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it was last approved (`None` before).
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// The storage kind of a custom object type's records.
pub fn kind_of(api_name: &str) -> String {
    format!("custom.{api_name}")
}

/// How describe names a related object: `Lead`, `Company`, or a custom object's API name.
fn related_name(name: &str) -> String {
    match name {
        "lead" => "Lead".to_owned(),
        "company" => "Company".to_owned(),
        other => other.to_owned(),
    }
}

impl TypeDef {
    /// The dedupe fields, in field order.
    pub fn dedupe_fields(&self) -> Vec<String> {
        self.fields
            .iter()
            .filter(|f| f.is_dedupe_field)
            .map(|f| f.name.clone())
            .collect()
    }

    /// The searchable field sets: the dedupe fields, `marketoGUID`, each link field.
    pub fn searchable(&self) -> Vec<Vec<String>> {
        let mut out = vec![self.dedupe_fields(), vec!["marketoGUID".to_owned()]];
        out.extend(
            self.fields
                .iter()
                .filter(|f| f.is_link())
                .map(|f| vec![f.name.clone()]),
        );
        out
    }

    /// The relationships: one `child` entry per link field.
    pub fn relationships(&self) -> Vec<Relationship> {
        self.fields
            .iter()
            .filter_map(|f| {
                let r = f.related_to.as_ref()?;
                Some(Relationship {
                    field: f.name.clone(),
                    kind: "child",
                    related_name: related_name(&r.name),
                    related_field: r.field.clone(),
                })
            })
            .collect()
    }

    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&CustomField> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The engine's descriptor of this (approved) version: GUID ids, its dedupe and link fields, its links
    /// checked on every write.
    pub fn schema(&self) -> ObjectSchema {
        let dedupe = self.dedupe_fields();
        let keys: Vec<&str> = dedupe.iter().map(String::as_str).collect();
        let mut schema = ObjectSchema::new(
            &kind_of(&self.api_name),
            &self.api_name,
            IdKind::Guid,
            &keys,
        );
        schema.display_name = Some(self.display_name.clone());
        schema.description = Some(self.description.clone().unwrap_or_default());
        schema.searchable = self.searchable();
        schema.relationships = self.relationships();
        for f in &self.fields {
            let mut def = FieldDef::new(&f.name, &f.display_name, f.value_type());
            def.description = f.description.clone();
            schema = schema.with_field(def);
        }
        let links = self
            .fields
            .iter()
            .filter_map(|f| {
                let r = f.related_to.as_ref()?;
                Some((f.name.clone(), Target::of(r)))
            })
            .collect();
        schema.with_rules(LinkRules { links })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn car() -> TypeDef {
        serde_json::from_value(serde_json::json!({
            "apiName": "car_c", "displayName": "Car",
            "fields": [
                {"name": "vin", "displayName": "VIN", "dataType": "string", "isDedupeField": true},
                {"name": "leadID", "displayName": "Lead ID", "dataType": "link", "linkType": "integer",
                 "relatedTo": {"name": "lead", "field": "id"}},
                {"name": "year", "displayName": "Year", "dataType": "integer"}
            ]
        }))
        .unwrap()
    }

    #[test]
    fn an_approved_type_is_a_guid_keyed_descriptor_with_its_links() {
        let s = car().schema();
        assert_eq!(s.kind, "custom.car_c");
        assert_eq!(s.id_field(), "marketoGUID");
        assert_eq!(s.dedupe_fields, ["vin"]);
        assert_eq!(
            s.searchable,
            vec![
                vec!["vin".to_owned()],
                vec!["marketoGUID".into()],
                vec!["leadID".into()]
            ]
        );
        assert_eq!(s.field("leadID").unwrap().data_type, DataType::Integer);
        assert_eq!(s.relationships[0].related_name, "Lead");
        assert_eq!(data_type("link"), None);
        assert_eq!(DATA_TYPES.len(), 11);
    }
}
