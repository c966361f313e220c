//! The daily export allowance: file bytes of exports completed on the current quota day (midnight
//! America/Chicago). Once the day's bytes reach the allowance, creating or enqueueing an export is 1029
//! `"Export daily quota <N>MB exceeded."` until the day turns. The job that crosses the line still completes
//! (Marketo writes whole files only).

use chrono::{DateTime, NaiveDate, Utc};
use marketo_types::limits::DailyCounter;
use serde::{Deserialize, Serialize};

/// Bytes exported on the quota day they were counted on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowance {
    day: Option<NaiveDate>,
    used: u64,
}

impl Allowance {
    fn counter(&self) -> DailyCounter {
        match self.day {
            Some(day) => DailyCounter::restore(u64::MAX, day, self.used),
            None => DailyCounter::new(u64::MAX),
        }
    }

    /// Count `bytes` of a file completed at `at`.
    pub fn add(&mut self, at: DateTime<Utc>, bytes: u64) {
        let mut c = self.counter();
        // The counter's limit is u64::MAX, so counting never fails (a saturated day stays saturated).
        let _ = c.try_take(at, bytes);
        self.day = c.day();
        self.used = c.used(at);
    }

    /// Bytes exported on `now`'s quota day.
    pub fn used(&self, now: DateTime<Utc>) -> u64 {
        self.counter().used(now)
    }

    /// Whether the allowance of `limit` bytes is spent on `now`'s quota day.
    pub fn spent(&self, now: DateTime<Utc>, limit: u64) -> bool {
        self.used(now) >= limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn resets_at_chicago_midnight() {
        // 2026-03-10 15:00 UTC is 10:00 in Chicago; the day turns at 05:00 UTC (CDT).
        let t = Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap();
        let mut a = Allowance::default();
        a.add(t, 600);
        a.add(t, 500);
        assert_eq!(a.used(t), 1100);
        assert!(a.spent(t, 1000));
        let before = Utc.with_ymd_and_hms(2026, 3, 11, 4, 59, 59).unwrap();
        assert!(a.spent(before, 1000));
        let after = Utc.with_ymd_and_hms(2026, 3, 11, 5, 0, 0).unwrap();
        assert!(!a.spent(after, 1000));
        assert_eq!(a.used(after), 0);
    }
}
