//! The latency model: time added to every REST answer, inside its concurrency slot, so benchmarks and clients
//! meet the hundreds of milliseconds real Marketo takes.
//!
//! ```
//! use marketo_emulator::LatencyModel;
//! use std::time::Duration;
//! let m = LatencyModel::per_record(Duration::from_millis(100), Duration::from_millis(2));
//! assert_eq!(m.delay(300), Duration::from_millis(700));
//! assert_eq!(LatencyModel::fixed(Duration::from_millis(300)).delay(300), Duration::from_millis(300));
//! ```

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// A base delay plus a delay per record of the call (records sent for writes, returned for reads).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LatencyModel {
    /// Added to every call, in milliseconds.
    pub base_ms: u64,
    /// Added per record, in microseconds.
    pub per_record_us: u64,
}

impl LatencyModel {
    /// No added latency.
    pub fn none() -> Self {
        LatencyModel::default()
    }

    /// The same delay for every call.
    pub fn fixed(delay: Duration) -> Self {
        LatencyModel {
            base_ms: duration_ms(delay),
            per_record_us: 0,
        }
    }

    /// `base` plus `per_record` for each record.
    pub fn per_record(base: Duration, per_record: Duration) -> Self {
        LatencyModel {
            base_ms: duration_ms(base),
            per_record_us: u64::try_from(per_record.as_micros()).unwrap_or(u64::MAX),
        }
    }

    /// The delay for a call touching `records` records.
    pub fn delay(&self, records: usize) -> Duration {
        let per = self
            .per_record_us
            .saturating_mul(u64::try_from(records).unwrap_or(u64::MAX));
        Duration::from_millis(self.base_ms).saturating_add(Duration::from_micros(per))
    }

    /// True when nothing is added.
    pub fn is_zero(&self) -> bool {
        self.base_ms == 0 && self.per_record_us == 0
    }
}

fn duration_ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
