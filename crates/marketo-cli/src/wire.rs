//! The client's HTTP transport as `mkto` wraps it ([`marketo_client::ClientBuilder::transport`]):
//!
//! - every answer's `requestId` tells the server's time ([`ServerClock`]);
//! - once closed (Ctrl-C), no new request leaves: a request the client starts after that waits forever, and
//!   the command drops it, so only the calls already on the wire finish;
//! - a request sent inside [`in_batch`] marks that batch as having reached the wire, so a stopped sync tells
//!   the batches Marketo may have applied from those it never saw.

use crate::server_time::ServerClock;
use futures::future::BoxFuture;
use marketo_client::transport::{
    HttpRequest, HttpResponse, StreamingResponse, Transport, TransportError,
};
use marketo_types::clock::{Clock, SystemClock};
use std::collections::HashSet;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

tokio::task_local! {
    static BATCH: u64;
}

/// Run `f` as batch `seq`: the requests it sends mark the batch as sent.
pub async fn in_batch<F: Future>(seq: u64, f: F) -> F::Output {
    BATCH.scope(seq, f).await
}

/// What the wire has seen, shared by the transport and the command.
#[derive(Debug, Default)]
pub struct WireState {
    closed: AtomicBool,
    in_flight: AtomicUsize,
    idle: Notify,
    sent: Mutex<HashSet<u64>>,
    /// The status of the bulk job last polled (`Queued`, `Processing`, `Importing`...), for progress lines.
    bulk_status: Mutex<Option<String>>,
    /// The server's time, from the answers.
    pub clock: ServerClock,
}

impl WireState {
    /// Let no new request leave.
    pub fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.idle.notify_waiters();
    }

    /// Whether a request of batch `seq` reached the wire.
    pub fn was_sent(&self, seq: u64) -> bool {
        self.sent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&seq)
    }

    /// Resolves when no request is on the wire.
    /// The status the last bulk job status poll answered, if any.
    pub fn bulk_status(&self) -> Option<String> {
        self.bulk_status
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn observe_bulk_status(&self, body: &[u8]) {
        let status = serde_json::from_slice::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v.pointer("/result/0/status")?.as_str().map(str::to_owned));
        if let Some(s) = status {
            *self.bulk_status.lock().unwrap_or_else(|e| e.into_inner()) = Some(s);
        }
    }

    pub async fn idle(&self) {
        loop {
            let notified = self.idle.notified();
            if self.in_flight.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    }
}

/// Counts a request on the wire until dropped (answered, failed or abandoned).
struct OnWire(Arc<WireState>);

impl OnWire {
    fn new(state: &Arc<WireState>) -> Self {
        state.in_flight.fetch_add(1, Ordering::SeqCst);
        OnWire(state.clone())
    }
}

impl Drop for OnWire {
    fn drop(&mut self) {
        if self.0.in_flight.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

/// The wrapping transport.
#[derive(Debug)]
pub struct Wire {
    inner: Arc<dyn Transport>,
    state: Arc<WireState>,
}

impl Wire {
    /// Wrap `inner`, reporting to `state`.
    pub fn new(inner: Arc<dyn Transport>, state: Arc<WireState>) -> Self {
        Wire { inner, state }
    }

    /// None when closed; else the request is on its way (and its batch, if any, noted).
    fn admit(&self, request: &HttpRequest) -> Option<OnWire> {
        if self.state.closed.load(Ordering::SeqCst) {
            return None;
        }
        // Token requests carry no records: they do not make a batch sent.
        if !request.url.contains("/identity/") {
            if let Ok(seq) = BATCH.try_with(|s| *s) {
                self.state
                    .sent
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(seq);
            }
        }
        Some(OnWire::new(&self.state))
    }
}

impl Transport for Wire {
    fn send(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
        let Some(on_wire) = self.admit(&request) else {
            return Box::pin(std::future::pending());
        };
        let status_poll = request.url.contains("/bulk/v1/") && request.url.contains("/status.json");
        let sent = self.inner.send(request);
        let state = self.state.clone();
        Box::pin(async move {
            let answer = sent.await;
            if let Ok(r) = &answer {
                state.clock.observe_body(&r.body, SystemClock.now());
                if status_poll {
                    state.observe_bulk_status(&r.body);
                }
            }
            drop(on_wire);
            answer
        })
    }

    fn send_streaming(
        &self,
        request: HttpRequest,
    ) -> BoxFuture<'static, Result<StreamingResponse, TransportError>> {
        let Some(on_wire) = self.admit(&request) else {
            return Box::pin(std::future::pending());
        };
        let sent = self.inner.send_streaming(request);
        Box::pin(async move {
            let answer = sent.await;
            drop(on_wire);
            answer
        })
    }
}
