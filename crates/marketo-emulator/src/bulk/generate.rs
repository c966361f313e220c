//! Writing an export's file when the job completes: the header row (REST names or `columnHeaderNames`), then
//! one row per lead or activity, read from the store a page at a time and written in chunks, so memory stays
//! flat however large the file. Empty values are `null` (bulk-lead-extract.md). Date ranges are half open:
//! `startAt <= t < endAt`.

use super::delimited::write_row;
use super::export::{ExportJob, Selector};
use super::files::{FileMeta, FileWriter};
use crate::activities::log::{self, Selection};
use crate::model::Model;
use crate::store::StoreError;
use rusqlite::{params, Connection};
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
            _ => leads(db, job, &mut w)?,
        };
        Ok((records, w.finish()?))
    })
}

type LeadRow = (i64, String, String, String);

fn lead_page(db: &Connection, sel: &Selector, after: i64) -> Result<Vec<LeadRow>, StoreError> {
    let limit = PAGE as i64;
    let (sql, a, b) = match sel {
        Selector::CreatedAt(s, e) => (
            "SELECT id, created_at, updated_at, data FROM leads WHERE id > ?1 AND created_at >= ?2 \
             AND created_at < ?3 ORDER BY id LIMIT ?4",
            Value::from(s.as_str()),
            Value::from(e.as_str()),
        ),
        Selector::UpdatedAt(s, e) => (
            "SELECT id, created_at, updated_at, data FROM leads WHERE id > ?1 AND updated_at >= ?2 \
             AND updated_at < ?3 ORDER BY id LIMIT ?4",
            Value::from(s.as_str()),
            Value::from(e.as_str()),
        ),
        Selector::StaticList(list) => (
            "SELECT l.id, l.created_at, l.updated_at, l.data FROM list_members m JOIN leads l ON l.id = m.lead_id \
             WHERE l.id > ?1 AND m.list_id = ?2 AND ?3 IS NOT NULL ORDER BY l.id LIMIT ?4",
            Value::from(*list),
            Value::from(0),
        ),
        Selector::Activities { .. } => return Ok(Vec::new()),
    };
    let sql_value = |v: &Value| -> rusqlite::types::Value {
        match v {
            Value::Number(n) => rusqlite::types::Value::Integer(n.as_i64().unwrap_or(0)),
            other => rusqlite::types::Value::Text(other.as_str().unwrap_or_default().to_owned()),
        }
    };
    let mut stmt = db.prepare_cached(sql)?;
    let rows = stmt.query_map(params![after, sql_value(&a), sql_value(&b), limit], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn leads(db: &Connection, job: &ExportJob, w: &mut FileWriter<'_>) -> Result<u64, StoreError> {
    let delim = job.format.export_delimiter();
    let mut after = 0;
    let mut n = 0u64;
    let mut buf = Vec::new();
    loop {
        let page = lead_page(db, &job.selector, after)?;
        let Some(last) = page.last() else { break };
        after = last.0;
        buf.clear();
        for (id, created, updated, data) in &page {
            let data: Map<String, Value> = serde_json::from_str(data)?;
            let row: Vec<String> = job
                .fields
                .iter()
                .map(|f| match f.as_str() {
                    "id" => id.to_string(),
                    "createdAt" => created.clone(),
                    "updatedAt" => updated.clone(),
                    other => cell(data.get(other)),
                })
                .collect();
            write_row(&mut buf, &row, delim);
            n += 1;
        }
        w.write(&buf)?;
    }
    Ok(n)
}

fn activities(db: &Connection, job: &ExportJob, w: &mut FileWriter<'_>) -> Result<u64, StoreError> {
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
                .as_array()
                .map(|list| {
                    list.iter()
                        .filter_map(|x| Some((x["name"].as_str()?.to_owned(), x["value"].clone())))
                        .collect()
                })
                .unwrap_or_default();
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
