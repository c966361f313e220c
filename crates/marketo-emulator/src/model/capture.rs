//! Push Lead to Marketo and Submit Form: upserts like Sync Leads (createOrUpdate), each recording the activity
//! a form or a push records (Push Lead to Marketo with the program, Fill Out Form with the form and the visit).
//!
//! | answer | when |
//! |---|---|
//! | 1002 | Push without `programName`; Submit Form without `formId` |
//! | 1003 "Invalid data" | Submit Form with other than one `input` record |
//! | skipped 1003 "Invalid value for field 'email'" | a form submission without an email |
//! | 1012 | a malformed Munchkin `cookie` on a form submission |
//!
//! The program and form are not checked against programs and forms [INF: the emulator's Asset API holds them
//! apart]; everything else (fields, values, partitions, the lookup field) is Sync Leads' own checks.

use super::format_time;
use super::schema::LeadSchema;
use super::sync::{self, SyncLeads};
use crate::activities::record;
use crate::fault::records::Held;
use crate::store::Store;
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde_json::{Map, Value};

/// A Push Lead call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PushLeads {
    /// `programName` (required).
    pub program_name: Option<String>,
    /// `source`.
    pub source: Option<String>,
    /// `reason`.
    pub reason: Option<String>,
    /// `lookupField` (default email).
    pub lookup_field: Option<String>,
    /// `partitionName`.
    pub partition_name: Option<String>,
    /// The leads.
    pub input: Vec<Value>,
    /// The API user's partitions.
    pub allowed_partitions: Option<Vec<String>>,
    /// Records a record-level fault holds back.
    pub held: Option<Held>,
}

/// One form submission.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormEntry {
    /// `leadFormFields`.
    pub fields: Map<String, Value>,
    /// `visitorData`.
    pub visit: Map<String, Value>,
    /// `cookie`.
    pub cookie: Option<String>,
}

fn applied(r: &RecordResult) -> Option<i64> {
    matches!(r.status, RecordStatus::Created | RecordStatus::Updated)
        .then_some(r.id)
        .flatten()
}

/// Push Lead to Marketo.
pub(super) fn push(
    schema: &LeadSchema,
    store: &Store,
    req: &PushLeads,
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    let program = match req.program_name.as_deref().map(str::trim) {
        Some(p) if !p.is_empty() => p.to_owned(),
        _ => return Err(ApiError::catalogued(1002, &["programName"])),
    };
    let sync = SyncLeads {
        action: None,
        lookup_field: req.lookup_field.clone(),
        partition_name: req.partition_name.clone(),
        input: req.input.clone(),
        allowed_partitions: req.allowed_partitions.clone(),
        held: req.held,
    };
    let results = sync::run(schema, store, &sync, now)?;
    let at = format_time(now);
    store.transaction(|db| {
        for id in results.iter().filter_map(applied) {
            record::pushed(
                db,
                id,
                &program,
                req.source.as_deref(),
                req.reason.as_deref(),
                &at,
            )?;
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(results)
}

/// Submit Form: one submission, upserted by email.
pub(super) fn submit(
    schema: &LeadSchema,
    store: &Store,
    form_id: Option<i64>,
    input: &[FormEntry],
    now: DateTime<Utc>,
) -> Result<Vec<RecordResult>, ApiError> {
    let form_id = form_id.ok_or_else(|| ApiError::catalogued(1002, &["formId"]))?;
    let [entry] = input else {
        return Err(super::errors::invalid_data());
    };
    if let Some(cookie) = &entry.cookie {
        if !super::filter::is_munchkin_cookie(cookie) {
            return Err(ApiError::catalogued(1012, &[cookie]));
        }
    }
    let has_email = entry
        .fields
        .get("email")
        .and_then(Value::as_str)
        .is_some_and(|e| !e.trim().is_empty());
    if !has_email {
        return Ok(vec![RecordResult::skipped(
            None,
            super::errors::invalid_value("email"),
        )]);
    }
    let sync = SyncLeads::new(vec![Value::Object(entry.fields.clone())]);
    let results = sync::run(schema, store, &sync, now)?;
    let at = format_time(now);
    if let Some(id) = results.first().and_then(applied) {
        store.transaction(|db| {
            record::form_filled(db, id, form_id, &entry.fields, &entry.visit, &at)?;
            Ok::<_, ApiError>(())
        })?;
        if let Some(cookie) = &entry.cookie {
            super::leads::associate(store, id, cookie, &at)?;
        }
    }
    Ok(results)
}
