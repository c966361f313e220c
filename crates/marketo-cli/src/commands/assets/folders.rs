//! `mkto folders tree|get|create`: the folder tree, one folder or program, a new folder.

use super::{call, print, Place};
use crate::global::Ctx;
use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto folders`.
#[derive(Debug, Args)]
pub struct FoldersArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// The folders and programs under a folder or program (under every root without one), depth first.
    Tree(TreeArgs),
    /// One folder or program, by id (--folder or --program) or by name (every match).
    Get(GetArgs),
    /// Create a folder in a folder or program.
    Create(CreateArgs),
}

#[derive(Debug, Args)]
struct TreeArgs {
    #[command(flatten)]
    at: Place,
    /// Levels below the start to show.
    #[arg(long, default_value_t = 2)]
    depth: u32,
}

#[derive(Debug, Args)]
struct GetArgs {
    #[command(flatten)]
    at: Place,
    /// The exact name (of folders and programs alike).
    #[arg(long, conflicts_with_all = ["folder", "program"])]
    name: Option<String>,
}

#[derive(Debug, Args)]
struct CreateArgs {
    /// The new folder's name.
    name: String,
    /// Where it goes.
    #[command(flatten)]
    parent: Place,
    /// Its description.
    #[arg(long)]
    description: Option<String>,
}

/// The columns of a folder in a table.
const COLUMNS: &[&str] = &["id", "name", "folderType", "path", "workspace", "isArchive"];

/// Run `mkto folders`.
pub fn run(a: FoldersArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match a.action {
        Action::Tree(t) => {
            let folders = call(ctx, false, |c| async move {
                let assets = c.assets();
                match t.at.given() {
                    Some(root) => assets.browse_folders(root, t.depth).await,
                    None => assets.browse_all_folders(t.depth).await,
                }
                .context("Get Folders")
            })?;
            print(ctx, COLUMNS, &folders, "folders")?;
        }
        Action::Get(g) => {
            let found = call(ctx, false, |c| async move {
                match (&g.name, g.at.given()) {
                    (Some(name), _) => c.assets().folders_named(name).await,
                    (None, Some(id)) => c.assets().folder(id).await.map(Vec::from_iter),
                    (None, None) => bail!("say which: --folder ID, --program ID or --name NAME"),
                }
                .context("Get Folder")
            })?;
            if found.is_empty() {
                bail!("no such folder");
            }
            print(ctx, COLUMNS, &found, "folders")?;
        }
        Action::Create(n) => {
            let parent = n.parent.required()?;
            let made = call(ctx, true, |c| async move {
                c.assets()
                    .create_folder(&n.name, parent, n.description.as_deref())
                    .await
                    .context("Create Folder")
            })?;
            print(ctx, COLUMNS, &[made], "folder created")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
