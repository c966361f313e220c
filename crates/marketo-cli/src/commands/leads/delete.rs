//! `mkto leads delete IDS-or-FILE`.

use crate::connect::ConnectArgs;
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `mkto leads delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Lead ids, comma-separated, or a file with one id per line (or a CSV with an `id` column).
    ids: String,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// Run `mkto leads delete`.
pub fn run(a: DeleteArgs) -> anyhow::Result<ExitCode> {
    let ids = crate::ids::parse(&a.ids)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&a.connect, false).await?;
        let outcomes = session.client.leads().delete(&ids).await;
        session.close().await;
        let outcomes = outcomes.context("Delete Leads")?;
        crate::commands::lists::report(&ids, &outcomes, "deleted")
    })
}
