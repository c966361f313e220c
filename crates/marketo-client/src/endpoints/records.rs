//! Running a record operation: batches in flight up to the concurrency limit, results mapped back to input
//! records in order, 413 answered by splitting, and a stop (607, bad credentials) failing every record not
//! yet sent without sending it.

use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::outcome::RecordOutcome;
use crate::progress::{ProgressEvent, Stats};
use crate::request::ApiRequest;
use crate::shape::Piece;
use futures::future::BoxFuture;
use futures::{FutureExt, StreamExt};
use marketo_types::record::RecordResult;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// Builds the request carrying records `range`.
pub(crate) type MakeRequest = Arc<dyn Fn(Range<usize>) -> ApiRequest + Send + Sync>;

struct Run {
    inner: Arc<Inner>,
    make: MakeRequest,
    stop: Mutex<Option<Error>>,
}

/// Send every piece of `plan` and return one outcome per record, in order.
pub(crate) async fn run(
    inner: Arc<Inner>,
    plan: Vec<Piece>,
    make: MakeRequest,
) -> Vec<RecordOutcome> {
    let parallel = inner.throttle.concurrency as usize;
    let run = Arc::new(Run {
        inner,
        make,
        stop: Mutex::new(None),
    });
    // Unordered, so a slow call never holds a slot another batch could use; put back in order at the end.
    let mut per_piece: Vec<(usize, Vec<RecordOutcome>)> =
        futures::stream::iter(plan.into_iter().enumerate())
            .map(|(index, piece)| {
                let run = run.clone();
                async move {
                    let out = match piece {
                        Piece::Oversized(_) => vec![RecordOutcome::Failed {
                            error: Error::new(
                                ErrorKind::TooLarge,
                                "the record alone is larger than the 1 MB body limit",
                            ),
                        }],
                        Piece::Batch(range) => send(run.clone(), range).await,
                    };
                    Stats::bump(&run.inner.stats.records_done, out.len() as u64);
                    run.inner
                        .emit(ProgressEvent::RecordsDone { count: out.len() });
                    (index, out)
                }
            })
            .buffer_unordered(parallel.max(1))
            .collect()
            .await;
    per_piece.sort_unstable_by_key(|(index, _)| *index);
    per_piece.into_iter().flat_map(|(_, out)| out).collect()
}

fn send(run: Arc<Run>, range: Range<usize>) -> BoxFuture<'static, Vec<RecordOutcome>> {
    async move {
        if let Some(e) = run.stop.lock().unwrap_or_else(|e| e.into_inner()).clone() {
            return failed(&e, range.len());
        }
        let request = (run.make)(range.clone());
        match run.inner.execute(request).await {
            Ok(envelope) => map_results(
                envelope.results(),
                range.len(),
                envelope.request_id.as_str(),
            ),
            Err(e)
                if e.kind() == ErrorKind::TooLarge && e.code() == Some(413) && range.len() > 1 =>
            {
                let mid = range.start + range.len() / 2;
                tracing::info!(records = range.len(), "413: splitting the batch in two");
                let (a, b) = futures::join!(
                    send(run.clone(), range.start..mid),
                    send(run.clone(), mid..range.end)
                );
                a.into_iter().chain(b).collect()
            }
            Err(e) => {
                if e.kind().stops_work() {
                    let mut stop = run.stop.lock().unwrap_or_else(|e| e.into_inner());
                    stop.get_or_insert_with(|| e.clone());
                }
                failed(&e, range.len())
            }
        }
    }
    .boxed()
}

fn failed(e: &Error, n: usize) -> Vec<RecordOutcome> {
    vec![RecordOutcome::Failed { error: e.clone() }; n]
}

/// Map `result[]` to the records sent: by `seq` when every entry has one, else by position.
fn map_results(results: &[serde_json::Value], n: usize, request_id: &str) -> Vec<RecordOutcome> {
    let parsed: Result<Vec<RecordResult>, _> = results
        .iter()
        .map(|v| serde_json::from_value(v.clone()))
        .collect();
    let mismatch = |why: String| {
        failed(
            &Error::new(ErrorKind::Protocol, why).with_request_id(Some(request_id.to_owned())),
            n,
        )
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => return mismatch(format!("a record result is not understood: {e}")),
    };
    if parsed.len() != n {
        return mismatch(format!(
            "{} records sent but {} results came back",
            n,
            parsed.len()
        ));
    }
    if parsed.iter().all(|r| r.seq.is_some()) {
        let mut slots: Vec<Option<RecordOutcome>> = vec![None; n];
        for r in parsed {
            let seq = r.seq.unwrap_or_default() as usize;
            if seq >= n || slots[seq].is_some() {
                return mismatch(format!("result seq {seq} does not match the records sent"));
            }
            slots[seq] = Some(RecordOutcome::from_result(r));
        }
        return slots
            .into_iter()
            .map(|s| s.unwrap_or_else(|| unreachable_outcome(request_id)))
            .collect();
    }
    parsed.into_iter().map(RecordOutcome::from_result).collect()
}

fn unreachable_outcome(request_id: &str) -> RecordOutcome {
    // Every slot is filled: n results with distinct seqs below n.
    RecordOutcome::Failed {
        error: Error::new(ErrorKind::Protocol, "missing result")
            .with_request_id(Some(request_id.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn results_map_by_seq_or_position() {
        let by_seq = [
            json!({"seq":1,"status":"created","id":2}),
            json!({"seq":0,"status":"updated","id":1}),
        ];
        let out = map_results(&by_seq, 2, "r");
        assert_eq!((out[0].status(), out[0].id()), ("updated", Some(1)));
        assert_eq!((out[1].status(), out[1].id()), ("created", Some(2)));
        let by_pos = [
            json!({"status":"skipped","reasons":[{"code":"1005","message":"Lead already exists"}]}),
        ];
        let out = map_results(&by_pos, 1, "r");
        assert_eq!(out[0].reasons()[0].code.value(), 1005);
    }

    #[test]
    fn a_count_mismatch_fails_every_record_instead_of_guessing() {
        let out = map_results(&[json!({"status":"created","id":1})], 3, "r");
        assert_eq!(out.len(), 3);
        assert!(out
            .iter()
            .all(|o| o.error().map(Error::kind) == Some(ErrorKind::Protocol)));
    }
}
