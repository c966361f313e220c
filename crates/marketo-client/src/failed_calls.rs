//! Failed exchanges: the request and the response of every call that ended in an unexpected error, kept for
//! Marketo support, which asks for both.
//!
//! A failed call is logged at `warn` in one short line (the error and its requestId). The whole exchange
//! goes to the failed-calls file when the client has one ([`ClientBuilder::failed_calls_file`]), one JSON
//! object per line, and to the log at `debug`. Either way it is redacted first: the `Authorization` header is
//! never written, the identity form body is replaced, and every text passes through the client's
//! [`Redactor`] (the client secret, every token the client held, any `access_token` or `client_secret`
//! value).
//!
//! [`ClientBuilder::failed_calls_file`]: crate::ClientBuilder::failed_calls_file

use crate::error::Error;
use crate::redact::Redactor;
use crate::transport::{HttpRequest, HttpResponse, TransportError};
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Bodies longer than this are cut (a bulk import part is up to 10 MB; a Sync Leads body at most 1 MB).
const KEPT_BODY_BYTES: usize = 1 << 20;

/// Where failed exchanges go.
#[derive(Debug)]
pub(crate) struct FailedCalls {
    path: Option<PathBuf>,
    file: Mutex<Option<File>>,
    written: AtomicU64,
    redactor: Redactor,
}

impl FailedCalls {
    /// Failed exchanges to `path` (created on the first failure, appended to), or only to the debug log.
    pub(crate) fn new(path: Option<PathBuf>, redactor: Redactor) -> Self {
        FailedCalls {
            path,
            file: Mutex::new(None),
            written: AtomicU64::new(0),
            redactor,
        }
    }

    /// The file, if the client has one.
    pub(crate) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Exchanges written to the file so far.
    pub(crate) fn written(&self) -> u64 {
        self.written.load(Ordering::Relaxed)
    }

    /// Keep one failed exchange: a short warning, the whole exchange to the file and the debug log.
    pub(crate) fn record(
        &self,
        what: &str,
        request: &HttpRequest,
        sent: &Result<HttpResponse, TransportError>,
        error: &Error,
        at: DateTime<Utc>,
    ) {
        let entry = self.entry(request, sent, error, at);
        let line = entry.to_string();
        // The safety net: nothing the redactor knows as secret leaves, however it was nested.
        let line = self.redactor.scrub(&line);
        tracing::debug!(exchange = %line, "{what}: the request and the response");
        let Some(path) = &self.path else {
            tracing::warn!(%error, "{what} (the request and the response are logged at debug level)");
            return;
        };
        match self.append(path, &line) {
            Ok(()) => {
                self.written.fetch_add(1, Ordering::Relaxed);
                tracing::warn!(%error, file = %path.display(), "{what}; request and response written to the failed-calls file");
            }
            Err(e) => tracing::warn!(
                %error,
                file = %path.display(),
                "{what}; the failed-calls file cannot be written ({e}): the request and the response are logged at debug level"
            ),
        }
    }

    fn append(&self, path: &Path, line: &str) -> std::io::Result<()> {
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        if file.is_none() {
            *file = Some(OpenOptions::new().create(true).append(true).open(path)?);
        }
        let f = file.as_mut().expect("opened above");
        f.write_all(format!("{line}\n").as_bytes())?;
        f.flush()
    }

    fn entry(
        &self,
        request: &HttpRequest,
        sent: &Result<HttpResponse, TransportError>,
        error: &Error,
        at: DateTime<Utc>,
    ) -> Value {
        let scrub = |s: &str| self.redactor.scrub(s);
        let headers = |h: Vec<(String, String)>| -> Value {
            h.into_iter()
                .map(|(k, v)| json!([k, scrub(&v)]))
                .collect::<Vec<_>>()
                .into()
        };
        let request_body = match (&request.body, request.body_is_secret) {
            (_, true) => Value::String("[REDACTED]".into()),
            (Some(b), false) => self.body(b),
            (None, false) => Value::Null,
        };
        let response = match sent {
            Ok(r) => json!({
                "status": r.status,
                "headers": headers(r.headers.clone()),
                "body": self.body(&r.body),
            }),
            Err(e) => json!({ "no_response": scrub(&e.message), "timeout": e.timeout }),
        };
        json!({
            "time": at.to_rfc3339_opts(SecondsFormat::Millis, true),
            "error": scrub(&error.to_string()),
            "code": error.code(),
            "request_id": error.request_id(),
            "request": {
                "method": request.method.as_str(),
                "url": scrub(&request.url),
                "authorization": request.bearer.as_ref().map(|_| "Bearer [REDACTED]"),
                "content_type": request.content_type,
                "headers": headers(request.headers.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()),
                "body": request_body,
            },
            "response": response,
        })
    }

    /// A body as JSON when it is JSON, else as text; scrubbed, and cut past [`KEPT_BODY_BYTES`].
    fn body(&self, bytes: &[u8]) -> Value {
        let kept = &bytes[..bytes.len().min(KEPT_BODY_BYTES)];
        let text = self.redactor.scrub(&String::from_utf8_lossy(kept));
        if kept.len() < bytes.len() {
            return json!({ "first_bytes": text, "total_bytes": bytes.len() });
        }
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::secret::Secret;
    use crate::transport::Method;
    use bytes::Bytes;

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn an_entry_keeps_the_exchange_and_no_secret() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.failed-calls.jsonl");
        let redactor = Redactor::default();
        redactor.remember("the-client-secret");
        redactor.remember("tok-abc:ab");
        let sink = FailedCalls::new(Some(path.clone()), redactor);
        let request = HttpRequest {
            method: Method::Post,
            url: "http://127.0.0.1:1/rest/v1/leads.json?access_token=tok-abc:ab".into(),
            bearer: Some(Secret::new("tok-abc:ab")),
            content_type: Some("application/json"),
            body: Some(Bytes::from_static(
                br#"{"action":"createOnly","input":[{"email":"a@x.com","note":"the-client-secret"}]}"#,
            )),
            body_is_secret: false,
            headers: vec![("range", "bytes=0-".into())],
        };
        let response = HttpResponse {
            status: 200,
            headers: vec![("x-echo".into(), "tok-abc:ab".into())],
            body: Bytes::from_static(
                br#"{"requestId":"r1","success":false,"errors":[{"code":"611","message":"System error"}],"access_token":"other"}"#,
            ),
        };
        let error = Error::new(ErrorKind::Transient, "System error");
        sink.record("marketo call failed", &request, &Ok(response), &error, at());
        sink.record(
            "marketo call failed",
            &request,
            &Err(TransportError {
                message: "timed out".into(),
                timeout: true,
            }),
            &error,
            at(),
        );
        assert_eq!(sink.written(), 2);
        let text = std::fs::read_to_string(&path).unwrap();
        for secret in ["the-client-secret", "tok-abc", "\"other\""] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(first["request"]["body"]["input"][0]["email"], "a@x.com");
        assert_eq!(first["request"]["authorization"], "Bearer [REDACTED]");
        assert_eq!(first["response"]["body"]["errors"][0]["code"], "611");
        let second: Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
        assert_eq!(second["response"]["no_response"], "timed out");
    }

    #[test]
    fn a_secret_body_is_never_kept() {
        let sink = FailedCalls::new(None, Redactor::default());
        let request = HttpRequest {
            method: Method::Post,
            url: "http://127.0.0.1:1/identity/oauth/token".into(),
            bearer: None,
            content_type: Some("application/x-www-form-urlencoded"),
            body: Some(Bytes::from_static(b"client_secret=unknown-to-the-redactor")),
            body_is_secret: true,
            headers: Vec::new(),
        };
        let error = Error::new(ErrorKind::Credentials, "bad");
        let entry = sink.entry(
            &request,
            &Err(TransportError {
                message: "x".into(),
                timeout: false,
            }),
            &error,
            at(),
        );
        assert_eq!(entry["request"]["body"], "[REDACTED]");
        assert!(!entry.to_string().contains("unknown-to-the-redactor"));
    }
}
