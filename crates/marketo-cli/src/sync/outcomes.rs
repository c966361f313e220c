//! Recording the outcomes of one batch: counts, rejects, which lines are done, and which stay unsettled.
//!
//! A record Marketo answered (created, updated, skipped) is done. A record whose call failed is one of three:
//! refused for good (the request cannot succeed as sent: to the rejects file, failed, done); not applied
//! and worth sending again later (607, 606, 615, refused tokens: pending); or of unknown fate (a timeout, a
//! 502, an answer that could not be read, after the client's retries: pending, and its write-ahead record is
//! kept so `--resume` checks what reached Marketo before it sends it again).

use super::Batch;
use crate::checkpoint::{Checkpoint, Unsettled};
use crate::rejects::{Original, Rejects};
use marketo_client::{Error as ClientError, ErrorKind, RecordOutcome};

/// What a failed call means for its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Refused for good: Marketo did not apply it and will not as sent.
    Refused,
    /// Not applied; sending it again later can work.
    NotApplied,
    /// Marketo may or may not have applied it.
    Unknown,
}

/// The fate of records whose call failed with `kind`.
pub fn fate(kind: ErrorKind) -> Fate {
    match kind {
        ErrorKind::Request | ErrorKind::TooLarge | ErrorKind::Config => Fate::Refused,
        ErrorKind::QuotaExhausted
        | ErrorKind::Credentials
        | ErrorKind::Auth
        | ErrorKind::RateLimited
        | ErrorKind::ConcurrencyLimited => Fate::NotApplied,
        _ => Fate::Unknown,
    }
}

/// Record what happened to each record of a batch, and replace its write-ahead record by one holding the
/// records still of unknown fate, if any. Returns why work must stop, if it must (607: the daily quota).
pub fn apply_outcomes(
    batch: Batch,
    result: Result<Vec<RecordOutcome>, ClientError>,
    cp: &mut Checkpoint,
    rejects: &mut Rejects,
) -> anyhow::Result<Option<String>> {
    let n = batch.lines.len();
    let outcomes: Vec<RecordOutcome> = match result {
        Ok(o) if o.len() == n => o,
        Ok(o) => anyhow::bail!(
            "the client returned {} outcomes for {n} records: this is a bug in marketo-client",
            o.len()
        ),
        Err(error) => (0..n)
            .map(|_| RecordOutcome::Failed {
                error: error.clone(),
            })
            .collect(),
    };
    let ahead = cp
        .unsettled
        .iter()
        .position(|u| u.seq == batch.seq)
        .map(|i| cp.unsettled.remove(i));
    let mut unsettled = Unsettled {
        seq: batch.seq,
        lines: Vec::new(),
        values: Vec::new(),
        before: ahead.as_ref().and_then(|u| u.before.clone()),
        since: ahead.as_ref().and_then(|u| u.since),
        why: None,
    };
    let mut stopped = None;
    let records = batch.records.into_iter().zip(batch.values);
    for ((line, (record, value)), outcome) in batch.lines.into_iter().zip(records).zip(outcomes) {
        match outcome {
            RecordOutcome::Created { id, .. } => {
                cp.max_created_id = cp.max_created_id.max(id.unwrap_or(0));
                cp.counts.created += 1;
                cp.done.insert(line);
            }
            RecordOutcome::Updated { .. } => {
                cp.counts.updated += 1;
                cp.done.insert(line);
            }
            RecordOutcome::Skipped { reasons, .. } => {
                let code = reasons
                    .first()
                    .map_or_else(|| "unknown".to_owned(), |r| r.code.to_string());
                let message = reasons
                    .iter()
                    .map(|r| r.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                rejects.write(line, &code, &message, &Original::Fields(record))?;
                cp.counts.skip(&code, &message);
                cp.done.insert(line);
            }
            RecordOutcome::Failed { error } => {
                if error.kind().stops_work() && stopped.is_none() {
                    stopped = Some(stop_message(&error));
                }
                match fate(error.kind()) {
                    Fate::Refused => {
                        let code = error
                            .code()
                            .map_or_else(|| "error".to_owned(), |c| c.to_string());
                        rejects.write(
                            line,
                            &code,
                            &error.to_string(),
                            &Original::Fields(record),
                        )?;
                        cp.counts.failed += 1;
                        cp.done.insert(line);
                    }
                    Fate::NotApplied => cp.counts.pending += 1,
                    Fate::Unknown => {
                        cp.counts.pending += 1;
                        unsettled.lines.push(line);
                        unsettled.values.push(value);
                        unsettled.why.get_or_insert_with(|| error.to_string());
                    }
                }
            }
            other => {
                let status = other.status();
                rejects.write(
                    line,
                    "unexpected",
                    &format!("unexpected status {status}"),
                    &Original::Fields(record),
                )?;
                cp.counts.failed += 1;
                cp.done.insert(line);
            }
        }
    }
    if !unsettled.lines.is_empty() {
        cp.unsettled.push(unsettled);
    }
    Ok(stopped)
}

/// The message of an error that stops the run, with when to resume after a quota.
pub fn stop_message(e: &ClientError) -> String {
    match e.reset_at() {
        Some(at) => format!(
            "{e}. Run again with --resume after {} ({})",
            at.with_timezone(&marketo_types::quota_day::QUOTA_TIME_ZONE)
                .format("%Y-%m-%d %H:%M %Z"),
            at.format("%Y-%m-%d %H:%M UTC")
        ),
        None => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkpoint::RunKey;
    use serde_json::json;

    fn batch(lines: &[u64]) -> Batch {
        Batch {
            seq: 7,
            lines: lines.to_vec(),
            records: lines
                .iter()
                .map(|l| {
                    json!({"email": format!("l{l}@x.com")})
                        .as_object()
                        .cloned()
                        .unwrap()
                })
                .collect(),
            values: lines.iter().map(|l| Some(format!("l{l}@x.com"))).collect(),
        }
    }

    fn checkpoint(b: &Batch) -> Checkpoint {
        let mut cp = Checkpoint::new(RunKey {
            input: "in.csv".into(),
            action: "createOnly".into(),
            lookup_field: "email".into(),
            partition: None,
        });
        cp.unsettled.push(Unsettled {
            seq: b.seq,
            lines: b.lines.clone(),
            values: b.values.clone(),
            before: None,
            since: None,
            why: None,
        });
        cp
    }

    /// A call that failed after its retries leaves its records pending and its write-ahead record in place
    /// (a resume settles them); one refused for good goes to the rejects file; one not applied is pending
    /// without a record.
    #[test]
    fn a_failed_batch_stays_resumable_unless_refused_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            (ErrorKind::Transient, Fate::Unknown),
            (ErrorKind::Transport, Fate::Unknown),
            (ErrorKind::Protocol, Fate::Unknown),
            (ErrorKind::RetryBudgetExhausted, Fate::Unknown),
            (ErrorKind::QuotaExhausted, Fate::NotApplied),
            (ErrorKind::RateLimited, Fate::NotApplied),
            (ErrorKind::Request, Fate::Refused),
        ];
        for (i, (kind, want)) in cases.into_iter().enumerate() {
            assert_eq!(fate(kind), want, "{kind:?}");
            let path = dir.path().join(format!("r{i}.csv"));
            let mut rejects = Rejects::open(&path, Some(&["email".to_owned()]), None).unwrap();
            let b = batch(&[2, 3]);
            let mut cp = checkpoint(&b);
            let error = ClientError::new(kind, "HTTP 502");
            apply_outcomes(b, Err(error), &mut cp, &mut rejects).unwrap();
            rejects.sync().unwrap();
            let written = std::fs::read_to_string(&path).unwrap().lines().count() - 1;
            match want {
                Fate::Unknown => {
                    assert_eq!(cp.counts.pending, 2, "{kind:?}");
                    assert_eq!(cp.unsettled.len(), 1, "{kind:?}");
                    assert_eq!(cp.unsettled[0].lines, [2, 3]);
                    let why = cp.unsettled[0].why.as_deref().unwrap_or_default();
                    assert!(why.ends_with(": HTTP 502"), "{kind:?}: {why}");
                    assert_eq!((cp.done.len(), written), (0, 0), "{kind:?}");
                }
                Fate::NotApplied => {
                    assert_eq!(cp.counts.pending, 2, "{kind:?}");
                    assert!(cp.unsettled.is_empty(), "{kind:?}");
                    assert_eq!((cp.done.len(), written), (0, 0), "{kind:?}");
                }
                Fate::Refused => {
                    assert_eq!((cp.counts.failed, cp.counts.pending), (2, 0));
                    assert!(cp.unsettled.is_empty());
                    assert_eq!((cp.done.len(), written), (2, 2));
                }
            }
        }
    }
}
