//! `mkto programs list|get|create|clone|delete`.

use super::{call, done, print, Place};
use crate::global::Ctx;
use anyhow::{bail, Context};
use clap::{Args, Subcommand};
use marketo_client::endpoints::assets::NewProgram;
use marketo_types::asset::{Cost, Tag};
use std::process::ExitCode;

/// Arguments of `mkto programs`.
#[derive(Debug, Args)]
pub struct ProgramsArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Every program.
    List,
    /// One program, with its tags and costs.
    Get {
        /// The program's id.
        id: i64,
    },
    /// Create a program in a folder (or, for some types, a program).
    Create(CreateArgs),
    /// Clone a program (with its tokens) into a folder.
    Clone(CloneArgs),
    /// Delete a program and everything in it (confirmed as every delete is).
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
struct CreateArgs {
    /// Its name (program names are unique).
    name: String,
    /// Default, Event, Event with Webinar, Engagement or Email.
    #[arg(long = "type", default_value = "Default")]
    kind: String,
    /// A channel of that program type (`mkto` lists none; Marketo's standard ones are Blog, Content,
    /// Email Blast, Online Advertising, Tradeshow, Webinar, Nurture, Email Send).
    #[arg(long)]
    channel: String,
    /// Where it goes.
    #[command(flatten)]
    folder: Place,
    /// Its description.
    #[arg(long)]
    description: Option<String>,
    /// A tag, `TYPE=VALUE` (repeatable; required tag types must be given).
    #[arg(long = "tag", value_name = "TYPE=VALUE")]
    tags: Vec<String>,
    /// A period cost, `YYYY-MM-DD=AMOUNT` (repeatable).
    #[arg(long = "cost", value_name = "DATE=AMOUNT")]
    costs: Vec<String>,
}

/// `--tag TYPE=VALUE` as a tag.
fn tag(arg: &str) -> anyhow::Result<Tag> {
    match arg.split_once('=') {
        Some((t, v)) if !t.trim().is_empty() && !v.trim().is_empty() => Ok(Tag {
            tag_type: t.trim().to_owned(),
            tag_value: v.trim().to_owned(),
        }),
        _ => bail!("--tag {arg:?}: expected TYPE=VALUE"),
    }
}

/// `--cost YYYY-MM-DD=AMOUNT` as a period cost.
fn cost(arg: &str) -> anyhow::Result<Cost> {
    let parsed = arg.split_once('=').and_then(|(d, a)| {
        let date = chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok()?;
        let amount = a
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && *x >= 0.0)?;
        Some((date, amount))
    });
    match parsed {
        Some((date, amount)) => Ok(Cost {
            start_date: date.format("%Y-%m-%d").to_string(),
            cost: amount,
            note: None,
        }),
        None => bail!("--cost {arg:?}: expected YYYY-MM-DD=AMOUNT (an amount of 0 or more)"),
    }
}

#[derive(Debug, Args)]
struct CloneArgs {
    /// The program to clone.
    id: i64,
    /// The clone's name.
    name: String,
    /// Where the clone goes.
    #[command(flatten)]
    folder: Place,
}

#[derive(Debug, Args)]
struct DeleteArgs {
    /// The program's id.
    id: i64,
    /// Delete without asking.
    #[arg(long)]
    yes: bool,
    /// Say what would be deleted; send nothing.
    #[arg(long)]
    dry_run: bool,
}

/// The columns of a program in a table.
const COLUMNS: &[&str] = &[
    "id",
    "name",
    "type",
    "channel",
    "status",
    "workspace",
    "updatedAt",
];

/// Run `mkto programs`.
pub fn run(a: ProgramsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match a.action {
        Action::List => {
            let all = call(ctx, false, |c| async move {
                c.assets().programs().await.context("Get Programs")
            })?;
            print(ctx, COLUMNS, &all, "programs")?;
        }
        Action::Get { id } => {
            let found = call(ctx, false, |c| async move {
                c.assets().program(id).await.context("Get Program by Id")
            })?;
            let Some(p) = found else {
                bail!("no program {id}");
            };
            print(ctx, COLUMNS, &[p], "program")?;
        }
        Action::Create(n) => {
            let folder = n.folder.required()?;
            let tags = n
                .tags
                .iter()
                .map(|t| tag(t))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let costs = n
                .costs
                .iter()
                .map(|c| cost(c))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let made = call(ctx, true, |c| async move {
                let new = NewProgram {
                    name: &n.name,
                    folder,
                    kind: &n.kind,
                    channel: &n.channel,
                    description: n.description.as_deref(),
                    tags,
                    costs,
                };
                c.assets()
                    .create_program(&new)
                    .await
                    .context("Create Program")
            })?;
            print(ctx, COLUMNS, &[made], "program created")?;
        }
        Action::Clone(cl) => {
            let folder = cl.folder.required()?;
            let made = call(ctx, true, |c| async move {
                c.assets()
                    .clone_program(cl.id, &cl.name, folder)
                    .await
                    .with_context(|| format!("Clone Program {}", cl.id))
            })?;
            print(ctx, COLUMNS, &[made], "program cloned")?;
        }
        Action::Delete(d) => return delete(&d, ctx),
    }
    Ok(ExitCode::SUCCESS)
}

fn delete(d: &DeleteArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    if d.dry_run {
        let row = super::Done {
            id: d.id,
            status: "would delete",
        };
        crate::output::records(
            ctx.format(),
            &["id", "status"],
            &crate::output::to_rows(&[row]),
        )?;
        eprintln!(
            "mkto: dry run: program {} and everything in it would be deleted; nothing was sent",
            d.id
        );
        return Ok(ExitCode::SUCCESS);
    }
    let what = format!("delete program {} and everything in it", d.id);
    if !crate::confirm::confirm(&what, d.yes, false, &ctx.connect)? {
        eprintln!("mkto: nothing deleted");
        return Ok(ExitCode::from(crate::EXIT_USAGE));
    }
    let id = d.id;
    let gone = call(ctx, true, |c| async move {
        c.assets()
            .delete_program(id)
            .await
            .with_context(|| format!("Delete Program {id}"))
    })?;
    done(ctx, gone, "deleted", "program")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tags_and_costs_are_read_or_refused_with_the_flag() {
        let t = super::tag("Region=EMEA").unwrap();
        assert_eq!(
            (t.tag_type.as_str(), t.tag_value.as_str()),
            ("Region", "EMEA")
        );
        assert!(super::tag("Region")
            .unwrap_err()
            .to_string()
            .contains("--tag"));
        let c = super::cost("2026-01-01=250.5").unwrap();
        assert_eq!((c.start_date.as_str(), c.cost), ("2026-01-01", 250.5));
        assert!(super::cost("January=5").is_err());
        assert!(super::cost("2026-01-01=-3").is_err());
    }
}
