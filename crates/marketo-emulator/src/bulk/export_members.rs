//! Bulk Program Member Extract (bulk-program-member-extract.md): Create Export Program Member Job checked into
//! a job in the `Created` state, and its file written when the job completes. The jobs share the lead,
//! activity and custom object exports' queue, states, limits (1029) and file serving.
//!
//! Create checks, in order: `format` (1003), `fields` (required, 1002; each a lead field or a program member
//! field, 1006), `columnHeaderNames` keys among the fields (1003), the filter: exactly one of `programId` or
//! `programIds` (10 at most) (1003), each program (1013), `statusNames` each a status of one of the programs'
//! channels (1003 "Invalid Data"), `isExhausted` (a boolean), `nurtureCadence` (`paus` or `norm`), `updatedAt`
//! (at most 31 days; 1035 where the subscription does not support it, `[bulk] unsupported_export_filters`).
//! Rows follow program order, then lead id; a `programIds` job's file starts with a `programId` column.

use super::config::BulkConfig;
use super::delimited::write_row;
use super::errors::{self, invalid};
use super::export::{ExportJob, ExportKind, Selector};
use super::export_create::{fields, filter, format, headers, job, range};
use super::Bulk;
use crate::model::schema::LeadSchema;
use crate::model::Model;
use crate::programs::{fields as member_fields, reads, status};
use crate::store::bulk_files::FileWriter;
use crate::store::program_members as stored;
use crate::store::{leads, Db, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::bulk::ExportJob as ExportRecord;
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// Most programs one `programIds` filter names.
pub const MAX_PROGRAMS: usize = 10;
/// The message of a filter without exactly one of `programId` and `programIds`.
pub const ONE_PROGRAM_FILTER: &str = "Exactly one of programId or programIds must be specified";
/// The message of a status name none of the programs has (bulk-program-member-extract.md).
pub const INVALID_DATA: &str = "Invalid Data";

/// Members read from the store at a time.
const PAGE: usize = 1000;

fn programs_of(filter: &Map<String, Value>) -> Result<(Vec<i64>, bool), ApiError> {
    let one = filter.get("programId").filter(|v| !v.is_null());
    let many = filter.get("programIds").filter(|v| !v.is_null());
    match (one, many) {
        (Some(v), None) => v
            .as_i64()
            .map(|id| (vec![id], false))
            .ok_or_else(|| ApiError::catalogued(1001, &[&v.to_string(), "programId"])),
        (None, Some(Value::Array(ids))) if !ids.is_empty() && ids.len() <= MAX_PROGRAMS => ids
            .iter()
            .map(Value::as_i64)
            .collect::<Option<Vec<i64>>>()
            .map(|ids| (ids, true))
            .ok_or_else(|| invalid(ONE_PROGRAM_FILTER)),
        _ => Err(invalid(ONE_PROGRAM_FILTER)),
    }
}

/// Check a create request and build the job.
pub fn create(
    model: &Model,
    config: &BulkConfig,
    owner: &str,
    body: &Value,
    now: DateTime<Utc>,
) -> Result<ExportJob, ApiError> {
    let Value::Object(body) = body else {
        return Err(ApiError::catalogued(609, &[]));
    };
    let format = format(body)?;
    let fields = fields(body)?;
    if fields.is_empty() {
        return Err(ApiError::catalogued(1002, &["fields"]));
    }
    let member = member_fields::all(model.store())?;
    let schema = model.schema();
    let known =
        |f: &str| member.iter().any(|m| m.name == f) || schema.field(f).is_some() || f == "id";
    if let Some(bad) = fields.iter().find(|f| !known(f)) {
        return Err(ApiError::new(1006, format!("Field '{bad}' not found")));
    }
    let headers = headers(body, &fields)?;
    let filter = filter(body)?;
    let (programs, program_column) = programs_of(filter)?;
    let views = model.store().with(|db| {
        Ok(programs
            .iter()
            .map(|&id| status::find(db, id))
            .collect::<Vec<_>>())
    })?;
    let mut channel_statuses = Vec::new();
    for v in views {
        let v = v?.ok_or_else(errors::not_found)?;
        channel_statuses.extend(v.statuses.into_iter().map(|s| s.name));
    }
    let statuses: Vec<String> = match filter.get("statusNames") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<_>>()
            .ok_or_else(|| invalid(INVALID_DATA))?,
        Some(_) => return Err(invalid(INVALID_DATA)),
    };
    if statuses.iter().any(|s| !channel_statuses.contains(s)) {
        return Err(invalid(INVALID_DATA));
    }
    let is_exhausted = match filter.get("isExhausted") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(v) => return Err(ApiError::catalogued(1001, &[&v.to_string(), "isExhausted"])),
    };
    let nurture_cadence = match filter.get("nurtureCadence") {
        None | Some(Value::Null) => None,
        Some(Value::String(c)) if c == "paus" || c == "norm" => Some(c.clone()),
        Some(_) => return Err(invalid(INVALID_DATA)),
    };
    let updated = match filter.get("updatedAt") {
        None | Some(Value::Null) => None,
        Some(v) => {
            if !config.supports_filter("updatedAt") {
                return Err(ApiError::catalogued(1035, &[]));
            }
            Some(range(v)?)
        }
    };
    let (mut fields, mut headers) = (fields, headers);
    if program_column {
        fields.insert(0, "programId".to_owned());
        headers.insert(0, "programId".to_owned());
    }
    let selector = Selector::ProgramMembers {
        programs,
        program_column,
        statuses,
        is_exhausted,
        nurture_cadence,
        updated,
    };
    Ok(job(
        &ExportKind::ProgramMembers,
        owner,
        format,
        (fields, headers),
        selector,
        now,
    ))
}

impl Bulk {
    /// Create Export Program Member Job: the `Created` entry.
    pub fn create_member_export(
        &self,
        model: &Model,
        owner: &str,
        body: &Value,
        now: DateTime<Utc>,
    ) -> Result<ExportRecord, ApiError> {
        let job = create(model, &self.config, owner, body, now)?;
        self.add_export(model, job, now)
    }
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Write the rows of a program member export; returns how many.
pub fn write(
    db: &Db,
    schema: &LeadSchema,
    job: &ExportJob,
    w: &mut FileWriter<'_>,
) -> Result<u64, StoreError> {
    let Selector::ProgramMembers {
        programs,
        statuses,
        is_exhausted,
        nurture_cadence,
        updated,
        ..
    } = &job.selector
    else {
        return Ok(0);
    };
    let member_names: Vec<&str> = member_fields::STANDARD.iter().map(|s| s.0).collect();
    let custom: Vec<String> = stored::fields(db)?
        .iter()
        .filter_map(|f| f.get("name").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let is_member_field = |f: &str| member_names.contains(&f) || custom.iter().any(|c| c == f);
    let delim = job.format.export_delimiter();
    let (mut n, mut buf) = (0u64, Vec::new());
    for &program in programs {
        let Ok(Some(view)) = status::find(db, program) else {
            continue;
        };
        let cadence = view.is_engagement().then_some("norm");
        let mut after = 0;
        loop {
            let page = stored::of_program(db, program, after, PAGE)?;
            let Some(last) = page.last() else { break };
            after = last.lead_id;
            buf.clear();
            for m in &page {
                let keep = (statuses.is_empty() || statuses.contains(&m.status))
                    && is_exhausted.is_none_or(|x| !x)
                    && nurture_cadence
                        .as_deref()
                        .is_none_or(|c| Some(c) == cadence)
                    && updated
                        .as_ref()
                        .is_none_or(|(s, e)| &m.updated_at >= s && &m.updated_at <= e);
                if !keep {
                    continue;
                }
                let Some(lead) = leads::get(db, m.lead_id)? else {
                    continue;
                };
                let mut one = vec![lead];
                crate::model::linked::overlay(db, schema, &mut one)?;
                let lead = &one[0];
                let row: Vec<String> = job
                    .fields
                    .iter()
                    .map(|f| match f.as_str() {
                        "programId" => program.to_string(),
                        "id" => lead.id.to_string(),
                        f if is_member_field(f) => cell(&reads::value_of(&view, m, f)),
                        "createdAt" => lead.created_at.clone(),
                        "updatedAt" => lead.updated_at.clone(),
                        other => cell(lead.data.get(other).unwrap_or(&Value::Null)),
                    })
                    .collect();
                write_row(&mut buf, &row, delim);
                n += 1;
            }
            w.write(&buf)?;
        }
    }
    Ok(n)
}
