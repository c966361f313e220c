//! Lead partitions: Get Lead Partitions, Update Lead Partition.

use super::{ok, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::Route;
use crate::model::PartitionMove;
use crate::state::AppState;
use serde::Deserialize;
use serde_json::Value;

/// The partition operations.
pub const ROUTES: &[Route] = &[
    Route::get(
        "/rest/v1/leads/partitions.json",
        "Get Lead Partitions",
        list,
    ),
    Route::post(
        "/rest/v1/leads/partitions.json",
        "Update Lead Partition",
        update,
    )
    .records(),
];

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Move {
    id: i64,
    partition_name: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Body {
    #[serde(default)]
    input: Vec<Move>,
}

/// `GET /rest/v1/leads/partitions.json`
fn list(state: &AppState, call: Call) -> Result<Reply, Failure> {
    Ok(ok(&call, state.model.partitions()))
}

/// `POST /rest/v1/leads/partitions.json` with `{"input":[{"id":N,"partitionName":".."}]}`
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let body: Body = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let moves: Vec<PartitionMove> = body
        .input
        .into_iter()
        .map(|m| PartitionMove {
            id: m.id,
            partition_name: m.partition_name,
        })
        .collect();
    let result = state.model.update_partitions(
        &moves,
        call.user.partitions.as_deref(),
        call.held.as_ref(),
        call.now,
    )?;
    Ok(ok(&call, result))
}
