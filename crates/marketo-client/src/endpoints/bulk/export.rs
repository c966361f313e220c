//! Bulk Extract jobs (leads and activities): create, enqueue, status, cancel, and waiting for completion.
//!
//! 1029 carries three meanings, told apart through the catalogue: the queue is full (wait with backoff, then
//! enqueue again), the day's export allowance is spent (stop with [`ErrorKind::QuotaExhausted`] and the reset
//! time), the job is already queued (nothing to enqueue: poll its status instead).

use super::{first_result, meaning, Bulk, Poller};
use crate::error::{Error, ErrorKind};
use crate::request::ApiRequest;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// Which bulk extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    /// `/bulk/v1/leads/export`
    Leads,
    /// `/bulk/v1/activities/export`
    Activities,
    /// `/bulk/v1/program/members/export` (create with [`Bulk::create_member_export`]).
    ProgramMembers,
}

impl ExportKind {
    pub(crate) fn path(self, rest: &str) -> String {
        let kind = match self {
            ExportKind::Leads => "leads",
            ExportKind::Activities => "activities",
            ExportKind::ProgramMembers => "program/members",
        };
        format!("/bulk/v1/{kind}/export/{rest}")
    }
}

/// The export file's format (CSV, TSV, SSV): the one definition both sides of the wire use.
pub use marketo_types::bulk::BulkFormat as ExportFormat;

/// The one filter of an export job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportFilter {
    /// Leads created (or activities that happened) in `[start, end)`, at most 31 days.
    CreatedAt(DateTime<Utc>, DateTime<Utc>),
    /// Leads updated in `[start, end)` (not supported on every subscription: 1035).
    UpdatedAt(DateTime<Utc>, DateTime<Utc>),
    /// Members of a static list, by id.
    StaticListId(i64),
    /// Members of a static list, by name.
    StaticListName(String),
    /// Members of a smart list, by id (1035 on some subscriptions).
    SmartListId(i64),
    /// Members of a smart list, by name (1035 on some subscriptions).
    SmartListName(String),
}

impl ExportFilter {
    /// The date range, for the date filters.
    pub fn range(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        match self {
            ExportFilter::CreatedAt(a, b) | ExportFilter::UpdatedAt(a, b) => Some((*a, *b)),
            _ => None,
        }
    }

    /// The same filter over another range (date filters only).
    pub fn with_range(&self, start: DateTime<Utc>, end: DateTime<Utc>) -> ExportFilter {
        match self {
            ExportFilter::CreatedAt(..) => ExportFilter::CreatedAt(start, end),
            ExportFilter::UpdatedAt(..) => ExportFilter::UpdatedAt(start, end),
            other => other.clone(),
        }
    }

    fn to_json(&self) -> (String, Value) {
        let range = |a: &DateTime<Utc>, b: &DateTime<Utc>| {
            json!({"startAt": a.to_rfc3339_opts(SecondsFormat::Secs, true),
                   "endAt": b.to_rfc3339_opts(SecondsFormat::Secs, true)})
        };
        let (k, v) = match self {
            ExportFilter::CreatedAt(a, b) => ("createdAt", range(a, b)),
            ExportFilter::UpdatedAt(a, b) => ("updatedAt", range(a, b)),
            ExportFilter::StaticListId(id) => ("staticListId", json!(id)),
            ExportFilter::StaticListName(n) => ("staticListName", json!(n)),
            ExportFilter::SmartListId(id) => ("smartListId", json!(id)),
            ExportFilter::SmartListName(n) => ("smartListName", json!(n)),
        };
        (k.to_owned(), v)
    }
}

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// Fields (REST names); required for leads, optional for activities.
    pub fields: Vec<String>,
    /// The file format.
    pub format: ExportFormat,
    /// Header names to use instead of the REST names.
    pub column_header_names: BTreeMap<String, String>,
    /// The filter.
    pub filter: ExportFilter,
    /// Activities only: the activity types (empty: all).
    pub activity_type_ids: Vec<i64>,
}

impl ExportRequest {
    /// An export of `fields` with `filter`, as CSV.
    pub fn new(fields: Vec<String>, filter: ExportFilter) -> Self {
        ExportRequest {
            fields,
            format: ExportFormat::Csv,
            column_header_names: BTreeMap::new(),
            filter,
            activity_type_ids: Vec::new(),
        }
    }

    pub(crate) fn to_json(&self) -> Value {
        let mut body = Map::new();
        if !self.fields.is_empty() {
            body.insert("fields".into(), json!(self.fields));
        }
        body.insert("format".into(), json!(self.format));
        if !self.column_header_names.is_empty() {
            body.insert("columnHeaderNames".into(), json!(self.column_header_names));
        }
        let (k, v) = self.filter.to_json();
        let mut filter = Map::new();
        filter.insert(k, v);
        if !self.activity_type_ids.is_empty() {
            filter.insert("activityTypeIds".into(), json!(self.activity_type_ids));
        }
        body.insert("filter".into(), Value::Object(filter));
        Value::Object(body)
    }
}

pub use marketo_types::bulk::{ExportJob, ExportStatus};

impl Bulk<'_> {
    /// Create an export job (`Created`). A spent daily allowance (1029) is [`ErrorKind::QuotaExhausted`]
    /// with the reset time; 1035 (filter not supported) and 1003 (range too long) are [`ErrorKind::Request`].
    pub async fn create_export(
        &self,
        kind: ExportKind,
        request: &ExportRequest,
    ) -> Result<ExportJob, Error> {
        let body = serde_json::to_vec(&request.to_json()).unwrap_or_default();
        let r = ApiRequest::post_json(kind.path("create.json"), body.into()).returning(&[1029]);
        first_result(self.client.inner.execute(r).await?, "create export")
    }

    /// Enqueue a created job. A full queue (1029 "Too many jobs") is waited out with backoff; a job already
    /// queued (1029) is polled instead; a spent allowance stops with the reset time.
    pub async fn enqueue_export(&self, kind: ExportKind, id: &str) -> Result<ExportJob, Error> {
        let mut poller = Poller::new(&self.options);
        loop {
            let r = ApiRequest::post_json(kind.path(&format!("{id}/enqueue.json")), "{}".into())
                .returning(&[1029]);
            let e = match self.client.inner.execute(r).await {
                Ok(env) => return first_result(env, "enqueue export"),
                Err(e) => e,
            };
            match meaning(&e) {
                Some("queue-full") => {
                    tracing::info!(
                        export = id,
                        "export queue full (1029): waiting to enqueue again"
                    );
                    poller.wait("a place in the export queue").await?;
                }
                Some("job-already-queued") => {
                    tracing::info!(
                        export = id,
                        "export already queued (1029): polling its status"
                    );
                    return self.export_status(kind, id).await;
                }
                _ => return Err(e),
            }
        }
    }

    /// A job's status.
    pub async fn export_status(&self, kind: ExportKind, id: &str) -> Result<ExportJob, Error> {
        let r = ApiRequest::get(kind.path(&format!("{id}/status.json")));
        first_result(self.client.inner.execute(r).await?, "export status")
    }

    /// Cancel a job.
    pub async fn cancel_export(&self, kind: ExportKind, id: &str) -> Result<ExportJob, Error> {
        let r = ApiRequest::post_json(kind.path(&format!("{id}/cancel.json")), "{}".into());
        first_result(self.client.inner.execute(r).await?, "cancel export")
    }

    /// Poll a job with backoff until it is `Completed`; `Failed` and `Cancelled` are errors.
    pub async fn wait_export(&self, kind: ExportKind, id: &str) -> Result<ExportJob, Error> {
        let mut poller = Poller::new(&self.options);
        let mut last = None;
        loop {
            let job = self.export_status(kind, id).await?;
            match job.status {
                ExportStatus::Completed => return Ok(job),
                ExportStatus::Failed | ExportStatus::Cancelled => {
                    return Err(Error::new(
                        ErrorKind::Request,
                        format!(
                            "export {id} is {:?}{}",
                            job.status,
                            job.error_msg
                                .as_deref()
                                .map(|m| format!(": {m}"))
                                .unwrap_or_default()
                        ),
                    ))
                }
                ExportStatus::Created => {
                    return Err(Error::new(
                        ErrorKind::Request,
                        format!("export {id} was never enqueued"),
                    ))
                }
                _ => {}
            }
            if last.as_ref() != Some(&job.status) {
                poller.progress();
                last = Some(job.status);
            }
            poller.wait("the export job").await?;
        }
    }
}
