//! Asset API channels and tag types: the standard channels of a new instance, seeded ones, by name.

use crate::assets_support::*;
use crate::support::*;

#[tokio::test]
async fn a_new_instance_has_the_standard_channels_with_their_statuses() {
    let env = start().await;
    let r = env.get("/rest/asset/v1/channels.json").await;
    let all = assert_asset_ok(&r);
    let names: Vec<&str> = all.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert!(
        names.contains(&"Webinar") && names.contains(&"Email Send"),
        "{names:?}"
    );
    let r = get_query(
        &env,
        "/rest/asset/v1/channel/byName.json",
        &[("name", "Tradeshow")],
    )
    .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(c["applicableProgramType"], "event");
    assert_eq!(c["progressionStatuses"][0]["name"], "Not in Program");
    assert_eq!(c["progressionStatuses"][4]["success"], true);
    let r = get_query(
        &env,
        "/rest/asset/v1/channels.json",
        &[("offset", "2"), ("maxReturn", "1")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r).len(), 1);
    let r = get_query(
        &env,
        "/rest/asset/v1/channel/byName.json",
        &[("name", "Carrier Pigeon")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn seeded_channels_and_tag_types_are_served_and_used_by_programs() {
    let env = start_with_toml(
        r#"
[[seed.channels]]
id = 100
name = "Podcast"
applicableProgramType = "program"
createdAt = "2026-01-01T00:00:00Z+0000"
updatedAt = "2026-01-01T00:00:00Z+0000"
progressionStatuses = [
  { name = "Not in Program", step = 0, hidden = false, success = false },
  { name = "Listened", step = 10, hidden = false, success = true },
]

[[seed.tagTypes]]
tagType = "Presenter"
applicableProgramTypes = "[program]"
required = false
allowableValues = "Dennis,Ada"
"#,
    )
    .await;
    let r = get_query(
        &env,
        "/rest/asset/v1/channel/byName.json",
        &[("name", "Podcast")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["id"], 100);
    program(&env, "Episode 1", MA_DEFAULT, "Default", "Podcast").await;
    let r = env.get("/rest/asset/v1/tagTypes.json").await;
    let t = &assert_asset_ok(&r)[0];
    assert_eq!(t["tagType"], "Presenter");
    assert!(t.get("allowableValues").is_none());
    let r = get_query(
        &env,
        "/rest/asset/v1/tagType/byName.json",
        &[("name", "Presenter")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["allowableValues"], "Dennis,Ada");
}

#[tokio::test]
async fn a_new_instance_has_no_tag_types() {
    let env = start().await;
    assert_no_assets(&env.get("/rest/asset/v1/tagTypes.json").await);
    let r = env.get("/rest/asset/v1/tagType/byName.json").await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'name'");
}
