//! The client's error: a kind that says what to do about it, the Marketo code and requestId when there was
//! one, and the reset time when a quota stopped the work.

mod kind;

pub use kind::ErrorKind;

use chrono::{DateTime, Utc};
use std::fmt;
use std::sync::Arc;

/// Everything that can go wrong in a call.
///
/// Context sits behind accessors; `Display` prints the kind, code and message but never the source, and no
/// secret (client secret, access token) ever reaches `Display` or `Debug`.
///
/// ```
/// use marketo_client::{Error, ErrorKind};
/// let e = Error::new(ErrorKind::Config, "endpoint is not set");
/// assert_eq!(e.kind(), ErrorKind::Config);
/// assert!(e.code().is_none());
/// assert_eq!(e.to_string(), "invalid configuration: endpoint is not set");
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub struct Error {
    kind: ErrorKind,
    message: String,
    code: Option<u16>,
    request_id: Option<String>,
    reset_at: Option<DateTime<Utc>>,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// An error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            code: None,
            request_id: None,
            reset_at: None,
            source: None,
        }
    }

    pub(crate) fn with_code(mut self, code: u16) -> Self {
        self.code = Some(code);
        self
    }

    pub(crate) fn with_request_id(mut self, id: Option<String>) -> Self {
        if id.is_some() {
            self.request_id = id;
        }
        self
    }

    pub(crate) fn with_reset_at(mut self, at: DateTime<Utc>) -> Self {
        self.reset_at = Some(at);
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.source = Some(Arc::new(source));
        self
    }

    /// What kind of failure this is, and so what a caller can do about it.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The Marketo code (`606`, `1003`) or HTTP status (`401`, `413`, `414`, `502`), when there was one.
    pub fn code(&self) -> Option<u16> {
        self.code
    }

    /// Marketo's `requestId` of the response that failed, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// When the exhausted quota resets (midnight America/Chicago), for [`ErrorKind::QuotaExhausted`].
    pub fn reset_at(&self) -> Option<DateTime<Utc>> {
        self.reset_at
    }

    /// The message, without the kind prefix.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether sending the same work again later (after [`Error::reset_at`], or after a pause) may succeed.
    pub fn is_retryable_later(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::QuotaExhausted
                | ErrorKind::Transient
                | ErrorKind::RateLimited
                | ErrorKind::Transport
                | ErrorKind::RetryBudgetExhausted
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind.describe())?;
        if let Some(code) = self.code {
            write!(f, " ({code})")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(at) = self.reset_at {
            write!(f, "; resets at {}", at.to_rfc3339())?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " [requestId {id}]")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Written by hand: the source's Debug (e.g. reqwest's) is never printed, only its Display,
        // and transport errors are built without URLs, so nothing secret can leak through here.
        f.debug_struct("Error")
            .field("kind", &self.kind)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("reset_at", &self.reset_at)
            .field("source", &self.source.as_ref().map(|s| s.to_string()))
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn display_names_code_reset_and_request_id_but_not_the_source() {
        let at = Utc.with_ymd_and_hms(2026, 7, 1, 5, 0, 0).unwrap();
        let e = Error::new(ErrorKind::QuotaExhausted, "Daily quota reached")
            .with_code(607)
            .with_request_id(Some("e42b#14272d07d78".into()))
            .with_reset_at(at)
            .with_source(std::io::Error::other("inner detail"));
        let s = e.to_string();
        assert_eq!(
            s,
            "quota exhausted (607): Daily quota reached; resets at 2026-07-01T05:00:00+00:00 [requestId e42b#14272d07d78]"
        );
        assert!(!s.contains("inner detail"));
        assert!(std::error::Error::source(&e).is_some());
        assert!(format!("{e:?}").contains("inner detail"));
        assert!(e.is_retryable_later());
    }
}
