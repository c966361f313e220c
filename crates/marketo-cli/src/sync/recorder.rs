//! The batches in flight and the state they update: checkpoint, rejects, and why the run stopped.
//!
//! A batch goes through up to two tasks: the lookup of its values' leads (the before-image, for the actions
//! that need one), then the sync. Between the two, on this side, its write-ahead record is added to the
//! checkpoint and saved, so a kill at any point leaves a checkpoint that says what may have been sent. One
//! owner (this recorder) writes the checkpoint and the rejects file, so each save is consistent: every line it
//! marks done has its reject flushed before it.

use super::lookup::{self, normalize, Image};
use super::outcomes::{apply_outcomes, fate, stop_message, Fate};
use super::{Batch, SyncSettings};
use crate::checkpoint::{Checkpoint, Unsettled};
use crate::progress::Reporter;
use crate::rejects::Rejects;
use anyhow::Context;
use marketo_client::{Client, Error as ClientError, RecordOutcome, SyncOptions};
use std::collections::{HashMap, HashSet};
use tokio::task::JoinSet;

/// A finished task.
enum Done {
    /// The before-image of a batch was read (or could not be).
    Looked(Batch, Result<Image, ClientError>),
    /// The batch was sent and answered (or failed).
    Synced(Batch, Result<Vec<RecordOutcome>, ClientError>),
}

/// The state a run updates as batches come back.
pub struct Recorder<'a> {
    s: &'a SyncSettings,
    client: &'a Client,
    reporter: &'a Reporter,
    /// The checkpoint.
    pub cp: Checkpoint,
    /// The rejects file.
    pub rejects: Rejects,
    calls_before: u64,
    /// Why the run stopped early, if it did.
    pub stopped: Option<String>,
    tasks: JoinSet<Done>,
    /// The normalized lookup values of each batch being looked up or sent, by `seq`.
    running: HashMap<u64, HashSet<String>>,
    options: SyncOptions,
    image: bool,
}

impl<'a> Recorder<'a> {
    /// A recorder over a loaded checkpoint and an open rejects file.
    pub fn new(
        s: &'a SyncSettings,
        client: &'a Client,
        reporter: &'a Reporter,
        cp: Checkpoint,
        rejects: Rejects,
    ) -> Self {
        Recorder {
            s,
            client,
            reporter,
            calls_before: cp.counts.calls,
            cp,
            rejects,
            stopped: None,
            tasks: JoinSet::new(),
            running: HashMap::new(),
            options: SyncOptions {
                action: s.action,
                lookup_field: Some(s.lookup_field.clone()),
                partition: s.partition.clone(),
            },
            image: lookup::needs_image(s.action),
        }
    }

    /// Flush the rejects file, then write the checkpoint.
    pub fn save(&mut self) -> anyhow::Result<()> {
        self.cp.rejects_bytes = self.rejects.sync()?;
        self.cp.counts.calls = self.calls_before + self.client.usage_snapshot().calls_sent;
        self.cp.save(&self.s.state)
    }

    /// Send a batch (after its before-image, when the action needs one), or count it pending when the run
    /// has stopped. A batch that shares a lookup value with one in flight waits for it, so that its
    /// before-image shows what the other did.
    pub async fn send(&mut self, mut batch: Batch) -> anyhow::Result<()> {
        self.drain(self.s.in_flight.saturating_sub(1)).await?;
        if self.image {
            let values: HashSet<String> = batch
                .values
                .iter()
                .flatten()
                .map(|v| normalize(v))
                .collect();
            while self.running.values().any(|r| !r.is_disjoint(&values)) {
                self.join_one().await?;
            }
        }
        if self.stopped.is_some() {
            self.cp.counts.pending += batch.lines.len() as u64;
            return Ok(());
        }
        batch.seq = self.cp.next_seq;
        self.cp.next_seq += 1;
        let values = batch
            .values
            .iter()
            .flatten()
            .map(|v| normalize(v))
            .collect();
        self.running.insert(batch.seq, values);
        if self.image {
            let client = self.client.clone();
            let field = self.s.lookup_field.clone();
            self.tasks.spawn(async move {
                let image = lookup::image(&client, &field, &batch.values).await;
                Done::Looked(batch, image)
            });
            Ok(())
        } else {
            self.begin(batch)
        }
    }

    /// Write the batch's write-ahead record, then send it.
    fn begin(&mut self, batch: Batch) -> anyhow::Result<()> {
        self.cp.unsettled.push(Unsettled {
            seq: batch.seq,
            lines: batch.lines.clone(),
            values: batch.values.clone(),
            before: batch.before.clone(),
            why: None,
        });
        self.save()?;
        let client = self.client.clone();
        let options = self.options.clone();
        self.tasks.spawn(async move {
            let result = client.leads().sync(batch.records.clone(), options).await;
            Done::Synced(batch, result)
        });
        Ok(())
    }

    /// Record finished tasks until at most `max` are in flight.
    pub async fn drain(&mut self, max: usize) -> anyhow::Result<()> {
        while self.tasks.len() > max {
            self.join_one().await?;
        }
        Ok(())
    }

    /// Record the next finished task.
    async fn join_one(&mut self) -> anyhow::Result<()> {
        let Some(done) = self.tasks.join_next().await else {
            return Ok(());
        };
        match done.context("a sync task failed")? {
            Done::Looked(mut batch, Ok(image)) if self.stopped.is_none() => {
                batch.before = Some(image);
                self.begin(batch)?;
            }
            Done::Looked(batch, result) => {
                // Never sent: pending, sent by a resume like any line not done.
                self.running.remove(&batch.seq);
                self.cp.counts.pending += batch.lines.len() as u64;
                if let Err(e) = result {
                    self.lookup_failed(&e);
                }
            }
            Done::Synced(batch, result) => {
                self.running.remove(&batch.seq);
                let why = apply_outcomes(batch, result, &mut self.cp, &mut self.rejects)?;
                self.stopped = self.stopped.take().or(why);
                self.save()?;
                self.reporter.set_done(self.cp.done.len());
            }
        }
        Ok(())
    }

    /// A before-image could not be read: stop if no later batch can do better.
    fn lookup_failed(&mut self, e: &ClientError) {
        if self.stopped.is_some() {
            return;
        }
        if e.kind().stops_work() {
            self.stopped = Some(stop_message(e));
        } else if fate(e.kind()) == Fate::Refused {
            self.stopped = Some(format!(
                "cannot look up {} values ({e}): with --action {} every batch's lookup values are looked up \
                 before it is sent, so that a resume can tell what a batch in flight did; use a searchable \
                 --lookup-field",
                self.s.lookup_field,
                self.s.action.as_str()
            ));
        }
    }
}
