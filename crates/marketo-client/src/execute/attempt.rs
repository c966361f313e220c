//! One attempt: a throttle permit, the token, the request built for this attempt, sent once, its answer read
//! and settled with the throttle, the counters, the span and the progress observer told.

use super::answer::{self, Failure};
use crate::client::Inner;
use crate::error::Error;
use crate::progress::{ProgressEvent, Stats};
use crate::request::ApiRequest;
use crate::secret::Secret;
use crate::throttle::Settled;
use crate::transport::{HttpRequest, HttpResponse, TransportError};
use marketo_types::codes::Handling;
use marketo_types::envelope::Envelope;
use serde_json::Value;
use tracing::{field, Instrument, Span};

/// How one attempt ended.
pub(super) enum Attempt {
    /// A successful answer.
    Answered(Envelope<Value>),
    /// A failure, with what deciding and applying need.
    Failed(Box<Failed>),
}

/// An attempt that did not succeed, with what deciding and applying need.
pub(super) struct Failed {
    pub(super) failure: Failure,
    /// The request as sent and what came back (logged, redacted, when the call stops unexpectedly).
    pub(super) http: HttpRequest,
    pub(super) sent: Result<HttpResponse, TransportError>,
    /// The token the attempt carried (dropped from the cache when refused).
    pub(super) token: Secret,
    /// The attempt's `marketo_call` span.
    pub(super) span: Span,
}

impl Inner {
    /// Send `request` once, as attempt number `attempt`. `Err` only when no attempt could be made (the throttle
    /// or the token failed).
    pub(super) async fn attempt(
        &self,
        request: &ApiRequest,
        attempt: u32,
    ) -> Result<Attempt, Error> {
        let mut permit = self.throttle.acquire().await?;
        let token = self.auth.token().await?;
        let http = request.to_http(&self.base, Some(token.clone()));
        permit.sent(self.clock.now());
        let span = tracing::info_span!(
            "marketo_call",
            method = http.method.as_str(),
            path = %request.path,
            attempt,
            request_id = field::Empty,
            code = field::Empty,
        );
        Stats::bump(&self.stats.calls, 1);
        let sent = self
            .transport
            .send(http.clone())
            .instrument(span.clone())
            .await;
        let read = answer::read(&sent);
        let (counted, settled) = match &read {
            Ok(_) => (true, Settled::Through),
            Err(f) => (f.counted, f.settled()),
        };
        self.throttle.settle(permit, counted, settled).await;
        let failure = match read {
            Ok(envelope) => {
                span.record("request_id", envelope.request_id.as_str());
                self.budget.record_success();
                self.emit(ProgressEvent::CallFinished {
                    path: request.path.clone(),
                    code: None,
                    attempt,
                });
                return Ok(Attempt::Answered(envelope));
            }
            Err(f) => f,
        };
        if let Some(id) = &failure.request_id {
            span.record("request_id", id.as_str());
        }
        if let Some(code) = failure.code {
            span.record("code", code);
        }
        if failure.spends_call_quota {
            self.throttle.quota_spent(self.clock.now()).await;
        }
        self.emit(ProgressEvent::CallFinished {
            path: request.path.clone(),
            code: failure.code,
            attempt,
        });
        match failure.handling {
            Handling::WaitForRateWindow => Stats::bump(&self.stats.rate_limited, 1),
            Handling::WaitForConcurrencySlot => Stats::bump(&self.stats.concurrency_limited, 1),
            _ => {}
        }
        Ok(Attempt::Failed(Box::new(Failed {
            failure,
            http,
            sent,
            token,
            span,
        })))
    }
}
