//! The counts of a sync, and the summary printed at the end.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What happened to the records of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Input lines (records and unreadable lines) accounted for: done plus pending.
    pub read: u64,
    /// Created in Marketo.
    pub created: u64,
    /// Updated in Marketo.
    pub updated: u64,
    /// Skipped, by reason code (Marketo's `1005`, or `input` for lines that could not be read).
    pub skipped: BTreeMap<String, u64>,
    /// Sent, but the call failed for good (the error is in the rejects file).
    pub failed: u64,
    /// Not sent yet (the run stopped, e.g. on 607); a resume sends them.
    pub pending: u64,
    /// API calls used.
    pub calls: u64,
}

impl Counts {
    /// Skipped records, all reasons.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Count a skip.
    pub fn skip(&mut self, code: &str) {
        *self.skipped.entry(code.to_owned()).or_default() += 1;
    }
}

/// Say where the failed calls of a run were kept, if any were.
pub fn note_failed_calls(client: &marketo_client::Client) {
    if let Some((path, n)) = client.failed_calls().filter(|(_, n)| *n > 0) {
        eprintln!(
            "mkto: the requests and responses of {n} failed calls are in {} (redacted; Marketo support asks for \
             them, with their requestIds)",
            path.display()
        );
    }
}
