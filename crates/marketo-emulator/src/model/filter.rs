//! Get Leads by Filter Type: which fields can be searched, how values are compared, paging, the 1,000 cap.
//!
//! `filterType` is `id`, `email`, `cookies`, or any searchable field (custom string/email/integer fields by
//! default). A known field that is not searchable is 1011; an unknown one is 1006 [INF]; a malformed Munchkin
//! cookie is 1012. Values that cannot be of the field's type (`filterType=id&filterValues=abc`) match nothing
//! [INF]. No match is success with an empty result.

use super::errors;
use super::project;
use super::schema::{DataType, LeadSchema};
use crate::engine::paging::{self, Kind};
use crate::engine::value;
use crate::store::leads::{self, KeyColumn};
use crate::store::Store;
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// A Get Leads by Filter Type query, as parsed from the request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterQuery {
    /// `filterType`.
    pub filter_type: String,
    /// `filterValues`, split on commas.
    pub values: Vec<String>,
    /// `fields`, split on commas; `None`: the default fields.
    pub fields: Option<Vec<String>>,
    /// `batchSize`; 0 means the default (300); larger values are capped at 300.
    pub batch_size: usize,
    /// `nextPageToken` from the previous page.
    pub next_page_token: Option<String>,
}

/// One page of lead records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The records.
    pub items: Vec<Map<String, Value>>,
    /// The token for the next page, when there is one.
    pub next_page_token: Option<String>,
    /// Whether another page follows.
    pub more_result: bool,
}

/// The largest and default page.
pub(super) const MAX_PAGE: usize = 300;

/// The effective page size.
pub(super) fn page_size(batch_size: usize) -> usize {
    if batch_size == 0 {
        MAX_PAGE
    } else {
        batch_size.min(MAX_PAGE)
    }
}

pub(super) fn run(schema: &LeadSchema, store: &Store, q: &FilterQuery) -> Result<Page, ApiError> {
    let raw: Vec<&str> = q
        .values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    if raw.is_empty() {
        return Err(ApiError::catalogued(701, &["filterValues"]));
    }
    if raw.len() > schema.rules.max_batch {
        return Err(errors::invalid_data());
    }
    let (key, values) = key_and_values(schema, q.filter_type.trim(), &raw)?;
    let columns = project::columns(schema, q.fields.as_deref())?;
    let after = paging::decode(paging::LEAD_FILTER, q.next_page_token.as_deref())?;
    let size = page_size(q.batch_size);
    let cap = schema.rules.max_filter_matches;
    let rows = store
        .with(|db| {
            let n = leads::count_matches(db, &key, &values, cap.saturating_add(1))?;
            if n > cap {
                return Ok(None);
            }
            let mut rows = leads::filter(db, &key, &values, after, size + 1)?;
            super::linked::overlay(db, schema, &mut rows)?;
            Ok(Some(rows))
        })
        .map_err(errors::system)?;
    let Some(mut rows) = rows else {
        return Err(ApiError::of_meaning(1003, "too-many-results", &[]));
    };
    Ok(page(&mut rows, size, paging::LEAD_FILTER, &columns))
}

/// Cut `rows` (fetched with one extra) into a page.
pub(super) fn page(
    rows: &mut Vec<leads::StoredLead>,
    size: usize,
    kind: Kind,
    columns: &[project::Column],
) -> Page {
    let more = rows.len() > size;
    rows.truncate(size);
    Page {
        items: rows.iter().map(|l| project::render(l, columns)).collect(),
        next_page_token: if more {
            rows.last().map(|l| paging::encode(kind, l.id))
        } else {
            None
        },
        more_result: more,
    }
}

fn key_and_values(
    schema: &LeadSchema,
    filter_type: &str,
    raw: &[&str],
) -> Result<(KeyColumn, Vec<Value>), ApiError> {
    match filter_type {
        "id" => Ok((
            KeyColumn::Id,
            raw.iter()
                .filter_map(|v| v.parse::<i64>().ok())
                .map(Value::from)
                .collect(),
        )),
        "email" => Ok((
            KeyColumn::Email,
            raw.iter()
                .map(|v| Value::String(v.to_ascii_lowercase()))
                .collect(),
        )),
        "cookies" | "cookie" => {
            if let Some(bad) = raw.iter().find(|v| !is_munchkin_cookie(v)) {
                return Err(ApiError::catalogued(1012, &[bad]));
            }
            Ok((
                KeyColumn::Cookies,
                raw.iter().map(|v| Value::String(v.to_string())).collect(),
            ))
        }
        name => {
            let field = schema
                .field(name)
                .ok_or_else(|| errors::field_not_found(name))?;
            if !field.is_searchable() {
                return Err(ApiError::catalogued(1011, &[name]));
            }
            let values = raw
                .iter()
                .filter_map(|v| {
                    let v = if matches!(field.data_type, DataType::Email) {
                        v.to_ascii_lowercase()
                    } else {
                        v.to_string()
                    };
                    value::normalise(field, &Value::String(v), false).ok()
                })
                .filter(|v| !v.is_null())
                .collect();
            Ok((KeyColumn::Field(name.to_string()), values))
        }
    }
}

/// A Munchkin cookie: `id:AAA-BBB-CCC&token:_mch-<domain>-<digits>-<digits>` (the munchkin id is
/// `123-ABC-456`-shaped).
pub(super) fn is_munchkin_cookie(v: &str) -> bool {
    let Some(rest) = v.strip_prefix("id:") else {
        return false;
    };
    let Some((munchkin, token)) = rest.split_once("&token:") else {
        return false;
    };
    let parts: Vec<&str> = munchkin.split('-').collect();
    let munchkin_ok = parts.len() == 3
        && parts
            .iter()
            .all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_alphanumeric()));
    let token_ok = token
        .strip_prefix("_mch-")
        .map(|t| {
            t.len() > 2
                && t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
        })
        .unwrap_or(false);
    munchkin_ok && token_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn munchkin_cookies() {
        assert!(is_munchkin_cookie(
            "id:561-HYG-937&token:_mch-marketo.com-1427205775289-40768"
        ));
        assert!(!is_munchkin_cookie("garbage"));
        assert!(!is_munchkin_cookie("id:561-HYG&token:_mch-x.com-1-2"));
        assert!(!is_munchkin_cookie("id:561-HYG-937&token:mch"));
    }

    #[test]
    fn filter_types() {
        let s = LeadSchema::default();
        assert_eq!(
            key_and_values(&s, "firstName", &["a"]).unwrap_err().message,
            "Field 'firstName' not supported"
        );
        assert_eq!(
            key_and_values(&s, "nope", &["a"]).unwrap_err().code.value(),
            1006
        );
        assert_eq!(
            key_and_values(&s, "cookies", &["x"]).unwrap_err().message,
            "Invalid cookie value 'x'"
        );
        let (k, v) = key_and_values(&s, "id", &["1", "x", "3"]).unwrap();
        assert_eq!(k, KeyColumn::Id);
        assert_eq!(v, vec![Value::from(1), Value::from(3)]);
    }
}
