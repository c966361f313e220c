//! Static lists: members, add, remove, is-member (`/rest/v1/lists/{id}/leads.json`, `.../ismember.json`, and
//! the legacy `/rest/v1/list/{id}/leads.json`).

use super::leads::ids;
use super::{batch_size, blocking, page_reply, Call};
use crate::http::error::{Failure, Reply};
use crate::state::AppState;
use marketo_types::envelope::Envelope;

/// `GET /rest/v1/lists/{id}/leads.json?fields=&batchSize=&nextPageToken=`
pub fn members(state: &AppState, call: &Call, list: i64) -> Result<Reply, Failure> {
    let p = &call.params;
    let fields = p.fields();
    let page = state.model.list_members(
        list,
        fields.as_deref(),
        batch_size(p)?,
        p.get("nextPageToken"),
    )?;
    Ok(page_reply(&call.request_id, page))
}

/// `POST /rest/v1/lists/{id}/leads.json`
pub async fn add(state: &AppState, call: Call, list: i64) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let n = ids.len();
    let now = call.now;
    let held = call.held;
    let result = blocking(state, move |m| m.list_add(list, &ids, held.as_ref(), now)).await?;
    Ok(Reply::envelope(&Envelope::ok(call.request_id, result), n))
}

/// `DELETE /rest/v1/lists/{id}/leads.json`
pub async fn remove(state: &AppState, call: Call, list: i64) -> Result<Reply, Failure> {
    let ids = ids(&call)?;
    let n = ids.len();
    let now = call.now;
    let held = call.held;
    let result = blocking(state, move |m| {
        m.list_remove(list, &ids, held.as_ref(), now)
    })
    .await?;
    Ok(Reply::envelope(&Envelope::ok(call.request_id, result), n))
}

/// `GET /rest/v1/lists/{id}/leads/ismember.json?id=`
pub fn is_member(state: &AppState, call: &Call, list: i64) -> Result<Reply, Failure> {
    let ids = ids(call)?;
    let n = ids.len();
    let result = state.model.list_is_member(list, &ids)?;
    Ok(Reply::envelope(
        &Envelope::ok(call.request_id.clone(), result),
        n,
    ))
}
