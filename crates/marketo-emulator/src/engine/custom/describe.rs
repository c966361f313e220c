//! What the metadata API reads: Describe and List Custom Object Types (one version of each type, chosen by
//! `state`), Get Custom Object Linkable Objects, and the records API's List Custom Objects.
//!
//! `state`: absent, the approved version when there is one, else the draft; `approved` the approved version;
//! `draft` the draft; `approvedWithDraft` the draft of a type that has both [INF]. A type without the version
//! asked for is 1013 "Object not found" to Describe and left out of the lists.

use super::catalog::{Catalog, CustomType};
use super::definition::{CustomField, TypeDef};
use super::errors;
use crate::engine::objects::{relationship, summary};
use crate::model::schema::LeadSchema;
use marketo_types::envelope::ApiError;
use serde_json::{json, Map, Value};

/// The version of `t` that `state` asks for, and its name (`approved` or `draft`).
fn version<'a>(t: &'a CustomType, state: Option<&str>) -> Option<(&'a TypeDef, &'static str)> {
    let approved = t.approved.as_ref().map(|a| (a, "approved"));
    let draft = t.draft.as_ref().map(|d| (d, "draft"));
    match state.map(str::trim).unwrap_or("") {
        "approved" => approved,
        "draft" => draft,
        "approvedWithDraft" => approved.and(draft),
        _ => approved.or(draft),
    }
}

fn field(f: &CustomField) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(f.name));
    m.insert("displayName".into(), json!(f.display_name));
    if let Some(d) = &f.description {
        m.insert("description".into(), json!(d));
    }
    let t = f.value_type();
    m.insert("dataType".into(), json!(t.as_str()));
    if let Some(len) = t.default_length() {
        m.insert("length".into(), json!(len));
    }
    m.insert("updateable".into(), json!(true));
    m.insert("crmManaged".into(), json!(false));
    Value::Object(m)
}

fn system(name: &str, display: &str, data_type: &str) -> Value {
    let mut v = json!({"name": name, "displayName": display, "dataType": data_type,
                       "updateable": false, "crmManaged": false});
    if name == "marketoGUID" {
        v["length"] = json!(36);
    }
    v
}

/// One version of a type as Describe Custom Object Type shows it.
fn render(t: &CustomType, def: &TypeDef, version: &str) -> Value {
    let approved_ever = def.created_at.is_some();
    let searchable = match approved_ever {
        true => def.searchable(),
        false => vec![def.dedupe_fields()],
    };
    let mut fields = vec![
        system("marketoGUID", "Marketo GUID", "string"),
        system("createdAt", "Created At", "datetime"),
        system("updatedAt", "Updated At", "datetime"),
    ];
    fields.extend(def.fields.iter().map(field));
    let rels: Vec<Value> = def.relationships().iter().map(relationship).collect();
    let mut out = json!({
        "state": t.state(),
        "version": version,
        "displayName": def.display_name,
        "description": def.description,
        "apiName": def.api_name,
        "idField": approved_ever.then_some("marketoGUID"),
        "createdAt": def.created_at,
        "updatedAt": def.updated_at,
        "dedupeFields": def.dedupe_fields(),
        "searchableFields": searchable,
        "relationships": rels,
        "fields": fields,
    });
    if let Some(p) = &def.plural_name {
        out["pluralName"] = json!(p);
    }
    out
}

impl Catalog {
    /// Describe Custom Object Type.
    pub fn describe(&self, api: &str, state: Option<&str>) -> Result<Value, ApiError> {
        let t = self.get(api)?;
        let (def, v) = version(t, state).ok_or_else(errors::no_type)?;
        Ok(render(t, def, v))
    }

    /// List Custom Object Types, optionally of some API names.
    pub fn list(&self, names: &[String], state: Option<&str>) -> Vec<Value> {
        self.types
            .iter()
            .filter(|(name, _)| names.is_empty() || names.contains(name))
            .filter_map(|(_, t)| version(t, state).map(|(def, v)| render(t, def, v)))
            .collect()
    }

    /// List Custom Objects: the approved types (optionally of some names) as the records API lists them.
    pub fn list_approved(&self, names: &[String]) -> Vec<Value> {
        self.types
            .iter()
            .filter(|(name, _)| names.is_empty() || names.contains(name))
            .filter_map(|(_, t)| t.approved.as_ref())
            .map(|def| {
                let schema = def.schema();
                let at = |t: &Option<String>| t.clone().unwrap_or_default();
                let mut m = summary(&schema, &at(&def.created_at), &at(&def.updated_at));
                m.entry("relationships").or_insert_with(|| json!([]));
                Value::Object(m)
            })
            .collect()
    }

    /// Get Custom Object Linkable Objects: the lead (its fields of the types a link can match), the company
    /// (`id`, `externalCompanyId`) and every approved custom object without link fields (`marketoGUID` and
    /// its fields).
    pub fn linkable(&self, lead: &LeadSchema) -> Vec<Value> {
        let entry = |name: &str, display: &str, fields: Vec<Value>| json!({"name": name, "displayName": display, "fields": fields});
        let f = |name: &str, display: &str, dt: &str| json!({"name": name, "displayName": display, "dataType": dt});
        let lead_fields = lead
            .fields()
            .filter(|x| x.name == "id" || x.is_searchable())
            .map(|x| f(&x.name, &x.display_name, x.data_type.as_str()))
            .collect();
        let mut out = vec![
            entry("lead", "Lead", lead_fields),
            entry(
                "company",
                "Company",
                vec![
                    f("id", "Id", "integer"),
                    f("externalCompanyId", "External Company Id", "string"),
                ],
            ),
        ];
        for def in self.types.values().filter_map(|t| t.approved.as_ref()) {
            if def.fields.iter().any(CustomField::is_link) {
                continue;
            }
            let mut fields = vec![f("marketoGUID", "Marketo GUID", "string")];
            fields.extend(
                def.fields
                    .iter()
                    .map(|x| f(&x.name, &x.display_name, x.value_type().as_str())),
            );
            out.push(entry(&def.api_name, &def.display_name, fields));
        }
        out
    }
}
