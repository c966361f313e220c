//! Bulk Extract jobs (leads and activities): the create request checked into a job, the job's states and its
//! status entry.
//!
//! Create checks, in order: `format` (CSV, TSV, SSV; 1003), `fields` (required for leads, 1002; each a lead
//! field, 1006), `columnHeaderNames` keys among the fields (1003), the filter (leads: exactly one of
//! `createdAt`, `updatedAt`, `staticListId`, `staticListName`, `smartListId`, `smartListName`; activities:
//! `createdAt` required, `activityTypeIds` and one of `primaryAttributeValueIds`/`primaryAttributeValues` (50
//! at most) optional), 1035 for a filter the subscription does not support, dates (704) and a range of at most
//! 31 days (1003), and the list named (1013).

use super::config::BulkConfig;
use super::delimited::Format;
use super::errors::{self, invalid};
use super::files::FileMeta;
use crate::activities::token::parse_datetime;
use crate::model::{format_time, Model};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::limits::BULK_EXPORT_MAX_RANGE_DAYS;
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// What a job exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportKind {
    /// `/bulk/v1/leads/export/...`
    Leads,
    /// `/bulk/v1/activities/export/...`
    Activities,
}

/// The default (and allowed) columns of an activity export.
pub const ACTIVITY_FIELDS: &[&str] = &[
    "marketoGUID",
    "leadId",
    "activityDate",
    "activityTypeId",
    "campaignId",
    "primaryAttributeValueId",
    "primaryAttributeValue",
    "attributes",
];

/// Where an export is (wire spelling; `Cancelled` as Marketo sends it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportStatus {
    /// Created, not enqueued.
    Created,
    /// Waiting for a slot.
    Queued,
    /// Running.
    Processing,
    /// Cancelled.
    Cancelled,
    /// The file is ready.
    Completed,
    /// It failed.
    Failed,
}

impl ExportStatus {
    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportStatus::Created => "Created",
            ExportStatus::Queued => "Queued",
            ExportStatus::Processing => "Processing",
            ExportStatus::Cancelled => "Cancelled",
            ExportStatus::Completed => "Completed",
            ExportStatus::Failed => "Failed",
        }
    }

    /// Queued or processing: it takes a place in the shared queue.
    pub fn in_queue(self) -> bool {
        matches!(self, ExportStatus::Queued | ExportStatus::Processing)
    }
}

/// The rows an export selects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Selector {
    /// Leads created in `[start, end)`.
    CreatedAt(String, String),
    /// Leads updated in `[start, end)`.
    UpdatedAt(String, String),
    /// Members of a static list.
    StaticList(i64),
    /// Activities created in `[start, end)`, of some types, with some primary attribute values.
    Activities {
        /// Range start (formatted).
        start: String,
        /// Range end (formatted).
        end: String,
        /// Type ids (empty: all).
        type_ids: Vec<i64>,
        /// Primary attribute value ids (empty: any).
        primary_ids: Vec<i64>,
        /// Primary attribute values (empty: any).
        primary_values: Vec<String>,
    },
}

/// One export job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportJob {
    /// `exportId`.
    pub id: String,
    /// Leads or activities.
    pub kind: ExportKind,
    /// The client id of the API user who created it.
    pub owner: String,
    /// The file format.
    pub format: Format,
    /// The exported fields, in order.
    pub fields: Vec<String>,
    /// The header of each column.
    pub headers: Vec<String>,
    /// What it selects.
    pub selector: Selector,
    /// Where it is.
    pub status: ExportStatus,
    /// Timestamps.
    pub created_at: DateTime<Utc>,
    /// Set when enqueued.
    pub queued_at: Option<DateTime<Utc>>,
    /// Set when it starts processing.
    pub started_at: Option<DateTime<Utc>>,
    /// Set when completed, failed or cancelled after starting.
    pub finished_at: Option<DateTime<Utc>>,
    /// The worker slot it runs on.
    pub slot: Option<usize>,
    /// Rows in the file.
    pub records: Option<u64>,
    /// The file, once completed.
    pub file: Option<FileMeta>,
    /// Why it failed.
    pub error: Option<String>,
}

impl ExportJob {
    /// The status entry, keys absent until set (wire-facts 2.11).
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("exportId".into(), json!(self.id));
        m.insert("format".into(), json!(self.format.as_str()));
        m.insert("status".into(), json!(self.status.as_str()));
        m.insert("createdAt".into(), json!(format_time(self.created_at)));
        for (k, t) in [
            ("queuedAt", self.queued_at),
            ("startedAt", self.started_at),
            ("finishedAt", self.finished_at),
        ] {
            if let Some(t) = t {
                m.insert(k.into(), json!(format_time(t)));
            }
        }
        if let Some(n) = self.records {
            m.insert("numberOfRecords".into(), json!(n));
        }
        if let Some(f) = &self.file {
            m.insert("fileSize".into(), json!(f.size));
            m.insert("fileChecksum".into(), json!(f.checksum));
        }
        if let Some(e) = &self.error {
            m.insert("errorMsg".into(), json!(e));
        }
        Value::Object(m)
    }
}

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
fn range(v: &Value) -> Result<(String, String), ApiError> {
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
        "staticListId" => {
            let id = v
                .as_i64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
                .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), "Integer"]))?;
            if model
                .store()
                .with(|db| crate::store::lists::exists(db, id))?
            {
                Ok(Selector::StaticList(id))
            } else {
                Err(errors::not_found())
            }
        }
        "staticListName" => {
            let n = v
                .as_str()
                .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), "String"]))?;
            let found: Option<i64> = model.store().with(|db| {
                let mut stmt =
                    db.prepare_cached("SELECT id FROM lists WHERE name = ?1 ORDER BY id LIMIT 1")?;
                Ok(stmt.query_row([n], |r| r.get(0)).optional()?)
            })?;
            found
                .map(Selector::StaticList)
                .ok_or_else(errors::not_found)
        }
        // The emulator has no smart lists: a supported smart list filter names one that does not exist.
        _ => Err(errors::not_found()),
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
    kind: ExportKind,
    owner: &str,
    body: &Value,
    now: DateTime<Utc>,
) -> Result<ExportJob, ApiError> {
    let Value::Object(body) = body else {
        return Err(ApiError::catalogued(609, &[]));
    };
    let format = match body.get("format") {
        None | Some(Value::Null) => Format::Csv,
        Some(v) => v
            .as_str()
            .and_then(Format::parse)
            .ok_or_else(|| invalid(errors::BAD_FORMAT))?,
    };
    let null = Value::Null;
    let mut fields = strings(body.get("fields").unwrap_or(&null), "fields")?;
    fields.retain(|f| !f.trim().is_empty());
    match kind {
        ExportKind::Leads => {
            if fields.is_empty() {
                return Err(ApiError::catalogued(1002, &["fields"]));
            }
            if let Some(bad) = fields.iter().find(|f| model.schema().field(f).is_none()) {
                return Err(ApiError::new(1006, format!("Field '{bad}' not found")));
            }
        }
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
    let headers = fields
        .iter()
        .map(|f| {
            renames
                .get(f)
                .and_then(Value::as_str)
                .map_or_else(|| f.clone(), str::to_owned)
        })
        .collect();
    let filter = match body.get("filter") {
        Some(Value::Object(f)) => f,
        _ => return Err(ApiError::catalogued(1002, &["filter"])),
    };
    let selector = match kind {
        ExportKind::Leads => lead_selector(model, config, filter)?,
        ExportKind::Activities => activity_selector(filter)?,
    };
    Ok(ExportJob {
        id: uuid::Uuid::new_v4().to_string(),
        kind,
        owner: owner.to_owned(),
        format,
        fields,
        headers,
        selector,
        status: ExportStatus::Created,
        created_at: now,
        queued_at: None,
        started_at: None,
        finished_at: None,
        slot: None,
        records: None,
        file: None,
        error: None,
    })
}
