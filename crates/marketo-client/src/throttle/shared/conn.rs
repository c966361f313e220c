//! The connection to Redis: made on first use, remade by redis-rs's connection manager after a drop, and
//! given `unreachable_after` to come back before the limiter counts as unreachable. Errors name the URL with
//! its password redacted.

use super::super::backend::BackendError;
use crate::secret::Secret;
use marketo_types::clock::SharedClock;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use std::future::Future;
use std::time::Duration;
use tokio::sync::OnceCell;

/// Pause between two tries while Redis does not answer.
const RETRY_PAUSE: Duration = Duration::from_millis(100);

/// A lazily made, self-healing connection.
pub(crate) struct Connection {
    url: Secret,
    shown: String,
    unreachable_after: Duration,
    manager: OnceCell<ConnectionManager>,
    clock: SharedClock,
}

impl std::fmt::Debug for Connection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Connection")
            .field("url", &self.shown)
            .finish_non_exhaustive()
    }
}

impl Connection {
    pub(crate) fn new(
        url: Secret,
        shown: String,
        unreachable_after: Duration,
        clock: SharedClock,
    ) -> Self {
        Connection {
            url,
            shown,
            unreachable_after,
            manager: OnceCell::new(),
            clock,
        }
    }

    /// The URL, password redacted.
    pub(crate) fn shown(&self) -> &str {
        &self.shown
    }

    async fn manager(&self) -> redis::RedisResult<ConnectionManager> {
        let m = self
            .manager
            .get_or_try_init(|| async {
                let client = redis::Client::open(self.url.expose().trim())?;
                let timeout = self.unreachable_after.min(Duration::from_secs(2));
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(timeout))
                    .set_response_timeout(Some(timeout))
                    .set_number_of_retries(1)
                    .set_max_delay(Duration::from_millis(200));
                ConnectionManager::new_with_config(client, config).await
            })
            .await?;
        Ok(m.clone())
    }

    /// Run `op` until it answers; errors of the connection are retried for `unreachable_after`, then reported
    /// as the limiter being unreachable. Errors of the server (a script error) are reported at once.
    pub(crate) async fn run<T, F, Fut>(&self, what: &str, op: F) -> Result<T, BackendError>
    where
        F: Fn(ConnectionManager) -> Fut,
        Fut: Future<Output = redis::RedisResult<T>>,
    {
        let started = self.clock.now();
        loop {
            let result = match self.manager().await {
                Ok(m) => op(m).await,
                Err(e) => Err(e),
            };
            let e = match result {
                Ok(v) => return Ok(v),
                Err(e) => e,
            };
            let connection_trouble = e.is_io_error()
                || e.is_timeout()
                || e.is_connection_dropped()
                || e.is_connection_refusal();
            if !connection_trouble {
                return Err(self.error(&format!("{what} failed"), &e));
            }
            let waited = (self.clock.now() - started).to_std().unwrap_or_default();
            if waited >= self.unreachable_after {
                return Err(self.error(
                    &format!(
                        "cannot be reached ({what}, tried for {:.1} s)",
                        waited.as_secs_f64()
                    ),
                    &e,
                ));
            }
            tracing::debug!(limiter = %self.shown, error = %self.scrub(&e.to_string()), "shared limiter: retrying");
            tokio::time::sleep(RETRY_PAUSE).await;
        }
    }

    fn error(&self, what: &str, e: &redis::RedisError) -> BackendError {
        BackendError {
            message: format!(
                "the shared limiter at {} {what}: {}",
                self.shown,
                self.scrub(&e.to_string())
            ),
        }
    }

    /// `text` without the URL's password, whatever quoted it.
    fn scrub(&self, text: &str) -> String {
        let password = url::Url::parse(self.url.expose().trim())
            .ok()
            .and_then(|u| u.password().map(str::to_owned))
            .filter(|p| !p.is_empty());
        let mut out = text.replace(self.url.expose(), &self.shown);
        if let Some(p) = password {
            out = out.replace(&p, "***");
        }
        out
    }
}
