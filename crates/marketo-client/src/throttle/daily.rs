//! The daily budget on the quota day, and the stop after a 607.

use crate::error::{Error, ErrorKind};
use chrono::{DateTime, Utc};
use marketo_types::limits::DailyCounter;
use marketo_types::quota_day::next_reset;
use std::sync::Mutex;

#[derive(Debug)]
struct State {
    counter: DailyCounter,
    /// Set by a 607 from the server: no call until then.
    exhausted_until: Option<DateTime<Utc>>,
}

/// Calls left today for this client, reset at midnight America/Chicago.
#[derive(Debug)]
pub(crate) struct DailyBudget {
    state: Mutex<State>,
}

impl DailyBudget {
    pub(crate) fn new(limit: u64) -> Self {
        DailyBudget {
            state: Mutex::new(State {
                counter: DailyCounter::new(limit),
                exhausted_until: None,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Take one call from today's budget, or fail with the reset time.
    pub(crate) fn take(&self, now: DateTime<Utc>) -> Result<(), Error> {
        let mut s = self.lock();
        if let Some(until) = s.exhausted_until {
            if now < until {
                return Err(
                    quota_error("the daily API quota is spent (607 from Marketo)", until)
                        .with_code(607),
                );
            }
            s.exhausted_until = None;
        }
        s.counter
            .try_take(now, 1)
            .map_err(|reset| quota_error("this client's daily call budget is spent", reset))
    }

    /// Give back a call whose answer did not count.
    pub(crate) fn give_back(&self, now: DateTime<Utc>) {
        self.lock().counter.give_back(now, 1);
    }

    /// The server said 607: stop every call until the quota day turns.
    pub(crate) fn exhaust(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let reset = next_reset(now);
        self.lock().exhausted_until = Some(reset);
        reset
    }

    /// (used, limit, next reset) now.
    pub(crate) fn usage(&self, now: DateTime<Utc>) -> (u64, u64, DateTime<Utc>) {
        let mut s = self.lock();
        let used = s.counter.used(now);
        (used, s.counter.limit(), next_reset(now))
    }
}

pub(crate) fn quota_error(message: &str, reset: DateTime<Utc>) -> Error {
    Error::new(ErrorKind::QuotaExhausted, message).with_reset_at(reset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_607_stops_every_call_until_the_reset() {
        let b = DailyBudget::new(100);
        let now = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
        let reset = b.exhaust(now);
        assert_eq!(reset, Utc.with_ymd_and_hms(2026, 7, 2, 5, 0, 0).unwrap());
        let e = b.take(now).unwrap_err();
        assert_eq!(
            (e.kind(), e.code(), e.reset_at()),
            (ErrorKind::QuotaExhausted, Some(607), Some(reset))
        );
        assert!(b.take(reset).is_ok());
    }
}
