//! The sync pipeline: input rows -> local checks -> batches of 300 -> a write-ahead record in the checkpoint
//! -> the client (which throttles, retries, shapes) -> per-record outcomes -> counts, rejects file and
//! checkpoint. One call per batch: on `--resume` only, batches whose outcome was not known are reconciled with
//! the server first.
//!
//! Memory stays flat: rows are streamed, and at most `in_flight` batches are held at once.

mod duplicates;
mod lookup;
mod outcomes;
mod reconcile;
mod recorder;
pub mod verdict;

use crate::checkpoint::{Checkpoint, RunKey};
use crate::input::{InputFormat, Row, Rows};
use crate::progress::Reporter;
use crate::rejects::{Original, Rejects};
use crate::session::Session;
use crate::summary::Counts;
use crate::validate::Schema;
use anyhow::{bail, Context};
use marketo_client::{Lead, SyncAction};
use recorder::Recorder;
use std::path::PathBuf;

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
    /// Pending records whose batch failed after the client's retries with Marketo's answer unknown, and why.
    pub unsettled: (u64, Option<String>),
    /// Pending records not sent because they share a lookup value with a batch of unknown fate.
    pub held_back: u64,
    /// Marketo answered 1006 (a field the instance does not have) for a record the field list allowed.
    pub unknown_field: bool,
}

/// One batch: its input lines, records and their lookup values.
#[derive(Default)]
pub struct Batch {
    seq: u64,
    lines: Vec<u64>,
    records: Vec<Lead>,
    values: Vec<Option<String>>,
}

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

/// Run a sync in `session`. Every row is checked against the instance's lead fields (cached, see
/// [`crate::lead_fields`]). After Ctrl-C no new batch is sent, and the batches on the wire finish and are
/// recorded.
pub async fn run(
    session: &Session,
    s: &SyncSettings,
    reporter: &Reporter,
) -> anyhow::Result<SyncReport> {
    let (client, wire) = (&session.client, &*session.wire);
    let mut cp = load_checkpoint(s)?;
    let mut rows = Rows::open(&s.input, s.format)?;
    let header = rows.header().map(<[String]>::to_vec);
    let mut columns = header.clone().unwrap_or_default();
    columns.push(s.lookup_field.clone());
    columns.retain(|c| c != "id");
    if let Some(h) = &header {
        crate::sniff::delimiter(&s.input, h)?;
    }
    let fields = crate::lead_fields::load(client, &session.endpoint, wire, &columns).await?;
    if let Some(h) = &header {
        crate::sniff::field_names(&s.input, h, &fields)?;
    }
    let fields: Vec<serde_json::Value> = fields
        .iter()
        .filter_map(|f| serde_json::to_value(f).ok())
        .collect();
    let schema = Schema::from_describe(&fields);
    if !schema.has(&s.lookup_field) && s.lookup_field != "id" {
        bail!(
            "--lookup-field {}: the instance has no such field (see `mkto leads describe`)",
            s.lookup_field
        );
    }
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
    let lookup_field = needs_lookup(s.action).then_some(s.lookup_field.as_str());
    let mut rec = Recorder::new(s, client, reporter, wire, cp, rejects);
    if s.resume {
        if let Some(note) = reconcile::run(client, s.action, &s.lookup_field, &mut rec.cp).await? {
            reporter.note(&note);
            rec.save()?;
        }
    }
    let mut batch = Batch::default();
    let mut sendable = 0u64;
    let mut duplicates = duplicates::Duplicates::default();
    reporter.set_done(rec.cp.done.len());

    for row in rows.by_ref() {
        let row = row.with_context(|| format!("reading {}", s.input))?;
        if rec.cp.done.contains(row.line()) {
            continue;
        }
        if rec.stopped.is_none() && crate::interrupt::requested() {
            rec.stopped = Some("interrupted".into());
        }
        if rec.stopped.is_some() {
            rec.cp.counts.pending += 1;
            continue;
        }
        let undecided = rec.cp.undecided.remove(&row.line());
        let (line, code, reason, original) = match (row, undecided) {
            (
                Row::Bad {
                    line,
                    reason,
                    original,
                },
                None,
            ) => (line, "input", reason, Original::Raw(original)),
            (Row::Bad { line, original, .. }, Some(why)) => {
                (line, "in-flight", why, Original::Raw(original))
            }
            (Row::Record { line, fields }, Some(why)) => {
                (line, "in-flight", why, Original::Fields(fields))
            }
            (Row::Record { line, fields }, None) => match schema.check(&fields, lookup_field) {
                Err(p) => (line, p.code, p.message, Original::Fields(fields)),
                Ok(()) => {
                    sendable += 1;
                    let value = lookup::value_of(&fields, &s.lookup_field);
                    if let (Some(_), Some(v)) = (lookup_field, value.as_deref()) {
                        if let Some(note) = duplicates.check(v, line) {
                            reporter.note(&format!("{}: {note}", s.input));
                        }
                    }
                    if s.dry_run {
                        // Checked and fine: done, as far as a dry run goes (its checkpoint is never saved).
                        rec.cp.done.insert(line);
                    } else {
                        batch.lines.push(line);
                        batch.values.push(value);
                        batch.records.push(fields);
                        if batch.records.len() >= s.batch_size {
                            rec.send(std::mem::take(&mut batch)).await?;
                        }
                    }
                    continue;
                }
            },
        };
        rec.rejects.write(line, code, &reason, &original)?;
        reporter.problem(&s.input, line, &reason);
        if code == "in-flight" {
            rec.cp.counts.failed += 1;
        } else {
            rec.cp.counts.skip(code, &reason);
        }
        rec.cp.done.insert(line);
        reporter.set_done(rec.cp.done.len());
    }
    if !batch.records.is_empty() {
        rec.send(batch).await?;
    }
    rec.drain(0).await?;
    if duplicates.found() > 0 {
        reporter.note(&format!(
            "{}: {} rows repeat an earlier row's lookup value ({})",
            s.input,
            duplicates.found(),
            s.lookup_field
        ));
    }
    // Every line of the input is either done (in this run or an earlier one) or pending.
    rec.cp.counts.read = rec.cp.done.len() + rec.cp.counts.pending;
    if !s.dry_run {
        if rec.cp.counts.pending == 0 && rec.cp.undecided.is_empty() {
            rec.rejects.sync()?;
            // Nothing left to resume.
            let _ = std::fs::remove_file(&s.state);
            // Nothing rejected, in this run or the runs it resumed: no rejects file left behind.
            if rec.cp.counts.skipped_total() + rec.cp.counts.failed == 0 {
                let _ = std::fs::remove_file(&s.rejects);
            }
        } else {
            rec.save()?;
        }
    }
    let unsettled = (
        rec.cp.unsettled_lines(),
        rec.cp.unsettled.iter().find_map(|u| u.why.clone()),
    );
    Ok(SyncReport {
        counts: rec.cp.counts.clone(),
        stopped: rec.stopped.take(),
        sendable,
        rejects: s.rejects.clone(),
        rejects_written: rec.rejects.written(),
        unsettled,
        held_back: rec.held_back(),
        unknown_field: rec.unknown_field,
    })
}
