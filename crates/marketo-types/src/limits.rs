//! Marketo's documented limits, as named constants, and the pure counters both the emulator and the client
//! keep: an exact sliding window and a daily counter on the quota day.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::VecDeque;
use std::time::Duration;

/// Records per call on the lead database (sync, delete, list membership, filter values, batch size).
pub const MAX_RECORDS_PER_CALL: usize = 300;
/// Filter values in one Get Leads by Filter Type call.
pub const MAX_FILTER_VALUES: usize = 300;
/// Largest and default `batchSize` of a paged read.
pub const MAX_BATCH_SIZE: usize = 300;
/// A filter matching more leads than this answers 1003 "Too many results match the filter".
pub const MAX_FILTER_MATCHES: usize = 1000;
/// Request body limit ("1 MB"): above it, HTTP 413. Whether Marketo means 10^6 or 2^20 bytes is not
/// documented; the emulator enforces 2^20 by default and the client stays under [`SAFE_BODY_BYTES`].
pub const MAX_BODY_BYTES: usize = 1_048_576;
/// The largest body the client sends: under 1 MB whichever way Marketo counts it.
pub const SAFE_BODY_BYTES: usize = 1_000_000;
/// Bulk import file limit ("10 MB"): above it, HTTP 413.
pub const MAX_BULK_IMPORT_BYTES: usize = 10 * 1_048_576;
/// The largest bulk import file the client sends.
pub const SAFE_BULK_IMPORT_BYTES: usize = 10_000_000;
/// URI limit ("8 KB"): a longer GET gets HTTP 414.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// Calls per rate window before 606.
pub const RATE_LIMIT_CALLS: u32 = 100;
/// The rate window.
pub const RATE_WINDOW: Duration = Duration::from_secs(20);
/// Calls in flight before 615.
pub const MAX_CONCURRENT_CALLS: u32 = 10;
/// The default daily call quota before 607 (most subscriptions; some have as little as 10,000).
pub const DAILY_QUOTA: u64 = 50_000;
/// Access token lifetime.
pub const TOKEN_TTL: Duration = Duration::from_secs(3600);
/// Bulk export jobs processing at once (shared by every object type).
pub const BULK_EXPORT_PROCESSING: usize = 2;
/// Bulk export jobs queued, processing ones included, before 1029.
pub const BULK_EXPORT_QUEUED: usize = 10;
/// Bulk export file bytes a day before 1029 "Export daily quota exceeded".
pub const BULK_EXPORT_DAILY_BYTES: u64 = 500 * 1_048_576;
/// Longest date range of one bulk export filter.
pub const BULK_EXPORT_MAX_RANGE_DAYS: i64 = 31;
/// Bulk imports running at once.
pub const BULK_IMPORT_RUNNING: usize = 2;
/// Bulk imports queued, running ones included, before 1016.
pub const BULK_IMPORT_QUEUED: usize = 10;
/// Activity type ids in one Get Lead Activities call.
pub const MAX_ACTIVITY_TYPE_IDS: usize = 10;
/// Lead ids in one Get Lead Activities call.
pub const MAX_ACTIVITY_LEAD_IDS: usize = 30;

/// An exact sliding window: at most `limit` admissions in any window-length interval.
///
/// A call at `t` is admitted when fewer than `limit` admissions happened in `(t - window, t]`. Time must not go
/// backwards between calls; an earlier `now` is treated as the latest time seen.
///
/// ```
/// use marketo_types::limits::SlidingWindow;
/// use chrono::{TimeZone, Utc};
/// use std::time::Duration;
/// let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
/// let mut w = SlidingWindow::new(2, Duration::from_secs(20));
/// assert!(w.try_admit(t0).is_ok());
/// assert!(w.try_admit(t0).is_ok());
/// let retry_at = w.try_admit(t0).unwrap_err();
/// assert_eq!(retry_at, t0 + chrono::Duration::seconds(20));
/// assert!(w.try_admit(retry_at).is_ok());
/// ```
#[derive(Debug, Clone)]
pub struct SlidingWindow {
    limit: usize,
    window: chrono::Duration,
    admitted: VecDeque<DateTime<Utc>>,
}

impl SlidingWindow {
    /// A window admitting `limit` calls per `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        SlidingWindow {
            limit: limit as usize,
            window: chrono::Duration::from_std(window).unwrap_or(chrono::Duration::MAX),
            admitted: VecDeque::with_capacity(limit as usize),
        }
    }

    /// The limit.
    pub fn limit(&self) -> u32 {
        self.limit as u32
    }

    /// The window length.
    pub fn window(&self) -> Duration {
        self.window.to_std().unwrap_or(Duration::MAX)
    }

    fn evict(&mut self, now: DateTime<Utc>) {
        while let Some(&first) = self.admitted.front() {
            if first + self.window <= now {
                self.admitted.pop_front();
            } else {
                break;
            }
        }
    }

    fn clamp(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.admitted.back() {
            Some(&last) if last > now => last,
            _ => now,
        }
    }

    /// Admit a call at `now`, or say when the earliest admission becomes possible.
    pub fn try_admit(&mut self, now: DateTime<Utc>) -> Result<(), DateTime<Utc>> {
        let now = self.clamp(now);
        self.evict(now);
        if self.admitted.len() < self.limit {
            self.admitted.push_back(now);
            Ok(())
        } else {
            let oldest = self.admitted[self.admitted.len() - self.limit];
            Err(oldest + self.window)
        }
    }

    /// Take back one admission made at `at` (a call whose answer does not count). Returns whether one was found.
    pub fn release(&mut self, at: DateTime<Utc>) -> bool {
        match self.admitted.iter().rposition(|&t| t == at) {
            Some(i) => {
                self.admitted.remove(i);
                true
            }
            None => false,
        }
    }

    /// Admissions in the window ending at `now`.
    pub fn count(&mut self, now: DateTime<Utc>) -> u32 {
        let now = self.clamp(now);
        self.evict(now);
        self.admitted.len() as u32
    }

    /// Forget every admission.
    pub fn clear(&mut self) {
        self.admitted.clear();
    }
}

/// A counter of calls on the current quota day, reset when the day turns in America/Chicago.
///
/// ```
/// use marketo_types::limits::DailyCounter;
/// use chrono::{TimeZone, Utc};
/// let mut q = DailyCounter::new(2);
/// let t = Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0).unwrap();
/// assert!(q.try_take(t, 2).is_ok());
/// assert!(q.try_take(t, 1).is_err());
/// assert!(q.try_take(t + chrono::Duration::days(1), 1).is_ok());
/// ```
#[derive(Debug, Clone)]
pub struct DailyCounter {
    limit: u64,
    day: Option<NaiveDate>,
    used: u64,
}

impl DailyCounter {
    /// A counter allowing `limit` a day.
    pub fn new(limit: u64) -> Self {
        DailyCounter {
            limit,
            day: None,
            used: 0,
        }
    }

    /// Restore a counter from stored state (the emulator persists it across restarts).
    pub fn restore(limit: u64, day: NaiveDate, used: u64) -> Self {
        DailyCounter {
            limit,
            day: Some(day),
            used,
        }
    }

    fn roll(&mut self, now: DateTime<Utc>) {
        let today = crate::quota_day::quota_day(now);
        if self.day != Some(today) {
            self.day = Some(today);
            self.used = 0;
        }
    }

    /// Take `n` from today's allowance, or say when it resets.
    pub fn try_take(&mut self, now: DateTime<Utc>, n: u64) -> Result<(), DateTime<Utc>> {
        self.roll(now);
        if self.used.saturating_add(n) > self.limit {
            Err(crate::quota_day::next_reset(now))
        } else {
            self.used += n;
            Ok(())
        }
    }

    /// Give back `n` (a call whose answer does not count).
    pub fn give_back(&mut self, now: DateTime<Utc>, n: u64) {
        self.roll(now);
        self.used = self.used.saturating_sub(n);
    }

    /// Used today.
    pub fn used(&mut self, now: DateTime<Utc>) -> u64 {
        self.roll(now);
        self.used
    }

    /// Left today.
    pub fn remaining(&mut self, now: DateTime<Utc>) -> u64 {
        self.roll(now);
        self.limit.saturating_sub(self.used)
    }

    /// The daily limit.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// The quota day the count belongs to, once anything was counted.
    pub fn day(&self) -> Option<NaiveDate> {
        self.day
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn t(ms: i64) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(1_700_000_000_000 + ms).unwrap()
    }

    proptest! {
        /// Never more than `limit` admitted in any window-length interval, whatever the arrival pattern.
        #[test]
        fn window_never_admits_more_than_its_limit(
            limit in 1u32..20,
            window_ms in 1u64..5_000,
            gaps in proptest::collection::vec(0i64..400, 1..400),
        ) {
            let mut w = SlidingWindow::new(limit, Duration::from_millis(window_ms));
            let mut now = 0i64;
            let mut admitted = Vec::new();
            for g in gaps {
                now += g;
                if w.try_admit(t(now)).is_ok() {
                    admitted.push(now);
                }
            }
            // Any `limit + 1` consecutive admissions must span at least one full window.
            for pair in admitted.windows(limit as usize + 1) {
                prop_assert!(pair[limit as usize] - pair[0] >= window_ms as i64,
                    "{} admissions within {} ms", limit + 1, pair[limit as usize] - pair[0]);
            }
        }

        /// When refused, the time given is exactly when the next admission succeeds.
        #[test]
        fn refusal_names_the_earliest_admission(limit in 1u32..10, window_ms in 1u64..1000, burst in 1usize..30) {
            let mut w = SlidingWindow::new(limit, Duration::from_millis(window_ms));
            let mut at = t(0);
            for _ in 0..burst {
                match w.try_admit(at) {
                    Ok(()) => {}
                    Err(next) => {
                        prop_assert!(next > at);
                        let mut probe = w.clone();
                        prop_assert!(probe.try_admit(next - chrono::Duration::milliseconds(1)).is_err());
                        at = next;
                        prop_assert!(w.try_admit(at).is_ok());
                    }
                }
            }
        }
    }

    #[test]
    fn release_frees_a_slot() {
        let mut w = SlidingWindow::new(1, Duration::from_secs(20));
        w.try_admit(t(0)).unwrap();
        assert!(w.try_admit(t(1)).is_err());
        assert!(w.release(t(0)));
        assert!(w.try_admit(t(1)).is_ok());
        assert!(!w.release(t(5)));
    }

    #[test]
    fn daily_counter_resets_at_chicago_midnight() {
        // 2026-07-01 04:59:59 UTC is 23:59:59 CDT on June 30.
        let before = Utc.with_ymd_and_hms(2026, 7, 1, 4, 59, 59).unwrap();
        let mut q = DailyCounter::new(1);
        q.try_take(before, 1).unwrap();
        let reset = q.try_take(before, 1).unwrap_err();
        assert_eq!(reset, Utc.with_ymd_and_hms(2026, 7, 1, 5, 0, 0).unwrap());
        assert!(q.try_take(reset, 1).is_ok());
        q.give_back(reset, 1);
        assert_eq!(q.remaining(reset), 1);
    }
}
