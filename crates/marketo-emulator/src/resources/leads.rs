//! Leads: Sync Leads, Get Leads by Filter Type, Get Lead by Id, Delete Leads, Describe Lead(2).

use super::{batch_size, ok, page_reply, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::{BodyKind, Route};
use crate::model::{FilterQuery, SyncLeads};
use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;

/// The lead operations.
pub const ROUTES: &[Route] = &[
    Route::post("/rest/v1/leads.json", "Sync Leads", sync).records(),
    Route::get("/rest/v1/leads.json", "Get Leads by Filter Type", by_filter),
    // Marketo also takes Delete Leads as DELETE on the leads resource (the Python client's habit).
    Route::delete("/rest/v1/leads.json", "Delete Leads", delete).records(),
    Route::get("/rest/v1/lead/{id}.json", "Get Lead by Id", by_id),
    Route::post("/rest/v1/leads/delete.json", "Delete Leads", delete)
        .body(BodyKind::OptionalJson)
        .records(),
    Route::get("/rest/v1/leads/describe.json", "Describe Lead", describe),
    Route::get("/rest/v1/leads/describe2.json", "Describe Lead2", describe2),
    Route::post(
        "/rest/v1/leads/{leadId}/associate.json",
        "Associate Lead",
        associate,
    )
    .body(BodyKind::None),
    Route::post("/rest/v1/leads/{leadId}/merge.json", "Merge Leads", merge).body(BodyKind::None),
];

/// The Sync Leads body (unknown keys are ignored, as Marketo does).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SyncBody {
    action: Option<String>,
    lookup_field: Option<String>,
    partition_name: Option<String>,
    #[serde(default)]
    input: Vec<Value>,
    #[allow(dead_code)] // accepted and ignored: the emulator always answers synchronously
    async_processing: Option<bool>,
}

/// An `{"id": N}` entry of a Delete Leads / list body.
#[derive(Debug, Deserialize)]
pub(super) struct IdEntry {
    pub(super) id: i64,
}

/// A body of `{"input":[{"id":N}, ...]}`.
#[derive(Debug, Deserialize)]
pub(super) struct IdsBody {
    #[serde(default)]
    pub(super) input: Vec<IdEntry>,
}

/// The ids of a delete or list call: the JSON body's `input`, else the `id` parameter.
pub(super) fn ids(call: &Call) -> Result<Vec<i64>, Failure> {
    match &call.json {
        Some(json) if json.get("input").is_some() || call.params.get("id").is_none() => {
            let body: IdsBody = extract::typed(json.clone())?;
            Ok(body.input.into_iter().map(|e| e.id).collect())
        }
        _ => call.params.ids("id"),
    }
}

/// `POST /rest/v1/leads.json`
fn sync(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let body: SyncBody = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let req = SyncLeads {
        action: body.action,
        lookup_field: body.lookup_field,
        partition_name: body.partition_name,
        input: body.input,
        allowed_partitions: call.user.partitions.clone(),
        held: call.held,
    };
    let result = state.model.sync_leads(&req, call.now)?;
    Ok(ok(&call, result))
}

/// `GET /rest/v1/leads.json?filterType=&filterValues=&fields=&batchSize=&nextPageToken=`
fn by_filter(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let filter_type = p.required("filterType")?.to_owned();
    p.required("filterValues")?;
    let query = FilterQuery {
        filter_type,
        values: p.list("filterValues"),
        fields: p.fields(),
        batch_size: batch_size(p)?,
        next_page_token: p.get("nextPageToken").map(str::to_owned),
    };
    let page = state.model.leads_by_filter(&query)?;
    Ok(page_reply(&call.request_id, page))
}

/// `GET /rest/v1/lead/{id}.json?fields=`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let fields = call.params.fields();
    let records = state
        .model
        .get_lead(call.path.int("id"), fields.as_deref())?;
    Ok(ok(&call, records))
}

/// `POST /rest/v1/leads/delete.json` (JSON `input`, or `id=1,2,3`), or `DELETE /rest/v1/leads.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let result = state
        .model
        .delete_leads(&ids, call.held.as_ref(), call.now)?;
    Ok(ok(&call, result))
}

/// `GET /rest/v1/leads/describe.json`
fn describe(state: &AppState, call: Call) -> Result<Reply, Failure> {
    Ok(ok(&call, state.model.describe()))
}

/// `GET /rest/v1/leads/describe2.json`
fn describe2(state: &AppState, call: Call) -> Result<Reply, Failure> {
    Ok(ok(&call, state.model.describe2()))
}

/// `POST /rest/v1/leads/{leadId}/associate.json?cookie=`: `success:true` with no result.
fn associate(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let cookie = call.params.required("cookie")?;
    state
        .model
        .associate(call.path.int("leadId"), cookie, call.now)?;
    Ok(super::no_result(&call))
}

/// `POST /rest/v1/leads/{leadId}/merge.json?leadId=|leadIds=&mergeInCRM=`: `success:true` with no result.
fn merge(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let mut losers = p.ids("leadIds")?;
    losers.extend(p.ids("leadId")?);
    if losers.is_empty() {
        return Err(Failure::code(1002, &["leadId"]));
    }
    // Booleans are read as Java reads them: any case (`True` from a Python client).
    let in_crm = match p.get("mergeInCRM").map(str::trim) {
        None | Some("") => false,
        Some(b) if b.eq_ignore_ascii_case("false") => false,
        Some(b) if b.eq_ignore_ascii_case("true") => true,
        Some(other) => return Err(extract::wrong_type(other, "Boolean")),
    };
    let req = crate::model::MergeRequest {
        winner: call.path.int("leadId"),
        losers,
        in_crm,
    };
    state.model.merge(&state.config.crm, &req, call.now)?;
    Ok(super::no_result(&call))
}
