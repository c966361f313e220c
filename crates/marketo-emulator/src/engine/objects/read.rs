//! Get records by `filterType` and `filterValues` (or, sent with `_method=GET`, an `input` of compound keys),
//! with `fields`, `batchSize` (at most 300) and `nextPageToken`. Each record comes back with `seq`, its
//! position in the page; a requested field a record does not have is `null`.

use super::key::{self, Key};
use super::KeyBy;
use crate::engine::paging;
use crate::engine::schema::{IdKind, ObjectSchema};
use crate::model::Page;
use crate::store::objects::{self as rows, FilterOn, StoredObject};
use crate::store::Store;
use marketo_types::envelope::ApiError;
use serde_json::{json, Map, Value};

/// The largest and default page.
const MAX_PAGE: usize = 300;

/// A get call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GetQuery {
    /// `filterType`: a searchable field, `dedupeFields` or `idField`.
    pub filter_type: String,
    /// `filterValues` (a single-field filter).
    pub values: Vec<String>,
    /// `input`: compound keys, sent in a JSON body with `_method=GET`.
    pub input: Vec<Value>,
    /// `fields`; `None`: the type's defaults.
    pub fields: Option<Vec<String>>,
    /// `batchSize`; 0: the default.
    pub batch_size: usize,
    /// `nextPageToken`.
    pub next_page_token: Option<String>,
}

/// One page of records.
pub fn get(store: &Store, schema: &ObjectSchema, q: &GetQuery) -> Result<Page, ApiError> {
    let columns = columns(schema, q.fields.as_deref())?;
    let after = paging::decode(static_tag(schema), q.next_page_token.as_deref())?;
    let size = page_size(q.batch_size);
    let rows = match q.input.is_empty() {
        true => by_values(store, schema, q, after, size + 1)?,
        false => by_keys(store, schema, q, after, size + 1)?,
    };
    Ok(page_of(schema, rows, size, &columns, &schema.kind))
}

/// The page size a `batchSize` asks for: at most 300, 0 for the default (300).
pub fn page_size(batch_size: usize) -> usize {
    match batch_size {
        0 => MAX_PAGE,
        n => n.min(MAX_PAGE),
    }
}

/// A page of `rows` (read with one more than `size`, to know whether more follow), each with `seq` and
/// `columns`, the next page's token tagged `tag`.
pub fn page_of(
    schema: &ObjectSchema,
    mut rows: Vec<StoredObject>,
    size: usize,
    columns: &[String],
    tag: &str,
) -> Page {
    let more = rows.len() > size;
    rows.truncate(size);
    let next_page_token = more
        .then(|| rows.last().map(|r| paging::encode(tag, r.id)))
        .flatten();
    let items = rows
        .iter()
        .enumerate()
        .map(|(seq, r)| render(schema, r, seq, columns))
        .collect();
    Page {
        items,
        next_page_token,
        more_result: more,
    }
}

/// The paging tag of a type: its kind (tokens are checked against it as text).
fn static_tag(schema: &ObjectSchema) -> &str {
    &schema.kind
}

/// Records whose single filter field holds one of the values.
fn by_values(
    store: &Store,
    schema: &ObjectSchema,
    q: &GetQuery,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredObject>, ApiError> {
    let name = match q.filter_type.as_str() {
        "idField" => schema.id_field().to_owned(),
        "dedupeFields" if schema.dedupe_fields.len() == 1 => schema.dedupe_fields[0].clone(),
        other => other.to_owned(),
    };
    let field = schema
        .field(&name)
        .ok_or_else(|| ApiError::of_meaning(1006, "field", &[&name]))?;
    if !schema.is_searchable(std::slice::from_ref(&name)) {
        return Err(ApiError::catalogued(1011, &[&name]));
    }
    let on = if name == schema.id_field() {
        match schema.id {
            IdKind::Integer => FilterOn::Id,
            IdKind::Guid => FilterOn::Guid,
        }
    } else {
        FilterOn::Field(&name)
    };
    let values: Vec<Value> = q
        .values
        .iter()
        .map(|v| match on {
            FilterOn::Id => v
                .trim()
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| ApiError::catalogued(1001, &[v, "Integer"])),
            _ => Ok(
                crate::engine::value::normalise(field, &Value::from(v.as_str()), false)
                    .unwrap_or_else(|()| Value::from(v.as_str())),
            ),
        })
        .collect::<Result<_, _>>()?;
    Ok(store.with(|db| rows::filter(db, &schema.kind, on, &Value::Array(values), after, limit))?)
}

/// Records named by compound keys (`filterType` dedupeFields or idField, `input` of objects).
fn by_keys(
    store: &Store,
    schema: &ObjectSchema,
    q: &GetQuery,
    after: i64,
    limit: usize,
) -> Result<Vec<StoredObject>, ApiError> {
    let by = match q.filter_type.as_str() {
        "idField" => KeyBy::IdField,
        _ => KeyBy::DedupeFields,
    };
    let keys: Vec<Key> = q
        .input
        .iter()
        .filter_map(|v| v.as_object())
        .filter_map(|r| key::of(schema, by, r).ok())
        .collect();
    let mut found: Vec<StoredObject> = store.with(|db| {
        let mut out = Vec::new();
        for k in &keys {
            if let Some(r) = key::find(db, schema, k)? {
                out.push(r);
            }
        }
        Ok(out)
    })?;
    found.sort_by_key(|r| r.id);
    found.dedup_by_key(|r| r.id);
    Ok(found
        .into_iter()
        .filter(|r| r.id > after)
        .take(limit)
        .collect())
}

/// The fields a read returns: `fields` (an unknown one is 1006), else the type's defaults.
pub fn columns(schema: &ObjectSchema, fields: Option<&[String]>) -> Result<Vec<String>, ApiError> {
    let requested: Vec<String> = fields
        .unwrap_or_default()
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    if requested.is_empty() {
        return Ok(schema.default_fields());
    }
    let mut out: Vec<String> = vec![schema.id_field().to_owned()];
    for name in requested {
        if schema.field(&name).is_none() {
            return Err(ApiError::of_meaning(1006, "field", &[&name]));
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    Ok(out)
}

/// A stored record with `seq` and the columns.
fn render(
    schema: &ObjectSchema,
    r: &StoredObject,
    seq: usize,
    columns: &[String],
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("seq".into(), json!(seq));
    for c in columns {
        let v = match c.as_str() {
            "id" if schema.id == IdKind::Integer => json!(r.id),
            "marketoGUID" if schema.id == IdKind::Guid => json!(r.guid),
            "createdAt" => json!(r.created_at),
            "updatedAt" => json!(r.updated_at),
            other => r.data.get(other).cloned().unwrap_or(Value::Null),
        };
        m.insert(c.clone(), v);
    }
    m
}
