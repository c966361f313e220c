//! Get Lead by Id, Delete Leads, and Associate Lead.

use super::errors::{self, skip_id};
use super::project;
use super::schema::LeadSchema;
use crate::fault::records::{held_reason, Held};
use crate::store::leads as rows;
use crate::store::Store;
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde_json::{Map, Value};

/// The lead with `id` as a one-element list, or an empty list for an unknown id [INF].
pub(super) fn get(
    schema: &LeadSchema,
    store: &Store,
    id: i64,
    fields: Option<&[String]>,
) -> Result<Vec<Map<String, Value>>, ApiError> {
    let columns = project::columns(schema, fields)?;
    let mut lead: Vec<_> = store.with(|db| rows::get(db, id))?.into_iter().collect();
    store.with(|db| super::linked::overlay(db, schema, &mut lead))?;
    Ok(lead.iter().map(|l| project::render(l, &columns)).collect())
}

/// `deleted` per known id, `skipped` 1004 per unknown one [INF], in input order, in one transaction.
pub(super) fn delete(
    schema: &LeadSchema,
    store: &Store,
    ids: &[i64],
    held: Option<&Held>,
    at: &str,
) -> Result<Vec<RecordResult>, ApiError> {
    if ids.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if ids.len() > schema.rules.max_batch {
        return Err(errors::invalid_data());
    }
    store.transaction(|db| {
        ids.iter()
            .enumerate()
            .map(|(i, &id)| {
                if let Some(reason) = held_reason(held, i) {
                    return Ok(skip_id(id, reason));
                }
                let Some(lead) = rows::get(db, id)? else {
                    return Ok(skip_id(id, ApiError::catalogued(1004, &[])));
                };
                rows::delete(db, id)?;
                crate::activities::record::deleted(db, id, display_name(&lead.data, id), at)?;
                Ok(RecordResult::with_id(id, RecordStatus::Deleted))
            })
            .collect()
    })
}

/// Associate Lead: add a Munchkin cookie to the lead's `cookies`, so its web activity and
/// `filterType=cookies` find it. A malformed cookie is 1012, an unknown lead 1004 [INF].
pub(super) fn associate(store: &Store, id: i64, cookie: &str, now: &str) -> Result<(), ApiError> {
    if !super::filter::is_munchkin_cookie(cookie) {
        return Err(ApiError::catalogued(1012, &[cookie]));
    }
    store.transaction(|db| {
        let Some(lead) = rows::get(db, id)? else {
            return Err(ApiError::catalogued(1004, &[]));
        };
        let mut data = lead.data;
        let existing = data.get("cookies").and_then(Value::as_str).unwrap_or("");
        if !existing.split(',').any(|c| c == cookie) {
            let joined = if existing.is_empty() {
                cookie.to_owned()
            } else {
                format!("{existing},{cookie}")
            };
            data.insert("cookies".into(), Value::String(joined));
            rows::update(db, id, now, &data)?;
        }
        Ok(())
    })
}

/// How an activity names a lead: "First Last", else its email, else its id.
fn display_name(data: &Map<String, Value>, id: i64) -> String {
    let part = |k: &str| {
        data.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim()
            .to_owned()
    };
    let name = format!("{} {}", part("firstName"), part("lastName"))
        .trim()
        .to_owned();
    if !name.is_empty() {
        return name;
    }
    let email = part("email");
    if email.is_empty() {
        id.to_string()
    } else {
        email
    }
}
