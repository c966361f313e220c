//! Asset API smart campaigns: get, browse, by name, create, update, clone, delete, activate/deactivate with
//! the documents' rules; 702, 709, 710 and 711 from their causes.

use crate::assets_support::*;
use crate::support::*;
use serde_json::json;

/// A trigger campaign (trigger and flow) and a batch campaign, both in program "Nurture".
const SEEDED: &str = r#"
[[seed.programs]]
name = "Onboarding"
folder = "/Marketing Activities/Default"
channel = "Content"

[[seed.smartCampaigns]]
name = "Welcome"
folder = "/Marketing Activities/Default/Onboarding"
triggers = ["Campaign is Requested"]
flow = ["Send Email"]
isRequestable = true

[[seed.smartCampaigns]]
name = "No Flow"
folder = "/Marketing Activities/Default/Onboarding"
triggers = ["Fills Out Form"]
"#;

async fn campaign_id(env: &Env, name: &str) -> i64 {
    let r = get_query(
        env,
        "/rest/asset/v1/smartCampaign/byName.json",
        &[("name", name)],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn create_smart_campaign_is_a_batch_campaign_with_its_smart_list() {
    let env = start().await;
    let p = program(&env, "P", MA_DEFAULT, "Default", "Content").await;
    let folder = format!(r#"{{"type": "program","id": {p}}}"#);
    let r = post_form(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[
            ("name", "Batch 1"),
            ("folder", &folder),
            ("description", "d"),
        ],
    )
    .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(c["type"], "batch");
    assert_eq!(c["status"], "Never Run");
    assert_eq!(c["isActive"], false);
    assert_eq!(c["folder"], json!({"id": p, "type": "Program"}));
    let id = c["id"].as_i64().unwrap();
    let r = env
        .get(&format!("/rest/asset/v1/smartCampaign/{id}.json"))
        .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "Batch 1");
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{id}/smartList.json"),
        &[("includeRules", "true")],
    )
    .await;
    let sl = &assert_asset_ok(&r)[0];
    assert_eq!(sl["id"], c["smartListId"]);
    assert_eq!(sl["rules"]["filters"], json!([]));
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{p}/content.json"),
        &[("type", "Program")],
    )
    .await;
    assert_eq!(
        assert_asset_ok(&r),
        [json!({"id": id, "type": "SmartCampaign"})]
    );
}

#[tokio::test]
async fn code_710_711_709_create_smart_campaign() {
    let env = start().await;
    post_form(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("name", "Dup"), ("folder", MA_DEFAULT)],
    )
    .await;
    for (name, folder, code, message) in [
        (
            "A",
            r#"{"id":999,"type":"Folder"}"#,
            710,
            "Parent Folder Not Found",
        ),
        (
            "A",
            r#"{"id":20,"type":"Folder"}"#,
            711,
            "Incompatible Folder Type",
        ),
        ("Dup", MA_DEFAULT, 709, "Business Rule Violation"),
    ] {
        let r = post_form(
            &env,
            "/rest/asset/v1/smartCampaigns.json",
            &[("name", name), ("folder", folder)],
        )
        .await;
        assert_marketo_error(&r, code, message);
    }
}

#[tokio::test]
async fn activate_and_deactivate_a_trigger_campaign() {
    let env = start_with_toml(SEEDED).await;
    let id = campaign_id(&env, "Welcome").await;
    let activate = format!("/rest/asset/v1/smartCampaign/{id}/activate.json");
    let deactivate = format!("/rest/asset/v1/smartCampaign/{id}/deactivate.json");
    // 709: deactivating a campaign that is not active.
    assert_marketo_error(
        &post_form(&env, &deactivate, &[]).await,
        709,
        "Business Rule Violation",
    );
    assert_eq!(
        assert_asset_ok(&post_form(&env, &activate, &[]).await),
        [json!({"id": id})]
    );
    let r = env
        .get(&format!("/rest/asset/v1/smartCampaign/{id}.json"))
        .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(
        (c["isActive"].clone(), c["status"].clone()),
        (json!(true), json!("Active"))
    );
    // 709: activating an active campaign; deleting one.
    assert_marketo_error(
        &post_form(&env, &activate, &[]).await,
        709,
        "Business Rule Violation",
    );
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{id}/delete.json"),
        &[],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = get_query(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("isActive", "true")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r).len(), 1);
    assert_eq!(
        assert_asset_ok(&post_form(&env, &deactivate, &[]).await),
        [json!({"id": id})]
    );
    let r = get_query(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("isActive", "true")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn code_709_activate_a_campaign_without_trigger_or_flow() {
    let env = start_with_toml(SEEDED).await;
    let no_flow = campaign_id(&env, "No Flow").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{no_flow}/activate.json"),
        &[],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("name", "B"), ("folder", MA_DEFAULT)],
    )
    .await;
    let batch = assert_asset_ok(&r)[0]["id"].as_i64().unwrap();
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{batch}/activate.json"),
        &[],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn update_clone_and_delete_a_smart_campaign() {
    let env = start_with_toml(SEEDED).await;
    let id = campaign_id(&env, "Welcome").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{id}.json"),
        &[("name", "Welcome v2"), ("description", "new")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "Welcome v2");
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{id}/clone.json"),
        &[("name", "Welcome copy"), ("folder", MA_DEFAULT)],
    )
    .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(c["type"], "trigger");
    assert_eq!(c["isActive"], false);
    let copy = c["id"].as_i64().unwrap();
    // The clone has the trigger and the flow: it can be activated.
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{copy}/activate.json"),
        &[],
    )
    .await;
    assert_asset_ok(&r);
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/smartCampaign/{id}/delete.json"),
        &[],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    assert_no_assets(
        &env.get(&format!("/rest/asset/v1/smartCampaign/{id}.json"))
            .await,
    );
}

#[tokio::test]
async fn get_smart_campaigns_filters_by_folder_and_dates() {
    let env = start_with_toml(SEEDED).await;
    post_form(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("name", "Top"), ("folder", MA_DEFAULT)],
    )
    .await;
    let r = env.get("/rest/asset/v1/smartCampaigns.json").await;
    assert_eq!(assert_asset_ok(&r).len(), 3);
    let r = get_query(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("folder", MA_DEFAULT)],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "Top");
    let r = get_query(
        &env,
        "/rest/asset/v1/smartCampaigns.json",
        &[("latestUpdatedAt", "2026-03-09T00:00:00Z")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn code_702_on_a_missing_smart_campaign() {
    let env = start().await;
    for path in ["", "/activate", "/deactivate", "/delete"] {
        let r = post_form(
            &env,
            &format!("/rest/asset/v1/smartCampaign/999{path}.json"),
            &[("name", "x")],
        )
        .await;
        assert_marketo_error(&r, 702, "Smart campaign not found");
    }
    let r = post_form(
        &env,
        "/rest/asset/v1/smartCampaign/999/clone.json",
        &[("name", "x"), ("folder", MA_DEFAULT)],
    )
    .await;
    assert_marketo_error(&r, 702, "Smart campaign not found");
    assert_no_assets(&env.get("/rest/asset/v1/smartCampaign/999.json").await);
}
