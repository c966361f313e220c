//! Describe: the type's name, id field, dedupe fields, searchable fields and fields.

use crate::engine::schema::ObjectSchema;
use serde_json::{json, Map, Value};

/// The `describe.json` result entry; `at` is when the type was defined.
pub fn describe(schema: &ObjectSchema, at: &str) -> Value {
    let fields: Vec<Value> = schema
        .fields
        .iter()
        .map(|f| {
            let mut m = Map::new();
            m.insert("name".into(), json!(f.name));
            m.insert("displayName".into(), json!(f.display_name));
            m.insert("dataType".into(), json!(f.data_type.as_str()));
            if let Some(len) = f.max_length() {
                m.insert("length".into(), json!(len));
            }
            let updateable = !(f.read_only
                || schema.is_system(&f.name)
                || schema.dedupe_fields.contains(&f.name));
            m.insert("updateable".into(), json!(updateable));
            Value::Object(m)
        })
        .collect();
    json!({
        "name": schema.name,
        "description": format!("{} object", schema.name),
        "createdAt": at,
        "updatedAt": at,
        "idField": schema.id_field(),
        "dedupeFields": schema.dedupe_fields,
        "searchableFields": schema.searchable,
        "fields": fields,
    })
}
