//! Time, injected. Nothing in the project reads the wall clock except [`SystemClock`]; tests use
//! [`ManualClock`] and move it by hand, so token expiry, the rate window and the quota day are tested without
//! sleeping.
//!
//! ```
//! use marketo_types::clock::{Clock, ManualClock};
//! use chrono::{TimeZone, Utc};
//! let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
//! clock.advance(std::time::Duration::from_secs(90));
//! assert_eq!(clock.now().to_rfc3339(), "2026-01-01T00:01:30+00:00");
//! ```

use chrono::{DateTime, Utc};
use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A source of the current time.
pub trait Clock: Send + Sync + Debug {
    /// The current time.
    fn now(&self) -> DateTime<Utc>;
}

/// A clock shared between tasks.
pub type SharedClock = Arc<dyn Clock>;

/// The wall clock: the one place the project reads it.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the one Clock implementation that reads the wall clock
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that moves only when told to.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    /// A clock stopped at `start`.
    pub fn new(start: DateTime<Utc>) -> Self {
        ManualClock {
            now: Mutex::new(start),
        }
    }

    /// Move the clock forward.
    pub fn advance(&self, by: Duration) {
        let by = chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX);
        let mut now = self.lock();
        *now = now.checked_add_signed(by).unwrap_or(*now);
    }

    /// Set the clock to a given time (it may go backwards; callers that care must not do that).
    pub fn set(&self, to: DateTime<Utc>) {
        *self.lock() = to;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // A panic while holding this lock cannot leave a DateTime half-written.
        self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

/// A clock that reads another clock and adds an offset that can be moved forward.
///
/// The emulator runs on one: in production it follows the wall clock, and `POST /_emulator/clock/advance`
/// moves it forward so tokens expire, windows slide and the quota day turns without waiting.
#[derive(Debug)]
pub struct OffsetClock {
    base: SharedClock,
    offset: Mutex<chrono::Duration>,
}

impl OffsetClock {
    /// Follow `base` with no offset.
    pub fn new(base: SharedClock) -> Self {
        OffsetClock {
            base,
            offset: Mutex::new(chrono::Duration::zero()),
        }
    }

    /// Move forward.
    ///
    /// # Panics
    /// When the clock would pass [`LATEST`]: a mistake in the caller (use [`Self::try_advance`] for input
    /// from outside).
    pub fn advance(&self, by: Duration) {
        if let Err(e) = self.try_advance(by) {
            panic!("{e}");
        }
    }

    /// Move forward, refusing a step that would take the clock past [`LATEST`] (the time is then unchanged).
    /// Returns the new time.
    ///
    /// ```
    /// use marketo_types::clock::{Clock, ManualClock, OffsetClock};
    /// use chrono::{TimeZone, Utc};
    /// use std::{sync::Arc, time::Duration};
    /// let clock = OffsetClock::new(Arc::new(ManualClock::new(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap())));
    /// assert!(clock.try_advance(Duration::from_secs(u64::MAX)).is_err());
    /// let now = clock.try_advance(Duration::from_secs(60)).unwrap();
    /// assert_eq!(now.to_rfc3339(), "2026-01-01T00:01:00+00:00");
    /// ```
    pub fn try_advance(&self, by: Duration) -> Result<DateTime<Utc>, ClockRange> {
        let mut off = self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let base = self.base.now();
        let current = base.checked_add_signed(*off).unwrap_or(base);
        let room = (*LATEST - current).to_std().unwrap_or(Duration::ZERO);
        let step = chrono::Duration::from_std(by).ok().filter(|_| by <= room);
        let Some(step) = step else {
            return Err(ClockRange {
                asked: by,
                room_secs: room.as_secs(),
            });
        };
        *off += step;
        Ok(current + step)
    }
}

/// The latest time a clock may be moved to: the last second of year 9999 (Marketo writes four-digit years).
pub static LATEST: std::sync::LazyLock<DateTime<Utc>> = std::sync::LazyLock::new(|| {
    DateTime::parse_from_rfc3339("9999-12-31T23:59:59Z")
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
});

/// A step that would move a clock past [`LATEST`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot move the clock forward by {} s: it would pass 9999-12-31T23:59:59Z; at most {room_secs} s are left",
    asked.as_secs()
)]
pub struct ClockRange {
    /// The step asked for.
    pub asked: Duration,
    /// Whole seconds left before [`LATEST`].
    pub room_secs: u64,
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        let off = *self.offset.lock().unwrap_or_else(|e| e.into_inner());
        let base = self.base.now();
        base.checked_add_signed(off).unwrap_or(base)
    }
}

/// Wall-clock time that advances with tokio's clock: anchored to [`SystemClock`] when created, then moved by
/// `tokio::time::Instant`. Under `tokio::time::pause()` it moves only as tokio's virtual time does, so a client
/// and an emulator in one paused test agree on the time without anyone sleeping for real.
#[cfg(feature = "tokio")]
#[derive(Debug, Clone)]
pub struct TokioClock {
    anchor: DateTime<Utc>,
    started: tokio::time::Instant,
}

#[cfg(feature = "tokio")]
impl TokioClock {
    /// Anchor at the wall clock now.
    pub fn new() -> Self {
        Self::anchored_at(SystemClock.now())
    }

    /// Anchor at a given time (tests use a fixed date).
    pub fn anchored_at(anchor: DateTime<Utc>) -> Self {
        TokioClock {
            anchor,
            started: tokio::time::Instant::now(),
        }
    }
}

#[cfg(feature = "tokio")]
impl Default for TokioClock {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "tokio")]
impl Clock for TokioClock {
    fn now(&self) -> DateTime<Utc> {
        let elapsed =
            chrono::Duration::from_std(self.started.elapsed()).unwrap_or(chrono::Duration::MAX);
        self.anchor
            .checked_add_signed(elapsed)
            .unwrap_or(self.anchor)
    }
}
