//! One Sync Leads input record checked against the schema: the values to store, or the reason it is skipped.

use super::errors;
use super::schema::{CompanyRule, LeadSchema};
use crate::engine::value;
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// A record that passed the field checks.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct CheckedRecord {
    /// Normalised values of the writable fields it sets (`null` clears a field).
    pub changes: Map<String, Value>,
    /// The `id` it carries, if any (raw).
    pub id: Option<Value>,
    /// Whether it sets a company field.
    pub sets_company_field: bool,
}

/// Check every field of `raw`, in input order; the first failure skips the record.
///
/// Unknown field: 1006 "Field '<name>' not found". Wrong type: 1003 "Invalid value for field '<name>'".
/// Read-only fields (`createdAt`, `updatedAt`, ...) are ignored [INF].
pub(super) fn check(schema: &LeadSchema, raw: &Value) -> Result<CheckedRecord, ApiError> {
    let Value::Object(obj) = raw else {
        return Err(errors::invalid_data());
    };
    let mut out = CheckedRecord {
        changes: Map::with_capacity(obj.len()),
        id: None,
        sets_company_field: false,
    };
    for (name, v) in obj {
        if name == "id" {
            out.id = Some(v.clone());
            continue;
        }
        let field = schema
            .field(name)
            .ok_or_else(|| errors::field_not_found(name))?;
        if field.read_only {
            continue;
        }
        let normal = value::normalise(field, v, schema.rules.reject_too_long)
            .map_err(|()| errors::invalid_value(name))?;
        if schema.is_company_field(name) {
            out.sets_company_field = true;
        }
        out.changes.insert(name.clone(), normal);
    }
    Ok(out)
}

/// Whether this record must be skipped with 1021 "Company update not allowed".
pub(super) fn company_blocked(
    schema: &LeadSchema,
    rec: &CheckedRecord,
    existing: Option<&Map<String, Value>>,
) -> bool {
    if !rec.sets_company_field {
        return false;
    }
    match schema.rules.company_rule {
        CompanyRule::Never => false,
        CompanyRule::Always => true,
        CompanyRule::WhenLinked => {
            let linked = |m: &Map<String, Value>| {
                m.get("externalCompanyId")
                    .map(|v| !v.is_null() && v.as_str() != Some(""))
                    .unwrap_or(false)
            };
            linked(&rec.changes) || existing.map(linked).unwrap_or(false)
        }
    }
}

/// An `id` value as a lead id (a number or a numeric string).
pub(super) fn as_id(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn first_bad_field_in_input_order_wins() {
        let s = LeadSchema::default();
        let e = check(&s, &json!({"email": "x", "nope": 1})).unwrap_err();
        assert_eq!(e.message, "Invalid value for field 'email'");
        let e = check(&s, &json!({"nope": 1, "email": "x"})).unwrap_err();
        assert_eq!(e.message, "Field 'nope' not found");
        assert_eq!(check(&s, &json!(5)).unwrap_err().message, "Invalid data");
    }

    #[test]
    fn read_only_ignored_and_id_kept_apart() {
        let s = LeadSchema::default();
        let r = check(&s, &json!({"id": 3, "createdAt": "x", "firstName": "A"})).unwrap();
        assert_eq!(r.id, Some(json!(3)));
        assert_eq!(Value::Object(r.changes), json!({"firstName": "A"}));
    }

    #[test]
    fn company_fields_blocked_when_linked() {
        let s = LeadSchema::default();
        let plain = check(&s, &json!({"company": "Acme"})).unwrap();
        assert!(!company_blocked(&s, &plain, None));
        let linked = check(&s, &json!({"company": "Acme", "externalCompanyId": "C1"})).unwrap();
        assert!(company_blocked(&s, &linked, None));
        let stored = json!({"externalCompanyId": "C1"});
        assert!(company_blocked(&s, &plain, stored.as_object()));
    }
}
