//! `mkto objects TYPE sync FILE` (and `mkto companies sync FILE`, ...): the type's Sync Records operation on
//! the resumable record run ([`crate::record_run`]): streamed in batches of 300, progress, rejects, a
//! checkpoint before and after every batch, `--resume`.

use crate::checkpoint::{self, RunKey};
use crate::global::Ctx;
use crate::input::{InputFormat, Rows};
use crate::object_kind::AnyKind;
use crate::progress::Reporter;
use crate::record_run::{Run, Sender};
use crate::rejects;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use marketo_client::operations::{KeyBy, ObjectKind, ObjectSyncOptions};
use marketo_client::{RecordOutcome, SyncAction};
use serde_json::{json, Map};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

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
    if !kind.sync_actions().contains(&options.action) {
        let allowed: Vec<&str> = kind.sync_actions().iter().map(|a| a.as_str()).collect();
        bail!(
            "{} takes --action {} only (not {})",
            kind.name(),
            allowed.join(" or "),
            options.action.as_str()
        );
    }
    let key = RunKey {
        input: a.file.clone(),
        action: options.action.as_str().to_owned(),
        lookup_field: format!("{} by {}", kind.name(), options.dedupe_by.as_str()),
        partition: None,
    };
    let mut run = Run::open(
        &a.file,
        key,
        a.state
            .clone()
            .unwrap_or_else(|| checkpoint::default_path(&a.file)),
        a.resume,
        a.rejects
            .clone()
            .unwrap_or_else(|| rejects::default_path(&a.file, format == InputFormat::Jsonl)),
        rows.header(),
    )?;
    let total = crate::commands::leads::sync::count_lines(&a.file, format);
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        crate::interrupt::install();
        let _graceful = crate::interrupt::graceful();
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let client = session.client.clone();
        let reporter = Reporter::new(total, Some(client.clone()), ctx.quiet());
        let send: Sender = {
            let (client, kind) = (client.clone(), kind.clone());
            Arc::new(move |records| {
                let (client, kind) = (client.clone(), kind.clone());
                Box::pin(async move {
                    let n = records.len();
                    match client.objects(kind).sync(records, options).await {
                        Ok(o) => o,
                        Err(e) => (0..n)
                            .map(|_| RecordOutcome::Failed { error: e.clone() })
                            .collect(),
                    }
                })
            })
        };
        let result = run.drive(rows, &client, &reporter, &send, &|r| Ok(r)).await;
        reporter.finish();
        let calls = client.usage_snapshot().calls_sent;
        session.close().await;
        result?;
        let head = Map::from_iter([("type".to_owned(), json!(kind.name()))]);
        run.finish(calls, head, ctx)
    })
}
