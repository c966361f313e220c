//! The Custom Object Metadata API: List, Describe and Sync Custom Object Types; Add, Update and Delete their
//! fields; Approve, Discard Draft and Delete a type; the linkable objects, the field data types and a type's
//! dependent assets (see `crate::engine::custom`). With `[custom_objects] metadata_api = false` every call
//! here answers 616 "Invalid subscription type"; with custom objects disabled, 1026. Successful changes answer
//! an empty `result`, as the docs show.

use super::{ok, Call};
use crate::engine::custom::{FieldRequest, TypeRequest, DATA_TYPES};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::Route;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;

const SCHEMA: &str = "/rest/v1/customobjects/schema.json";
macro_rules! at {
    ($tail:literal) => {
        concat!("/rest/v1/customobjects/schema/{apiName:str}", $tail)
    };
}

/// The metadata API's operations.
pub const ROUTES: &[Route] = &[
    Route::get(SCHEMA, "List Custom Object Types", list),
    Route::post(SCHEMA, "Sync Custom Object Type", sync),
    Route::get(
        "/rest/v1/customobjects/schema/fieldDataTypes.json",
        "Get Custom Object Type Field Data Types",
        data_types,
    ),
    Route::get(
        "/rest/v1/customobjects/schema/linkableObjects.json",
        "Get Custom Object Linkable Objects",
        linkable,
    ),
    Route::get(
        at!("/describe.json"),
        "Describe Custom Object Type",
        describe,
    ),
    Route::get(
        at!("/dependentAssets.json"),
        "Get Custom Object Dependent Assets",
        dependent_assets,
    ),
    Route::post(
        at!("/addField.json"),
        "Add Custom Object Type Fields",
        add_fields,
    ),
    Route::post(
        at!("/{fieldApiName:str}/updateField.json"),
        "Update Custom Object Type Field",
        update_field,
    ),
    Route::post(
        at!("/deleteField.json"),
        "Delete Custom Object Type Fields",
        delete_fields,
    ),
    Route::post(at!("/approve.json"), "Approve Custom Object Type", approve)
        .body(crate::http::router::BodyKind::OptionalJson),
    Route::post(
        at!("/discardDraft.json"),
        "Discard Custom Object Type Draft",
        discard,
    )
    .body(crate::http::router::BodyKind::OptionalJson),
    Route::post(at!("/delete.json"), "Delete Custom Object Type", delete)
        .body(crate::http::router::BodyKind::OptionalJson),
];

fn guard(state: &AppState) -> Result<(), Failure> {
    super::custom_objects::guard(state, true)
}

/// A change's answer: success with an empty `result`.
fn done(call: &Call) -> Reply {
    ok::<Value>(call, Vec::new())
}

fn api(call: &Call) -> &str {
    call.path.text("apiName")
}

fn list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let names = call.params.list("names");
    let state_param = call.params.get("state");
    let types = state.objects.with_catalog(|c| c.list(&names, state_param));
    Ok(ok(&call, types))
}

fn describe(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let d = state
        .objects
        .with_catalog(|c| c.describe(api(&call), call.params.get("state")))?;
    Ok(ok(&call, vec![d]))
}

fn sync(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let req: TypeRequest = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    state
        .objects
        .change_catalog(state.model.store(), |c, _| c.sync_type(&req))?;
    Ok(done(&call))
}

#[derive(Debug, Deserialize)]
struct Input<T> {
    #[serde(default = "Vec::new")]
    input: Vec<T>,
}

#[derive(Debug, Deserialize)]
struct Named {
    #[serde(default)]
    name: String,
}

fn add_fields(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let body: Input<FieldRequest> = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let lead = state.model.schema();
    state.objects.change_catalog(state.model.store(), |c, _| {
        c.add_fields(&lead, api(&call), &body.input)
    })?;
    Ok(done(&call))
}

fn update_field(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let req: FieldRequest = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let field = call.path.text("fieldApiName");
    state.objects.change_catalog(state.model.store(), |c, _| {
        c.update_field(api(&call), field, &req)
    })?;
    Ok(done(&call))
}

fn delete_fields(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let body: Input<Named> = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let names: Vec<String> = body.input.into_iter().map(|n| n.name).collect();
    state.objects.change_catalog(state.model.store(), |c, _| {
        c.delete_fields(api(&call), &names)
    })?;
    Ok(done(&call))
}

fn approve(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let now = crate::engine::format_time(call.now);
    state
        .objects
        .change_catalog(state.model.store(), |c, _| c.approve(api(&call), &now))?;
    Ok(done(&call))
}

fn discard(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    state
        .objects
        .change_catalog(state.model.store(), |c, _| c.discard(api(&call)))?;
    Ok(done(&call))
}

fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    state
        .objects
        .change_catalog(state.model.store(), |c, db| c.delete(db, api(&call)))?;
    Ok(done(&call))
}

fn data_types(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    Ok(ok(&call, DATA_TYPES.to_vec()))
}

fn linkable(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    let lead = state.model.schema();
    let objects = state.objects.with_catalog(|c| c.linkable(&lead));
    Ok(ok(&call, objects))
}

/// The assets (smart campaigns, smart lists) that use the type. The emulator has no smart campaigns or
/// smart lists, so no asset depends on a type: an existing type answers an empty list, another 1013.
fn dependent_assets(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state)?;
    state
        .objects
        .with_catalog(|c| c.get(api(&call)).map(drop))?;
    Ok(ok::<Value>(&call, Vec::new()))
}
