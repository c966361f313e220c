//! `GET|POST /identity/oauth/token`: client credentials in the query string or a form body. A live token is
//! handed out again with its remaining lifetime. Unknown client or wrong secret: HTTP 401 with Spring Security
//! OAuth2's bodies (wire-facts 2.1). Never counted against the quota.

use crate::http::error::{Failure, Reply};
use crate::http::extract::{self, Params};
use crate::http::router::{Route, Verb};
use crate::state::AppState;
use http::HeaderMap;
use serde::Serialize;

/// Identity: the token endpoint, by GET or POST.
pub const ROUTES: &[Route] = &[
    Route::public(Verb::Get, "/identity/oauth/token", "Identity", token),
    Route::public(Verb::Post, "/identity/oauth/token", "Identity", token),
];

#[derive(Serialize)]
struct TokenBody<'a> {
    access_token: &'a str,
    token_type: &'static str,
    expires_in: i64,
    scope: &'a str,
}

fn oauth(status: u16, error: &'static str, description: String) -> Failure {
    Failure::OAuth {
        status,
        error,
        description,
    }
}

/// Issue (or hand out again) a token.
pub fn token(
    state: &AppState,
    headers: &HeaderMap,
    mut params: Params,
    body: &[u8],
) -> Result<Reply, Failure> {
    if extract::is_form(headers) {
        params.extend(Params::parse(&String::from_utf8_lossy(body)));
    }
    let client_id = params.get("client_id").unwrap_or("");
    let user = match state.user(client_id) {
        Some(u) => u,
        None => {
            let shown: String = client_id.chars().take(100).collect();
            return Err(oauth(
                401,
                "unauthorized",
                format!("No client with requested id: {shown}"),
            ));
        }
    };
    if params.get("client_secret") != Some(user.client_secret.as_str()) {
        return Err(oauth(
            401,
            "invalid_client",
            "Bad client credentials".to_owned(),
        ));
    }
    match params.get("grant_type") {
        Some("client_credentials") => {}
        None | Some("") => {
            return Err(oauth(
                400,
                "invalid_request",
                "Missing grant type".to_owned(),
            ))
        }
        Some(other) => {
            let shown: String = other.chars().take(100).collect();
            return Err(oauth(
                400,
                "unsupported_grant_type",
                format!("Unsupported grant type: {shown}"),
            ));
        }
    }
    let grant = state
        .tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .grant(
            &user.client_id,
            &state.config.pod,
            state.now(),
            state.config.token_ttl(),
        );
    let mut reply = Reply::json(
        &TokenBody {
            access_token: &grant.access_token,
            token_type: "bearer",
            expires_in: grant.expires_in,
            scope: &user.email,
        },
        0,
    );
    reply.identity = true;
    Ok(reply)
}
