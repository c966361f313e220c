//! Asset API segmentations and segments, seeded as an admin builds them.

use crate::assets_support::*;
use crate::support::*;

const SEEDED: &str = r#"
[[seed.segmentations]]
name = "Industry"
segments = ["Manufacturing", "Healthcare"]

[[seed.segmentations]]
name = "Draft One"
status = "draft"
segments = ["Only"]
"#;

#[tokio::test]
async fn get_segmentations_with_status_filter() {
    let env = start_with_toml(SEEDED).await;
    let r = env.get("/rest/asset/v1/segmentation.json").await;
    assert_eq!(assert_asset_ok(&r).len(), 2);
    let r = get_query(
        &env,
        "/rest/asset/v1/segmentation.json",
        &[("status", "approved")],
    )
    .await;
    let all = assert_asset_ok(&r);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["name"], "Industry");
    assert_eq!(all[0]["status"], "approved");
    let r = get_query(
        &env,
        "/rest/asset/v1/segmentation.json",
        &[("status", "pending")],
    )
    .await;
    assert_marketo_error(
        &r,
        1001,
        "Invalid value 'pending'. Required of type 'Status'",
    );
}

#[tokio::test]
async fn get_segments_for_a_segmentation_ends_with_default() {
    let env = start_with_toml(SEEDED).await;
    let r = get_query(
        &env,
        "/rest/asset/v1/segmentation.json",
        &[("status", "approved")],
    )
    .await;
    let id = assert_asset_ok(&r)[0]["id"].as_i64().unwrap();
    let r = env
        .get(&format!("/rest/asset/v1/segmentation/{id}/segments.json"))
        .await;
    let names: Vec<String> = assert_asset_ok(&r)
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Manufacturing", "Healthcare", "Default"]);
    assert_eq!(r.json["result"][0]["segmentationId"], id);
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/segmentation/{id}/segments.json"),
        &[("maxReturn", "1"), ("offset", "1")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "Healthcare");
    assert_no_assets(
        &env.get("/rest/asset/v1/segmentation/4242/segments.json")
            .await,
    );
}

#[tokio::test]
async fn a_new_instance_has_no_segmentations() {
    let env = start().await;
    assert_no_assets(&env.get("/rest/asset/v1/segmentation.json").await);
}
