//! Serving the app on a listener until a shutdown signal: HTTP/1.1 through hyper directly, so that a `drop`
//! fault rule can close a connection without answering. Idle connections and bodies that stop arriving time
//! out as `[server]` configures (see [`crate::ServerConfig`]). On shutdown, open connections finish their current
//! call (for at most a few seconds) and the usage history is written.

use crate::http::error::DropConnection;
use crate::state::AppState;
use axum::body::Body;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;
use tower_http::timeout::TimeoutBody;

/// How long open connections get to finish at shutdown.
const DRAIN: Duration = Duration::from_secs(5);

/// The error that makes hyper close a connection without a response.
#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by a fault rule")
    }
}

impl std::error::Error for Dropped {}

/// Serve the emulator on `listener` until `shutdown` completes.
///
/// ```no_run
/// # async fn f() -> Result<(), Box<dyn std::error::Error>> {
/// use marketo_emulator::{serve, AppState, EmulatorConfig, model::DbLocation};
/// use marketo_types::clock::{SharedClock, SystemClock};
/// let state = AppState::new(EmulatorConfig::default(), DbLocation::InMemory,
///     std::sync::Arc::new(SystemClock) as SharedClock)?;
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// serve(listener, state, async { let _ = tokio::signal::ctrl_c().await; }).await?;
/// # Ok(()) }
/// ```
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let router = crate::app(state.clone());
    let idle_timeout = state.config.server.idle_timeout();
    let body_timeout = state.config.server.body_timeout();
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: pause instead of spinning.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |req: http::Request<Incoming>| {
            let router = router.clone();
            let req = match body_timeout {
                Some(t) => req.map(|b| Body::new(TimeoutBody::new(t, b))),
                None => req.map(Body::new),
            };
            async move {
                let resp = match router.oneshot(req).await {
                    Ok(r) => r,
                    Err(never) => match never {},
                };
                if resp.extensions().get::<DropConnection>().is_some() {
                    return Err(Dropped);
                }
                Ok::<_, Dropped>(resp)
            }
        });
        // A client that shuts down its sending side after a complete request still gets its answer. The
        // header-read timer (which hyper also runs while a kept-alive connection waits for its next request)
        // is off unless configured: under tokio's paused test clock it would fire at once on idle connections.
        let mut http1 = hyper::server::conn::http1::Builder::new();
        http1.half_close(true);
        if let Some(idle) = idle_timeout {
            http1.timer(TokioTimer::new()).header_read_timeout(idle);
        }
        let conn = http1.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
        });
    }
    drop(listener);
    state.close_streams();
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => tracing::warn!("connections still open after the drain period"),
    }
    state.flush_usage();
    Ok(())
}
