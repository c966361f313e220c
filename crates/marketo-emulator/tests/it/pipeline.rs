//! One test per code the pipeline produces naturally, each asserting Marketo's exact body, plus the counting rule.

use crate::support::*;
use marketo_emulator::{ApiUser, LatencyModel, Role};
use serde_json::json;
use std::time::Duration;

const DESCRIBE: &str = "/rest/v1/leads/describe.json";

#[tokio::test]
async fn code_414_uri_over_8kb() {
    let env = start().await;
    let token = env.token().await;
    let values = "a@example.com,".repeat(600);
    let r = env
        .get_with(
            &format!("/rest/v1/leads.json?filterType=email&filterValues={values}"),
            &token,
        )
        .await;
    assert_eq!(r.status, 414);
    assert_error_body(&r, 414, "Request-URI Too Long");
    assert!(env.emu.calls().last().unwrap().counted);
}

#[tokio::test]
async fn code_413_body_over_1mb() {
    let env = start().await;
    let token = env.token().await;
    let big = json!({"input": [{"email": "a@example.com", "firstName": "x".repeat(1_100_000)}]});
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(big.to_string()),
        )
        .await;
    assert_eq!(r.status, 413);
    assert_error_body(&r, 413, "Request Entity Too Large");
}

#[tokio::test]
async fn code_413_counted_while_streaming_without_content_length() {
    let env = start().await;
    let token = env.token().await;
    // A chunked body declares no length: the limit is met while reading.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        (0..40).map(|_| Ok(vec![b' '; 32 * 1024])).collect();
    let body = reqwest::Body::wrap_stream(futures::stream::iter(chunks));
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(body),
        )
        .await;
    assert_eq!(r.status, 413);
}

#[tokio::test]
async fn code_600_access_token_not_specified() {
    let env = start().await;
    let r = env.send(env.http.get(env.url(DESCRIBE))).await;
    assert_marketo_error(&r, 600, "Access token not specified");
}

#[tokio::test]
async fn legacy_access_token_parameter_is_refused_by_default_and_accepted_with_the_switch() {
    let env = start().await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .get(env.url(&format!("{DESCRIBE}?access_token={token}"))),
        )
        .await;
    assert_marketo_error(&r, 600, "Access token not specified");

    let legacy = start_with(|b| b.legacy_access_token(true)).await;
    let token = legacy.token().await;
    let r = legacy
        .send(
            legacy
                .http
                .get(legacy.url(&format!("{DESCRIBE}?access_token={token}"))),
        )
        .await;
    assert_success(&r);
}

#[tokio::test]
async fn code_601_access_token_invalid() {
    let env = start().await;
    let r = env
        .get_with(DESCRIBE, "cdf01657-110d-4155-99a7-f986b2ff13a0:int")
        .await;
    assert_marketo_error(&r, 601, "Access token invalid");
    assert!(!env.emu.calls().last().unwrap().counted);
}

#[tokio::test]
async fn code_602_access_token_expired() {
    let env = start_with(|b| b.token_ttl(Duration::from_secs(60))).await;
    let token = env.token().await;
    env.emu.advance_clock(Duration::from_secs(60));
    let r = env.get_with(DESCRIBE, &token).await;
    assert_marketo_error(&r, 602, "Access token expired");
    assert!(!env.emu.calls().last().unwrap().counted);
    assert_eq!(env.emu.usage().today, 0);
}

#[tokio::test]
async fn code_603_read_only_user_writes() {
    let reader = ApiUser {
        role: Role::ReadOnly,
        ..ApiUser::full("reader", "reader-secret")
    };
    let env = start_with(|b| b.user(reader)).await;
    let token = env.token_for("reader", "reader-secret").await;
    let read = env.get_with(DESCRIBE, &token).await;
    assert_success(&read);
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(r#"{"input":[{"email":"a@example.com"}]}"#),
        )
        .await;
    assert_marketo_error(&r, 603, "Access denied");
}

#[tokio::test]
async fn code_605_method_not_supported() {
    let env = start().await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .put(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token),
        )
        .await;
    assert_marketo_error(&r, 605, "Request method 'PUT' not supported");
    let r = env
        .send(env.http.post(env.url(DESCRIBE)).bearer_auth(&token))
        .await;
    assert_marketo_error(&r, 605, "Request method 'POST' not supported");
    assert!(env.emu.calls().iter().all(|c| !c.counted));
}

#[tokio::test]
async fn code_606_rate_window_full() {
    let env = start_with(|b| b.rate_limit(100, Duration::from_secs(20))).await;
    let token = env.token().await;
    for _ in 0..100 {
        assert_success(&env.get_with(DESCRIBE, &token).await);
    }
    let r = env.get_with(DESCRIBE, &token).await;
    assert_marketo_error(&r, 606, "Max rate limit '100' exceeded with in '20' secs");
    // The window slides: 20 s after the first call there is room again.
    env.emu.advance_clock(Duration::from_secs(20));
    assert_success(&env.get_with(DESCRIBE, &token).await);
}

#[tokio::test]
async fn code_607_daily_quota_reached_until_chicago_midnight() {
    let env = start_with(|b| b.daily_quota(3)).await;
    let token = env.token_for(CLIENT_ID, CLIENT_SECRET).await;
    for _ in 0..3 {
        assert_success(&env.get_with(DESCRIBE, &token).await);
    }
    let r = env.get_with(DESCRIBE, &token).await;
    assert_marketo_error(&r, 607, "Daily quota reached");
    // 15:00 UTC is 10:00 CDT: midnight in Chicago is 14 h away.
    env.emu.advance_clock(Duration::from_secs(14 * 3600 - 1));
    let token = env.token().await;
    assert_marketo_error(
        &env.get_with(DESCRIBE, &token).await,
        607,
        "Daily quota reached",
    );
    env.emu.advance_clock(Duration::from_secs(1));
    assert_success(&env.get_with(DESCRIBE, &token).await);
    assert_eq!(env.emu.usage().today, 1);
}

#[tokio::test]
async fn code_609_invalid_json() {
    let env = start().await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(r#"{"input":[{"email":"a@example.com"}"#),
        )
        .await;
    assert_marketo_error(&r, 609, "Invalid JSON");
}

#[tokio::test]
async fn code_610_unknown_path() {
    let env = start().await;
    let r = env.get("/rest/v1/leadz.json").await;
    assert_marketo_error(&r, 610, "Requested resource not found");
    let r = env.get("/rest/v1/lead/abc.json").await;
    assert_marketo_error(&r, 610, "Requested resource not found");
}

#[tokio::test]
async fn code_612_missing_or_wrong_content_type() {
    let env = start().await;
    let token = env.token().await;
    let body = r#"{"input":[{"email":"a@example.com"}]}"#;
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "text/plain")
                .body(body),
        )
        .await;
    assert_marketo_error(&r, 612, "Invalid Content Type");
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .body(body),
        )
        .await;
    assert_marketo_error(&r, 612, "Invalid Content Type");
}

#[tokio::test]
async fn code_615_concurrent_access_limit() {
    let (state, _clock) = state_with(|b| {
        b.concurrency(1)
            .latency(LatencyModel::fixed(Duration::from_secs(1)))
    });
    tokio::time::pause();
    let token = oneshot_token(&state).await;
    let get = |token: &str| {
        http::Request::get(DESCRIBE)
            .header("authorization", format!("Bearer {token}"))
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let first = tokio::spawn({
        let state = state.clone();
        let req = get(&token);
        async move { oneshot(&state, req).await }
    });
    for _ in 0..100 {
        if state.usage().in_flight == 1 {
            break;
        }
        tokio::task::yield_now().await;
    }
    assert_eq!(state.usage().in_flight, 1);
    let (status, body) = oneshot(&state, get(&token)).await;
    assert_eq!(status, 200);
    assert_eq!(body["errors"][0]["code"], "615");
    assert_eq!(
        body["errors"][0]["message"],
        "Concurrent access limit '1' reached"
    );
    assert_eq!(body["success"], false);
    let (status, body) = first.await.unwrap();
    assert_eq!((status, body["success"].clone()), (200, json!(true)));
    assert_eq!(state.usage().in_flight, 0);
}

#[tokio::test]
async fn code_701_blank_required_parameter() {
    let env = start().await;
    let r = env
        .get("/rest/v1/leads.json?filterType=&filterValues=a@example.com")
        .await;
    assert_marketo_error(&r, 701, "filterType cannot be blank");
}

#[tokio::test]
async fn code_1001_wrong_typed_parameter() {
    let env = start().await;
    let r = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=a@example.com&batchSize=abc")
        .await;
    assert_marketo_error(&r, 1001, "Invalid value 'abc'. Required of type 'Integer'");
}

#[tokio::test]
async fn code_1002_missing_parameter() {
    let env = start().await;
    let r = env
        .get("/rest/v1/leads.json?filterValues=a@example.com")
        .await;
    assert_marketo_error(
        &r,
        1002,
        "Missing value for required parameter 'filterType'",
    );
}

#[tokio::test]
async fn method_get_override_in_a_form_body() {
    let env = start().await;
    env.emu
        .seed(json!({"leads": [{"email": "abe@usa.gov", "firstName": "Abraham"}]}))
        .unwrap();
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("_method=GET&filterType=email&filterValues=abe%40usa.gov&fields=firstName"),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(result, vec![json!({"id": 1, "firstName": "Abraham"})]);
}

#[tokio::test]
async fn uncounted_answers_give_back_window_and_quota() {
    let env = start_with(|b| b.rate_limit(2, Duration::from_secs(20))).await;
    let token = env.token().await;
    for _ in 0..5 {
        env.get_with(DESCRIBE, "bogus:int").await; // 601
        env.send(env.http.put(env.url(DESCRIBE)).bearer_auth(&token))
            .await; // 605
    }
    assert_eq!(env.emu.usage().window, 0);
    assert_eq!(env.emu.usage().today, 0);
    env.get("/rest/v1/nothing.json").await; // 610 counts
    assert_eq!(env.emu.usage().today, 1);
    assert_success(&env.get_with(DESCRIBE, &token).await);
    let r = env.get_with(DESCRIBE, &token).await;
    assert_eq!(r.json["errors"][0]["code"], "606");
}
