//! The lead field schema through the API: Get Lead Fields (paged), Get Lead Field by Name, Create Lead Fields
//! (custom fields the describe calls and Sync Leads see at once) and Update Lead Field. What the API changes
//! is kept in the key-value store, so it survives a restart; a reset forgets it.
//!
//! | answer | when |
//! |---|---|
//! | 1006 "Field 'x' not found" | Get or Update of a field the schema does not have [INF] |
//! | skipped 1017 "Object already exists" | Create of a name or display name the schema has [INF] |
//! | skipped 1003 "Invalid value for field 'x'" | a name that does not start with a letter or holds other than letters, digits, `_`; a blank display name; a data type outside the spec's list [INF] |
//! | skipped 1003 "Invalid data" | an update of a standard field's display name, or of `isHidden` on a field not created by the API [INF] |

use super::schema::{DataType, FieldDef, LeadSchema};
use crate::store::{kv, Store, StoreError};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};

use serde_json::Value;
use std::collections::BTreeMap;

/// Where the API's changes to the schema are kept.
const KEY: &str = "lead_schema.api";

/// Most fields one Create Lead Fields call takes.
pub const MAX_CREATE: usize = 100;

/// The data types Create Lead Fields accepts (the spec's list).
const CREATABLE: &[DataType] = &[
    DataType::Boolean,
    DataType::Currency,
    DataType::Date,
    DataType::Datetime,
    DataType::Email,
    DataType::Float,
    DataType::Integer,
    DataType::Percent,
    DataType::Phone,
    DataType::Score,
    DataType::String,
    DataType::Url,
];

/// The API's changes: created fields, and updates of any field by name.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct ApiChanges {
    created: Vec<FieldDef>,
    updates: BTreeMap<String, FieldUpdate>,
}

pub use marketo_types::lead_database::{FieldStatus, FieldUpdate, NewField};

fn skipped(name: &str, reason: ApiError) -> FieldStatus {
    FieldStatus {
        name: name.to_owned(),
        status: "skipped".to_owned(),
        reasons: vec![reason],
    }
}

fn done(name: &str, status: &str) -> FieldStatus {
    FieldStatus {
        name: name.to_owned(),
        status: status.to_owned(),
        reasons: Vec::new(),
    }
}

fn load(store: &Store) -> Result<ApiChanges, StoreError> {
    let text = store.with(|db| kv::get(db, KEY))?;
    Ok(match text {
        Some(t) => serde_json::from_str(&t)?,
        None => ApiChanges::default(),
    })
}

fn apply(field: &mut FieldDef, u: &FieldUpdate) {
    if let Some(d) = &u.display_name {
        field.display_name = d.clone();
    }
    if let Some(d) = &u.description {
        field.description = Some(d.clone());
    }
    if let Some(h) = u.is_hidden {
        field.hidden = h;
    }
    if let Some(h) = u.is_html_encoding_in_email {
        field.html_encoding = Some(h);
    }
    if let Some(s) = u.is_sensitive {
        field.sensitive = s;
    }
}

/// `base` (the config's schema) with the API's changes kept in `store`.
pub(super) fn with_api_fields(store: &Store, base: LeadSchema) -> Result<LeadSchema, StoreError> {
    let changes = load(store)?;
    Ok(changed(base, &changes))
}

fn changed(mut schema: LeadSchema, changes: &ApiChanges) -> LeadSchema {
    schema.custom_fields.extend(changes.created.iter().cloned());
    for (name, u) in &changes.updates {
        let fields = schema
            .standard_fields
            .iter_mut()
            .chain(schema.custom_fields.iter_mut());
        if let Some(f) = fields.into_iter().find(|f| &f.name == name) {
            apply(f, u);
        }
    }
    schema
}

fn valid_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn data_type(text: &str) -> Option<DataType> {
    CREATABLE.iter().copied().find(|t| t.as_str() == text)
}

/// Create custom fields; returns the outcomes and the new schema (`base` plus every change).
pub(super) fn create(
    store: &Store,
    base: &LeadSchema,
    current: &LeadSchema,
    input: &[NewField],
) -> Result<(Vec<FieldStatus>, LeadSchema), ApiError> {
    if input.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if input.len() > MAX_CREATE {
        return Err(super::errors::invalid_data());
    }
    let mut changes = load(store)?;
    let mut taken: Vec<(String, String)> = current
        .fields()
        .map(|f| (f.name.to_lowercase(), f.display_name.to_lowercase()))
        .collect();
    let mut out = Vec::with_capacity(input.len());
    for f in input {
        let invalid = |what: &str| ApiError::of_meaning(1003, "invalid-field-value", &[what]);
        let Some(ty) = data_type(&f.data_type) else {
            out.push(skipped(&f.name, invalid("dataType")));
            continue;
        };
        if !valid_name(&f.name) {
            out.push(skipped(&f.name, invalid("name")));
            continue;
        }
        if f.display_name.trim().is_empty() {
            out.push(skipped(&f.name, invalid("displayName")));
            continue;
        }
        let (name_l, display_l) = (f.name.to_lowercase(), f.display_name.to_lowercase());
        if taken.iter().any(|(n, d)| *n == name_l || *d == display_l) {
            out.push(skipped(&f.name, ApiError::catalogued(1017, &[])));
            continue;
        }
        taken.push((name_l, display_l));
        let mut def = FieldDef::new(&f.name, &f.display_name, ty);
        def.description = f.description.clone();
        def.hidden = f.is_hidden.unwrap_or(false);
        def.html_encoding = f.is_html_encoding_in_email;
        def.sensitive = f.is_sensitive.unwrap_or(false);
        def.api_created = true;
        changes.created.push(def);
        out.push(done(&f.name, "created"));
    }
    let schema = changed(base.clone(), &changes);
    store.with(|db| {
        for f in schema.custom_fields.iter().filter(|f| f.is_searchable()) {
            crate::store::leads::ensure_field_index(db, &f.name)?;
        }
        kv::set(db, KEY, &serde_json::to_string(&changes)?)
    })?;
    Ok((out, schema))
}

/// Update one field; returns its outcome and the new schema.
pub(super) fn update(
    store: &Store,
    base: &LeadSchema,
    current: &LeadSchema,
    name: &str,
    u: &FieldUpdate,
) -> Result<(FieldStatus, LeadSchema), ApiError> {
    let field = current
        .field(name)
        .ok_or_else(|| ApiError::of_meaning(1006, "field", &[name]))?;
    if (field.standard && u.display_name.is_some()) || (!field.api_created && u.is_hidden.is_some())
    {
        let status = skipped(name, super::errors::invalid_data());
        return Ok((status, current.clone()));
    }
    let mut changes = load(store)?;
    let entry = changes.updates.entry(name.to_owned()).or_default();
    for (slot, v) in [
        (&mut entry.display_name, &u.display_name),
        (&mut entry.description, &u.description),
    ] {
        if v.is_some() {
            slot.clone_from(v);
        }
    }
    for (slot, v) in [
        (&mut entry.is_hidden, u.is_hidden),
        (
            &mut entry.is_html_encoding_in_email,
            u.is_html_encoding_in_email,
        ),
        (&mut entry.is_sensitive, u.is_sensitive),
    ] {
        if v.is_some() {
            *slot = v;
        }
    }
    store.with(|db| kv::set(db, KEY, &serde_json::to_string(&changes)?))?;
    let status = done(name, "updated");
    Ok((status, changed(base.clone(), &changes)))
}

/// Forget the API's changes (reset).
pub(super) fn forget(store: &Store) -> Result<(), StoreError> {
    store.with(|db| kv::set(db, KEY, "{}"))
}

/// A field's `schema/fields` record, or 1006.
pub(super) fn record(schema: &LeadSchema, name: &str) -> Result<Value, ApiError> {
    schema
        .field(name)
        .map(FieldDef::schema_record)
        .ok_or_else(|| ApiError::of_meaning(1006, "field", &[name]))
}

/// A page of `schema/fields` records, in describe order; the token carries the position.
pub(super) fn page(
    schema: &LeadSchema,
    batch_size: usize,
    next_page_token: Option<&str>,
) -> Result<super::Page, ApiError> {
    let start = crate::engine::paging::decode(crate::engine::paging::LEAD_FIELDS, next_page_token)?;
    let size = super::filter::page_size(batch_size);
    let all: Vec<&FieldDef> = schema.fields().collect();
    let start = usize::try_from(start).unwrap_or(0).min(all.len());
    let end = (start + size).min(all.len());
    let more = end < all.len();
    let items = all[start..end]
        .iter()
        .filter_map(|f| match f.schema_record() {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .collect();
    Ok(super::Page {
        items,
        next_page_token: more
            .then(|| crate::engine::paging::encode(crate::engine::paging::LEAD_FIELDS, end as i64)),
        more_result: more,
    })
}
