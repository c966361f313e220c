//! Secrets never reach a log line, an error's Display or Debug, or the failed-calls file; a failed call is
//! one short warning, its request and response are in the failed-calls file and at debug level.

use crate::support::*;
use marketo_client::{Client, SyncOptions};
use marketo_emulator::FaultRule;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}

/// The token the emulator issued to the test credentials (it hands back the live one while valid).
async fn live_token(emu: &marketo_emulator::Emulator) -> String {
    let body: serde_json::Value = reqwest::Client::new()
        .post(format!("{}/identity/oauth/token", emu.url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", ID),
            ("client_secret", SECRET),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["access_token"].as_str().unwrap().to_owned()
}

#[tokio::test(start_paused = true)]
async fn a_failing_run_logged_at_trace_level_never_shows_the_secret_or_the_token() {
    // A global subscriber: a thread-local one races with the callsite interest cache of the tests running
    // beside this one. Every test's output lands in the capture then, and none may show a secret either.
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(capture.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber)
        .expect("the only global subscriber of this binary");
    tracing::callsite::rebuild_interest_cache();

    let emu = emulator(|b| b.fault(FaultRule::error("POST", "/rest/v1/leads.json", 611))).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("run.failed-calls.jsonl");
    let client = builder(&emu).failed_calls_file(&file).build().unwrap();
    // Unexpected errors are kept with their request and response: a transient fault outlasting its retries,
    // a refused request, a 602 replay, then bad credentials.
    let out = client
        .leads()
        .sync(leads("s", 3), SyncOptions::default())
        .await
        .unwrap();
    let failure = out[0].error().expect("failed").clone();
    emu.clear_faults();
    emu.add_fault(FaultRule::error("GET", "/rest/v1/leads/describe.json", 609));
    let refused = client.leads().describe().await.unwrap_err();
    emu.advance_clock(std::time::Duration::from_secs(3_601));
    emu.clear_faults();
    client.leads().describe().await.unwrap();
    let bad = Client::builder()
        .endpoint(emu.url())
        .credentials(ID, "wrong-secret-also-hidden")
        .failed_calls_file(&file)
        .build()
        .unwrap();
    let denied = bad.leads().describe().await.unwrap_err();
    let token_value = live_token(&emu).await;

    let mut text = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    for e in [&failure, &refused, &denied] {
        text.push_str(&format!("{e} {e:?}\n"));
    }
    text.push_str(&format!("{client:?} {bad:?}"));
    assert!(
        text.contains("marketo_call"),
        "the run was logged: {}",
        &text[..text.len().min(3000)]
    );
    // A failed call is one short warning that names the file; the records it carried are not in the log
    // above debug level.
    let warnings: Vec<&str> = text.lines().filter(|l| l.contains(" WARN ")).collect();
    assert!(
        warnings
            .iter()
            .any(|l| l.contains("marketo call failed") && l.contains("run.failed-calls.jsonl")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|l| l.contains("token request failed")),
        "{warnings:#?}"
    );
    for w in &warnings {
        assert!(w.len() < 600, "a short line: {w}");
        assert!(!w.contains("s0@example.com"), "no record at warn: {w}");
    }
    // The whole exchange is logged at debug level.
    assert!(
        text.lines()
            .any(|l| l.contains(" DEBUG ") && l.contains("s0@example.com") && l.contains("611")),
        "the exchange at debug level"
    );
    // The file holds the request and the response of each failed exchange.
    let kept = std::fs::read_to_string(&file).unwrap();
    let exchanges: Vec<serde_json::Value> = kept
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let sync = exchanges
        .iter()
        .find(|e| {
            e["request"]["url"]
                .as_str()
                .unwrap()
                .ends_with("/rest/v1/leads.json")
        })
        .expect("the failed sync is kept");
    assert_eq!(
        sync["request"]["body"]["input"][0]["email"],
        "s0@example.com"
    );
    assert_eq!(sync["request"]["authorization"], "Bearer [REDACTED]");
    assert_eq!(sync["response"]["body"]["errors"][0]["code"], "611");
    assert!(sync["request_id"].is_string());
    let token = exchanges
        .iter()
        .find(|e| {
            e["request"]["url"]
                .as_str()
                .unwrap()
                .ends_with("/identity/oauth/token")
        })
        .expect("the refused token request is kept");
    assert_eq!(token["request"]["body"], "[REDACTED]");
    assert_eq!(token["response"]["status"], 401);
    for secret in [SECRET, "wrong-secret-also-hidden", token_value.as_str()] {
        assert!(!text.contains(secret), "{secret:?} leaked into the log");
        assert!(
            !kept.contains(secret),
            "{secret:?} leaked into the failed-calls file"
        );
    }
    assert!(!text.contains(&format!("Bearer {token_value}")));
}
