//! The admin API's reset (to the baseline and to empty), scenarios, fault rules one by one, unknown paths and
//! the OpenAPI document.

use crate::support::*;
use marketo_emulator::{EmulatorConfig, Scenario};
use serde_json::{json, Value};

fn config_with_seed_and_fault() -> EmulatorConfig {
    let mut config = EmulatorConfig::from_toml_str(
        r#"
        [[faults]]
        method = "GET"
        path = "/rest/v1/lead/*"
        error = "608"
        times = 1
        [seed]
        lists = [{ id = 1001, name = "Newsletter" }]
        leads = [{ email = "ann@example.com" }]
        "#,
    )
    .unwrap();
    config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
    config
}

async fn admin(env: &Env, method: &str, path: &str, body: Option<Value>) -> Resp {
    let mut req = env.http.request(
        method.parse().unwrap(),
        env.url(&format!("/_emulator{path}")),
    );
    if let Some(b) = body {
        req = req.body(b.to_string());
    }
    env.send(req).await
}

/// Before, a reset dropped the config's seed (list 1001 answered 1013 afterwards); now it goes back to the
/// config's seed and fault rules, and `?to=empty` leaves nothing.
#[tokio::test]
async fn reset_returns_to_the_config_seed_or_to_empty() {
    let env = start_with(|b| b.config(config_with_seed_and_fault())).await;
    let token = env.token().await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input": [{"email": "x@example.com"}]}),
    )
    .await;
    let r = admin(&env, "POST", "/reset", None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["to"], "seed");
    assert_eq!(r.json["leads"], json!([1]));
    let list = env.get_with("/rest/v1/lists/1001.json", &token).await;
    assert_eq!(assert_success(&list)[0]["name"], "Newsletter");
    // The config's fault rule is back, and fires once.
    let r = env.get_with("/rest/v1/lead/1.json", &token).await;
    assert_marketo_error(&r, 608, "API Temporarily Unavailable");
    let found = env
        .get_with(
            "/rest/v1/leads.json?filterType=email&filterValues=x@example.com",
            &token,
        )
        .await;
    assert!(assert_success(&found).is_empty(), "the synced lead is gone");

    let r = admin(&env, "POST", "/reset?to=empty", None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let list = env.get_with("/rest/v1/lists/1001.json", &token).await;
    assert_marketo_error(&list, 1013, "Object not found");
    let faults = admin(&env, "GET", "/faults", None).await;
    assert_eq!(faults.json, json!([]));
    let bad = admin(&env, "POST", "/reset?to=yesterday", None).await;
    assert_eq!(bad.status, 400);
    assert!(bad.json["error"].as_str().unwrap().contains("yesterday"));
}

/// A scenario loaded through the API seeds, adds rules and moves the clock; resets come back to it (without
/// moving the clock again); a refused scenario is not kept; forgetting it leaves the config's baseline.
#[tokio::test]
async fn scenarios_load_and_become_the_baseline() {
    let env = start_with(|b| b.config(config_with_seed_and_fault())).await;
    let scenario = json!({
        "name": "two lists",
        "seed": {"lists": [{"id": 2002, "name": "Customers"}]},
        "faults": [{"method": "POST", "path": "/rest/v1/leads.json", "error": "604", "times": 1}],
        "steps": [
            {"advance_secs": 86400},
            {"seed": {"leads": [{"email": "late@example.com"}]}},
        ],
    });
    let r = admin(&env, "POST", "/scenario", Some(scenario.clone())).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["lists"], json!([1001, 2002]));
    assert_eq!(r.json["leads"], json!([1, 2]));
    assert_eq!(r.json["faults"].as_array().unwrap().len(), 2);
    assert_eq!(r.json["now"], "2026-03-11T15:00:00Z");
    let got = admin(&env, "GET", "/scenario", None).await;
    assert_eq!(got.json["scenario"]["name"], "two lists");

    let token = env.token().await;
    assert_success(&env.get_with("/rest/v1/lists/2002.json", &token).await);
    let r = admin(&env, "POST", "/reset", None).await;
    assert_eq!(r.json["lists"], json!([1001, 2002]));
    let clock = admin(&env, "GET", "/clock", None).await;
    assert_eq!(
        clock.json["now"], "2026-03-11T15:00:00Z",
        "a reset never replays clock steps"
    );
    let rules = admin(&env, "GET", "/faults", None).await;
    assert_eq!(rules.json.as_array().unwrap().len(), 2);

    // A clock step into the past is refused, and the refused scenario is not kept.
    let past = json!({"steps": [{"advance_to": "2020-01-01T00:00:00Z"}]});
    let r = admin(&env, "POST", "/scenario", Some(past)).await;
    assert_eq!(r.status, 400);
    assert!(
        r.json["error"]
            .as_str()
            .unwrap()
            .contains("only moves forward"),
        "{}",
        r.text
    );
    let got = admin(&env, "GET", "/scenario", None).await;
    assert_eq!(got.json["scenario"], Value::Null);
    let r = admin(
        &env,
        "POST",
        "/scenario",
        Some(json!({"faults": [{"path": "*", "error": "9999"}]})),
    )
    .await;
    assert_eq!(r.status, 400);
    assert!(r.json["error"]
        .as_str()
        .unwrap()
        .contains("not a code of the catalogue"));

    admin(&env, "POST", "/scenario", Some(scenario)).await;
    let r = admin(&env, "DELETE", "/scenario", None).await;
    assert_eq!(r.json["forgotten"], true);
    let r = admin(&env, "POST", "/reset", None).await;
    assert_eq!(r.json["lists"], json!([1001]));
}

/// The builder (and so `mkto serve --scenario`) loads a scenario at start; its file is TOML or JSON.
#[tokio::test]
async fn a_scenario_file_loads_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scenario.toml");
    std::fs::write(
        &path,
        "[seed]\nleads = [{ email = \"s@example.com\" }]\n[[steps]]\nadvance_to = \"2026-03-10T16:00:00Z\"\n",
    )
    .unwrap();
    let scenario = Scenario::from_file(&path).unwrap();
    let env = start_with(|b| b.scenario(scenario)).await;
    let token = env.token().await;
    let r = env
        .get_with("/rest/v1/lead/1.json?fields=email", &token)
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 1, "email": "s@example.com"})]
    );
    assert_eq!(
        env.emu.state().now().to_rfc3339(),
        "2026-03-10T16:00:00+00:00"
    );
}

/// Before, `DELETE /_emulator/faults/2` answered 200 and removed nothing. Rules are now read and removed one by
/// one, each with how often it fired; a retired rule stays listed; the call it fired on names it.
#[tokio::test]
async fn fault_rules_one_by_one_with_their_counts() {
    let env = start().await;
    let rules = json!([
        {"method": "GET", "path": "/rest/v1/lead/*", "error": "604", "times": 1},
        {"method": "GET", "path": "/rest/v1/leads/describe.json", "error": "608"},
    ]);
    let r = admin(&env, "POST", "/faults", Some(rules)).await;
    assert_eq!(r.json["added"], json!([1, 2]));
    let token = env.token().await;
    let r = env.get_with("/rest/v1/lead/1.json", &token).await;
    assert_marketo_error(&r, 604, "Request timed out");
    let r = env.get_with("/rest/v1/leads/describe.json", &token).await;
    assert_marketo_error(&r, 608, "API Temporarily Unavailable");

    let listed = admin(&env, "GET", "/faults", None).await;
    let first = &listed.json[0];
    assert_eq!(
        (first["fired"].as_u64(), first["active"].as_bool()),
        (Some(1), Some(false))
    );
    assert_eq!(first["remaining"], 0);
    let calls = env.emu.calls();
    assert_eq!(calls[1].fault, Some(1));
    assert_eq!(calls[2].fault, Some(2));

    let r = admin(&env, "DELETE", "/faults/2", None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["removed"]["fired"], 1);
    assert_success(&env.get_with("/rest/v1/leads/describe.json", &token).await);
    assert_eq!(admin(&env, "GET", "/faults/2", None).await.status, 404);
    assert_eq!(admin(&env, "DELETE", "/faults/2", None).await.status, 404);
    assert_eq!(admin(&env, "GET", "/faults/1", None).await.json["id"], 1);

    // Only catalogued codes, with the reason.
    let r = admin(
        &env,
        "POST",
        "/faults",
        Some(json!({"path": "*", "error": "9999"})),
    )
    .await;
    assert_eq!(r.status, 400);
    assert!(
        r.json["error"]
            .as_str()
            .unwrap()
            .contains("9999 is not a code of the catalogue"),
        "{}",
        r.text
    );
    let r = admin(
        &env,
        "POST",
        "/faults",
        Some(json!([{"path": "*", "error": "604"}, {"path": "*", "record_error": "604"}])),
    )
    .await;
    assert_eq!(r.status, 400);
    assert!(
        r.json["error"]
            .as_str()
            .unwrap()
            .starts_with("fault rule: rule 1:"),
        "{}",
        r.text
    );
    assert_eq!(
        admin(&env, "GET", "/faults", None)
            .await
            .json
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Before, unknown admin paths answered 200 with a Marketo 610 body. Now 404 (and 405 for a known path with
/// another method), with a JSON body; with an admin token, only the token's holder learns which.
#[tokio::test]
async fn unknown_admin_paths_are_404_with_json() {
    let env = start().await;
    for path in ["/nope", "/faults/abc", "", "/calls/1/x"] {
        let r = admin(&env, "GET", path, None).await;
        assert_eq!(r.status, 404, "{path}: {}", r.text);
        assert!(
            r.json["error"].as_str().unwrap().contains("openapi.json"),
            "{}",
            r.text
        );
    }
    let r = admin(&env, "PUT", "/faults", None).await;
    assert_eq!(r.status, 405);
    assert_eq!(r.headers["allow"], "GET, POST, DELETE");
    assert!(r.json["error"].is_string());
    let doc = admin(&env, "GET", "/openapi.json", None).await;
    assert_eq!(doc.status, 200);
    assert_eq!(doc.json["openapi"], "3.1.0");
    assert!(doc.json["paths"]["/_emulator/calls/stream"]["get"].is_object());
    assert!(
        env.emu.calls().is_empty(),
        "admin calls are not in the request log"
    );
}

/// With an admin token, every admin call needs it, the unknown ones too; the inspector's static page and
/// assets do not (they hold no data), and they never contain the token.
#[tokio::test]
async fn the_admin_token_guards_everything_but_the_inspector_assets() {
    let env = start_with(|b| {
        let mut config = EmulatorConfig::default();
        config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
        config.server.admin_token = Some("adm1n-t0ken".into());
        b.config(config)
    })
    .await;
    for (method, path) in [
        ("GET", "/nope"),
        ("GET", "/data"),
        ("GET", "/calls/stream"),
        ("DELETE", "/faults/1"),
        ("POST", "/scenario"),
    ] {
        let r = admin(&env, method, path, None).await;
        assert_eq!(r.status, 401, "{method} {path}: {}", r.text);
    }
    for path in ["/ui", "/ui/main.js", "/ui/style.css"] {
        let r = admin(&env, "GET", path, None).await;
        assert_eq!(r.status, 200, "{path}");
        assert!(!r.text.contains("adm1n-t0ken"));
    }
    let r = env
        .send(
            env.http
                .get(env.url("/_emulator/data"))
                .bearer_auth("adm1n-t0ken"),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}
