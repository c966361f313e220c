//! The lead schema: which fields a lead has, their Marketo data types, the lead partitions, the company fields,
//! and the few behaviour knobs whose real values are inferred rather than documented.
//!
//! The config file declares it (the `[lead_schema]` table; every key optional); [`LeadSchema::default`] is
//! Marketo's standard fields, one partition named `Default`, and the inferred rules below:
//!
//! ```toml
//! [lead_schema]
//! partitions = ["Default", "Europe"]          # the first is the default partition
//! company_fields = ["company", "website"]     # default: DEFAULT_COMPANY_FIELDS [INF]
//! [lead_schema.rules]
//! max_batch = 300                             # records per sync/delete/list call
//! max_filter_matches = 1000                   # beyond: 1003 "Too many results match the filter"
//! company_rule = "when_linked"                # or "always", "never" (1021)
//! reject_too_long = true                      # over-long text: 1003 (true) or truncated (false)
//! [[lead_schema.custom_fields]]
//! name = "loyaltyTier"
//! display_name = "Loyalty Tier"
//! data_type = "integer"   # string text email phone url integer score float currency percent boolean date
//!                         # datetime reference formula
//! length = 255            # optional (text types)
//! read_only = false       # optional
//! searchable = true       # optional; default: string, email and integer custom fields are
//! ```
//!
//! ```
//! use marketo_emulator::model::schema::{DataType, FieldDef, LeadSchema};
//! let mut schema = LeadSchema::default();
//! schema.custom_fields.push(FieldDef::new("loyaltyTier", "Loyalty Tier", DataType::Integer));
//! assert!(schema.field("email").is_some());
//! assert!(schema.field("loyaltyTier").unwrap().is_searchable());
//! ```

use serde::{Deserialize, Serialize};

pub use super::standard_fields::standard_fields;

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
    /// Set by [`LeadSchema`] for the built-in standard fields; never read from config.
    #[serde(skip)]
    pub standard: bool,
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
        }
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

/// When a company field on a Sync Leads record gives 1021 "Company update not allowed". [INF]: Marketo
/// documents only that company fields cannot be updated through Sync Leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyRule {
    /// Only when the lead is linked to a company record (`externalCompanyId` set on the record or the stored
    /// lead): the company fields then belong to the company. The default, so that plain `company` values on
    /// unlinked leads keep working as they do on instances without company records.
    #[default]
    WhenLinked,
    /// Whenever a record sets a company field.
    Always,
    /// Never.
    Never,
}

/// Behaviour whose real value is inferred, kept configurable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Rules {
    /// Records per Sync Leads / Delete / list call (documented: 300). More: response-level 1003 "Invalid data"
    /// [INF: the real answer for 301 records is not recorded].
    pub max_batch: usize,
    /// Matches beyond which Get Leads by Filter Type answers 1003 "Too many results match the filter" (documented:
    /// 1,000).
    pub max_filter_matches: usize,
    /// See [`CompanyRule`].
    pub company_rule: CompanyRule,
    /// Reject string values longer than the field's length with 1003 (true) or truncate them (false). [INF]
    pub reject_too_long: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            max_batch: 300,
            max_filter_matches: 1000,
            company_rule: CompanyRule::default(),
            reject_too_long: true,
        }
    }
}

/// The lead schema: standard plus custom fields, partitions, company fields and rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LeadSchema {
    /// The standard fields (default: Marketo's standard fields).
    #[serde(skip)]
    pub standard_fields: Vec<FieldDef>,
    /// Custom fields declared by the config file.
    pub custom_fields: Vec<FieldDef>,
    /// Lead partitions; the first is the default one used when a sync names none.
    pub partitions: Vec<String>,
    /// Fields that belong to the company record (1021). Default [INF]: the company-level standard fields.
    pub company_fields: Vec<String>,
    /// Behaviour knobs.
    pub rules: Rules,
}

/// The company-level standard fields (the default of [`LeadSchema::company_fields`]) [INF].
pub const DEFAULT_COMPANY_FIELDS: &[&str] = &[
    "company",
    "site",
    "billingStreet",
    "billingCity",
    "billingState",
    "billingCountry",
    "billingPostalCode",
    "website",
    "mainPhone",
    "annualRevenue",
    "numberOfEmployees",
    "industry",
    "sicCode",
];

impl Default for LeadSchema {
    fn default() -> Self {
        LeadSchema {
            standard_fields: standard_fields(),
            custom_fields: Vec::new(),
            partitions: vec!["Default".to_string()],
            company_fields: DEFAULT_COMPANY_FIELDS
                .iter()
                .map(|s| s.to_string())
                .collect(),
            rules: Rules::default(),
        }
    }
}

impl LeadSchema {
    /// Every field, standard first, in describe order.
    pub fn fields(&self) -> impl Iterator<Item = &FieldDef> {
        self.standard_fields.iter().chain(self.custom_fields.iter())
    }

    /// The field named `name` (exact REST name).
    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields().find(|f| f.name == name)
    }

    /// The default partition (the first declared, else `Default`).
    pub fn default_partition(&self) -> &str {
        self.partitions
            .first()
            .map(String::as_str)
            .unwrap_or("Default")
    }

    /// Whether `name` is a company field.
    pub fn is_company_field(&self, name: &str) -> bool {
        self.company_fields.iter().any(|f| f == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_fields_of_string_email_integer_are_searchable_by_default() {
        assert!(FieldDef::new("a", "A", DataType::String).is_searchable());
        assert!(FieldDef::new("a", "A", DataType::Integer).is_searchable());
        assert!(!FieldDef::new("a", "A", DataType::Boolean).is_searchable());
        let s = LeadSchema::default();
        assert!(!s.field("firstName").unwrap().is_searchable());
        assert!(s.field("email").unwrap().is_searchable());
        assert!(s.field("id").unwrap().is_searchable());
    }

    #[test]
    fn config_declares_custom_fields_of_any_type() {
        let s: LeadSchema = toml::from_str(
            r#"
            partitions = ["Default", "Europe"]
            company_fields = ["company"]
            [rules]
            company_rule = "always"
            [[custom_fields]]
            name = "score_x"
            display_name = "Score X"
            data_type = "percent"
            "#,
        )
        .unwrap();
        assert_eq!(s.field("score_x").unwrap().data_type, DataType::Percent);
        assert!(s.field("email").is_some(), "standard fields kept");
        assert_eq!(s.default_partition(), "Default");
        assert_eq!(s.rules.company_rule, CompanyRule::Always);
        assert_eq!(s.rules.max_batch, 300, "unset rules keep their defaults");
        assert!(
            toml::from_str::<LeadSchema>("custom_field = []").is_err(),
            "typos are refused"
        );
    }

    #[test]
    fn soap_names_derive_from_rest_names() {
        let s = LeadSchema::default();
        assert_eq!(s.field("firstName").unwrap().soap(), "FirstName");
        assert_eq!(FieldDef::new("x_y", "X", DataType::String).soap(), "x_y");
    }
}
