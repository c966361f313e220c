//! The exact sliding window, shared, with waiting.

use super::adaptive::AdaptiveCap;
use super::until;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use marketo_types::limits::SlidingWindow;
use std::sync::Mutex;
use std::time::Duration;

/// `limit` calls per `window` (the configured window plus its margin), exact.
#[derive(Debug)]
pub(crate) struct RateWindow {
    inner: Mutex<Windows>,
    /// Least time between two admissions, and the earliest next one.
    spacing: chrono::Duration,
    next_free: Mutex<Option<DateTime<Utc>>>,
}

/// The exact window at the configured limit, and the adaptive cap under it, behind one lock.
#[derive(Debug)]
struct Windows {
    exact: SlidingWindow,
    adaptive: AdaptiveCap,
}

impl Windows {
    fn try_admit(&mut self, now: DateTime<Utc>) -> Result<(), DateTime<Utc>> {
        self.adaptive.check(now)?;
        self.exact.try_admit(now)?;
        self.adaptive.record(now);
        Ok(())
    }
}

impl RateWindow {
    #[cfg(test)]
    pub(crate) fn new(limit: u32, window: Duration) -> Self {
        Self::with_spacing(limit, window, Duration::ZERO)
    }

    /// A window that also keeps `spacing` between two admissions.
    pub(crate) fn with_spacing(limit: u32, window: Duration, spacing: Duration) -> Self {
        RateWindow {
            inner: Mutex::new(Windows {
                exact: SlidingWindow::new(limit, window),
                adaptive: AdaptiveCap::new(
                    limit,
                    chrono::Duration::from_std(window).unwrap_or_default(),
                ),
            }),
            spacing: chrono::Duration::from_std(spacing).unwrap_or_default(),
            next_free: Mutex::new(None),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Windows> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wait until the window admits a call, and admit it. Returns the admission time.
    pub(crate) async fn admit(&self, clock: &SharedClock) -> DateTime<Utc> {
        loop {
            let now = clock.now();
            if let Some(at) = self.reserve_start(now) {
                tokio::time::sleep(until(now, at)).await;
                continue;
            }
            let next = self.lock().try_admit(now);
            match next {
                Ok(()) => return now,
                Err(at) => {
                    tracing::debug!(
                        wait_ms = until(now, at).as_millis() as u64,
                        "rate window full: waiting"
                    );
                    tokio::time::sleep(until(now, at)).await;
                }
            }
        }
    }

    /// With spacing: `Some(time)` to wait for, or `None` after reserving `now` as this call's start.
    fn reserve_start(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.spacing.is_zero() {
            return None;
        }
        let mut next_free = self.next_free.lock().unwrap_or_else(|e| e.into_inner());
        match *next_free {
            Some(at) if at > now => Some(at),
            _ => {
                *next_free = Some(now + self.spacing);
                None
            }
        }
    }

    /// Give back an admission made at `at`.
    pub(crate) fn release(&self, at: DateTime<Utc>) {
        let mut w = self.lock();
        w.exact.release(at);
        w.adaptive.release(at);
    }

    /// Marketo answered 606: lower the adaptive cap.
    pub(crate) fn rate_limited(&self) {
        let mut w = self.lock();
        w.adaptive.rate_limited();
        tracing::debug!(cap = w.adaptive.cap(), "606: calls per window capped lower");
    }

    /// A call got through: let the adaptive cap climb back.
    pub(crate) fn got_through(&self) {
        self.lock().adaptive.got_through();
    }

    /// Calls admitted in the window ending now.
    pub(crate) fn used(&self, now: DateTime<Utc>) -> u32 {
        self.lock().exact.count(now)
    }

    /// The limit.
    pub(crate) fn limit(&self) -> u32 {
        self.lock().exact.limit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marketo_types::clock::TokioClock;
    use proptest::prelude::*;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn spacing_spreads_admissions_evenly() {
        let clock: SharedClock = Arc::new(TokioClock::new());
        let w = RateWindow::with_spacing(100, Duration::from_secs(2), Duration::from_millis(20));
        let mut times = Vec::new();
        for _ in 0..5 {
            times.push(w.admit(&clock).await);
        }
        for pair in times.windows(2) {
            assert_eq!((pair[1] - pair[0]).num_milliseconds(), 20);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// However calls arrive, the shared window never admits more than its limit in any window.
        #[test]
        fn the_window_never_admits_more_than_its_limit(limit in 1u32..8, window_ms in 10u64..2_000,
                                                      gaps in proptest::collection::vec(0u64..300, 1..60)) {
            let rt = tokio::runtime::Builder::new_current_thread().enable_time().start_paused(true).build().unwrap();
            let admitted = rt.block_on(async {
                let clock: SharedClock = Arc::new(TokioClock::new());
                let w = Arc::new(RateWindow::new(limit, Duration::from_millis(window_ms)));
                let mut tasks = Vec::new();
                for g in gaps {
                    tokio::time::sleep(Duration::from_millis(g)).await;
                    let (w, clock) = (w.clone(), clock.clone());
                    tasks.push(tokio::spawn(async move {
                        w.admit(&clock).await;
                        clock.now()
                    }));
                }
                let mut times = Vec::new();
                for t in tasks { times.push(t.await.unwrap()); }
                times.sort();
                times
            });
            for run in admitted.windows(limit as usize + 1) {
                let span = (run[limit as usize] - run[0]).num_milliseconds();
                prop_assert!(span >= window_ms as i64, "{} calls within {span} ms", limit + 1);
            }
        }
    }
}
