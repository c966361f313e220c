//! The HTTP transport behind a trait, so the client's logic does not depend on reqwest.

use crate::secret::Secret;
use bytes::Bytes;
use futures::future::BoxFuture;
use futures::stream::BoxStream;
use std::fmt;
use std::time::Duration;

/// An HTTP method the client sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// One HTTP request, ready to send. The access token sits apart from the headers, as a [`Secret`].
#[derive(Clone)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Full URL, query included. Never holds a secret.
    pub url: String,
    /// The bearer token, sent as `Authorization: Bearer ...`.
    pub bearer: Option<Secret>,
    /// `Content-Type` of the body.
    pub content_type: Option<&'static str>,
    /// The body.
    pub body: Option<Bytes>,
    /// When true the body holds a secret (the identity form) and is never logged.
    pub body_is_secret: bool,
    /// Further headers: `Range` for a resumed download, `Content-Type` with a multipart boundary. Never a
    /// secret (the token travels in `bearer`).
    pub headers: Vec<(&'static str, String)>,
}

/// Bodies longer than this are cut in `Debug` (and so in logs).
const LOGGED_BODY_BYTES: usize = 64 * 1024;

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = match (&self.body, self.body_is_secret) {
            (_, true) => "[REDACTED]".to_owned(),
            // A bulk import part is up to 10 MB: log its start only.
            (Some(b), false) if b.len() > LOGGED_BODY_BYTES => format!(
                "{}... ({} bytes)",
                String::from_utf8_lossy(&b[..LOGGED_BODY_BYTES]),
                b.len()
            ),
            (Some(b), false) => String::from_utf8_lossy(b).into_owned(),
            (None, false) => String::new(),
        };
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field(
                "authorization",
                &self.bearer.as_ref().map(|_| "Bearer [REDACTED]"),
            )
            .field("content_type", &self.content_type)
            .field("headers", &self.headers)
            .field("body", &body)
            .finish()
    }
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Headers, names lower-case.
    pub headers: Vec<(String, String)>,
    /// The whole body.
    pub body: Bytes,
}

/// A response whose body arrives as a stream of chunks (bulk files: read a chunk at a time, never whole).
pub struct StreamingResponse {
    /// Status code (200, 206 for a `Range`, 404 while an export file is not ready, ...).
    pub status: u16,
    /// Headers, names lower-case.
    pub headers: Vec<(String, String)>,
    /// The body; an `Err` item means the connection broke mid-body.
    pub body: BoxStream<'static, Result<Bytes, TransportError>>,
}

impl StreamingResponse {
    /// The first value of header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Debug for StreamingResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamingResponse")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

/// Why a request got no response.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct TransportError {
    /// What went wrong (never holds a URL or a secret).
    pub message: String,
    /// Whether it timed out.
    pub timeout: bool,
}

/// Sends HTTP requests. The default is [`ReqwestTransport`]; tests and other runtimes may plug their own.
pub trait Transport: Send + Sync + fmt::Debug {
    /// Send one request and read the whole response.
    fn send(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<HttpResponse, TransportError>>;

    /// Send one request and hand back the body as a stream (bulk file downloads). The default reads the
    /// whole body with [`Transport::send`] and yields it as one chunk, so a transport written before this
    /// method existed keeps working; [`ReqwestTransport`] streams.
    fn send_streaming(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<StreamingResponse, TransportError>> {
        let sent = self.send(request);
        Box::pin(async move {
            let r = sent.await?;
            Ok(StreamingResponse {
                status: r.status,
                headers: r.headers,
                body: Box::pin(futures::stream::once(async move { Ok(r.body) })),
            })
        })
    }
}

/// How long a streamed download may take as a whole (the per-call timeout would cut large files; a cut
/// download resumes with `Range` anyway).
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(6 * 3600);

/// The default transport: reqwest with rustls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with the given timeouts; `pool` idle connections are kept per host.
    pub fn new(connect: Duration, request: Duration, pool: usize) -> Result<Self, TransportError> {
        let client = reqwest::Client::builder()
            .connect_timeout(connect)
            .timeout(request)
            .pool_max_idle_per_host(pool)
            .gzip(true)
            .build()
            .map_err(from_reqwest)?;
        Ok(ReqwestTransport { client })
    }
}

fn from_reqwest(e: reqwest::Error) -> TransportError {
    let timeout = e.is_timeout();
    // `without_url` keeps URLs (and so anything in them) out of the message.
    let e = e.without_url();
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    TransportError { message, timeout }
}

fn header_list(response: &reqwest::Response) -> Vec<(String, String)> {
    response
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

impl ReqwestTransport {
    fn build(&self, request: HttpRequest) -> reqwest::RequestBuilder {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut builder = self.client.request(method, &request.url);
        if let Some(token) = &request.bearer {
            let mut value =
                reqwest::header::HeaderValue::from_str(&format!("Bearer {}", token.expose()))
                    .unwrap_or_else(|_| {
                        reqwest::header::HeaderValue::from_static("Bearer invalid")
                    });
            value.set_sensitive(true);
            builder = builder.header(reqwest::header::AUTHORIZATION, value);
        }
        if let Some(ct) = request.content_type {
            builder = builder.header(reqwest::header::CONTENT_TYPE, ct);
        }
        for (name, value) in request.headers {
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder.body(body);
        }
        builder
    }
}

impl Transport for ReqwestTransport {
    fn send(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
        let builder = self.build(request);
        Box::pin(async move {
            let response = builder.send().await.map_err(from_reqwest)?;
            let status = response.status().as_u16();
            let headers = header_list(&response);
            let body = response.bytes().await.map_err(from_reqwest)?;
            Ok(HttpResponse {
                status,
                headers,
                body,
            })
        })
    }

    fn send_streaming(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<StreamingResponse, TransportError>> {
        let builder = self.build(request).timeout(DOWNLOAD_TIMEOUT);
        Box::pin(async move {
            use futures::TryStreamExt;
            let response = builder.send().await.map_err(from_reqwest)?;
            let status = response.status().as_u16();
            let headers = header_list(&response);
            let body = Box::pin(response.bytes_stream().map_err(from_reqwest));
            Ok(StreamingResponse {
                status,
                headers,
                body,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_debug_hides_token_and_secret_bodies() {
        let r = HttpRequest {
            method: Method::Post,
            url: "http://h/identity/oauth/token".into(),
            bearer: Some(Secret::new("tok-1")),
            content_type: Some("application/x-www-form-urlencoded"),
            body: Some(Bytes::from_static(b"client_secret=shh")),
            body_is_secret: true,
            headers: Vec::new(),
        };
        let s = format!("{r:?}");
        assert!(!s.contains("tok-1") && !s.contains("shh"), "{s}");
        assert!(s.contains("Bearer [REDACTED]"));
    }
}
