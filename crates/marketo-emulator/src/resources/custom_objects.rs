//! Custom object records: List Custom Objects, Describe, Sync, Get (by `filterType`/`filterValues`, or compound
//! keys in a JSON `input` with `_method=GET`) and Delete Custom Objects of an approved type, on the generic
//! object engine with the type's runtime descriptor from the registry. With `[custom_objects] enabled =
//! false` every custom object call answers 1026; a name that is no approved type is 1013 "Object not found"
//! [INF].

use super::objects::{delete_with, get_with, sync_with};
use super::{ok, Call};
use crate::engine::objects;
use crate::engine::ObjectSchema;
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::state::AppState;
use serde_json::json;
use std::sync::Arc;

const ONE: &str = "/rest/v1/customobjects/{customObjectName:str}.json";

/// The custom object record operations.
pub const ROUTES: &[Route] = &[
    Route::get("/rest/v1/customobjects.json", "List Custom Objects", list),
    Route::get(
        "/rest/v1/customobjects/{customObjectName:str}/describe.json",
        "Describe Custom Objects",
        describe,
    ),
    Route::post(ONE, "Sync Custom Objects", sync).records(),
    Route::get(ONE, "Get Custom Objects", get),
    Route::post(
        "/rest/v1/customobjects/{customObjectName:str}/delete.json",
        "Delete Custom Objects",
        delete,
    )
    .records(),
];

/// 1026 when the subscription has no custom objects; with `metadata`, 616 when its type has no metadata API.
pub(super) fn guard(state: &AppState, metadata: bool) -> Result<(), Failure> {
    let c = &state.config.custom_objects;
    if !c.enabled {
        return Err(Failure::code(1026, &[]));
    }
    if metadata && !c.metadata_api {
        return Err(Failure::code(616, &[]));
    }
    Ok(())
}

/// The approved type the path names.
fn schema(state: &AppState, call: &Call) -> Result<Arc<ObjectSchema>, Failure> {
    guard(state, false)?;
    state
        .objects
        .custom(call.path.text("customObjectName"))
        .ok_or_else(|| Failure::code(1013, &[]))
}

/// `GET /rest/v1/customobjects.json?names=`: the approved types.
fn list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    guard(state, false)?;
    let names = call.params.list("names");
    let types = state.objects.with_catalog(|c| c.list_approved(&names));
    Ok(ok(&call, types))
}

/// `GET .../{name}/describe.json`: the engine's describe, with the type's times and relationships.
fn describe(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let schema = schema(state, &call)?;
    let (created, updated) = state.objects.with_catalog(|c| {
        let def = c.get(&schema.name).ok().and_then(|t| t.approved.clone());
        let at = |t: Option<String>| t.unwrap_or_default();
        def.map(|d| (at(d.created_at), at(d.updated_at)))
            .unwrap_or_default()
    });
    let mut d = objects::describe(&schema, &created);
    d["updatedAt"] = json!(updated);
    if d.get("relationships").is_none() {
        d["relationships"] = json!([]);
    }
    Ok(ok(&call, vec![d]))
}

fn sync(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let schema = schema(state, &call)?;
    sync_with(state, call, &schema)
}

fn get(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let schema = schema(state, &call)?;
    get_with(state, call, &schema)
}

fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let schema = schema(state, &call)?;
    delete_with(state, call, &schema)
}
