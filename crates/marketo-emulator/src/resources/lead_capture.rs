//! Push Lead to Marketo and Submit Form.

use super::{ok, Call};
use crate::http::error::{Failure, Reply};
use crate::http::extract;
use crate::http::router::Route;
use crate::model::{FormEntry, PushLeads};
use crate::state::AppState;
use serde::Deserialize;
use serde_json::{Map, Value};

/// The lead capture operations.
pub const ROUTES: &[Route] = &[
    Route::post("/rest/v1/leads/push.json", "Push Lead to Marketo", push).records(),
    Route::post("/rest/v1/leads/submitForm.json", "Submit Form", submit),
];

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct PushBody {
    program_name: Option<String>,
    source: Option<String>,
    reason: Option<String>,
    lookup_field: Option<String>,
    partition_name: Option<String>,
    #[serde(default)]
    input: Vec<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Submission {
    #[serde(default)]
    lead_form_fields: Map<String, Value>,
    #[serde(default)]
    visitor_data: Map<String, Value>,
    cookie: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SubmitBody {
    form_id: Option<i64>,
    #[serde(default)]
    input: Vec<Submission>,
}

fn push(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: PushBody = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let req = PushLeads {
        program_name: b.program_name,
        source: b.source,
        reason: b.reason,
        lookup_field: b.lookup_field,
        partition_name: b.partition_name,
        input: b.input,
        allowed_partitions: call.user.partitions.clone(),
        held: call.held,
    };
    let result = state.model.push_leads(&req, call.now)?;
    Ok(ok(&call, result))
}

fn submit(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let b: SubmitBody = extract::typed(call.json.clone().unwrap_or(Value::Null))?;
    let input: Vec<FormEntry> = b
        .input
        .into_iter()
        .map(|s| FormEntry {
            fields: s.lead_form_fields,
            visit: s.visitor_data,
            cookie: s.cookie,
        })
        .collect();
    let result = state.model.submit_form(b.form_id, &input, call.now)?;
    Ok(ok(&call, result))
}
