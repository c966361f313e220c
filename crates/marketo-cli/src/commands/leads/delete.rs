//! `mkto leads delete IDS-or-FILE`: deletes are confirmed. On a terminal `mkto` asks, with the count and the
//! instance; without one (a script, a pipe, ids from stdin) it refuses unless `--yes` is given. `--dry-run`
//! says what would be deleted and sends nothing. A CSV with more columns than ids (an export file, say) is
//! refused unless `--column` names the column of ids.

use crate::global::Ctx;
use crate::ids::Columns;
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `mkto leads delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Lead ids, comma-separated, or a file with one id per line (or a one-column CSV `id`); `-` reads them
    /// from stdin.
    ids: String,
    /// Delete without asking (needed when stdin is not a terminal).
    #[arg(long, short)]
    yes: bool,
    /// Say what would be deleted; send nothing.
    #[arg(long)]
    dry_run: bool,
    /// The CSV column holding the ids to delete, for a file with other columns too.
    #[arg(long)]
    column: Option<String>,
}

/// Run `mkto leads delete`.
pub fn run(a: DeleteArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let ids = crate::ids::parse_with(&a.ids, Columns::Named(a.column.as_deref()))?;
    let leads = if ids.len() == 1 { "lead" } else { "leads" };
    if a.dry_run {
        let rows: Vec<_> = ids
            .iter()
            .map(|id| {
                let v = serde_json::json!({"id": id, "status": "would delete"});
                v.as_object().cloned().unwrap_or_default()
            })
            .collect();
        crate::output::records(ctx.format(), &["id", "status"], &rows)?;
        eprintln!(
            "mkto: dry run: {} {leads} would be deleted; nothing was sent",
            ids.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let what = format!("delete {} {leads}", ids.len());
    if !crate::confirm::confirm(&what, a.yes, a.ids == "-", &ctx.connect)? {
        eprintln!("mkto: nothing deleted");
        return Ok(ExitCode::from(crate::EXIT_USAGE));
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let outcomes = session.client.leads().delete(&ids).await;
        session.close().await;
        let outcomes = outcomes.context("Delete Leads")?;
        crate::outcome_report::report(ctx, &ids, &outcomes, "lead")
    })
}
