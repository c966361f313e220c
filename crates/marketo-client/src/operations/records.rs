//! Running a record operation: batches in flight up to the concurrency limit, each a [`RecordBatch`] sent on
//! the one path, results mapped back to input records in order, 413 answered by splitting, and a stop (607,
//! bad credentials) failing every record not yet sent without sending it.

use super::batch::{failed, RecordBatch};
use super::ApiRequest;
use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::outcome::RecordOutcome;
use crate::progress::{ProgressEvent, Stats};
use crate::shape::Piece;
use futures::future::BoxFuture;
use futures::{FutureExt, StreamExt};
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
        let batch = RecordBatch {
            request: (run.make)(range.clone()),
            records: range.len(),
        };
        match run.inner.send(&batch).await {
            Ok(outcomes) => outcomes,
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
