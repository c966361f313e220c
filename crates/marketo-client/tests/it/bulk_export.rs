//! Bulk Extract against the emulator: the 404 before completion, a download cut half way and resumed with
//! `Range`, the checksum, the three meanings of 1029, 1035, and long ranges split into 31-day jobs.

use crate::support::*;
use bytes::Bytes;
use chrono::{DateTime, Duration as Days, Utc};
use futures::future::BoxFuture;
use futures::StreamExt;
use marketo_client::endpoints::{
    ExportFilter, ExportKind, ExportPlan, ExportRequest, ExportStatus,
};
use marketo_client::transport::{
    HttpRequest, HttpResponse, ReqwestTransport, StreamingResponse, Transport, TransportError,
};
use marketo_client::{Client, ErrorKind};
use marketo_emulator::bulk::BulkConfig;
use marketo_emulator::Emulator;
use marketo_types::clock::Clock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

const K: &ExportKind = &ExportKind::Leads;

fn now(emu: &Emulator) -> DateTime<Utc> {
    emu.state().clock.now()
}

fn request(emu: &Emulator) -> ExportRequest {
    let t = now(emu);
    ExportRequest::new(
        vec!["id".into(), "email".into(), "firstName".into()],
        ExportFilter::CreatedAt(t - Days::days(10), t + Days::days(1)),
    )
}

async fn seed(client: &Client, n: usize) {
    let out = client
        .leads()
        .sync(leads("x", n), Default::default())
        .await
        .unwrap();
    assert_eq!(out.len(), n);
}

/// What a transport does to export file bodies.
#[derive(Debug, Clone, Copy)]
enum Tamper {
    /// Cut the first file response half way through.
    CutOnce,
    /// Flip a byte of the first `n` file responses.
    Corrupt(u32),
}

/// reqwest, with file bodies tampered with.
#[derive(Debug)]
struct Tampering {
    inner: ReqwestTransport,
    tamper: Tamper,
    fired: AtomicU32,
}

impl Transport for Tampering {
    fn send(&self, r: HttpRequest) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
        self.inner.send(r)
    }

    fn send_streaming(
        &self,
        r: HttpRequest,
    ) -> BoxFuture<'static, Result<StreamingResponse, TransportError>> {
        let is_file = r.url.contains("/file.json");
        let sent = self.inner.send_streaming(r);
        let n = if is_file {
            self.fired.fetch_add(1, Ordering::SeqCst)
        } else {
            u32::MAX
        };
        let tamper = self.tamper;
        Box::pin(async move {
            let mut resp = sent.await?;
            if resp.status >= 300 {
                return Ok(resp);
            }
            let whole: Vec<u8> = resp
                .body
                .by_ref()
                .collect::<Vec<_>>()
                .await
                .into_iter()
                .collect::<Result<Vec<Bytes>, _>>()?
                .concat();
            resp.body = match tamper {
                Tamper::CutOnce if n == 0 => {
                    let half = Bytes::copy_from_slice(&whole[..whole.len() / 2]);
                    let cut = TransportError {
                        message: "connection reset".into(),
                        timeout: false,
                    };
                    futures::stream::iter(vec![Ok(half), Err(cut)]).boxed()
                }
                Tamper::Corrupt(times) if n < times => {
                    let mut bad = whole;
                    bad[0] ^= 0x20;
                    futures::stream::iter(vec![Ok(Bytes::from(bad))]).boxed()
                }
                _ => futures::stream::iter(vec![Ok(Bytes::from(whole))]).boxed(),
            };
            Ok(resp)
        })
    }
}

fn tampering_client(emu: &Emulator, tamper: Tamper) -> Client {
    let t = ReqwestTransport::new(Duration::from_secs(5), Duration::from_secs(60), 4).unwrap();
    builder(emu)
        .transport(Arc::new(Tampering {
            inner: t,
            tamper,
            fired: AtomicU32::new(0),
        }))
        .build()
        .unwrap()
}

async fn completed_job(client: &Client, emu: &Emulator) -> marketo_client::endpoints::ExportJob {
    let bulk = client.bulk();
    let job = bulk.create_export(K, &request(emu)).await.unwrap();
    bulk.enqueue_export(K, &job.export_id).await.unwrap();
    bulk.wait_export(K, &job.export_id).await.unwrap()
}

fn sha(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("sha256:{:x}", sha2::Sha256::digest(bytes))
}

#[tokio::test(start_paused = true)]
async fn the_404_before_completion_is_handled_by_polling() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    seed(&client, 40).await;
    let bulk = client.bulk();
    let job = bulk.create_export(K, &request(&emu)).await.unwrap();
    let queued = bulk.enqueue_export(K, &job.export_id).await.unwrap();
    assert_ne!(queued.status, ExportStatus::Completed);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let report = bulk.download_export(K, &queued, &path).await.unwrap();
    let file = format!("/bulk/v1/leads/export/{}/file.json", job.export_id);
    let calls = calls_to(&emu, &file);
    assert_eq!(calls[0].status, 404, "{calls:?}");
    assert_eq!(calls.last().unwrap().status, 200);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 41);
    assert_eq!(report.checksum.unwrap(), sha(text.as_bytes()));
}

#[tokio::test(start_paused = true)]
async fn a_download_cut_half_way_resumes_with_range_from_the_bytes_it_has() {
    let emu = emulator(|b| b).await;
    let client = tampering_client(&emu, Tamper::CutOnce);
    seed(&client, 300).await;
    let job = completed_job(&client, &emu).await;
    let size = job.file_size.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let report = client.bulk().download_export(K, &job, &path).await.unwrap();
    assert_eq!(report.requests, 2);
    assert_eq!(report.bytes, size);
    let file = format!("/bulk/v1/leads/export/{}/file.json", job.export_id);
    let statuses: Vec<u16> = calls_to(&emu, &file).iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [200, 206],
        "the second call asked for the rest only"
    );
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(Some(sha(&bytes)), job.file_checksum);
}

#[tokio::test(start_paused = true)]
async fn a_partial_file_on_disk_is_resumed_not_downloaded_again() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    seed(&client, 100).await;
    let job = completed_job(&client, &emu).await;
    let dir = tempfile::tempdir().unwrap();
    let whole_path = dir.path().join("whole.csv");
    client
        .bulk()
        .download_export(K, &job, &whole_path)
        .await
        .unwrap();
    let whole = std::fs::read(&whole_path).unwrap();
    let path = dir.path().join("out.csv");
    std::fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let report = client.bulk().download_export(K, &job, &path).await.unwrap();
    assert_eq!(report.resumed_from, (whole.len() / 2) as u64);
    assert_eq!(std::fs::read(&path).unwrap(), whole);
}

#[tokio::test(start_paused = true)]
async fn a_checksum_mismatch_is_detected() {
    let emu = emulator(|b| b).await;
    // Corrupt once: detected, fetched again from the start, verified.
    let client = tampering_client(&emu, Tamper::Corrupt(1));
    seed(&client, 20).await;
    let job = completed_job(&client, &emu).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    let report = client.bulk().download_export(K, &job, &path).await.unwrap();
    assert_eq!(report.requests, 2);
    assert_eq!(Some(sha(&std::fs::read(&path).unwrap())), job.file_checksum);
    // Corrupt every time: an error naming both checksums, and no corrupt file left behind.
    let client = tampering_client(&emu, Tamper::Corrupt(u32::MAX));
    let path = dir.path().join("bad.csv");
    let e = client
        .bulk()
        .download_export(K, &job, &path)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Protocol);
    assert!(e.to_string().contains("checksum mismatch"), "{e}");
    assert!(
        e.to_string()
            .contains(job.file_checksum.as_deref().unwrap()),
        "{e}"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[tokio::test(start_paused = true)]
async fn code_1029_queue_full_waits_then_enqueues_again() {
    let emu = emulator(|b| {
        b.bulk(BulkConfig {
            export_processing: 1,
            export_queued: 1,
            ..BulkConfig::default()
        })
    })
    .await;
    let client = client(&emu);
    seed(&client, 5).await;
    let bulk = client.bulk();
    let first = bulk.create_export(K, &request(&emu)).await.unwrap();
    let second = bulk.create_export(K, &request(&emu)).await.unwrap();
    bulk.enqueue_export(K, &first.export_id).await.unwrap();
    let queued = bulk.enqueue_export(K, &second.export_id).await.unwrap();
    assert!(matches!(
        queued.status,
        ExportStatus::Queued | ExportStatus::Processing
    ));
    assert!(answered(&emu, 1029) >= 1);
    assert_eq!(
        bulk.wait_export(K, &first.export_id).await.unwrap().status,
        ExportStatus::Completed
    );
}

#[tokio::test(start_paused = true)]
async fn code_1029_export_daily_quota_stops_with_the_reset_time() {
    let emu = emulator(|b| {
        b.bulk(BulkConfig {
            export_daily_bytes: 100,
            ..BulkConfig::default()
        })
    })
    .await;
    let client = client(&emu);
    seed(&client, 20).await;
    completed_job(&client, &emu).await;
    let bulk = client.bulk();
    let before = emu.calls().len();
    let e = match bulk.create_export(K, &request(&emu)).await {
        Ok(job) => bulk.enqueue_export(K, &job.export_id).await.unwrap_err(),
        Err(e) => e,
    };
    assert_eq!(e.kind(), ErrorKind::QuotaExhausted, "{e}");
    assert_eq!(e.code(), Some(1029));
    assert!(e.message().contains("Export daily quota"), "{e}");
    let reset = e.reset_at().expect("reset time");
    assert_eq!(reset, marketo_types::quota_day::next_reset(now(&emu)));
    assert!(emu.calls().len() - before <= 2, "not retried");
}

#[tokio::test(start_paused = true)]
async fn code_1029_job_already_queued_polls_instead() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    let bulk = client.bulk();
    let job = bulk.create_export(K, &request(&emu)).await.unwrap();
    bulk.enqueue_export(K, &job.export_id).await.unwrap();
    let again = bulk.enqueue_export(K, &job.export_id).await.unwrap();
    assert_eq!(again.export_id, job.export_id);
    assert_eq!(answered(&emu, 1029), 1);
    let status = format!("/bulk/v1/leads/export/{}/status.json", job.export_id);
    assert_eq!(calls_to(&emu, &status).len(), 1, "polled once instead");
}

#[tokio::test(start_paused = true)]
async fn code_1035_unsupported_filter_fails_clearly() {
    let emu = emulator(|b| {
        b.bulk(BulkConfig {
            unsupported_export_filters: vec!["updatedAt".into()],
            ..BulkConfig::default()
        })
    })
    .await;
    let t = now(&emu);
    let r = ExportRequest::new(
        vec!["email".into()],
        ExportFilter::UpdatedAt(t - Days::days(1), t),
    );
    let e = client(&emu).bulk().create_export(K, &r).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert_eq!(e.code(), Some(1035));
    assert!(e.to_string().contains("Unsupported filter type"), "{e}");
    assert_eq!(calls_to(&emu, "/bulk/v1/leads/export/create.json").len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_long_range_is_split_into_31_day_jobs_into_one_file() {
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    seed(&client, 25).await;
    let t = now(&emu);
    let r = ExportRequest::new(
        vec!["id".into(), "email".into()],
        ExportFilter::CreatedAt(t - Days::days(100), t + Days::days(1)),
    );
    let mut plan = ExportPlan::new(K.clone(), &r);
    assert_eq!(plan.jobs.len(), 4);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("all.csv");
    let mut saves = 0;
    client
        .bulk()
        .run_export_plan(&r, &mut plan, &out, &mut |_| saves += 1)
        .await
        .unwrap();
    assert!(plan.is_done());
    assert!(saves >= 8);
    assert_eq!(calls_to(&emu, "/bulk/v1/leads/export/create.json").len(), 4);
    assert_eq!(answered(&emu, 1003), 0, "no range passed 31 days");
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,email");
    assert_eq!(lines.len(), 26, "one header, every lead once");
    assert_eq!(plan.records(), 25);
    assert!(!marketo_client::endpoints::part_path(&out, 3).exists());
}
