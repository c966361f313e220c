//! One logical call, start to finish: [`attempt`](Inner::attempt) sends it once and reads the answer against
//! the catalogue; the pure [`decide`] says what the answer's handling calls for, given the attempts so far;
//! [`apply`](Inner::apply) does it (reauthenticate, resend as `POST` + `_method=GET`, wait and retry, answer
//! empty, or stop), and the loop goes on until the call succeeds or stops.

mod answer;
mod apply;
mod attempt;
mod stop;

pub(crate) use answer::{settled, spends_call_quota};

use crate::client::Inner;
use crate::error::Error;
use crate::request::ApiRequest;
use crate::retry::{decide, Attempts};
use apply::Next;
use attempt::Attempt;
use marketo_types::envelope::Envelope;
use rand::Rng;
use serde_json::Value;
use tracing::Instrument;

/// A call in progress: its request (which may change between attempts) and the attempts made.
struct Call {
    request: ApiRequest,
    attempts: Attempts,
}

impl Inner {
    /// Send `request` until it succeeds or must stop. 702-style "no data" answers come back as an empty
    /// envelope; answers that call for splitting come back as [`ErrorKind::TooLarge`](crate::ErrorKind) for
    /// the caller to split; codes the request hands back (`ApiRequest::returning`) are returned as errors
    /// without being retried.
    pub(crate) async fn execute(&self, request: ApiRequest) -> Result<Envelope<Value>, Error> {
        let mut call = Call {
            request,
            attempts: Attempts::default(),
        };
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let failed = match self.attempt(&call.request, attempt).await? {
                Attempt::Answered(envelope) => return Ok(envelope),
                Attempt::Failed(failed) => failed,
            };
            let failure = &failed.failure;
            if failure
                .code
                .is_some_and(|c| call.request.return_codes.contains(&c))
            {
                return Err(self.stop_error(failure, &call.request));
            }
            let decision = decide(
                failure.handling,
                &call.attempts,
                &self.config.retry,
                self.config.limits.window,
                rand::rng().random::<f64>(),
            );
            let span = failed.span.clone();
            match self
                .apply(decision, &failed, &mut call)
                .instrument(span)
                .await
            {
                Next::Again => {}
                Next::Done(result) => return result,
            }
        }
    }
}
