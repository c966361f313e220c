//! A program as its members see it: its channel's progression statuses (name, step, success), and the
//! Change Status in Progression activity (104) a change of status records.

use crate::activities::record::SOURCE;
use crate::assets::catalog;
use crate::assets::docs::{ProgramDoc, PROGRAM};
use crate::store::activities::{self as log, NewActivity};
use crate::store::program_members::Member;
use crate::store::{assets, Db};
use marketo_types::activity::ActivityAttribute;
use marketo_types::envelope::ApiError;

/// Change Status in Progression.
pub const CHANGE_STATUS: i64 = 104;

/// One progression status of a program's channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Its name.
    pub name: String,
    /// Its step: a member only moves to a higher step.
    pub step: i64,
    /// Whether reaching it is success.
    pub success: bool,
    /// Its id in activities: the channel's id times 100 plus its position [INF].
    pub id: i64,
}

/// A program and its channel's statuses.
#[derive(Debug, Clone)]
pub struct ProgramView {
    /// Its id.
    pub id: i64,
    /// The stored program.
    pub doc: ProgramDoc,
    /// Its channel's statuses, `Not in Program` first.
    pub statuses: Vec<Status>,
}

impl ProgramView {
    /// Status `name` (exact, as Marketo compares), other than `Not in Program` (step 0), which the API does not
    /// set [INF].
    pub fn status(&self, name: &str) -> Option<&Status> {
        self.statuses.iter().find(|s| s.name == name && s.step > 0)
    }

    /// Status `name` when the program's channel has it, else 1025.
    pub fn target(&self, name: &str) -> Result<&Status, ApiError> {
        self.status(name)
            .ok_or_else(|| ApiError::catalogued(1025, &[]))
    }

    /// Whether it is an engagement (nurture) program.
    pub fn is_engagement(&self) -> bool {
        self.doc.kind == "Engagement"
    }

    /// The id of the status a member holds (0 when the channel no longer has it).
    pub fn status_id(&self, name: &str) -> i64 {
        self.statuses
            .iter()
            .find(|s| s.name == name)
            .map_or(0, |s| s.id)
    }
}

/// Program `id` with its statuses, if it exists.
pub fn find(db: &Db, id: i64) -> Result<Option<ProgramView>, ApiError> {
    let Some(doc) = assets::get::<ProgramDoc>(db, PROGRAM, id)? else {
        return Ok(None);
    };
    let channel = catalog::channels(db)?
        .into_iter()
        .find(|c| c.name == doc.channel);
    let statuses = channel
        .map(|c| {
            c.progression_statuses
                .iter()
                .enumerate()
                .map(|(i, s)| Status {
                    name: s.name.clone(),
                    step: s.step,
                    success: s.success,
                    id: c.id * 100 + i as i64,
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Some(ProgramView { id, doc, statuses }))
}

/// Program `id`, or 1013 "Object not found" [INF].
pub fn load(db: &Db, id: i64) -> Result<ProgramView, ApiError> {
    find(db, id)?.ok_or_else(|| ApiError::of_meaning(1013, "object-not-found", &[]))
}

/// Record the move of `member` from `old` (none: it joined) to its present status.
pub fn record_change(
    db: &Db,
    program: &ProgramView,
    member: &Member,
    old: Option<&str>,
    reason: &str,
    at: &str,
) -> Result<(), ApiError> {
    let old_name = old.unwrap_or("Not in Program");
    log::insert(
        db,
        &NewActivity {
            lead_id: member.lead_id,
            type_id: CHANGE_STATUS,
            at,
            primary_id: Some(program.id),
            primary_value: Some(program.doc.name.clone()),
            attributes: vec![
                ActivityAttribute::new("Acquired By", member.acquired_by),
                ActivityAttribute::new("New Status", member.status.as_str()),
                ActivityAttribute::new("New Status ID", program.status_id(&member.status)),
                ActivityAttribute::new("Old Status", old_name),
                ActivityAttribute::new("Old Status ID", program.status_id(old_name)),
                ActivityAttribute::new("Program Member ID", member.id),
                ActivityAttribute::new("Reason", reason),
                ActivityAttribute::new("Success", member.success),
            ],
            fields: None,
        },
    )?;
    Ok(())
}

/// The reason a REST call's change of status carries.
pub fn api_reason() -> String {
    format!("Changed by {SOURCE}")
}
