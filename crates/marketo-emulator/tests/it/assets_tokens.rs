//! Asset API My Tokens on folders and programs: create (or replace), get with inheritance down the tree,
//! delete by name; 702, 709, 710 and 711 from their causes.

use crate::assets_support::*;
use crate::support::*;
use serde_json::json;

async fn token(env: &Env, id: i64, kind: &str, name: &str, ty: &str, value: &str) -> Resp {
    post_form(
        env,
        &format!("/rest/asset/v1/folder/{id}/tokens.json"),
        &[
            ("folderType", kind),
            ("name", name),
            ("type", ty),
            ("value", value),
        ],
    )
    .await
}

#[tokio::test]
async fn create_token_answers_the_folder_and_the_token() {
    let env = start().await;
    let f = folder(&env, "Campaigns", MA_DEFAULT).await;
    let r = token(&env, f, "Folder", "April Fools", "date", "2015-04-01").await;
    assert_eq!(
        assert_asset_ok(&r),
        [json!({"folder": {"type": "Folder", "value": f},
                "tokens": [{"name": "April Fools", "type": "date", "value": "2015-04-01"}]})]
    );
}

#[tokio::test]
async fn tokens_are_inherited_down_the_tree_and_overridden_below() {
    let env = start().await;
    let f = folder(&env, "Region", MA_DEFAULT).await;
    token(&env, f, "Folder", "Company", "text", "Acme").await;
    token(&env, f, "Folder", "City", "text", "Paris").await;
    let p = program(
        &env,
        "Event",
        &format!(r#"{{"id":{f},"type":"Folder"}}"#),
        "Default",
        "Content",
    )
    .await;
    assert_asset_ok(&token(&env, p, "Program", "City", "text", "Lyon").await);
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{p}/tokens.json"),
        &[("folderType", "Program")],
    )
    .await;
    let set = &assert_asset_ok(&r)[0];
    assert_eq!(set["folder"], json!({"type": "Program", "value": p}));
    assert_eq!(
        set["tokens"],
        json!([
            {"name": "City", "type": "text", "value": "Lyon"},
            {"name": "Company", "type": "text", "value": "Acme"}
        ])
    );
    // Creating it again replaces the value.
    assert_asset_ok(&token(&env, p, "Program", "City", "text", "Nice").await);
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{p}/tokens.json"),
        &[("folderType", "Program")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["tokens"][0]["value"], "Nice");
}

#[tokio::test]
async fn delete_token_by_name() {
    let env = start().await;
    let f = folder(&env, "F", MA_DEFAULT).await;
    token(&env, f, "Folder", "T", "number", "3.5").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{f}/tokens/delete.json"),
        &[("folderType", "Folder"), ("name", "T"), ("type", "number")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": f})]);
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{f}/tokens.json"),
        &[("folderType", "Folder")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["tokens"], json!([]));
}

#[tokio::test]
async fn code_702_delete_a_token_that_does_not_exist() {
    let env = start().await;
    let f = folder(&env, "F", MA_DEFAULT).await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{f}/tokens/delete.json"),
        &[("folderType", "Folder"), ("name", "Nope"), ("type", "text")],
    )
    .await;
    assert_marketo_error(&r, 702, "Token not found");
    let r = post_form(
        &env,
        "/rest/asset/v1/folder/9999/tokens/delete.json",
        &[("folderType", "Folder"), ("name", "Nope"), ("type", "text")],
    )
    .await;
    assert_marketo_error(&r, 702, "Folder not found");
}

#[tokio::test]
async fn code_709_token_with_a_bad_type_value_or_name() {
    let env = start().await;
    let f = folder(&env, "F", MA_DEFAULT).await;
    let long = "n".repeat(51);
    for (name, ty, value) in [
        ("A", "colour", "red"),
        ("B", "date", "April 1st"),
        ("C", "score", "1.5"),
        ("D", "number", "lots"),
        (long.as_str(), "text", "x"),
    ] {
        let r = token(&env, f, "Folder", name, ty, value).await;
        assert_marketo_error(&r, 709, "Business Rule Violation");
    }
}

#[tokio::test]
async fn code_710_and_711_token_on_a_missing_or_design_studio_folder() {
    let env = start().await;
    let r = token(&env, 9999, "Folder", "T", "text", "x").await;
    assert_marketo_error(&r, 710, "Parent Folder Not Found");
    let r = token(&env, 18, "Folder", "T", "text", "x").await;
    assert_marketo_error(&r, 711, "Incompatible Folder Type");
}

#[tokio::test]
async fn code_1002_create_token_without_a_value() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folder/15/tokens.json",
        &[("folderType", "Folder"), ("name", "T"), ("type", "text")],
    )
    .await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'value'");
}

#[tokio::test]
async fn get_tokens_of_a_missing_folder_warns_no_assets() {
    let env = start().await;
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/9999/tokens.json",
        &[("folderType", "Folder")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn seeded_programs_carry_their_tokens() {
    let env = start_with_toml(
        r#"
[[seed.programs]]
name = "Seeded"
folder = { id = 15, type = "Folder" }
type = "Event"
channel = "Tradeshow"
tokens = [{ name = "Venue", type = "text", value = "Hall 4" }]
"#,
    )
    .await;
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byName.json",
        &[("name", "Seeded")],
    )
    .await;
    let id = assert_asset_ok(&r)[0]["id"].as_i64().unwrap();
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{id}/tokens.json"),
        &[("folderType", "Program")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["tokens"][0]["value"], "Hall 4");
}
