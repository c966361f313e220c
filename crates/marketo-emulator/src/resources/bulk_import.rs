//! Bulk Lead Import: `POST /bulk/v1/leads.json` (multipart: `file`, `format`, `lookupField`, `listId`,
//! `partitionName`), `GET /bulk/v1/leads/batch/{batchId}.json`, and its `failures.json` / `warnings.json` files.

use super::{bulk_file, ok, Call};
use crate::bulk::{ImportFile, ImportRequest};
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::state::AppState;

/// The bulk lead import operations.
pub const ROUTES: &[Route] = &[
    Route::post("/bulk/v1/leads.json", "Import Leads", submit)
        .body(BodyKind::Multipart)
        .bulk_body(),
    Route::get(
        "/bulk/v1/leads/batch/{batchId}.json",
        "Get Import Lead Status",
        status,
    )
    .blocking(),
    Route::get(
        "/bulk/v1/leads/batch/{batchId}/failures.json",
        "Get Import Lead Failures",
        failures,
    )
    .blocking(),
    Route::get(
        "/bulk/v1/leads/batch/{batchId}/warnings.json",
        "Get Import Lead Warnings",
        warnings,
    )
    .blocking(),
];

/// `POST /bulk/v1/leads.json`: the `Queued` job (`batchId`, `importId`, `status`).
fn submit(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let file = upload(state, &call)?;
    let p = &call.params;
    let text = |name: &str| p.get(name).map(str::to_owned);
    let req = ImportRequest {
        owner: call.user.client_id.clone(),
        partitions: call.user.partitions.clone(),
        format: text("format"),
        lookup_field: text("lookupField"),
        list_id: p.int("listId")?,
        partition_name: text("partitionName"),
        file,
    };
    let entry = state.bulk.submit_import(&state.model, req, call.now)?;
    Ok(ok(&call, vec![entry]))
}

/// The `file` part of an import (1002 without one, 413 past the bulk import limit).
pub(super) fn upload(state: &AppState, call: &Call) -> Result<bytes::Bytes, Failure> {
    let file = call
        .upload
        .clone()
        .ok_or_else(|| Failure::code(1002, &["file"]))?;
    if file.len() > state.config.bulk.max_import_bytes {
        return Err(Failure::Http(413));
    }
    Ok(file)
}

/// `GET /bulk/v1/leads/batch/{batchId}.json`
fn status(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("batchId");
    let entry = state
        .bulk
        .import_status(&state.model, &call.user.client_id, id, call.now)?;
    Ok(ok(&call, vec![entry]))
}

fn file(state: &AppState, call: &Call, which: ImportFile) -> Result<Reply, Failure> {
    let id = call.path.int("batchId");
    let served = state.bulk.import_file(
        &state.model,
        (&call.user.client_id, None),
        id,
        which,
        call.now,
    )?;
    Ok(bulk_file::serve(&state.model, served, None))
}

/// `GET /bulk/v1/leads/batch/{batchId}/failures.json`
fn failures(state: &AppState, call: Call) -> Result<Reply, Failure> {
    file(state, &call, ImportFile::Failures)
}

/// `GET /bulk/v1/leads/batch/{batchId}/warnings.json`
fn warnings(state: &AppState, call: Call) -> Result<Reply, Failure> {
    file(state, &call, ImportFile::Warnings)
}
