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
    /// The first message seen for each skip code, as the server filled it in (`Field 'x' not found`): what
    /// the summary shows beside the code instead of the catalogue's template.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub first_reason: BTreeMap<String, String>,
}

impl Counts {
    /// Skipped records, all reasons.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Count a skip, keeping the first message of its code.
    pub fn skip(&mut self, code: &str, message: &str) {
        *self.skipped.entry(code.to_owned()).or_default() += 1;
        if !message.is_empty() {
            self.first_reason
                .entry(code.to_owned())
                .or_insert_with(|| message.to_owned());
        }
    }

    /// What to show beside a skip code: the first message seen, with "..." when more than one record had the
    /// code (their messages may differ); else the catalogue's message.
    pub fn reason_text(&self, code: &str) -> String {
        if let Some(first) = self.first_reason.get(code) {
            let n = self.skipped.get(code).copied().unwrap_or(0);
            return if n > 1 {
                format!("{first}, ...")
            } else {
                first.clone()
            };
        }
        code.parse::<u16>()
            .ok()
            .and_then(marketo_types::codes::lookup)
            .map_or_else(String::new, |i| i.message.to_owned())
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
