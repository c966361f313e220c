//! The operations every generic Lead Database object type has (describe, sync, get, delete), written once:
//! [`object_routes!`] declares a type's rows, each handler given the type's kind, whose descriptor the
//! emulator's registry holds ([`crate::state::Inner::objects`]).

use super::{batch_size, ok, page_reply, Call};
use crate::engine::objects::{self, DeleteRequest, GetQuery, SyncRequest};
use crate::engine::ObjectSchema;
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;

/// The rows of a type at `$base` (`/rest/v1/companies`): Describe, Sync, Get, Delete; with a fourth argument
/// (`"Company"`) the two `schema/fields` reads too (Get Company Fields, Get Company Field by Name).
#[macro_export]
macro_rules! object_routes {
    ($base:literal, $what:literal, $kind:literal, $one:literal) => {{
        let [a, b, c, d] = $crate::object_routes!($base, $what, $kind);
        [
            a,
            b,
            c,
            d,
            $crate::http::router::Route::get(
                concat!($base, "/schema/fields.json"),
                concat!("Get ", $one, " Fields"),
                |s, c| $crate::resources::objects::fields(s, c, $kind),
            ),
            $crate::http::router::Route::get(
                concat!($base, "/schema/fields/{fieldApiName:str}.json"),
                concat!("Get ", $one, " Field by Name"),
                |s, c| $crate::resources::objects::field(s, c, $kind),
            ),
        ]
    }};
    ($base:literal, $what:literal, $kind:literal) => {
        [
            $crate::http::router::Route::get(
                concat!($base, "/describe.json"),
                concat!("Describe ", $what),
                |s, c| $crate::resources::objects::describe(s, c, $kind),
            ),
            $crate::http::router::Route::post(
                concat!($base, ".json"),
                concat!("Sync ", $what),
                |s, c| $crate::resources::objects::sync(s, c, $kind),
            )
            .records(),
            $crate::http::router::Route::get(
                concat!($base, ".json"),
                concat!("Get ", $what),
                |s, c| $crate::resources::objects::get(s, c, $kind),
            ),
            $crate::http::router::Route::post(
                concat!($base, "/delete.json"),
                concat!("Delete ", $what),
                |s, c| $crate::resources::objects::delete(s, c, $kind),
            )
            .records(),
        ]
    };
}

/// The descriptor of `kind` (a route for a type the registry lacks is a mistake: 611).
fn schema(state: &AppState, kind: &str) -> Result<Arc<ObjectSchema>, Failure> {
    state
        .objects
        .get(kind)
        .ok_or_else(|| Failure::code(611, &[]))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SyncBody {
    action: Option<String>,
    dedupe_by: Option<String>,
    #[serde(default)]
    input: Vec<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct DeleteBody {
    delete_by: Option<String>,
    #[serde(default)]
    input: Vec<Value>,
}

/// `GET .../describe.json`
pub fn describe(state: &AppState, call: Call, kind: &str) -> Result<Reply, Failure> {
    let schema = schema(state, kind)?;
    let at = crate::engine::format_time(state.objects.defined_at());
    Ok(ok(&call, vec![objects::describe(&schema, &at)]))
}

/// `GET .../schema/fields.json?batchSize=&nextPageToken=`
pub fn fields(state: &AppState, call: Call, kind: &str) -> Result<Reply, Failure> {
    let schema = schema(state, kind)?;
    let p = &call.params;
    let page = objects::fields::page(&schema, batch_size(p)?, p.get("nextPageToken"))?;
    Ok(page_reply(&call.request_id, page))
}

/// `GET .../schema/fields/{fieldApiName}.json`
pub fn field(state: &AppState, call: Call, kind: &str) -> Result<Reply, Failure> {
    let schema = schema(state, kind)?;
    let record = objects::fields::record(&schema, call.path.text("fieldApiName"))?;
    Ok(ok(&call, vec![record]))
}

/// `POST .../{type}.json`
pub fn sync(state: &AppState, call: Call, kind: &str) -> Result<Reply, Failure> {
    let schema = schema(state, kind)?;
    sync_with(state, call, &schema)
}

/// Sync records of `schema`.
pub fn sync_with(state: &AppState, call: Call, schema: &ObjectSchema) -> Result<Reply, Failure> {
    let body: SyncBody = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let req = SyncRequest {
        action: body.action,
        dedupe_by: body.dedupe_by,
        input: body.input,
        held: call.held,
        crm_sync: state.config.crm.native_sync,
    };
    let result = objects::sync(state.model.store(), schema, &req, call.now)?;
    Ok(ok(&call, result))
}

/// `GET .../{type}.json?filterType=&filterValues=&fields=&batchSize=&nextPageToken=`, or the same with
/// `_method=GET` and a JSON body whose `input` holds compound keys.
pub fn get(state: &AppState, call: Call, kind: &str) -> Result<Reply, Failure> {
    let schema = schema(state, kind)?;
    get_with(state, call, &schema)
}

/// Get records of `schema`.
pub fn get_with(state: &AppState, call: Call, schema: &ObjectSchema) -> Result<Reply, Failure> {
    let p = &call.params;
    let input: Vec<Value> = call
        .json
        .as_ref()
        .and_then(|j| j.get("input"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let filter_type = p.required("filterType")?.to_owned();
    if input.is_empty() {
        p.required("filterValues")?;
    }
    let query = GetQuery {
        filter_type,
        values: p.list("filterValues"),
        input,
        fields: p.fields(),
        batch_size: batch_size(p)?,
        next_page_token: p.get("nextPageToken").map(str::to_owned),
    };
    let page = objects::get(state.model.store(), schema, &query)?;
    Ok(page_reply(&call.request_id, page))
}

/// `POST .../delete.json`
pub fn delete(state: &AppState, call: Call, kind: &str) -> Result<Reply, Failure> {
    let schema = schema(state, kind)?;
    delete_with(state, call, &schema)
}

/// Delete records of `schema`.
pub fn delete_with(state: &AppState, call: Call, schema: &ObjectSchema) -> Result<Reply, Failure> {
    let body: DeleteBody = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let req = DeleteRequest {
        delete_by: body.delete_by,
        input: body.input,
        held: call.held,
        crm_sync: state.config.crm.native_sync,
    };
    let result = objects::delete(state.model.store(), schema, &req)?;
    Ok(ok(&call, result))
}
