//! The error a call stops with, and the redacted log of an unexpected one.

use super::answer::Failure;
use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::request::ApiRequest;
use crate::transport::{HttpRequest, HttpResponse, TransportError};
use marketo_types::codes::Handling;
use marketo_types::quota_day::next_reset;

impl Inner {
    /// The error a failure stops with: its kind from the catalogue's handling.
    pub(super) fn stop_error(&self, f: &Failure, request: &ApiRequest) -> Error {
        let kind = match (f.handling, &f.transport) {
            (_, Some(_)) => ErrorKind::Transport,
            (Handling::StopUntilQuotaReset, _) => ErrorKind::QuotaExhausted,
            (Handling::Reauthenticate, _) => ErrorKind::Auth,
            (Handling::RetryWithBackoff, _) => ErrorKind::Transient,
            (Handling::WaitForRateWindow, _) => ErrorKind::RateLimited,
            (Handling::WaitForConcurrencySlot, _) => ErrorKind::ConcurrencyLimited,
            (Handling::SplitRequest, _) => ErrorKind::TooLarge,
            (Handling::ResendAsPostWithMethodGet, _) if request.force_post => ErrorKind::TooLarge,
            _ if f.code.is_none() => ErrorKind::Protocol,
            _ => ErrorKind::Request,
        };
        let mut e =
            Error::new(kind, self.redactor.scrub(&f.message)).with_request_id(f.request_id.clone());
        if let Some(code) = f.code {
            e = e.with_code(code);
        }
        if let Some(t) = &f.transport {
            e = e.with_source(t.clone());
        }
        if kind == ErrorKind::QuotaExhausted {
            let now = self.clock.now();
            // A 607 has already stopped the whole client (and every job sharing its limiter) until the reset;
            // the export allowance (1029) only concerns bulk export.
            e = e.with_reset_at(next_reset(now));
        }
        e
    }

    /// Keep the request and response of an unexpected error: one short warning, the whole exchange
    /// (redacted) in the failed-calls file and at debug level.
    pub(super) fn log_unexpected(
        &self,
        http: &HttpRequest,
        sent: &Result<HttpResponse, TransportError>,
        error: &Error,
    ) {
        self.failed_calls
            .record("marketo call failed", http, sent, error, self.clock.now());
    }
}
