//! `mkto campaigns list|activate|deactivate|request|schedule`: smart campaigns. `list`, `activate` and
//! `deactivate` are the Asset API's; `request` (Request Campaign: leads through a trigger campaign's flow) and
//! `schedule` (Schedule Campaign: a batch campaign's run, optionally on a clone of its program) are the Lead
//! Database's campaign calls.

use super::{call, done, print};
use crate::global::Ctx;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `mkto campaigns`.
#[derive(Debug, Args)]
pub struct CampaignsArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Every smart campaign.
    List,
    /// Activate a trigger campaign (it needs a trigger and a flow step).
    Activate {
        /// The campaign's id.
        id: i64,
    },
    /// Deactivate an active trigger campaign.
    Deactivate {
        /// The campaign's id.
        id: i64,
    },
    /// Pass leads through a trigger campaign's flow (its trigger must be "Campaign is Requested"; 100 leads
    /// a call).
    Request(super::campaign_runs::RequestArgs),
    /// Schedule a batch campaign's run (default: five minutes from now), optionally on a clone of its program.
    Schedule(super::campaign_runs::ScheduleArgs),
}

const COLUMNS: &[&str] = &[
    "id",
    "name",
    "type",
    "status",
    "isActive",
    "isRequestable",
    "workspace",
];

/// Run `mkto campaigns`.
pub fn run(a: CampaignsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let (id, active) = match a.action {
        Action::List => {
            let all = call(ctx, false, |c| async move {
                c.assets()
                    .smart_campaigns()
                    .await
                    .context("Get Smart Campaigns")
            })?;
            print(ctx, COLUMNS, &all, "smart campaigns")?;
            return Ok(ExitCode::SUCCESS);
        }
        Action::Request(r) => return super::campaign_runs::request(r, ctx),
        Action::Schedule(r) => return super::campaign_runs::schedule(r, ctx),
        Action::Activate { id } => (id, true),
        Action::Deactivate { id } => (id, false),
    };
    let done_id = call(ctx, true, |c| async move {
        c.assets()
            .set_campaign_active(id, active)
            .await
            .with_context(|| {
                let verb = if active { "Activate" } else { "Deactivate" };
                format!("{verb} Smart Campaign {id}")
            })
    })?;
    let status = if active { "activated" } else { "deactivated" };
    done(ctx, done_id, status, "smart campaign")?;
    Ok(ExitCode::SUCCESS)
}
