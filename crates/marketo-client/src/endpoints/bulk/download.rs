//! Downloading an export file to disk: streamed a chunk at a time, resumed with `Range` from the bytes the
//! file already holds (after a cut connection, or from an earlier run), and checked against the job's
//! `sha256:` checksum. A 404 (Marketo's plain-text "not ready") means the job is not done: poll, then fetch.

use super::export::{ExportJob, ExportKind};
use super::Bulk;
use crate::error::{Error, ErrorKind};
use crate::request::ApiRequest;
use futures::TryStreamExt;
use sha2::{Digest, Sha256};
use std::path::Path;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What a download did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadReport {
    /// The file's size.
    pub bytes: u64,
    /// Bytes already on disk when it started (a resumed download).
    pub resumed_from: u64,
    /// File requests made (more than one: resumed after a cut, or polled after a 404).
    pub requests: u32,
    /// The checksum verified (`sha256:<hex>`), when the job gave one.
    pub checksum: Option<String>,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::new(
        ErrorKind::Request,
        format!("cannot write {}: {e}", path.display()),
    )
    .with_source(e)
}

/// Hash the first `len` bytes of `path`.
async fn hash_prefix(path: &Path, len: u64) -> Result<Sha256, Error> {
    let mut hasher = Sha256::new();
    let mut f = tokio::fs::File::open(path)
        .await
        .map_err(|e| io(path, e))?
        .take(len);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf).await.map_err(|e| io(path, e))?;
        if n == 0 {
            return Ok(hasher);
        }
        hasher.update(&buf[..n]);
    }
}

/// The first byte of a `Content-Range: bytes a-b/size` header.
fn range_start(value: Option<&str>) -> Option<u64> {
    value?
        .strip_prefix("bytes ")?
        .split('-')
        .next()?
        .trim()
        .parse()
        .ok()
}

impl Bulk<'_> {
    /// Download the file of export `job` to `path`, resuming from what `path` already holds. A job not yet
    /// completed is polled until it is (the file endpoint answers 404 until then). The whole file is checked
    /// against the job's checksum; on a mismatch it is fetched once more from the start, then an error.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client, job: marketo_client::endpoints::ExportJob) -> Result<(), marketo_client::Error> {
    /// use marketo_client::endpoints::ExportKind;
    /// let report = client.bulk().download_export(&ExportKind::Leads, &job, "leads.csv").await?;
    /// println!("{} bytes", report.bytes);
    /// # Ok(()) }
    /// ```
    pub async fn download_export(
        &self,
        kind: &ExportKind,
        job: &ExportJob,
        path: impl AsRef<Path>,
    ) -> Result<DownloadReport, Error> {
        let path = path.as_ref();
        let mut job = job.clone();
        let request = ApiRequest::get(kind.path(&format!("{}/file.json", job.export_id)));
        let mut file = tokio::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .await
            .map_err(|e| io(path, e))?;
        let mut have = file.metadata().await.map_err(|e| io(path, e))?.len();
        if job.file_size.is_some_and(|s| have > s) {
            file.set_len(0).await.map_err(|e| io(path, e))?;
            have = 0;
        }
        let resumed_from = have;
        let mut hasher = hash_prefix(path, have).await?;
        let (mut requests, mut stalls, mut fresh_starts) = (0u32, 0u32, 0u32);
        loop {
            let complete = job.file_size.is_some_and(|s| have == s);
            if !complete {
                requests += 1;
                let answer = self.client.inner.fetch_file(&request, Some(have)).await?;
                let restart = match answer.status {
                    404 => {
                        tracing::info!(export = %job.export_id, "export file not ready (404): polling the job");
                        job = self.wait_export(kind, &job.export_id).await?;
                        continue;
                    }
                    206 => range_start(answer.header("content-range")) != Some(have),
                    _ => have > 0,
                };
                if restart {
                    // The server sent the file from its start: drop what we had.
                    file.set_len(0).await.map_err(|e| io(path, e))?;
                    have = 0;
                    hasher = Sha256::new();
                    if answer.status == 206 {
                        continue;
                    }
                }
                let before = have;
                let mut body = answer.body;
                let cut = loop {
                    match body.try_next().await {
                        Ok(Some(chunk)) => {
                            file.write_all(&chunk).await.map_err(|e| io(path, e))?;
                            hasher.update(&chunk);
                            have += chunk.len() as u64;
                        }
                        Ok(None) => break None,
                        Err(e) => break Some(e),
                    }
                };
                file.flush().await.map_err(|e| io(path, e))?;
                let short = job.file_size.is_some_and(|s| have < s);
                if cut.is_some() || short {
                    stalls = if have > before { 0 } else { stalls + 1 };
                    tracing::info!(export = %job.export_id, have, "export download cut: resuming with Range");
                    if stalls >= self.options.download_attempts {
                        let mut e = Error::new(
                            ErrorKind::Transport,
                            format!(
                                "the download of export {} keeps breaking at byte {have}",
                                job.export_id
                            ),
                        );
                        if let Some(t) = cut {
                            e = e.with_source(t);
                        }
                        return Err(e);
                    }
                    continue;
                }
            }
            file.sync_data().await.map_err(|e| io(path, e))?;
            let got = format!(
                "sha256:{}",
                hasher
                    .clone()
                    .finalize()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            );
            match &job.file_checksum {
                Some(want) if !want.eq_ignore_ascii_case(&got) => {
                    file.set_len(0).await.map_err(|e| io(path, e))?;
                    if fresh_starts == 0 {
                        tracing::warn!(export = %job.export_id, %want, %got, "checksum mismatch: downloading again from the start");
                        fresh_starts += 1;
                        have = 0;
                        hasher = Sha256::new();
                        continue;
                    }
                    return Err(Error::new(
                        ErrorKind::Protocol,
                        format!(
                            "checksum mismatch for export {}: expected {want}, got {got}; {} was emptied",
                            job.export_id,
                            path.display()
                        ),
                    ));
                }
                _ => {
                    return Ok(DownloadReport {
                        bytes: have,
                        resumed_from,
                        requests,
                        checksum: job.file_checksum.clone(),
                    })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn content_range_start() {
        assert_eq!(super::range_start(Some("bytes 100-199/200")), Some(100));
        assert_eq!(super::range_start(Some("bytes */200")), None);
        assert_eq!(super::range_start(None), None);
    }
}
