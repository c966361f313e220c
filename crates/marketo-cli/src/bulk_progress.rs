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
    said: Arc<Mutex<Option<String>>>,
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

fn say_new_status(reporter: &Reporter, wire: &WireState, said: &Mutex<Option<String>>) {
    let now = wire.bulk_status();
    let mut said = said.lock().unwrap_or_else(|e| e.into_inner());
    if now.is_some() && *said != now {
        reporter.progress_note(&format!("bulk job {}", now.as_deref().unwrap_or_default()));
        *said = now;
    }
}

/// Move `reporter` to the counter's count twice a second until stopped, and say each new status of the bulk
/// job being polled (`Queued`, `Processing`...), so a wait is never silent.
pub fn tick(counter: Arc<RecordCounter>, reporter: Arc<Reporter>, wire: Arc<WireState>) -> Ticker {
    let said = Arc::new(Mutex::new(None));
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
