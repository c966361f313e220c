//! Program members (`/rest/v1/programs/...members...`), the program member field schema, and the older
//! membership calls under `/rest/v1/leads/programs/...` (Get Leads by Program Id, Change Lead Program Status).
//! The rules are in [`crate::programs`].

use super::{batch_size, ok, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::Route;
use crate::programs::reads::{self, MemberQuery, Page};
use crate::programs::{fields, members};
use crate::state::AppState;
use marketo_types::envelope::Envelope;
use marketo_types::lead_database::programs::LeadRef;
use marketo_types::lead_database::{FieldUpdate, NewField};
use serde::Deserialize;
use serde_json::{Map, Value};

/// The Program Members operations, and the membership calls of the Leads tag.
pub const ROUTES: &[Route] = &[
    Route::get(
        "/rest/v1/programs/members/describe.json",
        "Describe Program Member",
        describe,
    ),
    Route::get(
        "/rest/v1/program/members/describe.json",
        "Describe Program Member (legacy)",
        describe_legacy,
    ),
    Route::get(
        "/rest/v1/programs/members/schema/fields.json",
        "Get Program Member Fields",
        field_list,
    ),
    Route::post(
        "/rest/v1/programs/members/schema/fields.json",
        "Create Program Member Fields",
        field_create,
    ),
    Route::get(
        "/rest/v1/programs/members/schema/fields/{fieldApiName:str}.json",
        "Get Program Member Field by Name",
        field_by_name,
    ),
    Route::post(
        "/rest/v1/programs/members/schema/fields/{fieldApiName:str}.json",
        "Update Program Member Field",
        field_update,
    ),
    Route::post(
        "/rest/v1/programs/{programId}/members/status.json",
        "Sync Program Member Status",
        sync_status,
    )
    .records(),
    Route::get(
        "/rest/v1/programs/{programId}/members.json",
        "Get Program Members",
        get_members,
    )
    .blocking(),
    Route::post(
        "/rest/v1/programs/{programId}/members.json",
        "Sync Program Member Data",
        sync_data,
    )
    .records(),
    Route::post(
        "/rest/v1/programs/{programId}/members/delete.json",
        "Delete Program Members",
        delete,
    )
    .records(),
    Route::get(
        "/rest/v1/leads/programs/{programId}.json",
        "Get Leads by Program Id",
        program_leads,
    )
    .blocking(),
    Route::post(
        "/rest/v1/leads/programs/{programId}/status.json",
        "Change Lead Program Status",
        change_status,
    )
    .records(),
];

#[derive(Debug, Deserialize)]
struct Body<T> {
    #[serde(default = "Vec::new")]
    input: Vec<T>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MemberRef {
    lead_id: i64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusBody {
    #[serde(default)]
    status_name: Option<String>,
    #[serde(default = "Vec::new")]
    input: Vec<MemberRef>,
}

#[derive(Debug, Deserialize)]
struct ChangeBody {
    #[serde(default)]
    status: Option<String>,
    #[serde(default = "Vec::new")]
    input: Vec<LeadRef>,
}

fn body<T: serde::de::DeserializeOwned>(call: &Call) -> Result<T, Failure> {
    extract::typed(call.json.clone().unwrap_or(Value::Null))
}

/// A page in the envelope (`moreResult` and `nextPageToken` when another follows).
pub(super) fn paged<T: serde::Serialize>(call: &Call, page: Page<T>) -> Reply {
    let n = page.items.len();
    let mut env = Envelope::ok(call.request_id.clone(), page.items);
    env.more_result = Some(page.next_page_token.is_some());
    env.next_page_token = page.next_page_token;
    Reply::envelope(&env, n)
}

fn required_status(s: Option<String>, name: &str) -> Result<String, Failure> {
    match s {
        None => Err(Failure::code(1002, &[name])),
        Some(s) if s.trim().is_empty() => Err(Failure::code(701, &[name])),
        Some(s) => Ok(s),
    }
}

/// `GET /rest/v1/programs/members/describe.json`
fn describe(state: &AppState, call: Call) -> Result<Reply, Failure> {
    Ok(ok(&call, vec![fields::describe(state.model.store())?]))
}

/// `GET /rest/v1/program/members/describe.json`: the older shape, `name` and `fields`.
fn describe_legacy(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let full = fields::describe(state.model.store())?;
    let short = serde_json::json!({"name": full["name"], "fields": full["fields"]});
    Ok(ok(&call, vec![short]))
}

/// `GET /rest/v1/programs/members/schema/fields.json?batchSize=&nextPageToken=`
fn field_list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let (items, next_page_token) =
        fields::page(state.model.store(), batch_size(p)?, p.get("nextPageToken"))?;
    Ok(paged(
        &call,
        Page {
            items,
            next_page_token,
        },
    ))
}

/// `POST /rest/v1/programs/members/schema/fields.json`
fn field_create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: Body<NewField> = body(&call)?;
    Ok(ok(&call, fields::create(state.model.store(), &b.input)?))
}

/// `GET /rest/v1/programs/members/schema/fields/{fieldApiName}.json`
fn field_by_name(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let f = fields::by_name(state.model.store(), call.path.text("fieldApiName"))?;
    Ok(ok(&call, vec![f]))
}

/// `POST /rest/v1/programs/members/schema/fields/{fieldApiName}.json`: exactly one update in `input`.
fn field_update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: Body<FieldUpdate> = body(&call)?;
    let [one] = b.input.as_slice() else {
        return Err(Failure::code(1003, &[]));
    };
    let name = call.path.text("fieldApiName");
    Ok(ok(
        &call,
        vec![fields::update(state.model.store(), name, one)?],
    ))
}

/// `POST /rest/v1/programs/{programId}/members/status.json`
fn sync_status(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: StatusBody = body(&call)?;
    let status = required_status(b.status_name, "statusName")?;
    let ids: Vec<i64> = b.input.iter().map(|m| m.lead_id).collect();
    let result = members::sync_status(
        state.model.store(),
        call.path.int("programId"),
        &status,
        &ids,
        call.held.as_ref(),
        call.now,
    )?;
    Ok(ok(&call, result))
}

/// `POST /rest/v1/programs/{programId}/members.json`
fn sync_data(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: Body<Map<String, Value>> = body(&call)?;
    let result = members::sync_data(
        state.model.store(),
        call.path.int("programId"),
        &b.input,
        call.held.as_ref(),
        call.now,
    )?;
    Ok(ok(&call, result))
}

/// `POST /rest/v1/programs/{programId}/members/delete.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: Body<MemberRef> = body(&call)?;
    let ids: Vec<i64> = b.input.iter().map(|m| m.lead_id).collect();
    let result = members::delete(
        state.model.store(),
        call.path.int("programId"),
        &ids,
        call.held.as_ref(),
    )?;
    Ok(ok(&call, result))
}

/// `GET /rest/v1/programs/{programId}/members.json?filterType=&filterValues=&startAt=&endAt=&fields=&batchSize=&nextPageToken=`
fn get_members(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let q = MemberQuery {
        filter_type: p.required("filterType")?.to_owned(),
        values: p.list("filterValues"),
        start_at: p.get("startAt").map(str::to_owned),
        end_at: p.get("endAt").map(str::to_owned),
        fields: p.fields(),
        batch_size: batch_size(p)?,
        token: p.get("nextPageToken").map(str::to_owned),
    };
    let page = reads::members(state.model.store(), call.path.int("programId"), &q)?;
    Ok(paged(&call, page))
}

/// `GET /rest/v1/leads/programs/{programId}.json?fields=&batchSize=&nextPageToken=`
fn program_leads(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let fields = p.fields();
    let page = reads::program_leads(
        &state.model,
        call.path.int("programId"),
        fields.as_deref(),
        batch_size(p)?,
        p.get("nextPageToken"),
    )?;
    Ok(paged(&call, page))
}

/// `POST /rest/v1/leads/programs/{programId}/status.json`
fn change_status(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: ChangeBody = body(&call)?;
    let status = required_status(b.status, "status")?;
    let ids: Vec<i64> = b.input.iter().map(|l| l.id).collect();
    let result = members::change_status(
        state.model.store(),
        call.path.int("programId"),
        &status,
        &ids,
        call.held.as_ref(),
        call.now,
    )?;
    Ok(ok(&call, result))
}
