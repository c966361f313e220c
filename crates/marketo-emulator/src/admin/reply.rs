//! What an admin handler gets (its path parameters, query string, headers and body) and the answers it gives:
//! JSON with a status, and `{"error": "..."}` for every refusal.

use crate::http::error::{admin_error, admin_json};
use axum::body::Bytes;
use axum::response::Response;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

/// A refusal, ready to send (boxed: a response is large).
pub type Refusal = Box<Response>;

/// One admin call.
#[derive(Debug, Clone, Default)]
pub struct AdminRequest {
    /// The path's parameters (`{id}` of `faults/{id}`), by name.
    pub params: Vec<(&'static str, String)>,
    /// The query string (without `?`).
    pub query: String,
    /// The request headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl AdminRequest {
    /// The path parameter `name`.
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The path parameter `name` as an integer (the router only matches digits there).
    pub fn int_param(&self, name: &str) -> u64 {
        self.param(name).parse().unwrap_or(0)
    }

    /// The query string as `T` (unknown parameters refused when `T` says so).
    pub fn query<T: DeserializeOwned>(&self) -> Result<T, Refusal> {
        serde_urlencoded::from_str(&self.query)
            .map_err(|e| Box::new(bad_request(format!("query string: {e}"))))
    }

    /// The body as JSON `T` (an empty body reads as `{}` when `T` allows it).
    pub fn json<T: DeserializeOwned>(&self, what: &str) -> Result<T, Refusal> {
        let body: &[u8] = if self.body.iter().all(u8::is_ascii_whitespace) {
            b"{}"
        } else {
            &self.body
        };
        serde_json::from_slice(body).map_err(|e| Box::new(bad_request(format!("{what}: {e}"))))
    }
}

/// HTTP 200 with a JSON body.
pub fn json<T: serde::Serialize>(value: &T) -> Response {
    admin_json(value)
}

/// An error status with `{"error": message}`.
pub fn error(status: StatusCode, message: impl Into<String>) -> Response {
    admin_error(status, message)
}

/// 400 with `{"error": message}`.
pub fn bad_request(message: impl Into<String>) -> Response {
    admin_error(StatusCode::BAD_REQUEST, message)
}

/// 404 with `{"error": message}`.
pub fn not_found(message: impl Into<String>) -> Response {
    admin_error(StatusCode::NOT_FOUND, message)
}

/// 500 with `{"error": message}`.
pub fn internal(message: impl Into<String>) -> Response {
    admin_error(StatusCode::INTERNAL_SERVER_ERROR, message)
}
