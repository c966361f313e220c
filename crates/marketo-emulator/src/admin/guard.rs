//! The admin token: with `[server] admin_token` set, a call without `Authorization: Bearer <token>` or
//! `X-Emulator-Admin-Token: <token>` is refused with 401 (the token is compared in constant time, and never
//! echoed).

use super::reply;
use crate::state::AppState;
use http::{HeaderMap, StatusCode};

/// `Ok` when no token is configured or the call carries it.
pub fn check(state: &AppState, headers: &HeaderMap) -> Result<(), reply::Refusal> {
    let Some(expected) = state.config.server.admin_token.as_deref() else {
        return Ok(());
    };
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
        Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(Box::new(reply::error(
            StatusCode::UNAUTHORIZED,
            "the admin API needs the admin token: send Authorization: Bearer <token> or \
             X-Emulator-Admin-Token: <token>",
        ))),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
