//! The lead field schema: Get Lead Fields, Get Lead Field by Name, Create Lead Fields, Update Lead Field.

use super::{batch_size, ok, page_reply, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::Route;
use crate::model::{FieldUpdate, NewField};
use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;

/// The lead field schema operations.
pub const ROUTES: &[Route] = &[
    Route::get("/rest/v1/leads/schema/fields.json", "Get Lead Fields", list),
    Route::post(
        "/rest/v1/leads/schema/fields.json",
        "Create Lead Fields",
        create,
    ),
    Route::get(
        "/rest/v1/leads/schema/fields/{fieldApiName:str}.json",
        "Get Lead Field by Name",
        by_name,
    ),
    Route::post(
        "/rest/v1/leads/schema/fields/{fieldApiName:str}.json",
        "Update Lead Field",
        update,
    ),
];

#[derive(Debug, Deserialize)]
struct Body<T> {
    #[serde(default = "Vec::new")]
    input: Vec<T>,
}

fn list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let page = state
        .model
        .lead_fields(batch_size(p)?, p.get("nextPageToken"))?;
    Ok(page_reply(&call.request_id, page))
}

fn by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let record = state.model.lead_field(call.path.text("fieldApiName"))?;
    Ok(ok(&call, vec![record]))
}

fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let body: Body<NewField> = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let result = state.model.create_lead_fields(&body.input)?;
    Ok(ok(&call, result))
}

/// The body's `input` holds exactly one field update.
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let body: Body<FieldUpdate> = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let [one] = body.input.as_slice() else {
        return Err(Failure::code(1003, &[]));
    };
    let result = state
        .model
        .update_lead_field(call.path.text("fieldApiName"), one)?;
    Ok(ok(&call, vec![result]))
}
