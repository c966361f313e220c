//! The quota day: Marketo's daily call quota and bulk export allowance reset at midnight US Central
//! (America/Chicago, so CST in winter and CDT in summer).
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use marketo_types::quota_day::{next_reset, quota_day};
//! // 03:00 UTC on 2026-11-25 is still the 24th in Chicago (UTC-6).
//! let t = Utc.with_ymd_and_hms(2026, 11, 25, 3, 0, 0).unwrap();
//! assert_eq!(quota_day(t).to_string(), "2026-11-24");
//! assert_eq!(next_reset(t).to_rfc3339(), "2026-11-25T06:00:00+00:00");
//! ```

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::America::Chicago;

/// The time zone whose midnight resets the quotas.
pub const QUOTA_TIME_ZONE: chrono_tz::Tz = Chicago;

/// The quota day `at` falls in: its calendar date in America/Chicago.
pub fn quota_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Chicago).date_naive()
}

/// The instant a quota day starts: midnight of that date in America/Chicago.
pub fn day_start(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Chicago changes clocks at 02:00, so midnight always exists once; `earliest` covers any future rule.
    Chicago
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
}

/// When the quota day containing `at` ends and the quotas reset.
pub fn next_reset(at: DateTime<Utc>) -> DateTime<Utc> {
    let next = quota_day(at)
        .checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX);
    day_start(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn dst_days_are_23_and_25_hours() {
        // 2026-03-08 spring forward, 2026-11-01 fall back in Chicago.
        let spring = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        let fall = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let len = |d: NaiveDate| day_start(d.succ_opt().unwrap()) - day_start(d);
        assert_eq!(len(spring).num_hours(), 23);
        assert_eq!(len(fall).num_hours(), 25);
        assert_eq!(day_start(spring).to_rfc3339(), "2026-03-08T06:00:00+00:00");
        assert_eq!(
            day_start(spring.succ_opt().unwrap()).to_rfc3339(),
            "2026-03-09T05:00:00+00:00"
        );
        assert_eq!(
            day_start(fall.succ_opt().unwrap()).to_rfc3339(),
            "2026-11-02T06:00:00+00:00"
        );
    }

    proptest! {
        #[test]
        fn reset_is_the_next_chicago_midnight(secs in 0i64..4_000_000_000) {
            let at = Utc.timestamp_opt(secs, 0).unwrap();
            let reset = next_reset(at);
            prop_assert!(reset > at);
            // At most 25 hours away (the fall-back day).
            prop_assert!(reset - at <= chrono::Duration::hours(25));
            let local = reset.with_timezone(&Chicago);
            prop_assert_eq!(local.time(), chrono::NaiveTime::MIN);
            prop_assert_eq!(quota_day(reset), quota_day(at).succ_opt().unwrap());
            // One millisecond before the reset is still the old day.
            prop_assert_eq!(quota_day(reset - chrono::Duration::milliseconds(1)), quota_day(at));
        }
    }
}
