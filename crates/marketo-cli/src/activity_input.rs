//! Custom activities from an input row, for `mkto activities add`. A row has `leadId`, `activityDate`
//! (RFC 3339, or a date), `activityTypeId` (or `--type`), `primaryAttributeValue`, and attributes: in JSON
//! Lines an `attributes` array of `{"apiName","value"}` or an object of name to value; in CSV every other column
//! is an attribute (an empty cell is left out). A row that cannot be sent gets a reason naming the field.

use chrono::{DateTime, NaiveDate};
use serde_json::{json, Map, Value};

/// The columns that are not attributes.
const KNOWN: &[&str] = &[
    "leadId",
    "activityDate",
    "activityTypeId",
    "primaryAttributeValue",
    "apiName",
    "status",
    "attributes",
];

fn integer(fields: &Map<String, Value>, name: &str) -> Result<Option<i64>, String> {
    match fields.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .filter(|i| *i > 0)
            .map(Some)
            .ok_or_else(|| format!("{name}: {n} is not a positive whole number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => match s.trim().parse::<i64>() {
            Ok(i) if i > 0 => Ok(Some(i)),
            _ => Err(format!("{name}: {s:?} is not a positive whole number")),
        },
        Some(other) => Err(format!("{name}: {other} is not a positive whole number")),
    }
}

fn text(fields: &Map<String, Value>, name: &str) -> Option<String> {
    match fields.get(name) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::Bool(b)) => Some(b.to_string()),
        _ => None,
    }
}

fn date(value: &str) -> Result<String, String> {
    if DateTime::parse_from_rfc3339(value).is_ok() {
        return Ok(value.to_owned());
    }
    if NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() {
        return Ok(format!("{value}T00:00:00Z"));
    }
    Err(format!(
        "activityDate: {value:?} is not an RFC 3339 datetime (2024-05-01T10:00:00Z) or a date (2024-05-01)"
    ))
}

fn attributes(fields: &Map<String, Value>) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    match fields.get("attributes") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, a) in items.iter().enumerate() {
                let name = a
                    .get("apiName")
                    .or_else(|| a.get("name"))
                    .and_then(Value::as_str)
                    .ok_or_else(|| {
                        format!("attributes[{i}]: needs an \"apiName\" and a \"value\"")
                    })?;
                out.push(json!({"apiName": name, "value": a.get("value").cloned().unwrap_or(Value::Null)}));
            }
        }
        Some(Value::Object(map)) => {
            for (name, value) in map {
                out.push(json!({"apiName": name, "value": value}));
            }
        }
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(other) => return Err(format!("attributes: {other} is not an array or an object")),
    }
    for (name, value) in fields {
        if !KNOWN.contains(&name.as_str()) {
            out.push(json!({"apiName": name, "value": value}));
        }
    }
    Ok(out)
}

/// The activity to send for a row, or why it cannot be sent. `default_type` is `--type`'s id.
pub fn activity(
    fields: &Map<String, Value>,
    default_type: Option<i64>,
) -> Result<Map<String, Value>, String> {
    let lead = integer(fields, "leadId")?.ok_or("leadId: missing")?;
    let type_id = integer(fields, "activityTypeId")?
        .or(default_type)
        .ok_or("activityTypeId: missing (give the column or --type)")?;
    let when = date(&text(fields, "activityDate").ok_or("activityDate: missing")?)?;
    let primary = text(fields, "primaryAttributeValue").ok_or("primaryAttributeValue: missing")?;
    let mut out = Map::new();
    out.insert("leadId".into(), lead.into());
    out.insert("activityDate".into(), when.into());
    out.insert("activityTypeId".into(), type_id.into());
    out.insert("primaryAttributeValue".into(), primary.into());
    let attrs = attributes(fields)?;
    if !attrs.is_empty() {
        out.insert("attributes".into(), Value::Array(attrs));
    }
    for extra in ["apiName", "status"] {
        if let Some(v) = text(fields, extra) {
            out.insert(extra.into(), v.into());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::activity;
    use serde_json::json;

    fn map(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn rows_become_activities_or_reasons() {
        let a = activity(
            &map(json!({"leadId": "5", "activityDate": "2024-05-01", "primaryAttributeValue": "Vienna",
                        "colour": "red"})),
            Some(100001),
        )
        .unwrap();
        assert_eq!(a["activityDate"], "2024-05-01T00:00:00Z");
        assert_eq!(a["activityTypeId"], 100001);
        assert_eq!(
            a["attributes"],
            json!([{"apiName": "colour", "value": "red"}])
        );
        let e = activity(&map(json!({"leadId": "x"})), None).unwrap_err();
        assert_eq!(e, "leadId: \"x\" is not a positive whole number");
        let e = activity(
            &map(json!({"leadId": 5, "activityDate": "2024-05-01"})),
            None,
        )
        .unwrap_err();
        assert!(e.starts_with("activityTypeId: missing"), "{e}");
        let e = activity(
            &map(json!({"leadId": 5, "activityTypeId": 1, "activityDate": "yesterday"})),
            None,
        )
        .unwrap_err();
        assert!(e.starts_with("activityDate:"), "{e}");
    }
}
