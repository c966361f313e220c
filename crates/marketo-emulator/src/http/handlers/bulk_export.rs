//! Bulk Extract for leads and activities: `POST /bulk/v1/{leads|activities}/export/create.json`,
//! `.../{exportId}/enqueue.json`, `.../cancel.json`, `GET .../status.json`, `.../file.json` (200, 206 with a
//! `Range`, or a plain-text 404 until `Completed`), and `GET /bulk/v1/{leads|activities}/export.json?status=`.

use super::bulk_import::off_runtime;
use super::{file, Call};
use crate::bulk::ExportKind;
use crate::http::error::{Failure, Reply};
use crate::http::routes::ExportAction;
use crate::state::AppState;
use marketo_types::envelope::Envelope;
use serde_json::Value;
use uuid::Uuid;

/// Create Export Job: the `Created` entry.
pub async fn create(state: &AppState, call: Call, kind: ExportKind) -> Result<Reply, Failure> {
    let body = call.json.unwrap_or(Value::Null);
    let owner = call.user.client_id.clone();
    let now = call.now;
    let entry = off_runtime(state, move |s| {
        s.bulk.create_export(&s.model, kind, &owner, &body, now)
    })
    .await?;
    Ok(Reply::envelope(
        &Envelope::ok(call.request_id, vec![entry]),
        1,
    ))
}

/// Get Export Jobs: this user's jobs of the past 7 days, optionally of the `status` values given.
pub async fn list(state: &AppState, call: Call, kind: ExportKind) -> Result<Reply, Failure> {
    let statuses = call.params.list("status");
    let owner = call.user.client_id.clone();
    let now = call.now;
    let jobs = off_runtime(state, move |s| {
        s.bulk.list_exports(&s.model, kind, &owner, &statuses, now)
    })
    .await?;
    let n = jobs.len();
    Ok(Reply::envelope(&Envelope::ok(call.request_id, jobs), n))
}

/// Enqueue, cancel, status, file.
pub async fn job(
    state: &AppState,
    call: Call,
    kind: ExportKind,
    id: Uuid,
    action: ExportAction,
) -> Result<Reply, Failure> {
    let owner = call.user.client_id.clone();
    let now = call.now;
    let id = id.to_string();
    if action == ExportAction::File {
        let served = off_runtime(state, move |s| {
            Ok(s.bulk.export_file(&s.model, kind, &owner, &id, now))
        })
        .await?;
        return Ok(match served {
            Some(f) => file::serve(&state.model, f, call.range.as_deref()),
            None => file::not_found(),
        });
    }
    let entry = off_runtime(state, move |s| {
        let (bulk, model) = (&s.bulk, &s.model);
        match action {
            ExportAction::Enqueue => bulk.enqueue(model, kind, &owner, &id, now),
            ExportAction::Cancel => bulk.cancel(model, kind, &owner, &id, now),
            _ => bulk.export_status(model, kind, &owner, &id, now),
        }
    })
    .await?;
    Ok(Reply::envelope(
        &Envelope::ok(call.request_id, vec![entry]),
        1,
    ))
}
