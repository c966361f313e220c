//! An export of any length into one file: the date range cut into jobs of at most 31 days, each downloaded
//! beside the output (`OUT.partN`, resumable), checked, then appended to the output with its header row
//! dropped after the first. The plan is plain data: save it after every change (the `on_change` callback)
//! and a later run picks up where this one stopped, without exporting again what is already on disk.

use super::export::{ExportKind, ExportRequest, ExportStatus};
use super::range::split_date_range;
use super::Bulk;
use crate::error::{Error, ErrorKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

/// One job of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedJob {
    /// Its range (date filters only).
    pub range: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The export id, once created.
    pub export_id: Option<String>,
    /// Records in its file, once downloaded.
    pub records: Option<u64>,
    /// Whether its file is in the output.
    pub appended: bool,
}

/// The jobs of an export and how far it got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportPlan {
    /// Leads or activities.
    pub kind: ExportKind,
    /// The jobs, in range order.
    pub jobs: Vec<PlannedJob>,
    /// The output's length after the last appended job (a rerun cuts it back to this).
    pub output_len: u64,
}

impl ExportPlan {
    /// A plan for `request`: one job per 31 days of a date filter, or one job.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use marketo_client::endpoints::{ExportFilter, ExportKind, ExportPlan, ExportRequest};
    /// let a = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    /// let b = Utc.with_ymd_and_hms(2024, 12, 31, 0, 0, 0).unwrap();
    /// let r = ExportRequest::new(vec!["email".into()], ExportFilter::CreatedAt(a, b));
    /// assert_eq!(ExportPlan::new(ExportKind::Leads, &r).jobs.len(), 12);
    /// ```
    pub fn new(kind: ExportKind, request: &ExportRequest) -> Self {
        let jobs = match request.filter.range() {
            Some((a, b)) => split_date_range(a, b)
                .into_iter()
                .map(|r| PlannedJob {
                    range: Some(r),
                    export_id: None,
                    records: None,
                    appended: false,
                })
                .collect(),
            None => vec![PlannedJob {
                range: None,
                export_id: None,
                records: None,
                appended: false,
            }],
        };
        ExportPlan {
            kind,
            jobs,
            output_len: 0,
        }
    }

    /// Whether every job is in the output.
    pub fn is_done(&self) -> bool {
        self.jobs.iter().all(|j| j.appended)
    }

    /// Records in the output so far.
    pub fn records(&self) -> u64 {
        self.jobs
            .iter()
            .filter(|j| j.appended)
            .filter_map(|j| j.records)
            .sum()
    }
}

/// Where job `i` is downloaded before it is appended.
pub fn part_path(output: &Path, i: usize) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(format!(".part{}", i + 1));
    PathBuf::from(name)
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::new(
        ErrorKind::Request,
        format!("cannot write {}: {e}", path.display()),
    )
    .with_source(e)
}

/// Append `part` to `out`, without its first line when `skip_header`.
async fn append(out: &Path, part: &Path, skip_header: bool) -> Result<u64, Error> {
    let src = tokio::fs::File::open(part).await.map_err(|e| io(part, e))?;
    let mut src = tokio::io::BufReader::with_capacity(64 * 1024, src);
    if skip_header {
        let mut header = Vec::new();
        src.read_until(b'\n', &mut header)
            .await
            .map_err(|e| io(part, e))?;
    }
    let mut dst = tokio::fs::OpenOptions::new()
        .append(true)
        .open(out)
        .await
        .map_err(|e| io(out, e))?;
    let n = tokio::io::copy_buf(&mut src, &mut dst)
        .await
        .map_err(|e| io(out, e))?;
    dst.flush().await.map_err(|e| io(out, e))?;
    dst.sync_data().await.map_err(|e| io(out, e))?;
    Ok(n)
}

impl Bulk<'_> {
    /// Run `plan` (made from `request`) into `output`: create, enqueue, wait for and download each job not
    /// yet appended, in order; `on_change` sees the plan after every step, to save it.
    pub async fn run_export_plan(
        &self,
        request: &ExportRequest,
        plan: &mut ExportPlan,
        output: &Path,
        on_change: &mut (dyn FnMut(&ExportPlan) + Send),
    ) -> Result<(), Error> {
        let kind = plan.kind.clone();
        let out = tokio::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(output)
            .await
            .map_err(|e| io(output, e))?;
        out.set_len(plan.output_len)
            .await
            .map_err(|e| io(output, e))?;
        drop(out);
        for i in 0..plan.jobs.len() {
            if plan.jobs[i].appended {
                continue;
            }
            let mut req = request.clone();
            if let Some((a, b)) = plan.jobs[i].range {
                req.filter = req.filter.with_range(a, b);
            }
            let job = match plan.jobs[i].export_id.clone() {
                Some(id) => self.export_status(&kind, &id).await?,
                None => {
                    let job = self.create_export(&kind, &req).await?;
                    plan.jobs[i].export_id = Some(job.export_id.clone());
                    on_change(plan);
                    job
                }
            };
            let id = job.export_id.clone();
            let job = match job.status {
                ExportStatus::Created => {
                    self.enqueue_export(&kind, &id).await?;
                    self.wait_export(&kind, &id).await?
                }
                ExportStatus::Completed => job,
                _ => self.wait_export(&kind, &id).await?,
            };
            let part = part_path(output, i);
            self.download_export(&kind, &job, &part).await?;
            let skip_header = plan.output_len > 0;
            let n = append(output, &part, skip_header).await?;
            plan.output_len += n;
            plan.jobs[i].records = job.number_of_records;
            plan.jobs[i].appended = true;
            on_change(plan);
            tokio::fs::remove_file(&part)
                .await
                .map_err(|e| io(&part, e))?;
            self.client.inner.emit(crate::ProgressEvent::RecordsDone {
                count: job.number_of_records.unwrap_or(0) as usize,
            });
        }
        Ok(())
    }
}
