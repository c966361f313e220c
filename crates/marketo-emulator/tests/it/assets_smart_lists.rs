//! Asset API smart lists: user-made ones (get, by name, browse, clone, delete) and the smart lists of smart
//! campaigns and Email programs.

use crate::assets_support::*;
use crate::support::*;
use serde_json::json;

const SEEDED: &str = r#"
[[seed.smartLists]]
name = "Visitors"
folder = "/Marketing Activities/Default"
rules = { filterMatchType = "all", triggers = [], filters = [{ name = "Visited Web Page" }] }
"#;

async fn visitors(env: &Env) -> i64 {
    let r = get_query(
        env,
        "/rest/asset/v1/smartList/byName.json",
        &[("name", "Visitors")],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn get_smart_list_by_id_with_and_without_rules() {
    let env = start_with_toml(SEEDED).await;
    let id = visitors(&env).await;
    let r = env
        .get(&format!("/rest/asset/v1/smartList/{id}.json"))
        .await;
    let l = &assert_asset_ok(&r)[0];
    assert_eq!(l["folder"], json!({"id": 15, "type": "Folder"}));
    assert!(l.get("rules").is_none());
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/smartList/{id}.json"),
        &[("includeRules", "true")],
    )
    .await;
    assert_eq!(
        assert_asset_ok(&r)[0]["rules"]["filters"][0]["name"],
        "Visited Web Page"
    );
    assert_no_assets(&env.get("/rest/asset/v1/smartList/9.json").await);
}

#[tokio::test]
async fn clone_a_smart_list_into_a_program_and_browse() {
    let env = start_with_toml(SEEDED).await;
    let id = visitors(&env).await;
    let p = program(&env, "P", MA_DEFAULT, "Default", "Content").await;
    let into = format!(r#"{{"id":{p},"type":"Program"}}"#);
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartList/{id}/clone.json"),
        &[("name", "Visitors copy"), ("folder", &into)],
    )
    .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(c["folder"], json!({"id": p, "type": "Program"}));
    let r = env.get("/rest/asset/v1/smartLists.json").await;
    assert_eq!(assert_asset_ok(&r).len(), 2);
    let r = get_query(&env, "/rest/asset/v1/smartLists.json", &[("folder", &into)]).await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "Visitors copy");
    // 709: the name is taken; 711: a Design Studio folder; 710: a missing one.
    for (folder, code, message) in [
        (into.as_str(), 709, "Business Rule Violation"),
        (
            r#"{"id":22,"type":"Folder"}"#,
            711,
            "Incompatible Folder Type",
        ),
        (
            r#"{"id":8888,"type":"Folder"}"#,
            710,
            "Parent Folder Not Found",
        ),
    ] {
        let name = if code == 709 {
            "Visitors copy"
        } else {
            "Other"
        };
        let r = post_form(
            &env,
            &format!("/rest/asset/v1/smartList/{id}/clone.json"),
            &[("name", name), ("folder", folder)],
        )
        .await;
        assert_marketo_error(&r, code, message);
    }
}

#[tokio::test]
async fn delete_a_smart_list_and_702_when_it_is_gone() {
    let env = start_with_toml(SEEDED).await;
    let id = visitors(&env).await;
    let path = format!("/rest/asset/v1/smartList/{id}/delete.json");
    assert_eq!(
        assert_asset_ok(&post_form(&env, &path, &[]).await),
        [json!({"id": id})]
    );
    assert_marketo_error(
        &post_form(&env, &path, &[]).await,
        702,
        "Smart list not found",
    );
}

#[tokio::test]
async fn code_709_delete_a_smart_campaigns_smart_list() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("name", "C"), ("folder", MA_DEFAULT)],
    )
    .await;
    let sl = assert_asset_ok(&r)[0]["smartListId"].as_i64().unwrap();
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartList/{sl}/delete.json"),
        &[],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn an_email_program_has_its_smart_list() {
    let env = start().await;
    let email = program(&env, "Newsletter", MA_DEFAULT, "Email", "Email Send").await;
    let r = env
        .get(&format!("/rest/asset/v1/program/{email}/smartList.json"))
        .await;
    let l = &assert_asset_ok(&r)[0];
    assert_eq!(l["folder"], json!({"id": email, "type": "Program"}));
    let other = program(&env, "Plain", MA_DEFAULT, "Default", "Content").await;
    assert_no_assets(
        &env.get(&format!("/rest/asset/v1/program/{other}/smartList.json"))
            .await,
    );
    // Deleting the program takes its smart list with it.
    post_form(
        &env,
        &format!("/rest/asset/v1/program/{email}/delete.json"),
        &[],
    )
    .await;
    let id = l["id"].as_i64().unwrap();
    assert_no_assets(
        &env.get(&format!("/rest/asset/v1/smartList/{id}.json"))
            .await,
    );
}
