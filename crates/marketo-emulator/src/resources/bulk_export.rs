//! Bulk Extract for leads and activities: `POST /bulk/v1/{leads|activities}/export/create.json`,
//! `.../{exportId}/enqueue.json`, `.../cancel.json`, `GET .../status.json`, `.../file.json` (200, 206 with a
//! `Range`, or a plain-text 404 until `Completed`), and `GET /bulk/v1/{leads|activities}/export.json?status=`.

use super::{bulk_file, ok, Call};
use crate::bulk::ExportKind;
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::state::AppState;
use serde_json::Value;

/// The export operations of one kind of job, each handler given its kind.
macro_rules! export_routes {
    ($prefix:literal, $kind:expr, $what:literal) => {
        [
            Route::post(
                concat!($prefix, "/export/create.json"),
                concat!("Create Export ", $what, " Job"),
                |s, c| create(s, c, &$kind),
            )
            .reads(),
            Route::get(
                concat!($prefix, "/export.json"),
                concat!("Get Export ", $what, " Jobs"),
                |s, c| list(s, c, &$kind),
            )
            .blocking(),
            Route::post(
                concat!($prefix, "/export/{exportId:str}/enqueue.json"),
                concat!("Enqueue Export ", $what, " Job"),
                |s, c| job(s, c, &$kind, Action::Enqueue),
            )
            .body(BodyKind::None)
            .reads(),
            Route::post(
                concat!($prefix, "/export/{exportId:str}/cancel.json"),
                concat!("Cancel Export ", $what, " Job"),
                |s, c| job(s, c, &$kind, Action::Cancel),
            )
            .body(BodyKind::None)
            .reads(),
            Route::get(
                concat!($prefix, "/export/{exportId:str}/status.json"),
                concat!("Get Export ", $what, " Job Status"),
                |s, c| job(s, c, &$kind, Action::Status),
            )
            .blocking(),
            Route::get(
                concat!($prefix, "/export/{exportId:str}/file.json"),
                concat!("Get Export ", $what, " File"),
                |s, c| file(s, c, &$kind),
            )
            .blocking(),
        ]
    };
}

const LEADS: [Route; 6] = export_routes!("/bulk/v1/leads", ExportKind::Leads, "Lead");
const ACTIVITIES: [Route; 6] =
    export_routes!("/bulk/v1/activities", ExportKind::Activities, "Activity");

/// The lead and activity export operations.
pub const ROUTES: &[Route] = &[
    LEADS[0],
    LEADS[1],
    LEADS[2],
    LEADS[3],
    LEADS[4],
    LEADS[5],
    ACTIVITIES[0],
    ACTIVITIES[1],
    ACTIVITIES[2],
    ACTIVITIES[3],
    ACTIVITIES[4],
    ACTIVITIES[5],
];

#[derive(Debug, Clone, Copy)]
pub(super) enum Action {
    Enqueue,
    Cancel,
    Status,
}

/// Create Export Job: the `Created` entry.
fn create(state: &AppState, call: Call, kind: &ExportKind) -> Result<Reply, Failure> {
    let body = call.json.clone().unwrap_or(Value::Null);
    let entry =
        state
            .bulk
            .create_export(&state.model, kind, &call.user.client_id, &body, call.now)?;
    Ok(ok(&call, vec![entry]))
}

/// Get Export Jobs: this user's jobs of the past 7 days, optionally of the `status` values given.
pub(super) fn list(state: &AppState, call: Call, kind: &ExportKind) -> Result<Reply, Failure> {
    let statuses = call.params.list("status");
    let jobs = state.bulk.list_exports(
        &state.model,
        kind,
        &call.user.client_id,
        &statuses,
        call.now,
    )?;
    Ok(ok(&call, jobs))
}

/// Enqueue, cancel, status.
pub(super) fn job(
    state: &AppState,
    call: Call,
    kind: &ExportKind,
    action: Action,
) -> Result<Reply, Failure> {
    let (bulk, model, now) = (&state.bulk, &state.model, call.now);
    let (owner, id) = (call.user.client_id.as_str(), call.path.text("exportId"));
    let entry = match action {
        Action::Enqueue => bulk.enqueue(model, kind, owner, id, now),
        Action::Cancel => bulk.cancel(model, kind, owner, id, now),
        Action::Status => bulk.export_status(model, kind, owner, id, now),
    }?;
    Ok(ok(&call, vec![entry]))
}

/// The file: 200, 206 for a `Range`, or the plain-text 404 until it is ready.
pub(super) fn file(state: &AppState, call: Call, kind: &ExportKind) -> Result<Reply, Failure> {
    let id = call.path.text("exportId");
    let served = state
        .bulk
        .export_file(&state.model, kind, &call.user.client_id, id, call.now)?;
    Ok(match served {
        Some(f) => bulk_file::serve(&state.model, f, call.range.as_deref()),
        None => bulk_file::not_found(),
    })
}
