//! The exact sliding window, kept as the expiry times of the places it holds: a call admitted at `t` with a
//! margin `m` holds its place until `t + window + m`. A call is admitted while fewer places than the cap are
//! held. Each call carries its own margin, so jobs whose network delays differ can share one window safely:
//! the margin belongs to the call that needed it.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// Places held in the window, by expiry time (a multiset).
#[derive(Debug, Clone, Default)]
pub(crate) struct ExpiryWindow {
    expiries: BTreeMap<DateTime<Utc>, u32>,
    held: u32,
}

impl ExpiryWindow {
    /// Free the places whose expiry is at or before `now`.
    fn prune(&mut self, now: DateTime<Utc>) {
        while let Some(entry) = self.expiries.first_entry() {
            if *entry.key() > now {
                break;
            }
            self.held -= entry.remove();
        }
    }

    /// Places held at `now`.
    pub(crate) fn count(&mut self, now: DateTime<Utc>) -> u32 {
        self.prune(now);
        self.held
    }

    /// `Ok` when fewer than `cap` places are held at `now`; otherwise the time enough of them have expired for
    /// one more call.
    pub(crate) fn check(&mut self, now: DateTime<Utc>, cap: u32) -> Result<(), DateTime<Utc>> {
        self.prune(now);
        if self.held < cap {
            return Ok(());
        }
        // The (held - cap + 1)-th expiry frees the place this call needs.
        let mut to_skip = self.held - cap;
        for (at, n) in &self.expiries {
            if to_skip < *n {
                return Err(*at);
            }
            to_skip -= n;
        }
        Err(now)
    }

    /// Hold a place until `expires`.
    pub(crate) fn insert(&mut self, expires: DateTime<Utc>) {
        *self.expiries.entry(expires).or_default() += 1;
        self.held += 1;
    }

    /// Give back a place that would have expired at `expires`; false when there is none.
    pub(crate) fn remove(&mut self, expires: DateTime<Utc>) -> bool {
        let Some(n) = self.expiries.get_mut(&expires) else {
            return false;
        };
        *n -= 1;
        if *n == 0 {
            self.expiries.remove(&expires);
        }
        self.held -= 1;
        true
    }

    /// Every expiry still ahead of `now`, earliest first.
    pub(crate) fn expiries(&mut self, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
        self.prune(now);
        self.expiries
            .iter()
            .flat_map(|(at, n)| std::iter::repeat_n(*at, *n as usize))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(ms: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::milliseconds(ms)
    }

    #[test]
    fn a_full_window_names_the_expiry_that_frees_a_place() {
        let mut w = ExpiryWindow::default();
        for ms in [100, 300, 200, 200] {
            w.insert(at(ms));
        }
        assert_eq!(w.check(at(0), 4), Err(at(100)));
        assert_eq!(
            w.check(at(0), 2),
            Err(at(200)),
            "three must go: 100 and both 200"
        );
        assert_eq!(w.check(at(0), 1), Err(at(300)));
        assert_eq!(
            w.check(at(100), 4),
            Ok(()),
            "the place expiring at 100 is free at 100"
        );
        assert!(w.remove(at(200)));
        assert!(!w.remove(at(250)));
        assert_eq!(w.count(at(100)), 2);
        assert_eq!(w.expiries(at(100)), vec![at(200), at(300)]);
    }

    proptest! {
        /// Admitting only while fewer than `limit` places are held, each for the window plus a margin of its
        /// own, never lets more than `limit` admissions into any span of one window.
        #[test]
        fn no_window_ever_holds_more_than_the_limit(limit in 1u32..6, window in 10i64..500,
                                                    asks in proptest::collection::vec((0i64..120, 0i64..50), 1..80)) {
            let mut w = ExpiryWindow::default();
            let mut admitted = Vec::new();
            let mut now = 0;
            for (gap, margin) in asks {
                now += gap;
                loop {
                    match w.check(at(now), limit) {
                        Ok(()) => break,
                        Err(free) => now = (free - at(0)).num_milliseconds(),
                    }
                }
                w.insert(at(now + window + margin));
                admitted.push(now);
            }
            for run in admitted.windows(limit as usize + 1) {
                prop_assert!(run[limit as usize] - run[0] >= window, "{run:?} in {window} ms");
            }
        }
    }
}
