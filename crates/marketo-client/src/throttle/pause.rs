//! A pause every request of the client honours, set after a 606 or 615, so the client slows down as a
//! whole instead of hammering a subscription another integration is using. After the pause, calls go one at
//! a time (a single probe) until one is answered without 606/615: a burst of calls into a window that is
//! full of someone else's calls would only earn more 606 answers, and those count against the window too.

use super::until;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::OwnedMutexGuard;

/// No call starts before this time; then one probe at a time until a call gets through.
#[derive(Debug, Default)]
pub(crate) struct Pause {
    until: Mutex<Option<DateTime<Utc>>>,
    probing: AtomicBool,
    probe: Arc<tokio::sync::Mutex<()>>,
}

impl Pause {
    /// Pause every call until `now + by` (an existing longer pause stands), then probe.
    pub(crate) fn extend(&self, now: DateTime<Utc>, by: Duration) {
        let to = now + chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX);
        let mut u = self.until.lock().unwrap_or_else(|e| e.into_inner());
        if u.is_none_or(|cur| cur < to) {
            *u = Some(to);
        }
        self.probing.store(true, Ordering::Release);
    }

    /// A call got through: back to full speed.
    pub(crate) fn end_probing(&self) {
        self.probing.store(false, Ordering::Release);
    }

    /// Wait until the pause is over; while probing, also wait to be the one probe (hold the guard for the
    /// length of the call).
    pub(crate) async fn wait(&self, clock: &SharedClock) -> Option<OwnedMutexGuard<()>> {
        loop {
            self.sleep_out(clock).await;
            if !self.probing.load(Ordering::Acquire) {
                return None;
            }
            let guard = self.probe.clone().lock_owned().await;
            // The probe before may have ended the probing, or met another pause.
            if !self.probing.load(Ordering::Acquire) {
                return None;
            }
            if self.remaining(clock).is_zero() {
                return Some(guard);
            }
        }
    }

    fn remaining(&self, clock: &SharedClock) -> Duration {
        let to = *self.until.lock().unwrap_or_else(|e| e.into_inner());
        to.map_or(Duration::ZERO, |to| until(clock.now(), to))
    }

    async fn sleep_out(&self, clock: &SharedClock) {
        loop {
            let left = self.remaining(clock);
            if left.is_zero() {
                return;
            }
            tokio::time::sleep(left).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marketo_types::clock::TokioClock;

    #[tokio::test(start_paused = true)]
    async fn after_a_pause_one_probe_goes_at_a_time() {
        let clock: SharedClock = Arc::new(TokioClock::new());
        let p = Arc::new(Pause::default());
        assert!(p.wait(&clock).await.is_none(), "no pause: no probe");
        p.extend(clock.now(), Duration::from_secs(5));
        let start = tokio::time::Instant::now();
        let probe = p.wait(&clock).await.expect("the first caller probes");
        assert!(start.elapsed() >= Duration::from_secs(5));
        let (p2, c2) = (p.clone(), clock.clone());
        let second = tokio::spawn(async move { p2.wait(&c2).await.is_some() });
        tokio::task::yield_now().await;
        assert!(
            !second.is_finished(),
            "the second caller waits for the probe"
        );
        p.end_probing();
        drop(probe);
        assert!(!second.await.unwrap(), "after a good probe, full speed");
    }
}
