//! Helpers of the Asset API tests: form-encoded writes, reads with a query string, the asset envelope.

use crate::support::*;
use serde_json::Value;

/// POST form-encoded `form` to `path` with a fresh token.
pub async fn post_form(env: &Env, path: &str, form: &[(&str, &str)]) -> Resp {
    let token = env.token().await;
    env.send(env.http.post(env.url(path)).bearer_auth(token).form(form))
        .await
}

/// GET `path` with `query` (encoded) and a fresh token.
pub async fn get_query(env: &Env, path: &str, query: &[(&str, &str)]) -> Resp {
    let token = env.token().await;
    env.send(env.http.get(env.url(path)).bearer_auth(token).query(query))
        .await
}

/// A successful asset envelope (`errors` and `warnings` empty arrays); returns `result`.
pub fn assert_asset_ok(r: &Resp) -> Vec<Value> {
    let result = assert_success(r);
    assert_eq!(r.json["errors"], serde_json::json!([]), "{}", r.text);
    assert_eq!(r.json["warnings"], serde_json::json!([]), "{}", r.text);
    assert!(!result.is_empty(), "{}", r.text);
    result
}

/// The answer of a search that found nothing: success, the warning, no `result`.
pub fn assert_no_assets(r: &Resp) {
    assert_success(r);
    assert_eq!(
        r.json["warnings"],
        serde_json::json!(["No assets found for the given search criteria."]),
        "{}",
        r.text
    );
    assert!(r.json.get("result").is_none(), "{}", r.text);
}

/// Create folder `name` under `parent` (`{"id":..,"type":..}`); returns its id.
pub async fn folder(env: &Env, name: &str, parent: &str) -> i64 {
    let r = post_form(
        env,
        "/rest/asset/v1/folders.json",
        &[("name", name), ("parent", parent)],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

/// Create a program; returns its id.
pub async fn program(env: &Env, name: &str, folder: &str, kind: &str, channel: &str) -> i64 {
    let r = post_form(
        env,
        "/rest/asset/v1/programs.json",
        &[
            ("name", name),
            ("folder", folder),
            ("type", kind),
            ("channel", channel),
        ],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

/// Marketing Activities' Default workspace as a parameter.
pub const MA_DEFAULT: &str = r#"{"id":15,"type":"Folder"}"#;
