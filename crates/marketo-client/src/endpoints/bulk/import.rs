//! Bulk import of a whole file (leads, a custom object's records, or a program's members): split into parts under the 10 MB limit, submitted while the queue has
//! room (1016 "Too many imports" and 1019 "Import in progress" are waited out with backoff), polled until
//! each finishes, and every failed or warned row reported with its line in the original file.

pub use super::failures::RowIssue;

use super::failures::{all_rows, map_issues};
use super::split::{plan, Part, SplitPlan};
use super::{first_result, Bulk, Poller};
use crate::error::Error;
use crate::progress::ProgressEvent;
use crate::request::ApiRequest;
use marketo_types::bulk::{ImportBatch, ImportStatus};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// Queue answers waited out rather than retried by the call loop.
const QUEUE_CODES: &[u16] = &[1016, 1019];

/// The import file's format (CSV, TSV, SSV): the one definition both sides of the wire use.
pub use marketo_types::bulk::BulkFormat as ImportFormat;

/// What a bulk import writes to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ImportTarget {
    /// Leads (`POST /bulk/v1/leads.json`).
    #[default]
    Leads,
    /// The records of a custom object type (`POST /bulk/v1/customobjects/{apiName}/import.json`).
    CustomObject(String),
    /// The members of a program, all given one status
    /// (`POST /bulk/v1/program/{programId}/members/import.json?programMemberStatus=`).
    ProgramMembers {
        /// The program.
        program_id: i64,
        /// The status every imported member gets (one of the program's channel).
        status: String,
    },
}

impl ImportTarget {
    fn submit_path(&self) -> String {
        match self {
            ImportTarget::Leads => "/bulk/v1/leads.json".into(),
            ImportTarget::CustomObject(name) => {
                format!("/bulk/v1/customobjects/{name}/import.json")
            }
            ImportTarget::ProgramMembers { program_id, .. } => {
                format!("/bulk/v1/program/{program_id}/members/import.json")
            }
        }
    }

    /// `status.json`, `failures.json` or `warnings.json` of a batch (`which` is `None` for the status).
    fn batch_path(&self, batch_id: i64, which: Option<&str>) -> String {
        match (self, which) {
            (ImportTarget::Leads, None) => format!("/bulk/v1/leads/batch/{batch_id}.json"),
            (ImportTarget::Leads, Some(w)) => format!("/bulk/v1/leads/batch/{batch_id}/{w}.json"),
            (ImportTarget::CustomObject(name), w) => format!(
                "/bulk/v1/customobjects/{name}/import/{batch_id}/{}.json",
                w.unwrap_or("status")
            ),
            (ImportTarget::ProgramMembers { .. }, w) => format!(
                "/bulk/v1/program/members/import/{batch_id}/{}.json",
                w.unwrap_or("status")
            ),
        }
    }
}

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSettings {
    /// Leads (the default), a custom object type, or a program's members.
    pub target: ImportTarget,
    /// The file's format.
    pub format: ImportFormat,
    /// Leads only: the dedupe field (Marketo's default: `email`; `id` updates only).
    pub lookup_field: Option<String>,
    /// Leads only: a static list every imported lead joins.
    pub list_id: Option<i64>,
    /// Leads only: the partition new leads go to.
    pub partition_name: Option<String>,
}

/// One import job: a part of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPart {
    /// Marketo's `batchId`, once submitted.
    pub batch_id: Option<i64>,
    /// The line of its first row in the original file.
    pub first_line: u64,
    /// Its rows.
    pub rows: u64,
    /// `NotSent`, `Queued`, `Importing`, `Complete` or `Failed`.
    pub status: String,
    /// Marketo's message once it finished.
    pub message: Option<String>,
    /// Rows imported.
    pub processed: u64,
    /// Rows failed.
    pub failed: u64,
    /// Rows imported with a warning.
    pub warned: u64,
}

/// The result of importing a file.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// Data rows in the file.
    pub rows: u64,
    /// The import jobs, in file order.
    pub parts: Vec<ImportPart>,
    /// Rows not imported, in file order, with their reasons.
    pub failures: Vec<RowIssue>,
    /// Rows imported with a warning.
    pub warnings: Vec<RowIssue>,
    /// Why submitting stopped early, if it did: the parts still `NotSent` were never sent.
    pub stopped: Option<Error>,
}

impl ImportReport {
    /// Rows imported.
    pub fn processed(&self) -> u64 {
        self.parts.iter().map(|p| p.processed).sum()
    }

    /// Rows in parts never sent.
    pub fn not_sent(&self) -> u64 {
        self.parts
            .iter()
            .filter(|p| p.batch_id.is_none())
            .map(|p| p.rows)
            .sum()
    }
}

impl Bulk<'_> {
    /// Import `path` into [`ImportSettings::target`] (`POST /bulk/v1/leads.json` for leads): the file is cut at row boundaries into parts under
    /// [`BulkOptions::max_part_bytes`](super::BulkOptions), each repeating the header row; parts are
    /// submitted while the queue has room and polled with backoff until done.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_client::endpoints::ImportSettings;
    /// let report = client.bulk().import_file("leads.csv", &ImportSettings::default()).await?;
    /// for f in &report.failures {
    ///     eprintln!("line {:?}: {}", f.line, f.reason);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn import_file(
        &self,
        path: impl AsRef<Path>,
        settings: &ImportSettings,
    ) -> Result<ImportReport, Error> {
        let path = path.as_ref().to_path_buf();
        let delimiter = settings.format.import_delimiter();
        let max = self.options.max_part_bytes;
        let p = path.clone();
        let plan = tokio::task::spawn_blocking(move || plan(&p, delimiter, max))
            .await
            .map_err(|e| {
                Error::new(crate::ErrorKind::Protocol, format!("splitting failed: {e}"))
            })??;
        let mut report = ImportReport {
            rows: plan.rows,
            parts: plan
                .parts
                .iter()
                .map(|p| ImportPart {
                    batch_id: None,
                    first_line: p.first_line,
                    rows: p.rows,
                    status: "NotSent".to_owned(),
                    message: None,
                    processed: 0,
                    failed: 0,
                    warned: 0,
                })
                .collect(),
            failures: Vec::new(),
            warnings: Vec::new(),
            stopped: None,
        };
        tracing::info!(file = %path.display(), rows = plan.rows, parts = plan.parts.len(), "bulk import");
        let mut next = 0usize;
        let mut outstanding: VecDeque<usize> = VecDeque::new();
        let mut poller = Poller::new(&self.options);
        loop {
            while report.stopped.is_none()
                && next < plan.parts.len()
                && outstanding.len() < self.options.max_queued_imports.max(1)
            {
                match self.submit(&path, &plan, next, settings).await {
                    Ok(batch_id) => {
                        report.parts[next].batch_id = Some(batch_id);
                        report.parts[next].status = "Queued".to_owned();
                        outstanding.push_back(next);
                        next += 1;
                    }
                    Err(e) if e.code().is_some_and(|c| QUEUE_CODES.contains(&c)) => {
                        tracing::info!(code = e.code(), "bulk import queue busy: waiting");
                        break;
                    }
                    Err(e) => report.stopped = Some(e),
                }
            }
            let queue_left = report.stopped.is_none() && next < plan.parts.len();
            if outstanding.is_empty() && !queue_left {
                break;
            }
            if let Err(e) = poller.wait("the bulk import queue").await {
                report.stopped.get_or_insert(e);
                break;
            }
            let mut moved = false;
            let mut done = Vec::new();
            for &i in &outstanding {
                let Some(id) = report.parts[i].batch_id else {
                    continue;
                };
                let s = match self.import_status(&settings.target, id).await {
                    Ok(s) => s,
                    Err(e) if e.kind().stops_work() => {
                        report.stopped.get_or_insert(e);
                        break;
                    }
                    Err(e) => {
                        tracing::warn!(batch = id, error = %e, "bulk import status failed; polling again later");
                        break;
                    }
                };
                let part = &mut report.parts[i];
                moved |= part.status != s.status.as_str();
                part.status = s.status.as_str().to_owned();
                match s.status {
                    ImportStatus::Complete | ImportStatus::Failed => {
                        part.processed = s.processed();
                        part.failed = s.failed();
                        part.warned = s.warned();
                        part.message = s.message.clone();
                        done.push(i);
                        let rows = &plan.parts[i];
                        self.collect(&path, delimiter, rows, &s, &settings.target, &mut report)
                            .await?;
                    }
                    ImportStatus::Queued => break,
                    ImportStatus::Importing => {}
                }
            }
            outstanding.retain(|i| !done.contains(i));
            if moved {
                poller.progress();
            }
            if report
                .stopped
                .as_ref()
                .is_some_and(|e| e.kind().stops_work())
            {
                break;
            }
        }
        Ok(report)
    }

    async fn submit(
        &self,
        path: &Path,
        plan: &SplitPlan,
        index: usize,
        settings: &ImportSettings,
    ) -> Result<i64, Error> {
        let part = plan.parts[index].clone();
        let (p, header) = (PathBuf::from(path), plan.header.clone());
        let ext = settings.format.as_lower();
        let ct = if settings.format == ImportFormat::Csv {
            "text/csv"
        } else {
            "text/plain"
        };
        let filename = format!("part-{}.{ext}", index + 1);
        let (boundary, body) = tokio::task::spawn_blocking(move || {
            super::multipart::part_body(&p, &header, &part, &filename, ct)
        })
        .await
        .map_err(|e| {
            Error::new(
                crate::ErrorKind::Protocol,
                format!("reading the part failed: {e}"),
            )
        })??;
        let mut request = ApiRequest::post_multipart(settings.target.submit_path(), boundary, body)
            .param("format", settings.format.as_lower())
            .returning(QUEUE_CODES);
        if let ImportTarget::ProgramMembers { status, .. } = &settings.target {
            request = request.param("programMemberStatus", status.clone());
        }
        if let Some(f) = &settings.lookup_field {
            request = request.param("lookupField", f.clone());
        }
        if let Some(l) = settings.list_id {
            request = request.param("listId", l.to_string());
        }
        if let Some(p) = &settings.partition_name {
            request = request.param("partitionName", p.clone());
        }
        let envelope = self.client.inner.execute(request).await?;
        let s: ImportBatch = first_result(envelope, "bulk import")?;
        tracing::info!(
            batch = s.batch_id,
            part = index + 1,
            "bulk import submitted"
        );
        Ok(s.batch_id)
    }

    async fn import_status(
        &self,
        target: &ImportTarget,
        batch_id: i64,
    ) -> Result<ImportBatch, Error> {
        let request = ApiRequest::get(target.batch_path(batch_id, None));
        first_result(
            self.client.inner.execute(request).await?,
            "bulk import status",
        )
    }

    /// The failures and warnings of a finished part, into the report.
    async fn collect(
        &self,
        path: &Path,
        delimiter: u8,
        part: &Part,
        s: &ImportBatch,
        target: &ImportTarget,
        report: &mut ImportReport,
    ) -> Result<(), Error> {
        let inner = &self.client.inner;
        if s.status == ImportStatus::Failed {
            let reason = s
                .message
                .clone()
                .unwrap_or_else(|| "Import failed".to_owned());
            report
                .failures
                .extend(all_rows(path, delimiter, part, &reason)?);
            report
                .parts
                .iter_mut()
                .filter(|p| p.batch_id == Some(s.batch_id))
                .for_each(|p| p.failed = p.rows);
        }
        for (which, count, into_failures) in [
            ("failures", s.failed(), true),
            ("warnings", s.warned(), false),
        ] {
            if count == 0 || s.status == ImportStatus::Failed {
                continue;
            }
            let request = ApiRequest::get(target.batch_path(s.batch_id, Some(which)));
            let answer = inner.fetch_file(&request, None).await?;
            if answer.status == 404 {
                tracing::warn!(
                    batch = s.batch_id,
                    which,
                    "the import's {which} file is missing"
                );
                continue;
            }
            let bytes = super::fetch::read_all(answer, which).await?;
            let issues = map_issues(path, delimiter, part, &bytes)?;
            if into_failures {
                report.failures.extend(issues);
            } else {
                report.warnings.extend(issues);
            }
        }
        let count = (s.processed() + s.failed()) as usize;
        inner.emit(ProgressEvent::RecordsDone { count });
        Ok(())
    }
}
