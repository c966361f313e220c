//! Fault rules one by one: list (with how often each fired), add one or several, read, remove one, clear.

use super::reply::{self, AdminRequest};
use crate::fault::FaultRule;
use crate::state::AppState;
use axum::response::Response;
use serde::Deserialize;

/// `GET /faults`: every rule, retired ones included, with `fired`, `remaining` and `active`.
pub fn list(state: &AppState, _: &AdminRequest) -> Response {
    reply::json(&state.faults.list())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(FaultRule),
    Many(Vec<FaultRule>),
}

/// `POST /faults` with a rule or an array of rules: `{"added": [ids]}`. A rule that does not parse (two
/// effects, a code the catalogue does not have) refuses the whole call with 400 and the reason.
pub fn add(state: &AppState, req: &AdminRequest) -> Response {
    let rules = match serde_json::from_slice::<OneOrMany>(&req.body) {
        Ok(OneOrMany::One(r)) => vec![r],
        Ok(OneOrMany::Many(rs)) => rs,
        Err(_) => return reply::bad_request(format!("fault rule: {}", why(&req.body))),
    };
    let ids: Vec<u64> = rules.into_iter().map(|r| state.faults.add(r)).collect();
    reply::json(&serde_json::json!({"added": ids}))
}

/// The reason a body is not a rule or an array of rules (an untagged enum only says that neither matched).
fn why(body: &[u8]) -> String {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Err(e) => e.to_string(),
        Ok(serde_json::Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .find_map(|(i, item)| {
                serde_json::from_value::<FaultRule>(item)
                    .err()
                    .map(|e| format!("rule {i}: {e}"))
            })
            .unwrap_or_else(|| "not a rule or an array of rules".to_owned()),
        Ok(value) => serde_json::from_value::<FaultRule>(value)
            .err()
            .map_or_else(|| "not a rule".to_owned(), |e| e.to_string()),
    }
}

/// `DELETE /faults`.
pub fn clear(state: &AppState, _: &AdminRequest) -> Response {
    state.faults.clear();
    reply::json(&serde_json::json!({"cleared": true}))
}

/// `GET /faults/{id}`.
pub fn get(state: &AppState, req: &AdminRequest) -> Response {
    let id = req.int_param("id");
    match state.faults.get(id) {
        Some(rule) => reply::json(&rule),
        None => reply::not_found(format!("no fault rule {id}")),
    }
}

/// `DELETE /faults/{id}`: the rule as it was when removed.
pub fn remove(state: &AppState, req: &AdminRequest) -> Response {
    let id = req.int_param("id");
    let Some(rule) = state.faults.get(id) else {
        return reply::not_found(format!("no fault rule {id}"));
    };
    state.faults.remove(id);
    reply::json(&serde_json::json!({"removed": rule}))
}
