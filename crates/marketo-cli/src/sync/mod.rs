//! The sync pipeline: input rows -> local checks -> batches of 300 -> the client (which throttles, retries,
//! shapes) -> per-record outcomes -> counts, rejects file and checkpoint.
//!
//! Memory stays flat: rows are streamed, and at most `in_flight` batches are held at once.

mod outcomes;

use crate::checkpoint::{Checkpoint, RunKey};
use crate::input::{InputFormat, Row, Rows};
use crate::progress::Reporter;
use crate::rejects::{Original, Rejects};
use crate::summary::Counts;
use crate::validate::Schema;
use anyhow::{bail, Context};
use marketo_client::{Client, Error as ClientError, Lead, SyncAction, SyncOptions};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::task::JoinSet;

pub use outcomes::apply_outcomes;

/// Validated settings of one sync run.
#[derive(Debug, Clone)]
pub struct SyncSettings {
    /// Input path or `-`.
    pub input: String,
    /// Its format.
    pub format: InputFormat,
    /// Sync action.
    pub action: SyncAction,
    /// Lookup field.
    pub lookup_field: String,
    /// Lead partition.
    pub partition: Option<String>,
    /// Rejects file.
    pub rejects: PathBuf,
    /// Checkpoint file.
    pub state: PathBuf,
    /// Continue from the checkpoint.
    pub resume: bool,
    /// Check only, send nothing.
    pub dry_run: bool,
    /// Records per batch (at most 300).
    pub batch_size: usize,
    /// Batches sent at once.
    pub in_flight: usize,
}

/// How a run ended.
#[derive(Debug)]
pub struct SyncReport {
    /// The counts.
    pub counts: Counts,
    /// Why the run stopped early, if it did (607, Ctrl-C).
    pub stopped: Option<String>,
    /// Records that passed the checks (a dry run's "would send").
    pub sendable: u64,
    /// Where the rejects went.
    pub rejects: PathBuf,
    /// Records written to the rejects file by this run.
    pub rejects_written: u64,
}

#[derive(Default)]
struct Batch {
    lines: Vec<u64>,
    records: Vec<Lead>,
}

type Done = (
    Batch,
    Result<Vec<marketo_client::RecordOutcome>, ClientError>,
);

fn run_key(s: &SyncSettings) -> RunKey {
    RunKey {
        input: s.input.clone(),
        action: s.action.as_str().to_owned(),
        lookup_field: s.lookup_field.clone(),
        partition: s.partition.clone(),
    }
}

fn load_checkpoint(s: &SyncSettings) -> anyhow::Result<Checkpoint> {
    let key = run_key(s);
    if s.dry_run {
        return Ok(Checkpoint::new(key));
    }
    if s.resume {
        if !s.state.exists() {
            bail!(
                "--resume: no state file at {} (a run that finished removes it; pass --state to name another)",
                s.state.display()
            );
        }
        return Checkpoint::load(&s.state, &key);
    }
    if s.state.exists() {
        bail!(
            "{} holds the checkpoint of an unfinished run of this file: pass --resume to continue it without \
             sending a record twice, or delete it to start over",
            s.state.display()
        );
    }
    Ok(Checkpoint::new(key))
}

/// Whether the action needs every record to carry the lookup field.
fn needs_lookup(action: SyncAction) -> bool {
    !matches!(action, SyncAction::CreateDuplicate)
}

/// The state a run updates as batches come back: checkpoint, rejects, and why it stopped.
struct Recorder<'a> {
    s: &'a SyncSettings,
    client: &'a Client,
    reporter: &'a Reporter,
    cp: Checkpoint,
    rejects: Rejects,
    calls_before: u64,
    stopped: Option<String>,
}

impl Recorder<'_> {
    /// Record finished batches until at most `max` are in flight.
    async fn drain(&mut self, tasks: &mut JoinSet<Done>, max: usize) -> anyhow::Result<()> {
        while tasks.len() > max {
            let Some(done) = tasks.join_next().await else {
                break;
            };
            let (batch, result) = done.context("a sync task failed")?;
            let why = apply_outcomes(
                batch.lines,
                batch.records,
                result,
                &mut self.cp,
                &mut self.rejects,
            )?;
            self.stopped = self.stopped.take().or(why);
            self.cp.rejects_bytes = self.rejects.sync()?;
            self.cp.counts.calls = self.calls_before + self.client.usage_snapshot().calls_sent;
            self.cp.save(&self.s.state)?;
            self.reporter.set_done(self.cp.done.len());
        }
        Ok(())
    }

    /// Send a batch, or count it pending when the run has stopped.
    async fn send(
        &mut self,
        tasks: &mut JoinSet<Done>,
        batch: Batch,
        options: &SyncOptions,
    ) -> anyhow::Result<()> {
        self.drain(tasks, self.s.in_flight.saturating_sub(1))
            .await?;
        if self.stopped.is_some() {
            self.cp.counts.pending += batch.records.len() as u64;
            return Ok(());
        }
        let client = self.client.clone();
        let options = options.clone();
        tasks.spawn(async move {
            let result = client.leads().sync(batch.records.clone(), options).await;
            (batch, result)
        });
        Ok(())
    }
}

/// Run a sync. `stop` is set by Ctrl-C: no new batch is sent, batches in flight finish and are recorded.
pub async fn run(
    client: &Client,
    s: &SyncSettings,
    schema: &Schema,
    reporter: &Reporter,
    stop: Arc<AtomicBool>,
) -> anyhow::Result<SyncReport> {
    if !schema.has(&s.lookup_field) && s.lookup_field != "id" {
        bail!(
            "--lookup-field {}: the instance has no such field (see `mkto leads describe`)",
            s.lookup_field
        );
    }
    let mut cp = load_checkpoint(s)?;
    let mut rows = Rows::open(&s.input, s.format)?;
    let header = rows.header().map(<[String]>::to_vec);
    if rows.is_rejects_file() {
        reporter.note(&format!(
            "{} is a rejects file: its line, code and reason columns are left out",
            s.input
        ));
    }
    if let Some(unknown) = header.iter().flatten().find(|c| !schema.has(c)) {
        reporter.note(&format!(
            "column {unknown:?} is not a field of the instance: rows that fill it are rejected with 1006"
        ));
    }
    let rejects = Rejects::open(
        &s.rejects,
        header.as_deref(),
        s.resume.then_some(cp.rejects_bytes),
    )?;
    cp.counts.pending = 0;
    let options = SyncOptions {
        action: s.action,
        lookup_field: Some(s.lookup_field.clone()),
        partition: s.partition.clone(),
    };
    let lookup = needs_lookup(s.action).then_some(s.lookup_field.as_str());
    let mut rec = Recorder {
        s,
        client,
        reporter,
        calls_before: cp.counts.calls,
        cp,
        rejects,
        stopped: None,
    };
    let mut batch = Batch::default();
    let mut tasks: JoinSet<Done> = JoinSet::new();
    let mut sendable = 0u64;
    reporter.set_done(rec.cp.done.len());

    for row in rows.by_ref() {
        let row = row.with_context(|| format!("reading {}", s.input))?;
        if rec.cp.done.contains(row.line()) {
            continue;
        }
        if rec.stopped.is_none() && stop.load(Ordering::Relaxed) {
            rec.stopped = Some("interrupted".into());
        }
        if rec.stopped.is_some() {
            rec.cp.counts.pending += 1;
            continue;
        }
        let (line, code, reason, original) = match row {
            Row::Bad {
                line,
                reason,
                original,
            } => (line, "input", reason, Original::Raw(original)),
            Row::Record { line, fields } => match schema.check(&fields, lookup) {
                Err(p) => (line, p.code, p.message, Original::Fields(fields)),
                Ok(()) => {
                    sendable += 1;
                    if s.dry_run {
                        // Checked and fine: done, as far as a dry run goes (its checkpoint is never saved).
                        rec.cp.done.insert(line);
                    } else {
                        batch.lines.push(line);
                        batch.records.push(fields);
                        if batch.records.len() >= s.batch_size {
                            rec.send(&mut tasks, std::mem::take(&mut batch), &options)
                                .await?;
                        }
                    }
                    continue;
                }
            },
        };
        rec.rejects.write(line, code, &reason, &original)?;
        reporter.problem(&s.input, line, &reason);
        rec.cp.counts.skip(code);
        rec.cp.done.insert(line);
        reporter.set_done(rec.cp.done.len());
    }
    if !batch.records.is_empty() {
        rec.send(&mut tasks, batch, &options).await?;
    }
    rec.drain(&mut tasks, 0).await?;
    let mut cp = rec.cp;
    let rejects_bytes = rec.rejects.sync()?;
    // Every line of the input is either done (in this run or an earlier one) or pending.
    cp.counts.read = cp.done.len() + cp.counts.pending;
    if !s.dry_run {
        cp.rejects_bytes = rejects_bytes;
        cp.counts.calls = rec.calls_before + client.usage_snapshot().calls_sent;
        if cp.counts.pending == 0 {
            // Nothing left to resume.
            let _ = std::fs::remove_file(&s.state);
        } else {
            cp.save(&s.state)?;
        }
    }
    Ok(SyncReport {
        counts: cp.counts,
        stopped: rec.stopped,
        sendable,
        rejects: s.rejects.clone(),
        rejects_written: rec.rejects.written(),
    })
}
