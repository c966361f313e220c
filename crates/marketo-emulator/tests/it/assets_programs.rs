//! Asset API programs: get by id, name and tag, browse with filters, create, update, approve/unapprove,
//! clone, delete; 702, 709, 710 and 711 from their causes.

use crate::assets_support::*;
use crate::support::*;
use serde_json::json;

const TAGGED: &str = r#"
[[seed.tagTypes]]
tagType = "Region"
applicableProgramTypes = "[program,event,webinar,nurture,email_batch]"
required = false
allowableValues = "EMEA,APAC"

[[seed.tagTypes]]
tagType = "Owner"
applicableProgramTypes = "[event]"
required = true
"#;

#[tokio::test]
async fn create_program_form_encoded_and_get_it_by_id() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/programs.json",
        &[
            ("name", "API Test Program"),
            ("folder", MA_DEFAULT),
            ("description", "Sample API Program"),
            ("type", "Default"),
            ("channel", "Email Blast"),
            ("costs", r#"[{"startDate":"2015-01-01","cost":2000}]"#),
        ],
    )
    .await;
    let p = &assert_asset_ok(&r)[0];
    assert_eq!(p["id"], 1001);
    assert_eq!(p["type"], "Default");
    assert_eq!(p["status"], "");
    assert_eq!(
        p["folder"],
        json!({"type": "Folder", "value": 15, "folderName": "Default"})
    );
    assert_eq!(
        p["costs"],
        json!([{"startDate": "2015-01-01", "cost": 2000.0}])
    );
    let r = env.get("/rest/asset/v1/program/1001.json").await;
    let got = &assert_asset_ok(&r)[0];
    assert_eq!(got["name"], "API Test Program");
    assert_eq!(got["createdAt"], "2026-03-10T15:00:00Z+0000");
    assert_eq!(got["tags"], json!([]));
}

#[tokio::test]
async fn create_program_as_a_python_client_sends_it() {
    let env = start_with_toml(TAGGED).await;
    // Everything in the query string; folder and tags as printed dicts and lists.
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/rest/asset/v1/programs.json"))
                .bearer_auth(token)
                .query(&[
                    ("folder", "{'id': 15, 'type': Folder}"),
                    ("name", "Py"),
                    ("type", "Default"),
                    ("channel", "Content"),
                    ("tags", "[{'tagType': 'Region', 'tagValue': 'EMEA'}]"),
                ]),
        )
        .await;
    let p = &assert_asset_ok(&r)[0];
    assert_eq!(
        p["tags"],
        json!([{"tagType": "Region", "tagValue": "EMEA"}])
    );
}

#[tokio::test]
async fn code_710_create_program_in_a_missing_folder() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/programs.json",
        &[
            ("name", "P"),
            ("folder", r#"{"id":777,"type":"Folder"}"#),
            ("type", "Default"),
            ("channel", "Content"),
        ],
    )
    .await;
    assert_marketo_error(&r, 710, "Parent Folder Not Found");
}

#[tokio::test]
async fn code_711_create_program_in_design_studio_or_in_a_program_that_cannot_hold_it() {
    let env = start().await;
    let r = post_form(
        &env,
        "/rest/asset/v1/programs.json",
        &[
            ("name", "P"),
            ("folder", r#"{"id":18,"type":"Folder"}"#),
            ("type", "Default"),
            ("channel", "Content"),
        ],
    )
    .await;
    assert_marketo_error(&r, 711, "Incompatible Folder Type");
    let event = program(&env, "Event", MA_DEFAULT, "Event", "Tradeshow").await;
    let inside = format!(r#"{{"id":{event},"type":"Program"}}"#);
    let r = post_form(
        &env,
        "/rest/asset/v1/programs.json",
        &[
            ("name", "Inner"),
            ("folder", &inside),
            ("type", "Default"),
            ("channel", "Content"),
        ],
    )
    .await;
    assert_marketo_error(&r, 711, "Incompatible Folder Type");
    // An Event program holds Email programs.
    program(&env, "Invite", &inside, "Email", "Email Send").await;
}

#[tokio::test]
async fn code_709_create_program_with_a_used_name_a_wrong_channel_or_missing_required_tag() {
    let env = start_with_toml(TAGGED).await;
    program(&env, "Taken", MA_DEFAULT, "Default", "Content").await;
    let cases: [&[(&str, &str)]; 4] = [
        &[
            ("name", "Taken"),
            ("type", "Default"),
            ("channel", "Content"),
        ],
        &[("name", "A"), ("type", "Default"), ("channel", "Tradeshow")],
        &[("name", "B"), ("type", "Event"), ("channel", "Tradeshow")],
        &[
            ("name", "C"),
            ("type", "Default"),
            ("channel", "Content"),
            ("tags", r#"[{"tagType":"Region","tagValue":"Mars"}]"#),
        ],
    ];
    for case in cases {
        let mut form = case.to_vec();
        form.push(("folder", MA_DEFAULT));
        let r = post_form(&env, "/rest/asset/v1/programs.json", &form).await;
        assert_marketo_error(&r, 709, "Business Rule Violation");
    }
}

#[tokio::test]
async fn get_programs_browses_filters_and_pages() {
    let env = start().await;
    program(&env, "D", MA_DEFAULT, "Default", "Content").await;
    program(&env, "N", MA_DEFAULT, "Engagement", "Nurture").await;
    program(&env, "E", MA_DEFAULT, "Email", "Email Send").await;
    let r = env.get("/rest/asset/v1/programs.json").await;
    let all = assert_asset_ok(&r);
    assert_eq!(all.len(), 3);
    assert!(all[0].get("tags").is_none(), "browse answers no tags");
    let r = get_query(
        &env,
        "/rest/asset/v1/programs.json",
        &[("status", "unlocked")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "E");
    let r = get_query(&env, "/rest/asset/v1/programs.json", &[("status", "off")]).await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "N");
    let r = get_query(
        &env,
        "/rest/asset/v1/programs.json",
        &[("maxReturn", "1"), ("offset", "1")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["name"], "N");
    let r = get_query(
        &env,
        "/rest/asset/v1/programs.json",
        &[("earliestUpdatedAt", "2026-03-11T00:00:00-05:00")],
    )
    .await;
    assert_no_assets(&r);
    let r = get_query(
        &env,
        "/rest/asset/v1/programs.json",
        &[
            ("earliestUpdatedAt", "2026-03-10T00:00:00Z"),
            ("latestUpdatedAt", "2026-03-10T16:00:00Z"),
        ],
    )
    .await;
    assert_eq!(assert_asset_ok(&r).len(), 3);
}

#[tokio::test]
async fn code_704_get_programs_with_a_date_that_does_not_parse() {
    let env = start().await;
    let r = get_query(
        &env,
        "/rest/asset/v1/programs.json",
        &[("earliestUpdatedAt", "yesterday")],
    )
    .await;
    assert_marketo_error(&r, 704, "Invalid date format");
}

#[tokio::test]
async fn get_program_by_name_and_by_tag() {
    let env = start_with_toml(TAGGED).await;
    let r = post_form(
        &env,
        "/rest/asset/v1/programs.json",
        &[
            ("name", "Tagged"),
            ("folder", MA_DEFAULT),
            ("type", "Default"),
            ("channel", "Content"),
            ("tags", r#"[{"tagType":"Region","tagValue":"APAC"}]"#),
        ],
    )
    .await;
    let id = assert_asset_ok(&r)[0]["id"].clone();
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byName.json",
        &[("name", "Tagged")],
    )
    .await;
    let p = &assert_asset_ok(&r)[0];
    assert_eq!(p["id"], id);
    assert!(p.get("tags").is_none());
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byName.json",
        &[("name", "Tagged"), ("includeTags", "true")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["tags"][0]["tagValue"], "APAC");
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byTag.json",
        &[("tagType", "Region"), ("tagValue", "APAC")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["id"], id);
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byTag.json",
        &[("tagType", "Region"), ("tagValue", "EMEA")],
    )
    .await;
    assert_no_assets(&r);
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byTag.json",
        &[("tagType", "Region")],
    )
    .await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'tagValue'");
    let r = env.get("/rest/asset/v1/program/9999.json").await;
    assert_no_assets(&r);
}

#[tokio::test]
async fn update_program_renames_and_appends_or_replaces_costs() {
    let env = start().await;
    let id = program(&env, "Old", MA_DEFAULT, "Default", "Content").await;
    let path = format!("/rest/asset/v1/program/{id}.json");
    let r = post_form(
        &env,
        &path,
        &[
            ("name", "New"),
            (
                "costs",
                r#"[{"startDate":"2016-01-01","cost":200,"note":"Ads"}]"#,
            ),
        ],
    )
    .await;
    let p = &assert_asset_ok(&r)[0];
    assert_eq!(p["name"], "New");
    assert_eq!(p["costs"].as_array().unwrap().len(), 1);
    let r = post_form(
        &env,
        &path,
        &[("costs", r#"[{"startDate":"2016-02-01","cost":5}]"#)],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["costs"].as_array().unwrap().len(), 2);
    let r = post_form(&env, &path, &[("costsDestructiveUpdate", "true")]).await;
    assert_eq!(assert_asset_ok(&r)[0]["costs"], json!([]));
}

#[tokio::test]
async fn code_702_update_approve_clone_delete_of_a_missing_program() {
    let env = start().await;
    for (path, form) in [
        ("/rest/asset/v1/program/4242.json", vec![("name", "X")]),
        ("/rest/asset/v1/program/4242/approve.json", vec![]),
        ("/rest/asset/v1/program/4242/unapprove.json", vec![]),
        (
            "/rest/asset/v1/program/4242/clone.json",
            vec![("name", "X"), ("folder", MA_DEFAULT)],
        ),
        ("/rest/asset/v1/program/4242/delete.json", vec![]),
    ] {
        let r = post_form(&env, path, &form).await;
        assert_marketo_error(&r, 702, "Program not found");
    }
}

#[tokio::test]
async fn approve_and_unapprove_an_email_program() {
    let env = start().await;
    let id = program(&env, "Send", MA_DEFAULT, "Email", "Email Send").await;
    let approve = format!("/rest/asset/v1/program/{id}/approve.json");
    let unapprove = format!("/rest/asset/v1/program/{id}/unapprove.json");
    // 709: no dates yet.
    let r = post_form(&env, &approve, &[]).await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/program/{id}.json"),
        &[
            ("startDate", "2026-04-01T15:00:00.000Z"),
            ("endDate", "2026-04-02T15:00:00.000Z"),
        ],
    )
    .await;
    assert_asset_ok(&r);
    // 709: not approved yet.
    let r = post_form(&env, &unapprove, &[]).await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(&env, &approve, &[]).await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    let r = env.get(&format!("/rest/asset/v1/program/{id}.json")).await;
    assert_eq!(assert_asset_ok(&r)[0]["status"], "locked");
    // 709: approving an approved program (no draft).
    let r = post_form(&env, &approve, &[]).await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let r = post_form(&env, &unapprove, &[]).await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
}

#[tokio::test]
async fn code_709_approve_a_program_that_is_not_an_email_program() {
    let env = start().await;
    let id = program(&env, "D", MA_DEFAULT, "Default", "Content").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/program/{id}/approve.json"),
        &[],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn clone_program_copies_it_and_its_tokens_into_a_folder() {
    let env = start().await;
    let id = program(&env, "Template", MA_DEFAULT, "Event", "Tradeshow").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/folder/{id}/tokens.json"),
        &[
            ("folderType", "Program"),
            ("name", "City"),
            ("type", "text"),
            ("value", "Paris"),
        ],
    )
    .await;
    assert_asset_ok(&r);
    let dest = folder(&env, "Events 2026", MA_DEFAULT).await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/program/{id}/clone.json"),
        &[
            ("name", "Paris 2026"),
            ("folder", &format!(r#"{{"id":{dest},"type":"Folder"}}"#)),
        ],
    )
    .await;
    let c = &assert_asset_ok(&r)[0];
    assert_eq!(c["type"], "Event");
    assert_eq!(c["folder"]["value"], dest);
    let new_id = c["id"].as_i64().unwrap();
    assert_ne!(new_id, id);
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{new_id}/tokens.json"),
        &[("folderType", "Program")],
    )
    .await;
    assert_eq!(assert_asset_ok(&r)[0]["tokens"][0]["value"], "Paris");
}

#[tokio::test]
async fn code_709_clone_program_with_a_used_name_or_push_notifications() {
    let env = start_with_toml(
        r#"
[[seed.programs]]
name = "App Launch"
folder = "/Marketing Activities/Default"
channel = "Content"
contains = ["Push Notification"]
"#,
    )
    .await;
    let r = get_query(
        &env,
        "/rest/asset/v1/program/byName.json",
        &[("name", "App Launch")],
    )
    .await;
    let id = assert_asset_ok(&r)[0]["id"].as_i64().unwrap();
    let clone = format!("/rest/asset/v1/program/{id}/clone.json");
    let r = post_form(&env, &clone, &[("name", "Copy"), ("folder", MA_DEFAULT)]).await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
    let other = program(&env, "Plain", MA_DEFAULT, "Default", "Content").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/program/{other}/clone.json"),
        &[("name", "App Launch"), ("folder", MA_DEFAULT)],
    )
    .await;
    assert_marketo_error(&r, 709, "Business Rule Violation");
}

#[tokio::test]
async fn code_710_and_711_clone_program_into_a_missing_folder_or_a_program() {
    let env = start().await;
    let id = program(&env, "Src", MA_DEFAULT, "Engagement", "Nurture").await;
    let clone = format!("/rest/asset/v1/program/{id}/clone.json");
    let r = post_form(
        &env,
        &clone,
        &[("name", "C"), ("folder", r#"{"id":5555,"type":"Folder"}"#)],
    )
    .await;
    assert_marketo_error(&r, 710, "Parent Folder Not Found");
    let r = post_form(
        &env,
        &clone,
        &[
            ("name", "C"),
            ("folder", &format!(r#"{{"id":{id},"type":"Program"}}"#)),
        ],
    )
    .await;
    assert_marketo_error(&r, 711, "Incompatible Folder Type");
}

#[tokio::test]
async fn code_719_clone_program_from_a_fault_rule() {
    let env = start_with_toml(
        r#"
[[faults]]
method = "POST"
path = "/rest/asset/v1/program/*"
error = "719"
"#,
    )
    .await;
    let id = program(&env, "Src", MA_DEFAULT, "Default", "Content").await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/program/{id}/clone.json"),
        &[("name", "C"), ("folder", MA_DEFAULT)],
    )
    .await;
    assert_marketo_error(&r, 719, "Lock wait timeout exception");
}

#[tokio::test]
async fn delete_program_removes_it_and_what_it_holds() {
    let env = start().await;
    let id = program(&env, "Gone", MA_DEFAULT, "Default", "Content").await;
    let inner = folder(&env, "Inner", &format!(r#"{{"id":{id},"type":"Program"}}"#)).await;
    let r = post_form(
        &env,
        &format!("/rest/asset/v1/program/{id}/delete.json"),
        &[],
    )
    .await;
    assert_eq!(assert_asset_ok(&r), [json!({"id": id})]);
    assert_no_assets(&env.get(&format!("/rest/asset/v1/program/{id}.json")).await);
    let r = get_query(
        &env,
        &format!("/rest/asset/v1/folder/{inner}.json"),
        &[("type", "Folder")],
    )
    .await;
    assert_no_assets(&r);
}
