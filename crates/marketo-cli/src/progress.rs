//! Progress for people: a bar on a terminal (records done, records per second, calls used, quota left, ETA);
//! plain log lines on stderr otherwise. Problems with input lines are printed as `file:line: reason`, the
//! first few in full, then a count.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marketo_client::Client;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Problems printed in full before they are only counted.
const SHOWN_PROBLEMS: u64 = 20;
/// Plain mode logs at most this often.
const LOG_EVERY: Duration = Duration::from_secs(5);

/// Reports progress of a run.
pub struct Reporter {
    bar: Option<ProgressBar>,
    ticker: Option<tokio::task::JoinHandle<()>>,
    quiet: bool,
    client: Option<Client>,
    total: Option<u64>,
    problems: AtomicU64,
    last_log: Mutex<Option<tokio::time::Instant>>,
    started: tokio::time::Instant,
}

impl Reporter {
    /// A reporter for `total` input lines (None when unknown, e.g. stdin). `quiet` prints nothing but problems.
    pub fn new(total: Option<u64>, client: Option<Client>, quiet: bool) -> Reporter {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = match total {
                Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()),
                None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            };
            let template = if total.is_some() {
                "{bar:30} {pos}/{len} records  {msg}  eta {eta}"
            } else {
                "{spinner} {pos} records  {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        let started = tokio::time::Instant::now();
        // Refresh the message while nothing finishes too, so a wait for the rate window shows as one.
        let ticker = match (&bar, &client, tokio::runtime::Handle::try_current()) {
            (Some(bar), Some(client), Ok(rt)) => {
                let (bar, client) = (bar.clone(), client.clone());
                Some(rt.spawn(async move {
                    loop {
                        tokio::time::sleep(Duration::from_millis(250)).await;
                        bar.set_message(status_text(&client, bar.position(), started));
                    }
                }))
            }
            _ => None,
        };
        Reporter {
            bar,
            ticker,
            quiet,
            client,
            total,
            problems: AtomicU64::new(0),
            last_log: Mutex::new(Some(started)),
            started,
        }
    }

    fn usage_text(&self) -> String {
        match &self.client {
            Some(c) => {
                let u = c.usage_snapshot();
                format!("calls {}  quota left {}", u.calls_sent, u.daily_remaining())
            }
            None => String::new(),
        }
    }

    /// Records done so far (answered, rejected or failed).
    pub fn set_done(&self, done: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(done);
            if let Some(c) = &self.client {
                bar.set_message(status_text(c, done, self.started));
            }
            return;
        }
        if self.quiet {
            return;
        }
        let now = tokio::time::Instant::now();
        let mut last = self.last_log.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|t| now.duration_since(t) < LOG_EVERY) || done == 0 {
            return;
        }
        *last = Some(now);
        let secs = now.duration_since(self.started).as_secs_f64().max(0.001);
        let of = self.total.map(|t| format!("/{t}")).unwrap_or_default();
        eprintln!(
            "mkto: {done}{of} records done, {:.0} records/s, {}",
            done as f64 / secs,
            self.usage_text()
        );
    }

    /// A problem with one input line.
    pub fn problem(&self, file: &str, line: u64, reason: &str) {
        let n = self.problems.fetch_add(1, Ordering::Relaxed) + 1;
        let text = if n <= SHOWN_PROBLEMS {
            format!("{file}:{line}: {reason}")
        } else if n == SHOWN_PROBLEMS + 1 {
            "(more problems: see the rejects file)".to_owned()
        } else {
            return;
        };
        self.print(&text);
    }

    /// Whether a progress bar is drawn (stderr is a terminal and not `-q`).
    pub fn on_terminal(&self) -> bool {
        self.bar.is_some()
    }

    /// A line about progress (a bulk job's new status): not with `-q`.
    pub fn progress_note(&self, text: &str) {
        if !self.quiet {
            self.note(text);
        }
    }

    /// A notice.
    pub fn note(&self, text: &str) {
        self.print(&format!("mkto: {text}"));
    }

    fn print(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }

    /// Remove the bar.
    pub fn finish(&self) {
        if let Some(t) = &self.ticker {
            t.abort();
        }
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Records per second, calls, quota left, and what the client is waiting for, if anything.
fn status_text(client: &Client, done: u64, started: tokio::time::Instant) -> String {
    let u = client.usage_snapshot();
    let secs = started.elapsed().as_secs_f64().max(0.001);
    let waiting = if u.window_used >= u.window_limit || u.waiting_for_window {
        "  (waiting for the rate window)"
    } else if u.daily_remaining() == 0 {
        "  (daily quota used)"
    } else {
        ""
    };
    format!(
        "{:.0} records/s  calls {}  quota left {}{waiting}",
        done as f64 / secs,
        u.calls_sent,
        u.daily_remaining()
    )
}
