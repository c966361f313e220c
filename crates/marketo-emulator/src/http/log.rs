//! What the request log keeps of a call's HTTP side: the headers that say what was sent, and the response body
//! (read back from JSON answers, which are in memory already; a streamed file is logged by its size).

use crate::calls::body::LoggedBody;
use crate::state::AppState;
use axum::body::Body;
use axum::response::Response;
use bytes::Bytes;
use http::HeaderMap;
use http_body_util::BodyExt;
use std::collections::BTreeMap;

/// Request headers the request log keeps (`Authorization` with its scheme only).
const LOGGED_HEADERS: &[&str] = &[
    "accept",
    "authorization",
    "content-length",
    "content-type",
    "range",
    "user-agent",
];

/// Largest response body the request log reads back from a response that is not JSON (a plain-text 404);
/// bigger ones (export files) are streamed and logged by size only.
const RAW_LOGGED: u64 = 64 * 1024;

/// The request headers the log keeps, secrets masked.
pub fn request_headers(state: &AppState, headers: &HeaderMap) -> BTreeMap<String, String> {
    LOGGED_HEADERS
        .iter()
        .filter_map(|&name| {
            let value = headers.get(name)?.to_str().unwrap_or("(not text)");
            Some((name.to_owned(), state.redactor.header(name, value)))
        })
        .collect()
}

/// The response, its content type and its body as the request log keeps it. JSON answers are in memory
/// already; a streamed file is logged by its size.
pub async fn response(
    state: &AppState,
    response: Response,
    raw: bool,
) -> (Response, Option<String>, Option<LoggedBody>) {
    let (parts, body) = response.into_parts();
    let content_type = parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let hint = axum::body::HttpBody::size_hint(&body);
    let small = hint.exact().is_some_and(|n| n <= RAW_LOGGED);
    if raw && !small {
        let size = parts
            .headers
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .or(hint.exact())
            .unwrap_or(0);
        let logged = (size > 0).then(|| LoggedBody::not_kept(size));
        return (Response::from_parts(parts, body), content_type, logged);
    }
    let bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => Bytes::new(),
    };
    let logged = LoggedBody::capture(&bytes, &state.redactor);
    (
        Response::from_parts(parts, Body::from(bytes)),
        content_type,
        logged,
    )
}
