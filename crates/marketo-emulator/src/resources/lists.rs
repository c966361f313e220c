//! Static list membership: members, add, remove, is-member (`/rest/v1/lists/{listId}/leads.json`,
//! `.../ismember.json`, and the legacy `/rest/v1/list/{listId}/leads.json`).

use super::leads::ids;
use super::{batch_size, ok, page_reply, Call};
use crate::http::error::{Failure, Reply};
use crate::http::router::{BodyKind, Route};
use crate::model::ListScope;
use crate::state::AppState;
use crate::store::lists::ListFilter;
use marketo_types::envelope::ApiError;

/// The static list operations of the Lead Database API, and the membership reads of a lead.
pub const ROUTES: &[Route] = &[
    Route::get("/rest/v1/lists.json", "Get Lists", get_lists),
    Route::get("/rest/v1/lists/{listId}.json", "Get List by Id", get_list),
    Route::get(
        "/rest/v1/leads/{leadId}/listMembership.json",
        "Get Lists by Lead Id",
        lead_lists,
    ),
    Route::get(
        "/rest/v1/leads/{leadId}/programMembership.json",
        "Get Programs by Lead Id",
        lead_programs,
    ),
    Route::get(
        "/rest/v1/leads/{leadId}/smartCampaignMembership.json",
        "Get Smart Campaigns by Lead Id",
        lead_campaigns,
    ),
    Route::get(
        "/rest/v1/lists/{listId}/leads.json",
        "Get Leads By List Id",
        members,
    ),
    Route::post("/rest/v1/lists/{listId}/leads.json", "Add to List", add)
        .body(BodyKind::OptionalJson)
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

/// `GET /rest/v1/lists.json?id=&name=&programName=&workspaceName=&batchSize=&nextPageToken=`
fn get_lists(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let filter = ListFilter {
        ids: p.ids("id")?,
        names: p.list("name"),
        programs: p.list("programName"),
        workspaces: p.list("workspaceName"),
    };
    let page = state.model.lists(
        ListScope::Filter(&filter),
        batch_size(p)?,
        p.get("nextPageToken"),
    )?;
    Ok(page_reply(&call.request_id, page))
}

/// `GET /rest/v1/lists/{listId}.json`: the list, or 1013 for one that does not exist.
fn get_list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let list = state
        .model
        .list(call.path.int("listId"))?
        .ok_or_else(|| ApiError::catalogued(1013, &[]))?;
    Ok(ok(&call, vec![list]))
}

/// The lead of a membership read: 1004 "Lead not found" for one that does not exist [INF].
fn known_lead(state: &AppState, call: &Call) -> Result<i64, Failure> {
    let id = call.path.int("leadId");
    if !state.model.lead_exists(id)? {
        return Err(Failure::code(1004, &[]));
    }
    Ok(id)
}

/// `GET /rest/v1/leads/{leadId}/listMembership.json?batchSize=&nextPageToken=`
fn lead_lists(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = known_lead(state, &call)?;
    let p = &call.params;
    let page = state.model.lists(
        ListScope::OfLead(id),
        batch_size(p)?,
        p.get("nextPageToken"),
    )?;
    Ok(page_reply(&call.request_id, page))
}

/// `GET /rest/v1/leads/{leadId}/programMembership.json?filterType=id&filterValues=&earliestUpdatedAt=&latestUpdatedAt=&batchSize=&nextPageToken=`
fn lead_programs(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = known_lead(state, &call)?;
    let p = &call.params;
    let ids = match p.get("filterType").map(str::trim) {
        None | Some("") => Vec::new(),
        Some("id") => p.ids("filterValues")?,
        Some(other) => return Err(Failure::code(1003, &[other])),
    };
    let q = crate::programs::reads::LeadProgramsQuery {
        ids,
        earliest: p.get("earliestUpdatedAt").map(str::to_owned),
        latest: p.get("latestUpdatedAt").map(str::to_owned),
        batch_size: batch_size(p)?,
        token: p.get("nextPageToken").map(str::to_owned),
    };
    let page = crate::programs::reads::lead_programs(state.model.store(), id, &q)?;
    Ok(super::program_members::paged(&call, page))
}

/// `GET /rest/v1/leads/{leadId}/smartCampaignMembership.json`: no campaigns yet, so an empty page.
fn lead_campaigns(state: &AppState, call: Call) -> Result<Reply, Failure> {
    known_lead(state, &call)?;
    Ok(ok::<serde_json::Value>(&call, Vec::new()))
}
