//! Leads: Sync Leads, Get Leads by Filter Type, Get Lead by Id, Delete Leads, Describe Lead(2).

use super::{batch_size, blocking, page_reply, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::model::{FilterQuery, SyncLeads};
use crate::state::AppState;
use marketo_types::envelope::Envelope;
use serde::Deserialize;
use serde_json::Value;

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
pub async fn sync(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let body: SyncBody = extract::typed(call.json.unwrap_or(Value::Null))?;
    let records = body.input.len();
    let req = SyncLeads {
        action: body.action,
        lookup_field: body.lookup_field,
        partition_name: body.partition_name,
        input: body.input,
        allowed_partitions: call.user.partitions.clone(),
        held: call.held,
    };
    let now = call.now;
    let result = blocking(state, move |m| m.sync_leads(&req, now)).await?;
    Ok(Reply::envelope(
        &Envelope::ok(call.request_id, result),
        records,
    ))
}

/// `GET /rest/v1/leads.json?filterType=&filterValues=&fields=&batchSize=&nextPageToken=`
pub fn by_filter(state: &AppState, call: &Call) -> Result<Reply, Failure> {
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
pub fn by_id(state: &AppState, call: &Call, id: i64) -> Result<Reply, Failure> {
    let fields = call.params.fields();
    let records = state.model.get_lead(id, fields.as_deref())?;
    let n = records.len();
    Ok(Reply::envelope(
        &Envelope::ok(call.request_id.clone(), records),
        n,
    ))
}

/// `POST /rest/v1/leads/delete.json` (JSON `input`, or `id=1,2,3`)
pub async fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let n = ids.len();
    let held = call.held;
    let result = blocking(state, move |m| m.delete_leads(&ids, held.as_ref())).await?;
    Ok(Reply::envelope(&Envelope::ok(call.request_id, result), n))
}

/// `GET /rest/v1/leads/describe.json` and `describe2.json`
pub fn describe(state: &AppState, call: &Call, v2: bool) -> Reply {
    let result = if v2 {
        state.model.describe2()
    } else {
        state.model.describe()
    };
    let n = result.len();
    Reply::envelope(&Envelope::ok(call.request_id.clone(), result), n)
}
