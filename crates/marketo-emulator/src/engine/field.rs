//! Fields: Marketo's data types and one field's definition, shared by every object type (leads, companies,
//! opportunities, custom objects...).

use serde::{Deserialize, Serialize};

/// A Marketo field data type, spelled as `describe.json` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DataType {
    /// Short text, up to `length` (255) characters.
    String,
    /// Text area: up to 30,000 bytes.
    Text,
    /// An ASCII email address.
    Email,
    /// A phone number (free text).
    Phone,
    /// A URL (free text).
    Url,
    /// A whole number (32-bit).
    Integer,
    /// A score: an integer.
    Score,
    /// A real number.
    Float,
    /// A real number in the subscription's currency.
    Currency,
    /// A percentage as an integer (`30`, not `"30%"`).
    Percent,
    /// `true` / `false`.
    Boolean,
    /// `YYYY-MM-DD`.
    Date,
    /// ISO 8601 date and time; stored and returned as UTC `2015-08-24T20:17:23Z`.
    Datetime,
    /// A key to another record (free text).
    Reference,
    /// Computed by Marketo: read-only.
    Formula,
}

impl DataType {
    /// The wire name (`"datetime"`, `"email"`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            DataType::String => "string",
            DataType::Text => "text",
            DataType::Email => "email",
            DataType::Phone => "phone",
            DataType::Url => "url",
            DataType::Integer => "integer",
            DataType::Score => "score",
            DataType::Float => "float",
            DataType::Currency => "currency",
            DataType::Percent => "percent",
            DataType::Boolean => "boolean",
            DataType::Date => "date",
            DataType::Datetime => "datetime",
            DataType::Reference => "reference",
            DataType::Formula => "formula",
        }
    }

    /// The length `describe` reports when a field declares none: text types have one, others none.
    pub fn default_length(self) -> Option<u32> {
        match self {
            DataType::String
            | DataType::Email
            | DataType::Phone
            | DataType::Url
            | DataType::Reference => Some(255),
            DataType::Text => Some(30_000),
            _ => None,
        }
    }
}

/// One lead field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    /// The REST name (`firstName`).
    pub name: String,
    /// The friendly label (`First Name`).
    pub display_name: String,
    /// The data type.
    pub data_type: DataType,
    /// Maximum length for text types; `None` means the type's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    /// System managed: a sync may not set it (the value in the input is ignored).
    #[serde(default)]
    pub read_only: bool,
    /// Usable as `filterType` and `lookupField`. `None`: custom fields of type string, email and integer are
    /// searchable (leads.md), standard fields are not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub searchable: Option<bool>,
    /// The SOAP name `describe.json` reports; `None`: derived from the REST name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soap_name: Option<String>,
    /// Managed by a CRM sync (`describe2.json` `crmManaged`).
    #[serde(default)]
    pub crm_managed: bool,
    /// Set for an object type's built-in standard fields; never read from config.
    #[serde(skip)]
    pub standard: bool,
    /// What the field is for (`schema/fields` reads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Hidden in the UI.
    #[serde(default)]
    pub hidden: bool,
    /// Encoded as HTML when used in an email (`None`: true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html_encoding: Option<bool>,
    /// Marked sensitive.
    #[serde(default)]
    pub sensitive: bool,
    /// Created through the API (Create Lead Fields).
    #[serde(default)]
    pub api_created: bool,
}

impl FieldDef {
    /// A custom field with the type's defaults.
    pub fn new(name: &str, display_name: &str, data_type: DataType) -> Self {
        FieldDef {
            name: name.to_string(),
            display_name: display_name.to_string(),
            data_type,
            length: None,
            read_only: matches!(data_type, DataType::Formula),
            searchable: None,
            soap_name: None,
            crm_managed: false,
            standard: false,
            description: None,
            hidden: false,
            html_encoding: None,
            sensitive: false,
            api_created: false,
        }
    }

    /// The field as `schema/fields.json` reads show it (`isCustom`, `isApiCreated`, ...).
    pub fn schema_record(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("displayName".into(), self.display_name.clone().into());
        m.insert("name".into(), self.name.clone().into());
        m.insert(
            "description".into(),
            self.description
                .clone()
                .map_or(serde_json::Value::Null, Into::into),
        );
        m.insert("dataType".into(), self.data_type.as_str().into());
        if let Some(len) = self.max_length() {
            m.insert("length".into(), len.into());
        }
        m.insert("isHidden".into(), self.hidden.into());
        m.insert(
            "isHtmlEncodingInEmail".into(),
            self.html_encoding.unwrap_or(true).into(),
        );
        m.insert("isSensitive".into(), self.sensitive.into());
        m.insert("isCustom".into(), (!self.standard).into());
        m.insert("isApiCreated".into(), self.api_created.into());
        serde_json::Value::Object(m)
    }

    /// The length `describe` reports and the sync enforces.
    pub fn max_length(&self) -> Option<u32> {
        self.length.or_else(|| self.data_type.default_length())
    }

    /// Usable as `filterType` / `lookupField`.
    pub fn is_searchable(&self) -> bool {
        self.searchable.unwrap_or(
            !self.standard
                && matches!(
                    self.data_type,
                    DataType::String | DataType::Email | DataType::Integer
                ),
        )
    }

    /// The SOAP name: declared, else the REST name with its first letter upper-cased for standard fields.
    pub fn soap(&self) -> String {
        if let Some(s) = &self.soap_name {
            return s.clone();
        }
        if !self.standard {
            return self.name.clone();
        }
        let mut chars = self.name.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}
