//! Reading activities: Get Paging Token, Get Lead Activities and Get Lead Changes.
//!
//! Both reads return at most `batchSize` (300) items, always a `nextPageToken` (where the next call starts)
//! and `moreResult`. Response-level errors: more than 10 activity type ids, more than 30 lead ids, or both
//! `leadIds` and `listId` is 1003 "Invalid data" [INF]; an unknown list is 1013; an unknown field in
//! `fields` is 1006.

use super::token::{self, Position};
use super::types;
use crate::model::{format_time, Model};
use crate::store::activities::{self as log, Selection, StoredActivity};
use crate::store::lists;
use marketo_types::activity::{Activity, LeadChange};
use marketo_types::envelope::ApiError;
use marketo_types::limits::{MAX_ACTIVITY_LEAD_IDS, MAX_ACTIVITY_TYPE_IDS, MAX_BATCH_SIZE};

/// A page of activities (or lead changes).
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityPage<T> {
    /// The items.
    pub items: Vec<T>,
    /// Where the next call starts (always present).
    pub next_page_token: String,
    /// Whether more activities follow.
    pub more_result: bool,
}

/// What a read selects besides its token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// `leadIds` (at most 30).
    pub lead_ids: Vec<i64>,
    /// `listId`.
    pub list_id: Option<i64>,
    /// `batchSize` (0: 300; above 300: 300).
    pub batch_size: usize,
}

fn invalid() -> ApiError {
    ApiError::new(1003, "Invalid data")
}

/// Get Paging Token: the token that starts at `since_datetime` (704 when it is not a date).
pub fn paging_token(since_datetime: &str) -> Result<String, ApiError> {
    let since = token::parse_datetime(since_datetime)?;
    Ok(token::encode(Position { since, after_id: 0 }))
}

fn read(
    model: &Model,
    token: &str,
    type_ids: Vec<i64>,
    scope: &Scope,
) -> Result<(Vec<StoredActivity>, String, bool), ApiError> {
    if scope.lead_ids.len() > MAX_ACTIVITY_LEAD_IDS
        || (!scope.lead_ids.is_empty() && scope.list_id.is_some())
    {
        return Err(invalid());
    }
    let pos = token::decode(token)?;
    let size = match scope.batch_size {
        0 => MAX_BATCH_SIZE,
        n => n.min(MAX_BATCH_SIZE),
    };
    let sel = Selection {
        since: format_time(pos.since),
        until: None,
        after_id: pos.after_id,
        type_ids,
        lead_ids: scope.lead_ids.clone(),
        list_id: scope.list_id,
    };
    let rows = model.store().with(|db| {
        if let Some(list) = scope.list_id {
            if !lists::exists(db, list)? {
                return Ok(None);
            }
        }
        log::select(db, &sel, size + 1).map(Some)
    })?;
    let Some(mut rows) = rows else {
        return Err(ApiError::catalogued(1013, &[]));
    };
    let more = rows.len() > size;
    rows.truncate(size);
    let after_id = rows.last().map_or(pos.after_id, |a| a.id);
    let next = token::encode(Position {
        since: pos.since,
        after_id,
    });
    Ok((rows, next, more))
}

/// Get Lead Activities: activities of `type_ids` (1 to 10) after the token's position.
pub fn activities(
    model: &Model,
    token: &str,
    type_ids: &[i64],
    scope: &Scope,
) -> Result<ActivityPage<Activity>, ApiError> {
    if type_ids.is_empty() {
        return Err(ApiError::catalogued(1002, &["activityTypeIds"]));
    }
    if type_ids.len() > MAX_ACTIVITY_TYPE_IDS {
        return Err(invalid());
    }
    let (rows, next_page_token, more_result) = read(model, token, type_ids.to_vec(), scope)?;
    Ok(ActivityPage {
        items: rows.iter().map(activity).collect(),
        next_page_token,
        more_result,
    })
}

/// Get Lead Changes: New Lead and Change Data Value activities; a Change Data Value only when it changed one
/// of `fields` (so a page may hold fewer items than `batchSize` while `moreResult` is true, as in Marketo).
pub fn lead_changes(
    model: &Model,
    token: &str,
    fields: &[String],
    scope: &Scope,
) -> Result<ActivityPage<LeadChange>, ApiError> {
    if fields.is_empty() {
        return Err(ApiError::catalogued(1002, &["fields"]));
    }
    if let Some(unknown) = fields.iter().find(|f| model.schema().field(f).is_none()) {
        return Err(ApiError::catalogued(1006, &[unknown]));
    }
    let wanted = vec![types::NEW_LEAD, types::CHANGE_DATA_VALUE];
    let (rows, next_page_token, more_result) = read(model, token, wanted, scope)?;
    let items = rows
        .iter()
        .map(|a| lead_change(a, fields))
        .filter(|c| c.activity_type_id == types::NEW_LEAD || !c.fields.is_empty())
        .collect();
    Ok(ActivityPage {
        items,
        next_page_token,
        more_result,
    })
}

/// The `activities.json` form of a stored activity.
pub fn activity(a: &StoredActivity) -> Activity {
    Activity {
        id: Some(a.id),
        marketo_guid: a.id.to_string(),
        lead_id: a.lead_id,
        activity_date: a.at.clone(),
        activity_type_id: a.type_id,
        campaign_id: None,
        primary_attribute_value_id: a.primary_id,
        primary_attribute_value: a.primary_value.clone(),
        attributes: a.attributes.clone(),
    }
}

/// The `leadchanges.json` form of a stored activity, keeping only the changes of `fields`.
pub fn lead_change(a: &StoredActivity, fields: &[String]) -> LeadChange {
    let changes = a
        .fields
        .iter()
        .flatten()
        .filter(|c| fields.contains(&c.name))
        .cloned()
        .collect();
    LeadChange {
        id: Some(a.id),
        marketo_guid: a.id.to_string(),
        lead_id: a.lead_id,
        activity_date: a.at.clone(),
        activity_type_id: a.type_id,
        fields: changes,
        attributes: a.attributes.clone(),
    }
}
