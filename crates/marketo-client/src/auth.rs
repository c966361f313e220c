//! Access tokens: fetched on first use, cached, refreshed before they expire, one refresh at a time however
//! many calls wait (single-flight through one async mutex), and dropped when the server says 601/602 so the
//! next attempt rebuilds its request with a fresh one.

use crate::error::{Error, ErrorKind};
use crate::failed_calls::FailedCalls;
use crate::redact::Redactor;
use crate::retry::Backoff;
use crate::secret::Secret;
use crate::transport::{HttpRequest, Method, Transport};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use serde::Deserialize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone)]
struct Token {
    value: Secret,
    expires_at: DateTime<Utc>,
    /// The server gave back the token we already held (it does that before expiry): use it to the end.
    reissued: bool,
}

#[derive(Deserialize)]
struct TokenBody {
    access_token: String,
    expires_in: i64,
}

#[derive(Deserialize)]
struct OAuthError {
    error: Option<String>,
    error_description: Option<String>,
}

/// The token cache of one client (shared by its clones).
#[derive(Debug)]
pub(crate) struct Auth {
    url: String,
    client_id: String,
    secret: Secret,
    margin: Duration,
    attempts: u32,
    backoff: (Duration, Duration),
    current: tokio::sync::Mutex<Option<Token>>,
    fetches: AtomicU64,
    transport: Arc<dyn Transport>,
    clock: SharedClock,
    redactor: Redactor,
    failed_calls: Arc<FailedCalls>,
}

pub(crate) struct AuthSettings {
    pub(crate) url: String,
    pub(crate) client_id: String,
    pub(crate) secret: Secret,
    pub(crate) margin: Duration,
    pub(crate) attempts: u32,
    pub(crate) backoff: (Duration, Duration),
}

impl Auth {
    pub(crate) fn new(
        s: AuthSettings,
        transport: Arc<dyn Transport>,
        clock: SharedClock,
        redactor: Redactor,
        failed_calls: Arc<FailedCalls>,
    ) -> Self {
        redactor.remember(s.secret.expose());
        Auth {
            url: s.url,
            client_id: s.client_id,
            secret: s.secret,
            margin: s.margin,
            attempts: s.attempts,
            backoff: s.backoff,
            current: tokio::sync::Mutex::new(None),
            fetches: AtomicU64::new(0),
            transport,
            clock,
            redactor,
            failed_calls,
        }
    }

    /// Tokens fetched so far.
    pub(crate) fn fetches(&self) -> u64 {
        self.fetches.load(Ordering::Relaxed)
    }

    /// A valid token: the cached one, or a fresh one (only one fetch runs at a time).
    pub(crate) async fn token(&self) -> Result<Secret, Error> {
        let mut current = self.current.lock().await;
        let now = self.clock.now();
        if let Some(t) = current.as_ref() {
            let margin = chrono::Duration::from_std(self.margin).unwrap_or_default();
            let fresh_enough = if t.reissued {
                now < t.expires_at
            } else {
                now + margin < t.expires_at
            };
            if fresh_enough {
                return Ok(t.value.clone());
            }
        }
        let previous = current.as_ref().map(|t| t.value.clone());
        let mut token = self.fetch().await?;
        token.reissued = previous.as_ref() == Some(&token.value);
        let value = token.value.clone();
        *current = Some(token);
        Ok(value)
    }

    /// The server refused `stale` (601/602): forget it, unless a newer one already replaced it.
    pub(crate) async fn invalidate(&self, stale: &Secret) {
        let mut current = self.current.lock().await;
        if current.as_ref().is_some_and(|t| &t.value == stale) {
            *current = None;
        }
    }

    async fn fetch(&self) -> Result<Token, Error> {
        let span = tracing::debug_span!("marketo_token", attempt = tracing::field::Empty);
        let _enter = span.enter();
        let form = serde_urlencoded::to_string([
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.secret.expose()),
        ])
        .unwrap_or_default();
        let request = HttpRequest {
            method: Method::Post,
            url: self.url.clone(),
            bearer: None,
            content_type: Some("application/x-www-form-urlencoded"),
            body: Some(Bytes::from(form)),
            body_is_secret: true,
            headers: Vec::new(),
        };
        let mut delays = Backoff::new(self.backoff.0, self.backoff.1);
        let mut attempt = 0;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            let result = self.transport.send(request.clone()).await;
            let retry = match &result {
                Ok(r) if r.status == 200 => return self.parse(&r.body),
                Ok(r) if r.status == 401 || r.status == 400 || r.status == 403 => {
                    let body: Option<OAuthError> = serde_json::from_slice(&r.body).ok();
                    let detail = body
                        .map(|b| {
                            format!(
                                "{}: {}",
                                b.error.unwrap_or_default(),
                                b.error_description.unwrap_or_default()
                            )
                        })
                        .unwrap_or_else(|| "the identity endpoint refused the credentials".into());
                    let message = self.redactor.scrub(&detail);
                    let error = Error::new(ErrorKind::Credentials, message).with_code(r.status);
                    return Err(self.failed(&request, &result, error));
                }
                Ok(r) if r.status >= 500 => Error::new(
                    ErrorKind::Transient,
                    format!("identity endpoint answered HTTP {}", r.status),
                )
                .with_code(r.status),
                Ok(r) => {
                    let error = Error::new(
                        ErrorKind::Protocol,
                        format!("identity endpoint answered HTTP {}", r.status),
                    )
                    .with_code(r.status);
                    return Err(self.failed(&request, &result, error));
                }
                Err(e) => {
                    Error::new(ErrorKind::Transport, "token request failed").with_source(e.clone())
                }
            };
            if attempt >= self.attempts {
                return Err(self.failed(&request, &result, retry));
            }
            let wait = delays.next().unwrap_or(self.backoff.0);
            tracing::debug!(error = %retry, wait_ms = wait.as_millis() as u64, "retrying token request");
            tokio::time::sleep(wait).await;
        }
    }

    /// Keep a failed token exchange (its form body, which holds the secret, is never kept) and hand back
    /// its error.
    fn failed(
        &self,
        request: &HttpRequest,
        result: &Result<crate::transport::HttpResponse, crate::transport::TransportError>,
        error: Error,
    ) -> Error {
        self.failed_calls.record(
            "token request failed",
            request,
            result,
            &error,
            self.clock.now(),
        );
        error
    }

    fn parse(&self, body: &[u8]) -> Result<Token, Error> {
        let parsed: TokenBody = serde_json::from_slice(body).map_err(|e| {
            Error::new(
                ErrorKind::Protocol,
                format!("token response is not understood: {}", e.classify_name()),
            )
        })?;
        if parsed.access_token.is_empty() {
            return Err(Error::new(
                ErrorKind::Protocol,
                "token response carries an empty access_token",
            ));
        }
        self.redactor.remember(&parsed.access_token);
        self.fetches.fetch_add(1, Ordering::Relaxed);
        let expires_at = self.clock.now() + chrono::Duration::seconds(parsed.expires_in.max(0));
        tracing::debug!(expires_in = parsed.expires_in, "access token fetched");
        Ok(Token {
            value: Secret::new(parsed.access_token),
            expires_at,
            reissued: false,
        })
    }
}

/// A name for a serde_json error category that carries no input text.
trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "not JSON",
            serde_json::error::Category::Data => "missing or mistyped fields",
            serde_json::error::Category::Eof => "truncated",
        }
    }
}
