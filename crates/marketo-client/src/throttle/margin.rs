//! The window margin, measured from the client's own calls.
//!
//! Marketo stamps a call when it arrives; the limiter stamps it when it admits it. A place in the window must
//! therefore be held for the window plus the longest the call may take from admission to arrival: the time
//! spent locally between admission and sending (the limiter's answer coming back, the request being built),
//! plus the trip to the server. The first is measured exactly for every call; the second is estimated as half
//! the shortest round trip seen lately (the shortest round trip bounds the network's share of every call on a
//! stable path). Until a call has been measured, the configured margin applies.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

/// Calls remembered for the estimate.
const SAMPLES: usize = 32;
/// Added to every measured margin for scheduling noise.
const SLACK: Duration = Duration::from_millis(20);

#[derive(Debug, Default)]
struct Samples {
    /// (admission to send, send to answer) of recent calls.
    recent: VecDeque<(Duration, Duration)>,
}

/// The margin every new admission is made with.
#[derive(Debug)]
pub(crate) struct MarginMeter {
    initial: Duration,
    ceiling: Duration,
    samples: Mutex<Samples>,
}

impl MarginMeter {
    /// `initial` until calls are measured; never more than `ceiling`.
    pub(crate) fn new(initial: Duration, ceiling: Duration) -> Self {
        MarginMeter {
            initial: initial.min(ceiling),
            ceiling,
            samples: Mutex::new(Samples::default()),
        }
    }

    /// One call: `lag` from its admission to its sending, `round_trip` from sending to the answer.
    pub(crate) fn record(&self, lag: Duration, round_trip: Duration) {
        let mut s = self.samples.lock().unwrap_or_else(|e| e.into_inner());
        if s.recent.len() == SAMPLES {
            s.recent.pop_front();
        }
        s.recent.push_back((lag, round_trip));
    }

    /// The margin to admit with now.
    pub(crate) fn current(&self) -> Duration {
        let s = self.samples.lock().unwrap_or_else(|e| e.into_inner());
        if s.recent.is_empty() {
            return self.initial;
        }
        let lag = s.recent.iter().map(|(l, _)| *l).max().unwrap_or_default();
        let trip = s.recent.iter().map(|(_, r)| *r).min().unwrap_or_default();
        (lag + trip / 2 + SLACK).min(self.ceiling)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn the_margin_follows_the_slowest_lag_and_the_shortest_round_trip() {
        let m = MarginMeter::new(ms(500), ms(2_000));
        assert_eq!(m.current(), ms(500), "nothing measured yet");
        m.record(ms(5), ms(400));
        m.record(ms(30), ms(300));
        assert_eq!(m.current(), ms(30 + 150 + 20));
        for _ in 0..SAMPLES {
            m.record(ms(1), ms(100));
        }
        assert_eq!(m.current(), ms(1 + 50 + 20), "old calls are forgotten");
        m.record(ms(10_000), ms(100));
        assert_eq!(m.current(), ms(2_000), "capped");
    }
}
