//! Log lines on stderr. By default warnings only. The client's one warning per failed call shows for the
//! commands that keep a failed-calls file (it names the file); the others report the error themselves in
//! one line, and the request and response go to the log at `-v`. `-v` adds the debug lines of `mkto` and the client, `-vv` their trace and one line
//! per call (the `marketo_call` span with its method, path, attempt, requestId and code, printed when the
//! call ends), `-vvv`/`--debug` everything at debug. `MKTO_LOG`, else `RUST_LOG`, takes any filter instead.
//! The HTTP libraries' own lines (connection pools, TLS) stay at warnings unless a filter names them.

use std::sync::atomic::{AtomicU8, Ordering};

static VERBOSITY: AtomicU8 = AtomicU8::new(0);

/// The verbosity the command line asked for (`-v` count, 3 for `--debug`).
pub fn verbosity() -> u8 {
    VERBOSITY.load(Ordering::Relaxed)
}

/// The HTTP stack's targets: quiet unless a filter names them.
const NOISY: &[&str] = &[
    "hyper",
    "hyper_util",
    "h2",
    "reqwest",
    "rustls",
    "tower",
    "mio",
];

/// The filter for a verbosity, or the user's own filter (`MKTO_LOG`, else `RUST_LOG`).
pub fn filter_for(verbosity: u8, user: Option<&str>, call_file: bool) -> String {
    let base = match (user, verbosity) {
        (Some(u), _) => u.to_owned(),
        (None, 0) if call_file => "warn".to_owned(),
        (None, 0) => "warn,marketo_client::failed_calls=error".to_owned(),
        (None, 1) => "warn,mkto=debug,marketo_client=debug,marketo_emulator=info".to_owned(),
        (None, 2) => "warn,mkto=trace,marketo_client=trace,marketo_emulator=info".to_owned(),
        (None, _) => "debug,mkto=trace,marketo_client=trace".to_owned(),
    };
    let mut filter = base.clone();
    for target in NOISY {
        if !base.split(',').any(|d| d.trim().starts_with(target)) {
            filter += &format!(",{target}=warn");
        }
    }
    filter
}

fn user_filter() -> Option<String> {
    ["MKTO_LOG", "RUST_LOG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
}

/// Install the stderr logger. `call_file`: the command keeps a failed-calls file, so the client's one
/// warning per failed call (naming that file) is worth showing.
pub fn init(verbosity: u8, call_file: bool) {
    use std::io::IsTerminal;
    use tracing_subscriber::fmt::format::FmtSpan;
    VERBOSITY.store(verbosity, Ordering::Relaxed);
    let user = user_filter();
    let text = filter_for(verbosity, user.as_deref(), call_file);
    let filter = tracing_subscriber::EnvFilter::try_new(&text).unwrap_or_else(|e| {
        eprintln!("mkto: log filter {text:?} is not valid ({e}): using warnings only");
        tracing_subscriber::EnvFilter::new("warn")
    });
    // One line per call when it ends, at trace.
    let calls = verbosity >= 2 || user.as_deref().is_some_and(|u| u.contains("trace"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_target(verbosity >= 3)
        .with_span_events(if calls { FmtSpan::CLOSE } else { FmtSpan::NONE })
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::filter_for;

    #[test]
    fn filters() {
        assert!(filter_for(0, None, false).starts_with("warn,marketo_client::failed_calls=error"));
        assert!(filter_for(0, None, true).starts_with("warn,hyper"));
        assert!(filter_for(1, None, false).contains("hyper_util=warn"));
        let own = filter_for(0, Some("debug,hyper=trace"), false);
        assert!(own.starts_with("debug,hyper=trace") && !own.contains("hyper=warn"));
        assert!(own.contains("hyper_util=warn"), "{own}");
    }
}
