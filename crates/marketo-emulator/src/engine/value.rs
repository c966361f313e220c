//! Field values: check an input value against its field's data type and normalise it for storage.
//!
//! A value that does not fit gives 1003 "Invalid value for field '<name>'", as recorded from real Marketo
//! (`integer_field` = 14.1, `float_field` = "14c", `datetime_field` = "yesterday", `percent_field` = "100%",
//! a bad boolean or email). Numbers sent as strings are accepted; a boolean sent as `null` is stored as `false`
//! (recorded). `""` clears a non-text field [INF].

use super::field::{DataType, FieldDef};
use super::format_time;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde_json::{Number, Value};

/// The value to store for `raw`, or `Err(())` when it does not fit the field (the caller reports 1003).
pub(crate) fn normalise(field: &FieldDef, raw: &Value, reject_too_long: bool) -> Result<Value, ()> {
    let t = field.data_type;
    if raw.is_null() {
        return Ok(if t == DataType::Boolean {
            Value::Bool(false)
        } else {
            Value::Null
        });
    }
    if raw.as_str() == Some("") && !is_text(t) {
        return Ok(Value::Null);
    }
    match t {
        DataType::String
        | DataType::Text
        | DataType::Phone
        | DataType::Url
        | DataType::Reference
        | DataType::Formula => text(field, raw, reject_too_long),
        DataType::Email => {
            let s = text(field, raw, reject_too_long)?;
            match s.as_str() {
                Some(e) if !e.is_empty() && !is_email(e) => Err(()),
                _ => Ok(s),
            }
        }
        DataType::Integer | DataType::Score | DataType::Percent => integer(raw),
        DataType::Float | DataType::Currency => float(raw),
        DataType::Boolean => boolean(raw),
        DataType::Date => date(raw),
        DataType::Datetime => datetime(raw),
    }
}

fn is_text(t: DataType) -> bool {
    matches!(
        t,
        DataType::String
            | DataType::Text
            | DataType::Email
            | DataType::Phone
            | DataType::Url
            | DataType::Reference
            | DataType::Formula
    )
}

fn text(field: &FieldDef, raw: &Value, reject_too_long: bool) -> Result<Value, ()> {
    let s = match raw {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return Err(()),
    };
    let Some(max) = field.max_length().map(|m| m as usize) else {
        return Ok(Value::String(s));
    };
    // Text areas are limited in bytes, the other text types in characters.
    let too_long = if field.data_type == DataType::Text {
        s.len() > max
    } else {
        s.chars().count() > max
    };
    if !too_long {
        return Ok(Value::String(s));
    }
    if reject_too_long {
        return Err(());
    }
    let cut: String = if field.data_type == DataType::Text {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s[..end].to_string()
    } else {
        s.chars().take(max).collect()
    };
    Ok(Value::String(cut))
}

/// An ASCII address: one `@`, a non-empty local part, a dotted domain of letters, digits and hyphens.
pub(crate) fn is_email(e: &str) -> bool {
    if !e.is_ascii()
        || e.len() > 254
        || e.chars()
            .any(|c| c.is_ascii_whitespace() || c.is_ascii_control())
    {
        return false;
    }
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return false;
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn integer(raw: &Value) -> Result<Value, ()> {
    let n = match raw {
        Value::Number(n) => n.as_i64().ok_or(())?,
        Value::String(s) => s.trim().parse::<i64>().map_err(|_| ())?,
        _ => return Err(()),
    };
    // Marketo integers are 32-bit [INF].
    i32::try_from(n).map_err(|_| ())?;
    Ok(Value::Number(n.into()))
}

fn float(raw: &Value) -> Result<Value, ()> {
    let f = match raw {
        Value::Number(n) => n.as_f64().ok_or(())?,
        Value::String(s) => s.trim().parse::<f64>().map_err(|_| ())?,
        _ => return Err(()),
    };
    Number::from_f64(f).map(Value::Number).ok_or(())
}

fn boolean(raw: &Value) -> Result<Value, ()> {
    match raw {
        Value::Bool(b) => Ok(Value::Bool(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(0) => Ok(Value::Bool(false)),
            Some(1) => Ok(Value::Bool(true)),
            _ => Err(()),
        },
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Ok(Value::Bool(true)),
            "false" | "0" | "no" => Ok(Value::Bool(false)),
            _ => Err(()),
        },
        _ => Err(()),
    }
}

fn date(raw: &Value) -> Result<Value, ()> {
    let s = raw.as_str().ok_or(())?.trim();
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| parse_datetime(s).map(|t| t.date_naive()))
        .ok_or(())?;
    Ok(Value::String(d.format("%Y-%m-%d").to_string()))
}

fn datetime(raw: &Value) -> Result<Value, ()> {
    let s = raw.as_str().ok_or(())?.trim();
    let t = parse_datetime(s).ok_or(())?;
    Ok(Value::String(format_time(t)))
}

/// ISO 8601 / W3C: with `Z`, `+hh:mm` or `+hhmm`, or no offset (UTC); a bare date is midnight UTC.
pub(crate) fn parse_datetime(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, fmt) {
            return Some(t.with_timezone(&Utc));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(t.and_utc());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(t: DataType, v: Value) -> Result<Value, ()> {
        normalise(&FieldDef::new("f", "F", t), &v, true)
    }

    #[test]
    fn recorded_rejections() {
        assert!(check(DataType::Integer, json!(14.1)).is_err());
        assert!(check(DataType::Float, json!("14c")).is_err());
        assert!(check(DataType::Datetime, json!("yesterday")).is_err());
        assert!(check(DataType::Percent, json!("100%")).is_err());
        assert!(check(DataType::Boolean, json!("maybe")).is_err());
        assert!(check(DataType::Email, json!("not an email")).is_err());
    }

    #[test]
    fn accepted_values_are_normalised() {
        assert_eq!(check(DataType::Boolean, Value::Null), Ok(json!(false)));
        assert_eq!(check(DataType::Boolean, json!("TRUE")), Ok(json!(true)));
        assert_eq!(check(DataType::Integer, json!("42")), Ok(json!(42)));
        assert_eq!(check(DataType::Currency, json!("10.40")), Ok(json!(10.4)));
        assert_eq!(
            check(DataType::Datetime, json!("2015-08-24T13:17:23-07:00")),
            Ok(json!("2015-08-24T20:17:23Z"))
        );
        assert_eq!(
            check(DataType::Date, json!("2010-05-07")),
            Ok(json!("2010-05-07"))
        );
        assert_eq!(check(DataType::String, json!(5)), Ok(json!("5")));
        assert_eq!(check(DataType::Integer, json!("")), Ok(Value::Null));
    }

    #[test]
    fn emails_are_ascii_and_well_formed() {
        assert!(is_email("kjashaedd-1@klooblept.com"));
        assert!(is_email("a.b+tag@sub.example.co"));
        assert!(!is_email("jörg@example.com"));
        assert!(!is_email("a@b"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("a@@example.com"));
        assert!(!is_email("a b@example.com"));
    }

    #[test]
    fn long_strings_are_rejected_or_truncated() {
        let f = FieldDef::new("f", "F", DataType::String);
        let long = json!("x".repeat(256));
        assert!(normalise(&f, &long, true).is_err());
        assert_eq!(
            normalise(&f, &long, false).unwrap().as_str().unwrap().len(),
            255
        );
        assert!(check(DataType::Integer, json!(1_i64 << 40)).is_err());
        assert!(check(DataType::String, json!({"a": 1})).is_err());
    }
}
