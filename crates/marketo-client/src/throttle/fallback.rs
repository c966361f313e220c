//! Going on without the shared limiter ([`OnUnreachable::Local`](crate::OnUnreachable::Local)): the client
//! switches to the in-memory backend for the rest of its life, keeping the window places of its own recent
//! calls, with every limit cut by the reserve share (the other jobs may be falling back too).

use super::backend::Backend;
use super::memory::InMemory;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// How to fall back, once.
#[derive(Debug)]
pub(crate) struct Fallback {
    pub(crate) reserve_share: f64,
    pub(crate) calls_per_window: u32,
    pub(crate) window: Duration,
    pub(crate) concurrency: u32,
    fell: AtomicBool,
}

fn keep(n: u32, share: f64) -> u32 {
    ((f64::from(n) * (1.0 - share)).floor() as u32).max(1)
}

impl Fallback {
    pub(crate) fn new(
        reserve_share: f64,
        calls_per_window: u32,
        window: Duration,
        concurrency: u32,
    ) -> Self {
        Fallback {
            reserve_share,
            calls_per_window,
            window,
            concurrency,
            fell: AtomicBool::new(false),
        }
    }

    /// Whether the client already fell back.
    pub(crate) fn happened(&self) -> bool {
        self.fell.load(Ordering::Acquire)
    }

    /// The backend to go on with, holding `own` (the expiries of this client's places), and the concurrency
    /// slots to take away from `slots`. `None` when the client already fell back.
    pub(crate) fn take(
        &self,
        own: &[DateTime<Utc>],
        clock: SharedClock,
        slots: &Arc<Semaphore>,
    ) -> Option<Arc<dyn Backend>> {
        if self.fell.swap(true, Ordering::AcqRel) {
            return None;
        }
        let limit = keep(self.calls_per_window, self.reserve_share);
        let concurrency = keep(self.concurrency, self.reserve_share);
        // Hold the slots given up for good, as they free.
        let gone = self.concurrency.saturating_sub(concurrency);
        if gone > 0 {
            let slots = slots.clone();
            tokio::spawn(async move {
                if let Ok(p) = slots.acquire_many_owned(gone).await {
                    p.forget();
                }
            });
        }
        Some(Arc::new(InMemory::seeded(limit, self.window, clock, own)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reserve_cuts_every_limit() {
        assert_eq!(keep(100, 0.5), 50);
        assert_eq!(keep(10, 0.75), 2);
        assert_eq!(keep(1, 0.9), 1);
    }
}
