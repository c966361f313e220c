//! Channels and tag types: the standard channels a new instance has (each with its progression statuses),
//! plus the channels and tag types a seed adds (as an admin adds them in the UI). A new instance has no tag
//! types until an admin defines them [INF].

use super::docs::{CHANNEL, TAG_TYPE};
use crate::store::{assets, Db, Store, StoreError};
use marketo_types::asset::{Channel, ProgressionStatus, TagType};
use marketo_types::envelope::ApiError;

const STANDARD_AT: &str = "2010-03-27T18:27:45Z+0000";

/// A status: name, step, success.
type Status = (&'static str, i64, bool);

const PROGRAM_STATUSES: &[Status] = &[
    ("Not in Program", 0, false),
    ("Member", 10, false),
    ("Engaged", 20, true),
];
const EVENT_STATUSES: &[Status] = &[
    ("Not in Program", 0, false),
    ("Invited", 10, false),
    ("Registered", 20, false),
    ("No Show", 30, false),
    ("Attended", 40, true),
];
const EMAIL_STATUSES: &[Status] = &[
    ("Not in Program", 0, false),
    ("Member", 10, false),
    ("Clicked", 20, true),
];
const NURTURE_STATUSES: &[Status] = &[
    ("Not in Program", 0, false),
    ("Member", 10, false),
    ("Engaged", 20, true),
];

/// The standard channels: id, name, applicable program type, statuses.
const STANDARD: &[(i64, &str, &str, &[Status])] = &[
    (1, "Blog", "program", PROGRAM_STATUSES),
    (2, "Content", "program", PROGRAM_STATUSES),
    (3, "Email Blast", "program", EMAIL_STATUSES),
    (4, "Online Advertising", "program", PROGRAM_STATUSES),
    (5, "Tradeshow", "event", EVENT_STATUSES),
    (6, "Webinar", "webinar", EVENT_STATUSES),
    (7, "Nurture", "nurture", NURTURE_STATUSES),
    (8, "Email Send", "email_batch", EMAIL_STATUSES),
];

/// The channel `applicableProgramType` that fits a program type.
pub fn applicable_type(program_type: &str) -> Option<&'static str> {
    Some(match program_type {
        "Default" => "program",
        "Event" => "event",
        "Event with Webinar" => "webinar",
        "Engagement" => "nurture",
        "Email" => "email_batch",
        _ => return None,
    })
}

fn standard() -> Vec<Channel> {
    STANDARD
        .iter()
        .map(|&(id, name, ty, statuses)| Channel {
            id,
            name: name.to_owned(),
            applicable_program_type: ty.to_owned(),
            progression_statuses: statuses
                .iter()
                .map(|&(n, step, success)| ProgressionStatus {
                    name: n.to_owned(),
                    step,
                    description: None,
                    hidden: false,
                    success,
                })
                .collect(),
            created_at: STANDARD_AT.to_owned(),
            updated_at: STANDARD_AT.to_owned(),
        })
        .collect()
}

/// Every channel: the standard ones, then the seeded ones, by id.
pub fn channels(db: &Db) -> Result<Vec<Channel>, StoreError> {
    let mut all = standard();
    for (_, c) in assets::all::<Channel>(db, CHANNEL)? {
        all.retain(|s| s.id != c.id && s.name != c.name);
        all.push(c);
    }
    all.sort_by_key(|c| c.id);
    Ok(all)
}

/// The channel named `name` (exact).
pub fn channel(store: &Store, name: &str) -> Result<Option<Channel>, ApiError> {
    let all = store.with(channels)?;
    Ok(all.into_iter().find(|c| c.name == name))
}

/// Every tag type, in the order they were added.
pub fn tag_types(db: &Db) -> Result<Vec<TagType>, StoreError> {
    Ok(assets::all::<TagType>(db, TAG_TYPE)?
        .into_iter()
        .map(|(_, t)| t)
        .collect())
}

/// The values tag type `t` allows (its comma-separated `allowableValues`; none listed means any).
pub fn allowed_values(t: &TagType) -> Vec<&str> {
    t.allowable_values
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

/// Whether tag type `t` applies to programs of type `program_type`.
pub fn applies_to(t: &TagType, program_type: &str) -> bool {
    applicable_type(program_type).is_some_and(|a| {
        t.applicable_program_types
            .trim_matches(|c| c == '[' || c == ']')
            .split(',')
            .any(|x| x.trim() == a)
    })
}

/// Add (or replace) a seeded channel.
pub fn put_channel(db: &Db, c: &Channel) -> Result<(), StoreError> {
    assets::put(db, CHANNEL, c.id, c)
}

/// Add (or replace, by name) a seeded tag type.
pub fn put_tag_type(db: &Db, t: &TagType) -> Result<(), StoreError> {
    let existing = assets::all::<TagType>(db, TAG_TYPE)?;
    let id = match existing.iter().find(|(_, e)| e.tag_type == t.tag_type) {
        Some((id, _)) => *id,
        None => assets::next_id(db, TAG_TYPE, 1)?,
    };
    assets::put(db, TAG_TYPE, id, t)
}
