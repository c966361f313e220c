//! Bulk program members: Import Program Members (`/bulk/v1/program/{programId}/members/import.json`, its
//! status, failures and warnings) on the lead imports' queue and limits (1016, 413 past 10 MB), and Bulk
//! Program Member Extract (`/bulk/v1/program/members/export/...`), on the lead,
//! activity and custom object exports' queue, states, file serving and limits (1029). The checks of a create
//! are [`crate::bulk::export_members`]'s.

use super::bulk_export::{file, job, list, Action};
use super::bulk_import::upload;
use super::{bulk_file, ok, Call};
use crate::bulk::{ExportKind, ImportFile};
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::state::AppState;
use serde_json::Value;

const KIND: ExportKind = ExportKind::ProgramMembers;

/// The bulk program member operations.
pub const ROUTES: &[Route] = &[
    Route::post(
        "/bulk/v1/program/{programId}/members/import.json",
        "Import Program Members",
        submit,
    )
    .body(BodyKind::Multipart)
    .bulk_body(),
    Route::get(
        "/bulk/v1/program/members/import/{batchId}/status.json",
        "Get Import Program Member Status",
        status,
    )
    .blocking(),
    Route::get(
        "/bulk/v1/program/members/import/{batchId}/failures.json",
        "Get Import Program Member Failures",
        |s, c| import_file(s, c, ImportFile::Failures),
    )
    .blocking(),
    Route::get(
        "/bulk/v1/program/members/import/{batchId}/warnings.json",
        "Get Import Program Member Warnings",
        |s, c| import_file(s, c, ImportFile::Warnings),
    )
    .blocking(),
    Route::post(
        "/bulk/v1/program/members/export/create.json",
        "Create Export Program Member Job",
        create,
    )
    .reads(),
    Route::get(
        "/bulk/v1/program/members/export.json",
        "Get Export Program Member Jobs",
        |s, c| list(s, c, &KIND),
    )
    .blocking(),
    Route::post(
        "/bulk/v1/program/members/export/{exportId:str}/enqueue.json",
        "Enqueue Export Program Member Job",
        |s, c| job(s, c, &KIND, Action::Enqueue),
    )
    .body(BodyKind::None)
    .reads(),
    Route::post(
        "/bulk/v1/program/members/export/{exportId:str}/cancel.json",
        "Cancel Export Program Member Job",
        |s, c| job(s, c, &KIND, Action::Cancel),
    )
    .body(BodyKind::None)
    .reads(),
    Route::get(
        "/bulk/v1/program/members/export/{exportId:str}/status.json",
        "Get Export Program Member Job Status",
        |s, c| job(s, c, &KIND, Action::Status),
    )
    .blocking(),
    Route::get(
        "/bulk/v1/program/members/export/{exportId:str}/file.json",
        "Get Export Program Member File",
        |s, c| file(s, c, &KIND),
    )
    .blocking(),
];

/// Create Export Program Member Job: the `Created` entry.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let body = call.json.clone().unwrap_or(Value::Null);
    let entry =
        state
            .bulk
            .create_member_export(&state.model, &call.user.client_id, &body, call.now)?;
    Ok(ok(&call, vec![entry]))
}

/// Import Program Members: the file (multipart `file`, `format`, `programMemberStatus`), queued.
fn submit(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let file = upload(state, &call)?;
    let p = &call.params;
    let entry = state.bulk.submit_member_import(
        &state.model,
        &call.user.client_id,
        call.path.int("programId"),
        p.get("programMemberStatus"),
        p.get("format"),
        &file,
        call.now,
    )?;
    Ok(ok(&call, vec![entry]))
}

/// Get Import Program Member Status.
fn status(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = call.path.int("batchId");
    let entry = state
        .bulk
        .import_status(&state.model, &call.user.client_id, id, call.now)?;
    Ok(ok(&call, vec![entry]))
}

/// Get Import Program Member Failures / Warnings: the file (only a header until the import is done).
fn import_file(state: &AppState, call: Call, which: ImportFile) -> Result<Reply, Failure> {
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
