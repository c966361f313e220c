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
pub use crate::engine::field::{DataType, FieldDef};

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
