//! `mkto objects TYPE sync FILE` (and `mkto companies sync FILE`, ...): the type's Sync Records operation on
//! the resumable record run ([`crate::record_run`]): streamed in batches of 300, progress, rejects, a
//! checkpoint before and after every batch, `--resume`.

use crate::checkpoint::RunKey;
use crate::global::Ctx;
use crate::object_kind::AnyKind;
use crate::record_run::{self, RunArgs, Writer};
use anyhow::bail;
use clap::{Args, ValueEnum};
use marketo_client::operations::{KeyBy, ObjectKind, ObjectSyncOptions};
use marketo_client::{RecordOutcome, SyncAction};
use serde_json::{json, Map};
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `mkto objects TYPE sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// CSV (header row of field names) or JSON Lines file; `-` reads stdin.
    file: String,
    /// createOnly, updateOnly or createOrUpdate.
    #[arg(long, value_enum, default_value_t = Action::CreateOrUpdate)]
    action: Action,
    /// How records name the record they update: by the type's dedupe fields, or its id field.
    #[arg(long, value_enum, default_value_t = DedupeBy::DedupeFields)]
    dedupe_by: DedupeBy,
    #[command(flatten)]
    run: RunArgs,
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
    let prepared = record_run::start(&a.file, key, &a.run)?;
    let head = Map::from_iter([("type".to_owned(), json!(kind.name()))]);
    let writer = Writer {
        check: record_run::no_check(),
        sender: Box::new(move |client| {
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
        }),
        prepare: Box::new(Ok),
        head,
    };
    prepared.execute(writer, ctx)
}
