//! Named account list membership: Get, Add and Remove Named Account List Members, the list named by its
//! `marketoGUID` in the path (`/rest/v1/namedAccountList/{id}/namedAccounts.json`), each member by its
//! `marketoGUID` (see `crate::engine::objects::members`).

use super::{batch_size, named_account_lists, named_accounts, ok, page_reply, Call};
use crate::engine::objects::members::{Change, Membership};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::Route;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;

const PATH: &str = "/rest/v1/namedAccountList/{id:str}/namedAccounts.json";

/// The membership operations.
pub const ROUTES: &[Route] = &[
    Route::get(PATH, "Get Named Account List Members", members),
    Route::post(PATH, "Add Named Account List Members", add).records(),
    Route::post(
        "/rest/v1/namedAccountList/{id:str}/namedAccounts/remove.json",
        "Remove Named Account List Members",
        remove,
    )
    .records(),
];

#[derive(Debug, Deserialize)]
struct Body {
    #[serde(default)]
    input: Vec<Value>,
}

fn with_membership<T>(
    state: &AppState,
    f: impl FnOnce(Membership<'_>) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let lists = state
        .objects
        .get(named_account_lists::KIND)
        .ok_or_else(|| Failure::code(611, &[]))?;
    let accounts = state
        .objects
        .get(named_accounts::KIND)
        .ok_or_else(|| Failure::code(611, &[]))?;
    f(Membership {
        list: &lists,
        member: &accounts,
    })
}

/// `GET`: a page of members with `fields`.
fn members(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let fields = p.fields();
    let page = with_membership(state, |m| {
        Ok(m.page(
            state.model.store(),
            call.path.text("id"),
            fields.as_deref(),
            batch_size(p)?,
            p.get("nextPageToken"),
        )?)
    })?;
    Ok(page_reply(&call.request_id, page))
}

fn change(state: &AppState, call: Call, change: Change) -> Result<Reply, Failure> {
    let body: Body = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let result = with_membership(state, |m| {
        Ok(m.change(
            state.model.store(),
            call.path.text("id"),
            change,
            &body.input,
            call.held.as_ref(),
        )?)
    })?;
    Ok(ok(&call, result))
}

fn add(state: &AppState, call: Call) -> Result<Reply, Failure> {
    change(state, call, Change::Add)
}

fn remove(state: &AppState, call: Call) -> Result<Reply, Failure> {
    change(state, call, Change::Remove)
}
