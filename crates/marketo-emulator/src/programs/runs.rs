//! Carrying out the campaign runs whose time has come. Every admitted call first runs what is due at its
//! time (as bulk jobs replay their queue), so a run happens exactly when the emulator's clock passes it: a
//! test advances the clock instead of waiting.
//!
//! What a run records, per lead [INF: the emulator does not evaluate smart lists or flow step settings]:
//! * a requested run: a Request Campaign activity (47) for each lead that exists, when the campaign is an
//!   active trigger campaign with a `Campaign is Requested` trigger at run time;
//! * a scheduled run: the members of the campaign's program stand for its smart list;
//! * then, for both, one activity per flow step whose name is a standard activity type's (`Send Email`,
//!   `Interesting Moment`, `Change Score`...), its primary value the campaign's name.

use super::campaigns::triggerable;
use crate::activities::record::SOURCE;
use crate::activities::standard_types::MORE;
use crate::activities::types::TYPES;
use crate::assets::docs::{CampaignDoc, SMART_CAMPAIGN};
use crate::engine::format_time;
use crate::model::Model;
use crate::store::activities::{self as log, NewActivity};
use crate::store::program_members::{self as stored, Run};
use crate::store::{assets, leads, Db, StoreError};
use chrono::{DateTime, Utc};
use marketo_types::activity::ActivityAttribute;
use std::sync::Mutex;

/// Request Campaign (activity type).
pub const REQUEST_CAMPAIGN: i64 = 47;

/// When the next run is due, as far as this process knows: `None` until read from the store.
#[derive(Debug, Default)]
pub struct Runs {
    next: Mutex<Option<Option<String>>>,
}

impl Runs {
    /// Nothing known yet.
    pub fn new() -> Runs {
        Runs::default()
    }

    /// Carry out every run due at `now` (a store failure is logged: the runs stay due).
    pub fn catch_up(&self, model: &Model, now: DateTime<Utc>) {
        let at = format_time(now);
        let mut next = self.next.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = next.as_ref() {
            if known.as_ref().is_none_or(|t| *t > at) {
                return;
            }
        }
        let done = model.store().transaction(|db| {
            for run in stored::take_due(db, &at)? {
                carry_out(db, &run)?;
            }
            stored::next_due(db)
        });
        *next = match done {
            Ok(n) => Some(n),
            Err(e) => {
                tracing::error!(error = %e, "campaign runs");
                None
            }
        };
    }

    /// A run was stored: it may be due sooner than the next one known.
    pub fn added(&self) {
        *self.next.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// The leads `run` processes.
fn leads_of(db: &Db, run: &Run, c: &CampaignDoc) -> Result<Vec<i64>, StoreError> {
    if run.requested {
        if !triggerable(c) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for &id in &run.leads {
            if leads::exists(db, id)? && !out.contains(&id) {
                out.push(id);
            }
        }
        return Ok(out);
    }
    if c.folder.kind != marketo_types::asset::FolderKind::Program {
        return Ok(Vec::new());
    }
    let members = stored::of_program(db, c.folder.id, 0, usize::MAX >> 1)?;
    Ok(members.into_iter().map(|m| m.lead_id).collect())
}

fn carry_out(db: &Db, run: &Run) -> Result<(), StoreError> {
    let Some(c) = assets::get::<CampaignDoc>(db, SMART_CAMPAIGN, run.campaign_id)? else {
        return Ok(());
    };
    let steps: Vec<i64> = c
        .flow
        .iter()
        .filter_map(|step| {
            TYPES
                .iter()
                .chain(MORE)
                .find(|t| t.name.eq_ignore_ascii_case(step))
                .map(|t| t.id)
        })
        .collect();
    for lead in leads_of(db, run, &c)? {
        if run.requested {
            log::insert(
                db,
                &NewActivity {
                    lead_id: lead,
                    type_id: REQUEST_CAMPAIGN,
                    at: &run.run_at,
                    primary_id: Some(run.campaign_id),
                    primary_value: Some(c.name.clone()),
                    attributes: vec![ActivityAttribute::new("Source", SOURCE)],
                    fields: None,
                },
            )?;
        }
        for &type_id in &steps {
            log::insert(
                db,
                &NewActivity {
                    lead_id: lead,
                    type_id,
                    at: &run.run_at,
                    primary_id: None,
                    primary_value: Some(c.name.clone()),
                    attributes: vec![ActivityAttribute::new("Campaign Run ID", run.id)],
                    fields: None,
                },
            )?;
        }
    }
    Ok(())
}
