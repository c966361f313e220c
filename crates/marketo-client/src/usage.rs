//! A snapshot of how much of its limits the client uses.

use chrono::{DateTime, Utc};

/// The client's use of its limits at one instant. Covers this client and its clones only: other
/// integrations of the subscription are invisible to it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UsageSnapshot {
    /// Calls sent (every attempt, counted or not; token requests excluded).
    pub calls_sent: u64,
    /// Calls in the current rate window.
    pub window_used: u32,
    /// Whether a call waits now for a place in the window (this client's, or the shared limiter's, which other
    /// jobs fill too).
    pub waiting_for_window: bool,
    /// Calls allowed per window (after the reserve).
    pub window_limit: u32,
    /// Calls in flight.
    pub in_flight: u32,
    /// Calls allowed in flight (after the reserve).
    pub concurrency_limit: u32,
    /// Counted calls on the current quota day.
    pub daily_used: u64,
    /// The daily budget (after the reserve).
    pub daily_limit: u64,
    /// When the quota day turns (midnight America/Chicago).
    pub quota_resets_at: DateTime<Utc>,
    /// Retries made.
    pub retries: u64,
    /// Retries left in the budget.
    pub retry_budget_left: u64,
    /// 606 answers received.
    pub rate_limited_answers: u64,
    /// 615 answers received.
    pub concurrency_limited_answers: u64,
    /// Access tokens fetched.
    pub tokens_fetched: u64,
    /// Records that got an outcome.
    pub records_done: u64,
}

impl UsageSnapshot {
    /// Calls left today.
    pub fn daily_remaining(&self) -> u64 {
        self.daily_limit.saturating_sub(self.daily_used)
    }
}
