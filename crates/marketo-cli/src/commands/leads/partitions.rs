//! `mkto leads partitions list` and `mkto leads partitions move --to NAME IDS-or-FILE`: the lead partitions,
//! and moving leads between them (one outcome per lead: `updated`, or skipped with 1004 lead not found, 1008
//! a partition the API user may not use, 1009 ...).

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto leads partitions`.
#[derive(Debug, Args)]
pub struct PartitionsArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// The lead partitions of the instance.
    List,
    /// Move leads to a partition.
    Move {
        /// The partition's name.
        #[arg(long)]
        to: String,
        /// Lead ids, comma-separated, or a file with one id per line (or a CSV with an `id` column); `-` reads
        /// them from stdin.
        ids: String,
    },
}

/// Run `mkto leads partitions`.
pub fn run(a: PartitionsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let ids = match &a.action {
        Action::Move { ids, .. } => Some(crate::ids::parse(ids)?),
        Action::List => None,
    };
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let leads = session.client.leads();
        let code = match (&a.action, ids) {
            (Action::Move { to, .. }, Some(ids)) => {
                let moves: Vec<(i64, &str)> = ids.iter().map(|id| (*id, to.as_str())).collect();
                let outcomes = leads.move_to_partitions(&moves).await;
                crate::outcome_report::report(
                    ctx,
                    &ids,
                    &outcomes.context("Update Lead Partition")?,
                    "lead",
                )
            }
            _ => match leads.partitions().await.context("Get Lead Partitions") {
                Ok(parts) => {
                    let rows = crate::output::to_rows(&parts);
                    crate::output::records(ctx.format(), &["id", "name", "description"], &rows)?;
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => Err(e),
            },
        };
        session.close().await;
        code
    })
}
