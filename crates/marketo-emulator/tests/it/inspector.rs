//! The inspector in a real browser (headless Chromium through chromedriver; see `browser.rs`): a call made
//! through the Marketo API shows in its log, a fault rule added from its form is listed, fires and is removed,
//! the gauges move, the token stays out of the page, the data view and the clock work. With
//! `MKTO_SCREENSHOT=path`, the first test saves a PNG of the page there (the one in `docs/`).

use crate::browser::Browser;
use crate::support::*;
use marketo_emulator::EmulatorConfig;
use serde_json::{json, Value};

const ADMIN_TOKEN: &str = "insp3ctor-admin-t0ken";

async fn start_guarded() -> Env {
    start_with(|b| {
        let mut config = EmulatorConfig::default();
        config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
        config.server.admin_token = Some(ADMIN_TOKEN.into());
        b.config(config)
    })
    .await
}

/// The text of each row of the table body `tbody`.
fn rows(tbody: &str) -> String {
    format!(
        "return [...document.querySelectorAll('{tbody} tr')].map(tr => tr.innerText.replace(/\\s+/g, ' ').trim());"
    )
}

fn any_row(value: &Value, words: &[&str]) -> bool {
    value.as_array().is_some_and(|rows| {
        rows.iter()
            .filter_map(Value::as_str)
            .any(|row| words.iter().all(|w| row.contains(w)))
    })
}

const GAUGES: &str = "return Object.fromEntries(['window', 'flight', 'today'].map(g => \
     [g, Number(document.getElementById('gauge-' + g).dataset.value ?? -1)]));";

async fn wait_live(b: &Browser) {
    b.until(
        "the live tail to connect",
        "return document.getElementById('status').dataset.state;",
        |v| v == "live",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_shows_in_the_log_a_fault_added_on_the_page_fires_and_the_gauges_move() {
    let env = start_guarded().await;
    let b = Browser::open().await;
    b.goto(&env.url(&format!("/_emulator/ui#token={ADMIN_TOKEN}")))
        .await;
    wait_live(&b).await;
    let address = b.js("return location.href;").await;
    assert!(
        !address.to_string().contains(ADMIN_TOKEN),
        "the token leaves the address bar: {address}"
    );
    let gauges = b
        .until("the gauges to read the usage", GAUGES, |v| {
            v["window"] == 0 && v["today"] == 0
        })
        .await;
    assert_eq!(gauges["flight"], 0);

    // Calls through the Marketo API show up in the log, and the gauges follow.
    for email in ["ann@example.com", "bob@example.com", "cy@example.com"] {
        let r = env
            .post_json("/rest/v1/leads.json", &json!({"input": [{"email": email}]}))
            .await;
        assert_eq!(assert_success(&r)[0]["status"], "created");
    }
    b.until("the sync to show in the log", &rows("#log-body"), |v| {
        any_row(v, &["POST", "/rest/v1/leads.json", "200"])
    })
    .await;
    let usage = env
        .send(
            env.http
                .get(env.url("/_emulator/usage"))
                .bearer_auth(ADMIN_TOKEN),
        )
        .await
        .json;
    assert_eq!(usage["window"], 3, "{usage}");
    b.until("the gauges to move", GAUGES, |v| {
        v["window"] == usage["window"] && v["today"] == usage["today"]
    })
    .await;

    // A fault rule added from the page is listed...
    b.click("#tab-button-faults").await;
    b.choose("#fault-form select[name=method]", "GET").await;
    b.type_into("#fault-path", "/rest/v1/leads.json").await;
    b.choose("#fault-effect", "error").await;
    b.type_into("#fault-value-input", "604").await;
    b.type_into("#fault-times", "1").await;
    b.click("#fault-add").await;
    b.until("the new rule in the list", &rows("#faults-body"), |v| {
        any_row(v, &["#1", "GET", "/rest/v1/leads.json", "604", "active"])
    })
    .await;
    let rules = env
        .send(
            env.http
                .get(env.url("/_emulator/faults"))
                .bearer_auth(ADMIN_TOKEN),
        )
        .await
        .json;
    assert_eq!(rules[0]["error"], "604", "{rules}");
    assert_eq!(rules[0]["method"], "GET", "{rules}");
    assert_eq!(rules[0]["times"], 1, "{rules}");

    // ...fires on the next call, and its count shows.
    let r = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=ann@example.com")
        .await;
    assert_eq!(r.json["errors"][0]["code"], "604", "{}", r.text);
    let fired =
        "return document.querySelector('#faults-body tr[data-id=\"1\"] td.fired')?.innerText;";
    b.until("the rule's fired count", fired, |v| v == "1").await;
    b.until("the rule to be spent", &rows("#faults-body"), |v| {
        any_row(v, &["#1", "spent"])
    })
    .await;

    // A rule removed from the page is gone.
    b.click("#faults-body tr[data-id=\"1\"] button").await;
    b.until("the rule to be removed", &rows("#faults-body"), |v| {
        v.as_array().is_some_and(Vec::is_empty)
    })
    .await;
    let rules = env
        .send(
            env.http
                .get(env.url("/_emulator/faults"))
                .bearer_auth(ADMIN_TOKEN),
        )
        .await
        .json;
    assert_eq!(rules, json!([]));

    // The faulted call is in the log; opened, it shows its bodies and copies as curl without a secret.
    b.click("#tab-button-calls").await;
    b.until("the faulted call in the log", &rows("#log-body"), |v| {
        any_row(v, &["GET", "/rest/v1/leads.json", "604", "#1"])
    })
    .await;
    let id = b
        .js("return [...document.querySelectorAll('#log-body tr')].find(tr => tr.innerText.includes('604')).dataset.id;")
        .await;
    b.click(&format!(
        "#log-body tr[data-id=\"{}\"]",
        id.as_str().unwrap()
    ))
    .await;
    b.until(
        "the response body",
        "return document.getElementById('response-body')?.innerText ?? '';",
        |v| v.as_str().is_some_and(|t| t.contains("\"604\"")),
    )
    .await;
    b.click("#copy-curl").await;
    let curl = b
        .until(
            "the curl command",
            "return document.getElementById('curl-text')?.innerText ?? '';",
            |v| v.as_str().is_some_and(|t| t.starts_with("curl -X GET")),
        )
        .await;
    let curl = curl.as_str().unwrap();
    assert!(
        curl.contains("-H \"Authorization: Bearer $MKTO_ACCESS_TOKEN\""),
        "{curl}"
    );
    assert!(curl.contains("filterValues=ann@example.com"), "{curl}");

    let curl = curl.to_owned();
    b.screenshot_if_asked().await;

    // The identity call's secret becomes a variable too.
    b.click("#log-body tr[data-id=\"1\"]").await;
    b.until(
        "the identity call's details",
        "return document.querySelector('#call-detail h3')?.innerText ?? '';",
        |v| {
            v.as_str()
                .is_some_and(|t| t.contains("/identity/oauth/token"))
        },
    )
    .await;
    b.click("#copy-curl").await;
    let identity = b
        .until(
            "the identity call's curl command",
            "return document.getElementById('curl-text')?.innerText ?? '';",
            |v| {
                v.as_str()
                    .is_some_and(|t| t.contains("/identity/oauth/token"))
            },
        )
        .await;
    let identity = identity.as_str().unwrap();
    assert!(
        identity.contains(&format!(
            "client_id={CLIENT_ID}&client_secret='\"$MKTO_CLIENT_SECRET\""
        )),
        "{identity}"
    );

    let token = env.token().await;
    let html = b.html().await;
    for secret in [ADMIN_TOKEN, CLIENT_SECRET, token.as_str()] {
        assert!(!html.contains(secret), "a secret in the page");
        assert!(!curl.contains(secret), "a secret in the curl command");
        assert!(!identity.contains(secret), "a secret in the curl command");
    }
    b.close().await;
}

const STATUS: &str = "return document.getElementById('status').dataset.state;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_asks_for_the_admin_token_and_keeps_it_out_of_the_page() {
    let env = start_guarded().await;
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "kept@example.com"}]}),
        )
        .await;
    assert_success(&r);
    let b = Browser::open().await;
    b.goto(&env.url("/_emulator/ui")).await;
    b.until("the page to ask for the token", STATUS, |v| v == "locked")
        .await;

    // A wrong token is refused again (submitting sets the status back to connecting first).
    b.type_into("#token-input", "not-the-token").await;
    b.click("#token-form button").await;
    b.until("the wrong token to be refused", STATUS, |v| v == "locked")
        .await;
    assert!(b.element("#token-form").await.is_displayed().await.unwrap());

    b.type_into("#token-input", ADMIN_TOKEN).await;
    b.click("#token-form button").await;
    wait_live(&b).await;
    b.until("the earlier call in the log", &rows("#log-body"), |v| {
        any_row(v, &["POST", "/rest/v1/leads.json"])
    })
    .await;
    let state = b
        .js(&format!(
            "return {{ form: document.getElementById('token-form').hidden, \
             typed: document.getElementById('token-input').value, \
             kept: Object.values(sessionStorage).includes('{ADMIN_TOKEN}') }};"
        ))
        .await;
    assert_eq!(
        state,
        json!({"form": true, "typed": "", "kept": true}),
        "the form hides, forgets what was typed, and the tab keeps the token"
    );
    assert!(
        !b.html().await.contains(ADMIN_TOKEN),
        "the token in the page"
    );

    // The log's filter applies to what is listed and to what arrives next.
    b.type_into("#log-filter input[name=path]", "/identity/*")
        .await;
    b.click("#log-filter button:not([type])").await;
    let only_identity = |v: &Value, n: usize| {
        v.as_array().is_some_and(|rows| {
            rows.len() == n
                && rows.iter().all(|r| {
                    r.as_str()
                        .is_some_and(|t| t.contains("/identity/oauth/token"))
                })
        })
    };
    b.until("the identity call alone", &rows("#log-body"), |v| {
        only_identity(v, 1)
    })
    .await;
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "more@example.com"}]}),
        )
        .await;
    assert_success(&r);
    // One more identity call: the tail sends calls in order, so once it shows, the sync before it was seen.
    env.token().await;
    b.until(
        "the two new identity calls, and not the sync",
        &rows("#log-body"),
        |v| only_identity(v, 3),
    )
    .await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_data_view_shows_leads_lists_and_bulk_jobs_and_the_clock_moves_from_the_page() {
    let env = start_guarded().await;
    env.emu
        .seed(json!({
            "leads": [{"email": "dana@example.com", "firstName": "Dana"}],
            "lists": [{"id": 1001, "name": "Webinar attendees"}],
        }))
        .unwrap();
    let r = env
        .post_json(
            "/rest/v1/lists/1001/leads.json",
            &json!({"input": [{"id": 1}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "added");
    let filter =
        json!({"createdAt": {"startAt": "2026-03-01T00:00:00Z", "endAt": "2026-03-31T00:00:00Z"}});
    let r = env
        .post_json(
            "/bulk/v1/leads/export/create.json",
            &json!({"fields": ["id", "email"], "filter": filter}),
        )
        .await;
    let export_id = assert_success(&r)[0]["exportId"]
        .as_str()
        .unwrap()
        .to_owned();

    let b = Browser::open().await;
    b.goto(&env.url(&format!("/_emulator/ui#token={ADMIN_TOKEN}")))
        .await;
    wait_live(&b).await;
    b.click("#tab-button-data").await;
    b.until("the seeded lead", &rows("#data-leads tbody"), |v| {
        any_row(v, &["1", "dana@example.com", "Dana"])
    })
    .await;
    b.click("#data-leads tbody tr[data-id=\"1\"]").await;
    b.until(
        "the lead's details with its list",
        "return document.getElementById('data-detail').innerText;",
        |v| {
            v.as_str()
                .is_some_and(|t| t.contains("Lead 1") && t.contains("list 1001"))
        },
    )
    .await;
    b.click("#data-tab-lists").await;
    b.until(
        "the list with its member",
        &rows("#data-lists tbody"),
        |v| any_row(v, &["1001", "Webinar attendees", " 1 "]),
    )
    .await;
    b.click("#data-tab-bulk").await;
    b.until(
        "the export job and its state",
        &rows("#data-exports tbody"),
        |v| any_row(v, &[export_id.as_str(), "Created"]),
    )
    .await;

    // The clock: one hour on from the header's button.
    b.click("[data-advance=\"3600\"]").await;
    b.until(
        "the clock to show an hour later",
        "return document.getElementById('clock-now').innerText;",
        |v| v == "2026-03-10 16:00:00 UTC",
    )
    .await;
    let clock = env
        .send(
            env.http
                .get(env.url("/_emulator/clock"))
                .bearer_auth(ADMIN_TOKEN),
        )
        .await
        .json;
    assert_eq!(clock["now"], "2026-03-10T16:00:00Z", "{clock}");
    b.close().await;
}
