//! The emulator's limit state, shared by every connection (never a per-connection tower layer): the sliding rate
//! window (606), the daily quota (607) and the calls in flight (615). The counters themselves are
//! `marketo_types::limits`; this file only holds them together.

use chrono::{DateTime, NaiveDate, Utc};
use marketo_types::limits::{DailyCounter, SlidingWindow};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug)]
struct Meters {
    window: SlidingWindow,
    daily: DailyCounter,
}

/// Window, quota and concurrency.
#[derive(Debug)]
pub struct Limiter {
    meters: Mutex<Meters>,
    in_flight: Arc<AtomicU32>,
    max_in_flight: u32,
}

/// A concurrency slot; dropping it frees the slot.
#[derive(Debug)]
pub struct Slot(Arc<AtomicU32>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// What a call took from the limits, so it can be given back when its answer does not count.
#[derive(Debug, Default, Clone, Copy)]
pub struct Taken {
    /// The window admission, at this time.
    pub window: Option<DateTime<Utc>>,
    /// One unit of today's quota.
    pub quota: bool,
}

impl Limiter {
    /// Limits of `rate` per `window`, `concurrency` in flight, `daily` a day, starting from `used` today.
    pub fn new(
        rate: u32,
        window: Duration,
        concurrency: u32,
        daily: u64,
        used: Option<(NaiveDate, u64)>,
    ) -> Self {
        let daily = match used {
            Some((day, used)) => DailyCounter::restore(daily, day, used),
            None => DailyCounter::new(daily),
        };
        Limiter {
            meters: Mutex::new(Meters {
                window: SlidingWindow::new(rate, window),
                daily,
            }),
            in_flight: Arc::new(AtomicU32::new(0)),
            max_in_flight: concurrency,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Meters> {
        self.meters.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Take a concurrency slot, or `None` when all are busy.
    pub fn try_slot(&self) -> Option<Slot> {
        self.in_flight
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max_in_flight).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(Arc::clone(&self.in_flight)))
    }

    /// Admit into the rate window; `false` when it is full.
    pub fn admit_window(&self, now: DateTime<Utc>, taken: &mut Taken) -> bool {
        let ok = self.lock().window.try_admit(now).is_ok();
        if ok {
            taken.window = Some(now);
        }
        ok
    }

    /// Take one from today's quota; `false` when it is spent.
    pub fn take_quota(&self, now: DateTime<Utc>, taken: &mut Taken) -> bool {
        let ok = self.lock().daily.try_take(now, 1).is_ok();
        taken.quota |= ok;
        ok
    }

    /// Apply the counting rule to what a call took: a counted call keeps it (and takes what it did not reach,
    /// where there is room); an uncounted call gives it back.
    pub fn settle(&self, now: DateTime<Utc>, taken: Taken, counted: bool) {
        let mut m = self.lock();
        if counted {
            if taken.window.is_none() {
                let _ = m.window.try_admit(now);
            }
            if !taken.quota {
                let _ = m.daily.try_take(now, 1);
            }
        } else {
            if let Some(at) = taken.window {
                m.window.release(at);
            }
            if taken.quota {
                m.daily.give_back(now, 1);
            }
        }
    }

    /// Calls in the window ending `now`.
    pub fn window_count(&self, now: DateTime<Utc>) -> u32 {
        self.lock().window.count(now)
    }

    /// Calls counted today, and the quota day.
    pub fn used_today(&self, now: DateTime<Utc>) -> u64 {
        self.lock().daily.used(now)
    }

    /// Calls in flight.
    pub fn in_flight(&self) -> u32 {
        self.in_flight.load(Ordering::Acquire)
    }

    /// Forget the window and today's count.
    pub fn reset(&self) {
        let mut m = self.lock();
        m.window.clear();
        m.daily = DailyCounter::new(m.daily.limit());
    }
}
