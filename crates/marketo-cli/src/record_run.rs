//! A keyed record write of a whole file, resumable: the input streamed in batches of 300 records, up to the
//! client's concurrency in flight, every record answered into the counts or the rejects file, with progress
//! and a checkpoint (`NAME.state.json`) written before each batch is sent and after it is answered, so
//! `--resume` continues an interrupted run without losing a record. `mkto objects TYPE sync` and
//! `mkto members sync` run on it; what a batch is sent as is theirs (a [`Sender`]).
//!
//! A batch in flight when the run stopped (a kill, Ctrl-C, a call that failed after its retries) is sent again
//! by `--resume`. The writes that run here key their records (by dedupe fields, an id field, a lead id), so a
//! replay writes the same values again and doubles nothing. What a replay cannot tell is who made a change the
//! interrupted run may have made: a create answers `updated` (or "already exists"), a status answers "already
//! in this status". The summary counts such records as `replayed`, beside their answer.

use crate::checkpoint::{self, Checkpoint, RunKey, Unsettled};
use crate::global::Ctx;
use crate::input::{InputFormat, Row, Rows};
use crate::progress::Reporter;
use crate::rejects::{self, Original, Rejects};
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use futures::future::BoxFuture;
use marketo_client::{Client, RecordOutcome};
use marketo_types::limits::MAX_RECORDS_PER_CALL;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use tokio::task::JoinSet;

/// The options of every resumable record run: the input's format, the rejects file, the checkpoint.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Input format; by default from the file's extension (stdin: csv).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Where records not written go (default: beside the input, NAME.rejects.csv|jsonl).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
    /// Checkpoint file (default: beside the input, NAME.state.json). Written before and after every batch.
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Continue an interrupted run from its checkpoint.
    #[arg(long)]
    pub resume: bool,
}

/// A run ready to go: its state, its input, and the input's length for the progress bar.
pub struct Prepared {
    run: Run,
    rows: Rows,
    total: Option<u64>,
}

/// Open the input `file` and the run's checkpoint and rejects file, checking what can be checked before
/// connecting (the file, its format, a checkpoint of another run).
pub fn start(file: &str, key: RunKey, a: &RunArgs) -> anyhow::Result<Prepared> {
    let format = InputFormat::resolve(a.input_format, file)?;
    if file != "-" {
        crate::input::check_input(Path::new(file))?;
        if format == InputFormat::Jsonl {
            crate::sniff::json_array(Path::new(file))?;
        }
    }
    if file == "-" && a.resume && a.state.is_none() {
        bail!("--resume with stdin needs --state FILE, and the same input again");
    }
    let rows = Rows::open(file, format)?;
    if let Some(h) = rows.header() {
        crate::sniff::delimiter(file, h)?;
    }
    let run = Run::open(
        file,
        key,
        a.state
            .clone()
            .unwrap_or_else(|| checkpoint::default_path(file)),
        a.resume,
        a.rejects
            .clone()
            .unwrap_or_else(|| rejects::default_path(file, format == InputFormat::Jsonl)),
        rows.header(),
    )?;
    let total = crate::commands::leads::sync::count_lines(file, format);
    Ok(Prepared { run, rows, total })
}

/// How a command writes its records: a check once connected, the sender, what each record is sent as, and
/// the summary's first members.
pub struct Writer {
    /// Checks to make once connected, before anything is sent (an error stops the run).
    pub check: Box<dyn FnOnce(Client) -> BoxFuture<'static, anyhow::Result<()>>>,
    /// Makes the sender from the connected client.
    pub sender: Box<dyn FnOnce(Client) -> Sender>,
    /// What a record is sent as, or why it cannot be.
    pub prepare: Box<dyn Fn(Map<String, Value>) -> Result<Map<String, Value>, String>>,
    /// The summary's first members (`type`, `program`, ...).
    pub head: Map<String, Value>,
}

impl Prepared {
    /// Connect, run every record through `w`, print the summary and say the exit status.
    pub fn execute(self, w: Writer, ctx: &Ctx) -> anyhow::Result<ExitCode> {
        let Prepared {
            mut run,
            rows,
            total,
        } = self;
        let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
        rt.block_on(async move {
            crate::interrupt::install();
            let _graceful = crate::interrupt::graceful();
            let session = Session::open(&ctx.connect, ctx.quiet()).await?;
            let client = session.client.clone();
            if let Err(e) = (w.check)(client.clone()).await {
                session.close().await;
                return Err(e);
            }
            let reporter = Reporter::new(total, Some(client.clone()), ctx.quiet());
            let send = (w.sender)(client.clone());
            let result = run
                .drive(rows, &client, &reporter, &send, &*w.prepare)
                .await;
            reporter.finish();
            let calls = client.usage_snapshot().calls_sent;
            session.close().await;
            result?;
            run.finish(calls, w.head, ctx)
        })
    }
}

/// No check before sending.
pub fn no_check() -> Box<dyn FnOnce(Client) -> BoxFuture<'static, anyhow::Result<()>>> {
    Box::new(|_| Box::pin(async { Ok(()) }))
}

/// Sends one batch of records: one outcome per record, in order (a call that failed: `Failed` for each).
pub type Sender =
    Arc<dyn Fn(Vec<Map<String, Value>>) -> BoxFuture<'static, Vec<RecordOutcome>> + Send + Sync>;

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
struct Run {
    cp: Checkpoint,
    state: PathBuf,
    rejects: Rejects,
    rejects_path: PathBuf,
    replay: HashSet<u64>,
    replayed: u64,
    stopped: Option<String>,
    file: String,
}

impl Run {
    /// Start a run of `file` (the checkpoint at `state` when `resume`, else a new one; a checkpoint left by
    /// another run is refused unless resumed).
    fn open(
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

    fn save(&mut self) -> anyhow::Result<()> {
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
    fn begin(
        &mut self,
        tasks: &mut JoinSet<(Batch, Vec<RecordOutcome>)>,
        send: &Sender,
        mut b: Batch,
    ) -> anyhow::Result<()> {
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
        tasks.spawn(async move { (b, call.await) });
        Ok(())
    }

    fn stopping(&self) -> bool {
        self.stopped.is_some() || crate::interrupt::requested()
    }

    /// Read `rows` and send their records through `send`, `prepare` turning each record into what is sent
    /// (or refusing it: then it goes to the rejects file with the reason, code `input`).
    async fn drive(
        &mut self,
        rows: Rows,
        client: &Client,
        reporter: &Reporter,
        send: &Sender,
        prepare: &dyn Fn(Map<String, Value>) -> Result<Map<String, Value>, String>,
    ) -> anyhow::Result<()> {
        let in_flight = client.usage_snapshot().concurrency_limit as usize + 2;
        reporter.set_done(self.cp.done.len());
        let mut tasks: JoinSet<(Batch, Vec<RecordOutcome>)> = JoinSet::new();
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
                while tasks.len() >= in_flight {
                    let (b, o) = tasks.join_next().await.context("a sync task")??;
                    self.record(b, &o, reporter)?;
                }
                let full = std::mem::replace(&mut batch, Batch::empty());
                self.begin(&mut tasks, send, full)?;
            }
        }
        if !batch.lines.is_empty() {
            if self.stopping() {
                self.cp.counts.pending += batch.lines.len() as u64;
            } else {
                self.begin(&mut tasks, send, batch)?;
            }
        }
        while let Some(next) = tasks.join_next().await {
            let (b, o) = next.context("a sync task")?;
            self.record(b, &o, reporter)?;
        }
        Ok(())
    }

    /// Print the summary (with `head`'s members first), keep or remove the checkpoint, and say the exit
    /// status: 130 after Ctrl-C, 2 with records pending or nothing written, else 0.
    pub fn finish(
        mut self,
        calls: u64,
        head: Map<String, Value>,
        ctx: &Ctx,
    ) -> anyhow::Result<ExitCode> {
        let interrupted = crate::interrupt::requested();
        self.cp.counts.calls += calls;
        let c = self.cp.counts.clone();
        let pending = c.pending;
        if pending == 0 {
            let _ = std::fs::remove_file(&self.state);
        } else {
            self.save()?;
        }
        let skipped = c.skipped_total();
        let path: &Path = &self.rejects_path;
        if skipped == 0 && pending == 0 {
            let _ = std::fs::remove_file(path);
        }
        let read = self.cp.done.len() + pending;
        let mut summary = head;
        let body = json!({
            "read": read, "created": c.created, "updated": c.updated, "skipped": skipped,
            "skipped_by_reason": c.skipped, "pending": pending, "replayed": self.replayed,
            "calls": c.calls, "rejects_file": path.display().to_string(),
            "state_file": (pending > 0).then(|| self.state.display().to_string()),
            "stopped": self.stopped,
        });
        if let Value::Object(m) = body {
            summary.extend(m);
        }
        let mut people = format!(
            "created  {}\nupdated  {}\nskipped  {skipped}\n",
            c.created, c.updated
        );
        for (code, n) in &c.skipped {
            let why = c.first_reason.get(code).map(String::as_str).unwrap_or("");
            people += &format!("  {code:<6} {n:>8}  {why}\n");
        }
        people += &format!("pending  {pending}\n");
        if self.replayed > 0 {
            people += &format!(
                "replayed {}  (sent again from the interrupted run)\n",
                self.replayed
            );
        }
        people += &format!("calls    {}\n", c.calls);
        if skipped > 0 {
            people += &format!("rejects  {}\n", path.display());
        }
        crate::output::summary(ctx.format(), &Value::Object(summary), &people)?;
        if let Some(why) = &self.stopped {
            eprintln!("mkto: stopped: {why}");
        }
        if pending > 0 {
            eprintln!(
                "mkto: {pending} records not sent or not answered; run the same command with --resume to send \
                 them (checkpoint: {})",
                self.state.display()
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
}
