//! Describe: the type's name, id field, dedupe fields, searchable fields, relationships and fields.

use crate::engine::schema::{ObjectSchema, Relationship};
use serde_json::{json, Map, Value};

/// One field as describe shows it.
pub fn field_entry(schema: &ObjectSchema, f: &crate::engine::FieldDef) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), json!(f.name));
    m.insert("displayName".into(), json!(f.display_name));
    if let Some(d) = &f.description {
        m.insert("description".into(), json!(d));
    }
    m.insert("dataType".into(), json!(f.data_type.as_str()));
    if let Some(len) = f.max_length() {
        m.insert("length".into(), json!(len));
    }
    let updateable =
        !(f.read_only || schema.is_system(&f.name) || schema.dedupe_fields.contains(&f.name));
    m.insert("updateable".into(), json!(updateable));
    m
}

/// A relationship as describe and the list of custom objects show it.
pub fn relationship(r: &Relationship) -> Value {
    json!({
        "field": r.field,
        "type": r.kind,
        "relatedTo": {"name": r.related_name, "field": r.related_field},
    })
}

/// The `describe.json` result entry; `at` is when the type was defined.
pub fn describe(schema: &ObjectSchema, at: &str) -> Value {
    let mut out = summary(schema, at, at);
    let fields: Vec<Value> = schema
        .fields
        .iter()
        .map(|f| Value::Object(field_entry(schema, f)))
        .collect();
    out.insert("fields".into(), Value::Array(fields));
    Value::Object(out)
}

/// Describe without the fields (List Custom Objects): name, display name, description, times, id field,
/// dedupe and searchable fields, relationships when the type has any.
pub fn summary(schema: &ObjectSchema, created: &str, updated: &str) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("name".into(), json!(schema.name));
    if let Some(d) = &schema.display_name {
        m.insert("displayName".into(), json!(d));
    }
    if let Some(d) = &schema.description {
        m.insert("description".into(), json!(d));
    }
    m.insert("createdAt".into(), json!(created));
    m.insert("updatedAt".into(), json!(updated));
    m.insert("idField".into(), json!(schema.id_field()));
    m.insert("dedupeFields".into(), json!(schema.dedupe_fields));
    m.insert("searchableFields".into(), json!(schema.searchable));
    if !schema.relationships.is_empty() {
        let rels: Vec<Value> = schema.relationships.iter().map(relationship).collect();
        m.insert("relationships".into(), Value::Array(rels));
    }
    m
}
