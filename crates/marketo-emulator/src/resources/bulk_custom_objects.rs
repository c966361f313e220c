//! Bulk Extract of custom object records (`/bulk/v1/customobjects/{apiName}/export/...`): the same queue,
//! states, file serving and limits as the lead and activity exports, for the records of one approved custom
//! object type, selected by update time or by the static list their linked leads are in. With `[custom_objects]
//! enabled = false` every call answers 1026; a name that is no approved type is 1013.

use super::bulk_export::{file, job, list, Action};
use super::custom_objects::guard;
use super::{ok, Call};
use crate::bulk::ExportKind;
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::state::AppState;
use serde_json::Value;

/// The custom object export operations.
pub const ROUTES: &[Route] = &[
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
