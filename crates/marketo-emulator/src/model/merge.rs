//! Merge Leads: the losing leads' values fill the winner's empty fields, their list memberships and
//! activities move to the winner, they are deleted, and the winner records a Merge Leads activity.
//!
//! | answer | when |
//! |---|---|
//! | 1002 | neither `leadId` nor `leadIds` |
//! | 1080 "Too many leadIds in Merge Leads" | more than 25 losing leads |
//! | 1004 "Lead not found" | the winner or a losing lead does not exist |
//! | 1079 | more than one of the leads has a personalized URL (`_purl` when seeded) |
//! | 712 | a native CRM sync is on and a lead is a CRM person account |
//! | 714 | `mergeInCRM` and the CRM has no default record type [INF: `[crm] default_record_type = false`] |
//! | 1076 | `mergeInCRM` and a lead is not in the CRM: the merge would create a CRM record [INF] |
//! | 1078 | `mergeInCRM` and a lead was deleted in the CRM |
//! | 1077 | `mergeInCRM` and a merged value is longer than its CRM field (`[crm] field_lengths`) [INF] |

use super::format_time;
use crate::crm::CrmConfig;
use crate::store::leads::{self as rows, StoredLead};
use crate::store::{merge, Store};
use chrono::{DateTime, Utc};
use marketo_types::envelope::ApiError;
use serde_json::{Map, Value};

/// The most losing leads one merge takes.
pub const MAX_LOSERS: usize = 25;

/// One Merge Leads call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRequest {
    /// The winning lead.
    pub winner: i64,
    /// The losing leads (`leadId` or `leadIds`).
    pub losers: Vec<i64>,
    /// `mergeInCRM`.
    pub in_crm: bool,
}

fn crm_type(lead: &StoredLead) -> Option<&str> {
    lead.data
        .get("_crm")
        .and_then(|c| c.get("type"))
        .and_then(Value::as_str)
}

fn is_empty(v: Option<&Value>) -> bool {
    matches!(v, None | Some(Value::Null)) || v.and_then(Value::as_str) == Some("")
}

/// The call-level checks, in the order above.
fn check(crm: &CrmConfig, req: &MergeRequest, leads: &[StoredLead]) -> Result<(), ApiError> {
    let purls = leads
        .iter()
        .filter(|l| !is_empty(l.data.get("_purl")))
        .count();
    if purls > 1 {
        return Err(ApiError::catalogued(1079, &[]));
    }
    if !crm.native_sync {
        return Ok(());
    }
    if leads.iter().any(|l| crm_type(l) == Some("personAccount")) {
        return Err(ApiError::catalogued(712, &[]));
    }
    if !req.in_crm {
        return Ok(());
    }
    if !crm.default_record_type {
        return Err(ApiError::catalogued(714, &[]));
    }
    if leads.iter().any(|l| crm_type(l).is_none()) {
        return Err(ApiError::catalogued(1076, &[]));
    }
    let deleted = |l: &StoredLead| {
        l.data
            .get("_crm")
            .and_then(|c| c.get("deleted"))
            .and_then(Value::as_bool)
            == Some(true)
    };
    if leads.iter().any(deleted) {
        return Err(ApiError::catalogued(1078, &[]));
    }
    Ok(())
}

/// The winner's values, each empty one filled from the first losing lead that has it.
fn merged_values(winner: &StoredLead, losers: &[StoredLead]) -> Map<String, Value> {
    let mut data = winner.data.clone();
    for loser in losers {
        for (k, v) in &loser.data {
            if is_empty(data.get(k)) && !is_empty(Some(v)) {
                data.insert(k.clone(), v.clone());
            }
        }
    }
    data
}

/// Run the merge.
pub(super) fn run(
    crm: &CrmConfig,
    store: &Store,
    req: &MergeRequest,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let losers: Vec<i64> = req
        .losers
        .iter()
        .copied()
        .filter(|l| *l != req.winner)
        .collect();
    if losers.len() > MAX_LOSERS {
        return Err(ApiError::catalogued(1080, &[]));
    }
    let at = format_time(now);
    store.transaction(|db| {
        let mut leads = Vec::with_capacity(losers.len() + 1);
        for id in std::iter::once(req.winner).chain(losers.iter().copied()) {
            leads.push(rows::get(db, id)?.ok_or_else(|| ApiError::catalogued(1004, &[]))?);
        }
        check(crm, req, &leads)?;
        let data = merged_values(&leads[0], &leads[1..]);
        if req.in_crm && crm.native_sync {
            for (field, max) in &crm.field_lengths {
                let long = data
                    .get(field)
                    .and_then(Value::as_str)
                    .is_some_and(|s| s.chars().count() > *max);
                if long {
                    return Err(ApiError::catalogued(1077, &[field]));
                }
            }
        }
        rows::update(db, req.winner, &at, &data)?;
        for loser in &losers {
            merge::reassign(db, *loser, req.winner)?;
            rows::delete(db, *loser)?;
        }
        crate::activities::record::merged(db, req.winner, &losers, req.in_crm, &at)?;
        Ok::<_, ApiError>(())
    })
}
