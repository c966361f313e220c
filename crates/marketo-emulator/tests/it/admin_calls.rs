//! The request log through the admin API: what each call keeps (query, bodies, duration, user, headers),
//! secrets masked, large bodies cut, the filters, one call by id, and the live tail.

use crate::support::*;
use futures::StreamExt;
use serde_json::{json, Value};
use std::time::Duration;

async fn calls(env: &Env, query: &str) -> Resp {
    env.send(env.http.get(env.url(&format!("/_emulator/calls{query}"))))
        .await
}

#[tokio::test]
async fn the_log_keeps_query_bodies_user_and_masks_secrets() {
    let env = start().await;
    let token = env.token().await;
    let body = json!({"input": [{"email": "ann@example.com", "firstName": "Ann"}]});
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads.json?lookupField=email"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(body.to_string()),
        )
        .await;
    assert_success(&r);
    env.get_with(
        &format!("/rest/v1/lead/1.json?access_token={token}&fields=email"),
        "other",
    )
    .await;

    let log = calls(&env, "").await;
    let text = &log.text;
    assert!(!text.contains(&token), "no token in the log");
    assert!(!text.contains(CLIENT_SECRET), "no client secret in the log");
    let entries = log.json.as_array().unwrap();
    let identity = &entries[0];
    assert_eq!(identity["path"], "/identity/oauth/token");
    assert!(identity["query"]
        .as_str()
        .unwrap()
        .contains("client_secret=[redacted]"));
    let answer = identity["response_body"]["text"].as_str().unwrap();
    assert!(
        answer.contains(r#""access_token":"[redacted]""#),
        "{answer}"
    );

    let sync = &entries[1];
    assert_eq!(
        (sync["id"].as_u64(), sync["method"].as_str()),
        (Some(2), Some("POST"))
    );
    assert_eq!(sync["query"], "lookupField=email");
    assert_eq!(
        sync["request_headers"]["authorization"],
        "Bearer [redacted]"
    );
    assert_eq!(sync["request_headers"]["content-type"], "application/json");
    assert_eq!(sync["request_body"]["text"], body.to_string());
    assert_eq!(sync["request_body"]["truncated"], false);
    let answered: Value =
        serde_json::from_str(sync["response_body"]["text"].as_str().unwrap()).unwrap();
    assert_eq!(answered["result"][0]["status"], "created");
    assert_eq!(sync["response_type"], "application/json;charset=UTF-8");
    assert_eq!(sync["client_id"], CLIENT_ID);
    assert_eq!(sync["user"], "apiuser@emulator.invalid");
    assert!(sync["duration_us"].is_u64());
    assert_eq!(entries[2]["query"], "access_token=[redacted]&fields=email");

    let one = env.send(env.http.get(env.url("/_emulator/calls/2"))).await;
    assert_eq!(one.json["request_id"], sync["request_id"]);
    assert_eq!(
        env.send(env.http.get(env.url("/_emulator/calls/99")))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn large_bodies_are_cut_with_their_size() {
    let env = start().await;
    let leads: Vec<Value> = (0..300)
        .map(|i| json!({"email": format!("lead{i}@example.com"), "firstName": "x".repeat(40)}))
        .collect();
    let body = json!({"input": leads}).to_string();
    let r = env
        .post_json("/rest/v1/leads.json", &serde_json::from_str(&body).unwrap())
        .await;
    assert_success(&r);
    let log = calls(&env, "?path=/rest/v1/leads.json").await;
    let kept = &log.json[0]["request_body"];
    assert_eq!(kept["size"].as_u64(), Some(body.len() as u64));
    assert_eq!(kept["truncated"], true);
    assert_eq!(
        kept["text"].as_str().unwrap().len(),
        marketo_emulator::calls::body::KEEP_BYTES
    );
}

#[tokio::test]
async fn filters_path_code_method_since_after_limit() {
    let env = start().await;
    let token = env.token().await;
    env.get_with("/rest/v1/lead/1.json", &token).await;
    env.get_with("/rest/v1/nope.json", &token).await; // 610
    env.clock.advance(Duration::from_secs(60));
    env.get_with("/rest/v1/leads/describe.json", "bad:int")
        .await; // 601
    env.get_with("/rest/v1/leads/describe.json", &token).await;

    let paths = |r: &Resp| -> Vec<String> {
        r.json
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["path"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(paths(&calls(&env, "?path=describe").await).len(), 2);
    assert_eq!(
        paths(&calls(&env, "?path=/rest/*/lead/").await),
        vec!["/rest/v1/lead/1.json"]
    );
    assert_eq!(paths(&calls(&env, "?code=610,601").await).len(), 2);
    assert_eq!(
        paths(&calls(&env, "?code=601").await),
        vec!["/rest/v1/leads/describe.json"]
    );
    assert_eq!(
        paths(&calls(&env, "?since=2026-03-10T15:01:00Z").await).len(),
        2
    );
    assert_eq!(calls(&env, "?limit=1").await.json[0]["id"], 5);
    assert_eq!(
        calls(&env, "?after=3").await.json.as_array().unwrap().len(),
        2
    );
    assert_eq!(
        paths(&calls(&env, "?method=get&path=identity").await).len(),
        1
    );
    let bare = calls(&env, "?bodies=false&limit=1").await;
    assert_eq!(bare.json[0]["response_body"], Value::Null);
    for bad in ["?limit=x", "?code=abc", "?since=today", "?frobnicate=1"] {
        let r = calls(&env, bad).await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text);
    }
    let r = env.send(env.http.delete(env.url("/_emulator/calls"))).await;
    assert_eq!(r.status, 200);
    assert!(calls(&env, "").await.json.as_array().unwrap().is_empty());
}

/// Read server-sent events until `n` `call` events came, within a bound.
async fn events(resp: reqwest::Response, n: usize) -> Vec<Value> {
    let mut stream = resp.bytes_stream();
    let mut buf = String::new();
    let mut out = Vec::new();
    let read = async {
        while out.len() < n {
            let chunk = stream
                .next()
                .await
                .expect("the stream goes on")
                .expect("bytes");
            buf.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = buf.find("\n\n") {
                let frame: String = buf.drain(..end + 2).collect();
                if frame.lines().any(|l| l == "event: call") {
                    let data = frame
                        .lines()
                        .find_map(|l| l.strip_prefix("data: "))
                        .unwrap();
                    out.push(serde_json::from_str(data).unwrap());
                }
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .expect("the events came");
    out
}

#[tokio::test]
async fn the_tail_streams_new_calls_and_replays_after_an_id() {
    let env = start().await;
    let token = env.token().await;
    let live = env
        .http
        .get(env.url("/_emulator/calls/stream?path=/rest/"))
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), 200);
    assert_eq!(live.headers()["content-type"], "text/event-stream");
    env.get_with("/rest/v1/lead/1.json", &token).await;
    let got = events(live, 1).await;
    assert_eq!(got[0]["path"], "/rest/v1/lead/1.json");
    assert_eq!(got[0]["id"], 2);

    let replay = env
        .http
        .get(env.url("/_emulator/calls/stream?bodies=false"))
        .header("Last-Event-ID", "1")
        .send()
        .await
        .unwrap();
    let got = events(replay, 1).await;
    assert_eq!(got[0]["id"], 2);
    assert_eq!(got[0]["response_body"], Value::Null);
    let bad = env
        .send(env.http.get(env.url("/_emulator/calls/stream?limit=x")))
        .await;
    assert_eq!(bad.status, 400);
}
