//! The read-only data view: what the emulator holds, read straight from its store (never through the API it
//! emulates, so it counts against nothing). Pages take `offset` and `limit` (default 100, at most 1000) and
//! answer `{"total": N, "items": [...]}`.

use super::reply::{self, AdminRequest};
use crate::state::AppState;
use crate::store::{view, Db, StoreError};
use axum::response::Response;
use serde::Deserialize;

/// Rows a page holds when `limit` is not given.
const DEFAULT_LIMIT: usize = 100;
/// Most rows a page holds.
const MAX_LIMIT: usize = 1000;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PageQuery {
    offset: usize,
    limit: Option<usize>,
    email: Option<String>,
    list_id: Option<i64>,
    lead_id: Option<i64>,
    type_id: Option<i64>,
}

impl PageQuery {
    fn limit(&self) -> usize {
        self.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT)
    }
}

/// Run a read and answer it as JSON; a query string of the wrong shape is 400, a storage failure 500.
fn read<T: serde::Serialize>(
    state: &AppState,
    req: &AdminRequest,
    f: impl FnOnce(&Db, &PageQuery) -> Result<T, StoreError>,
) -> Response {
    let q: PageQuery = match req.query() {
        Ok(q) => q,
        Err(refused) => return *refused,
    };
    match state.model.store().with(|db| f(db, &q)) {
        Ok(value) => reply::json(&value),
        Err(e) => reply::internal(format!("data view: {e}")),
    }
}

/// `GET /data`: counts of leads, lists, memberships, activities, bulk jobs and records per object type.
pub fn summary(state: &AppState, req: &AdminRequest) -> Response {
    let jobs = match state.bulk.view(&state.model, state.now()) {
        Ok(j) => serde_json::json!({"imports": j.imports.len(), "exports": j.exports.len()}),
        Err(e) => serde_json::json!({"error": e.message}),
    };
    read(state, req, |db, _| {
        let counts = view::counts(db)?;
        Ok(serde_json::json!({
            "leads": counts.leads,
            "lists": counts.lists,
            "memberships": counts.memberships,
            "activities": counts.activities,
            "bulk": jobs,
            "objects": counts.objects,
        }))
    })
}

/// `GET /data/leads?email=&offset=&limit=`.
pub fn leads(state: &AppState, req: &AdminRequest) -> Response {
    read(state, req, |db, q| {
        view::leads(db, q.email.as_deref(), q.offset, q.limit())
    })
}

/// `GET /data/leads/{id}`: the lead, the lists it is in, its latest activities.
pub fn lead(state: &AppState, req: &AdminRequest) -> Response {
    let id = i64::try_from(req.int_param("id")).unwrap_or(i64::MAX);
    let found = state.model.store().with(|db| {
        let Some(lead) = view::leads_by_id(db, id)? else {
            return Ok(None);
        };
        let lists = view::lists_of(db, id)?;
        let activities = view::activities(db, Some(id), None, 0, DEFAULT_LIMIT)?;
        Ok(Some(serde_json::json!({
            "lead": lead,
            "lists": lists,
            "activities": activities,
        })))
    });
    match found {
        Ok(Some(value)) => reply::json(&value),
        Ok(None) => reply::not_found(format!("no lead {id}")),
        Err(e) => reply::internal(format!("data view: {e}")),
    }
}

/// `GET /data/lists?offset=&limit=`.
pub fn lists(state: &AppState, req: &AdminRequest) -> Response {
    read(state, req, |db, q| view::lists(db, q.offset, q.limit()))
}

/// `GET /data/memberships?list_id=&lead_id=&offset=&limit=`.
pub fn memberships(state: &AppState, req: &AdminRequest) -> Response {
    read(state, req, |db, q| {
        view::memberships(db, q.list_id, q.lead_id, q.offset, q.limit())
    })
}

/// `GET /data/activities?lead_id=&type_id=&offset=&limit=`.
pub fn activities(state: &AppState, req: &AdminRequest) -> Response {
    read(state, req, |db, q| {
        view::activities(db, q.lead_id, q.type_id, q.offset, q.limit())
    })
}

/// `GET /data/bulk`: imports and exports with their status records, as of now.
pub fn bulk(state: &AppState, _: &AdminRequest) -> Response {
    match state.bulk.view(&state.model, state.now()) {
        Ok(jobs) => reply::json(&jobs),
        Err(e) => reply::internal(format!("bulk jobs: {} {}", e.code, e.message)),
    }
}

/// `GET /data/objects`: `{"companies": 3, ...}`.
pub fn object_kinds(state: &AppState, req: &AdminRequest) -> Response {
    read(state, req, |db, _| view::object_kinds(db))
}

/// `GET /data/objects/{kind}?offset=&limit=`.
pub fn objects(state: &AppState, req: &AdminRequest) -> Response {
    let kind = req.param("kind").to_owned();
    read(state, req, |db, q| {
        view::objects(db, &kind, q.offset, q.limit())
    })
}
