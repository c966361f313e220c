//! The rule of every custom object type: a link field's value must name a record of the linked object. A
//! record linked to a lead that does not exist is skipped with 1004 "Lead not found" (custom-objects.md shows
//! it in a Sync Custom Objects answer); one linked to a company or custom object record that does not exist
//! with 1013 "Record not found" [INF].

use super::definition::{kind_of, RelatedTo};
use crate::engine::schema::{ObjectRules, Verdict, Write};
use crate::resources::companies::KIND as COMPANY;
use crate::store::leads::{self, KeyColumn};
use crate::store::objects::{self as rows, FilterOn};
use crate::store::{Db, StoreError};
use marketo_types::envelope::ApiError;
use serde_json::Value;

/// What a link field's value must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A lead by a lead field (`id`, `email`, a custom field).
    Lead(String),
    /// A company by `id` or another of its fields.
    Company(String),
    /// A custom object record by one of its fields (`marketoGUID` or a field).
    Custom {
        /// The storage kind of the linked type's records.
        kind: String,
        /// The field.
        field: String,
    },
}

impl Target {
    /// The target of a `relatedTo`.
    pub fn of(r: &RelatedTo) -> Target {
        match r.name.to_ascii_lowercase().as_str() {
            "lead" => Target::Lead(r.field.clone()),
            "company" => Target::Company(r.field.clone()),
            _ => Target::Custom {
                kind: kind_of(&r.name),
                field: r.field.clone(),
            },
        }
    }

    /// Whether a record with `value` exists.
    fn exists(&self, db: &Db, value: &Value) -> Result<bool, StoreError> {
        let one = std::slice::from_ref(value);
        Ok(match self {
            Target::Lead(field) if field.eq_ignore_ascii_case("id") => match value.as_i64() {
                Some(id) => leads::exists(db, id)?,
                None => false,
            },
            Target::Lead(field) => {
                let (key, values) = if field == "email" {
                    let lower = Value::from(value.as_str().unwrap_or("").to_ascii_lowercase());
                    (KeyColumn::Email, vec![lower])
                } else {
                    (KeyColumn::Field(field.clone()), one.to_vec())
                };
                leads::count_matches(db, &key, &values, 1)? > 0
            }
            Target::Company(field) => {
                let on = match field.eq_ignore_ascii_case("id") {
                    true => FilterOn::Id,
                    false => FilterOn::Field(field),
                };
                !rows::filter(db, COMPANY, on, &Value::from(one), 0, 1)?.is_empty()
            }
            Target::Custom { kind, field } => {
                let on = match field.as_str() {
                    "marketoGUID" => FilterOn::Guid,
                    f => FilterOn::Field(f),
                };
                !rows::filter(db, kind, on, &Value::from(one), 0, 1)?.is_empty()
            }
        })
    }

    /// The reason a record is skipped when its link names nothing.
    fn missing(&self) -> ApiError {
        match self {
            Target::Lead(_) => ApiError::catalogued(1004, &[]),
            _ => ApiError::of_meaning(1013, "record-not-found", &[]),
        }
    }
}

/// The link fields of a custom object type and their targets.
#[derive(Debug, Clone, Default)]
pub struct LinkRules {
    /// `(field, target)`.
    pub links: Vec<(String, Target)>,
}

impl ObjectRules for LinkRules {
    fn check_write(&self, db: &Db, write: &Write<'_>) -> Result<Verdict, StoreError> {
        for (field, target) in &self.links {
            let Some(v) = write.data.get(field).filter(|v| !v.is_null()) else {
                continue;
            };
            if !target.exists(db, v)? {
                return Ok(Verdict::Skip(target.missing()));
            }
        }
        Ok(Verdict::Allow)
    }
}
