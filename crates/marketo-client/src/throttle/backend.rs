//! Where the shared part of the limits lives: a backend that admits calls into the window, hands out
//! concurrency slots, counts the subscription's day and keeps the adaptive cap. In memory for one process
//! ([`super::memory::InMemory`]), or on Redis for every job of a subscription ([`super::shared::RedisBackend`]).
//!
//! A client's own limits (its concurrency cap, its daily budget, its pause after a 606/615, its spacing) stay
//! in the [`Throttle`](super::Throttle) whatever the backend.

use super::Settled;
use crate::limiter::LimiterView;
use chrono::{DateTime, Utc};
use futures::future::BoxFuture;
use std::fmt;
use std::time::Duration;

/// What one admission asks for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ask {
    /// How long past the window the place is held (network delay, measured).
    pub(crate) margin: Duration,
}

/// A call admitted by a backend.
#[derive(Debug, Clone)]
pub(crate) struct Grant {
    /// The call's id in the backend (its window place and its slot lease), if the backend names calls.
    pub(crate) id: Option<String>,
    /// When it was admitted, by the backend's clock.
    pub(crate) at: DateTime<Utc>,
    /// When its window place frees, by the backend's clock.
    pub(crate) expires: DateTime<Utc>,
    /// The quota day it was counted in (the key of the day counter), if the backend counts days.
    pub(crate) day: Option<String>,
}

/// What held an admission back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hold {
    /// The window (or the adaptive cap under it) is full.
    Window,
    /// Every concurrency slot of the subscription is leased.
    Slots,
}

/// A backend's answer to one try.
#[derive(Debug, Clone)]
pub(crate) enum Verdict {
    /// Admitted: send the call.
    Admitted(Grant),
    /// Try again after `retry_in`.
    Wait { hold: Hold, retry_in: Duration },
    /// The subscription's daily quota is spent until `reset` (`by_607`: a 607 said so).
    QuotaSpent { reset: DateTime<Utc>, by_607: bool },
}

/// A backend that failed to answer.
#[derive(Debug, Clone)]
pub(crate) struct BackendError {
    /// What went wrong, secrets redacted (names the backend's URL).
    pub(crate) message: String,
}

impl fmt::Display for BackendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The shared limits.
pub(crate) trait Backend: Send + Sync + fmt::Debug {
    /// Try once to admit a call: a slot, a unit of the day, a place in the window, all or nothing.
    fn try_admit(&self, ask: Ask) -> BoxFuture<'_, Result<Verdict, BackendError>>;

    /// A call ended: free its slot; when its answer did not count, give back its window place and day unit;
    /// let the answer move the adaptive cap.
    fn settle<'a>(
        &'a self,
        grant: &'a Grant,
        counted: bool,
        answer: Settled,
    ) -> BoxFuture<'a, Result<(), BackendError>>;

    /// Marketo answered 607: the subscription's quota is spent until `reset`.
    fn quota_spent(&self, reset: DateTime<Utc>) -> BoxFuture<'_, Result<(), BackendError>>;

    /// What the backend sees now, for `usage`. `None` for a backend that only knows this process.
    fn view(&self) -> BoxFuture<'_, Result<Option<LimiterView>, BackendError>>;

    /// Stop every background task (lease renewal): the client fell back to another backend, or a test plays
    /// a job killed with SIGKILL.
    fn halt(&self) {}
}
