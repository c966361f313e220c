//! Asset API folders: the tree a new instance has, get by id and name, browse, create, update, delete,
//! contents; 702, 709, 710 and 711 from their causes.

use crate::assets_support::*;
use crate::support::*;
use serde_json::json;

#[tokio::test]
async fn a_new_instance_has_the_two_roots_and_their_default_workspaces() {
    let env = start().await;
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Marketing Activities")],
    )
    .await;
    let root = &assert_asset_ok(&r)[0];
    assert_eq!(root["folderType"], "Zone");
    assert_eq!(root["parent"], json!(null));
    assert_eq!(root["path"], "/Marketing Activities");
    assert_eq!(root["isSystem"], true);
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Design Studio")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["path"], "/Design Studio");
    let r = get_query(&env, "/rest/asset/v1/folder/15.json", &[("type", "Folder")]).await;
    let ws = &assert_asset_ok(&r)[0];
    assert_eq!(ws["path"], "/Marketing Activities/Default");
    assert_eq!(ws["folderId"], json!({"id": 15, "type": "Folder"}));
    assert_eq!(ws["parent"], json!({"id": 14, "type": "Folder"}));
}

#[tokio::test]
async fn create_folder_form_encoded_answers_the_folder_with_asset_dates() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folders.json",
        &[
            ("name", "Webinars"),
            ("parent", MA_DEFAULT),
            ("description", "All webinars"),
        ],
    )
    .await;
    let f = &assert_asset_ok(&r)[0];
    assert_eq!(f["folderType"], "Marketing Folder");
    assert_eq!(f["path"], "/Marketing Activities/Default/Webinars");
    assert_eq!(f["description"], "All webinars");
    assert_eq!(f["workspace"], "Default");
    assert_eq!(f["createdAt"], "2026-03-10T15:00:00Z+0000", "{}", r.text);
    let id = f["id"].as_i64().unwrap();
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{id}.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "Webinars");
}

#[tokio::test]
async fn create_folder_reads_parameters_from_the_query_string_and_lenient_json() {
    let env = start().await;
    let token = env.token().await;
    // What a Python client sends: everything in the query string, the parent as a printed dict.
    let r = env
        .send(
            env.http
                .post(env.url("/rest/asset/v1/folders.json"))
                .bearer_auth(token)
                .query(&[("name", "Events"), ("parent", "{'id': 15, 'type': Folder}")]),
        )
        .await;
    assert_eq!(
        assert_asset_ok(&r)[0]["path"],
        "/Marketing Activities/Default/Events"
    );
    // And a JSON body.
    let r = env
        .post_json(
            "/rest/asset/v1/folders.json",
            &json!({"name": "Nested", "parent": {"id": r.json["result"][0]["id"], "type": "Folder"}}),
        )
        .await;
    assert_eq!(
        assert_asset_ok(&r)[0]["path"],
        "/Marketing Activities/Default/Events/Nested"
    );
}

#[tokio::test]
async fn design_studio_subfolders_take_their_parents_type() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folders.json",
        &[
            ("name", "Newsletters"),
            ("parent", r#"{"id":18,"type":"Folder"}"#),
        ],
    )
    .await;
    let f = &assert_asset_ok(&r)[0];
    assert_eq!(f["folderType"], "Email");
    assert_eq!(f["path"], "/Design Studio/Default/Emails/Newsletters");
}

#[tokio::test]
async fn code_710_create_folder_under_a_missing_parent() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folders.json",
        &[
            ("name", "Orphan"),
            ("parent", r#"{"id":99999,"type":"Folder"}"#),
        ],
    )
    .await;
    assert_marketo_error(&r, 710, "Parent Folder Not Found");
}

#[tokio::test]
async fn code_711_create_folder_in_a_root_that_holds_only_workspaces() {
    let env = start().await;
    for parent in [
        r#"{"id":14,"type":"Folder"}"#,
        r#"{"id":17,"type":"Folder"}"#,
    ] {
        let r = post_form(
            &env,
            "/rest/asset/v1/folders.json",
            &[("name", "Nope"), ("parent", parent)],
        )
        .await;
        assert_marketo_error(&r, 711, "Incompatible Folder Type");
    }
}

#[tokio::test]
async fn code_1002_create_folder_without_a_parent() {
    let env = start().await;
    let r = post_form(&env, "/rest/asset/v1/folders.json", &[("name", "X")]).await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'parent'");
}

#[tokio::test]
async fn get_folder_by_id_of_a_missing_folder_warns_no_assets() {
    let env = start().await;
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/4242.json",
        &[("type", "Folder")],
    )
    .await;
    assert_no_assets(&r);
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Nothing")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn browse_folders_walks_max_depth_from_root_and_pages() {
    let env = start().await;
    let a = folder(&env, "A", MA_DEFAULT).await;
    let b = folder(&env, "B", &format!(r#"{{"id":{a},"type":"Folder"}}"#)).await;
    folder(&env, "C", &format!(r#"{{"id":{b},"type":"Folder"}}"#)).await;
    let names = |r: &Resp| -> Vec<String> {
        assert_asset_ok(r)
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let root = r#"{"id":15,"type":"Folder"}"#;
    let r = get_query(&env, "/rest/asset/v1/folders.json", &[("root", root)]).await;
    assert_eq!(names(&r), ["Default", "A", "B"]);
    let r = get_query(
        &env,
        "/rest/asset/v1/folders.json",
        &[("root", root), ("maxDepth", "0")],
    )
    .await;
    assert_eq!(names(&r), ["Default"]);
    let r = get_query(
        &env,
        "/rest/asset/v1/folders.json",
        &[("root", root), ("maxDepth", "5")],
    )
    .await;
    assert_eq!(names(&r), ["Default", "A", "B", "C"]);
    let r = get_query(
        &env,
        "/rest/asset/v1/folders.json",
        &[
            ("root", root),
            ("maxDepth", "5"),
            ("offset", "1"),
            ("maxReturn", "2"),
        ],
    )
    .await;
    assert_eq!(names(&r), ["A", "B"]);
    let r = get_query(
        &env,
        "/rest/asset/v1/folders.json",
        &[("root", root), ("offset", "50")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn browse_folders_pages_at_twenty_by_default_and_at_most_two_hundred() {
    let env = start().await;
    for i in 0..25 {
        folder(&env, &format!("F{i}"), MA_DEFAULT).await;
    }
    let root = r#"{"id":15,"type":"Folder"}"#;
    let r = get_query(&env, "/rest/asset/v1/folders.json", &[("root", root)]).await;
    assert_eq!(assert_asset_ok(&r).len(), 20);
    let r = get_query(
        &env,
        "/rest/asset/v1/folders.json",
        &[("root", root), ("maxReturn", "500")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r).len(), 26);
    let r = get_query(&env, "/rest/asset/v1/folders.json", &[("maxReturn", "abc")]).await;
    assert_marketo_error(&r, 1001, "Invalid value 'abc'. Required of type 'Integer'");
}

#[tokio::test]
async fn update_folder_renames_and_archives() {
    let env = start().await;
    let id = folder(&env, "Old", MA_DEFAULT).await;
    env.clock.advance(std::time::Duration::from_secs(60));
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{id}.json"),
        &[
            ("type", "Folder"),
            ("name", "New"),
            ("isArchive", "true"),
            ("description", "d"),
        ],
    )
    .await;
    let f = &assert_asset_ok(&r)[0];
    assert_eq!(f["name"], "New");
    assert_eq!(f["isArchive"], true);
    assert_eq!(f["updatedAt"], "2026-03-10T15:01:00Z+0000");
    assert_eq!(f["createdAt"], "2026-03-10T15:00:00Z+0000");
}

#[tokio::test]
async fn code_709_update_or_delete_a_system_folder() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folder/15.json",
        &[("type", "Folder"), ("name", "X")],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(
        &env,
        "/rest/asset/v1/folder/15/delete.json",
        &[("type", "Folder")],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn code_709_delete_a_folder_that_is_not_empty() {
    let env = start().await;
    let a = folder(&env, "A", MA_DEFAULT).await;
    let b = folder(&env, "B", &format!(r#"{{"id":{a},"type":"Folder"}}"#)).await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{a}/delete.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{b}/delete.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": b})]);
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{a}/delete.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": a})]);
}

#[tokio::test]
async fn code_709_create_a_folder_whose_sibling_has_the_name() {
    let env = start().await;
    folder(&env, "Same", MA_DEFAULT).await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folders.json",
        &[("name", "Same"), ("parent", MA_DEFAULT)],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn code_702_update_or_delete_a_missing_folder() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/folder/4242.json",
        &[("type", "Folder"), ("name", "X")],
    )
    .await;
    assert_marketo_error(&r, 702, "Folder not found");
    let r = post_form(
        &env,
        "/rest/asset/v1/folder/4242/delete.json",
        &[("type", "Folder")],
    )
    .await;
    assert_marketo_error(&r, 702, "Folder not found");
}

#[tokio::test]
async fn code_1002_get_folder_without_type() {
    let env = start().await;
    let r = env.get("/rest/asset/v1/folder/15.json").await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'type'");
}

#[tokio::test]
async fn folder_contents_lists_subfolders_and_programs() {
    let env = start().await;
    let a = folder(&env, "A", MA_DEFAULT).await;
    let b = folder(&env, "B", &format!(r#"{{"id":{a},"type":"Folder"}}"#)).await;
    let p = program(
        &env,
        "P",
        &format!(r#"{{"id":{a},"type":"Folder"}}"#),
        "Default",
        "Content",
    )
    .await;
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{a}/content.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_eq!(
        assert_asset_ok(&r),
        [
            json!({"id": b, "type": "Folder"}),
            json!({"id": p, "type": "Program"})
        ]
    );
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{b}/content.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn programs_are_folders_too() {
    let env = start().await;
    let p = program(&env, "Webinar Q1", MA_DEFAULT, "Event", "Tradeshow").await;
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{p}.json"),
        &[("type", "Program")],
    )
    .await;
    let f = &assert_asset_ok(&r)[0];
    assert_eq!(f["folderType"], "Program");
    assert_eq!(f["folderId"], json!({"id": p, "type": "Program"}));
    assert_eq!(f["path"], "/Marketing Activities/Default/Webinar Q1");
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Webinar Q1"), ("type", "Program")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["id"], p);
    // The Folders API does not delete programs.
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{p}/delete.json"),
        &[("type", "Program")],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn seeded_folders_are_there_after_a_reset() {
    let env = start_with_toml(
        r#"
[seed]
folders = [{ name = "Regions", parent = "/Marketing Activities/Default" },
           { name = "EMEA", parent = "/Marketing Activities/Default/Regions" }]
"#,
    )
    .await;
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "EMEA")],
    )
    .await;
    assert_eq!(
        assert_asset_ok(&r)[0]["path"],
        "/Marketing Activities/Default/Regions/EMEA"
    );
    folder(&env, "Scratch", MA_DEFAULT).await;
    env.emu.reset();
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Scratch")],
    )
    .await;
    assert_no_assets(&r);
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "EMEA")],
    )
    .await;
    assert_asset_ok(&r);
}

#[tokio::test]
async fn code_702_read_by_id_of_a_missing_asset_when_configured() {
    let env = start_with_toml("[assets]\nmissing_by_id = \"not_found\"").await;
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/4242.json",
        &[("type", "Folder")],
    )
    .await;
    assert_marketo_error(&r, 702, "Folder not found");
    let r = env.get("/rest/asset/v1/program/4242.json").await;
    assert_marketo_error(&r, 702, "Program not found");
    let r = env.get("/rest/asset/v1/smartCampaign/4242.json").await;
    assert_marketo_error(&r, 702, "Smart campaign not found");
    // Searches by name still answer the warning.
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Nothing")],
    )
    .await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn get_folder_by_name_under_a_root_and_in_a_workspace() {
    let env = start().await;
    let a = folder(&env, "A", MA_DEFAULT).await;
    let b = folder(&env, "B", MA_DEFAULT).await;
    folder(&env, "Same", &format!(r#"{{"id":{a},"type":"Folder"}}"#)).await;
    let under_b = folder(&env, "Same", &format!(r#"{{"id":{b},"type":"Folder"}}"#)).await;
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Same")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r).len(), 2);
    let root = format!(r#"{{"id":{b},"type":"Folder"}}"#);
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Same"), ("type", "Folder"), ("root", &root)],
    )
    .await;
    let found = assert_asset_ok(&r);
    assert_eq!((found.len(), found[0]["id"].as_i64()), (1, Some(under_b)));
    let r = get_query(
        &env,
        "/rest/asset/v1/folder/byName.json",
        &[("name", "Same"), ("workSpace", "Elsewhere")],
    )
    .await;
    assert_no_assets(&r);
    let r = get_query(
        &env,
        "/rest/asset/v1/folders.json",
        &[("root", MA_DEFAULT), ("workSpace", "Default")],
    )
    .await;
    // Default, A, its Same, B, its Same: two levels below the root.
    assert_eq!(assert_asset_ok(&r).len(), 5);
}

#[tokio::test]
async fn update_folder_from_a_json_body() {
    let env = start().await;
    let id = folder(&env, "Json", MA_DEFAULT).await;
    let r = env
        .post_json(
            &format!("/rest/asset/v1/folder/{id}.json"),
            &json!({"type": "Folder", "description": "from json", "isArchive": false}),
        )
        .await;
    assert_eq!(assert_asset_ok(&r)[0]["description"], "from json");
}
