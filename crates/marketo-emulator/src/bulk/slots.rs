//! Worker slots on the emulator's clock: each slot is busy until some time. A queued job starts, first in
//! first out, at the later of its queue time and the time the earliest slot frees, so advancing the clock by
//! any amount replays the same schedule a real queue would have run.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `n` slots, each free from a time on (`None`: free since ever).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slots {
    busy_until: Vec<Option<DateTime<Utc>>>,
}

impl Slots {
    /// `n` free slots (at least one).
    pub fn new(n: usize) -> Self {
        Slots {
            busy_until: vec![None; n.max(1)],
        }
    }

    /// Keep `n` slots (after a config change), never fewer than one.
    pub fn resize(&mut self, n: usize) {
        self.busy_until.resize(n.max(1), None);
    }

    /// When a job queued at `queued_at` would start, and on which slot.
    pub fn next_start(&self, queued_at: DateTime<Utc>) -> (usize, DateTime<Utc>) {
        let (slot, free) = self
            .busy_until
            .iter()
            .enumerate()
            .min_by_key(|(_, t)| **t)
            .map(|(i, t)| (i, *t))
            .unwrap_or((0, None));
        (slot, free.map_or(queued_at, |f| f.max(queued_at)))
    }

    /// Slot `slot` is busy until `until`.
    pub fn occupy(&mut self, slot: usize, until: DateTime<Utc>) {
        if let Some(s) = self.busy_until.get_mut(slot) {
            *s = Some(until);
        }
    }

    /// Slot `slot` frees at `at` (a cancelled job), if that is earlier than planned.
    pub fn release(&mut self, slot: usize, at: DateTime<Utc>) {
        if let Some(s) = self.busy_until.get_mut(slot) {
            if s.is_none_or(|t| t > at) {
                *s = Some(at);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fifo_on_the_earliest_free_slot() {
        let t = |s: i64| Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap();
        let mut slots = Slots::new(2);
        let (a, start) = slots.next_start(t(0));
        assert_eq!(start, t(0));
        slots.occupy(a, t(60));
        let (b, start) = slots.next_start(t(5));
        assert_ne!(a, b);
        assert_eq!(start, t(5));
        slots.occupy(b, t(65));
        let (c, start) = slots.next_start(t(10));
        assert_eq!((c, start), (a, t(60)));
        slots.release(b, t(20));
        assert_eq!(slots.next_start(t(10)), (b, t(20)));
    }
}
