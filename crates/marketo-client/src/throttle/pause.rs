//! A pause every request of the client honours: set after a 606 or 615, so the client slows down as a
//! whole instead of hammering a subscription another integration is using.

use super::until;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use std::sync::Mutex;
use std::time::Duration;

/// No call starts before this time.
#[derive(Debug, Default)]
pub(crate) struct Pause {
    until: Mutex<Option<DateTime<Utc>>>,
}

impl Pause {
    /// Pause every call until `now + by` (an existing longer pause stands).
    pub(crate) fn extend(&self, now: DateTime<Utc>, by: Duration) {
        let to = now + chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX);
        let mut u = self.until.lock().unwrap_or_else(|e| e.into_inner());
        if u.is_none_or(|cur| cur < to) {
            *u = Some(to);
        }
    }

    /// Wait until the pause is over.
    pub(crate) async fn wait(&self, clock: &SharedClock) {
        loop {
            let to = *self.until.lock().unwrap_or_else(|e| e.into_inner());
            let now = clock.now();
            match to {
                Some(to) if to > now => tokio::time::sleep(until(now, to)).await,
                _ => return,
            }
        }
    }
}
