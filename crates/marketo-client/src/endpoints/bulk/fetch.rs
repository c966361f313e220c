//! A call whose answer is a file, not an envelope (export files, import failures and warnings): throttled and
//! authenticated like every call, the body handed back as a stream. Transport failures and 5xx are retried
//! with backoff; an envelope in place of the file (Marketo's errors keep their JSON form) is classified as
//! usual: a refused token is replaced, a transient code backed off, anything else returned.

use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::progress::Stats;
use crate::request::ApiRequest;
use crate::retry::{classify_answer, full_jitter, Answer};
use crate::throttle::Settled;
use crate::transport::StreamingResponse;
use futures::TryStreamExt;
use marketo_types::codes::Handling;
use marketo_types::envelope::Envelope;
use rand::Rng;
use serde_json::Value;

/// The most bytes read of a body that claims to be JSON (an envelope is small; a file is not JSON).
const ENVELOPE_LIMIT: usize = 1 << 20;

impl Inner {
    /// Send `request` (with `Range: bytes=FROM-` when `range_from` is set) and return the status 200/206/404
    /// answer with its body unread. Other answers are retried or turned into errors.
    pub(crate) async fn fetch_file(
        &self,
        request: &ApiRequest,
        range_from: Option<u64>,
    ) -> Result<StreamingResponse, Error> {
        let policy = &self.config.retry;
        let (mut transient, mut reauth) = (0u32, 0u32);
        loop {
            let mut permit = self.throttle.acquire().await?;
            let token = self.auth.token().await?;
            let mut http = request.to_http(&self.base, Some(token.clone()));
            if let Some(from) = range_from.filter(|f| *f > 0) {
                http.headers.push(("range", format!("bytes={from}-")));
            }
            Stats::bump(&self.stats.calls, 1);
            permit.sent(self.clock.now());
            let sent = self.transport.send_streaming(http).await;
            let (handling, failure) = match sent {
                Err(t) => {
                    self.throttle.settle(permit, true, Settled::Through).await;
                    (
                        Handling::RetryWithBackoff,
                        Error::new(ErrorKind::Transport, format!("{} failed", request.path))
                            .with_source(t),
                    )
                }
                Ok(r) => {
                    let json = r
                        .header("content-type")
                        .is_some_and(|c| c.starts_with("application/json"));
                    if matches!(r.status, 200 | 206) && !json || r.status == 404 {
                        self.throttle.settle(permit, true, Settled::Through).await;
                        return Ok(r);
                    }
                    let status = r.status;
                    let body = read_small(r).await;
                    let envelope = serde_json::from_slice::<Envelope<Value>>(&body).ok();
                    match envelope.as_ref().and_then(|e| e.errors().first().cloned()) {
                        Some(first) => {
                            let code = first.code.value();
                            let answer = Answer::Api {
                                code,
                                message: &first.message,
                            };
                            let handling = classify_answer(answer);
                            self.throttle
                                .settle(
                                    permit,
                                    crate::retry::counted_answer(answer),
                                    crate::execute::settled(handling),
                                )
                                .await;
                            let kind = match handling {
                                Handling::StopUntilQuotaReset => ErrorKind::QuotaExhausted,
                                Handling::Reauthenticate => ErrorKind::Auth,
                                h if h.is_transient() => ErrorKind::Transient,
                                _ => ErrorKind::Request,
                            };
                            let mut e = Error::new(kind, self.redactor.scrub(&first.message))
                                .with_code(code)
                                .with_request_id(envelope.map(|e| e.request_id));
                            if crate::execute::spends_call_quota(code, handling) {
                                e = e.with_reset_at(
                                    self.throttle.quota_spent(self.clock.now()).await,
                                );
                            } else if kind == ErrorKind::QuotaExhausted {
                                e = e.with_reset_at(self.throttle.daily.exhaust(self.clock.now()));
                            }
                            (handling, e)
                        }
                        None if matches!(status, 200 | 206) => {
                            self.throttle.settle(permit, true, Settled::Through).await;
                            // A JSON file after all (never for CSV exports): hand it back whole.
                            return Ok(StreamingResponse {
                                status,
                                headers: Vec::new(),
                                body: Box::pin(futures::stream::once(
                                    async move { Ok(body.into()) },
                                )),
                            });
                        }
                        None => {
                            self.throttle.settle(permit, true, Settled::Through).await;
                            let answer = Answer::Http(status);
                            (
                                classify_answer(answer),
                                Error::new(ErrorKind::Request, format!("HTTP {status}"))
                                    .with_code(status),
                            )
                        }
                    }
                }
            };
            match handling {
                Handling::Reauthenticate if reauth < policy.max_reauth => {
                    reauth += 1;
                    self.auth.invalidate(&token).await;
                }
                h if h.is_transient() && transient + 1 < policy.max_attempts => {
                    if !self.budget.try_spend() {
                        return Err(failure);
                    }
                    Stats::bump(&self.stats.retries, 1);
                    let after = full_jitter(
                        policy.base_delay.max(self.config.limits.window / 8),
                        policy.max_delay.max(self.config.limits.window),
                        transient,
                        rand::rng().random::<f64>(),
                    );
                    transient += 1;
                    tracing::info!(path = %request.path, wait_ms = after.as_millis() as u64, error = %failure, "file call: retrying");
                    tokio::time::sleep(after).await;
                }
                _ => return Err(failure),
            }
        }
    }
}

/// Read at most [`ENVELOPE_LIMIT`] bytes of a body.
async fn read_small(r: StreamingResponse) -> Vec<u8> {
    let mut out = Vec::new();
    let mut body = r.body;
    while let Ok(Some(chunk)) = body.try_next().await {
        out.extend_from_slice(&chunk);
        if out.len() > ENVELOPE_LIMIT {
            break;
        }
    }
    out
}

/// Read a whole (small) file body, e.g. an import's failures.
pub(crate) async fn read_all(r: StreamingResponse, what: &str) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    let mut body = r.body;
    while let Some(chunk) = body.try_next().await.map_err(|e| {
        Error::new(
            ErrorKind::Transport,
            format!("{what}: the connection broke"),
        )
        .with_source(e)
    })? {
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}
