//! The control API, the usage stats endpoints, and state that survives a restart.

use crate::support::*;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn health_seed_reset_calls_usage() {
    let env = start().await;
    let admin = |p: &str| env.url(&format!("/_emulator/{p}"));
    let r = env.send(env.http.get(admin("health"))).await;
    assert_eq!(r.json, json!({"status": "ok"}));

    let r = env
        .send(env.http.post(admin("seed")).body(
            r#"{"leads":[{"email":"a@example.com"},{"email":"b@example.com"}],"lists":[{"id":7,"name":"L"}]}"#,
        ))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["leads"], json!([1, 2]));
    let bad = env
        .send(env.http.post(admin("seed")).body("{not json"))
        .await;
    assert_eq!(bad.status, 400);

    assert_eq!(
        assert_success(&env.get("/rest/v1/lead/2.json").await).len(),
        1
    );
    let calls = env.send(env.http.get(admin("calls"))).await;
    let last = calls.json.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["path"], "/rest/v1/lead/2.json");
    assert_eq!(last["status"], 200);
    assert_eq!(last["counted"], true);
    // Admin calls are not in the request log and never count.
    let usage = env.send(env.http.get(admin("usage"))).await;
    assert_eq!(usage.json["today"], 1);
    assert_eq!(usage.json["window"], 1);
    assert_eq!(usage.json["in_flight"], 0);

    let r = env.send(env.http.post(admin("reset"))).await;
    assert_eq!(r.status, 200);
    assert!(assert_success(&env.get("/rest/v1/lead/2.json").await).is_empty());
    assert_eq!(
        env.emu.calls().len(),
        2,
        "identity + the lookup after reset"
    );
}

#[tokio::test]
async fn clock_advance_expires_tokens() {
    let env = start().await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/_emulator/clock/advance"))
                .body(r#"{"seconds":3600}"#),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["now"], "2026-03-10T16:00:00Z");
    let r = env.get_with("/rest/v1/leads/describe.json", &token).await;
    assert_marketo_error(&r, 602, "Access token expired");
    let bad = env
        .send(
            env.http
                .post(env.url("/_emulator/clock/advance"))
                .body(r#"{"seconds":-5}"#),
        )
        .await;
    assert_eq!(bad.status, 400);
}

#[tokio::test]
async fn usage_and_error_stats_from_own_counts() {
    let env = start().await;
    let token = env.token().await;
    env.get_with("/rest/v1/leads/describe.json", &token).await;
    env.get_with("/rest/v1/nope.json", &token).await; // 610
    env.get_with("/rest/v1/leads/describe.json", "bad:int")
        .await; // 601, not counted
    let r = env.get_with("/rest/v1/stats/usage.json", &token).await;
    let result = assert_success(&r);
    // The 610 was answered before authentication: it counts in the total, under no user.
    assert_eq!(
        result,
        vec![json!({"date": "2026-03-10", "total": 2,
                    "users": [{"userId": "apiuser@emulator.invalid", "count": 1}]})]
    );
    let r = env.get_with("/rest/v1/stats/errors.json", &token).await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"date": "2026-03-10", "total": 2, "errors": [
            {"errorCode": "601", "count": 1}, {"errorCode": "610", "count": 1}]})]
    );
    env.emu.advance_clock(Duration::from_secs(24 * 3600));
    let token = env.token().await;
    let r = env
        .get_with("/rest/v1/stats/usage/last7days.json", &token)
        .await;
    let days = assert_success(&r);
    assert_eq!(days.len(), 7);
    assert_eq!(days[5]["date"], "2026-03-10");
    assert_eq!(days[5]["total"], 4, "two lookups and the two stats calls");
    assert_eq!(days[6]["date"], "2026-03-11");
    let r = env
        .get_with("/rest/v1/stats/errors/last7days.json", &token)
        .await;
    assert_eq!(assert_success(&r).len(), 7);
}

#[tokio::test]
async fn quota_count_and_data_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("emulator.db");
    let env = start_with(|b| b.db_path(&db).daily_quota(10)).await;
    env.emu
        .seed(json!({"leads": [{"email": "keep@example.com"}]}))
        .unwrap();
    let token = env.token().await;
    for _ in 0..3 {
        assert_success(&env.get_with("/rest/v1/lead/1.json", &token).await);
    }
    env.emu.shutdown().await;

    let env = start_with(|b| b.db_path(&db).daily_quota(10)).await;
    assert_eq!(env.emu.usage().today, 3);
    let r = env.get("/rest/v1/lead/1.json?fields=email").await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 1, "email": "keep@example.com"})]
    );
}

#[tokio::test]
async fn config_file_declares_users_faults_schema_and_seed() {
    let config = marketo_emulator::EmulatorConfig::from_toml_str(
        r#"
        [[users]]
        client_id = "cfg"
        client_secret = "cfg-secret"
        [[faults]]
        method = "GET"
        path = "/rest/v1/lead/*"
        error = "608"
        times = 1
        [[lead_schema.custom_fields]]
        name = "loyaltyTier"
        display_name = "Loyalty Tier"
        data_type = "integer"
        [seed]
        lists = [{ id = 1001, name = "Newsletter" }]
        leads = [{ email = "ann@example.com", loyaltyTier = 3 }]
        "#,
    )
    .unwrap();
    let env = start_with(|b| b.config(config)).await;
    let token = env.token_for("cfg", "cfg-secret").await;
    let r = env.get_with("/rest/v1/lead/1.json", &token).await;
    assert_marketo_error(&r, 608, "API Temporarily Unavailable");
    let r = env
        .get_with("/rest/v1/lead/1.json?fields=loyaltyTier", &token)
        .await;
    assert_eq!(assert_success(&r), vec![json!({"id": 1, "loyaltyTier": 3})]);
    let r = env.get_with("/rest/v1/lists/1001/leads.json", &token).await;
    assert!(assert_success(&r).is_empty());
}

/// A step that would take the clock past year 9999 is refused with 400 and a message, and the clock keeps
/// working (before, `{"seconds":9223372036854775807}` answered 200, froze the time and every later advance was
/// silently ignored).
#[tokio::test]
async fn clock_advance_out_of_range_is_refused_and_the_clock_keeps_moving() {
    let env = start().await;
    let advance = |body: &'static str| {
        env.send(
            env.http
                .post(env.url("/_emulator/clock/advance"))
                .body(body),
        )
    };
    for huge in [r#"{"seconds":9223372036854775807}"#, r#"{"seconds":1e300}"#] {
        let r = advance(huge).await;
        assert_eq!(r.status, 400, "{huge}: {}", r.text);
        assert!(
            r.json["error"].as_str().unwrap().contains("9999-12-31"),
            "{}",
            r.text
        );
    }
    let r = advance(r#"{"seconds":60}"#).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["now"], "2026-03-10T15:01:00Z");
    let clock = env.send(env.http.get(env.url("/_emulator/clock"))).await;
    assert_eq!(clock.json["now"], "2026-03-10T15:01:00Z");
}

/// With an admin token configured, admin calls without it are refused (401) and do nothing; with it in either
/// header they work. Marketo paths are not affected.
#[tokio::test]
async fn admin_token_guards_every_admin_call() {
    let env = start_with(|b| {
        let mut config = marketo_emulator::EmulatorConfig::default();
        config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
        config.server.admin_token = Some("adm1n-t0ken".into());
        b.config(config)
    })
    .await;
    env.emu
        .seed(json!({"leads": [{"email": "keep@example.com"}]}))
        .unwrap();
    for (method, path) in [
        ("POST", "reset"),
        ("GET", "health"),
        ("GET", "calls"),
        ("DELETE", "faults"),
    ] {
        let req = env.http.request(
            method.parse().unwrap(),
            env.url(&format!("/_emulator/{path}")),
        );
        let r = env.send(req.bearer_auth("wrong")).await;
        assert_eq!(r.status, 401, "{method} {path}: {}", r.text);
        assert!(!r.text.contains("adm1n-t0ken"));
    }
    let found = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=keep@example.com")
        .await;
    assert_eq!(
        assert_success(&found).len(),
        1,
        "the refused reset did nothing"
    );
    let r = env
        .send(
            env.http
                .get(env.url("/_emulator/health"))
                .bearer_auth("adm1n-t0ken"),
        )
        .await;
    assert_eq!(r.status, 200);
    let r = env
        .send(
            env.http
                .post(env.url("/_emulator/reset"))
                .header("X-Emulator-Admin-Token", "adm1n-t0ken"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}

/// Listening beyond loopback without an admin token is refused at start.
#[tokio::test]
async fn listening_beyond_loopback_needs_an_admin_token() {
    let err = marketo_emulator::Emulator::builder()
        .addr("0.0.0.0:0".parse().unwrap())
        .start()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("admin token"), "{err}");
}

/// `docs/emulator.md` has a row for every admin route, and none for a route that does not exist.
#[test]
fn every_admin_route_is_in_the_docs() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/emulator.md"
    ))
    .expect("docs/emulator.md");
    let documented: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(call, _)| call))
        .filter(|call| {
            call.starts_with("GET /") || call.starts_with("POST /") || call.starts_with("DELETE /")
        })
        .collect();
    let routes: Vec<String> = marketo_emulator::admin::routes::ROUTES
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect();
    for route in &routes {
        assert!(
            documented.contains(&route.as_str()),
            "{route} is not in docs/emulator.md"
        );
    }
    for call in &documented {
        assert!(
            routes.iter().any(|r| r == call),
            "docs/emulator.md lists {call}, which is no route"
        );
    }
}
