//! Cutting a long date range into export jobs of at most 31 days (Bulk Extract refuses longer ones).

use chrono::{DateTime, Duration, Utc};
use marketo_types::limits::BULK_EXPORT_MAX_RANGE_DAYS;

/// `[start, end)` cut into consecutive ranges of at most 31 days, in order; empty when `end <= start`.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use marketo_client::endpoints::split_date_range;
/// let start = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
/// let end = Utc.with_ymd_and_hms(2024, 4, 1, 0, 0, 0).unwrap();
/// let jobs = split_date_range(start, end);
/// assert_eq!(jobs.len(), 3);
/// assert_eq!(jobs[0].0, start);
/// assert_eq!(jobs[2].1, end);
/// assert!(jobs.windows(2).all(|w| w[0].1 == w[1].0));
/// ```
pub fn split_date_range(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let step = Duration::days(BULK_EXPORT_MAX_RANGE_DAYS);
    let mut out = Vec::new();
    let mut from = start;
    while from < end {
        let to = (from + step).min(end);
        out.push((from, to));
        from = to;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ranges_cover_the_span_without_gaps_and_none_passes_31_days(start_s in 0i64..2_000_000_000, len_s in 0i64..400_000_000) {
            let start = Utc.timestamp_opt(start_s, 0).unwrap();
            let end = start + Duration::seconds(len_s);
            let r = split_date_range(start, end);
            if len_s == 0 {
                prop_assert!(r.is_empty());
            } else {
                prop_assert_eq!(r[0].0, start);
                prop_assert_eq!(r[r.len() - 1].1, end);
                for w in r.windows(2) {
                    prop_assert_eq!(w[0].1, w[1].0);
                }
                for (a, b) in &r {
                    prop_assert!(*b - *a <= Duration::days(31) && a < b);
                }
            }
        }
    }
}
