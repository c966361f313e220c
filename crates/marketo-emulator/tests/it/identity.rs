//! The identity endpoint: token shape, reuse with the remaining lifetime, OAuth 401 bodies, never counted.

use crate::support::*;
use std::time::Duration;

#[tokio::test]
async fn token_has_marketo_shape_and_is_reused_with_remaining_lifetime() {
    let env = start().await;
    let url = env.url(&format!(
        "/identity/oauth/token?grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
    ));
    let first = env.send(env.http.get(&url)).await;
    assert_eq!(first.status, 200);
    assert_eq!(
        first.content_type.as_deref(),
        Some("application/json;charset=UTF-8")
    );
    assert_eq!(first.headers["cache-control"], "no-store");
    let token = first.json["access_token"].as_str().unwrap();
    let (uuid, pod) = token.split_once(':').unwrap();
    assert!(uuid::Uuid::parse_str(uuid).is_ok());
    assert_eq!(pod, "int");
    assert_eq!(first.json["token_type"], "bearer");
    assert_eq!(first.json["expires_in"], 3600);
    assert!(first.json["scope"].is_string());

    env.emu.advance_clock(Duration::from_secs(100));
    let again = env.send(env.http.post(&url)).await;
    assert_eq!(again.json["access_token"], token);
    assert_eq!(again.json["expires_in"], 3500);
}

#[tokio::test]
async fn token_from_a_form_body() {
    let env = start().await;
    let body = format!(
        "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
    );
    let r = env
        .send(
            env.http
                .post(env.url("/identity/oauth/token"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(r.json["access_token"].as_str().unwrap().ends_with(":int"));
}

#[tokio::test]
async fn code_401_unknown_client_id() {
    let env = start().await;
    let r = env
        .send(env.http.get(env.url(
            "/identity/oauth/token?grant_type=client_credentials&client_id=XYZ&client_secret=s",
        )))
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.content_type.as_deref(),
        Some("application/json;charset=UTF-8")
    );
    assert_eq!(r.headers["cache-control"], "no-store");
    assert_eq!(
        r.json,
        serde_json::json!({"error":"unauthorized","error_description":"No client with requested id: XYZ"})
    );
}

#[tokio::test]
async fn code_401_wrong_client_secret() {
    let env = start().await;
    let r = env
        .send(env.http.get(env.url(&format!(
            "/identity/oauth/token?grant_type=client_credentials&client_id={CLIENT_ID}&client_secret=wrong"
        ))))
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(
        r.json,
        serde_json::json!({"error":"invalid_client","error_description":"Bad client credentials"})
    );
    assert!(!r.text.contains(CLIENT_SECRET));
}

#[tokio::test]
async fn wrong_grant_type_is_an_oauth_400() {
    let env = start().await;
    let r = env
        .send(env.http.get(env.url(&format!(
            "/identity/oauth/token?grant_type=password&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
        ))))
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn identity_calls_never_count() {
    let env = start_with(|b| b.daily_quota(1).rate_limit(1, Duration::from_secs(20))).await;
    for _ in 0..5 {
        env.token().await;
    }
    let usage = env.emu.usage();
    assert_eq!(usage.today, 0);
    assert_eq!(usage.window, 0);
    assert!(env.emu.calls().iter().all(|c| !c.counted));
    // The one counted call still fits.
    let r = env.get("/rest/v1/leads/describe.json").await;
    assert_success(&r);
}
