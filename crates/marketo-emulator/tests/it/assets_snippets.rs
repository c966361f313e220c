//! Asset API snippets: one named test per operation, on the draft/approval cycle every approvable asset type
//! shares (a new snippet is a draft; editing an approved one makes a draft; approve, unapprove and discard
//! answer 709 when there is nothing to do).

use crate::assets_support::*;
use crate::support::*;
use serde_json::{json, Value};

/// Design Studio's Snippets folder.
const SNIPPETS: &str = r#"{"id":22,"type":"Folder"}"#;

const SEGMENTED: &str = r#"
[[seed.segmentations]]
name = "Region"
segments = ["EMEA", "APAC"]

[[seed.segmentations]]
name = "Unfinished"
status = "draft"
segments = ["Only"]
"#;

async fn snippet(env: &Env, name: &str, folder: &str) -> i64 {
    let r = post_form(
        env,
        "/rest/asset/v1/snippets.json",
        &[("name", name), ("folder", folder), ("description", "d")],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

fn path(id: i64, rest: &str) -> String {
    format!("/rest/asset/v1/snippet/{id}{rest}.json")
}

async fn act(env: &Env, id: i64, verb: &str) -> Resp {
    post_form(env, &path(id, &format!("/{verb}")), &[]).await
}

async fn set_content(env: &Env, id: i64, kind: &str, content: &str) -> Resp {
    post_form(
        env,
        &path(id, "/content"),
        &[("type", kind), ("content", content)],
    )
    .await
}

async fn content(env: &Env, id: i64, status: &str) -> Vec<Value> {
    assert_asset_ok(&get_query(env, &path(id, "/content"), &[("status", status)]).await)
}

#[tokio::test]
async fn create_snippet_is_a_draft_in_its_folder() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/snippets.json",
        &[
            ("name", "Footer"),
            ("folder", SNIPPETS),
            ("description", "legal"),
        ],
    )
    .await;
    let s = &assert_asset_ok(&r)[0];
    assert_eq!(s["status"], "draft");
    assert_eq!(
        s["folder"],
        json!({"type": "Folder", "value": 22, "folderName": "Snippets"})
    );
    assert_eq!(s["createdAt"], "2026-03-10T15:00:00Z+0000");
    assert_eq!(s["workspace"], "Default");
    assert_eq!(s["description"], "legal");
    // In a program too, as a local asset; the folder lists it.
    let p = program(&env, "Launch", MA_DEFAULT, "Default", "Content").await;
    let id = snippet(&env, "Local", &format!(r#"{{"id":{p},"type":"Program"}}"#)).await;
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{p}/content.json"),
        &[("type", "Program")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id, "type": "Snippet"})]);
}

#[tokio::test]
async fn code_710_and_711_create_snippet_in_a_missing_or_wrong_folder() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/snippets.json",
        &[("name", "X"), ("folder", r#"{"id":999,"type":"Folder"}"#)],
    )
    .await;
    assert_marketo_error(&r, 710, "Parent Folder Not Found");
    // The Emails folder, and a Marketing Activities folder, hold no snippets.
    for folder in [r#"{"id":18,"type":"Folder"}"#, MA_DEFAULT] {
        let r = post_form(
            &env,
            "/rest/asset/v1/snippets.json",
            &[("name", "X"), ("folder", folder)],
        )
        .await;
        assert_marketo_error(&r, 711, "Incompatible Folder Type");
    }
    // A subfolder of Snippets holds them.
    let sub = folder(&env, "Legal", SNIPPETS).await;
    snippet(&env, "X", &format!(r#"{{"id":{sub},"type":"Folder"}}"#)).await;
}

#[tokio::test]
async fn get_snippet_by_id_shows_the_asked_version() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    let r = env.get(&path(id, "")).await;
    assert_eq!(assert_asset_ok(&r)[0]["status"], "draft");
    // A draft-only snippet has no approved version.
    assert_no_assets(&get_query(&env, &path(id, ""), &[("status", "approved")]).await);
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    let r = env.get(&path(id, "")).await;
    assert_eq!(assert_asset_ok(&r)[0]["status"], "approved");
    assert_no_assets(&get_query(&env, &path(id, ""), &[("status", "draft")]).await);
    let r = get_query(&env, &path(id, ""), &[("status", "final")]).await;
    assert_marketo_error(&r, 1001, "Invalid value 'final'. Required of type 'Status'");
}

#[tokio::test]
async fn code_702_get_snippet_by_id_when_configured_and_writes_on_a_missing_snippet() {
    let env = start().await;
    assert_no_assets(&env.get(&path(4242, "")).await);
    let env = start_with_toml("[assets]\nmissing_by_id = \"not_found\"").await;
    assert_marketo_error(&env.get(&path(4242, "")).await, 702, "Snippet not found");
    for (rest, form) in [
        ("", vec![("name", "X")]),
        ("/content", vec![("type", "HTML"), ("content", "x")]),
        ("/approveDraft", vec![]),
        ("/unapprove", vec![]),
        ("/discardDraft", vec![]),
        ("/clone", vec![("name", "X"), ("folder", SNIPPETS)]),
        ("/delete", vec![]),
    ] {
        let r = post_form(&env, &path(4242, rest), &form).await;
        assert_marketo_error(&r, 702, "Snippet not found");
    }
}

#[tokio::test]
async fn get_snippets_browses_by_status_and_pages() {
    let env = start().await;
    for name in ["A", "B", "C"] {
        snippet(&env, name, SNIPPETS).await;
    }
    let b = 2;
    assert_asset_ok(&act(&env, b, "approveDraft").await);
    set_content(&env, b, "HTML", "new").await;
    let names = |r: &Resp| -> Vec<(String, String)> {
        assert_asset_ok(r)
            .iter()
            .map(|s| {
                (
                    s["name"].as_str().unwrap().into(),
                    s["status"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let all = names(&env.get("/rest/asset/v1/snippets.json").await);
    assert_eq!(
        all,
        [
            ("A".into(), "draft".into()),
            ("B".into(), "approved".into()),
            ("C".into(), "draft".into())
        ]
    );
    let drafts =
        names(&get_query(&env, "/rest/asset/v1/snippets.json", &[("status", "draft")]).await);
    assert_eq!(drafts.len(), 3, "B's draft too: {drafts:?}");
    let approved = names(
        &get_query(
            &env,
            "/rest/asset/v1/snippets.json",
            &[("status", "approved")],
        )
        .await,
    );
    assert_eq!(approved, [("B".into(), "approved".into())]);
    let page = names(
        &get_query(
            &env,
            "/rest/asset/v1/snippets.json",
            &[("offset", "1"), ("maxReturn", "1")],
        )
        .await,
    );
    assert_eq!(page, [("B".into(), "approved".into())]);
    // `browse_versions = "each"` lists both versions of B.
    let env = start_with_toml("[assets]\nbrowse_versions = \"each\"").await;
    let id = snippet(&env, "B", SNIPPETS).await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    set_content(&env, id, "Text", "t").await;
    let both = names(&env.get("/rest/asset/v1/snippets.json").await);
    assert_eq!(
        both,
        [
            ("B".into(), "approved".into()),
            ("B".into(), "draft".into())
        ]
    );
}

#[tokio::test]
async fn update_snippet_metadata_changes_name_and_description() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    snippet(&env, "Header", SNIPPETS).await;
    env.clock.advance(std::time::Duration::from_secs(300));
    let r = post_form(
        &env,
        &path(id, ""),
        &[("name", "Footer 2"), ("description", "new")],
    )
    .await;
    let s = &assert_asset_ok(&r)[0];
    assert_eq!(
        (s["name"].as_str(), s["description"].as_str()),
        (Some("Footer 2"), Some("new"))
    );
    assert_eq!(s["updatedAt"], "2026-03-10T15:05:00Z+0000");
    assert_eq!(s["createdAt"], "2026-03-10T15:00:00Z+0000");
    // Another snippet in the folder has the name: 709.
    let r = post_form(&env, &path(id, ""), &[("name", "header")]).await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn get_and_update_snippet_content_html_and_text() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    assert_eq!(
        content(&env, id, "draft").await,
        [json!({"type": "HTML", "content": ""})]
    );
    let r = set_content(&env, id, "HTML", "<p>v1</p>").await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    set_content(&env, id, "Text", "v1").await;
    assert_eq!(
        content(&env, id, "draft").await,
        [
            json!({"type": "HTML", "content": "<p>v1</p>"}),
            json!({"type": "Text", "content": "v1"})
        ]
    );
    let r = set_content(&env, id, "Markdown", "x").await;
    assert_marketo_error(
        &r,
        1001,
        "Invalid value 'Markdown'. Required of type 'SnippetContentType'",
    );
}

#[tokio::test]
async fn editing_an_approved_snippet_makes_a_draft_beside_it() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    set_content(&env, id, "HTML", "v1").await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    set_content(&env, id, "HTML", "v2").await;
    assert_eq!(content(&env, id, "approved").await[0]["content"], "v1");
    assert_eq!(content(&env, id, "draft").await[0]["content"], "v2");
    // Without a status, the approved version.
    let r = env.get(&path(id, "/content")).await;
    assert_eq!(assert_asset_ok(&r)[0]["content"], "v1");
    // Approving the draft replaces the approved version.
    let r = act(&env, id, "approveDraft").await;
    assert_eq!(assert_asset_ok(&r)[0]["status"], "approved");
    assert_eq!(content(&env, id, "approved").await[0]["content"], "v2");
    assert_no_assets(&get_query(&env, &path(id, "/content"), &[("status", "draft")]).await);
}

#[tokio::test]
async fn code_709_approve_snippet_draft_with_no_draft() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    let r = act(&env, id, "approveDraft").await;
    let s = &assert_asset_ok(&r)[0];
    assert_eq!(
        (s["id"].as_i64(), s["status"].as_str()),
        (Some(id), Some("approved"))
    );
    // Already approved: there is no draft to approve.
    assert_marketo_error(
        &act(&env, id, "approveDraft").await,
        709,
        "Business Rule Violation",
    );
}

#[tokio::test]
async fn code_709_unapprove_snippet_that_is_a_draft_only() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    assert_marketo_error(
        &act(&env, id, "unapprove").await,
        709,
        "Business Rule Violation",
    );
    set_content(&env, id, "HTML", "live").await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    set_content(&env, id, "HTML", "pending").await;
    // Unapproving demotes the approved version to the draft and drops the pending draft.
    let r = act(&env, id, "unapprove").await;
    assert_eq!(assert_asset_ok(&r)[0]["status"], "draft");
    assert_eq!(content(&env, id, "draft").await[0]["content"], "live");
    assert_no_assets(&get_query(&env, &path(id, ""), &[("status", "approved")]).await);
}

#[tokio::test]
async fn code_709_discard_snippet_draft_without_an_approved_version_or_a_draft() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    // Draft only: it cannot be discarded (delete it instead).
    assert_marketo_error(
        &act(&env, id, "discardDraft").await,
        709,
        "Business Rule Violation",
    );
    set_content(&env, id, "HTML", "live").await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    // Approved only: no draft to discard.
    assert_marketo_error(
        &act(&env, id, "discardDraft").await,
        709,
        "Business Rule Violation",
    );
    set_content(&env, id, "HTML", "pending").await;
    assert_eq!(
        assert_asset_ok(&act(&env, id, "discardDraft").await),
        [json!({"id": id})]
    );
    assert_eq!(content(&env, id, "approved").await[0]["content"], "live");
    assert_no_assets(&get_query(&env, &path(id, ""), &[("status", "draft")]).await);
}

#[tokio::test]
async fn code_709_delete_snippet_that_is_approved() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    assert_marketo_error(
        &act(&env, id, "delete").await,
        709,
        "Business Rule Violation",
    );
    assert_asset_ok(&act(&env, id, "unapprove").await);
    assert_eq!(
        assert_asset_ok(&act(&env, id, "delete").await),
        [json!({"id": id})]
    );
    assert_no_assets(&env.get(&path(id, "")).await);
}

#[tokio::test]
async fn a_folder_holding_a_snippet_is_not_empty() {
    let env = start().await;
    let sub = folder(&env, "Legal", SNIPPETS).await;
    let id = snippet(
        &env,
        "Footer",
        &format!(r#"{{"id":{sub},"type":"Folder"}}"#),
    )
    .await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{sub}/delete.json"),
        &[],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    assert_asset_ok(&act(&env, id, "delete").await);
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{sub}/delete.json"),
        &[],
    )
    .await;
    assert_asset_ok(&r);
}

#[tokio::test]
async fn clone_snippet_copies_the_approved_version_as_a_draft() {
    let env = start().await;
    let id = snippet(&env, "Footer", SNIPPETS).await;
    set_content(&env, id, "HTML", "live").await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    set_content(&env, id, "HTML", "pending").await;
    let r = post_form(
        &env,
        &path(id, "/clone"),
        &[("name", "Footer Copy"), ("folder", SNIPPETS)],
    )
    .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(
        (c["status"].as_str(), c["description"].as_str()),
        (Some("draft"), Some("d"))
    );
    let cid = c["id"].as_i64().unwrap();
    assert_ne!(cid, id);
    assert_eq!(content(&env, cid, "draft").await[0]["content"], "live");
    // A draft-only source: its draft.
    let r = post_form(
        &env,
        &path(cid, "/clone"),
        &[
            ("name", "Copy 2"),
            ("folder", SNIPPETS),
            ("description", "two"),
        ],
    )
    .await;
    let c2 = assert_asset_ok(&r)[0]["id"].as_i64().unwrap();
    assert_eq!(content(&env, c2, "draft").await[0]["content"], "live");
    // The folder rules and a used name.
    let r = post_form(
        &env,
        &path(id, "/clone"),
        &[("name", "X"), ("folder", r#"{"id":999,"type":"Folder"}"#)],
    )
    .await;
    assert_marketo_error(&r, 710, "Parent Folder Not Found");
    let r = post_form(
        &env,
        &path(id, "/clone"),
        &[("name", "Copy 2"), ("folder", SNIPPETS)],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

async fn region_id(env: &Env) -> i64 {
    let r = get_query(
        env,
        "/rest/asset/v1/segmentation.json",
        &[("status", "approved")],
    )
    .await;
    assert_asset_ok(&r)[0]["id"].as_i64().unwrap()
}

#[tokio::test]
async fn get_dynamic_content_lists_each_segment() {
    let env = start_with_toml(SEGMENTED).await;
    let region = region_id(&env).await;
    let id = snippet(&env, "Banner", SNIPPETS).await;
    // Not dynamic yet: 709.
    assert_marketo_error(
        &env.get(&path(id, "/dynamicContent")).await,
        709,
        "Business Rule Violation",
    );
    set_content(&env, id, "HTML", "<b>all</b>").await;
    let r = set_content(&env, id, "DynamicContent", &region.to_string()).await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    assert_eq!(
        content(&env, id, "draft").await,
        [json!({"type": "DynamicContent", "content": region.to_string()})]
    );
    let r = env.get(&path(id, "/dynamicContent")).await;
    let d = &assert_asset_ok(&r)[0];
    assert_eq!(
        (d["id"].as_i64(), d["segmentation"].as_i64()),
        (Some(id), Some(region))
    );
    let sections = d["content"].as_array().unwrap();
    let names: Vec<&str> = sections
        .iter()
        .map(|s| s["segmentName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["EMEA", "APAC", "Default"]);
    assert!(sections
        .iter()
        .all(|s| s["content"] == "<b>all</b>" && s["type"] == "HTML"));
    assert!(sections[0]["id"].is_string());
    // A segmentation that does not exist or is a draft: 709; not a number: 1001.
    for bad in ["4242", &(region + 1).to_string()] {
        let r = set_content(&env, id, "DynamicContent", bad).await;
        assert_marketo_error(&r, 709, "Business Rule Violation");
    }
    let r = set_content(&env, id, "DynamicContent", "Region").await;
    assert_marketo_error(
        &r,
        1001,
        "Invalid value 'Region'. Required of type 'Integer'",
    );
}

#[tokio::test]
async fn update_snippet_dynamic_content_for_one_segment() {
    let env = start_with_toml(SEGMENTED).await;
    let region = region_id(&env).await;
    let id = snippet(&env, "Banner", SNIPPETS).await;
    set_content(&env, id, "DynamicContent", &region.to_string()).await;
    let r = env.get(&path(id, "/dynamicContent")).await;
    let emea = assert_asset_ok(&r)[0]["content"][0]["segmentId"]
        .as_i64()
        .unwrap();
    let at = |rest: &str| path(id, &format!("/dynamicContent/{rest}"));
    let r = post_form(
        &env,
        &at(&emea.to_string()),
        &[("type", "HTML"), ("value", "<p>Hallo</p>")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    post_form(
        &env,
        &at(&emea.to_string()),
        &[("type", "Text"), ("value", "Hallo")],
    )
    .await;
    let r = env.get(&path(id, "/dynamicContent")).await;
    let sections = assert_asset_ok(&r)[0]["content"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(sections[0]["content"], "<p>Hallo</p>");
    assert_eq!(
        (
            sections[1]["type"].as_str(),
            sections[1]["content"].as_str()
        ),
        (Some("Text"), Some("Hallo"))
    );
    assert_eq!(sections[2]["segmentName"], "APAC");
    // A segment of another segmentation: 709; a bad type: 1001.
    let r = post_form(&env, &at("9999"), &[("type", "HTML"), ("value", "x")]).await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(
        &env,
        &at(&emea.to_string()),
        &[("type", "Image"), ("value", "x")],
    )
    .await;
    assert_marketo_error(
        &r,
        1001,
        "Invalid value 'Image'. Required of type 'DynamicContentType'",
    );
    // Approved, then edited: the approved version keeps the old text.
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    post_form(
        &env,
        &at(&emea.to_string()),
        &[("type", "HTML"), ("value", "<p>Neu</p>")],
    )
    .await;
    let r = get_query(
        &env,
        &path(id, "/dynamicContent"),
        &[("status", "approved")],
    )
    .await;
    assert_eq!(
        assert_asset_ok(&r)[0]["content"][0]["content"],
        "<p>Hallo</p>"
    );
    let r = get_query(&env, &path(id, "/dynamicContent"), &[("status", "draft")]).await;
    assert_eq!(
        assert_asset_ok(&r)[0]["content"][0]["content"],
        "<p>Neu</p>"
    );
}

#[tokio::test]
async fn deleting_a_program_deletes_its_snippets() {
    let env = start().await;
    let p = program(&env, "Launch", MA_DEFAULT, "Default", "Content").await;
    let id = snippet(&env, "Local", &format!(r#"{{"id":{p},"type":"Program"}}"#)).await;
    assert_asset_ok(&act(&env, id, "approveDraft").await);
    assert_asset_ok(
        &post_form(
            &env,
            &format!("/rest/asset/v1/program/{p}/delete.json"),
            &[],
        )
        .await,
    );
    assert_no_assets(&env.get(&path(id, "")).await);
}

#[tokio::test]
async fn seeded_snippets_have_their_content_approved_or_as_drafts() {
    let env = start_with_toml(
        r#"
[[seed.snippets]]
name = "Footer"
folder = "/Design Studio/Default/Snippets"
html = "<p>Unsubscribe</p>"
text = "Unsubscribe"

[[seed.snippets]]
name = "Banner"
folder = {id = 22, type = "Folder"}
html = "<b>Soon</b>"
approved = false
"#,
    )
    .await;
    let all = assert_asset_ok(&get_query(&env, "/rest/asset/v1/snippets.json", &[]).await);
    let by_name = |n: &str| all.iter().find(|s| s["name"] == n).unwrap().clone();
    assert_eq!(by_name("Footer")["status"], "approved");
    assert_eq!(by_name("Banner")["status"], "draft");
    let footer = by_name("Footer")["id"].as_i64().unwrap();
    let sections = content(&env, footer, "approved").await;
    assert_eq!(sections[0]["content"], "<p>Unsubscribe</p>", "{sections:?}");
    assert_eq!(sections[1]["content"], "Unsubscribe", "{sections:?}");
}
