//! Looking a batch's lookup values up on the server: which leads have them, by id. Taken before a batch is
//! sent (what the server had) and again on resume (what it has now), it tells what a batch in flight did.

use futures::TryStreamExt;
use marketo_client::{Client, Error as ClientError, Lead, SyncAction};
use serde_json::Value;
use std::collections::BTreeMap;

/// Lead ids by normalized lookup value.
pub type Image = BTreeMap<String, Vec<i64>>;

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

/// Whether an action needs the before-image: its batches cannot simply be sent again after a kill
/// (`createDuplicate` would create twice, `createOnly` would report its own leads as 1005, `createOrUpdate`
/// would count them as updated). `updateOnly` sent again is an update of the same leads.
pub fn needs_image(action: SyncAction) -> bool {
    !matches!(action, SyncAction::UpdateOnly)
}

/// The leads that have any of `values` in `field`, by normalized value (ids ascending).
pub async fn image(
    client: &Client,
    field: &str,
    values: &[Option<String>],
) -> Result<Image, ClientError> {
    let mut distinct: BTreeMap<String, String> = BTreeMap::new();
    for v in values.iter().flatten() {
        distinct.entry(normalize(v)).or_insert_with(|| v.clone());
    }
    let mut image = Image::new();
    if distinct.is_empty() {
        return Ok(image);
    }
    let fields: Vec<&str> = if field == "id" {
        vec!["id"]
    } else {
        vec!["id", field]
    };
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
        image.entry(normalize(&value)).or_default().push(id);
    }
    for ids in image.values_mut() {
        ids.sort_unstable();
        ids.dedup();
    }
    Ok(image)
}
