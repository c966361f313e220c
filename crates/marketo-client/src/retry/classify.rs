//! Classification of an answer, from generic to specific: transport failure, HTTP status, envelope code
//! and message. The policy comes from the catalogue (`marketo_types::codes`).

use marketo_types::codes::{self, Handling};

/// What came back from one attempt, reduced to what classification needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer<'a> {
    /// No response: the connection failed or timed out.
    Transport,
    /// A non-200 HTTP status.
    Http(u16),
    /// A `success:false` envelope's first error.
    Api {
        /// The code.
        code: u16,
        /// The message (it tells apart the meanings of 1029, 1003, 702, ...).
        message: &'a str,
    },
}

/// What to do about an answer, as the catalogue says.
///
/// ```
/// use marketo_client::retry::{classify_answer, Answer};
/// use marketo_types::codes::Handling;
/// assert_eq!(classify_answer(Answer::Http(414)), Handling::ResendAsPostWithMethodGet);
/// assert_eq!(classify_answer(Answer::Api { code: 602, message: "Access token expired" }), Handling::Reauthenticate);
/// assert_eq!(classify_answer(Answer::Api { code: 1029, message: "Export daily quota 500MB exceeded." }),
///            Handling::StopUntilQuotaReset);
/// ```
pub fn classify_answer(answer: Answer<'_>) -> Handling {
    match answer {
        Answer::Transport => Handling::RetryWithBackoff,
        // 429 is not Marketo's, but a proxy in front of it may send one.
        Answer::Http(429) => Handling::WaitForRateWindow,
        Answer::Http(status) => codes::classify(status, "").handling,
        Answer::Api { code, message } => codes::classify(code, message).handling,
    }
}

/// Whether an answer counts against the rate window and the daily quota (the catalogue's starred codes do not).
pub(crate) fn counted_answer(answer: Answer<'_>) -> bool {
    match answer {
        // The server never saw a complete call; keep it counted so the window errs on the safe side.
        Answer::Transport => true,
        Answer::Http(status) => codes::lookup(status).is_none_or(|c| c.counted),
        Answer::Api { code, .. } => codes::lookup(code).is_none_or(|c| c.counted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_to_specific() {
        assert_eq!(
            classify_answer(Answer::Transport),
            Handling::RetryWithBackoff
        );
        assert_eq!(
            classify_answer(Answer::Http(502)),
            Handling::RetryWithBackoff
        );
        assert_eq!(
            classify_answer(Answer::Http(503)),
            Handling::RetryWithBackoff
        );
        assert_eq!(classify_answer(Answer::Http(413)), Handling::SplitRequest);
        assert_eq!(classify_answer(Answer::Http(401)), Handling::FixRequest);
        assert_eq!(classify_answer(Answer::Http(404)), Handling::FixRequest);
        assert_eq!(
            classify_answer(Answer::Api {
                code: 606,
                message: ""
            }),
            Handling::WaitForRateWindow
        );
        assert_eq!(
            classify_answer(Answer::Api {
                code: 615,
                message: ""
            }),
            Handling::WaitForConcurrencySlot
        );
        assert_eq!(
            classify_answer(Answer::Api {
                code: 1029,
                message: "Too many jobs (10) in queue"
            }),
            Handling::RetryWithBackoff
        );
        assert_eq!(
            classify_answer(Answer::Api {
                code: 1003,
                message: "Too many results match the filter"
            }),
            Handling::SplitRequest
        );
    }

    #[test]
    fn starred_codes_are_not_counted() {
        for code in [601, 602, 604, 605, 608, 611] {
            assert!(!counted_answer(Answer::Api { code, message: "" }), "{code}");
        }
        for code in [606, 607, 615, 609] {
            assert!(counted_answer(Answer::Api { code, message: "" }), "{code}");
        }
        assert!(counted_answer(Answer::Http(413)));
    }
}
