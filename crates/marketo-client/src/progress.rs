//! Progress hooks for front ends (the `mkto` CLI drives its progress bars from these), and counters.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Something that happened, reported to a [`Progress`] observer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProgressEvent {
    /// A call got an answer (or failed to).
    CallFinished {
        /// The REST path.
        path: String,
        /// The Marketo code or HTTP status of a failure; `None` on success.
        code: Option<u16>,
        /// Attempt number of this request, from 1.
        attempt: u32,
    },
    /// The client is waiting before sending more.
    Waiting {
        /// Why.
        reason: WaitReason,
        /// For how long.
        duration: Duration,
    },
    /// Records of a record operation got their outcome.
    RecordsDone {
        /// How many just finished.
        count: usize,
    },
}

/// Why the client waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaitReason {
    /// A transient fault: backing off.
    Backoff,
    /// Marketo answered 606.
    RateLimited,
    /// Marketo answered 615.
    ConcurrencyLimited,
}

/// Receives [`ProgressEvent`]s. Called inline: keep it quick.
///
/// ```
/// use marketo_client::{Progress, ProgressEvent};
/// #[derive(Debug)]
/// struct Print;
/// impl Progress for Print {
///     fn on_event(&self, event: &ProgressEvent) {
///         if let ProgressEvent::RecordsDone { count } = event { eprintln!("+{count}"); }
///     }
/// }
/// ```
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// One event.
    fn on_event(&self, event: &ProgressEvent);
}

/// Counters kept by the client (shared by its clones).
#[derive(Debug, Default)]
pub(crate) struct Stats {
    pub(crate) calls: AtomicU64,
    pub(crate) retries: AtomicU64,
    pub(crate) rate_limited: AtomicU64,
    pub(crate) concurrency_limited: AtomicU64,
    pub(crate) records_done: AtomicU64,
}

impl Stats {
    pub(crate) fn bump(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    pub(crate) fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}
