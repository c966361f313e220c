//! The server's time, as the answers tell it. Marketo's `requestId` ends in the server's time in epoch
//! milliseconds (`e42b#14272d07d78`, see [`marketo_types::request_id`]); the emulator's ids have the same
//! shape. Every answer the client reads passes by [`crate::wire::Wire`], which hands its body to
//! [`ServerClock::observe_body`].
//!
//! A sync writes, before it sends a batch, a time at or before the moment Marketo applies it (see
//! `sync::reconcile`): the latest server time an answer has shown, since a batch sent after that answer
//! reached us arrives after it was written. Before any answer of this run, the server's time is estimated from
//! the local clock and the offset between the two clocks measured earlier (the lead field cache keeps one),
//! minus a margin.

use chrono::{DateTime, TimeDelta, Utc};
use marketo_types::clock::{Clock, SystemClock};
use std::sync::Mutex;

/// Margin taken off an estimate made from the local clock rather than read from an answer.
const ESTIMATE_MARGIN: TimeDelta = TimeDelta::seconds(2);

/// What the answers have shown of the server's clock.
#[derive(Debug, Default)]
pub struct ServerClock {
    state: Mutex<State>,
}

#[derive(Debug, Default, Clone, Copy)]
struct State {
    /// The latest server time an answer carried.
    latest: Option<DateTime<Utc>>,
    /// A lower bound of (server clock - local clock), in milliseconds: the largest of `server - local` over
    /// the answers, each taken when the answer was read (after the server wrote it).
    offset_ms: Option<i64>,
}

/// The `requestId` in a response body, if there is one of Marketo's shape.
pub fn request_id_in(body: &[u8]) -> Option<&str> {
    const KEY: &[u8] = b"\"requestId\"";
    let at = body.windows(KEY.len()).position(|w| w == KEY)?;
    let rest = &body[at + KEY.len()..];
    let open = rest.iter().position(|&b| b == b'"')?;
    // Only whitespace and the colon between the key and the value.
    if !rest[..open]
        .iter()
        .all(|&b| b == b':' || b.is_ascii_whitespace())
    {
        return None;
    }
    let value = &rest[open + 1..];
    let close = value.iter().take(64).position(|&b| b == b'"')?;
    std::str::from_utf8(&value[..close]).ok()
}

impl ServerClock {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Note an answer's body, read at `local` (the local clock).
    pub fn observe_body(&self, body: &[u8], local: DateTime<Utc>) {
        if let Some(at) = request_id_in(body).and_then(marketo_types::request_id::timestamp) {
            self.observe(at, local);
        }
    }

    /// Note that the server's clock read `server` before `local` on ours.
    pub fn observe(&self, server: DateTime<Utc>, local: DateTime<Utc>) {
        let mut s = self.lock();
        s.latest = Some(s.latest.map_or(server, |l| l.max(server)));
        let offset = (server - local).num_milliseconds();
        s.offset_ms = Some(s.offset_ms.map_or(offset, |o| o.max(offset)));
    }

    /// Start from an offset measured earlier (when no answer of this run has shown one).
    pub fn seed_offset(&self, offset_ms: i64) {
        let mut s = self.lock();
        if s.offset_ms.is_none() {
            s.offset_ms = Some(offset_ms);
        }
    }

    /// The offset lower bound, in milliseconds, if known.
    pub fn offset_ms(&self) -> Option<i64> {
        self.lock().offset_ms
    }

    /// A time at or before the server's time now: the latest one an answer showed, else an estimate from the
    /// local clock and the known offset, less a margin. None when neither is known.
    pub fn at_or_before_now(&self) -> Option<DateTime<Utc>> {
        let s = *self.lock();
        s.latest.or_else(|| {
            let offset = TimeDelta::milliseconds(s.offset_ms?);
            Some(SystemClock.now() + offset - ESTIMATE_MARGIN)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn finds_the_request_id_wherever_it_is() {
        assert_eq!(
            request_id_in(br#"{"requestId":"e42b#14272d07d78","success":true}"#),
            Some("e42b#14272d07d78")
        );
        assert_eq!(
            request_id_in(br#"{"success":true,"result":[],"requestId" : "a#1"}"#),
            Some("a#1")
        );
        assert_eq!(request_id_in(br#"{"x":"requestId"}"#), None);
        assert_eq!(request_id_in(b"not json"), None);
    }

    #[test]
    fn the_latest_time_and_the_offset_lower_bound() {
        let t = |s: i64| Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap();
        let c = ServerClock::default();
        assert_eq!(c.at_or_before_now(), None);
        c.seed_offset(-5_000);
        assert_eq!(c.offset_ms(), Some(-5_000));
        // An answer written at server time 10, read at local 12: offset >= -2 s.
        c.observe(t(10), t(12));
        c.observe(t(9), t(13));
        assert_eq!(c.offset_ms(), Some(-2_000), "the largest lower bound wins");
        assert_eq!(c.at_or_before_now(), Some(t(10)));
        c.seed_offset(0);
        assert_eq!(
            c.offset_ms(),
            Some(-2_000),
            "a seed never replaces a measure"
        );
    }
}
