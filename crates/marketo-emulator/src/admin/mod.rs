//! The control API under `/_emulator/`: never behind Marketo auth, never counted, never rate-limited.
//!
//! | call | does |
//! |---|---|
//! | `GET health` | `{"status":"ok"}` |
//! | `POST reset` | forget leads, lists, window, quota, request log, usage; fault rules back to the config's |
//! | `POST seed` | load `{"leads":[{..}], "lists":[{"id":N,"name":".."}]}` |
//! | `GET faults` | the active rules with their remaining counts |
//! | `POST faults` | add a rule (or an array of rules) |
//! | `DELETE faults` | remove every rule |
//! | `GET clock` | the emulator's time |
//! | `POST clock/advance` | `{"seconds":N}`: move the clock forward |
//! | `GET calls` | the request log |
//! | `GET usage` | calls counted today, in the window, in flight |

use crate::fault::FaultRule;
use crate::http::error::{admin_error, admin_json};
use crate::model::Seed;
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use bytes::Bytes;
use http::StatusCode;
use serde::Deserialize;
use std::time::Duration;

/// Largest admin body (seed documents can be big).
const ADMIN_BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The admin routes, to be nested under `/_emulator`; with an admin token configured, every call must carry it.
pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/reset", post(reset))
        .route("/seed", post(seed))
        .route(
            "/faults",
            get(list_faults).post(add_faults).delete(clear_faults),
        )
        .route("/clock", get(clock))
        .route("/clock/advance", post(advance))
        .route("/calls", get(calls))
        .route("/usage", get(usage))
        .layer(DefaultBodyLimit::max(ADMIN_BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            require_token,
        ))
}

/// With `[server] admin_token` set, a call without `Authorization: Bearer <token>` or
/// `X-Emulator-Admin-Token: <token>` is refused with 401 (the token is compared in constant time).
async fn require_token(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let Some(expected) = state.config.server.admin_token.as_deref() else {
        return next.run(req).await;
    };
    let headers = req.headers();
    let given = headers
        .get("x-emulator-admin-token")
        .and_then(|v| v.to_str().ok())
        .or_else(|| {
            headers
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
        });
    match given {
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => {
            next.run(req).await
        }
        _ => admin_error(
            StatusCode::UNAUTHORIZED,
            "the admin API needs the admin token: send Authorization: Bearer <token> or \
             X-Emulator-Admin-Token: <token>",
        ),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn bad_request(message: impl Into<String>) -> Response {
    admin_error(StatusCode::BAD_REQUEST, message)
}

async fn health() -> Response {
    admin_json(&serde_json::json!({"status": "ok"}))
}

async fn reset(State(state): State<AppState>) -> Response {
    match state.reset() {
        Ok(()) => admin_json(&serde_json::json!({"reset": true})),
        Err(e) => admin_error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
}

async fn seed(State(state): State<AppState>, body: Bytes) -> Response {
    let doc: Seed = match serde_json::from_slice(&body) {
        Ok(d) => d,
        Err(e) => return bad_request(format!("seed: {e}")),
    };
    match state.model.seed(&doc, state.now()) {
        Ok(report) => admin_json(&report),
        Err(e) => admin_error(
            StatusCode::BAD_REQUEST,
            format!("seed refused: {} {}", e.code, e.message),
        ),
    }
}

async fn list_faults(State(state): State<AppState>) -> Response {
    admin_json(&state.faults.list())
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(FaultRule),
    Many(Vec<FaultRule>),
}

async fn add_faults(State(state): State<AppState>, body: Bytes) -> Response {
    let rules = match serde_json::from_slice::<OneOrMany>(&body) {
        Ok(OneOrMany::One(r)) => vec![r],
        Ok(OneOrMany::Many(rs)) => rs,
        Err(e) => return bad_request(format!("fault rule: {e}")),
    };
    if let Some(err) = rules.iter().find_map(|r| r.validate().err()) {
        return bad_request(err);
    }
    let ids: Vec<u64> = rules.into_iter().map(|r| state.faults.add(r)).collect();
    admin_json(&serde_json::json!({"added": ids}))
}

async fn clear_faults(State(state): State<AppState>) -> Response {
    state.faults.clear();
    admin_json(&serde_json::json!({"cleared": true}))
}

async fn clock(State(state): State<AppState>) -> Response {
    admin_json(&serde_json::json!({"now": state.now()}))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Advance {
    seconds: f64,
}

async fn advance(State(state): State<AppState>, body: Bytes) -> Response {
    let req: Advance = match serde_json::from_slice(&body) {
        Ok(a) => a,
        Err(e) => return bad_request(format!("clock/advance: {e}")),
    };
    // A finite step too large for a Duration is refused below like any step past the clock's range.
    let by = match Duration::try_from_secs_f64(req.seconds) {
        Ok(d) => d,
        Err(_) if req.seconds.is_finite() && req.seconds > 0.0 => Duration::MAX,
        Err(_) => {
            return bad_request(format!(
                "clock/advance: seconds must be a non-negative number of seconds, not {}",
                req.seconds
            ))
        }
    };
    match state.clock.try_advance(by) {
        Ok(now) => admin_json(&serde_json::json!({"now": now})),
        Err(e) => bad_request(format!("clock/advance: {e}")),
    }
}

async fn calls(State(state): State<AppState>) -> Response {
    admin_json(&state.calls())
}

async fn usage(State(state): State<AppState>) -> Response {
    admin_json(&state.usage())
}
