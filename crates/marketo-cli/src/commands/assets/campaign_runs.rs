//! `mkto campaigns request|schedule`: the Lead Database's Request Campaign and Schedule Campaign, with My
//! Token overrides given as `--token NAME=VALUE` (`{{my.` and `}}` added when left out).

use super::{call, done};
use crate::global::Ctx;
use anyhow::{bail, Context};
use clap::Args;
use marketo_types::lead_database::programs::{RunToken, ScheduleInput};
use std::process::ExitCode;

/// Arguments of `mkto campaigns request`.
#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The trigger campaign's id.
    id: i64,
    /// The leads: ids comma-separated, a file with one per line or an `id` column, or `-` for stdin.
    #[arg(long)]
    leads: String,
    /// A My Token for this run: `NAME=VALUE` (repeatable).
    #[arg(long = "token", value_name = "NAME=VALUE")]
    tokens: Vec<String>,
}

/// Arguments of `mkto campaigns schedule`.
#[derive(Debug, Args)]
pub struct ScheduleArgs {
    /// The batch campaign's id.
    id: i64,
    /// When to run (RFC 3339, e.g. 2026-12-01T09:00:00Z; at most two years ahead); default: in five minutes.
    #[arg(long)]
    run_at: Option<String>,
    /// Clone the campaign's program under this name and schedule the clone's campaign (at most 20 a day).
    #[arg(long, value_name = "PROGRAM_NAME")]
    clone_to: Option<String>,
    /// A My Token for this run: `NAME=VALUE` (repeatable).
    #[arg(long = "token", value_name = "NAME=VALUE")]
    tokens: Vec<String>,
}

/// `NAME=VALUE` as a token of the run: `{{my.NAME}}` unless given in that form.
fn tokens(given: &[String]) -> anyhow::Result<Vec<RunToken>> {
    given
        .iter()
        .map(|t| {
            let Some((name, value)) = t.split_once('=') else {
                bail!("--token {t:?}: expected NAME=VALUE");
            };
            let name = name.trim();
            if name.is_empty() {
                bail!("--token {t:?}: the name is empty");
            }
            let name = if name.starts_with("{{") {
                name.to_owned()
            } else {
                format!("{{{{my.{}}}}}", name.trim_start_matches("my."))
            };
            Ok(RunToken {
                name,
                value: value.to_owned(),
            })
        })
        .collect()
}

/// Run `mkto campaigns request`.
pub fn request(a: RequestArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let leads = crate::ids::parse(&a.leads)?;
    let tokens = tokens(&a.tokens)?;
    let n = leads.len();
    let id = a.id;
    let done_id = call(ctx, true, |c| async move {
        c.campaigns()
            .request(id, &leads, &tokens)
            .await
            .with_context(|| format!("Request Campaign {id}"))
    })?;
    done(ctx, done_id.id, "requested", "campaign")?;
    if !ctx.quiet() {
        eprintln!("mkto: {n} leads passed to campaign {id}'s flow");
    }
    Ok(ExitCode::SUCCESS)
}

/// Run `mkto campaigns schedule`.
pub fn schedule(a: ScheduleArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let run_at = match &a.run_at {
        Some(t) => Some(
            crate::export_run::parse_datetime("--run-at", t)?
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ),
        None => None,
    };
    let input = ScheduleInput {
        run_at,
        clone_to_program_name: a.clone_to.clone(),
        tokens: tokens(&a.tokens)?,
    };
    let id = a.id;
    let done_id = call(ctx, true, |c| async move {
        c.campaigns()
            .schedule(id, &input)
            .await
            .with_context(|| format!("Schedule Campaign {id}"))
    })?;
    done(ctx, done_id.id, "scheduled", "campaign")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_take_the_my_form_unless_given_whole() {
        let t = super::tokens(&[
            "message=Hi=there".into(),
            "{{my.x}}=1".into(),
            "my.y=2".into(),
        ])
        .unwrap();
        let names: Vec<&str> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["{{my.message}}", "{{my.x}}", "{{my.y}}"]);
        assert_eq!(t[0].value, "Hi=there");
        assert!(super::tokens(&["novalue".into()]).is_err());
    }
}
