//! `mkto lists list` (static lists by id, name, program, workspace) and `mkto lists add|remove|check LIST_ID
//! IDS-or-FILE` (membership).

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
    /// The static lists, all or by id, name, program or workspace.
    List(ListFilterArgs),
    /// Add leads to a static list.
    Add(Target),
    /// Remove leads from a static list.
    Remove(Target),
    /// Check which leads are members of a static list.
    Check(Target),
}

#[derive(Debug, Args)]
struct Target {
    /// The static list: its id or its name.
    list: String,
    /// Lead ids, comma-separated, or a file with one id per line (or a CSV with an `id` column); `-` reads
    /// them from stdin.
    ids: String,
}

/// Filters of `mkto lists list`; each takes comma-separated values, all given must match.
#[derive(Debug, Args)]
struct ListFilterArgs {
    /// List ids.
    #[arg(long, value_delimiter = ',')]
    id: Vec<i64>,
    /// List names (exact).
    #[arg(long, value_delimiter = ',')]
    name: Vec<String>,
    /// Names of the programs the lists are in.
    #[arg(long, value_delimiter = ',')]
    program: Vec<String>,
    /// Names of the workspaces the lists are in.
    #[arg(long, value_delimiter = ',')]
    workspace: Vec<String>,
}

const LIST_COLUMNS: &[&str] = &[
    "id",
    "name",
    "programName",
    "workspaceName",
    "createdAt",
    "updatedAt",
];

fn list(f: &ListFilterArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    use futures::TryStreamExt;
    let filter = marketo_client::endpoints::ListFilter {
        ids: f.id.clone(),
        names: f.name.clone(),
        programs: f.program.clone(),
        workspaces: f.workspace.clone(),
    };
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async {
        let session = Session::open_reading(&ctx.connect, ctx.quiet()).await?;
        let lists: Result<Vec<_>, _> = session.client.lists().find(&filter).try_collect().await;
        session.close().await;
        let lists = lists.context("Get Lists")?;
        crate::output::records(ctx.format(), LIST_COLUMNS, &crate::output::to_rows(&lists))?;
        if !ctx.quiet() {
            eprintln!("mkto: {} static lists", lists.len());
        }
        Ok(ExitCode::SUCCESS)
    })
}

#[derive(Clone, Copy)]
enum Membership {
    Add,
    Remove,
    Check,
}

/// Run `mkto lists`.
pub fn run(a: ListsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let (t, op) = match &a.action {
        ListsAction::List(f) => return list(f, ctx),
        ListsAction::Add(t) => (t, Membership::Add),
        ListsAction::Remove(t) => (t, Membership::Remove),
        ListsAction::Check(t) => (t, Membership::Check),
    };
    let ids = crate::ids::parse(&t.ids)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let result = async {
            let list_id = crate::list_ref::resolve(&session.client, &t.list).await?;
            let lists = session.client.lists();
            let outcomes = match op {
                Membership::Add => lists.add(list_id, &ids).await,
                Membership::Remove => lists.remove(list_id, &ids).await,
                Membership::Check => lists.is_member(list_id, &ids).await,
            };
            outcomes.with_context(|| format!("list {}", t.list))
        }
        .await;
        session.close().await;
        let outcomes = result?;
        crate::outcome_report::report(ctx, &ids, &outcomes, "lead")
    })
}
