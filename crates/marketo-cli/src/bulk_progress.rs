//! Progress of bulk commands: the client reports records as each import part or export job finishes; a
//! ticker moves the reporter's count from that.

use crate::progress::Reporter;
use marketo_client::{Progress, ProgressEvent};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
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

/// Move `reporter` to the counter's count twice a second until the task is aborted.
pub fn tick(counter: Arc<RecordCounter>, reporter: Arc<Reporter>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            reporter.set_done(counter.get());
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    })
}
