//! Bulk program members: Bulk Program Member Extract (`/bulk/v1/program/members/export/...`), on the lead,
//! activity and custom object exports' queue, states, file serving and limits (1029). The checks of a create
//! are [`crate::bulk::export_members`]'s.

use super::bulk_export::{file, job, list, Action};
use super::{ok, Call};
use crate::bulk::ExportKind;
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::state::AppState;
use serde_json::Value;

const KIND: ExportKind = ExportKind::ProgramMembers;

/// The bulk program member operations.
pub const ROUTES: &[Route] = &[
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
