//! The key layout of one subscription, and the quota day a key counts.
//!
//! ```text
//! {prefix}:{<subscription>}:window         ZSET  call id -> expiry of its window place (ms, Redis TIME)
//! {prefix}:{<subscription>}:leases         ZSET  call id -> expiry of its slot lease (ms)
//! {prefix}:{<subscription>}:day:YYYY-MM-DD STRING calls counted on that quota day
//! {prefix}:{<subscription>}:quota-spent    STRING reset time (ms), set after a 607, expires then
//! {prefix}:{<subscription>}:cap            HASH  cap, through: the adaptive cap while below the limit
//! ```
//!
//! The braces make every key of a subscription hash to one cluster slot.

use chrono::{DateTime, NaiveDate, Utc};
use marketo_types::quota_day::{day_start, quota_day};

/// The keys of one subscription.
#[derive(Debug, Clone)]
pub(crate) struct Keys {
    pub(crate) base: String,
    pub(crate) window: String,
    pub(crate) leases: String,
    pub(crate) spent: String,
    pub(crate) cap: String,
}

impl Keys {
    pub(crate) fn new(prefix: &str, subscription: &str) -> Self {
        let base = format!("{prefix}:{{{subscription}}}");
        Keys {
            window: format!("{base}:window"),
            leases: format!("{base}:leases"),
            spent: format!("{base}:quota-spent"),
            cap: format!("{base}:cap"),
            base,
        }
    }

    /// The counter of quota day `day`.
    pub(crate) fn day(&self, day: NaiveDate) -> String {
        format!("{}:day:{}", self.base, day.format("%Y-%m-%d"))
    }
}

/// A quota day: its counter key and its bounds in ms since the epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Day {
    pub(crate) key: String,
    pub(crate) start_ms: i64,
    pub(crate) end_ms: i64,
}

impl Day {
    /// The quota day (midnight to midnight, America/Chicago) that holds `at`.
    pub(crate) fn of(keys: &Keys, at: DateTime<Utc>) -> Day {
        let day = quota_day(at);
        let next = day.succ_opt().unwrap_or(day);
        Day {
            key: keys.day(day),
            start_ms: day_start(day).timestamp_millis(),
            end_ms: day_start(next).timestamp_millis(),
        }
    }
}

/// A time in ms since the epoch.
pub(crate) fn from_ms(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn keys_and_days() {
        let k = Keys::new("mkto-limiter", "123-ABC-456");
        assert_eq!(k.window, "mkto-limiter:{123-ABC-456}:window");
        // 2026-07-01 03:00 UTC is still June 30 in Chicago (UTC-5 in summer).
        let d = Day::of(&k, Utc.with_ymd_and_hms(2026, 7, 1, 3, 0, 0).unwrap());
        assert_eq!(d.key, "mkto-limiter:{123-ABC-456}:day:2026-06-30");
        assert_eq!(
            from_ms(d.end_ms),
            Utc.with_ymd_and_hms(2026, 7, 1, 5, 0, 0).unwrap()
        );
        assert_eq!(d.end_ms - d.start_ms, 86_400_000);
    }
}
