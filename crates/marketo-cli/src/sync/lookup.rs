//! Looking a batch's lookup values up on the server (on `--resume` only): which leads have them, with their
//! ids and creation times, which tell what a batch in flight did (see `reconcile`).

use crate::checkpoint::Since;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use marketo_client::{Client, Error as ClientError, Lead, SyncAction};
use serde_json::Value;
use std::collections::BTreeMap;

/// Lead ids by normalized lookup value (ids ascending).
pub type Image = BTreeMap<String, Vec<i64>>;

/// One lead found: its id and when it was created (None when Marketo did not say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Lead id.
    pub id: i64,
    /// `createdAt`.
    pub created: Option<DateTime<Utc>>,
}

/// The leads found, by normalized lookup value.
pub type Finds = BTreeMap<String, Vec<Found>>;

/// A lookup value as sent: a string trimmed, a number or boolean as text; None when empty or missing.
pub fn value_of(record: &Lead, field: &str) -> Option<String> {
    match record.get(field)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The form values are compared in: Marketo matches lookup values without regard to case.
pub fn normalize(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Whether a batch of this action needs a [`Since`] in its write-ahead record: its batches cannot simply be
/// sent again after a kill (`createDuplicate` would create twice, `createOnly` would report its own leads as
/// 1005, `createOrUpdate` would count them as updated). `updateOnly` sent again is an update of the same leads.
pub fn needs_since(action: SyncAction) -> bool {
    !matches!(action, SyncAction::UpdateOnly)
}

/// The ids of every lead found (what the server has now).
pub fn after(finds: &Finds) -> Image {
    finds
        .iter()
        .map(|(v, leads)| (v.clone(), leads.iter().map(|l| l.id).collect()))
        .collect()
}

/// The ids of the leads found that the batch written down with `since` did not create: created before
/// `since.at`, with no known creation time, or with an id this run had already created.
pub fn before(finds: &Finds, since: &Since) -> Image {
    finds
        .iter()
        .map(|(v, leads)| {
            let old = leads
                .iter()
                .filter(|l| l.id <= since.after_id || l.created.is_none_or(|c| c < since.at))
                .map(|l| l.id)
                .collect();
            (v.clone(), old)
        })
        .collect()
}

/// The leads that have any of `values` in `field`, by normalized value (ids ascending).
pub async fn find(
    client: &Client,
    field: &str,
    values: &[Option<String>],
) -> Result<Finds, ClientError> {
    let mut distinct: BTreeMap<String, String> = BTreeMap::new();
    for v in values.iter().flatten() {
        distinct.entry(normalize(v)).or_insert_with(|| v.clone());
    }
    let mut finds = Finds::new();
    if distinct.is_empty() {
        return Ok(finds);
    }
    let mut fields = vec!["id", "createdAt"];
    if field != "id" {
        fields.push(field);
    }
    let leads: Vec<Lead> = client
        .leads()
        .by_filter(field, distinct.into_values().collect(), &fields)
        .try_collect()
        .await?;
    for lead in leads {
        let (Some(id), Some(value)) = (
            lead.get("id").and_then(Value::as_i64),
            value_of(&lead, field),
        ) else {
            continue;
        };
        let created = lead
            .get("createdAt")
            .and_then(Value::as_str)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc));
        finds
            .entry(normalize(&value))
            .or_default()
            .push(Found { id, created });
    }
    for leads in finds.values_mut() {
        leads.sort_unstable_by_key(|l| l.id);
        leads.dedup_by_key(|l| l.id);
    }
    Ok(finds)
}
