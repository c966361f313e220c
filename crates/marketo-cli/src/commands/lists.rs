//! `mkto lists add|remove|check LIST_ID IDS-or-FILE`: static list membership.

use crate::connect::ConnectArgs;
use crate::session::Session;
use anyhow::Context;
use clap::{Args, Subcommand};
use marketo_client::RecordOutcome;
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
    /// Lead ids, comma-separated, or a file with one id per line (or a CSV with an `id` column).
    ids: String,
    #[command(flatten)]
    connect: ConnectArgs,
}

/// Print one line per lead (`ID STATUS [CODE MESSAGE]`) and a count by status on stderr. Exit 0 when every id
/// got an answer (skips included), 2 when a call failed.
pub fn report(ids: &[i64], outcomes: &[RecordOutcome], verb: &str) -> anyhow::Result<ExitCode> {
    // One error for the whole call (an unknown list, a quota): say it once.
    if let (Some(first), true) = (
        outcomes.first().and_then(RecordOutcome::error),
        outcomes.iter().all(|o| o.error().is_some()),
    ) {
        anyhow::bail!("{first}");
    }
    let mut counts = std::collections::BTreeMap::<&str, u64>::new();
    let mut failed = false;
    let lines = ids.iter().zip(outcomes).map(|(id, o)| {
        *counts.entry(o.status()).or_default() += 1;
        let detail = match o {
            RecordOutcome::Skipped { reasons, .. } => reasons
                .iter()
                .map(|r| format!("\t{}\t{}", r.code, r.message))
                .collect::<String>(),
            RecordOutcome::Failed { error } => {
                failed = true;
                format!(
                    "\t{}\t{error}",
                    error.code().map(|c| c.to_string()).unwrap_or_default()
                )
            }
            _ => String::new(),
        };
        format!("{id}\t{}{detail}", o.status())
    });
    let lines: Vec<String> = lines.collect();
    crate::output::stdout_lines(lines)?;
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
    eprintln!("mkto: {} leads {verb}: {}", ids.len(), summary.join(", "));
    Ok(if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Run `mkto lists`.
pub fn run(a: ListsArgs) -> anyhow::Result<ExitCode> {
    let (t, verb) = match &a.action {
        ListsAction::Add(t) => (t, "added"),
        ListsAction::Remove(t) => (t, "removed"),
        ListsAction::Check(t) => (t, "checked"),
    };
    let ids = crate::ids::parse(&t.ids)?;
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async {
        let session = Session::open(&t.connect, false).await?;
        let lists = session.client.lists();
        let outcomes = match &a.action {
            ListsAction::Add(_) => lists.add(t.list_id, &ids).await,
            ListsAction::Remove(_) => lists.remove(t.list_id, &ids).await,
            ListsAction::Check(_) => lists.is_member(t.list_id, &ids).await,
        };
        session.close().await;
        let outcomes = outcomes.with_context(|| format!("list {}", t.list_id))?;
        report(&ids, &outcomes, verb)
    })
}
