//! Record-level fault effects: records answered `skipped` with a catalogued 1xxx reason.
//!
//! Marketo never applies a record it reports skipped, so neither does the emulator: on a call that writes, the
//! model is told which records are [`Held`] and answers them skipped instead of applying them. A read changes
//! nothing, so its answer is rewritten after the fact ([`rewrite`]).
//!
//! A skipped result is `{"status":"skipped","reasons":[{"code":..,"message":..}]}` with the catalogue's
//! message; list and delete results keep the record's `id`, a skipped lead of Sync Leads has none (as Marketo
//! sends it); `seq` is kept where the answer numbers its records.

use marketo_types::envelope::ApiError;
use serde_json::{json, Map, Value};

/// A record-level fault on a call that writes: the first `records` records (all when `None`) are answered
/// skipped with `code` and never applied. The model checks the call as a whole first (a call-level error stands
/// as it would), then answers each covered record skipped instead of processing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    /// The record-level code.
    pub code: u16,
    /// How many records, from the first (`None`: all).
    pub records: Option<u32>,
}

impl Held {
    /// Whether the record at `index` (from 0, input order) is held.
    pub fn covers(&self, index: usize) -> bool {
        self.records.is_none_or(|n| index < n as usize)
    }

    /// The reason a held record is skipped with: the code and its catalogue message.
    pub fn reason(&self) -> ApiError {
        ApiError::catalogued(self.code, &[])
    }
}

/// The reason the record at `index` is skipped with, when `held` covers it.
pub fn held_reason(held: Option<&Held>, index: usize) -> Option<ApiError> {
    held.filter(|h| h.covers(index)).map(Held::reason)
}

/// Rewrite a successful answer's `result`: its first `records` entries (all when `None`) become skipped with
/// `code`. `seq` is kept; `id` only when `keep_ids`. For reads, which change nothing. `None` when `body` is
/// not a successful envelope with a `result` array: the answer stands as it is.
pub fn rewrite(body: &[u8], code: u16, records: Option<u32>, keep_ids: bool) -> Option<Vec<u8>> {
    let mut envelope: Value = serde_json::from_slice(body).ok()?;
    if envelope.get("success") != Some(&Value::Bool(true)) {
        return None;
    }
    let result = envelope.get_mut("result")?.as_array_mut()?;
    let reason = ApiError::catalogued(code, &[]);
    let n = records.map_or(result.len(), |n| usize::try_from(n).unwrap_or(usize::MAX));
    for entry in result.iter_mut().take(n) {
        let mut skipped = Map::new();
        for key in ["seq", "id"] {
            if key == "id" && !keep_ids {
                continue;
            }
            if let Some(v) = entry.get(key) {
                skipped.insert(key.to_owned(), v.clone());
            }
        }
        skipped.insert("status".to_owned(), Value::from("skipped"));
        skipped.insert("reasons".to_owned(), json!([reason]));
        *entry = Value::Object(skipped);
    }
    serde_json::to_vec(&envelope).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrite_turns_the_first_entries_and_keeps_the_rest() {
        let body = br#"{"requestId":"r","result":[{"id":1,"status":"created"},{"id":2,"status":"updated"},{"seq":2,"id":3,"status":"created"}],"success":true}"#;
        let out = rewrite(body, 1036, Some(1), false).unwrap();
        let v: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(
            v["result"],
            json!([
                {"status":"skipped","reasons":[{"code":"1036","message":"Duplicate object found in input"}]},
                {"id":2,"status":"updated"},
                {"seq":2,"id":3,"status":"created"}
            ])
        );
        let all: Value = serde_json::from_slice(&rewrite(body, 1022, None, true).unwrap()).unwrap();
        assert_eq!(all["result"][0]["id"], 1);
        assert_eq!(
            all["result"][2],
            json!({"seq":2,"id":3,"status":"skipped","reasons":[{"code":"1022","message":"Object in use"}]})
        );
        let failed = br#"{"requestId":"r","success":false,"errors":[{"code":"611","message":"System error"}]}"#;
        assert!(rewrite(failed, 1036, None, false).is_none());
    }

    #[test]
    fn held_covers_the_first_records() {
        let some = Held {
            code: 1014,
            records: Some(2),
        };
        assert!(some.covers(0) && some.covers(1) && !some.covers(2));
        let all = Held {
            code: 1014,
            records: None,
        };
        assert!(all.covers(299));
        assert_eq!(held_reason(Some(&some), 1).unwrap().code.value(), 1014);
        assert!(held_reason(Some(&some), 2).is_none());
        assert!(held_reason(None, 0).is_none());
    }
}
