//! Static list membership: members, add, remove, is-member (`/rest/v1/lists/{listId}/leads.json`,
//! `.../ismember.json`, and the legacy `/rest/v1/list/{listId}/leads.json`).

use super::leads::ids;
use super::{batch_size, ok, page_reply, Call};
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::state::AppState;

/// The list membership operations.
pub const ROUTES: &[Route] = &[
    Route::get(
        "/rest/v1/lists/{listId}/leads.json",
        "Get Leads By List Id",
        members,
    ),
    Route::post("/rest/v1/lists/{listId}/leads.json", "Add to List", add)
        .body(crate::http::router::BodyKind::OptionalJson)
        .records(),
    Route::delete(
        "/rest/v1/lists/{listId}/leads.json",
        "Remove from List",
        remove,
    )
    .records(),
    Route::get(
        "/rest/v1/list/{listId}/leads.json",
        "Get Leads By List Id (legacy)",
        members,
    ),
    Route::get(
        "/rest/v1/lists/{listId}/leads/ismember.json",
        "Member of List",
        is_member,
    ),
];

/// `GET /rest/v1/lists/{listId}/leads.json?fields=&batchSize=&nextPageToken=`
fn members(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let fields = p.fields();
    let page = state.model.list_members(
        call.path.int("listId"),
        fields.as_deref(),
        batch_size(p)?,
        p.get("nextPageToken"),
    )?;
    Ok(page_reply(&call.request_id, page))
}

/// `POST /rest/v1/lists/{listId}/leads.json`
fn add(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let list = call.path.int("listId");
    let result = state
        .model
        .list_add(list, &ids, call.held.as_ref(), call.now)?;
    Ok(ok(&call, result))
}

/// `DELETE /rest/v1/lists/{listId}/leads.json`
fn remove(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let list = call.path.int("listId");
    let result = state
        .model
        .list_remove(list, &ids, call.held.as_ref(), call.now)?;
    Ok(ok(&call, result))
}

/// `GET /rest/v1/lists/{listId}/leads/ismember.json?id=`
fn is_member(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let result = state.model.list_is_member(call.path.int("listId"), &ids)?;
    Ok(ok(&call, result))
}
