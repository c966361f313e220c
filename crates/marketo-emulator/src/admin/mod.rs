//! The control API under `/_emulator/`: never behind Marketo auth, never counted, never rate-limited; with
//! `[server] admin_token` set, every call but the inspector's static assets must carry the token.
//!
//! Every operation is one row of [`routes::ROUTES`] (method, path, summary, handler); the dispatcher
//! ([`dispatch`]) matches a call against the table, so an unknown path is 404 and a known path with another
//! method 405, both with a JSON body. `GET /_emulator/openapi.json` documents the same table (a test keeps the
//! two equal).
//!
//! | area | calls |
//! |---|---|
//! | control | `GET health`, `POST reset` (`?to=empty`), `POST seed`, `GET clock`, `POST clock/advance`, `GET usage` |
//! | faults | `GET / POST / DELETE faults`, `GET / DELETE faults/{id}` |
//! | request log | `GET calls` (filters), `GET calls/{id}`, `DELETE calls`, `GET calls/stream` (server-sent events) |
//! | data | `GET data`, `data/leads`, `data/leads/{id}`, `data/lists`, `data/memberships`, `data/activities`, `data/bulk`, `data/objects`, `data/objects/{kind}` |
//! | scenario | `GET / POST / DELETE scenario` |
//! | docs, inspector | `GET openapi.json`, `GET ui` and its assets |

mod calls;
mod control;
mod data;
mod faults;
mod guard;
mod openapi;
mod reply;
pub mod routes;
mod scenario;
mod ui;

use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::response::Response;
use axum::routing::any;
use axum::Router;
use http::{HeaderMap, Method, StatusCode, Uri};
use routes::{Found, Handler};

pub use reply::AdminRequest;

/// The admin API's path prefix.
pub const PREFIX: &str = "/_emulator";

/// Largest admin body (seed documents and scenarios can be big).
const ADMIN_BODY_LIMIT: usize = 64 * 1024 * 1024;

/// The admin routes: `/_emulator` and everything under it, to merge into the app's router.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(PREFIX, any(dispatch))
        .route(&format!("{PREFIX}/"), any(dispatch))
        .route(&format!("{PREFIX}/{{*rest}}"), any(dispatch))
        .layer(DefaultBodyLimit::max(ADMIN_BODY_LIMIT))
}

/// Match the call against [`routes::ROUTES`], check the admin token, run the handler.
pub async fn dispatch(
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().strip_prefix(PREFIX).unwrap_or(uri.path());
    let path = if path.is_empty() { "/" } else { path };
    let (route, params) = match routes::find(method.as_str(), path) {
        Found::Route(route, params) => (route, params),
        Found::MethodNotAllowed(allowed) => {
            let mut resp = reply::error(
                StatusCode::METHOD_NOT_ALLOWED,
                format!(
                    "{method} is not allowed on {PREFIX}{path} (allowed: {})",
                    allowed.join(", ")
                ),
            );
            if let Ok(v) = allowed.join(", ").parse() {
                resp.headers_mut().insert(http::header::ALLOW, v);
            }
            return resp;
        }
        Found::NotFound => {
            if let Err(refused) = guard::check(&state, &headers) {
                return *refused;
            }
            return reply::error(
                StatusCode::NOT_FOUND,
                format!(
                    "no admin endpoint {method} {PREFIX}{path}: GET {PREFIX}/openapi.json lists them"
                ),
            );
        }
    };
    if !route.public {
        if let Err(refused) = guard::check(&state, &headers) {
            return *refused;
        }
    }
    let req = AdminRequest {
        params,
        query: uri.query().unwrap_or("").to_owned(),
        headers,
        body,
    };
    match route.handler {
        Handler::Inline(f) => f(&state, &req),
        Handler::Blocking(f) => {
            let state = state.clone();
            tokio::task::spawn_blocking(move || f(&state, &req))
                .await
                .unwrap_or_else(|_| {
                    reply::error(StatusCode::INTERNAL_SERVER_ERROR, "the admin call panicked")
                })
        }
    }
}
