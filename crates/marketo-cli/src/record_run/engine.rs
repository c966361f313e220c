//! The run itself: batches read from the input, sent with their write-ahead records, and their answers
//! recorded into the counts, the rejects file and the checkpoint.

use super::Sender;
use crate::checkpoint::{Checkpoint, RunKey, Unsettled};
use crate::input::{Row, Rows};
use crate::progress::Reporter;
use crate::rejects::{Original, Rejects};
use crate::wire::{self, WireState};
use anyhow::{bail, Context};
use marketo_client::{Client, RecordOutcome};
use marketo_types::limits::MAX_RECORDS_PER_CALL;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;
use tokio::task::{Id, JoinError, JoinSet};

/// How long, once no call is on the wire after Ctrl-C, tasks that just got their answer have to hand it over.
const HAND_OVER: Duration = Duration::from_millis(200);

type Answer = (Batch, Vec<RecordOutcome>);

/// The batches in flight: their tasks, and each task's batch.
#[derive(Default)]
struct Flight {
    tasks: JoinSet<Answer>,
    seqs: HashMap<Id, u64>,
}

/// A batch on its way: its lines, its records as read (for the rejects file) and as sent.
struct Batch {
    seq: u64,
    lines: Vec<u64>,
    fields: Vec<Map<String, Value>>,
    sent: Vec<Map<String, Value>>,
}

impl Batch {
    fn empty() -> Batch {
        Batch {
            seq: 0,
            lines: Vec::new(),
            fields: Vec::new(),
            sent: Vec::new(),
        }
    }
}

/// A run's state: checkpoint, rejects, what is replayed, why it stopped.
pub(super) struct Run {
    pub(super) cp: Checkpoint,
    pub(super) state: PathBuf,
    pub(super) rejects: Rejects,
    pub(super) rejects_path: PathBuf,
    pub(super) replay: HashSet<u64>,
    pub(super) replayed: u64,
    pub(super) stopped: Option<String>,
    pub(super) file: String,
}

impl Run {
    /// Start a run of `file` (the checkpoint at `state` when `resume`, else a new one; a checkpoint left by
    /// another run is refused unless resumed).
    pub(super) fn open(
        file: &str,
        key: RunKey,
        state: PathBuf,
        resume: bool,
        rejects_path: PathBuf,
        header: Option<&[String]>,
    ) -> anyhow::Result<Run> {
        let cp = if resume {
            Checkpoint::load(&state, &key)?
        } else {
            if state.exists() {
                bail!(
                    "{} holds the checkpoint of an unfinished run: add --resume to continue it, or delete it \
                     to start over",
                    state.display()
                );
            }
            Checkpoint::new(key)
        };
        let rejects = Rejects::open(&rejects_path, header, resume.then_some(cp.rejects_bytes))?;
        let mut run = Run {
            replay: cp.unsettled.iter().flat_map(|u| u.lines.clone()).collect(),
            cp,
            state,
            rejects,
            rejects_path,
            replayed: 0,
            stopped: None,
            file: file.to_owned(),
        };
        // Replayed batches are sent again from the input; what they left pending is counted anew.
        run.cp.counts.pending = 0;
        run.cp.unsettled.clear();
        Ok(run)
    }

    pub(super) fn save(&mut self) -> anyhow::Result<()> {
        self.cp.rejects_bytes = self.rejects.sync()?;
        self.cp.save(&self.state)
    }

    /// A line that is not sent (unreadable, or refused before sending): into the rejects file, done.
    fn reject(
        &mut self,
        line: u64,
        code: &str,
        why: &str,
        original: &Original,
    ) -> anyhow::Result<()> {
        self.cp.counts.skip(code, why);
        self.rejects.write(line, code, why, original)?;
        self.cp.done.insert(line);
        Ok(())
    }

    /// Take a batch's answers: each record into the counts or the rejects file and the done lines; a call
    /// that failed leaves its records to the next `--resume` (pending, its write-ahead record kept).
    fn record(&mut self, b: Batch, outcomes: &[RecordOutcome], r: &Reporter) -> anyhow::Result<()> {
        let mut kept = Vec::new();
        for ((line, fields), o) in b.lines.iter().zip(b.fields).zip(outcomes) {
            if self.replay.contains(line) {
                self.replayed += 1;
            }
            let c = &mut self.cp.counts;
            match o {
                RecordOutcome::Created { .. } => c.created += 1,
                RecordOutcome::Updated { .. } | RecordOutcome::Deleted { .. } => c.updated += 1,
                RecordOutcome::Skipped { reasons, .. } => {
                    let first = reasons.first();
                    let code = first.map_or_else(|| "skipped".into(), |x| x.code.to_string());
                    let why = first.map_or_else(String::new, |x| x.message.clone());
                    c.skip(&code, &why);
                    r.problem(&self.file, *line, &format!("{code} {why}"));
                    self.rejects
                        .write(*line, &code, &why, &Original::Fields(fields))?;
                }
                other => {
                    let why = other
                        .error()
                        .map_or_else(|| other.status().to_owned(), ToString::to_string);
                    self.stopped.get_or_insert(why);
                    kept.push(*line);
                    continue;
                }
            }
            self.cp.done.insert(*line);
        }
        self.cp.unsettled.retain(|u| u.seq != b.seq);
        if !kept.is_empty() {
            self.cp.counts.pending += kept.len() as u64;
            self.cp.unsettled.push(Unsettled {
                seq: b.seq,
                values: vec![None; kept.len()],
                lines: kept,
                before: None,
                since: None,
                why: self.stopped.clone(),
            });
        }
        r.set_done(self.cp.done.len());
        self.save()
    }

    /// Send `b`: its write-ahead record first, then the call.
    fn begin(&mut self, flight: &mut Flight, send: &Sender, mut b: Batch) -> anyhow::Result<()> {
        b.seq = self.cp.next_seq;
        self.cp.next_seq += 1;
        self.cp.unsettled.push(Unsettled {
            seq: b.seq,
            lines: b.lines.clone(),
            values: vec![None; b.lines.len()],
            before: None,
            since: None,
            why: None,
        });
        self.save()?;
        let call = send(std::mem::take(&mut b.sent));
        let seq = b.seq;
        let handle = flight
            .tasks
            .spawn(wire::in_batch(seq, async move { (b, call.await) }));
        flight.seqs.insert(handle.id(), seq);
        Ok(())
    }

    /// Record the next batch answered; after Ctrl-C, settle every batch in flight.
    async fn join_one(
        &mut self,
        flight: &mut Flight,
        r: &Reporter,
        wire: &WireState,
    ) -> anyhow::Result<()> {
        let next = tokio::select! {
            next = flight.tasks.join_next_with_id() => next,
            () = crate::interrupt::wait() => return self.settle_interrupted(flight, r, wire).await,
        };
        match next {
            None => Ok(()),
            Some(next) => self.take(flight, next, r),
        }
    }

    fn take(
        &mut self,
        flight: &mut Flight,
        next: Result<(Id, Answer), JoinError>,
        r: &Reporter,
    ) -> anyhow::Result<()> {
        match next {
            Ok((id, (b, o))) => {
                flight.seqs.remove(&id);
                self.record(b, &o, r)
            }
            Err(e) => Err(e).context("a sync task"),
        }
    }

    /// After Ctrl-C: record the calls that finish, then drop the batches that wait (at the closed wire, for the
    /// rate window, or before a retry).
    async fn settle_interrupted(
        &mut self,
        flight: &mut Flight,
        r: &Reporter,
        wire: &WireState,
    ) -> anyhow::Result<()> {
        self.stopped.get_or_insert_with(|| "interrupted".into());
        loop {
            tokio::select! {
                biased;
                next = flight.tasks.join_next_with_id() => match next {
                    None => return self.save(),
                    Some(next) => self.take(flight, next, r)?,
                },
                () = wire.idle() => break,
            }
        }
        while let Ok(Some(next)) =
            tokio::time::timeout(HAND_OVER, flight.tasks.join_next_with_id()).await
        {
            self.take(flight, next, r)?;
        }
        flight.tasks.abort_all();
        while let Some(next) = flight.tasks.join_next_with_id().await {
            if let Err(e) = &next {
                if e.is_cancelled() {
                    if let Some(seq) = flight.seqs.remove(&e.id()) {
                        self.abandon(seq, wire.was_sent(seq));
                    }
                    continue;
                }
            }
            self.take(flight, next, r)?;
        }
        self.save()
    }

    /// A batch dropped before its answer: pending; its write-ahead record stays if its request reached the
    /// wire (a resume sends it again), and goes if it never did.
    fn abandon(&mut self, seq: u64, sent: bool) {
        let Some(at) = self.cp.unsettled.iter().position(|u| u.seq == seq) else {
            return;
        };
        self.cp.counts.pending += self.cp.unsettled[at].lines.len() as u64;
        if sent {
            self.cp.unsettled[at]
                .why
                .get_or_insert_with(|| "interrupted before Marketo's answer came".into());
        } else {
            self.cp.unsettled.remove(at);
        }
    }

    fn stopping(&self) -> bool {
        self.stopped.is_some() || crate::interrupt::requested()
    }

    /// Read `rows` and send their records through `send`, `prepare` turning each record into what is sent
    /// (or refusing it: then it goes to the rejects file with the reason, code `input`).
    pub(super) async fn drive(
        &mut self,
        rows: Rows,
        client: &Client,
        reporter: &Reporter,
        send: &Sender,
        prepare: &dyn Fn(Map<String, Value>) -> Result<Map<String, Value>, String>,
        wire: &WireState,
    ) -> anyhow::Result<()> {
        let in_flight = client.usage_snapshot().concurrency_limit as usize + 2;
        reporter.set_done(self.cp.done.len());
        let mut flight = Flight::default();
        let mut batch = Batch::empty();
        for row in rows {
            let row = row.with_context(|| format!("reading {}", self.file))?;
            let line = row.line();
            if self.cp.done.contains(line) {
                continue;
            }
            if self.stopping() {
                self.cp.counts.pending += 1;
                continue;
            }
            match row {
                Row::Bad {
                    line,
                    reason,
                    original,
                } => {
                    reporter.problem(&self.file, line, &reason);
                    self.reject(line, "input", &reason, &Original::Raw(original))?;
                }
                Row::Record { line, fields } => match prepare(fields.clone()) {
                    Ok(sent) => {
                        batch.lines.push(line);
                        batch.fields.push(fields);
                        batch.sent.push(sent);
                    }
                    Err(reason) => {
                        reporter.problem(&self.file, line, &reason);
                        self.reject(line, "input", &reason, &Original::Fields(fields))?;
                    }
                },
            }
            if batch.lines.len() == MAX_RECORDS_PER_CALL {
                while flight.tasks.len() >= in_flight {
                    self.join_one(&mut flight, reporter, wire).await?;
                }
                let full = std::mem::replace(&mut batch, Batch::empty());
                self.begin(&mut flight, send, full)?;
            }
        }
        if !batch.lines.is_empty() {
            if self.stopping() {
                self.cp.counts.pending += batch.lines.len() as u64;
            } else {
                self.begin(&mut flight, send, batch)?;
            }
        }
        while !flight.tasks.is_empty() {
            self.join_one(&mut flight, reporter, wire).await?;
        }
        Ok(())
    }
}
