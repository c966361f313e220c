//! Whether a sync did anything useful. A run in which no record was created or updated, and every row was
//! skipped (by Marketo or by the checks before sending), is not a success: it exits 2 with what the rows
//! had in common and what to do about it.

use super::{SyncReport, SyncSettings};

/// What to do about rows all skipped for the same reason.
fn hint(code: &str, s: &SyncSettings) -> String {
    match code {
        "1006" => " (are the columns the instance's REST field names? see `mkto leads describe`)".into(),
        "1008" => match &s.partition {
            Some(p) => format!(
                " (--partition {p}: no such partition, or the API user may not write to it; see `mkto leads partitions`)"
            ),
            None => " (the API user may not write to the leads' partition)".into(),
        },
        "1005" => " (with --action createOnly, leads that exist are skipped)".into(),
        "1004" => " (with --action updateOnly, leads that do not exist are skipped)".into(),
        "input" => " (no row could be read, or every row lacks its lookup field)".into(),
        _ => String::new(),
    }
}

fn meaning(code: &str) -> &'static str {
    code.parse::<u16>()
        .ok()
        .and_then(marketo_types::codes::lookup)
        .map_or("", |i| i.docs_message)
}

/// Why the run did nothing useful, or `None` when it did (or stopped for a reason reported elsewhere).
pub fn nothing_useful(r: &SyncReport, s: &SyncSettings) -> Option<String> {
    let c = &r.counts;
    if c.failed > 0 || c.pending > 0 || r.stopped.is_some() {
        return None;
    }
    if c.read == 0 {
        return Some(format!("{}: no rows to send", s.input));
    }
    if s.dry_run {
        return (r.sendable == 0)
            .then(|| format!("dry run: none of the {} rows would be sent", c.read));
    }
    if c.created + c.updated > 0 || c.skipped_total() < c.read {
        return None;
    }
    let reasons: Vec<(&String, &u64)> = c.skipped.iter().collect();
    Some(match reasons.as_slice() {
        [(code, _)] => format!(
            "nothing was created or updated: all {} rows were skipped with {code} {}{}",
            c.read,
            meaning(code),
            hint(code, s)
        ),
        _ => format!(
            "nothing was created or updated: all {} rows were skipped ({})",
            c.read,
            reasons
                .iter()
                .map(|(code, n)| format!("{n} with {code}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}
