//! The client's limits: an exact sliding window, concurrency slots and a daily budget, so no avoidable 606,
//! 615 or 607 is ever provoked. The shared part (window, slots, the subscription's day, the adaptive cap)
//! lives in a [`backend`]: in memory for one process (every clone of the client), or on Redis for every job of
//! a subscription. The client's own part (its concurrency cap, its daily budget, its pause after a 606/615,
//! its spacing, its window margin) stays here.
//!
//! A call takes, in order: a slot of the client's own, the probe turn after a pause, a unit of its daily
//! budget, its spacing, then one admission from the backend (waiting as the backend says). When the answer
//! does not count (601, 602, 604, ...), the window place and the daily units are given back.

mod adaptive;
pub(crate) mod backend;
mod daily;
mod fallback;
mod margin;
mod memory;
mod pause;
mod permit;
mod shared;
mod spacing;
mod window;

pub(crate) use daily::DailyBudget;
pub(crate) use pause::Pause;
pub(crate) use permit::Permit;

use crate::config::Limits;
use crate::error::{Error, ErrorKind};
use crate::limiter::{subscription_of, LimiterView, OnUnreachable, SharedLimiter};
use backend::{Ask, Backend, BackendError, Verdict};
use chrono::{DateTime, Utc};
use fallback::Fallback;
use margin::MarginMeter;
use marketo_types::clock::SharedClock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tokio::sync::Semaphore;
use window::ExpiryWindow;

/// Converts the gap between two instants to a duration to sleep (zero when `to` has passed).
pub(crate) fn until(now: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
    (to - now).to_std().unwrap_or(Duration::ZERO)
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

/// All the limits of one client.
#[derive(Debug)]
pub(crate) struct Throttle {
    slots: Arc<Semaphore>,
    pub(crate) concurrency: u32,
    pub(crate) daily: DailyBudget,
    pub(crate) pause: Pause,
    spacing: spacing::Spacing,
    margin: MarginMeter,
    /// One admission asked of the backend at a time per client: the others queue here, in order.
    gate: tokio::sync::Mutex<()>,
    /// This client's own places in the window (its usage, and what it keeps if it falls back).
    own: Mutex<ExpiryWindow>,
    limit: u32,
    window: Duration,
    backend: RwLock<Arc<dyn Backend>>,
    fallback: Option<Fallback>,
    /// Set while the asker waits for a place in the window.
    window_wait: AtomicBool,
    clock: SharedClock,
}

impl Throttle {
    /// The limits of `limits`, shared through `shared` when set (for the subscription of `endpoint`).
    pub(crate) fn new(
        limits: &Limits,
        shared: Option<&SharedLimiter>,
        endpoint: &url::Url,
        clock: SharedClock,
    ) -> Self {
        let concurrency = limits.effective_concurrency();
        let limit = limits.effective_calls_per_window();
        let backend: Arc<dyn Backend> = match shared {
            None => Arc::new(memory::InMemory::new(limit, limits.window, clock.clone())),
            Some(s) => {
                let subscription = s
                    .subscription
                    .clone()
                    .unwrap_or_else(|| subscription_of(endpoint));
                Arc::new(shared::RedisBackend::new(
                    s,
                    &subscription,
                    shared::SharedLimits {
                        calls_per_window: limit,
                        window: limits.window,
                        concurrency,
                        daily_quota: limits.keep(s.daily_quota),
                    },
                    clock.clone(),
                ))
            }
        };
        let fallback = shared.and_then(|s| match s.on_unreachable {
            OnUnreachable::Stop => None,
            OnUnreachable::Local { reserve_share } => Some(Fallback::new(
                reserve_share,
                limit,
                limits.window,
                concurrency,
            )),
        });
        Throttle {
            slots: Arc::new(Semaphore::new(concurrency as usize)),
            concurrency,
            daily: DailyBudget::new(limits.effective_daily_budget()),
            pause: Pause::default(),
            spacing: spacing::Spacing::new(limits.spacing),
            margin: MarginMeter::new(limits.window_margin, limits.window / 4),
            gate: tokio::sync::Mutex::new(()),
            own: Mutex::new(ExpiryWindow::default()),
            limit,
            window: limits.window,
            backend: RwLock::new(backend),
            fallback,
            window_wait: AtomicBool::new(false),
            clock,
        }
    }

    fn backend(&self) -> Arc<dyn Backend> {
        self.backend
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn own(&self) -> std::sync::MutexGuard<'_, ExpiryWindow> {
        self.own.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wait for a slot, the budget and the window.
    pub(crate) async fn acquire(&self) -> Result<Permit, Error> {
        let slot = self
            .slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Error::new(ErrorKind::Config, "the client was closed"))?;
        let probe = self.pause.wait(&self.clock).await;
        self.daily.take(self.clock.now())?;
        let admitted = self.admit().await;
        let (grant, origin, asked_at, margin) = match admitted {
            Ok(a) => a,
            Err(e) => {
                self.daily.give_back(self.clock.now());
                return Err(e);
            }
        };
        let own_expiry = self.clock.now()
            + chrono::Duration::from_std(self.window + margin).unwrap_or(chrono::Duration::MAX);
        self.own().insert(own_expiry);
        Ok(Permit {
            _slot: slot,
            _probe: probe,
            grant,
            origin,
            asked_at,
            own_expiry,
            sent_at: None,
            settled: false,
        })
    }

    /// Ask the backend until it admits the call (one asker per client at a time).
    async fn admit(
        &self,
    ) -> Result<(backend::Grant, Arc<dyn Backend>, DateTime<Utc>, Duration), Error> {
        let _turn = self.gate.lock().await;
        self.spacing.wait(&self.clock).await;
        loop {
            let backend = self.backend();
            let margin = self.margin.current();
            let asked_at = self.clock.now();
            match backend.try_admit(Ask { margin }).await {
                Ok(Verdict::Admitted(grant)) => {
                    self.window_wait.store(false, Ordering::Relaxed);
                    tracing::trace!(at = %grant.at, margin_ms = margin.as_millis() as u64, "admitted");
                    return Ok((grant, backend, asked_at, margin));
                }
                Ok(Verdict::Wait { hold, retry_in }) => {
                    tracing::trace!(
                        ?hold,
                        wait_ms = retry_in.as_millis() as u64,
                        "waiting for the limiter"
                    );
                    self.window_wait
                        .store(hold == backend::Hold::Window, Ordering::Relaxed);
                    tokio::time::sleep(retry_in).await;
                }
                Ok(Verdict::QuotaSpent { reset, by_607 }) => {
                    let e = if by_607 {
                        self.daily.exhaust(self.clock.now());
                        daily::quota_error("the daily API quota is spent (607 from Marketo)", reset)
                            .with_code(607)
                    } else {
                        daily::quota_error("the subscription's shared daily quota is spent", reset)
                    };
                    return Err(e);
                }
                Err(e) => self.lost(e)?,
            }
        }
    }

    /// The backend failed: fall back to the local limiter if the client may, else fail.
    fn lost(&self, e: BackendError) -> Result<(), Error> {
        let Some(f) = &self.fallback else {
            return Err(Error::new(ErrorKind::Limiter, e.message));
        };
        let held = self.own().expiries(self.clock.now());
        match f.take(&held, self.clock.clone(), &self.slots) {
            Some(local) => {
                tracing::warn!(
                    "{e}; going on with the local limiter, leaving {:.0}% of every limit to the other jobs",
                    f.reserve_share * 100.0
                );
                let lost = std::mem::replace(
                    &mut *self.backend.write().unwrap_or_else(|e| e.into_inner()),
                    local,
                );
                lost.halt();
                Ok(())
            }
            None => Err(Error::new(ErrorKind::Limiter, e.message)),
        }
    }

    /// Settle a finished call: an answer that does not count gives back its window place and daily unit;
    /// a 606 lowers the adaptive cap; an answer other than 606/615 ends probing and lets the cap climb.
    pub(crate) async fn settle(
        &self,
        mut permit: Permit,
        counted: bool,
        answer: impl Into<Settled>,
    ) {
        let answer = answer.into();
        let now = self.clock.now();
        if let Some(sent) = permit.sent_at {
            self.margin
                .record(until(permit.asked_at, sent), until(sent, now));
        }
        if answer == Settled::Through {
            self.pause.end_probing();
        }
        if !counted {
            self.own().remove(permit.own_expiry);
            self.daily.give_back(now);
        }
        permit.settled = true;
        let current = self.backend();
        // After a fall back, calls admitted by the shared limiter are not settled there any more.
        if Arc::ptr_eq(&current, &permit.origin) {
            if let Err(e) = current.settle(&permit.grant, counted, answer).await {
                tracing::warn!(error = %e, "shared limiter: a finished call could not be settled");
            }
        }
        drop(permit);
    }

    /// Marketo answered 607: stop this client and, through a shared limiter, every job, until `reset`.
    pub(crate) async fn quota_spent(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let reset = self.daily.exhaust(now);
        if let Err(e) = self.backend().quota_spent(reset).await {
            tracing::warn!(error = %e, "shared limiter: the 607 could not be shared");
        }
        reset
    }

    /// What the shared limiter sees (`None` for the in-memory limiter, or after falling back).
    pub(crate) async fn view(&self) -> Result<Option<LimiterView>, Error> {
        if self.fallback.as_ref().is_some_and(Fallback::happened) {
            return Ok(None);
        }
        self.backend()
            .view()
            .await
            .map_err(|e| Error::new(ErrorKind::Limiter, e.message))
    }

    /// Calls in flight now.
    pub(crate) fn in_flight(&self) -> u32 {
        self.concurrency
            .saturating_sub(self.slots.available_permits() as u32)
    }

    /// This client's places in the window now.
    pub(crate) fn window_used(&self) -> u32 {
        self.own().count(self.clock.now())
    }

    /// Whether a call waits now for a place in the window.
    pub(crate) fn waiting_for_window(&self) -> bool {
        self.window_wait.load(Ordering::Relaxed)
    }

    /// The calls allowed per window.
    pub(crate) fn window_limit(&self) -> u32 {
        self.limit
    }
}

#[cfg(test)]
mod tests;
