//! The bulk API: Bulk Lead Import (a large file split into imports under 10 MB, queued within the limits,
//! polled, failures mapped back to the file's lines) and Bulk Extract of leads and activities (create,
//! enqueue, poll, download streaming with resume by `Range`, `sha256:` checksum), with 1016, 1019 and the
//! three meanings of 1029 handled as the catalogue says.
//!
//! Job status only changes slowly (Marketo updates export status every 60 s), and every poll is a counted
//! call, so waits follow [`BulkOptions`]: a first wait, doubling up to a ceiling.

mod download;
mod export;
mod failures;
mod fetch;
mod import;
mod multipart;
mod plan;
mod program_members;
mod range;
mod split;

pub use download::DownloadReport;
pub use export::{ExportFilter, ExportFormat, ExportJob, ExportKind, ExportRequest, ExportStatus};
pub use import::{ImportFormat, ImportPart, ImportReport, ImportSettings, RowIssue};
pub use plan::{part_path, ExportPlan, PlannedJob};
pub use program_members::{MemberExportRequest, MemberImportFile};
pub use range::split_date_range;

use crate::client::Client;
use crate::error::{Error, ErrorKind};
use marketo_types::envelope::Envelope;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::time::Duration;

/// How the bulk helpers wait and queue.
///
/// ```
/// use marketo_client::endpoints::BulkOptions;
/// use std::time::Duration;
/// let o = BulkOptions { poll_first: Duration::from_secs(1), ..BulkOptions::default() };
/// assert!(o.poll_first < o.poll_max);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkOptions {
    /// The first wait before polling a job, and after a queue answered full (1016, 1019, 1029).
    pub poll_first: Duration,
    /// The longest wait between two polls (waits double up to it).
    pub poll_max: Duration,
    /// Give up when a queue stays full (or a job stays unfinished) this long.
    pub give_up_after: Duration,
    /// Imports of one file kept submitted and unfinished at once (Marketo queues 10, 2 running).
    pub max_queued_imports: usize,
    /// The largest import part, header included (below the 10 MB limit).
    pub max_part_bytes: usize,
    /// Attempts of a download that makes no progress (each resumes where the last stopped).
    pub download_attempts: u32,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            poll_first: Duration::from_secs(5),
            poll_max: Duration::from_secs(60),
            give_up_after: Duration::from_secs(12 * 3600),
            max_queued_imports: marketo_types::limits::BULK_IMPORT_QUEUED,
            max_part_bytes: marketo_types::limits::SAFE_BULK_IMPORT_BYTES,
            download_attempts: 5,
        }
    }
}

/// The bulk endpoints. Get one with [`Client::bulk`].
#[derive(Debug, Clone)]
pub struct Bulk<'a> {
    client: &'a Client,
    options: BulkOptions,
}

impl<'a> Bulk<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Bulk {
            client,
            options: BulkOptions::default(),
        }
    }

    /// Use `options` for waits and queueing.
    pub fn with_options(mut self, options: BulkOptions) -> Self {
        self.options = options;
        self
    }

    /// The options in use.
    pub fn options(&self) -> &BulkOptions {
        &self.options
    }
}

/// Waits that start at `first` and double up to `max`, with a deadline.
#[derive(Debug)]
pub(crate) struct Poller {
    next: Duration,
    first: Duration,
    max: Duration,
    waited: Duration,
    limit: Duration,
}

impl Poller {
    pub(crate) fn new(o: &BulkOptions) -> Self {
        Poller {
            next: o.poll_first,
            first: o.poll_first,
            max: o.poll_max.max(o.poll_first),
            waited: Duration::ZERO,
            limit: o.give_up_after,
        }
    }

    /// Wait the next delay; `Err` once the waits pass the deadline. `what` names what is waited for.
    pub(crate) async fn wait(&mut self, what: &str) -> Result<(), Error> {
        if self.waited >= self.limit {
            return Err(Error::new(
                ErrorKind::Transient,
                format!(
                    "gave up after waiting {}s for {what}",
                    self.waited.as_secs()
                ),
            ));
        }
        tracing::debug!(wait_s = self.next.as_secs_f64(), what, "bulk: waiting");
        tokio::time::sleep(self.next).await;
        self.waited += self.next;
        self.next = (self.next * 2).min(self.max);
        Ok(())
    }

    /// Something moved: start again from the first delay (the deadline restarts too).
    pub(crate) fn progress(&mut self) {
        self.next = self.first;
        self.waited = Duration::ZERO;
    }
}

/// The first result of an envelope, typed.
pub(crate) fn first_result<T: DeserializeOwned>(
    envelope: Envelope<Value>,
    what: &str,
) -> Result<T, Error> {
    let request_id = envelope.request_id.clone();
    let value = envelope
        .result
        .and_then(|r| r.into_iter().next())
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Protocol,
                format!("{what}: the answer has no result"),
            )
            .with_request_id(Some(request_id.clone()))
        })?;
    serde_json::from_value(value).map_err(|e| {
        Error::new(
            ErrorKind::Protocol,
            format!("{what}: unexpected result ({e})"),
        )
        .with_request_id(Some(request_id))
    })
}

/// The meaning name the catalogue gives an error's (code, message), e.g. `queue-full` for 1029.
pub(crate) fn meaning(e: &Error) -> Option<&'static str> {
    let code = e.code()?;
    marketo_types::codes::classify(code, e.message())
        .meaning
        .map(|m| m.name)
}
