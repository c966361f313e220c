//! Progress of bulk commands: the client reports records as each import part or export job finishes; a
//! ticker moves the reporter's count from that.

use crate::progress::Reporter;
use crate::wire::WireState;
use marketo_client::{Progress, ProgressEvent};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Counts the records the client reports done.
#[derive(Debug, Default)]
pub struct RecordCounter(AtomicU64);

impl RecordCounter {
    /// Records done so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

impl Progress for RecordCounter {
    fn on_event(&self, event: &ProgressEvent) {
        if let ProgressEvent::RecordsDone { count } = event {
            self.0.fetch_add(*count as u64, Ordering::Relaxed);
        }
    }
}

/// The ticker of a bulk command: see [`tick`].
pub struct Ticker {
    handle: tokio::task::JoinHandle<()>,
    said: Arc<Mutex<Said>>,
    reporter: Arc<Reporter>,
    wire: Arc<WireState>,
}

impl Ticker {
    /// Stop, saying the job's last status if it was not said yet (a job may finish between two ticks).
    pub fn stop(self) {
        self.handle.abort();
        say_new_status(&self.reporter, &self.wire, &self.said);
    }
}

/// Without a terminal (no bar to show that the wait goes on), a status that holds is said again this often.
const REPEAT_OFF_TERMINAL: Duration = Duration::from_secs(10);

/// The status last said: since when it holds, and when a line last said it.
#[derive(Debug)]
struct Said {
    status: Option<String>,
    since: tokio::time::Instant,
    last_line: tokio::time::Instant,
}

/// The line to print for the job's status `now`, given the status said last, how long it has held and how
/// long ago a line said it: a new status always; off a terminal, the same status again every
/// [`REPEAT_OFF_TERMINAL`] with how long it has held.
fn status_line(
    now: Option<&str>,
    said: Option<&str>,
    (held, since_line): (Duration, Duration),
    on_terminal: bool,
) -> Option<String> {
    let now = now?;
    if said != Some(now) {
        Some(format!("bulk job {now}"))
    } else if !on_terminal && since_line >= REPEAT_OFF_TERMINAL {
        Some(format!(
            "bulk job {now}, still waiting ({}s)",
            held.as_secs()
        ))
    } else {
        None
    }
}

fn say_new_status(reporter: &Reporter, wire: &WireState, said: &Mutex<Said>) {
    let now = wire.bulk_status();
    let mut said = said.lock().unwrap_or_else(|e| e.into_inner());
    let at = tokio::time::Instant::now();
    let times = (at - said.since, at - said.last_line);
    let line = status_line(
        now.as_deref(),
        said.status.as_deref(),
        times,
        reporter.on_terminal(),
    );
    if let Some(line) = line {
        reporter.progress_note(&line);
        if said.status != now {
            said.status = now;
            said.since = at;
        }
        said.last_line = at;
    }
}

/// Move `reporter` to the counter's count twice a second until stopped, and say each new status of the bulk
/// job being polled (`Queued`, `Processing`...), so a wait is never silent; off a terminal, a status that holds
/// is said again every 10 s.
pub fn tick(counter: Arc<RecordCounter>, reporter: Arc<Reporter>, wire: Arc<WireState>) -> Ticker {
    let started = tokio::time::Instant::now();
    let said = Arc::new(Mutex::new(Said {
        status: None,
        since: started,
        last_line: started,
    }));
    let (r, w, s) = (reporter.clone(), wire.clone(), said.clone());
    let handle = tokio::spawn(async move {
        loop {
            r.set_done(counter.get());
            say_new_status(&r, &w, &s);
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    });
    Ticker {
        handle,
        said,
        reporter,
        wire,
    }
}

#[cfg(test)]
mod tests {
    use super::{status_line, Duration};

    #[test]
    fn a_new_status_is_always_said_and_a_held_one_is_repeated_only_off_a_terminal() {
        let s = Duration::from_secs;
        assert_eq!(status_line(None, None, (s(0), s(0)), false), None);
        assert_eq!(
            status_line(Some("Queued"), None, (s(0), s(0)), true).as_deref(),
            Some("bulk job Queued")
        );
        assert_eq!(
            status_line(Some("Processing"), Some("Queued"), (s(1), s(1)), false).as_deref(),
            Some("bulk job Processing")
        );
        assert_eq!(
            status_line(Some("Processing"), Some("Processing"), (s(29), s(9)), false),
            None
        );
        assert_eq!(
            status_line(Some("Processing"), Some("Processing"), (s(60), s(60)), true),
            None
        );
        assert_eq!(
            status_line(
                Some("Processing"),
                Some("Processing"),
                (s(30), s(10)),
                false
            )
            .as_deref(),
            Some("bulk job Processing, still waiting (30s)")
        );
    }
}
