//! `mkto snippets list|get|approve`: snippets, their content, and approving a draft.

use super::{call, print, StatusArg};
use crate::global::Ctx;
use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto snippets`.
#[derive(Debug, Args)]
pub struct SnippetsArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Every snippet (one record per snippet; with --status, its versions of that status).
    List {
        /// Only approved versions, or only drafts.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
    },
    /// One snippet: the approved version, else the draft (or the --status one); with --content its sections.
    Get {
        /// The snippet's id.
        id: i64,
        /// The approved version or the draft.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Print its content sections (type, content) instead of its metadata.
        #[arg(long)]
        content: bool,
    },
    /// Approve a snippet's draft (it replaces the approved version).
    Approve {
        /// The snippet's id.
        id: i64,
    },
}

const COLUMNS: &[&str] = &[
    "id",
    "name",
    "status",
    "description",
    "workspace",
    "updatedAt",
];

/// Run `mkto snippets`.
pub fn run(a: SnippetsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match a.action {
        Action::List { status } => {
            let all = call(ctx, false, |c| async move {
                c.assets()
                    .snippets(status.map(Into::into))
                    .await
                    .context("Get Snippets")
            })?;
            print(ctx, COLUMNS, &all, "snippets")?;
        }
        Action::Get {
            id,
            status,
            content,
        } => {
            let status = status.map(Into::into);
            if content {
                let sections = call(ctx, false, |c| async move {
                    c.assets()
                        .snippet_content(id, status)
                        .await
                        .context("Get Snippet Content")
                })?;
                if sections.is_empty() {
                    bail!("no snippet {id} (of that status)");
                }
                print(ctx, &["type", "content"], &sections, "sections")?;
            } else {
                let found = call(ctx, false, |c| async move {
                    c.assets()
                        .snippet(id, status)
                        .await
                        .context("Get Snippet by Id")
                })?;
                let Some(s) = found else {
                    bail!("no snippet {id} (of that status)");
                };
                print(ctx, COLUMNS, &[s], "snippet")?;
            }
        }
        Action::Approve { id } => {
            let s = call(ctx, true, |c| async move {
                c.assets()
                    .approve_snippet(id)
                    .await
                    .with_context(|| format!("Approve Snippet Draft {id}"))
            })?;
            print(ctx, COLUMNS, &[s], "snippet approved")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
