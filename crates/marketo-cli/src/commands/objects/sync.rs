//! `mkto objects TYPE sync FILE` (and `mkto companies sync FILE`, ...): the input streamed in batches of 300
//! records, up to the client's concurrency in flight, every record answered into the summary or the rejects
//! file, with progress and a checkpoint (`NAME.state.json`) written before each batch is sent and after it is
//! answered, so `--resume` continues an interrupted run without losing a record.
//!
//! A batch in flight when the run stopped (a kill, Ctrl-C, a call that failed after its retries) is sent again
//! by `--resume`. Every object sync keys its records by the type's dedupe fields or its id field, so a replay
//! writes the same values again: nothing is doubled. What a replay cannot tell is who created a record the
//! interrupted run may have created: `createOrUpdate` then answers `updated`, `createOnly` answers 1017. The
//! summary counts such records as `replayed`, beside their answer.

use crate::checkpoint::{self, Checkpoint, RunKey, Unsettled};
use crate::global::Ctx;
use crate::input::{InputFormat, Row, Rows};
use crate::object_kind::AnyKind;
use crate::progress::Reporter;
use crate::rejects::{self, Original, Rejects};
use crate::session::Session;
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use marketo_client::operations::{KeyBy, ObjectKind, ObjectSyncOptions};
use marketo_client::{Client, RecordOutcome, SyncAction};
use marketo_types::limits::MAX_RECORDS_PER_CALL;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use tokio::task::JoinSet;

/// Arguments of `mkto objects TYPE sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// CSV (header row of field names) or JSON Lines file; `-` reads stdin.
    file: String,
    /// Input format; by default from the file's extension (stdin: csv).
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// createOnly, updateOnly or createOrUpdate.
    #[arg(long, value_enum, default_value_t = Action::CreateOrUpdate)]
    action: Action,
    /// How records name the record they update: by the type's dedupe fields, or its id field.
    #[arg(long, value_enum, default_value_t = DedupeBy::DedupeFields)]
    dedupe_by: DedupeBy,
    /// Where records not synced go (default: beside the input, NAME.rejects.csv|jsonl).
    #[arg(long)]
    rejects: Option<PathBuf>,
    /// Checkpoint file (default: beside the input, NAME.state.json). Written before and after every batch.
    #[arg(long)]
    state: Option<PathBuf>,
    /// Continue an interrupted run from its checkpoint.
    #[arg(long)]
    resume: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "camelCase")]
enum Action {
    CreateOnly,
    UpdateOnly,
    CreateOrUpdate,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
#[value(rename_all = "camelCase")]
enum DedupeBy {
    DedupeFields,
    IdField,
}

/// A batch on its way: its lines, its records as read, and whether a resume sends it again.
struct Batch {
    seq: u64,
    lines: Vec<u64>,
    fields: Vec<Map<String, Value>>,
}

/// The run's state: checkpoint, rejects, what is replayed, why it stopped.
struct Run {
    cp: Checkpoint,
    state: PathBuf,
    rejects: Rejects,
    replay: HashSet<u64>,
    replayed: u64,
    stopped: Option<String>,
    file: String,
}

impl Run {
    fn save(&mut self) -> anyhow::Result<()> {
        self.cp.rejects_bytes = self.rejects.sync()?;
        self.cp.save(&self.state)
    }

    /// Take a batch's answers: each record into the counts or the rejects file and the done lines; a call
    /// that failed leaves its records to the next `--resume` (pending, its write-ahead record kept).
    fn record(
        &mut self,
        b: Batch,
        outcomes: Vec<RecordOutcome>,
        r: &Reporter,
    ) -> anyhow::Result<()> {
        let mut kept = Vec::new();
        for ((line, fields), o) in b.lines.iter().zip(b.fields).zip(&outcomes) {
            if self.replay.contains(line) {
                self.replayed += 1;
            }
            let c = &mut self.cp.counts;
            match o {
                RecordOutcome::Created { .. } => c.created += 1,
                RecordOutcome::Updated { .. } => c.updated += 1,
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
}

type Answer = (Batch, Vec<RecordOutcome>);

/// Send `b`: its write-ahead record first, then the call.
fn begin(
    run: &mut Run,
    tasks: &mut JoinSet<Answer>,
    client: &Client,
    kind: &AnyKind,
    options: ObjectSyncOptions,
    mut b: Batch,
) -> anyhow::Result<()> {
    b.seq = run.cp.next_seq;
    run.cp.next_seq += 1;
    run.cp.unsettled.push(Unsettled {
        seq: b.seq,
        lines: b.lines.clone(),
        values: vec![None; b.lines.len()],
        before: None,
        since: None,
        why: None,
    });
    run.save()?;
    let (client, kind) = (client.clone(), kind.clone());
    tasks.spawn(async move {
        let records = b.fields.clone();
        let n = records.len();
        let out = match client.objects(kind).sync(records, options).await {
            Ok(o) => o,
            Err(e) => (0..n)
                .map(|_| RecordOutcome::Failed { error: e.clone() })
                .collect(),
        };
        (b, out)
    });
    Ok(())
}

/// Run `mkto objects TYPE sync`.
pub fn sync(kind: AnyKind, a: SyncArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let format = InputFormat::resolve(a.input_format, &a.file)?;
    if a.file != "-" {
        crate::input::check_input(std::path::Path::new(&a.file))?;
        if format == InputFormat::Jsonl {
            crate::sniff::json_array(std::path::Path::new(&a.file))?;
        }
    }
    if a.file == "-" && a.resume && a.state.is_none() {
        bail!("--resume with stdin needs --state FILE, and the same input again");
    }
    let rows = Rows::open(&a.file, format)?;
    if let Some(h) = rows.header() {
        crate::sniff::delimiter(&a.file, h)?;
    }
    let options = ObjectSyncOptions {
        action: match a.action {
            Action::CreateOnly => SyncAction::CreateOnly,
            Action::UpdateOnly => SyncAction::UpdateOnly,
            Action::CreateOrUpdate => SyncAction::CreateOrUpdate,
        },
        dedupe_by: match a.dedupe_by {
            DedupeBy::DedupeFields => KeyBy::DedupeFields,
            DedupeBy::IdField => KeyBy::IdField,
        },
    };
    let key = RunKey {
        input: a.file.clone(),
        action: options.action.as_str().to_owned(),
        lookup_field: format!("{} by {}", kind.name(), options.dedupe_by.as_str()),
        partition: None,
    };
    let state = a
        .state
        .clone()
        .unwrap_or_else(|| checkpoint::default_path(&a.file));
    let cp = if a.resume {
        Checkpoint::load(&state, &key)?
    } else {
        if state.exists() {
            bail!(
                "{} holds the checkpoint of an unfinished run: add --resume to continue it, or delete it to \
                 start over",
                state.display()
            );
        }
        Checkpoint::new(key)
    };
    let path = a
        .rejects
        .clone()
        .unwrap_or_else(|| rejects::default_path(&a.file, format == InputFormat::Jsonl));
    let rejects = Rejects::open(&path, rows.header(), a.resume.then_some(cp.rejects_bytes))?;
    let mut run = Run {
        replay: cp.unsettled.iter().flat_map(|u| u.lines.clone()).collect(),
        cp,
        state,
        rejects,
        replayed: 0,
        stopped: None,
        file: a.file.clone(),
    };
    // Replayed batches are sent again from the input; what they left pending is counted anew.
    run.cp.counts.pending = 0;
    run.cp.unsettled.clear();
    let total = crate::commands::leads::sync::count_lines(&a.file, format);
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        crate::interrupt::install();
        let _graceful = crate::interrupt::graceful();
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let client = session.client.clone();
        let in_flight = client.usage_snapshot().concurrency_limit as usize + 2;
        let reporter = Reporter::new(total, Some(client.clone()), ctx.quiet());
        reporter.set_done(run.cp.done.len());
        let mut tasks: JoinSet<Answer> = JoinSet::new();
        let mut batch = Batch {
            seq: 0,
            lines: Vec::new(),
            fields: Vec::new(),
        };
        let result = async {
            for row in rows {
                let row = row.with_context(|| format!("reading {}", a.file))?;
                let line = row.line();
                if run.cp.done.contains(line) {
                    continue;
                }
                if run.stopped.is_some() || crate::interrupt::requested() {
                    run.cp.counts.pending += 1;
                    continue;
                }
                match row {
                    Row::Bad {
                        line,
                        reason,
                        original,
                    } => {
                        reporter.problem(&a.file, line, &reason);
                        run.cp.counts.skip("input", &reason);
                        run.rejects
                            .write(line, "input", &reason, &Original::Raw(original))?;
                        run.cp.done.insert(line);
                    }
                    Row::Record { line, fields } => {
                        batch.lines.push(line);
                        batch.fields.push(fields);
                    }
                }
                if batch.lines.len() == MAX_RECORDS_PER_CALL {
                    while tasks.len() >= in_flight {
                        let (b, o) = tasks.join_next().await.context("a sync task")??;
                        run.record(b, o, &reporter)?;
                    }
                    let full = std::mem::replace(
                        &mut batch,
                        Batch {
                            seq: 0,
                            lines: Vec::new(),
                            fields: Vec::new(),
                        },
                    );
                    begin(&mut run, &mut tasks, &client, &kind, options, full)?;
                }
            }
            if !batch.lines.is_empty() {
                if run.stopped.is_some() || crate::interrupt::requested() {
                    run.cp.counts.pending += batch.lines.len() as u64;
                } else {
                    begin(&mut run, &mut tasks, &client, &kind, options, batch)?;
                }
            }
            while let Some(next) = tasks.join_next().await {
                let (b, o) = next.context("a sync task")?;
                run.record(b, o, &reporter)?;
            }
            anyhow::Ok(())
        }
        .await;
        reporter.finish();
        run.cp.counts.calls += client.usage_snapshot().calls_sent;
        session.close().await;
        result?;
        finish(run, &kind, &path, ctx)
    })
}

/// The summary, the checkpoint kept or removed, the exit status.
fn finish(
    mut run: Run,
    kind: &AnyKind,
    path: &std::path::Path,
    ctx: &Ctx,
) -> anyhow::Result<ExitCode> {
    let interrupted = crate::interrupt::requested();
    let c = run.cp.counts.clone();
    let pending = c.pending;
    if pending == 0 {
        let _ = std::fs::remove_file(&run.state);
    } else {
        run.save()?;
    }
    let skipped = c.skipped_total();
    if skipped == 0 && pending == 0 {
        let _ = std::fs::remove_file(path);
    }
    let read = run.cp.done.len() + pending;
    let summary = json!({
        "type": kind.name(), "read": read, "created": c.created, "updated": c.updated, "skipped": skipped,
        "skipped_by_reason": c.skipped, "failed": 0, "pending": pending, "replayed": run.replayed,
        "calls": c.calls, "rejects_file": path.display().to_string(),
        "state_file": (pending > 0).then(|| run.state.display().to_string()),
        "stopped": run.stopped,
    });
    let mut people = format!(
        "created  {}\nupdated  {}\nskipped  {skipped}\n",
        c.created, c.updated
    );
    for (code, n) in &c.skipped {
        let why = c.first_reason.get(code).map(String::as_str).unwrap_or("");
        people += &format!("  {code:<6} {n:>8}  {why}\n");
    }
    people += &format!("pending  {pending}\n");
    if run.replayed > 0 {
        people += &format!(
            "replayed {}  (sent again from the interrupted run)\n",
            run.replayed
        );
    }
    people += &format!("calls    {}\n", c.calls);
    if skipped > 0 {
        people += &format!("rejects  {}\n", path.display());
    }
    crate::output::summary(ctx.format(), &summary, &people)?;
    if let Some(why) = &run.stopped {
        eprintln!("mkto: stopped: {why}");
    }
    if pending > 0 {
        eprintln!(
            "mkto: {pending} records not sent or not answered; run the same command with --resume to send them \
             (checkpoint: {})",
            run.state.display()
        );
    }
    let nothing = c.created + c.updated == 0 && read > 0;
    if nothing && pending == 0 {
        eprintln!(
            "mkto: nothing was created or updated: all {read} rows were rejected (see {})",
            path.display()
        );
    }
    Ok(if interrupted {
        ExitCode::from(crate::interrupt::EXIT_STATUS)
    } else if pending > 0 || nothing {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
