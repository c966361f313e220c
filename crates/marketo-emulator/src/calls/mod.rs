//! The request log: every call to a Marketo path the emulator answered, with its method, path, query,
//! request and response bodies (secrets masked by [`redact`], large bodies cut by [`body`]), duration, status,
//! code and user; read with filters ([`filter`]) through `GET /_emulator/calls` or followed live through
//! `GET /_emulator/calls/stream` (every new call is also sent to the subscribers of [`CallLog::subscribe`]).
//!
//! It keeps the latest [`CALL_LOG_CAPACITY`] calls, and at most [`BODY_BUDGET`] bytes of body text: past
//! either, the oldest calls are forgotten.
//!
//! ```
//! use marketo_emulator::calls::{CallLog, CallRecord};
//! let mut log = CallLog::default();
//! let id = log.push(CallRecord::default());
//! assert_eq!(id, 1);
//! assert_eq!(log.get(1).unwrap().id, 1);
//! ```

pub mod body;
pub mod filter;
pub mod redact;

use body::LoggedBody;
use chrono::{DateTime, Utc};
use filter::CallFilter;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, VecDeque};
use tokio::sync::broadcast;

/// Entries kept in the request log.
pub const CALL_LOG_CAPACITY: usize = 10_000;
/// Bytes of body text kept across the whole log.
pub const BODY_BUDGET: usize = 32 * 1024 * 1024;
/// New calls a slow tail subscriber may fall behind by before it misses some (it is told how many).
const TAIL_BACKLOG: usize = 1024;

/// One call the emulator answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallRecord {
    /// Its place in the log: 1 for the first call since the start or the last reset, then 2, 3...
    pub id: u64,
    /// The HTTP method as received (before any `_method=GET` override).
    pub method: String,
    /// The path, without the query string.
    pub path: String,
    /// The query string, secrets masked (absent when there was none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The HTTP status answered (0 when the connection was dropped).
    pub status: u16,
    /// The response-level code answered, if any (`errors[0].code`).
    pub code: Option<u16>,
    /// Whether the call counted against the rate window and the daily quota.
    pub counted: bool,
    /// Whether the connection was dropped by a fault rule.
    pub dropped: bool,
    /// The id of the fault rule that fired on it, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<u64>,
    /// The requestId answered.
    pub request_id: String,
    /// When the call arrived, by the emulator's clock.
    pub at: DateTime<Utc>,
    /// How long the emulator took to answer, in microseconds (by its clock).
    pub duration_us: u64,
    /// The client id that made it, once authenticated.
    pub client_id: Option<String>,
    /// That API user's email (the `userId` of the usage stats).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Request headers that say what was sent (content type and length, accept, user agent, range; the
    /// `Authorization` header with its scheme only).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub request_headers: BTreeMap<String, String>,
    /// The request body.
    #[serde(default)]
    pub request_body: Option<LoggedBody>,
    /// The response's content type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_type: Option<String>,
    /// The response body.
    #[serde(default)]
    pub response_body: Option<LoggedBody>,
}

impl CallRecord {
    /// The record without its bodies (lists that leave them out).
    pub fn without_bodies(&self) -> CallRecord {
        CallRecord {
            request_body: None,
            response_body: None,
            ..self.clone()
        }
    }

    fn held(&self) -> usize {
        self.request_body.as_ref().map_or(0, LoggedBody::held)
            + self.response_body.as_ref().map_or(0, LoggedBody::held)
    }
}

/// The request log (see the module docs).
#[derive(Debug)]
pub struct CallLog {
    calls: VecDeque<CallRecord>,
    held: usize,
    last_id: u64,
    tail: broadcast::Sender<CallRecord>,
}

impl Default for CallLog {
    fn default() -> Self {
        CallLog {
            calls: VecDeque::new(),
            held: 0,
            last_id: 0,
            tail: broadcast::channel(TAIL_BACKLOG).0,
        }
    }
}

impl CallLog {
    /// Append a call, giving it the next id (returned); forget the oldest past the capacity or the body
    /// budget; send it to the tail's subscribers.
    pub fn push(&mut self, mut call: CallRecord) -> u64 {
        self.last_id += 1;
        call.id = self.last_id;
        self.held += call.held();
        // Only a tail that someone follows gets a copy; a send that nobody receives is not an error.
        if self.tail.receiver_count() > 0 {
            let _ = self.tail.send(call.clone());
        }
        self.calls.push_back(call);
        while self.calls.len() > CALL_LOG_CAPACITY
            || (self.held > BODY_BUDGET && self.calls.len() > 1)
        {
            if let Some(old) = self.calls.pop_front() {
                self.held -= old.held();
            }
        }
        self.last_id
    }

    /// Every call kept, oldest first.
    pub fn all(&self) -> Vec<CallRecord> {
        self.calls.iter().cloned().collect()
    }

    /// The calls that match `filter`, oldest first (the latest `limit` of them).
    pub fn query(&self, filter: &CallFilter) -> Vec<CallRecord> {
        let limit = filter.limit.unwrap_or(usize::MAX);
        let mut out: Vec<CallRecord> = self
            .calls
            .iter()
            .rev()
            .filter(|c| filter.matches(c))
            .take(limit)
            .map(|c| {
                if filter.without_bodies {
                    c.without_bodies()
                } else {
                    c.clone()
                }
            })
            .collect();
        out.reverse();
        out
    }

    /// The call with this id, while it is kept.
    pub fn get(&self, id: u64) -> Option<CallRecord> {
        let first = self.calls.front()?.id;
        let idx = usize::try_from(id.checked_sub(first)?).ok()?;
        self.calls.get(idx).filter(|c| c.id == id).cloned()
    }

    /// Every new call from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<CallRecord> {
        self.tail.subscribe()
    }

    /// Forget every call; ids start again from 1.
    pub fn clear(&mut self) {
        self.calls.clear();
        self.held = 0;
        self.last_id = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(path: &str, code: Option<u16>, body: usize) -> CallRecord {
        CallRecord {
            path: path.to_owned(),
            method: "GET".to_owned(),
            status: 200,
            code,
            request_body: (body > 0).then(|| LoggedBody {
                size: body as u64,
                text: "x".repeat(body),
                truncated: false,
            }),
            ..CallRecord::default()
        }
    }

    #[test]
    fn ids_filters_limit_and_the_tail() {
        let mut log = CallLog::default();
        let mut rx = log.subscribe();
        for i in 0..5 {
            let code = (i % 2 == 0).then_some(606);
            log.push(call(&format!("/rest/v1/lead/{i}.json"), code, 0));
        }
        assert_eq!(rx.try_recv().unwrap().id, 1);
        let f = CallFilter::parse("code=606&limit=2").unwrap();
        let ids: Vec<u64> = log.query(&f).iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![3, 5]);
        let f = CallFilter::parse("after=3").unwrap();
        assert_eq!(log.query(&f).len(), 2);
        assert_eq!(log.get(4).unwrap().path, "/rest/v1/lead/3.json");
        assert!(log.get(9).is_none());
        log.clear();
        assert!(log.get(1).is_none());
        assert_eq!(log.push(call("/x", None, 0)), 1);
    }

    #[test]
    fn the_body_budget_forgets_the_oldest() {
        let mut log = CallLog::default();
        let each = BODY_BUDGET / 3 + 1;
        for _ in 0..4 {
            log.push(call("/x", None, each));
        }
        let kept: Vec<u64> = log.all().iter().map(|c| c.id).collect();
        assert_eq!(kept, vec![3, 4]);
        assert!(log.held <= BODY_BUDGET);
        let bare = CallFilter::parse("bodies=false").unwrap();
        assert!(log.query(&bare).iter().all(|c| c.request_body.is_none()));
    }
}
