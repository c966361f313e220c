//! Activities: `GET /rest/v1/activities/types.json`, `pagingtoken.json?sinceDatetime=`, `activities.json`
//! (`nextPageToken` and `activityTypeIds` required; `leadIds` or `listId`; `batchSize`) and
//! `leadchanges.json` (`nextPageToken` and `fields` required). The paged reads always carry `nextPageToken`
//! and `moreResult`.

use super::{batch_size, ok, Call};
use crate::activities::query::{self, ActivityPage, Scope};
use crate::activities::types;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::state::AppState;
use marketo_types::envelope::Envelope;
use serde_json::Value;

/// The activity reads.
pub const ROUTES: &[Route] = &[
    Route::get(
        "/rest/v1/activities/types.json",
        "Get Activity Types",
        activity_types,
    ),
    Route::get(
        "/rest/v1/activities/pagingtoken.json",
        "Get Paging Token",
        paging_token,
    ),
    Route::get(
        "/rest/v1/activities.json",
        "Get Lead Activities",
        lead_activities,
    )
    .blocking(),
    Route::get(
        "/rest/v1/activities/leadchanges.json",
        "Get Lead Changes",
        lead_changes,
    )
    .blocking(),
];

fn page_reply<T: serde::Serialize>(request_id: String, page: ActivityPage<T>) -> Reply {
    let n = page.items.len();
    let mut env = Envelope::ok(request_id, page.items);
    env.next_page_token = Some(page.next_page_token);
    env.more_result = Some(page.more_result);
    Reply::envelope(&env, n)
}

fn activity_types(_state: &AppState, call: Call) -> Result<Reply, Failure> {
    Ok(ok(&call, types::describe()))
}

fn paging_token(_state: &AppState, call: Call) -> Result<Reply, Failure> {
    let token = query::paging_token(call.params.required("sinceDatetime")?)?;
    let mut env: Envelope<Value> = Envelope::ok(call.request_id, Vec::new());
    env.result = None;
    env.next_page_token = Some(token);
    Ok(Reply::envelope(&env, 0))
}

/// `nextPageToken` (required), `leadIds` or `listId`, `batchSize`.
fn scope(call: &Call) -> Result<(String, Scope), Failure> {
    let p = &call.params;
    let token = p.required("nextPageToken")?.to_owned();
    let scope = Scope {
        lead_ids: p.ids("leadIds")?,
        list_id: p.int("listId")?,
        batch_size: batch_size(p)?,
    };
    Ok((token, scope))
}

fn lead_activities(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (token, scope) = scope(&call)?;
    call.params.required("activityTypeIds")?;
    let type_ids = call.params.ids("activityTypeIds")?;
    let page = query::activities(&state.model, &token, &type_ids, &scope)?;
    Ok(page_reply(call.request_id, page))
}

fn lead_changes(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (token, scope) = scope(&call)?;
    call.params.required("fields")?;
    let fields = call.params.list("fields");
    let page = query::lead_changes(&state.model, &token, &fields, &scope)?;
    Ok(page_reply(call.request_id, page))
}
