//! `mkto tokens get|set|delete --folder ID|--program ID`: the My Tokens of a folder or program.

use super::{call, done, print, Place};
use crate::global::Ctx;
use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use marketo_types::asset::Token;
use std::process::ExitCode;

/// Arguments of `mkto tokens`.
#[derive(Debug, Args)]
pub struct TokensArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// The tokens of a folder or program: its own and those it inherits.
    Get {
        #[command(flatten)]
        at: Place,
    },
    /// Create a token, or replace the one of that name.
    Set(SetArgs),
    /// Delete a token (confirmed as every delete is).
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
struct SetArgs {
    /// The token's name, without `{{my.}}`.
    name: String,
    /// Its value.
    value: String,
    /// text, rich text, number, date, score, sfdc campaign, script block, calendar block.
    #[arg(long = "type", default_value = "text")]
    kind: String,
    #[command(flatten)]
    at: Place,
}

#[derive(Debug, Args)]
struct DeleteArgs {
    /// The token's name.
    name: String,
    /// Its type.
    #[arg(long = "type", default_value = "text")]
    kind: String,
    #[command(flatten)]
    at: Place,
    /// Delete without asking.
    #[arg(long)]
    yes: bool,
}

const COLUMNS: &[&str] = &["name", "type", "value"];

/// Run `mkto tokens`.
pub fn run(a: TokensArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match a.action {
        Action::Get { at } => {
            let at = at.required()?;
            let set = call(ctx, false, |c| async move {
                c.assets()
                    .tokens(at)
                    .await
                    .context("Get Tokens by Folder Id")
            })?;
            let Some(set) = set else {
                bail!("no {} {}", at.kind.as_str().to_lowercase(), at.id);
            };
            print(ctx, COLUMNS, &set.tokens, "tokens")?;
        }
        Action::Set(s) => {
            let at = s.at.required()?;
            let token = Token {
                name: s.name,
                kind: s.kind,
                value: s.value,
                computed_url: None,
            };
            let set = call(ctx, true, |c| async move {
                c.assets()
                    .set_token(at, &token)
                    .await
                    .context("Create Token")
            })?;
            print(ctx, COLUMNS, &set.tokens, "tokens")?;
        }
        Action::Delete(d) => {
            let at = d.at.required()?;
            let what = format!(
                "delete token {} of {} {}",
                d.name,
                at.kind.as_str().to_lowercase(),
                at.id
            );
            if !crate::confirm::confirm(&what, d.yes, false, &ctx.connect)? {
                eprintln!("mkto: nothing deleted");
                return Ok(ExitCode::from(crate::EXIT_USAGE));
            }
            let id = call(ctx, true, |c| async move {
                c.assets()
                    .delete_token(at, &d.name, &d.kind)
                    .await
                    .context("Delete Token by Name")
            })?;
            done(ctx, id, "token deleted", at.kind.as_str())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
