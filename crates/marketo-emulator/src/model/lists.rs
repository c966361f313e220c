//! Static list membership: add, remove, is-member, members.
//!
//! An unknown list is 1013 "Object not found" at response level [INF from the error table]. Unknown leads are
//! `skipped` 1004 and keep their id (as in the docs' examples); removing a lead that is not a member is 1015.
//! Adding a lead that is already a member answers `added` [INF]. A real change of membership records an Add to
//! List or Remove from List activity.

use super::errors::{self, skip_id};
use super::filter::{self, Page};
use super::project;
use super::schema::LeadSchema;
use crate::engine::paging;
use crate::fault::records::{held_reason, Held};
use crate::store::Db;
use crate::store::{leads, lists, Store, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::lead_database::StaticList;
use marketo_types::record::{RecordResult, RecordStatus};

fn checked(schema: &LeadSchema, ids: &[i64]) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Err(ApiError::catalogued(701, &["id"]));
    }
    if ids.len() > schema.rules.max_batch {
        return Err(errors::invalid_data());
    }
    Ok(())
}

/// Run `each` on every id inside one transaction, after checking the list exists.
fn per_lead(
    schema: &LeadSchema,
    store: &Store,
    list_id: i64,
    ids: &[i64],
    held: Option<&Held>,
    each: impl Fn(&Db, i64) -> Result<RecordResult, StoreError>,
) -> Result<Vec<RecordResult>, ApiError> {
    checked(schema, ids)?;
    store.transaction(|db| {
        if !lists::exists(db, list_id)? {
            return Err(ApiError::catalogued(1013, &[]));
        }
        ids.iter()
            .enumerate()
            .map(|(i, &id)| {
                if let Some(reason) = held_reason(held, i) {
                    return Ok(skip_id(id, reason));
                }
                if !leads::exists(db, id)? {
                    return Ok(skip_id(id, ApiError::catalogued(1004, &[])));
                }
                Ok(each(db, id)?)
            })
            .collect()
    })
}

pub(super) fn add(
    schema: &LeadSchema,
    store: &Store,
    list_id: i64,
    ids: &[i64],
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    let at = super::format_time(now);
    per_lead(schema, store, list_id, ids, held, |db, id| {
        if !lists::is_member(db, list_id, id)? {
            lists::add(db, list_id, id)?;
            crate::activities::record::membership(db, id, list_id, &at, true)?;
        }
        Ok(RecordResult::with_id(id, RecordStatus::Added))
    })
}

pub(super) fn remove(
    schema: &LeadSchema,
    store: &Store,
    list_id: i64,
    ids: &[i64],
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    let at = super::format_time(now);
    per_lead(schema, store, list_id, ids, held, |db, id| {
        Ok(if lists::remove(db, list_id, id)? {
            crate::activities::record::membership(db, id, list_id, &at, false)?;
            RecordResult::with_id(id, RecordStatus::Removed)
        } else {
            skip_id(id, ApiError::catalogued(1015, &[]))
        })
    })
}

pub(super) fn is_member(
    schema: &LeadSchema,
    store: &Store,
    list_id: i64,
    ids: &[i64],
) -> Result<Vec<RecordResult>, ApiError> {
    per_lead(schema, store, list_id, ids, None, |db, id| {
        let status = if lists::is_member(db, list_id, id)? {
            RecordStatus::Memberof
        } else {
            RecordStatus::Notmemberof
        };
        Ok(RecordResult::with_id(id, status))
    })
}

pub(super) fn members(
    schema: &LeadSchema,
    store: &Store,
    list_id: i64,
    fields: Option<&[String]>,
    batch_size: usize,
    next_page_token: Option<&str>,
) -> Result<Page, ApiError> {
    let columns = project::columns(schema, fields)?;
    let after = paging::decode(paging::LIST_MEMBERS, next_page_token)?;
    let size = filter::page_size(batch_size);
    let rows = store.with(|db| {
        if !lists::exists(db, list_id)? {
            return Ok(None);
        }
        let mut rows = lists::members(db, list_id, after, size + 1)?;
        super::linked::overlay(db, schema, &mut rows)?;
        Ok(Some(rows))
    })?;
    let Some(mut rows) = rows else {
        return Err(ApiError::catalogued(1013, &[]));
    };
    Ok(filter::page(
        &mut rows,
        size,
        paging::LIST_MEMBERS,
        &columns,
    ))
}

/// A page of lists: `Get Lists` (filtered) or the lists of one lead (`listMembership.json`).
pub(super) fn browse(
    store: &Store,
    scope: ListScope<'_>,
    batch_size: usize,
    next_page_token: Option<&str>,
) -> Result<Page, ApiError> {
    let kind = match scope {
        ListScope::Filter(_) => paging::LISTS,
        ListScope::OfLead(_) => paging::LEAD_LISTS,
    };
    let after = paging::decode(kind, next_page_token)?;
    let size = filter::page_size(batch_size);
    let mut rows = store.with(|db| match scope {
        ListScope::Filter(f) => lists::query(db, f, after, size + 1),
        ListScope::OfLead(lead) => lists::of_lead(db, lead, after, size + 1),
    })?;
    let more = rows.len() > size;
    rows.truncate(size);
    let next_page_token = more
        .then(|| rows.last().map(|l| paging::encode(kind, l.id)))
        .flatten();
    let items = rows
        .into_iter()
        .map(static_list)
        .filter_map(|l| match serde_json::to_value(l) {
            Ok(serde_json::Value::Object(m)) => Some(m),
            _ => None,
        })
        .collect();
    Ok(Page {
        items,
        next_page_token,
        more_result: more,
    })
}

/// Which lists [`browse`] pages through.
#[derive(Debug, Clone, Copy)]
pub enum ListScope<'a> {
    /// Every list matching the filter.
    Filter(&'a lists::ListFilter),
    /// The lists a lead is a member of.
    OfLead(i64),
}

/// A stored list as the API shows it.
fn static_list(l: lists::StoredList) -> StaticList {
    StaticList {
        id: l.id,
        name: l.name,
        description: l.description,
        program_name: l.program_name,
        workspace_name: Some(l.workspace_name),
        created_at: l.created_at,
        updated_at: l.updated_at,
    }
}

/// One list by id.
pub(super) fn by_id(store: &Store, id: i64) -> Result<Option<StaticList>, ApiError> {
    let filter = lists::ListFilter {
        ids: vec![id],
        ..Default::default()
    };
    Ok(store
        .with(|db| lists::query(db, &filter, 0, 1))?
        .into_iter()
        .next()
        .map(static_list))
}
