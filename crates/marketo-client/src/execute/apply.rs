//! Doing what the decision says: reauthenticate, resend as `POST` + `_method=GET`, wait and retry (the whole
//! client for a full window or no free slot, this call alone for a transient fault), answer empty, or stop.

use super::attempt::Failed;
use super::Call;
use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::progress::{ProgressEvent, Stats, WaitReason};
use crate::retry::Decision;
use crate::transport::Method;
use marketo_types::codes::Handling;
use marketo_types::envelope::Envelope;
use serde_json::Value;

/// What follows a decision.
pub(super) enum Next {
    /// Send the (possibly changed) request again.
    Again,
    /// The call is over.
    Done(Result<Envelope<Value>, Error>),
}

impl Inner {
    /// Apply `decision` about the failed attempt `failed` of `call`.
    pub(super) async fn apply(&self, decision: Decision, failed: &Failed, call: &mut Call) -> Next {
        let failure = &failed.failure;
        match decision {
            Decision::Reauthenticate => {
                call.attempts.reauth += 1;
                tracing::info!(
                    code = failure.code,
                    "token refused: fetching a new one and replaying"
                );
                self.auth.invalidate(&failed.token).await;
                Next::Again
            }
            Decision::ResendAsPost
                if !call.request.force_post && failed.http.method == Method::Get =>
            {
                tracing::info!("URI too long: resending as POST with _method=GET");
                call.request.force_post = true;
                Next::Again
            }
            Decision::Retry { after, shared } => {
                if !self.budget.try_spend() {
                    let e = self.stop_error(failure, &call.request);
                    let error = Error::new(
                        ErrorKind::RetryBudgetExhausted,
                        format!("retry budget exhausted; last error: {e}"),
                    )
                    .with_request_id(failure.request_id.clone());
                    self.log_unexpected(&failed.http, &failed.sent, &error);
                    return Next::Done(Err(error));
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
                    call.attempts.limit_waits += 1;
                    self.throttle.pause.extend(self.clock.now(), after);
                } else {
                    call.attempts.transient += 1;
                    tokio::time::sleep(after).await;
                }
                Next::Again
            }
            Decision::Empty => Next::Done(Ok(Envelope::ok(
                failure.request_id.clone().unwrap_or_default(),
                Vec::new(),
            ))),
            // The caller knows how to split (the record runner, the filter stream).
            Decision::Split => Next::Done(Err(self.stop_error(failure, &call.request))),
            Decision::ResendAsPost | Decision::Stop => {
                let error = self.stop_error(failure, &call.request);
                if error.kind() != ErrorKind::QuotaExhausted {
                    self.log_unexpected(&failed.http, &failed.sent, &error);
                }
                Next::Done(Err(error))
            }
        }
    }
}
