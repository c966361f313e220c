//! Bulk Program Member Import (bulk-program-member-import.md): a lead import (deduplicated by `email`, the
//! only operation "insert or update") whose imported leads then join the program with `programMemberStatus`,
//! on the lead imports' queue and limits (1016, 413 past 10 MB), status and failure and warning files.
//!
//! Submitting checks the format (1003), that the file has a data row (1003 "Empty file"), the program (1013)
//! and the status (1025, as Sync Program Member Status does). A row without an email fails. Columns that are custom program member fields
//! are written on the member; other columns that are no lead field are ignored with a warning. A member
//! already at or past the status keeps its status [INF]; a lead the import created is `acquiredBy` the
//! program.

use super::import::ImportJob;
use super::queue::Schedule;
use super::{errors, has_data_row, Bulk};
use crate::engine::format_time;
use crate::model::Model;
use crate::programs::{fields, members, status};
use crate::store::program_members as stored;
use chrono::{DateTime, Utc};
use marketo_types::bulk::{BulkFormat, ImportBatch};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The failure reason of a row without an email (every record must have one, the docs say) [INF: wording].
pub const EMAIL_REQUIRED: &str = "Email is required";

/// The program a member import fills and the status its members get.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberImport {
    /// The program.
    pub program_id: i64,
    /// `programMemberStatus`.
    pub status: String,
}

/// The names of the custom program member fields, for a program member import (none otherwise).
pub fn custom_fields(model: &Model, job: &ImportJob) -> Result<Vec<String>, ApiError> {
    if job.program.is_none() {
        return Ok(Vec::new());
    }
    Ok(fields::all(model.store())?
        .into_iter()
        .filter(|f| f.is_custom)
        .map(|f| f.name)
        .collect())
}

/// The imported leads (`(id, created, member fields)`) join the program at its status.
pub fn join(
    model: &Model,
    import: &MemberImport,
    joined: &[(i64, bool, Map<String, Value>)],
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    let at = format_time(at);
    model.store().transaction(|db| {
        let program = status::load(db, import.program_id)?;
        let target = program.target(&import.status)?.clone();
        for (lead, created, data) in joined {
            members::join(db, &program, *lead, &target, *created, &at)?;
            if !data.is_empty() {
                if let Some(mut m) = stored::get(db, program.id, *lead)? {
                    m.data.extend(data.clone());
                    m.updated_at = at.clone();
                    stored::put(db, &m)?;
                }
            }
        }
        Ok(())
    })
}

impl Bulk {
    /// Import Program Members into `program_id` with `status`: check, store the file, queue the job; the
    /// `Queued` entry.
    #[allow(clippy::too_many_arguments)]
    pub fn submit_member_import(
        &self,
        model: &Model,
        owner: &str,
        program_id: i64,
        status_name: Option<&str>,
        format: Option<&str>,
        file: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ImportBatch, ApiError> {
        let format = match format.map(str::trim) {
            None | Some("") => BulkFormat::Csv,
            Some(f) => BulkFormat::parse(f).ok_or_else(|| errors::invalid(errors::BAD_FORMAT))?,
        };
        let status_name = match status_name.map(str::trim) {
            None => return Err(ApiError::catalogued(1002, &["programMemberStatus"])),
            Some("") => return Err(ApiError::catalogued(701, &["programMemberStatus"])),
            Some(s) => s.to_owned(),
        };
        if !has_data_row(file) {
            return Err(errors::empty_file());
        }
        model.store().with(|db| {
            Ok(status::load(db, program_id).and_then(|p| p.target(&status_name).map(drop)))
        })??;
        let job = ImportJob {
            batch_id: 0,
            owner: owner.to_owned(),
            format,
            lookup_field: "email".to_owned(),
            list_id: None,
            partition_name: None,
            partitions: None,
            schedule: Schedule::queued(now),
            processed: 0,
            failed: 0,
            warned: 0,
            message: None,
            object: None,
            program: Some(MemberImport {
                program_id,
                status: status_name,
            }),
        };
        self.queue_import(model, job, file, now)
            .map(|job| job.record())
    }
}
