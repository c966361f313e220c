//! Program members: Sync Program Member Status (and the older Change Lead Program Status), Sync Program
//! Member Data, Delete Program Members. Every call names at most 300 leads (1003 past that); the records come
//! back in input order. A new or changed status records a Change Status in Progression activity.

use super::fields::{self, updateable};
use super::status::{self, ProgramView, Status};
use crate::engine::format_time;
use crate::fault::records::{held_reason, Held};
use crate::store::program_members::{self as stored, Member};
use crate::store::{leads, Db, Store};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use marketo_types::lead_database::programs::{LeadStatusResult, MemberResult};
use serde_json::{Map, Value};

/// Most leads one call names.
pub const MAX_LEADS: usize = 300;

fn result(
    seq: usize,
    status: &str,
    lead_id: Option<i64>,
    reason: Option<ApiError>,
) -> MemberResult {
    MemberResult {
        seq,
        status: status.to_owned(),
        lead_id,
        reasons: reason.into_iter().collect(),
    }
}

fn checked(ids: &[i64]) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if ids.len() > MAX_LEADS {
        return Err(ApiError::of_meaning(1003, "invalid-data", &[]));
    }
    Ok(())
}

/// What moving one lead to a status did.
enum Moved {
    Created,
    Updated,
    Skipped(ApiError),
}

/// Move `lead` of `program` to `target`: join, move forward, or skip 1037 when already at or past its step.
fn move_to(
    db: &Db,
    program: &ProgramView,
    lead: i64,
    target: &Status,
    acquired: bool,
    at: &str,
) -> Result<Moved, ApiError> {
    if !leads::exists(db, lead)? {
        return Ok(Moved::Skipped(ApiError::catalogued(1004, &[])));
    }
    let old = stored::get(db, program.id, lead)?;
    if let Some(m) = &old {
        if m.step >= target.step {
            return Ok(Moved::Skipped(ApiError::of_meaning(
                1037,
                "in-or-past-status",
                &[],
            )));
        }
    }
    let mut m = old.clone().unwrap_or_else(|| Member {
        id: 0,
        program_id: program.id,
        lead_id: lead,
        status: String::new(),
        step: 0,
        success: false,
        acquired_by: acquired,
        membership_date: at.to_owned(),
        success_date: None,
        updated_at: at.to_owned(),
        data: Map::new(),
    });
    m.status = target.name.clone();
    m.step = target.step;
    m.success = m.success || target.success;
    if target.success && m.success_date.is_none() {
        m.success_date = Some(at.to_owned());
    }
    m.updated_at = at.to_owned();
    m.id = stored::put(db, &m)?;
    let was = old.as_ref().map(|o| o.status.as_str());
    status::record_change(db, program, &m, was, &status::api_reason(), at)?;
    Ok(if old.is_some() {
        Moved::Updated
    } else {
        Moved::Created
    })
}

/// Move every lead of `ids` in program `program_id` to `status_name`, inside one transaction.
fn move_all(
    store: &Store,
    program_id: i64,
    status_name: &str,
    ids: &[i64],
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, Moved)>, ApiError> {
    checked(ids)?;
    let at = format_time(now);
    store.transaction(|db| {
        let program = status::load(db, program_id)?;
        let target = program.target(status_name)?.clone();
        ids.iter()
            .enumerate()
            .map(|(i, &lead)| {
                if let Some(reason) = held_reason(held, i) {
                    return Ok((lead, Moved::Skipped(reason)));
                }
                Ok((lead, move_to(db, &program, lead, &target, false, &at)?))
            })
            .collect()
    })
}

/// Sync Program Member Status: `created`, `updated`, or `skipped` (1004, 1037) per lead.
pub fn sync_status(
    store: &Store,
    program_id: i64,
    status_name: &str,
    ids: &[i64],
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<MemberResult>, ApiError> {
    let moved = move_all(store, program_id, status_name, ids, held, now)?;
    Ok(moved
        .into_iter()
        .enumerate()
        .map(|(seq, (lead, m))| match m {
            Moved::Created => result(seq, "created", Some(lead), None),
            Moved::Updated => result(seq, "updated", Some(lead), None),
            Moved::Skipped(r) => result(seq, "skipped", None, Some(r)),
        })
        .collect())
}

/// Change Lead Program Status: `updated` or `skipped` per lead, each keeping its id.
pub fn change_status(
    store: &Store,
    program_id: i64,
    status_name: &str,
    ids: &[i64],
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<LeadStatusResult>, ApiError> {
    let moved = move_all(store, program_id, status_name, ids, held, now)?;
    Ok(moved
        .into_iter()
        .map(|(id, m)| match m {
            Moved::Created | Moved::Updated => LeadStatusResult {
                id,
                status: "updated".to_owned(),
                reasons: Vec::new(),
            },
            Moved::Skipped(r) => LeadStatusResult {
                id,
                status: "skipped".to_owned(),
                reasons: vec![r],
            },
        })
        .collect())
}

/// Join `lead` to `program` at `target` if it is not a member yet (bulk import); whether it joined.
pub fn join(
    db: &Db,
    program: &ProgramView,
    lead: i64,
    target: &Status,
    acquired: bool,
    at: &str,
) -> Result<bool, ApiError> {
    Ok(matches!(
        move_to(db, program, lead, target, acquired, at)?,
        Moved::Created | Moved::Updated
    ))
}

/// Check one value against field `f`: its type, and a string's length. `None` when it fits.
pub fn bad_value(f: &marketo_types::lead_database::FieldRecord, v: &Value) -> Option<ApiError> {
    let fits = match (f.data_type.as_str(), v) {
        (_, Value::Null) => true,
        ("integer", Value::Number(n)) => n.is_i64(),
        ("integer", Value::String(s)) => s.trim().parse::<i64>().is_ok(),
        ("boolean", Value::Bool(_)) => true,
        ("boolean", Value::String(s)) => matches!(s.as_str(), "true" | "false"),
        ("float" | "currency" | "percent" | "score", Value::Number(_)) => true,
        ("float" | "currency" | "percent" | "score", Value::String(s)) => s.parse::<f64>().is_ok(),
        (_, Value::String(s)) => f.length.is_none_or(|l| s.chars().count() <= l as usize),
        (_, Value::Number(_) | Value::Bool(_)) => true,
        _ => false,
    };
    (!fits).then(|| ApiError::of_meaning(1003, "invalid-field-value", &[&f.name]))
}

/// Sync Program Member Data: each record's `leadId` and updateable fields. `updated`, or `skipped`: 1013
/// "Membership not found" for a lead that is not a member, 1006 for an unknown field, 1003 for a field that
/// is not updateable or a value that does not fit [INF].
pub fn sync_data(
    store: &Store,
    program_id: i64,
    input: &[Map<String, Value>],
    held: Option<&Held>,
    now: DateTime<Utc>,
) -> Result<Vec<MemberResult>, ApiError> {
    if input.is_empty() {
        return Err(ApiError::catalogued(701, &["input"]));
    }
    if input.len() > MAX_LEADS {
        return Err(ApiError::of_meaning(1003, "invalid-data", &[]));
    }
    let schema = fields::all(store)?;
    let at = format_time(now);
    store.transaction(|db| {
        status::load(db, program_id)?;
        let mut out = Vec::new();
        for (seq, record) in input.iter().enumerate() {
            if let Some(reason) = held_reason(held, seq) {
                out.push(result(seq, "skipped", None, Some(reason)));
                continue;
            }
            let Some(lead) = record.get("leadId").and_then(Value::as_i64) else {
                out.push(result(
                    seq,
                    "skipped",
                    None,
                    Some(ApiError::catalogued(1003, &[])),
                ));
                continue;
            };
            let Some(mut m) = stored::get(db, program_id, lead)? else {
                let r = ApiError::of_meaning(1013, "membership-not-found", &[]);
                out.push(result(seq, "skipped", None, Some(r)));
                continue;
            };
            let mut reason = None;
            for (name, value) in record.iter().filter(|(k, _)| *k != "leadId") {
                reason = match schema.iter().find(|f| &f.name == name) {
                    None => Some(ApiError::of_meaning(1006, "field", &[name])),
                    Some(f) if !updateable(f) => {
                        Some(ApiError::of_meaning(1003, "invalid-data", &[]))
                    }
                    Some(f) => bad_value(f, value),
                };
                if reason.is_some() {
                    break;
                }
                m.data.insert(name.clone(), value.clone());
            }
            if let Some(r) = reason {
                out.push(result(seq, "skipped", None, Some(r)));
                continue;
            }
            m.updated_at = at.clone();
            stored::put(db, &m)?;
            out.push(result(seq, "updated", Some(lead), None));
        }
        Ok(out)
    })
}

/// Delete Program Members: `deleted`, or `skipped` 1037 "Lead not in program".
pub fn delete(
    store: &Store,
    program_id: i64,
    ids: &[i64],
    held: Option<&Held>,
) -> Result<Vec<MemberResult>, ApiError> {
    checked(ids)?;
    store.transaction(|db| {
        status::load(db, program_id)?;
        ids.iter()
            .enumerate()
            .map(|(seq, &lead)| {
                if let Some(reason) = held_reason(held, seq) {
                    return Ok(result(seq, "skipped", None, Some(reason)));
                }
                Ok(if stored::delete(db, program_id, lead)? {
                    result(seq, "deleted", Some(lead), None)
                } else {
                    let r = ApiError::of_meaning(1037, "not-in-program", &[]);
                    result(seq, "skipped", None, Some(r))
                })
            })
            .collect()
    })
}
