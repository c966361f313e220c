//! The in-memory backend: the window and the adaptive cap of one process, shared by every clone of the client.
//! Concurrency slots are the [`Throttle`](super::Throttle)'s semaphore; the day is its budget.

use super::adaptive::AdaptiveCap;
use super::backend::{Ask, Backend, BackendError, Grant, Hold, Verdict};
use super::window::ExpiryWindow;
use super::{until, Settled};
use crate::limiter::LimiterView;
use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use futures::FutureExt;
use marketo_types::clock::SharedClock;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Debug)]
struct State {
    window: ExpiryWindow,
    cap: AdaptiveCap,
}

/// One process's window.
#[derive(Debug)]
pub(crate) struct InMemory {
    limit: u32,
    window: chrono::Duration,
    state: Mutex<State>,
    clock: SharedClock,
}

impl InMemory {
    /// `limit` calls per `window`, on `clock`.
    pub(crate) fn new(limit: u32, window: Duration, clock: SharedClock) -> Self {
        InMemory {
            limit,
            window: chrono::Duration::from_std(window).unwrap_or(chrono::Duration::MAX),
            state: Mutex::new(State {
                window: ExpiryWindow::default(),
                cap: AdaptiveCap::new(limit),
            }),
            clock,
        }
    }

    /// The same, already holding places that expire at `held` (a job that falls back from a shared
    /// limiter keeps its own recent calls).
    pub(crate) fn seeded(
        limit: u32,
        window: Duration,
        clock: SharedClock,
        held: &[DateTime<Utc>],
    ) -> Self {
        let m = InMemory::new(limit, window, clock);
        {
            let mut s = m.lock();
            for at in held {
                s.window.insert(*at);
            }
        }
        m
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Admit now or say when to try again (no I/O).
    pub(crate) fn admit_now(&self, ask: Ask) -> Verdict {
        let now = self.clock.now();
        let mut s = self.lock();
        let cap = s.cap.cap().min(self.limit);
        match s.window.check(now, cap) {
            Ok(()) => {
                let expires =
                    now + self.window + chrono::Duration::from_std(ask.margin).unwrap_or_default();
                s.window.insert(expires);
                Verdict::Admitted(Grant {
                    id: None,
                    at: now,
                    expires,
                    day: None,
                })
            }
            Err(free) => {
                tracing::debug!(
                    wait_ms = until(now, free).as_millis() as u64,
                    "rate window full: waiting"
                );
                Verdict::Wait {
                    hold: Hold::Window,
                    retry_in: until(now, free),
                }
            }
        }
    }

    /// Settle without I/O.
    pub(crate) fn settle_now(&self, grant: &Grant, counted: bool, answer: Settled) {
        let mut s = self.lock();
        match answer {
            Settled::Through => s.cap.got_through(),
            Settled::RateLimited => {
                s.cap.rate_limited();
                tracing::debug!(cap = s.cap.cap(), "606: calls per window capped lower");
            }
            Settled::ConcurrencyLimited => {}
        }
        if !counted {
            s.window.remove(grant.expires);
        }
    }
}

impl Backend for InMemory {
    fn try_admit(&self, ask: Ask) -> BoxFuture<'_, Result<Verdict, BackendError>> {
        let v = self.admit_now(ask);
        async move { Ok(v) }.boxed()
    }

    fn settle<'a>(
        &'a self,
        grant: &'a Grant,
        counted: bool,
        answer: Settled,
    ) -> BoxFuture<'a, Result<(), BackendError>> {
        self.settle_now(grant, counted, answer);
        async { Ok(()) }.boxed()
    }

    fn quota_spent(&self, _reset: DateTime<Utc>) -> BoxFuture<'_, Result<(), BackendError>> {
        // The throttle's own daily budget holds the 607 stop for one process.
        async { Ok(()) }.boxed()
    }

    fn view(&self) -> BoxFuture<'_, Result<Option<LimiterView>, BackendError>> {
        async { Ok(None) }.boxed()
    }
}
