//! Create Export Custom Object Job: the request checked into a job in the `Created` state
//! (bulk-custom-object-extract.md).
//!
//! Checks, in order: `format` (1003), `fields` (required, 1002; each a field of the type or `marketoGUID`,
//! `createdAt`, `updatedAt`, 1006), `columnHeaderNames` keys among the fields (1003), the filter: exactly one of
//! `updatedAt` (at most 31 days), `staticListId`, `staticListName`, `smartListId`, `smartListName` (1003),
//! 1035 for one the subscription does not support (`[bulk] unsupported_export_filters`, shared with leads),
//! the list named (1013). A list filter selects the records linked to the list's leads, so it needs a type with
//! a link to leads; without one the call is 1003 [INF: the docs only say the export is of lead-linked records].

use super::config::BulkConfig;
use super::errors::{self, invalid};
use super::export::{ExportJob, ExportKind, Selector};
use super::export_create::{fields, filter, format, headers, job, range, static_list};
use crate::engine::ObjectSchema;
use crate::model::Model;
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use serde_json::Value;

/// The message of a list filter on a type that has no link to leads [INF].
pub const NOT_LEAD_LINKED: &str = "Custom object is not linked to leads";

/// Check a create request for the records of `schema` and build the job.
pub fn create(
    model: &Model,
    config: &BulkConfig,
    schema: &ObjectSchema,
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
    let known = |f: &str| {
        matches!(f, "marketoGUID" | "createdAt" | "updatedAt") || schema.field(f).is_some()
    };
    if let Some(bad) = fields.iter().find(|f| !known(f)) {
        return Err(ApiError::new(1006, format!("Field '{bad}' not found")));
    }
    let headers = headers(body, &fields)?;
    let filter = filter(body)?;
    const TYPES: &[&str] = &[
        "updatedAt",
        "staticListId",
        "staticListName",
        "smartListId",
        "smartListName",
    ];
    let mut entries = filter.iter();
    let (name, v) = match (entries.next(), entries.next()) {
        (Some(one), None) if TYPES.contains(&one.0.as_str()) => one,
        _ => return Err(invalid(errors::ONE_FILTER)),
    };
    if !config.supports_filter(name) {
        return Err(ApiError::catalogued(1035, &[]));
    }
    let kind = schema.kind.clone();
    let selector = match name.as_str() {
        "updatedAt" => {
            let (start, end) = range(v)?;
            Selector::ObjectsUpdated { kind, start, end }
        }
        "staticListId" | "staticListName" => {
            let link = schema
                .relationships
                .iter()
                .find(|r| r.related_name.eq_ignore_ascii_case("lead"))
                .ok_or_else(|| invalid(NOT_LEAD_LINKED))?;
            Selector::ObjectsOfList {
                kind,
                list: static_list(model, name, v)?,
                link: link.field.clone(),
                lead_field: link.related_field.clone(),
            }
        }
        // The emulator has no smart lists: a supported smart list filter names one that does not exist.
        _ => return Err(errors::not_found()),
    };
    let kind = ExportKind::CustomObject(schema.name.clone());
    Ok(job(&kind, owner, format, (fields, headers), selector, now))
}
