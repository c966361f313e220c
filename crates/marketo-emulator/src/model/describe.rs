//! Describe Lead (`describe.json`) and Describe Lead2 (`describe2.json`) result entries, from the schema.

use super::schema::LeadSchema;
use serde_json::{json, Map, Value};

/// `describe.json`: one entry per field, `{id, displayName, dataType, length?, rest, soap}`.
pub(super) fn describe(schema: &LeadSchema) -> Vec<Value> {
    schema
        .fields()
        .enumerate()
        .map(|(i, f)| {
            let mut m = Map::new();
            m.insert("id".into(), json!(i + 1));
            m.insert("displayName".into(), json!(f.display_name));
            m.insert("dataType".into(), json!(f.data_type.as_str()));
            if let Some(len) = f.max_length() {
                m.insert("length".into(), json!(len));
            }
            m.insert(
                "rest".into(),
                json!({"name": f.name, "readOnly": f.read_only}),
            );
            m.insert(
                "soap".into(),
                json!({"name": f.soap(), "readOnly": f.read_only}),
            );
            Value::Object(m)
        })
        .collect()
}

/// `describe2.json`: one entry `{name: "API Lead", searchableFields, fields}`.
pub(super) fn describe2(schema: &LeadSchema) -> Vec<Value> {
    let mut searchable: Vec<Value> = schema
        .fields()
        .filter(|f| f.is_searchable())
        .map(|f| json!([f.name]))
        .collect();
    searchable.push(json!(["cookies"]));
    let fields: Vec<Value> = schema
        .fields()
        .map(|f| {
            let mut m = Map::new();
            m.insert("name".into(), json!(f.name));
            m.insert("displayName".into(), json!(f.display_name));
            m.insert("dataType".into(), json!(f.data_type.as_str()));
            if let Some(len) = f.max_length() {
                m.insert("length".into(), json!(len));
            }
            m.insert("updateable".into(), json!(!f.read_only));
            m.insert("crmManaged".into(), json!(f.crm_managed));
            Value::Object(m)
        })
        .collect();
    vec![json!({"name": "API Lead", "searchableFields": searchable, "fields": fields})]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_shapes() {
        let s = LeadSchema::default();
        let d = describe(&s);
        let company = d.iter().find(|e| e["rest"]["name"] == "company").unwrap();
        assert_eq!(
            company.to_string(),
            r#"{"id":2,"displayName":"Company Name","dataType":"string","length":255,"rest":{"name":"company","readOnly":false},"soap":{"name":"Company","readOnly":false}}"#
        );
        let d2 = describe2(&s);
        assert_eq!(d2[0]["name"], "API Lead");
        let email = d2[0]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "email")
            .unwrap();
        assert_eq!(
            email.to_string(),
            r#"{"name":"email","displayName":"Email Address","dataType":"email","length":255,"updateable":true,"crmManaged":false}"#
        );
        assert!(d2[0]["searchableFields"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!(["email"])));
    }
}
