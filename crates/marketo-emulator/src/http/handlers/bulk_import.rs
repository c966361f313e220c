//! Bulk Lead Import: `POST /bulk/v1/leads.json` (multipart: `file`, `format`, `lookupField`, `listId`,
//! `partitionName`), `GET /bulk/v1/leads/batch/{id}.json`, and its `failures.json` / `warnings.json` files.

use super::{file, Call};
use crate::bulk::{ImportFile, ImportRequest};
use crate::http::error::{Failure, Reply};
use crate::state::AppState;
use marketo_types::envelope::{ApiError, Envelope};

/// Run bulk work (which may upsert a whole import or write an export file) off the async runtime; a panic
/// there is 611 "System error".
pub(super) async fn off_runtime<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, Failure> {
    let state = state.clone();
    match tokio::task::spawn_blocking(move || f(&state)).await {
        Ok(result) => result.map_err(Failure::Api),
        Err(_) => Err(Failure::code(611, &[])),
    }
}

/// `POST /bulk/v1/leads.json`: the `Queued` job (`batchId`, `importId`, `status`).
pub async fn submit(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let file = call.upload.ok_or_else(|| Failure::code(1002, &["file"]))?;
    if file.len() > state.config.bulk.max_import_bytes {
        return Err(Failure::Http(413));
    }
    let p = &call.params;
    let text = |name: &str| p.get(name).map(str::to_owned);
    let req = ImportRequest {
        owner: call.user.client_id.clone(),
        partitions: call.user.partitions.clone(),
        format: text("format"),
        lookup_field: text("lookupField"),
        list_id: p.int("listId")?,
        partition_name: text("partitionName"),
        file,
    };
    let now = call.now;
    let entry = off_runtime(state, move |s| s.bulk.submit_import(&s.model, req, now)).await?;
    Ok(Reply::envelope(
        &Envelope::ok(call.request_id, vec![entry]),
        1,
    ))
}

/// `GET /bulk/v1/leads/batch/{id}.json`, `.../failures.json`, `.../warnings.json`.
pub async fn batch(
    state: &AppState,
    call: Call,
    id: i64,
    which: Option<ImportFile>,
) -> Result<Reply, Failure> {
    let owner = call.user.client_id.clone();
    let now = call.now;
    match which {
        None => {
            let entry = off_runtime(state, move |s| {
                s.bulk.import_status(&s.model, &owner, id, now)
            })
            .await?;
            Ok(Reply::envelope(
                &Envelope::ok(call.request_id, vec![entry]),
                1,
            ))
        }
        Some(which) => {
            let served = off_runtime(state, move |s| {
                s.bulk.import_file(&s.model, &owner, id, which, now)
            })
            .await?;
            Ok(file::serve(&state.model, served, None))
        }
    }
}
