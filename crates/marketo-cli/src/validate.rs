//! Checks a record against the instance's field schema (from Describe Lead) before it costs a call: unknown
//! fields, values of the wrong type, values longer than the field, and an empty lookup field. A record that
//! fails is written to the rejects file with the code Marketo itself would answer (1006, 1003), so
//! `--dry-run` and a real sync agree.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One field of the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSpec {
    /// REST name.
    pub name: String,
    /// Marketo data type (`string`, `email`, `integer`, ...).
    pub data_type: String,
    /// Maximum length, for text types.
    pub length: Option<usize>,
}

/// The lead schema, by REST name.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    fields: HashMap<String, FieldSpec>,
}

/// Why a record cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Marketo's code for it, or `input`.
    pub code: &'static str,
    /// What is wrong, naming the field.
    pub message: String,
}

impl Schema {
    /// Build from the `result` of Describe Lead (`describe.json`: `{displayName, dataType, length, rest:{name}}`).
    pub fn from_describe(result: &[Value]) -> Schema {
        let fields = result
            .iter()
            .filter_map(|f| {
                let name = f
                    .pointer("/rest/name")
                    .or_else(|| f.get("name"))?
                    .as_str()?
                    .to_owned();
                let data_type = f.get("dataType")?.as_str()?.to_owned();
                let length = f.get("length").and_then(Value::as_u64).map(|l| l as usize);
                Some((
                    name.clone(),
                    FieldSpec {
                        name,
                        data_type,
                        length,
                    },
                ))
            })
            .collect();
        Schema { fields }
    }

    /// Whether the schema knows a field.
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains_key(name)
    }

    /// Check one record. `lookup` is the lookup field when the action needs one.
    pub fn check(&self, record: &Map<String, Value>, lookup: Option<&str>) -> Result<(), Problem> {
        if let Some(lookup) = lookup {
            let empty = match record.get(lookup) {
                None | Some(Value::Null) => true,
                Some(Value::String(s)) => s.trim().is_empty(),
                Some(_) => false,
            };
            if empty {
                return Err(Problem {
                    code: "input",
                    message: format!("lookup field '{lookup}' is empty"),
                });
            }
        }
        for (name, value) in record {
            let Some(spec) = self.fields.get(name) else {
                return Err(Problem {
                    code: "1006",
                    message: format!("Field '{name}' not found"),
                });
            };
            if let Err(why) = check_value(spec, value) {
                return Err(Problem {
                    code: "1003",
                    message: format!("Invalid value for field '{name}': {why}"),
                });
            }
        }
        Ok(())
    }
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn check_value(spec: &FieldSpec, value: &Value) -> Result<(), String> {
    if value.is_null() {
        return Ok(());
    }
    let Some(s) = text(value) else {
        return Err("not a single value".into());
    };
    let s = s.trim();
    match spec.data_type.as_str() {
        "integer" | "score" | "percent" => s
            .parse::<i64>()
            .map(drop)
            .map_err(|_| format!("{s:?} is not a whole number")),
        "float" | "currency" => match s.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(()),
            _ => Err(format!("{s:?} is not a number")),
        },
        "boolean" => match s.to_ascii_lowercase().as_str() {
            "true" | "false" | "1" | "0" | "yes" | "no" => Ok(()),
            _ => Err(format!("{s:?} is not true or false")),
        },
        "date" => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(drop)
            .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)")),
        "datetime" => {
            let ok = DateTime::parse_from_rfc3339(s).is_ok()
                || NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").is_ok()
                || NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").is_ok()
                || NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok();
            if ok {
                Ok(())
            } else {
                Err(format!("{s:?} is not a date-time (ISO 8601)"))
            }
        }
        "email" => {
            if s.is_empty() || is_email(s) {
                check_length(spec, s)
            } else {
                Err(format!("{s:?} is not an email address"))
            }
        }
        _ => check_length(spec, s),
    }
}

fn check_length(spec: &FieldSpec, s: &str) -> Result<(), String> {
    match spec.length {
        Some(max) if max > 0 && s.chars().count() > max => Err(format!(
            "{} characters, longer than the field's {max}",
            s.chars().count()
        )),
        _ => Ok(()),
    }
}

/// An ASCII address with one `@`, a non-empty local part and a dotted domain, no spaces.
pub fn is_email(s: &str) -> bool {
    if !s.is_ascii() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> Schema {
        Schema::from_describe(&[
            json!({"id":1,"displayName":"Email","dataType":"email","length":255,"rest":{"name":"email","readOnly":false}}),
            json!({"id":2,"displayName":"Employees","dataType":"integer","rest":{"name":"numberOfEmployees"}}),
            json!({"id":3,"displayName":"Opt in","dataType":"boolean","rest":{"name":"optIn"}}),
            json!({"id":4,"displayName":"Last","dataType":"date","rest":{"name":"lastPurchaseDate"}}),
            json!({"id":5,"displayName":"Code","dataType":"string","length":3,"rest":{"name":"code"}}),
            json!({"id":6,"displayName":"Value","dataType":"currency","rest":{"name":"value"}}),
        ])
    }

    fn rec(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn good_record_passes() {
        let r = rec(
            json!({"email":"a@x.com","numberOfEmployees":"50","optIn":"TRUE","lastPurchaseDate":"2026-01-02","code":"abc","value":"1.5"}),
        );
        assert_eq!(schema().check(&r, Some("email")), Ok(()));
    }

    #[test]
    fn problems_name_the_field() {
        let s = schema();
        let p = s
            .check(&rec(json!({"email":"a@x.com","nope":"1"})), Some("email"))
            .unwrap_err();
        assert_eq!(
            (p.code, p.message.as_str()),
            ("1006", "Field 'nope' not found")
        );
        let p = s
            .check(
                &rec(json!({"email":"a@x.com","numberOfEmployees":"lots"})),
                None,
            )
            .unwrap_err();
        assert_eq!(p.code, "1003");
        assert!(
            p.message
                .starts_with("Invalid value for field 'numberOfEmployees'"),
            "{}",
            p.message
        );
        let p = s
            .check(&rec(json!({"email":"not-an-email"})), Some("email"))
            .unwrap_err();
        assert!(p.message.contains("'email'"));
        let p = s
            .check(&rec(json!({"email":"a@x.com","code":"abcd"})), None)
            .unwrap_err();
        assert!(p.message.contains("longer than the field's 3"));
        let p = s
            .check(&rec(json!({"email":""})), Some("email"))
            .unwrap_err();
        assert_eq!(p.message, "lookup field 'email' is empty");
        let p = s
            .check(
                &rec(json!({"email":"a@x.com","lastPurchaseDate":"yesterday"})),
                None,
            )
            .unwrap_err();
        assert!(p.message.contains("YYYY-MM-DD"));
    }

    #[test]
    fn emails() {
        assert!(is_email("a.b+c@example.co.uk"));
        for bad in [
            "",
            "a",
            "a@b",
            "@x.com",
            "a@@x.com",
            "a b@x.com",
            "zoë@x.com",
            "a@x..com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
