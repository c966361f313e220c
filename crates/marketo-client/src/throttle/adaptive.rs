//! An adaptive cap under the configured window limit: halved on each 606, raised by one after a cap's worth of
//! calls got through (additive increase, multiplicative decrease). Two integrations sharing a subscription
//! that both do this settle on shares that fit the window together, instead of trading 606 answers.

use chrono::{DateTime, Utc};
use std::collections::VecDeque;

/// Call starts in the last window, checked against a cap that moves.
#[derive(Debug, Clone)]
pub(crate) struct AdaptiveCap {
    limit: u32,
    cap: u32,
    window: chrono::Duration,
    starts: VecDeque<DateTime<Utc>>,
    through: u32,
}

impl AdaptiveCap {
    pub(crate) fn new(limit: u32, window: chrono::Duration) -> Self {
        AdaptiveCap {
            limit,
            cap: limit,
            window,
            starts: VecDeque::new(),
            through: 0,
        }
    }

    fn prune(&mut self, now: DateTime<Utc>) {
        while self.starts.front().is_some_and(|&t| t + self.window <= now) {
            self.starts.pop_front();
        }
    }

    /// When a call may start under the cap: `Ok` now, or the time the oldest start leaves the window.
    pub(crate) fn check(&mut self, now: DateTime<Utc>) -> Result<(), DateTime<Utc>> {
        self.prune(now);
        let cap = self.cap as usize;
        if self.starts.len() < cap {
            Ok(())
        } else {
            Err(self.starts[self.starts.len() - cap] + self.window)
        }
    }

    /// Record a start (after [`AdaptiveCap::check`] said yes).
    pub(crate) fn record(&mut self, at: DateTime<Utc>) {
        self.starts.push_back(at);
    }

    /// Forget a start whose call did not count.
    pub(crate) fn release(&mut self, at: DateTime<Utc>) {
        if let Some(i) = self.starts.iter().rposition(|&t| t == at) {
            self.starts.remove(i);
        }
    }

    /// Marketo answered 606: halve the cap.
    pub(crate) fn rate_limited(&mut self) {
        self.cap = (self.cap / 2).max(1);
        self.through = 0;
    }

    /// A call got through: after a cap's worth of them, raise the cap by one, up to the limit.
    pub(crate) fn got_through(&mut self) {
        if self.cap < self.limit {
            self.through += 1;
            if self.through >= self.cap {
                self.cap += 1;
                self.through = 0;
            }
        }
    }

    /// The cap now.
    pub(crate) fn cap(&self) -> u32 {
        self.cap
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn halves_on_606_and_climbs_back_one_by_one() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut a = AdaptiveCap::new(8, chrono::Duration::seconds(20));
        a.rate_limited();
        assert_eq!(a.cap(), 4);
        for _ in 0..4 {
            a.record(t0);
        }
        assert_eq!(a.check(t0), Err(t0 + chrono::Duration::seconds(20)));
        a.release(t0);
        assert!(a.check(t0).is_ok());
        for _ in 0..4 {
            a.got_through();
        }
        assert_eq!(a.cap(), 5);
        for _ in 0..100 {
            a.got_through();
        }
        assert_eq!(a.cap(), 8);
        for _ in 0..10 {
            a.rate_limited();
        }
        assert_eq!(a.cap(), 1);
    }
}
