//! `mkto lists add|remove|check LIST_ID IDS-or-FILE`: static list membership.

use crate::global::Ctx;
use crate::session::Session;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto lists`.
#[derive(Debug, Args)]
pub struct ListsArgs {
    #[command(subcommand)]
    action: ListsAction,
}

#[derive(Debug, Subcommand)]
enum ListsAction {
    /// Add leads to a static list.
    Add(Target),
    /// Remove leads from a static list.
    Remove(Target),
    /// Check which leads are members of a static list.
    Check(Target),
}

#[derive(Debug, Args)]
struct Target {
    /// The static list's id.
    list_id: i64,
    /// Lead ids, comma-separated, or a file with one id per line (or a CSV with an `id` column); `-` reads
    /// them from stdin.
    ids: String,
}

/// Run `mkto lists`.
pub fn run(a: ListsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let t = match &a.action {
        ListsAction::Add(t) | ListsAction::Remove(t) | ListsAction::Check(t) => t,
    };
    let ids = crate::ids::parse(&t.ids)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let lists = session.client.lists();
        let outcomes = match &a.action {
            ListsAction::Add(_) => lists.add(t.list_id, &ids).await,
            ListsAction::Remove(_) => lists.remove(t.list_id, &ids).await,
            ListsAction::Check(_) => lists.is_member(t.list_id, &ids).await,
        };
        session.close().await;
        let outcomes = outcomes.with_context(|| format!("list {}", t.list_id))?;
        crate::outcome_report::report(ctx, &ids, &outcomes, "lead")
    })
}
