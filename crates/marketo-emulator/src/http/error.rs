//! The only place an outcome becomes an HTTP response: Marketo's envelope (HTTP 200 with `success:false`),
//! HTTP-level statuses (413, 414, injected 502s), the identity endpoint's OAuth errors, and dropped
//! connections. Every JSON body is sent as `application/json;charset=UTF-8`.

use axum::body::Body;
use axum::response::Response;
use bytes::Bytes;
use http::{header, HeaderValue, StatusCode};
use marketo_types::codes;
use marketo_types::envelope::{ApiError, Envelope};

/// Marketo's JSON content type, exactly.
pub const JSON_UTF8: &str = "application/json;charset=UTF-8";

/// Marks a response whose connection must be closed without answering (a `drop` fault rule).
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// A successful answer, serialised.
#[derive(Debug)]
pub struct Reply {
    /// The JSON body.
    pub body: Bytes,
    /// Records the call touched (for the per-record latency model).
    pub records: usize,
    /// An identity answer (sent with `Cache-Control: no-store`).
    pub identity: bool,
    /// A response that is not JSON (a bulk file, or the file endpoint's plain-text 404), sent as it is.
    pub raw: Option<RawReply>,
}

/// A non-JSON response: status, headers, body (streamed).
pub struct RawReply {
    /// The HTTP status.
    pub status: u16,
    /// Headers to send.
    pub headers: Vec<(header::HeaderName, HeaderValue)>,
    /// The body.
    pub body: Body,
}

impl std::fmt::Debug for RawReply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawReply")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

impl Reply {
    /// A REST envelope.
    pub fn envelope<T: serde::Serialize>(env: &Envelope<T>, records: usize) -> Reply {
        Reply::json(env, records)
    }

    /// Any JSON value.
    pub fn json<T: serde::Serialize>(value: &T, records: usize) -> Reply {
        // Serialising our own types into memory cannot fail; an empty object is the fallback anyway.
        let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
        Reply {
            body: Bytes::from(body),
            records,
            identity: false,
            raw: None,
        }
    }

    /// A non-JSON response.
    pub fn raw(raw: RawReply, records: usize) -> Reply {
        Reply {
            body: Bytes::new(),
            records,
            identity: false,
            raw: Some(raw),
        }
    }

    /// The HTTP status it is sent with.
    pub fn status(&self) -> u16 {
        self.raw.as_ref().map_or(200, |r| r.status)
    }
}

/// Why a call was not answered normally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A response-level error in Marketo's envelope (HTTP 200).
    Api(ApiError),
    /// An HTTP-level status (413, 414, an injected 502, ...).
    Http(u16),
    /// The identity endpoint's OAuth error (`{"error":..,"error_description":..}`).
    OAuth {
        /// HTTP status (401, 400).
        status: u16,
        /// The OAuth error name.
        error: &'static str,
        /// Its description.
        description: String,
    },
    /// Close the connection without answering.
    Drop,
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Api(e)
    }
}

impl Failure {
    /// The catalogued error `code` with its template filled.
    pub fn code(code: u16, args: &[&str]) -> Failure {
        Failure::Api(ApiError::catalogued(code, args))
    }

    /// The HTTP status it is answered with (0 for a dropped connection).
    pub fn status(&self) -> u16 {
        match self {
            Failure::Api(_) => 200,
            Failure::Http(s) => *s,
            Failure::OAuth { status, .. } => *status,
            Failure::Drop => 0,
        }
    }

    /// The code in `errors[0]` (or the HTTP-level code), if any.
    pub fn api_code(&self) -> Option<u16> {
        match self {
            Failure::Api(e) => Some(e.code.value()),
            Failure::Http(s) => Some(*s),
            Failure::OAuth { status, .. } => Some(*status),
            Failure::Drop => None,
        }
    }

    /// Whether a call answered this way counts against the rate window and the daily quota: the catalogue's
    /// `counted` flag (601, 602, 604, 605, 608, 611 do not); a dropped connection never does.
    pub fn counted(&self) -> bool {
        match self {
            Failure::Api(_) | Failure::Http(_) => self
                .api_code()
                .and_then(codes::lookup)
                .is_none_or(|c| c.counted),
            Failure::OAuth { .. } | Failure::Drop => false,
        }
    }
}

fn json_response(status: StatusCode, body: Bytes) -> Response {
    let mut resp = Response::new(Body::from(body));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_UTF8));
    resp
}

fn no_store(resp: &mut Response) {
    let h = resp.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

/// Turn an outcome into the response.
pub fn render(request_id: &str, outcome: Result<Reply, Failure>) -> Response {
    match outcome {
        Ok(Reply { raw: Some(raw), .. }) => {
            let mut resp = Response::new(raw.body);
            *resp.status_mut() = StatusCode::from_u16(raw.status).unwrap_or(StatusCode::OK);
            for (name, value) in raw.headers {
                resp.headers_mut().insert(name, value);
            }
            resp
        }
        Ok(reply) => {
            let mut resp = json_response(StatusCode::OK, reply.body);
            if reply.identity {
                no_store(&mut resp);
            }
            resp
        }
        Err(Failure::Api(e)) => {
            let env: Envelope<()> = Envelope::failure(request_id, e);
            json_response(StatusCode::OK, Reply::json(&env, 0).body)
        }
        Err(Failure::Http(status)) => {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            let message = codes::lookup(status)
                .map(|c| c.message.to_owned())
                .or_else(|| code.canonical_reason().map(str::to_owned))
                .unwrap_or_else(|| status.to_string());
            let env: Envelope<()> = Envelope::failure(request_id, ApiError::new(status, message));
            json_response(code, Reply::json(&env, 0).body)
        }
        Err(Failure::OAuth {
            status,
            error,
            description,
        }) => {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::UNAUTHORIZED);
            let body = serde_json::json!({"error": error, "error_description": description});
            let mut resp = json_response(code, Reply::json(&body, 0).body);
            no_store(&mut resp);
            resp
        }
        Err(Failure::Drop) => {
            let mut resp = Response::new(Body::empty());
            *resp.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            resp.extensions_mut().insert(DropConnection);
            resp
        }
    }
}

/// An admin API error: `{"error": "..."}` with the given status.
pub fn admin_error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({"error": message.into()});
    json_response(status, Reply::json(&body, 0).body)
}

/// An admin API success: any JSON value, HTTP 200.
pub fn admin_json<T: serde::Serialize>(value: &T) -> Response {
    json_response(StatusCode::OK, Reply::json(value, 0).body)
}
