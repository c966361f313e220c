//! One logical call, start to finish: throttle, token, send, read the envelope, classify, then retry,
//! reauthenticate, re-method or stop, as the catalogue says.

use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::progress::{ProgressEvent, Stats, WaitReason};
use crate::request::ApiRequest;
use crate::retry::{classify_answer, decide, Answer, Attempts, Decision};
use crate::throttle::Settled;
use crate::transport::{HttpRequest, HttpResponse, TransportError};
use marketo_types::codes::Handling;
use marketo_types::envelope::Envelope;
use marketo_types::quota_day::next_reset;
use rand::Rng;
use serde_json::Value;
use tracing::{field, Instrument};

/// A failed attempt, reduced to what the decision and the error need.
struct Failure {
    handling: Handling,
    code: Option<u16>,
    message: String,
    request_id: Option<String>,
    counted: bool,
    transport: Option<TransportError>,
}

impl Inner {
    /// Send `request` until it succeeds or must stop. 702-style "no data" answers come back as an empty
    /// envelope; answers that call for splitting come back as [`ErrorKind::TooLarge`] for the caller to split.
    pub(crate) async fn execute(&self, mut request: ApiRequest) -> Result<Envelope<Value>, Error> {
        let mut attempts = Attempts::default();
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
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
            let outcome = interpret(&sent);
            let counted = match &outcome {
                Ok(_) => true,
                Err(f) => f.counted,
            };
            let settled = match &outcome {
                Err(f) if f.handling == Handling::WaitForRateWindow => Settled::RateLimited,
                Err(f) if f.handling == Handling::WaitForConcurrencySlot => {
                    Settled::ConcurrencyLimited
                }
                _ => Settled::Through,
            };
            self.throttle.settle(permit, counted, settled).await;
            let failure = match outcome {
                Ok(envelope) => {
                    span.record("request_id", envelope.request_id.as_str());
                    self.budget.record_success();
                    self.emit(ProgressEvent::CallFinished {
                        path: request.path.clone(),
                        code: None,
                        attempt,
                    });
                    return Ok(envelope);
                }
                Err(f) => f,
            };
            if let Some(id) = &failure.request_id {
                span.record("request_id", id.as_str());
            }
            if let Some(code) = failure.code {
                span.record("code", code);
            }
            if failure.code == Some(607) {
                self.throttle.quota_spent(self.clock.now()).await;
            }
            self.emit(ProgressEvent::CallFinished {
                path: request.path.clone(),
                code: failure.code,
                attempt,
            });
            match failure.code {
                Some(606) => Stats::bump(&self.stats.rate_limited, 1),
                Some(615) => Stats::bump(&self.stats.concurrency_limited, 1),
                _ => {}
            }
            if failure
                .code
                .is_some_and(|c| request.return_codes.contains(&c))
            {
                return Err(self.stop_error(&failure, &request));
            }
            let jitter = rand::rng().random::<f64>();
            let window = self.config.limits.window;
            let decision = decide(
                failure.handling,
                &attempts,
                &self.config.retry,
                window,
                jitter,
            );
            let _enter = span.enter();
            match decision {
                Decision::Reauthenticate => {
                    attempts.reauth += 1;
                    tracing::info!(
                        code = failure.code,
                        "token refused: fetching a new one and replaying"
                    );
                    self.auth.invalidate(&token).await;
                }
                Decision::ResendAsPost
                    if !request.force_post && http.method == crate::transport::Method::Get =>
                {
                    tracing::info!("URI too long: resending as POST with _method=GET");
                    request.force_post = true;
                }
                Decision::Retry { after, shared } => {
                    if !self.budget.try_spend() {
                        let e = self.stop_error(&failure, &request);
                        let error = Error::new(
                            ErrorKind::RetryBudgetExhausted,
                            format!("retry budget exhausted; last error: {e}"),
                        )
                        .with_request_id(failure.request_id.clone());
                        self.log_unexpected(&http, &sent, &error);
                        return Err(error);
                    }
                    Stats::bump(&self.stats.retries, 1);
                    let reason = match failure.handling {
                        Handling::WaitForRateWindow => WaitReason::RateLimited,
                        Handling::WaitForConcurrencySlot => WaitReason::ConcurrencyLimited,
                        _ => WaitReason::Backoff,
                    };
                    tracing::info!(
                        code = failure.code,
                        wait_ms = after.as_millis() as u64,
                        shared,
                        "retrying"
                    );
                    self.emit(ProgressEvent::Waiting {
                        reason,
                        duration: after,
                    });
                    if shared {
                        attempts.limit_waits += 1;
                        self.throttle.pause.extend(self.clock.now(), after);
                    } else {
                        attempts.transient += 1;
                        tokio::time::sleep(after).await;
                    }
                }
                Decision::Empty => {
                    return Ok(Envelope::ok(
                        failure.request_id.unwrap_or_default(),
                        Vec::new(),
                    ));
                }
                Decision::Split => {
                    return Err(self.stop_error(&failure, &request));
                }
                Decision::ResendAsPost | Decision::Stop => {
                    let error = self.stop_error(&failure, &request);
                    if error.kind() != ErrorKind::QuotaExhausted {
                        self.log_unexpected(&http, &sent, &error);
                    }
                    return Err(error);
                }
            }
        }
    }

    /// The error a failure stops with.
    fn stop_error(&self, f: &Failure, request: &ApiRequest) -> Error {
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
    fn log_unexpected(
        &self,
        http: &HttpRequest,
        sent: &Result<HttpResponse, TransportError>,
        error: &Error,
    ) {
        self.failed_calls
            .record("marketo call failed", http, sent, error, self.clock.now());
    }
}

/// Read one attempt's result.
fn interpret(sent: &Result<HttpResponse, TransportError>) -> Result<Envelope<Value>, Failure> {
    let response = match sent {
        Ok(r) => r,
        Err(e) => {
            return Err(Failure {
                handling: classify_answer(Answer::Transport),
                code: None,
                message: "no response".to_owned(),
                request_id: None,
                counted: crate::retry::counted_answer(Answer::Transport),
                transport: Some(e.clone()),
            })
        }
    };
    if response.status != 200 {
        let answer = Answer::Http(response.status);
        // Some servers put an envelope in error statuses; keep its requestId.
        let request_id = serde_json::from_slice::<Envelope<Value>>(&response.body)
            .ok()
            .map(|e| e.request_id);
        return Err(Failure {
            handling: classify_answer(answer),
            code: Some(response.status),
            message: format!("HTTP {}", response.status),
            request_id,
            counted: crate::retry::counted_answer(answer),
            transport: None,
        });
    }
    let envelope: Envelope<Value> =
        serde_json::from_slice(&response.body).map_err(|e| Failure {
            handling: Handling::FixRequest,
            code: None,
            message: format!("the response is not a Marketo envelope ({e})"),
            request_id: None,
            counted: true,
            transport: None,
        })?;
    if envelope.success {
        return Ok(envelope);
    }
    let Some(first) = envelope.errors().first() else {
        return Err(Failure {
            handling: Handling::FixRequest,
            code: None,
            message: "success:false without errors".to_owned(),
            request_id: Some(envelope.request_id),
            counted: true,
            transport: None,
        });
    };
    let answer = Answer::Api {
        code: first.code.value(),
        message: &first.message,
    };
    Err(Failure {
        handling: classify_answer(answer),
        code: Some(first.code.value()),
        message: first.message.clone(),
        request_id: Some(envelope.request_id.clone()),
        counted: crate::retry::counted_answer(answer),
        transport: None,
    })
}
