//! The Asset API commands: `mkto folders`, `mkto programs`, `mkto tokens`, `mkto campaigns` and `mkto snippets`,
//! one file each, over the client's [`Assets`](marketo_client::endpoints::assets::Assets) handle. They print
//! the API's own records in every `--format`; a folder, program or snippet that does not exist is an error
//! (exit 1), and so is an answer such as 709 (the rule it breaks is in Marketo's message).

pub mod campaign_runs;
pub mod campaigns;
pub mod folders;
pub mod programs;
pub mod snippets;
pub mod tokens;

use crate::global::Ctx;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use marketo_client::Client;
use marketo_types::asset::FolderId;
use serde::Serialize;
use std::future::Future;

/// `--folder ID` or `--program ID`: the folder or program an asset is in, or goes in.
#[derive(Debug, Clone, Default, Args)]
pub struct Place {
    /// A folder's id.
    #[arg(long, value_name = "ID", conflicts_with = "program")]
    folder: Option<i64>,
    /// A program's id.
    #[arg(long, value_name = "ID")]
    program: Option<i64>,
}

impl Place {
    /// The folder or program given, if one was.
    pub fn given(&self) -> Option<FolderId> {
        self.folder
            .map(FolderId::folder)
            .or(self.program.map(FolderId::program))
    }

    /// The folder or program given: an error when neither was.
    pub fn required(&self) -> anyhow::Result<FolderId> {
        match self.given() {
            Some(id) => Ok(id),
            None => bail!("say which folder or program: --folder ID or --program ID"),
        }
    }
}

/// `approved` or `draft`: which version of an approvable asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusArg {
    /// The approved (live) version.
    Approved,
    /// The draft.
    Draft,
}

impl From<StatusArg> for marketo_client::endpoints::assets::VersionStatus {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Approved => Self::Approved,
            StatusArg::Draft => Self::Draft,
        }
    }
}

/// Run `f` with a connected client (for a command that `writes`, or only reads), closing the session after.
pub fn call<T, F, Fut>(ctx: &Ctx, writes: bool, f: F) -> anyhow::Result<T>
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = anyhow::Result<T>>,
{
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async {
        let session = if writes {
            Session::open(&ctx.connect, ctx.quiet()).await?
        } else {
            Session::open_reading(&ctx.connect, ctx.quiet()).await?
        };
        let out = f(session.client.clone()).await;
        session.close().await;
        out
    })
}

/// Print `items` (table and CSV show `columns`; JSON every key), then their count on stderr as `what`.
pub fn print<T: Serialize>(
    ctx: &Ctx,
    columns: &[&str],
    items: &[T],
    what: &str,
) -> anyhow::Result<()> {
    crate::output::records(ctx.format(), columns, &crate::output::to_rows(items))?;
    if !ctx.quiet() {
        eprintln!("mkto: {} {what}", items.len());
    }
    Ok(())
}

/// What an operation on one asset did, as a record: `{"id": 5, "status": "deleted"}`.
#[derive(Debug, Serialize)]
pub struct Done {
    /// The asset's id.
    pub id: i64,
    /// What happened to it.
    pub status: &'static str,
}

/// Print that `id` was `status`.
pub fn done(ctx: &Ctx, id: i64, status: &'static str, what: &str) -> anyhow::Result<()> {
    crate::output::records(
        ctx.format(),
        &["id", "status"],
        &crate::output::to_rows(&[Done { id, status }]),
    )?;
    if !ctx.quiet() {
        eprintln!("mkto: {what} {id} {status}");
    }
    Ok(())
}
