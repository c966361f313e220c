//! Writing an export's file when the job completes: the header row (REST names or `columnHeaderNames`), then
//! one row per lead, activity or object record, read from the store a page at a time and written in chunks, so memory stays
//! flat however large the file. Empty values are `null` (bulk-lead-extract.md). Date ranges are half open:
//! `startAt <= t < endAt`.

use super::delimited::write_row;
use super::export::{ExportJob, Selector};
use crate::model::schema::LeadSchema;
use crate::model::Model;
use crate::store::activities::{self as log, Selection};
use crate::store::bulk_files::{FileMeta, FileWriter};
use crate::store::leads::{self, Stamp, StoredLead};
use crate::store::objects::{self as records, FilterOn, StoredObject};
use crate::store::{lists, Db, StoreError};
use serde_json::{Map, Value};

/// Rows read from the store at a time.
const PAGE: usize = 1000;

/// The chunk-table key of an export's file.
pub fn file_key(export_id: &str) -> String {
    format!("export/{export_id}")
}

fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "null".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Write the file of `job`; returns the number of records and the file.
pub fn run(model: &Model, job: &ExportJob) -> Result<(u64, FileMeta), StoreError> {
    model.store().transaction(|db| {
        let mut w = FileWriter::create(db, &file_key(&job.id))?;
        let delim = job.format.export_delimiter();
        let mut buf = Vec::new();
        write_row(&mut buf, &job.headers, delim);
        w.write(&buf)?;
        let records = match &job.selector {
            Selector::Activities { .. } => activities(db, job, &mut w)?,
            Selector::ObjectsUpdated { .. } | Selector::ObjectsOfList { .. } => {
                objects(db, job, &mut w)?
            }
            Selector::ProgramMembers { .. } => {
                super::export_members::write(db, &model.schema(), job, &mut w)?
            }
            _ => leads(db, &model.schema(), job, &mut w)?,
        };
        Ok((records, w.finish()?))
    })
}

fn lead_page(db: &Db, sel: &Selector, after: i64) -> Result<Vec<StoredLead>, StoreError> {
    match sel {
        Selector::CreatedAt(s, e) => leads::in_range(db, Stamp::Created, (s, e), after, PAGE),
        Selector::UpdatedAt(s, e) => leads::in_range(db, Stamp::Updated, (s, e), after, PAGE),
        Selector::StaticList(list) => lists::members(db, *list, after, PAGE),
        _ => Ok(Vec::new()),
    }
}

fn leads(
    db: &Db,
    schema: &LeadSchema,
    job: &ExportJob,
    w: &mut FileWriter<'_>,
) -> Result<u64, StoreError> {
    let delim = job.format.export_delimiter();
    let mut after = 0;
    let mut n = 0u64;
    let mut buf = Vec::new();
    loop {
        let mut page = lead_page(db, &job.selector, after)?;
        crate::model::linked::overlay(db, schema, &mut page)?;
        let Some(last) = page.last() else { break };
        after = last.id;
        buf.clear();
        for lead in &page {
            let row: Vec<String> = job
                .fields
                .iter()
                .map(|f| match f.as_str() {
                    "id" => lead.id.to_string(),
                    "createdAt" => lead.created_at.clone(),
                    "updatedAt" => lead.updated_at.clone(),
                    other => cell(lead.data.get(other)),
                })
                .collect();
            write_row(&mut buf, &row, delim);
            n += 1;
        }
        w.write(&buf)?;
    }
    Ok(n)
}

fn activities(db: &Db, job: &ExportJob, w: &mut FileWriter<'_>) -> Result<u64, StoreError> {
    let Selector::Activities {
        start,
        end,
        type_ids,
        primary_ids,
        primary_values,
    } = &job.selector
    else {
        return Ok(0);
    };
    let delim = job.format.export_delimiter();
    let mut sel = Selection {
        since: start.clone(),
        until: Some(end.clone()),
        type_ids: type_ids.clone(),
        ..Selection::default()
    };
    let mut n = 0u64;
    let mut buf = Vec::new();
    loop {
        let page = log::select(db, &sel, PAGE)?;
        let Some(last) = page.last() else { break };
        sel.after_id = last.id;
        buf.clear();
        for a in &page {
            if !primary_ids.is_empty() && !a.primary_id.is_some_and(|p| primary_ids.contains(&p)) {
                continue;
            }
            if !primary_values.is_empty()
                && !a
                    .primary_value
                    .as_ref()
                    .is_some_and(|p| primary_values.contains(p))
            {
                continue;
            }
            let attributes: Map<String, Value> = a
                .attributes
                .iter()
                .map(|x| (x.name.clone(), x.value.clone()))
                .collect();
            let row: Vec<String> = job
                .fields
                .iter()
                .map(|f| match f.as_str() {
                    "marketoGUID" => a.id.to_string(),
                    "leadId" => a.lead_id.to_string(),
                    "activityDate" => a.at.clone(),
                    "activityTypeId" => a.type_id.to_string(),
                    "primaryAttributeValueId" => {
                        a.primary_id.map_or("null".into(), |p| p.to_string())
                    }
                    "primaryAttributeValue" => cell(
                        a.primary_value
                            .as_ref()
                            .map(|s| Value::from(s.as_str()))
                            .as_ref(),
                    ),
                    "attributes" => Value::Object(attributes.clone()).to_string(),
                    _ => "null".to_owned(),
                })
                .collect();
            write_row(&mut buf, &row, delim);
            n += 1;
        }
        w.write(&buf)?;
    }
    Ok(n)
}

/// One row of an object record: the GUID, times and field values.
fn object_row(job: &ExportJob, o: &StoredObject) -> Vec<String> {
    job.fields
        .iter()
        .map(|f| match f.as_str() {
            "marketoGUID" => o.guid.clone().unwrap_or_else(|| "null".to_owned()),
            "createdAt" => o.created_at.clone(),
            "updatedAt" => o.updated_at.clone(),
            other => cell(o.data.get(other)),
        })
        .collect()
}

/// The records of an object export: updated in a range, or linked to the members of a list (a page of members
/// at a time, each page's records in record order).
fn objects(db: &Db, job: &ExportJob, w: &mut FileWriter<'_>) -> Result<u64, StoreError> {
    let delim = job.format.export_delimiter();
    let (mut n, mut after, mut buf) = (0u64, 0, Vec::new());
    loop {
        let page: Vec<StoredObject> = match &job.selector {
            Selector::ObjectsUpdated { kind, start, end } => {
                let page = records::updated_in(db, kind, (start, end), after, PAGE)?;
                after = page.last().map_or(after, |o| o.id);
                if page.is_empty() {
                    break;
                }
                page
            }
            Selector::ObjectsOfList {
                kind,
                list,
                link,
                lead_field,
            } => {
                let members = lists::members(db, *list, after, PAGE)?;
                let Some(last) = members.last() else { break };
                after = last.id;
                // The link holds the lead's value as written, a number or its text: both forms, for the
                // whole page of members in one query.
                let keys: Vec<Value> = members
                    .iter()
                    .filter_map(|lead| match lead_field.as_str() {
                        "id" => Some(Value::from(lead.id)),
                        f => lead.data.get(f).filter(|v| !v.is_null()).cloned(),
                    })
                    .flat_map(|key| [Value::String(cell(Some(&key))), key])
                    .collect();
                records::filter(
                    db,
                    kind,
                    FilterOn::Field(link),
                    &Value::Array(keys),
                    0,
                    i64::MAX as usize,
                )?
            }
            _ => break,
        };
        buf.clear();
        for o in &page {
            write_row(&mut buf, &object_row(job, o), delim);
            n += 1;
        }
        w.write(&buf)?;
    }
    Ok(n)
}
