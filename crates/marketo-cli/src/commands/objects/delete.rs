//! `mkto objects TYPE delete IDS-or-FILE`.

use crate::global::Ctx;
use crate::object_kind::AnyKind;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use marketo_client::operations::{IdKind, ObjectKind};
use serde_json::{Map, Value};
use std::process::ExitCode;

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
