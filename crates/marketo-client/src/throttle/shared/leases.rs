//! Slot leases of the calls this job has running, renewed by one background task every third of their
//! time-to-live. A job that dies stops renewing, and its slots free themselves when the leases lapse.

use super::conn::Connection;
use super::scripts::RENEW;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;
use tokio::task::JoinHandle;

/// The leases to renew, and the task renewing them.
#[derive(Debug, Default)]
pub(crate) struct Leases {
    running: Mutex<HashSet<String>>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Leases {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A call started: renew its lease until [`Leases::end`]. Starts the renewing task on first use.
    pub(crate) fn start(
        self: &Arc<Self>,
        id: &str,
        conn: &Arc<Connection>,
        key: &str,
        ttl: Duration,
    ) {
        self.lock().insert(id.to_owned());
        let mut task = self.task.lock().unwrap_or_else(|e| e.into_inner());
        if task.is_none() {
            *task = Some(tokio::spawn(renew(
                Arc::downgrade(self),
                conn.clone(),
                key.to_owned(),
                ttl,
            )));
        }
    }

    /// A call ended.
    pub(crate) fn end(&self, id: &str) {
        self.lock().remove(id);
    }

    /// Stop renewing (the backend is going away, or a test plays a killed job).
    pub(crate) fn halt(&self) {
        if let Some(t) = self.task.lock().unwrap_or_else(|e| e.into_inner()).take() {
            t.abort();
        }
    }
}

async fn renew(leases: Weak<Leases>, conn: Arc<Connection>, key: String, ttl: Duration) {
    let every = ttl / 3;
    loop {
        tokio::time::sleep(every).await;
        let Some(leases) = leases.upgrade() else {
            return;
        };
        let ids: Vec<String> = leases.lock().iter().cloned().collect();
        drop(leases);
        if ids.is_empty() {
            continue;
        }
        let ttl_ms = ttl.as_millis() as u64;
        let result = conn
            .run("renewing slot leases", |mut c| {
                let (ids, key) = (ids.clone(), key.clone());
                async move {
                    let mut call = RENEW.key(&key);
                    call.arg(ttl_ms);
                    for id in &ids {
                        call.arg(id);
                    }
                    call.invoke_async::<u32>(&mut c).await
                }
            })
            .await;
        match result {
            Ok(n) if (n as usize) < ids.len() => tracing::warn!(
                running = ids.len(),
                renewed = n,
                "shared limiter: some slot leases lapsed before they were renewed"
            ),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "shared limiter: slot leases not renewed"),
        }
    }
}
