//! The client's own limits: an exact sliding window, concurrency slots and a daily budget, shared by every
//! clone of the client, so no avoidable 606, 615 or 607 is ever provoked.
//!
//! A call takes, in order: a concurrency slot (one `Arc<Semaphore>`), the daily budget, then a place in the
//! window (waiting for it if need be). When the answer does not count (601, 602, 604, ...), the window place
//! and the daily unit are given back.

mod adaptive;
mod daily;
mod pause;
mod window;

pub(crate) use daily::DailyBudget;
pub(crate) use pause::Pause;
pub(crate) use window::RateWindow;

use crate::config::Limits;
use crate::error::Error;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Converts the gap between two instants to a duration to sleep (zero when `to` has passed).
pub(crate) fn until(now: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
    (to - now).to_std().unwrap_or(Duration::ZERO)
}

/// All the limits of one client.
#[derive(Debug)]
pub(crate) struct Throttle {
    pub(crate) window: RateWindow,
    pub(crate) slots: Arc<Semaphore>,
    pub(crate) concurrency: u32,
    pub(crate) daily: DailyBudget,
    pub(crate) pause: Pause,
    clock: SharedClock,
}

/// How a call ended, for the throttle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Settled {
    /// Any answer but 606 or 615.
    Through,
    /// 606.
    RateLimited,
    /// 615.
    ConcurrencyLimited,
}

impl From<bool> for Settled {
    /// `true` for a caller that only knows it met 606 or 615: treated as 615 (probing goes on, the cap stays).
    fn from(limited: bool) -> Self {
        if limited {
            Settled::ConcurrencyLimited
        } else {
            Settled::Through
        }
    }
}

/// Permission to send one call. Dropping it frees the concurrency slot.
#[derive(Debug)]
pub(crate) struct Permit {
    _slot: OwnedSemaphorePermit,
    _probe: Option<tokio::sync::OwnedMutexGuard<()>>,
    admitted_at: DateTime<Utc>,
}

impl Throttle {
    pub(crate) fn new(limits: &Limits, clock: SharedClock) -> Self {
        let concurrency = limits.effective_concurrency();
        Throttle {
            window: RateWindow::with_spacing(
                limits.effective_calls_per_window(),
                limits.window + limits.window_margin,
                limits.spacing,
            ),
            slots: Arc::new(Semaphore::new(concurrency as usize)),
            concurrency,
            daily: DailyBudget::new(limits.effective_daily_budget()),
            pause: Pause::default(),
            clock,
        }
    }

    /// Wait for a slot, the budget and the window.
    pub(crate) async fn acquire(&self) -> Result<Permit, Error> {
        let slot = self
            .slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Error::new(crate::ErrorKind::Config, "the client was closed"))?;
        let probe = self.pause.wait(&self.clock).await;
        self.daily.take(self.clock.now())?;
        let admitted_at = self.window.admit(&self.clock).await;
        Ok(Permit {
            _slot: slot,
            _probe: probe,
            admitted_at,
        })
    }

    /// Settle a finished call: an answer that does not count gives back its window place and daily unit;
    /// a 606 lowers the adaptive cap; an answer other than 606/615 ends probing and lets the cap climb.
    pub(crate) fn settle(&self, permit: Permit, counted: bool, answer: impl Into<Settled>) {
        let answer = answer.into();
        match answer {
            Settled::Through => {
                self.pause.end_probing();
                self.window.got_through();
            }
            Settled::RateLimited => self.window.rate_limited(),
            Settled::ConcurrencyLimited => {}
        }
        if !counted {
            self.window.release(permit.admitted_at);
            self.daily.give_back(self.clock.now());
        }
        drop(permit);
    }

    /// Calls in flight now.
    pub(crate) fn in_flight(&self) -> u32 {
        self.concurrency
            .saturating_sub(self.slots.available_permits() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marketo_types::clock::TokioClock;

    fn throttle(limits: Limits) -> Arc<Throttle> {
        Arc::new(Throttle::new(&limits, Arc::new(TokioClock::new())))
    }

    #[tokio::test(start_paused = true)]
    async fn concurrency_is_capped_by_one_semaphore() {
        let t = throttle(Limits {
            concurrency: 2,
            ..Limits::default()
        });
        let a = t.acquire().await.unwrap();
        let _b = t.acquire().await.unwrap();
        assert_eq!(t.in_flight(), 2);
        let t2 = t.clone();
        let third = tokio::spawn(async move { t2.acquire().await.map(|_| ()) });
        tokio::task::yield_now().await;
        assert!(!third.is_finished());
        t.settle(a, true, false);
        third.await.unwrap().unwrap();
    }

    #[tokio::test(start_paused = true)]
    async fn uncounted_answers_give_their_place_back() {
        let t = throttle(Limits {
            calls_per_window: 1,
            daily_budget: 1,
            ..Limits::default()
        });
        let p = t.acquire().await.unwrap();
        t.settle(p, false, false);
        let p = t.acquire().await.unwrap();
        t.settle(p, true, Settled::Through);
        let e = t.acquire().await.unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::QuotaExhausted);
        assert!(e.reset_at().is_some());
    }
}
