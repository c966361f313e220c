//! Create Export Job (leads and activities): the request checked into a job in the `Created` state.
//!
//! Create checks, in order: `format` (CSV, TSV, SSV; 1003), `fields` (required for leads, 1002; each a lead
//! field, 1006), `columnHeaderNames` keys among the fields (1003), the filter (leads: exactly one of
//! `createdAt`, `updatedAt`, `staticListId`, `staticListName`, `smartListId`, `smartListName`; activities:
//! `createdAt` required, `activityTypeIds` and one of `primaryAttributeValueIds`/`primaryAttributeValues` (50
//! at most) optional), 1035 for a filter the subscription does not support, dates (704) and a range of at most
//! 31 days (1003), and the list named (1013).

use super::config::BulkConfig;
use super::errors::{self, invalid};
use super::export::{ExportJob, ExportKind, Selector, ACTIVITY_FIELDS};
use super::queue::Schedule;
use crate::activities::token::parse_datetime;
use crate::model::{format_time, Model};
use crate::store::lists;
use chrono::{DateTime, Utc};
use marketo_types::bulk::BulkFormat;
use marketo_types::envelope::ApiError;
use marketo_types::limits::BULK_EXPORT_MAX_RANGE_DAYS;
use serde_json::{Map, Value};

fn strings(v: &Value, name: &str) -> Result<Vec<String>, ApiError> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), name])),
        _ => Err(ApiError::catalogued(1001, &[&v.to_string(), name])),
    }
}

fn ints(v: &Value, name: &str) -> Result<Vec<i64>, ApiError> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(a) => a
            .iter()
            .map(Value::as_i64)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), name])),
        _ => Err(ApiError::catalogued(1001, &[&v.to_string(), name])),
    }
}

/// A `{startAt, endAt}` range: both dates (704), end not before start, at most 31 days (1003).
pub(super) fn range(v: &Value) -> Result<(String, String), ApiError> {
    let date = |k: &str| match v.get(k).and_then(Value::as_str) {
        Some(s) => parse_datetime(s),
        None => Err(ApiError::catalogued(1002, &[k])),
    };
    let (start, end) = (date("startAt")?, date("endAt")?);
    if end < start {
        return Err(invalid(errors::RANGE_REVERSED));
    }
    if end - start > chrono::Duration::days(BULK_EXPORT_MAX_RANGE_DAYS) {
        return Err(invalid(errors::RANGE_TOO_LONG));
    }
    Ok((format_time(start), format_time(end)))
}

fn lead_selector(
    model: &Model,
    config: &BulkConfig,
    filter: &Map<String, Value>,
) -> Result<Selector, ApiError> {
    const TYPES: &[&str] = &[
        "createdAt",
        "updatedAt",
        "staticListId",
        "staticListName",
        "smartListId",
        "smartListName",
    ];
    if filter.len() != 1 {
        return Err(invalid(errors::ONE_FILTER));
    }
    let (name, v) = filter
        .iter()
        .next()
        .ok_or_else(|| invalid(errors::ONE_FILTER))?;
    if !TYPES.contains(&name.as_str()) {
        return Err(invalid(errors::ONE_FILTER));
    }
    if !config.supports_filter(name) {
        return Err(ApiError::catalogued(1035, &[]));
    }
    match name.as_str() {
        "createdAt" => range(v).map(|(s, e)| Selector::CreatedAt(s, e)),
        "updatedAt" => range(v).map(|(s, e)| Selector::UpdatedAt(s, e)),
        "staticListId" | "staticListName" => static_list(model, name, v).map(Selector::StaticList),
        // The emulator has no smart lists: a supported smart list filter names one that does not exist.
        _ => Err(errors::not_found()),
    }
}

/// The static list a `staticListId` or `staticListName` filter names (1013 when there is none).
pub(super) fn static_list(model: &Model, filter: &str, v: &Value) -> Result<i64, ApiError> {
    if filter == "staticListId" {
        let id = v
            .as_i64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), "Integer"]))?;
        if model.store().with(|db| lists::exists(db, id))? {
            Ok(id)
        } else {
            Err(errors::not_found())
        }
    } else {
        let n = v
            .as_str()
            .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), "String"]))?;
        let found = model.store().with(|db| lists::id_by_name(db, n))?;
        found.ok_or_else(errors::not_found)
    }
}

fn activity_selector(filter: &Map<String, Value>) -> Result<Selector, ApiError> {
    const KEYS: &[&str] = &[
        "createdAt",
        "activityTypeIds",
        "primaryAttributeValueIds",
        "primaryAttributeValues",
    ];
    if filter.keys().any(|k| !KEYS.contains(&k.as_str())) {
        return Err(invalid(errors::ONE_FILTER));
    }
    let created = filter
        .get("createdAt")
        .ok_or_else(|| invalid(errors::CREATED_AT_REQUIRED))?;
    let (start, end) = range(created)?;
    let null = Value::Null;
    let type_ids = ints(
        filter.get("activityTypeIds").unwrap_or(&null),
        "activityTypeIds",
    )?;
    let primary_ids = ints(
        filter.get("primaryAttributeValueIds").unwrap_or(&null),
        "primaryAttributeValueIds",
    )?;
    let primary_values = strings(
        filter.get("primaryAttributeValues").unwrap_or(&null),
        "primaryAttributeValues",
    )?;
    if primary_ids.len() > 50
        || primary_values.len() > 50
        || (!primary_ids.is_empty() && !primary_values.is_empty())
        || ((!primary_ids.is_empty() || !primary_values.is_empty()) && type_ids.is_empty())
    {
        return Err(invalid(errors::PRIMARY_VALUES));
    }
    Ok(Selector::Activities {
        start,
        end,
        type_ids,
        primary_ids,
        primary_values,
    })
}

/// Check a create request and build the job (status `Created`).
pub fn create(
    model: &Model,
    config: &BulkConfig,
    kind: &ExportKind,
    owner: &str,
    body: &Value,
    now: DateTime<Utc>,
) -> Result<ExportJob, ApiError> {
    let Value::Object(body) = body else {
        return Err(ApiError::catalogued(609, &[]));
    };
    let format = format(body)?;
    let mut fields = fields(body)?;
    match kind {
        ExportKind::Leads => {
            if fields.is_empty() {
                return Err(ApiError::catalogued(1002, &["fields"]));
            }
            if let Some(bad) = fields.iter().find(|f| model.schema().field(f).is_none()) {
                return Err(ApiError::new(1006, format!("Field '{bad}' not found")));
            }
        }
        ExportKind::CustomObject(_) | ExportKind::ProgramMembers => {}
        ExportKind::Activities => {
            if fields.is_empty() {
                fields = ACTIVITY_FIELDS.iter().map(|s| s.to_string()).collect();
            }
            if let Some(bad) = fields
                .iter()
                .find(|f| !ACTIVITY_FIELDS.contains(&f.as_str()))
            {
                return Err(ApiError::new(1006, format!("Field '{bad}' not found")));
            }
        }
    }
    let headers = headers(body, &fields)?;
    let filter = filter(body)?;
    let selector = match kind {
        ExportKind::Leads => lead_selector(model, config, filter)?,
        ExportKind::Activities => activity_selector(filter)?,
        ExportKind::CustomObject(_) | ExportKind::ProgramMembers => return Err(errors::not_found()),
    };
    Ok(job(kind, owner, format, (fields, headers), selector, now))
}

/// A new job in the `Created` state.
pub(super) fn job(
    kind: &ExportKind,
    owner: &str,
    format: BulkFormat,
    (fields, headers): (Vec<String>, Vec<String>),
    selector: Selector,
    now: DateTime<Utc>,
) -> ExportJob {
    ExportJob {
        id: uuid::Uuid::new_v4().to_string(),
        kind: kind.clone(),
        owner: owner.to_owned(),
        format,
        fields,
        headers,
        selector,
        created_at: now,
        schedule: Schedule::created(),
        records: None,
        file: None,
        error: None,
    }
}

/// `format`: CSV (the default), TSV or SSV (1003 otherwise).
pub(super) fn format(body: &Map<String, Value>) -> Result<BulkFormat, ApiError> {
    match body.get("format") {
        None | Some(Value::Null) => Ok(BulkFormat::Csv),
        Some(v) => v
            .as_str()
            .and_then(BulkFormat::parse)
            .ok_or_else(|| invalid(errors::BAD_FORMAT)),
    }
}

/// `fields`, blanks dropped.
pub(super) fn fields(body: &Map<String, Value>) -> Result<Vec<String>, ApiError> {
    let null = Value::Null;
    let mut fields = strings(body.get("fields").unwrap_or(&null), "fields")?;
    fields.retain(|f| !f.trim().is_empty());
    Ok(fields)
}

/// The column headers: each field's name, or its `columnHeaderNames` entry (whose keys must be fields).
pub(super) fn headers(
    body: &Map<String, Value>,
    fields: &[String],
) -> Result<Vec<String>, ApiError> {
    let renames = match body.get("columnHeaderNames") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(v) => {
            return Err(ApiError::catalogued(
                1001,
                &[&v.to_string(), "columnHeaderNames"],
            ))
        }
    };
    if renames.keys().any(|k| !fields.contains(k)) {
        return Err(invalid(errors::HEADER_NOT_EXPORTED));
    }
    Ok(fields
        .iter()
        .map(|f| {
            renames
                .get(f)
                .and_then(Value::as_str)
                .map_or_else(|| f.clone(), str::to_owned)
        })
        .collect())
}

/// The `filter` object (1002 without one).
pub(super) fn filter(body: &Map<String, Value>) -> Result<&Map<String, Value>, ApiError> {
    match body.get("filter") {
        Some(Value::Object(f)) => Ok(f),
        _ => Err(ApiError::catalogued(1002, &["filter"])),
    }
}
