//! `mkto objects TYPE sync FILE` and `mkto objects TYPE delete IDS-or-FILE`.

use crate::global::Ctx;
use crate::input::{InputFormat, Row, Rows};
use crate::object_kind::AnyKind;
use crate::rejects::{self, Original, Rejects};
use crate::session::Session;
use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use marketo_client::operations::{IdKind, KeyBy, ObjectKind, ObjectSyncOptions};
use marketo_client::{RecordOutcome, SyncAction};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

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
    let rows = Rows::open(&a.file, format)?;
    if let Some(h) = rows.header() {
        crate::sniff::delimiter(&a.file, h)?;
    }
    let path = a
        .rejects
        .clone()
        .unwrap_or_else(|| rejects::default_path(&a.file, format == InputFormat::Jsonl));
    let mut rejects = Rejects::open(&path, rows.header(), None)?;
    let mut counts = BTreeMap::<String, u64>::new();
    let mut records = Vec::new();
    let mut read = 0u64;
    for row in rows {
        read += 1;
        match row.with_context(|| format!("reading {}", a.file))? {
            Row::Bad {
                line,
                reason,
                original,
            } => {
                eprintln!("{}:{line}: {reason}", a.file);
                *counts.entry("input".into()).or_default() += 1;
                rejects.write(line, "input", &reason, &Original::Raw(original))?;
            }
            Row::Record { line, fields } => records.push((line, fields)),
        }
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
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let (outcomes, calls) = rt.block_on(async {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let sent = records.iter().map(|(_, r)| r.clone()).collect();
        let out = session
            .client
            .objects(kind.clone())
            .sync(sent, options)
            .await;
        let calls = session.client.usage_snapshot().calls_sent;
        session.close().await;
        anyhow::Ok((out.with_context(|| format!("Sync {}", kind.name()))?, calls))
    })?;
    let (mut created, mut updated, mut failed) = (0u64, 0u64, 0u64);
    for ((line, fields), o) in records.into_iter().zip(&outcomes) {
        match o {
            RecordOutcome::Created { .. } => created += 1,
            RecordOutcome::Updated { .. } => updated += 1,
            RecordOutcome::Skipped { reasons, .. } => {
                let code = reasons
                    .first()
                    .map_or_else(|| "skipped".into(), |r| r.code.to_string());
                let why = reasons
                    .first()
                    .map_or_else(String::new, |r| r.message.clone());
                *counts.entry(code.clone()).or_default() += 1;
                rejects.write(line, &code, &why, &Original::Fields(fields))?;
            }
            other => {
                failed += 1;
                let why = other
                    .error()
                    .map_or_else(|| other.status().to_owned(), ToString::to_string);
                rejects.write(line, "failed", &why, &Original::Fields(fields))?;
            }
        }
    }
    rejects.sync()?;
    let skipped: u64 = counts.values().sum();
    if skipped + failed == 0 {
        let _ = std::fs::remove_file(&path);
    }
    let summary = json!({
        "type": kind.name(), "read": read, "created": created, "updated": updated, "skipped": skipped,
        "skipped_by_reason": counts, "failed": failed, "calls": calls,
        "rejects_file": path.display().to_string(),
    });
    let mut people = format!("created  {created}\nupdated  {updated}\nskipped  {skipped}\n");
    for (code, n) in &counts {
        people += &format!("  {code:<6} {n:>8}\n");
    }
    people += &format!("failed   {failed}\ncalls    {calls}\n");
    if skipped + failed > 0 {
        people += &format!("rejects  {}\n", path.display());
    }
    crate::output::summary(ctx.format(), &summary, &people)?;
    let nothing = created + updated == 0;
    if nothing && failed == 0 {
        eprintln!(
            "mkto: nothing was created or updated: all {read} rows were rejected (see {})",
            path.display()
        );
    }
    Ok(if failed > 0 || nothing {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Arguments of `mkto objects TYPE delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Ids (`id` or `marketoGUID`, as the type has), comma-separated, or a file with one per line; `-` reads
    /// stdin.
    ids: String,
    /// Delete without asking (needed when stdin is not a terminal).
    #[arg(long, short)]
    yes: bool,
    /// Say what would be deleted; send nothing.
    #[arg(long)]
    dry_run: bool,
}

fn parse_ids(arg: &str, id_kind: IdKind) -> anyhow::Result<Vec<Value>> {
    let text = if arg == "-" || std::path::Path::new(arg).is_file() {
        crate::ids::read_text(arg)?
    } else {
        arg.replace(',', "\n")
    };
    let field = id_kind.field();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let v = line.trim().trim_start_matches('\u{feff}');
        if v.is_empty() || (i == 0 && v.eq_ignore_ascii_case(field)) {
            continue;
        }
        if v.contains(',') {
            bail!(
                "{arg}:{}: {v:?}: one {field} a line (a data file? give its {field} column alone)",
                i + 1
            );
        }
        out.push(match id_kind {
            IdKind::Integer => match v.parse::<i64>() {
                Ok(n) if n > 0 => Value::from(n),
                _ => bail!("{v:?} (line {} of {arg}) is not an {field}", i + 1),
            },
            IdKind::Guid => Value::from(v),
        });
    }
    if out.is_empty() {
        bail!("no ids given");
    }
    Ok(out)
}

/// Run `mkto objects TYPE delete`.
pub fn delete(kind: AnyKind, a: DeleteArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let ids = parse_ids(&a.ids, kind.id_kind())?;
    let keys: Vec<String> = ids.iter().map(|v| crate::output::cell(Some(v))).collect();
    if a.dry_run {
        let rows: Vec<Map<String, Value>> = keys
            .iter()
            .map(|k| {
                Map::from_iter([
                    ("id".to_owned(), Value::from(k.as_str())),
                    ("status".to_owned(), "would delete".into()),
                ])
            })
            .collect();
        crate::output::records(ctx.format(), &["id", "status"], &rows)?;
        eprintln!(
            "mkto: dry run: {} {} records would be deleted; nothing was sent",
            ids.len(),
            kind.name()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let what = format!("delete {} {} records", ids.len(), kind.name());
    if !crate::confirm::confirm(&what, a.yes, a.ids == "-", &ctx.connect)? {
        eprintln!("mkto: nothing deleted");
        return Ok(ExitCode::from(crate::EXIT_USAGE));
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let out = session.client.objects(kind.clone()).delete_by_id(ids).await;
        session.close().await;
        let outcomes = out.with_context(|| format!("Delete {}", kind.name()))?;
        crate::outcome_report::report_keys(ctx, &keys, &outcomes, "record")
    })
}
