//! The handlers: parse the call's parameters and body, call the model, wrap the answer in the envelope.
//! Nothing else happens here; the guards are the pipeline's and the domain rules the model's.

mod activities;
mod bulk_export;
mod bulk_import;
mod file;
pub mod identity;
mod leads;
mod lists;
mod stats;

use super::error::{Failure, Reply};
use super::extract::Params;
use super::routes::Op;
use crate::config::ApiUser;
use crate::model::{Model, Page};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use marketo_types::envelope::{ApiError, Envelope};
use serde_json::Value;
use std::sync::Arc;

/// One authenticated, admitted call.
#[derive(Debug)]
pub struct Call {
    /// The requestId it is answered with.
    pub request_id: String,
    /// Query and form parameters.
    pub params: Params,
    /// The JSON body, when the operation reads one and the call sent one.
    pub json: Option<Value>,
    /// The API user.
    pub user: ApiUser,
    /// When it was admitted.
    pub now: DateTime<Utc>,
    /// The `file` part of a multipart body (bulk import).
    pub upload: Option<bytes::Bytes>,
    /// The `Range` header (bulk export files).
    pub range: Option<String>,
    /// Records a record-level fault answers skipped (writes only: the model leaves them as they are).
    pub held: Option<crate::fault::records::Held>,
}

/// Run the operation.
pub async fn dispatch(state: &AppState, op: Op, call: Call) -> Result<Reply, Failure> {
    match op {
        Op::SyncLeads => leads::sync(state, call).await,
        Op::LeadsByFilter => leads::by_filter(state, &call),
        Op::GetLead(id) => leads::by_id(state, &call, id),
        Op::DeleteLeads => leads::delete(state, call).await,
        Op::Describe => Ok(leads::describe(state, &call, false)),
        Op::Describe2 => Ok(leads::describe(state, &call, true)),
        Op::ListMembers(list) => lists::members(state, &call, list),
        Op::ListAdd(list) => lists::add(state, call, list).await,
        Op::ListRemove(list) => lists::remove(state, call, list).await,
        Op::ListIsMember(list) => lists::is_member(state, &call, list),
        Op::Usage { last7 } => stats::usage(state, &call, last7),
        Op::Errors { last7 } => stats::errors(state, &call, last7),
        Op::Activities(read) => activities::read(state, &call, read).await,
        Op::BulkImport => bulk_import::submit(state, call).await,
        Op::ImportBatch(id, file) => bulk_import::batch(state, call, id, file).await,
        Op::ExportCreate(kind) => bulk_export::create(state, call, kind).await,
        Op::ExportList(kind) => bulk_export::list(state, call, kind).await,
        Op::ExportJob(kind, id, action) => bulk_export::job(state, call, kind, id, action).await,
        // The pipeline answers identity calls before authentication.
        Op::Token => Err(Failure::code(610, &[])),
    }
}

/// Run a model write on the blocking pool; a panic there is 611 "System error", never a crash.
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Model) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, Failure> {
    let model = Arc::clone(&state.model);
    match tokio::task::spawn_blocking(move || f(&model)).await {
        Ok(result) => result.map_err(Failure::Api),
        Err(_) => Err(Failure::code(611, &[])),
    }
}

/// `batchSize`: absent is the default (0 to the model); not a non-negative integer is 1001.
fn batch_size(params: &Params) -> Result<usize, Failure> {
    match params.int("batchSize")? {
        None => Ok(0),
        Some(n) => usize::try_from(n).map_err(|_| {
            super::extract::wrong_type(params.get("batchSize").unwrap_or(""), "Integer")
        }),
    }
}

/// A page of records in the envelope, with `nextPageToken` when another page follows.
fn page_reply(request_id: &str, page: Page) -> Reply {
    let n = page.items.len();
    let mut env = Envelope::ok(request_id.to_owned(), page.items);
    env.next_page_token = page.next_page_token;
    if page.more_result {
        env.more_result = Some(true);
    }
    Reply::envelope(&env, n)
}
