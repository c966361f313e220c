//! Asset API static lists: the same lists as the Lead Database's `/rest/v1/lists.json`, with their folders.

use crate::assets_support::*;
use crate::support::*;
use serde_json::json;

async fn list(env: &Env, name: &str, folder: &str) -> i64 {
    let r = post_form(
        env,
        "/rest/asset/v1/staticLists.json",
        &[("name", name), ("folder", folder), ("description", "d")],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn a_list_created_in_the_asset_api_is_a_lead_database_list() {
    let env = start().await;
    let p = program(&env, "Webinar", MA_DEFAULT, "Event with Webinar", "Webinar").await;
    let id = list(
        &env,
        "Attendees",
        &format!(r#"{{"id":{p},"type":"Program"}}"#),
    )
    .await;
    let r = env
        .get(&format!("/rest/asset/v1/staticList/{id}.json"))
        .await;
    let l = &assert_asset_ok(&r)[0];
    assert_eq!(l["folder"], json!({"id": p, "type": "Program"}));
    assert_eq!(l["createdAt"], "2026-03-10T15:00:00Z+0000");
    let r = env.get(&format!("/rest/v1/lists/{id}.json")).await;
    let lead_db = &assert_success(&r)[0];
    assert_eq!(lead_db["name"], "Attendees");
    assert_eq!(lead_db["programName"], "Webinar");
    // Members go through the Lead Database's calls.
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a@example.com"}]}),
        )
        .await;
    let lead = assert_success(&r)[0]["id"].clone();
    let r = env
        .post_json(
            &format!("/rest/v1/lists/{id}/leads.json"),
            &json!({"input": [{"id": lead}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "added");
    // The folder lists it.
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{p}/content.json"),
        &[("type", "Program")],
    )
    .await;
    assert_eq!(
        assert_asset_ok(&r),
        [json!({"id": id, "type": "StaticList"})]
    );
}

#[tokio::test]
async fn a_list_seeded_in_the_lead_database_is_served_by_the_asset_api() {
    let env = start().await;
    env.emu
        .seed(json!({"lists": [{"id": 77, "name": "Seeded"}]}))
        .expect("seed");
    let r = get_query(
        &env,
        "/rest/asset/v1/staticList/byName.json",
        &[("name", "Seeded")],
    )
    .await;
    let l = &assert_asset_ok(&r)[0];
    assert_eq!(l["id"], 77);
    assert_eq!(l["folder"], json!({"id": 15, "type": "Folder"}));
}

#[tokio::test]
async fn get_static_lists_filters_by_folder_and_pages() {
    let env = start().await;
    let a = folder(&env, "A", MA_DEFAULT).await;
    let fa = format!(r#"{{"id":{a},"type":"Folder"}}"#);
    list(&env, "L1", &fa).await;
    list(&env, "L2", &fa).await;
    list(&env, "L3", MA_DEFAULT).await;
    let r = get_query(&env, "/rest/asset/v1/staticLists.json", &[("folder", &fa)]).await;
    assert_eq!(assert_asset_ok(&r).len(), 2);
    let r = get_query(
        &env,
        "/rest/asset/v1/staticLists.json",
        &[("maxReturn", "2"), ("offset", "2")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "L3");
    let r = get_query(
        &env,
        "/rest/asset/v1/staticLists.json",
        &[("earliestUpdatedAt", "2027-01-01T00:00:00Z")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn update_and_delete_a_static_list() {
    let env = start().await;
    let id = list(&env, "Old", MA_DEFAULT).await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/staticList/{id}.json"),
        &[("name", "New")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "New");
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/staticList/{id}/delete.json"),
        &[],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    let r = env.get(&format!("/rest/v1/lists/{id}.json")).await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn code_702_update_or_delete_a_missing_static_list() {
    let env = start().await;
    let r = post_form(&env, "/rest/asset/v1/staticList/999.json", &[("name", "X")]).await;
    assert_marketo_error(&r, 702, "Static list not found");
    let r = post_form(&env, "/rest/asset/v1/staticList/999/delete.json", &[]).await;
    assert_marketo_error(&r, 702, "Static list not found");
    assert_no_assets(&env.get("/rest/asset/v1/staticList/999.json").await);
}

#[tokio::test]
async fn code_709_710_711_create_static_list() {
    let env = start().await;
    list(&env, "Dup", MA_DEFAULT).await;
    let cases = [
        ("Dup", MA_DEFAULT, 709, "Business Rule Violation"),
        (
            "X",
            r#"{"id":4242,"type":"Folder"}"#,
            710,
            "Parent Folder Not Found",
        ),
        (
            "X",
            r#"{"id":18,"type":"Folder"}"#,
            711,
            "Incompatible Folder Type",
        ),
    ];
    for (name, folder, code, message) in cases {
        let r = post_form(
            &env,
            "/rest/asset/v1/staticLists.json",
            &[("name", name), ("folder", folder)],
        )
        .await;
        assert_marketo_error(&r, code, message);
    }
}
