//! The Lead Database's campaigns (`/rest/v1/campaigns...`): Get Campaigns, Get Campaign by Id, Request
//! Campaign, Schedule Campaign. The rules are in [`crate::programs::campaigns`].

use super::program_members::paged;
use super::{batch_size, ok, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::{BodyKind, Route};
use crate::programs::campaigns::{self, CampaignQuery};
use crate::programs::reads::Page;
use crate::state::AppState;
use marketo_types::lead_database::programs::{CampaignRef, ScheduleInput, TriggerInput};
use serde::Deserialize;
use serde_json::Value;

/// The Campaigns operations.
pub const ROUTES: &[Route] = &[
    Route::get("/rest/v1/campaigns.json", "Get Campaigns", list).blocking(),
    Route::get(
        "/rest/v1/campaigns/{campaignId}.json",
        "Get Campaign By Id",
        by_id,
    ),
    Route::post(
        "/rest/v1/campaigns/{campaignId}/trigger.json",
        "Request Campaign",
        trigger,
    )
    .body(BodyKind::OptionalJson),
    Route::post(
        "/rest/v1/campaigns/{campaignId}/schedule.json",
        "Schedule Campaign",
        schedule,
    )
    .body(BodyKind::OptionalJson),
];

#[derive(Debug, Default, Deserialize)]
struct Body<T: Default> {
    #[serde(default)]
    input: T,
}

/// `GET /rest/v1/campaigns.json?id=&name=&programName=&workspaceName=&isTriggerable=&batchSize=&nextPageToken=`
fn list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let p = &call.params;
    let triggerable = match p.get("isTriggerable").map(str::trim) {
        None | Some("") => None,
        Some(v) if v.eq_ignore_ascii_case("true") => Some(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Some(false),
        Some(v) => return Err(extract::wrong_type(v, "Boolean")),
    };
    let q = CampaignQuery {
        ids: p.ids("id")?,
        names: p.list("name"),
        programs: p.list("programName"),
        workspaces: p.list("workspaceName"),
        triggerable,
        batch_size: batch_size(p)?,
        token: p.get("nextPageToken").map(str::to_owned),
    };
    let (items, next_page_token) = campaigns::list(state.model.store(), &q)?;
    Ok(paged(
        &call,
        Page {
            items,
            next_page_token,
        },
    ))
}

/// `GET /rest/v1/campaigns/{campaignId}.json`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let c = campaigns::get(state.model.store(), call.path.int("campaignId"))?;
    Ok(ok(&call, vec![c]))
}

/// `POST /rest/v1/campaigns/{campaignId}/trigger.json` with `{"input": {"leads": [...], "tokens": [...]}}`
fn trigger(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: Body<TriggerInput> = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let id = campaigns::request(
        state.model.store(),
        call.path.int("campaignId"),
        &b.input,
        call.now,
    )?;
    state.runs.added();
    Ok(ok(&call, vec![CampaignRef { id }]))
}

/// `POST /rest/v1/campaigns/{campaignId}/schedule.json` with `{"input": {"runAt", "cloneToProgramName", "tokens"}}`
fn schedule(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let json = match call.json.clone() {
        None | Some(Value::Null) => serde_json::json!({}),
        Some(v) => v,
    };
    let b: Body<ScheduleInput> = extract::typed(json)?;
    let id = campaigns::schedule(
        state.model.store(),
        call.path.int("campaignId"),
        &b.input,
        call.now,
    )?;
    state.runs.added();
    Ok(ok(&call, vec![CampaignRef { id }]))
}
