//! Health, reset, seed, clock and usage.

use super::reply::{self, AdminRequest};
use crate::baseline::ResetTo;
use crate::model::Seed;
use crate::state::AppState;
use axum::response::Response;
use serde::Deserialize;
use std::time::Duration;

/// `GET /health`.
pub fn health(_: &AppState, _: &AdminRequest) -> Response {
    reply::json(&serde_json::json!({"status": "ok"}))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResetQuery {
    #[serde(default)]
    to: String,
}

/// `POST /reset[?to=seed|empty]`: what the baseline's seeds and rules created.
pub fn reset(state: &AppState, req: &AdminRequest) -> Response {
    let q: ResetQuery = match req.query() {
        Ok(q) => q,
        Err(refused) => return *refused,
    };
    let Some(to) = ResetTo::parse(&q.to) else {
        return reply::bad_request(format!("reset: to={:?} is not seed or empty", q.to));
    };
    match state.reset_to(to) {
        Ok(report) => reply::json(&serde_json::json!({
            "reset": true,
            "to": if to == ResetTo::Empty { "empty" } else { "seed" },
            "leads": report.leads,
            "lists": report.lists,
            "faults": report.faults,
        })),
        Err(e) => reply::internal(e.to_string()),
    }
}

/// `POST /seed`.
pub fn seed(state: &AppState, req: &AdminRequest) -> Response {
    let doc: Seed = match req.json("seed") {
        Ok(d) => d,
        Err(refused) => return *refused,
    };
    match state.model.seed(&doc, state.now()) {
        Ok(report) => reply::json(&report),
        Err(e) => reply::bad_request(format!("seed refused: {} {}", e.code, e.message)),
    }
}

/// `GET /clock`.
pub fn clock(state: &AppState, _: &AdminRequest) -> Response {
    reply::json(&serde_json::json!({"now": state.now()}))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    seconds: f64,
}

/// `POST /clock/advance` with `{"seconds": N}`.
pub fn advance(state: &AppState, req: &AdminRequest) -> Response {
    let step: Advance = match req.json("clock/advance") {
        Ok(a) => a,
        Err(refused) => return *refused,
    };
    // A finite step too large for a Duration is refused below like any step past the clock's range.
    let by = match Duration::try_from_secs_f64(step.seconds) {
        Ok(d) => d,
        Err(_) if step.seconds.is_finite() && step.seconds > 0.0 => Duration::MAX,
        Err(_) => {
            return reply::bad_request(format!(
                "clock/advance: seconds must be a non-negative number of seconds, not {}",
                step.seconds
            ))
        }
    };
    match state.clock.try_advance(by) {
        Ok(now) => reply::json(&serde_json::json!({"now": now})),
        Err(e) => reply::bad_request(format!("clock/advance: {e}")),
    }
}

/// `GET /usage`.
pub fn usage(state: &AppState, _: &AdminRequest) -> Response {
    reply::json(&state.usage())
}
