//! What the emulator counted: the limits as they stand (`GET /_emulator/usage`) and the per-day usage and error
//! counts behind `/rest/v1/stats/*.json`, kept per quota day (midnight America/Chicago) and persisted with the
//! data. The request log is [`crate::calls`].

use chrono::{DateTime, NaiveDate, Utc};
use marketo_types::stats::{ErrorCount, ErrorDay, UsageDay, UserCount};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Quota days of usage kept.
const DAYS_KEPT: usize = 8;

/// The limits as they stand (`GET /_emulator/usage`, [`crate::Emulator::usage`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// Calls counted today (the quota day).
    pub today: u64,
    /// The daily quota.
    pub daily_quota: u64,
    /// Calls admitted in the rate window ending now.
    pub window: u32,
    /// The rate limit per window.
    pub rate_limit: u32,
    /// The window length in seconds.
    pub window_secs: u64,
    /// Calls in flight.
    pub in_flight: u32,
    /// The concurrency limit.
    pub concurrency: u32,
    /// The current quota day (America/Chicago).
    pub quota_day: NaiveDate,
    /// The emulator's clock.
    pub now: DateTime<Utc>,
}

/// Counts of one quota day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayUsage {
    /// Counted calls.
    pub total: u64,
    /// Counted calls per API user (email).
    pub users: BTreeMap<String, u64>,
    /// Response-level errors answered, per code.
    pub errors: BTreeMap<u16, u64>,
}

impl DayUsage {
    /// The `stats/usage.json` record of `date`.
    pub fn usage_day(&self, date: NaiveDate) -> UsageDay {
        UsageDay {
            date: date.to_string(),
            total: self.total,
            users: self
                .users
                .iter()
                .map(|(user_id, &count)| UserCount {
                    user_id: user_id.clone(),
                    count,
                })
                .collect(),
        }
    }

    /// The `stats/errors.json` record of `date`.
    pub fn error_day(&self, date: NaiveDate) -> ErrorDay {
        ErrorDay {
            date: date.to_string(),
            total: self.errors.values().sum(),
            errors: self
                .errors
                .iter()
                .map(|(code, &count)| ErrorCount {
                    error_code: code.to_string(),
                    count,
                })
                .collect(),
        }
    }
}

/// The usage history, by quota day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageBook {
    days: BTreeMap<NaiveDate, DayUsage>,
}

impl UsageBook {
    /// Count one answered call.
    pub fn record(&mut self, day: NaiveDate, user: Option<&str>, counted: bool, code: Option<u16>) {
        if !counted && code.is_none() {
            return;
        }
        let d = self.days.entry(day).or_default();
        if counted {
            d.total += 1;
            if let Some(u) = user {
                *d.users.entry(u.to_owned()).or_default() += 1;
            }
        }
        if let Some(c) = code {
            *d.errors.entry(c).or_default() += 1;
        }
        while self.days.len() > DAYS_KEPT {
            self.days.pop_first();
        }
    }

    /// The counts of one day (zero when nothing happened).
    pub fn day(&self, day: NaiveDate) -> DayUsage {
        self.days.get(&day).cloned().unwrap_or_default()
    }

    /// Forget everything.
    pub fn clear(&mut self) {
        self.days.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_eight_days() {
        let mut b = UsageBook::default();
        let d0 = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for i in 0..10 {
            b.record(d0 + chrono::Days::new(i), Some("u"), true, Some(606));
        }
        assert_eq!(b.day(d0).total, 0);
        let last = b.day(d0 + chrono::Days::new(9));
        assert_eq!(last.total, 1);
        assert_eq!(last.errors.get(&606), Some(&1));
        b.record(d0, None, false, None);
        assert_eq!(b.days.len(), 8);
        let day = d0 + chrono::Days::new(9);
        b.record(day, Some("u"), false, Some(610));
        let usage = b.day(day).usage_day(day);
        assert_eq!((usage.date.as_str(), usage.total), ("2026-01-10", 1));
        assert_eq!(
            (usage.users[0].user_id.as_str(), usage.users[0].count),
            ("u", 1)
        );
        let errors = b.day(day).error_day(day);
        assert_eq!(errors.total, 2);
        assert_eq!(errors.errors[0].error_code, "606");
    }
}
