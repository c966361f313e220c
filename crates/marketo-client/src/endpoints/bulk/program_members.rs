//! Bulk program members: Import Program Members (one file under 10 MB into a program with a status; its
//! status, failures and warnings) and Bulk Program Member Extract (create here; enqueue, poll, download and
//! cancel with [`ExportKind::ProgramMembers`] through the export calls every kind shares). The queue codes
//! (1016, 1029) are handled as for leads; 1013 (unknown program) and 1025 (status not in the channel) at
//! submission are [`ErrorKind::Request`](crate::ErrorKind::Request).

use super::export::{ExportFormat, ExportJob, ExportKind};
use super::{first_result, Bulk};
use crate::error::{Error, ErrorKind};
use crate::operations::ApiRequest;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use marketo_types::bulk::{BulkFormat, ImportBatch};
use marketo_types::limits::SAFE_BULK_IMPORT_BYTES;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A Bulk Program Member Extract job: fields (lead and program member fields) and its filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberExportRequest {
    /// The columns, by REST name.
    pub fields: Vec<String>,
    /// The file's format.
    pub format: ExportFormat,
    /// Column headers other than the field names.
    pub column_header_names: BTreeMap<String, String>,
    /// One program (`programId`), or up to 10 (`programIds`: the file then starts with `programId`).
    pub program_ids: Vec<i64>,
    /// Only members in these statuses (empty: any).
    pub status_names: Vec<String>,
    /// Only members updated in this range (31 days at most; not on every subscription: 1035).
    pub updated_at: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

impl MemberExportRequest {
    /// An export of `fields` of the members of `program_ids`, as CSV.
    pub fn new(fields: Vec<String>, program_ids: Vec<i64>) -> Self {
        MemberExportRequest {
            fields,
            format: ExportFormat::Csv,
            column_header_names: BTreeMap::new(),
            program_ids,
            status_names: Vec::new(),
            updated_at: None,
        }
    }

    pub(crate) fn to_json(&self) -> Value {
        let mut filter = Map::new();
        match self.program_ids.as_slice() {
            [one] => filter.insert("programId".into(), json!(one)),
            many => filter.insert("programIds".into(), json!(many)),
        };
        if !self.status_names.is_empty() {
            filter.insert("statusNames".into(), json!(self.status_names));
        }
        if let Some((s, e)) = self.updated_at {
            let t = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            filter.insert("updatedAt".into(), json!({"startAt": t(s), "endAt": t(e)}));
        }
        let mut body = Map::new();
        body.insert("fields".into(), json!(self.fields));
        body.insert("format".into(), json!(self.format));
        if !self.column_header_names.is_empty() {
            body.insert("columnHeaderNames".into(), json!(self.column_header_names));
        }
        body.insert("filter".into(), Value::Object(filter));
        Value::Object(body)
    }
}

/// Which file of a program member import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberImportFile {
    /// The rows that failed, each with its reason.
    Failures,
    /// The rows imported with a warning, each with its reason.
    Warnings,
}

fn multipart(file: &[u8], format: BulkFormat) -> (String, Bytes) {
    let boundary = loop {
        let b = format!("mkto-{:032x}", rand::random::<u128>());
        if !file.windows(b.len()).any(|w| w == b.as_bytes()) {
            break b;
        }
    };
    let ct = if format == BulkFormat::Csv {
        "text/csv"
    } else {
        "text/plain"
    };
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"members.{}\"\r\n\
         Content-Type: {ct}\r\n\r\n",
        format.as_lower()
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (boundary, Bytes::from(body))
}

impl Bulk<'_> {
    /// Create Export Program Member Job (`Created`): then [`Bulk::enqueue_export`], [`Bulk::wait_export`] and
    /// [`Bulk::download_export`] with [`ExportKind::ProgramMembers`].
    pub async fn create_member_export(
        &self,
        request: &MemberExportRequest,
    ) -> Result<ExportJob, Error> {
        let body = serde_json::to_vec(&request.to_json()).unwrap_or_default();
        let r = ApiRequest::post_json(ExportKind::ProgramMembers.path("create.json"), body.into())
            .returning(&[1029]);
        first_result(self.client.inner.execute(r).await?, "create export")
    }

    /// Import Program Members: `file` (with a header row, every row an `email`) into `program_id` with
    /// `status`; the queued batch. A file over the safe 10 MB is refused before sending
    /// ([`ErrorKind::TooLarge`]).
    pub async fn import_members(
        &self,
        program_id: i64,
        status: &str,
        format: BulkFormat,
        file: &[u8],
    ) -> Result<ImportBatch, Error> {
        if file.len() > SAFE_BULK_IMPORT_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "a program member file of {} bytes is over the bulk import limit",
                    file.len()
                ),
            ));
        }
        let (boundary, body) = multipart(file, format);
        let r = ApiRequest::post_multipart(
            format!("/bulk/v1/program/{program_id}/members/import.json"),
            boundary,
            body,
        )
        .param("format", format.as_lower())
        .param("programMemberStatus", status.to_owned());
        first_result(self.client.inner.execute(r).await?, "program member import")
    }

    /// Get Import Program Member Status.
    pub async fn member_import_status(&self, batch_id: i64) -> Result<ImportBatch, Error> {
        let r = ApiRequest::get(format!(
            "/bulk/v1/program/members/import/{batch_id}/status.json"
        ));
        first_result(
            self.client.inner.execute(r).await?,
            "program member import status",
        )
    }

    /// The failures or warnings file of a program member import, as sent.
    pub async fn member_import_file(
        &self,
        batch_id: i64,
        which: MemberImportFile,
    ) -> Result<Vec<u8>, Error> {
        let name = match which {
            MemberImportFile::Failures => "failures",
            MemberImportFile::Warnings => "warnings",
        };
        let r = ApiRequest::get(format!(
            "/bulk/v1/program/members/import/{batch_id}/{name}.json"
        ));
        let answer = self.client.inner.fetch_file(&r, None).await?;
        super::fetch::read_all(answer, name).await
    }
}
