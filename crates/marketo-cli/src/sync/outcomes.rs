//! Recording the outcomes of one batch: counts, rejects, and which lines are done.

use crate::checkpoint::Checkpoint;
use crate::rejects::{Original, Rejects};
use marketo_client::{Error as ClientError, Lead, RecordOutcome};

/// Record what happened to each record of a batch. Returns why work must stop, if it must (607: the daily
/// quota; the records it stopped stay pending, not done, so a resume sends them).
pub fn apply_outcomes(
    lines: Vec<u64>,
    records: Vec<Lead>,
    result: Result<Vec<RecordOutcome>, ClientError>,
    cp: &mut Checkpoint,
    rejects: &mut Rejects,
) -> anyhow::Result<Option<String>> {
    let n = lines.len();
    let outcomes: Vec<Option<RecordOutcome>> = match result {
        Ok(o) if o.len() == n => o.into_iter().map(Some).collect(),
        Ok(o) => anyhow::bail!(
            "the client returned {} outcomes for {n} records: this is a bug in marketo-client",
            o.len()
        ),
        Err(error) => (0..n)
            .map(|_| {
                Some(RecordOutcome::Failed {
                    error: error.clone(),
                })
            })
            .collect(),
    };
    let mut stopped = None;
    for ((line, record), outcome) in lines.into_iter().zip(records).zip(outcomes) {
        match outcome {
            Some(RecordOutcome::Created { .. }) => {
                cp.counts.created += 1;
                cp.done.insert(line);
            }
            Some(RecordOutcome::Updated { .. }) => {
                cp.counts.updated += 1;
                cp.done.insert(line);
            }
            Some(RecordOutcome::Skipped { reasons, .. }) => {
                let code = reasons
                    .first()
                    .map_or_else(|| "unknown".to_owned(), |r| r.code.to_string());
                let message = reasons
                    .iter()
                    .map(|r| r.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                rejects.write(line, &code, &message, &Original::Fields(record))?;
                cp.counts.skip(&code);
                cp.done.insert(line);
            }
            Some(RecordOutcome::Failed { error }) if error.kind().stops_work() => {
                cp.counts.pending += 1;
                if stopped.is_none() {
                    stopped = Some(stop_message(&error));
                }
            }
            Some(RecordOutcome::Failed { error }) => {
                let code = error
                    .code()
                    .map_or_else(|| "error".to_owned(), |c| c.to_string());
                rejects.write(line, &code, &error.to_string(), &Original::Fields(record))?;
                cp.counts.failed += 1;
                cp.done.insert(line);
            }
            Some(other) => {
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
            None => {}
        }
    }
    Ok(stopped)
}

fn stop_message(e: &ClientError) -> String {
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
