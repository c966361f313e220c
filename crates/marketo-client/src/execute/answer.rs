//! Reading one attempt's answer: the envelope of a success, or a [`Failure`] classified against the catalogue
//! (`marketo_types::codes`), from generic to specific (transport, HTTP status, envelope code and message).

use crate::retry::{classify_answer, counted_answer, Answer};
use crate::throttle::Settled;
use crate::transport::{HttpResponse, TransportError};
use marketo_types::codes::{self, Handling, Level};
use marketo_types::envelope::Envelope;
use serde_json::Value;

/// A failed attempt, reduced to what the decision, the throttle and the error need.
#[derive(Debug)]
pub(crate) struct Failure {
    /// What the catalogue says to do about it.
    pub(crate) handling: Handling,
    /// The Marketo code or HTTP status.
    pub(crate) code: Option<u16>,
    pub(crate) message: String,
    pub(crate) request_id: Option<String>,
    /// Whether it counts against the rate window and the daily quota (the catalogue's starred codes do not).
    pub(crate) counted: bool,
    /// Whether it says the subscription's daily call quota is spent.
    pub(crate) spends_call_quota: bool,
    pub(crate) transport: Option<TransportError>,
}

impl Failure {
    /// A failure that is not a catalogued answer (an unreadable body): the request must be looked at.
    fn unreadable(message: String, request_id: Option<String>) -> Self {
        Failure {
            handling: Handling::FixRequest,
            code: None,
            message,
            request_id,
            counted: true,
            spends_call_quota: false,
            transport: None,
        }
    }

    /// A classified answer.
    fn of(answer: Answer<'_>, message: String, request_id: Option<String>) -> Self {
        let handling = classify_answer(answer);
        let code = match answer {
            Answer::Transport => None,
            Answer::Http(status) => Some(status),
            Answer::Api { code, .. } => Some(code),
        };
        Failure {
            handling,
            code,
            message,
            request_id,
            counted: counted_answer(answer),
            spends_call_quota: code.is_some_and(|c| spends_call_quota(c, handling)),
            transport: None,
        }
    }

    /// How the call ended, for the throttle.
    pub(crate) fn settled(&self) -> Settled {
        settled(self.handling)
    }
}

/// How a call answered with `handling` ended, for the throttle: the rate window and the concurrency slots
/// learn of the answers that say they were full.
pub(crate) fn settled(handling: Handling) -> Settled {
    match handling {
        Handling::WaitForRateWindow => Settled::RateLimited,
        Handling::WaitForConcurrencySlot => Settled::ConcurrencyLimited,
        _ => Settled::Through,
    }
}

/// Whether `code`, handled as `handling`, says the daily call quota is spent: a call-level code whose handling
/// is to stop until the quota resets (607). The bulk export allowance (the record-level 1029) is another quota
/// and stops only the export.
pub(crate) fn spends_call_quota(code: u16, handling: Handling) -> bool {
    handling == Handling::StopUntilQuotaReset
        && codes::lookup(code).is_some_and(|info| info.level != Level::Record)
}

/// Read one attempt's result.
pub(crate) fn read(
    sent: &Result<HttpResponse, TransportError>,
) -> Result<Envelope<Value>, Failure> {
    let response = match sent {
        Ok(r) => r,
        Err(e) => {
            let mut f = Failure::of(Answer::Transport, "no response".to_owned(), None);
            f.transport = Some(e.clone());
            return Err(f);
        }
    };
    if response.status != 200 {
        // Some servers put an envelope in error statuses; keep its requestId.
        let request_id = serde_json::from_slice::<Envelope<Value>>(&response.body)
            .ok()
            .map(|e| e.request_id);
        return Err(Failure::of(
            Answer::Http(response.status),
            format!("HTTP {}", response.status),
            request_id,
        ));
    }
    let envelope: Envelope<Value> = serde_json::from_slice(&response.body).map_err(|e| {
        Failure::unreadable(
            format!("the response is not a Marketo envelope ({e})"),
            None,
        )
    })?;
    if envelope.success {
        return Ok(envelope);
    }
    let Some(first) = envelope.errors().first() else {
        return Err(Failure::unreadable(
            "success:false without errors".to_owned(),
            Some(envelope.request_id),
        ));
    };
    let answer = Answer::Api {
        code: first.code.value(),
        message: &first.message,
    };
    Err(Failure::of(
        answer,
        first.message.clone(),
        Some(envelope.request_id.clone()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn answer(status: u16, body: &str) -> Result<HttpResponse, TransportError> {
        Ok(HttpResponse {
            status,
            headers: Vec::new(),
            body: Bytes::from(body.to_owned()),
        })
    }

    #[test]
    fn the_limits_settle_from_the_catalogues_handling() {
        for (code, want) in [
            (606, Settled::RateLimited),
            (615, Settled::ConcurrencyLimited),
            (604, Settled::Through),
            (607, Settled::Through),
        ] {
            let body = format!(
                r#"{{"requestId":"r","success":false,"errors":[{{"code":"{code}","message":"m"}}]}}"#
            );
            let f = read(&answer(200, &body)).unwrap_err();
            assert_eq!((f.code, f.settled()), (Some(code), want), "{code}");
        }
        // A proxy's 429 is a full rate window too.
        assert_eq!(
            read(&answer(429, "")).unwrap_err().settled(),
            Settled::RateLimited
        );
    }

    #[test]
    fn only_the_call_quota_code_spends_the_call_quota() {
        assert!(spends_call_quota(607, Handling::StopUntilQuotaReset));
        // 1029 "Export daily quota exceeded" stops the export, not the client's calls.
        assert!(!spends_call_quota(1029, Handling::StopUntilQuotaReset));
        assert!(!spends_call_quota(606, Handling::WaitForRateWindow));
        let body = r#"{"requestId":"r","success":false,"errors":[{"code":"1029","message":"Export daily quota 500MB exceeded."}]}"#;
        let f = read(&answer(200, body)).unwrap_err();
        assert_eq!(f.handling, Handling::StopUntilQuotaReset);
        assert!(!f.spends_call_quota);
    }

    #[test]
    fn unreadable_answers_are_requests_to_fix() {
        let f = read(&answer(200, "<html>")).unwrap_err();
        assert_eq!((f.handling, f.code), (Handling::FixRequest, None));
        let f = read(&answer(200, r#"{"requestId":"r","success":false}"#)).unwrap_err();
        assert_eq!(f.request_id.as_deref(), Some("r"));
    }
}
