//! The request log: list with filters, one call, clear, and the live tail as server-sent events.
//!
//! The tail (`GET /calls/stream`) sends each new call as an event `call` whose `id` is the call's id and whose
//! data is the call as `GET /calls/{id}` answers it. With `after=ID` (or a `Last-Event-ID` header, as a
//! reconnecting `EventSource` sends) or `since=TIME`, the kept calls after that point come first. The
//! filters of the list apply. A subscriber too slow to keep up gets an event `lagged` with how many calls it
//! missed; the stream ends when the emulator shuts down.

use super::reply::{self, AdminRequest};
use crate::calls::filter::CallFilter;
use crate::calls::CallRecord;
use crate::state::AppState;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream};
use std::collections::VecDeque;
use std::convert::Infallible;
use tokio::sync::broadcast::error::RecvError;

fn filter(req: &AdminRequest) -> Result<CallFilter, reply::Refusal> {
    CallFilter::parse(&req.query).map_err(|e| Box::new(reply::bad_request(e)))
}

/// `GET /calls?path=&code=&method=&since=&after=&limit=&bodies=`: the matching calls, oldest first.
pub fn list(state: &AppState, req: &AdminRequest) -> Response {
    match filter(req) {
        Ok(f) => reply::json(&state.calls_matching(&f)),
        Err(refused) => *refused,
    }
}

/// `GET /calls/{id}`.
pub fn get(state: &AppState, req: &AdminRequest) -> Response {
    let id = req.int_param("id");
    match state.call(id) {
        Some(call) => reply::json(&call),
        None => reply::not_found(format!(
            "no call {id} in the request log (it keeps the latest ones)"
        )),
    }
}

/// `DELETE /calls`: ids start again from 1.
pub fn clear(state: &AppState, _: &AdminRequest) -> Response {
    state.clear_calls();
    reply::json(&serde_json::json!({"cleared": true}))
}

/// `GET /calls/stream`.
pub fn stream(state: &AppState, req: &AdminRequest) -> Response {
    let mut f = match filter(req) {
        Ok(f) => f,
        Err(refused) => return *refused,
    };
    let last_event = req
        .headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if f.after.is_none() {
        f.after = last_event;
    }
    let replay = f.after.is_some() || f.since.is_some();
    let (kept, rx) = state.follow_calls(&CallFilter {
        limit: if replay { f.limit } else { Some(0) },
        ..f.clone()
    });
    // New calls are all after the backlog; ids start again after a reset, so only the other filters apply.
    f.limit = None;
    f.after = None;
    let events = tail(kept.into(), rx, state.closing(), f);
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

struct Tail {
    backlog: VecDeque<CallRecord>,
    rx: tokio::sync::broadcast::Receiver<CallRecord>,
    closing: tokio::sync::watch::Receiver<bool>,
    filter: CallFilter,
}

fn event(call: &CallRecord, without_bodies: bool) -> Event {
    let shown = if without_bodies {
        call.without_bodies()
    } else {
        call.clone()
    };
    let data = serde_json::to_string(&shown).unwrap_or_else(|_| "{}".to_owned());
    Event::default()
        .event("call")
        .id(call.id.to_string())
        .data(data)
}

fn tail(
    backlog: VecDeque<CallRecord>,
    rx: tokio::sync::broadcast::Receiver<CallRecord>,
    closing: tokio::sync::watch::Receiver<bool>,
    filter: CallFilter,
) -> impl Stream<Item = Result<Event, Infallible>> {
    let start = Tail {
        backlog,
        rx,
        closing,
        filter,
    };
    stream::unfold(start, |mut t| async move {
        if let Some(call) = t.backlog.pop_front() {
            let e = event(&call, t.filter.without_bodies);
            return Some((Ok(e), t));
        }
        loop {
            if *t.closing.borrow() {
                return None;
            }
            let next = tokio::select! {
                r = t.rx.recv() => r,
                _ = t.closing.changed() => return None,
            };
            match next {
                Ok(call) if t.filter.matches(&call) => {
                    let e = event(&call, t.filter.without_bodies);
                    return Some((Ok(e), t));
                }
                Ok(_) => {}
                Err(RecvError::Lagged(n)) => {
                    let e = Event::default()
                        .event("lagged")
                        .data(format!("{{\"missed\":{n}}}"));
                    return Some((Ok(e), t));
                }
                Err(RecvError::Closed) => return None,
            }
        }
    })
}
