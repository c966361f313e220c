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

mod engine;
mod summary;

use crate::checkpoint::{self, RunKey};
use crate::global::Ctx;
use crate::input::{InputFormat, Rows};
use crate::progress::Reporter;
use crate::rejects;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use engine::Run;
use futures::future::BoxFuture;
use marketo_client::{Client, RecordOutcome};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

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
    let total = crate::input::count_rows(file, format);
    Ok(Prepared { run, rows, total })
}

/// How a command writes its records: a check once connected, the sender, what each record is sent as, and
/// the summary's first members.
pub struct Writer {
    /// Checks to make once connected, before anything is sent (an error stops the run).
    pub check: Check,
    /// Makes the sender from the connected client.
    pub sender: Box<dyn FnOnce(Client) -> Sender>,
    /// What a record is sent as, or why it cannot be.
    pub prepare: Prepare,
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
                .drive(rows, &client, &reporter, &send, &*w.prepare, &session.wire)
                .await;
            reporter.finish();
            let calls = client.usage_snapshot().calls_sent;
            session.close().await;
            result?;
            run.finish(calls, w.head, ctx)
        })
    }
}

/// A check made once connected, before anything is sent.
pub type Check = Box<dyn FnOnce(Client) -> BoxFuture<'static, anyhow::Result<()>>>;

/// What a record read is sent as, or why it cannot be sent.
pub type Prepare = Box<dyn Fn(Map<String, Value>) -> Result<Map<String, Value>, String>>;

/// No check before sending.
pub fn no_check() -> Check {
    Box::new(|_| Box::pin(async { Ok(()) }))
}

/// Sends one batch of records: one outcome per record, in order (a call that failed: `Failed` for each).
pub type Sender =
    Arc<dyn Fn(Vec<Map<String, Value>>) -> BoxFuture<'static, Vec<RecordOutcome>> + Send + Sync>;
