//! Bulk custom objects: Import Custom Objects (`/bulk/v1/customobjects/{apiName}/import.json`, its status,
//! failures and warnings), on the lead imports' queue and limits (1016, 413 past 10 MB); and Bulk Extract of
//! custom object records (`.../export/...`), on the lead and activity exports' queue, states, file serving and
//! limits (1029), selected by update time or by the static list their linked leads are in. With
//! `[custom_objects] enabled = false` every call answers 1026; a name that is no approved type is 1013.

use super::bulk_export::{file, job, list, Action};
use super::bulk_import::upload;
use super::custom_objects::guard;
use super::{bulk_file, ok, Call};
use crate::bulk::{ExportKind, ImportFile};
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::state::AppState;
use serde_json::Value;

/// The bulk custom object operations.
pub const ROUTES: &[Route] = &[
    Route::post(
        "/bulk/v1/customobjects/{apiName:str}/import.json",
        "Import Custom Objects",
        submit,
    )
    .body(BodyKind::Multipart)
    .bulk_body(),
    Route::get(
        "/bulk/v1/customobjects/{apiName:str}/import/{batchId}/status.json",
        "Get Import Custom Object Status",
        status,
    )
    .blocking(),
    Route::get(
        "/bulk/v1/customobjects/{apiName:str}/import/{batchId}/failures.json",
        "Get Import Custom Object Failures",
        |s, c| import_file(s, c, ImportFile::Failures),
    )
    .blocking(),
    Route::get(
        "/bulk/v1/customobjects/{apiName:str}/import/{batchId}/warnings.json",
        "Get Import Custom Object Warnings",
        |s, c| import_file(s, c, ImportFile::Warnings),
    )
    .blocking(),
    Route::post(
        "/bulk/v1/customobjects/{apiName:str}/export/create.json",
        "Create Export Custom Object Job",
        create,
    )
    .reads(),
    Route::get(
        "/bulk/v1/customobjects/{apiName:str}/export.json",
        "Get Export Custom Object Jobs",
        |s, c| with_kind(s, c, list),
    )
    .blocking(),
    Route::post(
        "/bulk/v1/customobjects/{apiName:str}/export/{exportId:str}/enqueue.json",
        "Enqueue Export Custom Object Job",
        |s, c| with_kind(s, c, |s, c, k| job(s, c, k, Action::Enqueue)),
    )
    .body(BodyKind::None)
    .reads(),
    Route::post(
        "/bulk/v1/customobjects/{apiName:str}/export/{exportId:str}/cancel.json",
        "Cancel Export Custom Object Job",
        |s, c| with_kind(s, c, |s, c, k| job(s, c, k, Action::Cancel)),
    )
    .body(BodyKind::None)
    .reads(),
    Route::get(
        "/bulk/v1/customobjects/{apiName:str}/export/{exportId:str}/status.json",
        "Get Export Custom Object Job Status",
        |s, c| with_kind(s, c, |s, c, k| job(s, c, k, Action::Status)),
    )
    .blocking(),
    Route::get(
        "/bulk/v1/customobjects/{apiName:str}/export/{exportId:str}/file.json",
        "Get Export Custom Object File",
        |s, c| with_kind(s, c, file),
    )
    .blocking(),
];

/// Run `f` for the export kind of the type the path names, once custom objects are enabled.
fn with_kind(
    state: &AppState,
    call: Call,
    f: impl FnOnce(&AppState, Call, &ExportKind) -> Result<Reply, Failure>,
) -> Result<Reply, Failure> {
    guard(state, false)?;
    let kind = ExportKind::CustomObject(call.path.text("apiName").to_owned());
    f(state, call, &kind)
}

/// Create Export Custom Object Job: the type must be an approved one.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state, false)?;
    let schema = state
        .objects
        .custom(call.path.text("apiName"))
        .ok_or_else(|| Failure::code(1013, &[]))?;
    let body = call.json.clone().unwrap_or(Value::Null);
    let entry = state.bulk.create_object_export(
        &state.model,
        &schema,
        &call.user.client_id,
        &body,
        call.now,
    )?;
    Ok(ok(&call, vec![entry]))
}

/// Import Custom Objects: the file (multipart `file`, `format` csv/tsv/ssv) of an approved type, queued.
fn submit(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state, false)?;
    let api = call.path.text("apiName");
    let def = state
        .objects
        .with_catalog(|c| c.get(api).ok().and_then(|t| t.approved.clone()))
        .ok_or_else(|| Failure::code(1013, &[]))?;
    let file = upload(state, &call)?;
    let owner = &call.user.client_id;
    let format = call.params.get("format");
    let entry =
        state
            .bulk
            .submit_object_import(&state.model, def, owner, format, &file, call.now)?;
    Ok(ok(&call, vec![entry]))
}

/// Get Import Custom Object Status.
fn status(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state, false)?;
    let who = (call.user.client_id.as_str(), call.path.text("apiName"));
    let entry =
        state
            .bulk
            .object_import_status(&state.model, who, call.path.int("batchId"), call.now)?;
    Ok(ok(&call, vec![entry]))
}

/// Get Import Custom Object Failures / Warnings: the file (only a header until the import is done).
fn import_file(state: &AppState, call: Call, which: ImportFile) -> Result<Reply, Failure> {
    guard(state, false)?;
    let who = (
        call.user.client_id.as_str(),
        Some(call.path.text("apiName")),
    );
    let id = call.path.int("batchId");
    let served = state
        .bulk
        .import_file(&state.model, who, id, which, call.now)?;
    Ok(bulk_file::serve(&state.model, served, None))
}
