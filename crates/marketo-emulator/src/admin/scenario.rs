//! Scenarios through the API: load one (it becomes part of the baseline resets return to), read it, forget it.

use super::reply::{self, AdminRequest};
use crate::scenario::Scenario;
use crate::state::AppState;
use axum::response::Response;

/// `GET /scenario`: `{"scenario": <the loaded one, or null>}`.
pub fn get(state: &AppState, _: &AdminRequest) -> Response {
    reply::json(&serde_json::json!({"scenario": state.baseline_scenario()}))
}

/// `POST /scenario` with a scenario document (JSON): what it created and the clock after it.
pub fn load(state: &AppState, req: &AdminRequest) -> Response {
    let text = String::from_utf8_lossy(&req.body);
    let scenario = match Scenario::from_json_str(&text) {
        Ok(s) => s,
        Err(e) => return reply::bad_request(e.to_string()),
    };
    match state.load_scenario(scenario) {
        Ok(report) => reply::json(&report),
        Err(e) => reply::bad_request(e.to_string()),
    }
}

/// `DELETE /scenario`: later resets go back to the config's baseline only (the data stays as it is).
pub fn forget(state: &AppState, _: &AdminRequest) -> Response {
    let was = state.forget_scenario();
    reply::json(&serde_json::json!({"forgotten": was.is_some()}))
}
