//! The retry decision: a pure function of the handling, the attempts made so far and a jitter fraction.

use super::backoff::{ceiling, full_jitter};
use crate::config::RetryPolicy;
use marketo_types::codes::Handling;
use std::time::Duration;

/// Attempts a request has made, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Attempts {
    /// Retries after transient faults.
    pub transient: u32,
    /// Waits after 606 or 615.
    pub limit_waits: u32,
    /// Fresh tokens fetched after 600/601/602.
    pub reauth: u32,
}

/// What to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Wait `after`, then send again. When `shared`, every request of the client waits (606, 615): the
    /// client slows down as a whole instead of hammering.
    Retry {
        /// How long to wait.
        after: Duration,
        /// Whether the whole client pauses.
        shared: bool,
    },
    /// Fetch a new token, rebuild the request with it and send again.
    Reauthenticate,
    /// Split the request into smaller ones (the caller knows how).
    Split,
    /// Send the GET again as POST with `_method=GET`.
    ResendAsPost,
    /// The answer means "no data": an empty result.
    Empty,
    /// Stop: return the error.
    Stop,
}

/// Decide what to do about an answer with `handling`, after `attempts`, given `policy`, the rate `window`,
/// and a `jitter` fraction in `[0, 1)`.
///
/// Transient faults back off with full jitter up to `max_attempts`; 606 pauses the whole client for a
/// quarter window, doubling up to a full window; 615 pauses it for a jittered backoff (at least half its
/// ceiling, so it never resends at once); quota answers and requests that must be fixed stop.
pub fn decide(
    handling: Handling,
    attempts: &Attempts,
    policy: &RetryPolicy,
    window: Duration,
    jitter: f64,
) -> Decision {
    let jitter = jitter.clamp(0.0, 1.0);
    match handling {
        Handling::Reauthenticate if attempts.reauth < policy.max_reauth => Decision::Reauthenticate,
        Handling::RetryWithBackoff if attempts.transient + 1 < policy.max_attempts => {
            Decision::Retry {
                after: full_jitter(
                    policy.base_delay,
                    policy.max_delay,
                    attempts.transient,
                    jitter,
                ),
                shared: false,
            }
        }
        Handling::WaitForRateWindow if attempts.limit_waits + 1 < policy.max_limit_waits => {
            let c = ceiling(window / 4, window, attempts.limit_waits);
            Decision::Retry {
                after: c.mul_f64(0.75 + jitter / 4.0),
                shared: true,
            }
        }
        Handling::WaitForConcurrencySlot if attempts.limit_waits + 1 < policy.max_limit_waits => {
            let c = ceiling(policy.base_delay, policy.max_delay, attempts.limit_waits);
            Decision::Retry {
                after: c.mul_f64(0.5 + jitter / 2.0),
                shared: true,
            }
        }
        Handling::SplitRequest => Decision::Split,
        Handling::ResendAsPostWithMethodGet => Decision::ResendAsPost,
        Handling::TreatAsEmpty => Decision::Empty,
        Handling::Reauthenticate
        | Handling::RetryWithBackoff
        | Handling::WaitForRateWindow
        | Handling::WaitForConcurrencySlot
        | Handling::StopUntilQuotaReset
        | Handling::FixRequest
        | Handling::RecordSkipped => Decision::Stop,
        // `Handling` may grow; anything new is not retried blindly.
        #[allow(unreachable_patterns)]
        _ => Decision::Stop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const W: Duration = Duration::from_secs(20);

    #[test]
    fn transient_faults_stop_after_max_attempts() {
        let p = RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        };
        let mut a = Attempts::default();
        assert!(matches!(
            decide(Handling::RetryWithBackoff, &a, &p, W, 0.3),
            Decision::Retry { .. }
        ));
        a.transient = 1;
        assert!(matches!(
            decide(Handling::RetryWithBackoff, &a, &p, W, 0.3),
            Decision::Retry { .. }
        ));
        a.transient = 2;
        assert_eq!(
            decide(Handling::RetryWithBackoff, &a, &p, W, 0.3),
            Decision::Stop
        );
    }

    #[test]
    fn reauth_is_bounded() {
        let p = RetryPolicy::default();
        let a = Attempts {
            reauth: p.max_reauth,
            ..Attempts::default()
        };
        assert_eq!(
            decide(Handling::Reauthenticate, &Attempts::default(), &p, W, 0.0),
            Decision::Reauthenticate
        );
        assert_eq!(
            decide(Handling::Reauthenticate, &a, &p, W, 0.0),
            Decision::Stop
        );
    }

    #[test]
    fn rate_limit_pauses_the_whole_client_for_part_of_the_window() {
        let p = RetryPolicy::default();
        match decide(
            Handling::WaitForRateWindow,
            &Attempts::default(),
            &p,
            W,
            0.0,
        ) {
            Decision::Retry { after, shared } => {
                assert!(shared);
                assert_eq!(after, Duration::from_millis(3750));
            }
            other => panic!("{other:?}"),
        }
        let late = Attempts {
            limit_waits: 5,
            ..Attempts::default()
        };
        match decide(Handling::WaitForRateWindow, &late, &p, W, 0.999) {
            Decision::Retry { after, .. } => assert!(after <= W),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn everything_else_maps_straight() {
        let p = RetryPolicy::default();
        let a = Attempts::default();
        assert_eq!(
            decide(Handling::StopUntilQuotaReset, &a, &p, W, 0.5),
            Decision::Stop
        );
        assert_eq!(decide(Handling::FixRequest, &a, &p, W, 0.5), Decision::Stop);
        assert_eq!(
            decide(Handling::RecordSkipped, &a, &p, W, 0.5),
            Decision::Stop
        );
        assert_eq!(
            decide(Handling::SplitRequest, &a, &p, W, 0.5),
            Decision::Split
        );
        assert_eq!(
            decide(Handling::ResendAsPostWithMethodGet, &a, &p, W, 0.5),
            Decision::ResendAsPost
        );
        assert_eq!(
            decide(Handling::TreatAsEmpty, &a, &p, W, 0.5),
            Decision::Empty
        );
    }

    proptest! {
        #[test]
        fn waits_never_exceed_their_caps(n in 0u32..100, jitter in 0.0f64..1.0) {
            let p = RetryPolicy { max_attempts: 1000, max_limit_waits: 1000, ..RetryPolicy::default() };
            for h in [Handling::RetryWithBackoff, Handling::WaitForConcurrencySlot] {
                let a = Attempts { transient: n, limit_waits: n, reauth: 0 };
                if let Decision::Retry { after, .. } = decide(h, &a, &p, W, jitter) {
                    prop_assert!(after <= p.max_delay);
                }
            }
            let a = Attempts { limit_waits: n, ..Attempts::default() };
            if let Decision::Retry { after, .. } = decide(Handling::WaitForRateWindow, &a, &p, W, jitter) {
                prop_assert!(after <= W);
            }
        }
    }
}
