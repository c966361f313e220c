//! `mkto leads merge WINNER LOSER...`: merge leads into one. The losers' values fill the winner's empty
//! fields, their list memberships and activities move to it, and they are deleted; so a merge is confirmed
//! like a delete (asked on a terminal, `--yes` otherwise). At most 25 losers a call (Marketo's limit, 1080).

use crate::global::Ctx;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::Args;
use serde_json::json;
use std::process::ExitCode;

/// Marketo merges at most this many losing leads into a winner in one call.
const MAX_LOSERS: usize = 25;

/// Arguments of `mkto leads merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The lead that remains.
    winner: i64,
    /// The leads merged into it and deleted (at most 25).
    #[arg(required = true, num_args = 1..)]
    losers: Vec<i64>,
    /// Merge in the CRM too (instances with native CRM sync).
    #[arg(long)]
    merge_in_crm: bool,
    /// Merge without asking (needed when stdin is not a terminal).
    #[arg(long, short)]
    yes: bool,
}

/// Run `mkto leads merge`.
pub fn run(a: MergeArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if a.losers.contains(&a.winner) {
        bail!("lead {} is both the winner and a loser", a.winner);
    }
    if a.losers.len() > MAX_LOSERS {
        bail!(
            "{} losing leads: Marketo merges at most {MAX_LOSERS} into a winner at once (1080)",
            a.losers.len()
        );
    }
    let n = a.losers.len();
    let what = format!(
        "merge {n} lead{} into lead {} (deleting {})",
        if n == 1 { "" } else { "s" },
        a.winner,
        if n == 1 { "it" } else { "them" }
    );
    if !crate::confirm::confirm(&what, a.yes, false, &ctx.connect)? {
        eprintln!("mkto: nothing merged");
        return Ok(ExitCode::from(crate::EXIT_USAGE));
    }
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let result = session
            .client
            .leads()
            .merge(a.winner, &a.losers, a.merge_in_crm)
            .await;
        session.close().await;
        result.context("Merge Leads")?;
        let summary =
            json!({"winner": a.winner, "merged": a.losers, "merge_in_crm": a.merge_in_crm});
        let people = format!(
            "merged {} into {}\n",
            a.losers
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            a.winner
        );
        crate::output::summary(ctx.format(), &summary, &people)?;
        Ok(ExitCode::SUCCESS)
    })
}
