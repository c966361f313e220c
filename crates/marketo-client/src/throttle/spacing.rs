//! Even pacing ([`Limits::spacing`](crate::Limits::spacing)): the least time between two call starts of one
//! client. Off by default, so a job uses the room the window has.

use super::until;
use chrono::{DateTime, Utc};
use marketo_types::clock::SharedClock;
use std::sync::Mutex;
use std::time::Duration;

/// The next free start.
#[derive(Debug)]
pub(crate) struct Spacing {
    spacing: chrono::Duration,
    next_free: Mutex<Option<DateTime<Utc>>>,
}

impl Spacing {
    pub(crate) fn new(spacing: Duration) -> Self {
        Spacing {
            spacing: chrono::Duration::from_std(spacing).unwrap_or_default(),
            next_free: Mutex::new(None),
        }
    }

    /// Wait for this call's start, and reserve it.
    pub(crate) async fn wait(&self, clock: &SharedClock) {
        if self.spacing.is_zero() {
            return;
        }
        loop {
            let now = clock.now();
            let wait = {
                let mut next_free = self.next_free.lock().unwrap_or_else(|e| e.into_inner());
                match *next_free {
                    Some(at) if at > now => Some(at),
                    _ => {
                        *next_free = Some(now + self.spacing);
                        None
                    }
                }
            };
            match wait {
                Some(at) => tokio::time::sleep(until(now, at)).await,
                None => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marketo_types::clock::TokioClock;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn spacing_spreads_starts_evenly() {
        let clock: SharedClock = Arc::new(TokioClock::new());
        let s = Spacing::new(Duration::from_millis(20));
        let mut times = Vec::new();
        for _ in 0..5 {
            s.wait(&clock).await;
            times.push(clock.now());
        }
        for pair in times.windows(2) {
            assert_eq!((pair[1] - pair[0]).num_milliseconds(), 20);
        }
    }
}
