//! The batches in flight and the state they update: checkpoint, rejects, and why the run stopped.
//!
//! Before a batch is sent, its write-ahead record is added to the checkpoint and saved, with (for the actions
//! that need one) a server time before the send and the highest lead id the run has created (a
//! [`Since`]), so a kill at any point leaves a checkpoint that says what may have been sent and lets a resume
//! tell what it did, without a call per batch. One owner (this recorder) writes the checkpoint and the rejects
//! file, so each save is consistent: every line it marks done has its reject flushed before it.
//!
//! After Ctrl-C the wire lets no new request out: the calls on it finish and are recorded; a batch whose
//! request never left is pending (sent by `--resume`), one that reached the wire without an answer keeps its
//! write-ahead record (reconciled by `--resume`).

use super::lookup::{self, normalize};
use super::outcomes::apply_outcomes;
use super::{Batch, SyncSettings};
use crate::checkpoint::{Checkpoint, Since, Unsettled};
use crate::progress::Reporter;
use crate::rejects::Rejects;
use crate::wire::{self, WireState};
use anyhow::{bail, Context};
use chrono::{DurationRound, TimeDelta};
use marketo_client::{Client, Error as ClientError, RecordOutcome, SyncOptions};
use std::collections::{HashMap, HashSet};
use std::time::Duration;
use tokio::task::{Id, JoinError, JoinSet};

/// How long, once no call is on the wire, tasks that just got their answer have to hand it over.
const HAND_OVER: Duration = Duration::from_millis(200);

type Synced = (Batch, Result<Vec<RecordOutcome>, ClientError>);

/// The state a run updates as batches come back.
pub struct Recorder<'a> {
    s: &'a SyncSettings,
    client: &'a Client,
    reporter: &'a Reporter,
    wire: &'a WireState,
    /// The checkpoint.
    pub cp: Checkpoint,
    /// The rejects file.
    pub rejects: Rejects,
    calls_before: u64,
    /// Why the run stopped early, if it did.
    pub stopped: Option<String>,
    tasks: JoinSet<Synced>,
    /// The batch each task sends.
    seqs: HashMap<Id, u64>,
    /// The normalized lookup values of each batch being sent, by `seq`.
    running: HashMap<u64, HashSet<String>>,
    options: SyncOptions,
    since: bool,
    /// Records held back because a batch of unknown fate shares a lookup value with them.
    held_back: u64,
    /// Marketo answered 1006 for a record.
    pub unknown_field: bool,
}

impl<'a> Recorder<'a> {
    /// A recorder over a loaded checkpoint and an open rejects file.
    pub fn new(
        s: &'a SyncSettings,
        client: &'a Client,
        reporter: &'a Reporter,
        wire: &'a WireState,
        cp: Checkpoint,
        rejects: Rejects,
    ) -> Self {
        Recorder {
            s,
            client,
            reporter,
            wire,
            calls_before: cp.counts.calls,
            cp,
            rejects,
            stopped: None,
            tasks: JoinSet::new(),
            seqs: HashMap::new(),
            running: HashMap::new(),
            options: SyncOptions {
                action: s.action,
                lookup_field: Some(s.lookup_field.clone()),
                partition: s.partition.clone(),
            },
            since: lookup::needs_since(s.action),
            held_back: 0,
            unknown_field: false,
        }
    }

    /// Flush the rejects file, then write the checkpoint.
    pub fn save(&mut self) -> anyhow::Result<()> {
        self.cp.rejects_bytes = self.rejects.sync()?;
        self.cp.counts.calls = self.calls_before + self.client.usage_snapshot().calls_sent;
        self.cp.save(&self.s.state)
    }

    /// Records held back from this run (see [`Recorder::send`]).
    pub fn held_back(&self) -> u64 {
        self.held_back
    }

    /// Send a batch, or count it pending when the run has stopped. A batch that shares a lookup value with
    /// one in flight waits for it; one that shares a value with a batch of unknown fate is not sent in this
    /// run (pending: `--resume` settles the other first), so that a resume can tell their leads apart.
    pub async fn send(&mut self, mut batch: Batch) -> anyhow::Result<()> {
        self.drain(self.s.in_flight.saturating_sub(1)).await?;
        let values: HashSet<String> = batch
            .values
            .iter()
            .flatten()
            .map(|v| normalize(v))
            .collect();
        if self.since {
            while self.stopped.is_none() && self.running.values().any(|r| !r.is_disjoint(&values)) {
                self.join_one().await?;
            }
        }
        if self.stopped.is_some() {
            self.cp.counts.pending += batch.lines.len() as u64;
            return Ok(());
        }
        if self.since && self.shares_with_unsettled(&values) {
            self.cp.counts.pending += batch.lines.len() as u64;
            self.held_back += batch.lines.len() as u64;
            return Ok(());
        }
        batch.seq = self.cp.next_seq;
        self.cp.next_seq += 1;
        self.running.insert(batch.seq, values);
        self.begin(batch)
    }

    fn shares_with_unsettled(&self, values: &HashSet<String>) -> bool {
        self.cp
            .unsettled
            .iter()
            .flat_map(|u| u.values.iter().flatten())
            .any(|v| values.contains(&normalize(v)))
    }

    /// Write the batch's write-ahead record, then send it.
    fn begin(&mut self, batch: Batch) -> anyhow::Result<()> {
        let since = if self.since {
            let Some(at) = self.wire.clock.at_or_before_now() else {
                bail!("no answer of the instance has told its time yet: cannot write the batch's write-ahead record");
            };
            Some(Since {
                at: at.duration_trunc(TimeDelta::seconds(1)).unwrap_or(at),
                after_id: self.cp.max_created_id,
            })
        } else {
            None
        };
        self.cp.unsettled.push(Unsettled {
            seq: batch.seq,
            lines: batch.lines.clone(),
            values: batch.values.clone(),
            before: None,
            since,
            why: None,
        });
        self.save()?;
        let client = self.client.clone();
        let options = self.options.clone();
        let seq = batch.seq;
        let handle = self.tasks.spawn(wire::in_batch(seq, async move {
            let result = client.leads().sync(batch.records.clone(), options).await;
            (batch, result)
        }));
        self.seqs.insert(handle.id(), seq);
        Ok(())
    }

    /// Record finished tasks until at most `max` are in flight.
    pub async fn drain(&mut self, max: usize) -> anyhow::Result<()> {
        while self.tasks.len() > max {
            self.join_one().await?;
        }
        Ok(())
    }

    /// Record the next finished task; after Ctrl-C, settle every task.
    async fn join_one(&mut self) -> anyhow::Result<()> {
        let next = tokio::select! {
            next = self.tasks.join_next_with_id() => next,
            () = crate::interrupt::wait() => return self.settle_interrupted().await,
        };
        match next {
            None => Ok(()),
            Some(next) => self.record(next),
        }
    }

    fn record(&mut self, next: Result<(Id, Synced), JoinError>) -> anyhow::Result<()> {
        let (id, (batch, result)) = next.context("a sync task failed")?;
        self.seqs.remove(&id);
        self.running.remove(&batch.seq);
        self.unknown_field |= result.as_ref().is_ok_and(|o| {
            o.iter()
                .any(|o| o.reasons().iter().any(|r| r.code.0 == 1006))
        });
        let why = apply_outcomes(batch, result, &mut self.cp, &mut self.rejects)?;
        self.stopped = self.stopped.take().or(why);
        self.save()?;
        self.reporter.set_done(self.cp.done.len());
        Ok(())
    }

    /// After Ctrl-C: record the calls that finish, then drop the batches that wait (at the closed wire, for the
    /// rate window, or before a retry).
    async fn settle_interrupted(&mut self) -> anyhow::Result<()> {
        self.stopped.get_or_insert_with(|| "interrupted".into());
        loop {
            tokio::select! {
                biased;
                next = self.tasks.join_next_with_id() => match next {
                    None => return Ok(()),
                    Some(next) => self.record(next)?,
                },
                () = self.wire.idle() => break,
            }
        }
        while let Ok(Some(next)) =
            tokio::time::timeout(HAND_OVER, self.tasks.join_next_with_id()).await
        {
            self.record(next)?;
        }
        self.tasks.abort_all();
        while let Some(next) = self.tasks.join_next_with_id().await {
            match next {
                Err(e) if e.is_cancelled() => {
                    if let Some(seq) = self.seqs.remove(&e.id()) {
                        self.abandon(seq);
                    }
                }
                other => self.record(other)?,
            }
        }
        self.save()
    }

    /// A batch dropped before its answer: pending; its write-ahead record stays if its request reached the
    /// wire (a resume settles it), and goes if it never did.
    fn abandon(&mut self, seq: u64) {
        self.running.remove(&seq);
        let sent = self.wire.was_sent(seq);
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
}
