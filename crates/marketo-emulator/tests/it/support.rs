//! The test harness: an emulator on loopback with a manual clock (nothing moves unless a test moves it), an
//! HTTP client, and assertions on Marketo's exact bodies.
#![allow(dead_code)] // each test module uses a different part of the harness

use chrono::{DateTime, TimeZone, Utc};
use marketo_emulator::{app, AppState, Emulator, EmulatorBuilder};
use marketo_types::clock::{ManualClock, SharedClock};
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

pub const CLIENT_ID: &str = "test-client";
pub const CLIENT_SECRET: &str = "test-secret";

/// A Tuesday afternoon in Chicago (2026-03-10 15:00 UTC is 10:00 CDT).
pub fn start_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 15, 0, 0).unwrap()
}

/// An emulator, its clock and a client.
pub struct Env {
    pub emu: Emulator,
    pub clock: Arc<ManualClock>,
    pub http: reqwest::Client,
}

/// One answer.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub content_type: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub json: Value,
}

/// Settings every test starts from: test credentials and a manual clock.
pub fn builder(clock: &Arc<ManualClock>) -> EmulatorBuilder {
    Emulator::builder()
        .credentials(CLIENT_ID, CLIENT_SECRET)
        .clock(Arc::clone(clock) as SharedClock)
}

/// Start with the defaults.
pub async fn start() -> Env {
    start_with(|b| b).await
}

/// Start with the config file `toml` (and the test credentials).
pub async fn start_with_toml(toml: &str) -> Env {
    let mut config = marketo_emulator::EmulatorConfig::from_toml_str(toml).expect("config");
    config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
    start_with(|b| b.config(config)).await
}

/// Start with settings adjusted by `f`.
pub async fn start_with(f: impl FnOnce(EmulatorBuilder) -> EmulatorBuilder) -> Env {
    let clock = Arc::new(ManualClock::new(start_time()));
    let emu = f(builder(&clock)).start().await.expect("emulator starts");
    Env {
        emu,
        clock,
        http: reqwest::Client::new(),
    }
}

impl Env {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.emu.url(), path)
    }

    /// A token for the default user.
    pub async fn token(&self) -> String {
        self.token_for(CLIENT_ID, CLIENT_SECRET).await
    }

    pub async fn token_for(&self, id: &str, secret: &str) -> String {
        let r = self
            .send(self.http.get(self.url(&format!(
                "/identity/oauth/token?grant_type=client_credentials&client_id={id}&client_secret={secret}"
            ))))
            .await;
        assert_eq!(r.status, 200, "{}", r.text);
        r.json["access_token"].as_str().unwrap().to_owned()
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> Resp {
        let resp = req.send().await.expect("response");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let content_type = headers
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned());
        let text = resp.text().await.expect("body");
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp {
            status,
            content_type,
            headers,
            text,
            json,
        }
    }

    /// GET with a fresh token.
    pub async fn get(&self, path: &str) -> Resp {
        let token = self.token().await;
        self.get_with(path, &token).await
    }

    pub async fn get_with(&self, path: &str, token: &str) -> Resp {
        self.send(self.http.get(self.url(path)).bearer_auth(token))
            .await
    }

    /// POST a JSON body with a fresh token.
    pub async fn post_json(&self, path: &str, body: &Value) -> Resp {
        let token = self.token().await;
        self.send(
            self.http
                .post(self.url(path))
                .bearer_auth(token)
                .header("content-type", "application/json")
                .body(body.to_string()),
        )
        .await
    }
}

/// The exact failure body Marketo sends: HTTP 200, `application/json;charset=UTF-8`, and exactly
/// `{"requestId":"<shape>","success":false,"errors":[{"code":"<code>","message":"<message>"}]}`.
pub fn assert_marketo_error(r: &Resp, code: u16, message: &str) {
    assert_eq!(r.status, 200, "{}", r.text);
    assert_error_body(r, code, message);
}

/// The body of [`assert_marketo_error`], whatever the HTTP status.
pub fn assert_error_body(r: &Resp, code: u16, message: &str) {
    assert_eq!(
        r.content_type.as_deref(),
        Some("application/json;charset=UTF-8")
    );
    let rid = r.json["requestId"].as_str().expect("requestId");
    assert!(
        marketo_types::request_id::timestamp(rid).is_some(),
        "requestId {rid} has Marketo's shape"
    );
    let expected = serde_json::json!({
        "requestId": rid,
        "success": false,
        "errors": [{"code": code.to_string(), "message": message}],
    });
    assert_eq!(r.json, expected, "body: {}", r.text);
}

/// A successful envelope: HTTP 200, `success:true`, a Marketo requestId; returns `result`.
pub fn assert_success(r: &Resp) -> Vec<Value> {
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["success"], true, "{}", r.text);
    let rid = r.json["requestId"].as_str().expect("requestId");
    assert!(marketo_types::request_id::timestamp(rid).is_some());
    r.json["result"].as_array().cloned().unwrap_or_default()
}

/// State for in-memory calls through the router (no socket).
pub fn state_with(
    f: impl FnOnce(EmulatorBuilder) -> EmulatorBuilder,
) -> (AppState, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(start_time()));
    let state = f(builder(&clock)).build_state().expect("state");
    (state, clock)
}

/// One call through the router without a socket: (status, body).
pub async fn oneshot(state: &AppState, req: http::Request<axum::body::Body>) -> (u16, Value) {
    let resp = app(state.clone()).oneshot(req).await.expect("infallible");
    let status = resp.status().as_u16();
    let bytes = http_body_util::BodyExt::collect(resp.into_body())
        .await
        .expect("body")
        .to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

/// A token through the router.
pub async fn oneshot_token(state: &AppState) -> String {
    let req = http::Request::get(format!(
        "/identity/oauth/token?grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
    ))
    .body(axum::body::Body::empty())
    .unwrap();
    let (status, body) = oneshot(state, req).await;
    assert_eq!(status, 200);
    body["access_token"].as_str().unwrap().to_owned()
}
