//! Who is calling: the `Authorization: Bearer` header (or, with the legacy switch, the `access_token`
//! parameter). No token: 600; a token never issued: 601; an expired one: 602. Tokens never reach a log line.

use super::error::Failure;
use super::extract::Params;
use crate::config::ApiUser;
use crate::state::AppState;
use crate::tokens::TokenState;
use chrono::{DateTime, Utc};
use http::{header, HeaderMap};

/// The token the call presents, if any: `Ok(None)` when there is none, `Err(())` for an Authorization header
/// that is not a bearer token.
fn presented<'a>(
    headers: &'a HeaderMap,
    params: &'a Params,
    legacy: bool,
) -> Result<Option<&'a str>, ()> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let value = value.to_str().map_err(|_| ())?.trim();
        if value.is_empty() {
            return Ok(None);
        }
        let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(());
        }
        let token = token.trim();
        return Ok((!token.is_empty()).then_some(token));
    }
    if legacy {
        return Ok(params.get("access_token").filter(|t| !t.trim().is_empty()));
    }
    Ok(None)
}

/// The API user behind the call's token.
pub fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
    params: &Params,
    now: DateTime<Utc>,
) -> Result<ApiUser, Failure> {
    let token = match presented(headers, params, state.config.legacy_access_token) {
        Ok(Some(t)) => t,
        Ok(None) => return Err(Failure::code(600, &[])),
        Err(()) => return Err(Failure::code(601, &[])),
    };
    let checked = state
        .tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .check(token, now);
    match checked {
        TokenState::Valid(client_id) => state
            .user(&client_id)
            .cloned()
            .ok_or_else(|| Failure::code(601, &[])),
        TokenState::Expired => Err(Failure::code(602, &[])),
        TokenState::Unknown => Err(Failure::code(601, &[])),
    }
}
