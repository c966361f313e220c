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
    if let Some(h) = &header {
        if let Some(unknown) = h.iter().find(|c| !schema.has(c)) {
            reporter.note(&format!(
                "column {unknown:?} is not a field of the instance: rows that fill it are rejected with 1006"
            ));
        }
    }
    let mut rejects = Rejects::open(
        &s.rejects,
        header.as_deref(),
        s.resume.then_some(cp.rejects_bytes),
    )?;
    cp.counts.pending = 0;
    let calls_before = cp.counts.calls;
    let options = SyncOptions {
        action: s.action,
        lookup_field: Some(s.lookup_field.clone()),
        partition: s.partition.clone(),
    };
    let lookup = needs_lookup(s.action).then_some(s.lookup_field.as_str());
    let mut batch = Batch {
        lines: Vec::new(),
        records: Vec::new(),
    };
    let mut tasks: JoinSet<Done> = JoinSet::new();
    let mut stopped: Option<String> = None;
    let mut sendable = 0u64;
    reporter.set_done(cp.done.len());

    let spawn = |tasks: &mut JoinSet<Done>, batch: Batch| {
        let client = client.clone();
        let options = options.clone();
        tasks.spawn(async move {
            let result = client.leads().sync(batch.records.clone(), options).await;
            (batch, result)
        });
    };

    for row in rows.by_ref() {
        let row = row.with_context(|| format!("reading {}", s.input))?;
        if cp.done.contains(row.line()) {
            continue;
        }
        if stopped.is_none() && stop.load(Ordering::Relaxed) {
            stopped = Some("interrupted".into());
        }
        if stopped.is_some() {
            cp.counts.pending += 1;
            continue;
        }
        match row {
            Row::Bad {
                line,
                reason,
                original,
            } => {
                rejects.write(line, "input", &reason, &Original::Raw(original))?;
                reporter.problem(&s.input, line, &reason);
                cp.counts.skip("input");
                cp.done.insert(line);
            }
            Row::Record { line, fields } => match schema.check(&fields, lookup) {
                Err(p) => {
                    rejects.write(line, p.code, &p.message, &Original::Fields(fields))?;
                    reporter.problem(&s.input, line, &p.message);
                    cp.counts.skip(p.code);
                    cp.done.insert(line);
                }
                Ok(()) => {
                    sendable += 1;
                    if s.dry_run {
                        // Checked and fine: done, as far as a dry run goes (its checkpoint is never saved).
                        cp.done.insert(line);
                        continue;
                    }
                    batch.lines.push(line);
                    batch.records.push(fields);
                    if batch.records.len() >= s.batch_size {
                        let full = std::mem::replace(
                            &mut batch,
                            Batch {
                                lines: Vec::new(),
                                records: Vec::new(),
                            },
                        );
                        while tasks.len() >= s.in_flight {
                            if let Some(done) = tasks.join_next().await {
                                let why = finish(
                                    done,
                                    &mut cp,
                                    &mut rejects,
                                    s,
                                    reporter,
                                    client,
                                    calls_before,
                                )?;
                                stopped = stopped.or(why);
                            }
                        }
                        if stopped.is_some() {
                            cp.counts.pending += full.records.len() as u64;
                        } else {
                            spawn(&mut tasks, full);
                        }
                    }
                }
            },
        }
        reporter.set_done(cp.done.len());
    }
    if !batch.records.is_empty() {
        if stopped.is_none() {
            spawn(&mut tasks, batch);
        } else {
            cp.counts.pending += batch.records.len() as u64;
        }
    }
    while let Some(done) = tasks.join_next().await {
        let why = finish(
            done,
            &mut cp,
            &mut rejects,
            s,
            reporter,
            client,
            calls_before,
        )?;
        stopped = stopped.or(why);
    }
    let rejects_bytes = rejects.sync()?;
    // Every line of the input is either done (in this run or an earlier one) or pending.
    cp.counts.read = cp.done.len() + cp.counts.pending;
    if !s.dry_run {
        cp.rejects_bytes = rejects_bytes;
        cp.counts.calls = calls_before + client.usage_snapshot().calls_sent;
        if cp.counts.pending == 0 {
            // Nothing left to resume.
            let _ = std::fs::remove_file(&s.state);
        } else {
            cp.save(&s.state)?;
        }
    }
    Ok(SyncReport {
        counts: cp.counts,
        stopped,
        sendable,
        rejects: s.rejects.clone(),
        rejects_written: rejects.written(),
    })
}

#[allow(clippy::too_many_arguments)]
fn finish(
    done: Result<Done, tokio::task::JoinError>,
    cp: &mut Checkpoint,
    rejects: &mut Rejects,
    s: &SyncSettings,
    reporter: &Reporter,
    client: &Client,
    calls_before: u64,
) -> anyhow::Result<Option<String>> {
    let (batch, result) = done.context("a sync task failed")?;
    let stopped = apply_outcomes(batch.lines, batch.records, result, cp, rejects)?;
    cp.rejects_bytes = rejects.sync()?;
    cp.counts.calls = calls_before + client.usage_snapshot().calls_sent;
    cp.save(&s.state)?;
    reporter.set_done(cp.done.len());
    Ok(stopped)
}
