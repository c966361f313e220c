//! Which fields a read returns, and a stored lead rendered with them.
//!
//! `id` always comes first; without `fields` the default set comes back in the order recorded from real
//! Marketo (`id, updatedAt, lastName, email, createdAt, firstName`). Unset fields are JSON `null`, unset
//! booleans `false` (Marketo booleans are never null).

use super::errors;
use super::schema::{DataType, LeadSchema};
use crate::store::leads::StoredLead;
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// The default fields of lead reads, in wire order.
pub const DEFAULT_FIELDS: &[&str] = &[
    "id",
    "updatedAt",
    "lastName",
    "email",
    "createdAt",
    "firstName",
];

/// One output column.
#[derive(Debug, Clone)]
pub(super) struct Column {
    name: String,
    boolean: bool,
}

/// The columns for `fields` (None or empty: the defaults). An unknown name is 1006 at response level.
pub(super) fn columns(
    schema: &LeadSchema,
    fields: Option<&[String]>,
) -> Result<Vec<Column>, ApiError> {
    let requested: Vec<&str> = match fields {
        Some(f) => f
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect(),
        None => Vec::new(),
    };
    let names: Vec<&str> = if requested.is_empty() {
        DEFAULT_FIELDS.to_vec()
    } else {
        std::iter::once("id").chain(requested).collect()
    };
    let mut out: Vec<Column> = Vec::with_capacity(names.len());
    for name in names {
        if out.iter().any(|c| c.name == name) {
            continue;
        }
        let field = schema
            .field(name)
            .ok_or_else(|| errors::field_not_found(name))?;
        out.push(Column {
            name: name.to_string(),
            boolean: field.data_type == DataType::Boolean,
        });
    }
    Ok(out)
}

/// The lead as a result record.
pub(super) fn render(lead: &StoredLead, columns: &[Column]) -> Map<String, Value> {
    let mut out = Map::with_capacity(columns.len());
    for c in columns {
        let v = match c.name.as_str() {
            "id" => Value::from(lead.id),
            "createdAt" => Value::String(lead.created_at.clone()),
            "updatedAt" => Value::String(lead.updated_at.clone()),
            name => match lead.data.get(name) {
                Some(v) if !v.is_null() => v.clone(),
                _ if c.boolean => Value::Bool(false),
                _ => Value::Null,
            },
        };
        out.insert(c.name.clone(), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lead() -> StoredLead {
        StoredLead {
            id: 7,
            partition: "Default".into(),
            created_at: "2015-03-17T00:18:40Z".into(),
            updated_at: "2016-05-17T22:11:45Z".into(),
            data: json!({"email": "abe@usa.gov", "firstName": "Abraham"})
                .as_object()
                .cloned()
                .unwrap(),
        }
    }

    #[test]
    fn default_fields_in_recorded_order_with_nulls() {
        let s = LeadSchema::default();
        let cols = columns(&s, None).unwrap();
        let out = serde_json::to_string(&render(&lead(), &cols)).unwrap();
        assert_eq!(
            out,
            r#"{"id":7,"updatedAt":"2016-05-17T22:11:45Z","lastName":null,"email":"abe@usa.gov","createdAt":"2015-03-17T00:18:40Z","firstName":"Abraham"}"#
        );
    }

    #[test]
    fn id_always_first_and_unknown_fields_fail() {
        let s = LeadSchema::default();
        let cols = columns(&s, Some(&["email".to_string(), "unsubscribed".to_string()])).unwrap();
        let out = serde_json::to_string(&render(&lead(), &cols)).unwrap();
        assert_eq!(
            out,
            r#"{"id":7,"email":"abe@usa.gov","unsubscribed":false}"#
        );
        let err = columns(&s, Some(&["nope".to_string()])).unwrap_err();
        assert_eq!(err.code.value(), 1006);
        assert_eq!(err.message, "Field 'nope' not found");
    }
}
