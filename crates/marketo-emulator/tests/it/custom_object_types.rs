//! The Custom Object Metadata API: types made as drafts, fields added, updated and deleted, approval,
//! discarded drafts (1048), deleted types (1022 while linked), the linkable objects, the field data types, the
//! dependent assets, and the subscription switches (616 without the metadata API, 1026 without custom
//! objects).

use crate::support::*;
use serde_json::{json, Value};

pub const SCHEMA: &str = "/rest/v1/customobjects/schema.json";

pub fn type_path(api: &str, tail: &str) -> String {
    format!("/rest/v1/customobjects/schema/{api}/{tail}")
}

/// A successful change answers an empty result.
pub async fn change(env: &Env, path: &str, body: Value) {
    let r = env.post_json(path, &body).await;
    assert!(assert_success(&r).is_empty(), "{}", r.text);
}

/// The car type of the docs, approved: `vin` (dedupe), `leadId` (link to the lead's id), `make`, `year`.
pub async fn make_car(env: &Env) {
    change(env, SCHEMA, json!({"action":"createOnly","apiName":"car_c","displayName":"Car","description":"Car owner"})).await;
    change(
        env,
        &type_path("car_c", "addField.json"),
        json!({"input":[
            {"name":"vin","displayName":"VIN","dataType":"string","isDedupeField":true},
            {"name":"leadId","displayName":"Lead Id","dataType":"link","relatedTo":{"name":"lead","field":"id"}},
            {"name":"make","displayName":"Make","dataType":"string"},
            {"name":"year","displayName":"Year","dataType":"integer"}]}),
    )
    .await;
    change(env, &type_path("car_c", "approve.json"), json!({})).await;
}

async fn describe(env: &Env, api: &str, state: &str) -> Value {
    let r = env
        .get(&type_path(api, &format!("describe.json?state={state}")))
        .await;
    assert_success(&r).remove(0)
}

#[tokio::test]
async fn sync_custom_object_type_creates_a_draft_and_updates_it() {
    let env = start().await;
    change(&env, SCHEMA, json!({"action":"createOnly","displayName":"Transaction","apiName":"transaction","description":"Commerce happens"})).await;
    let d = describe(&env, "transaction", "").await;
    assert_eq!(
        d,
        json!({"state":"draft","version":"draft","displayName":"Transaction","description":"Commerce happens",
               "apiName":"transaction","idField":null,"createdAt":null,"updatedAt":null,"dedupeFields":[],
               "searchableFields":[[]],"relationships":[],"fields":[
            {"name":"marketoGUID","displayName":"Marketo GUID","dataType":"string","length":36,"updateable":false,"crmManaged":false},
            {"name":"createdAt","displayName":"Created At","dataType":"datetime","updateable":false,"crmManaged":false},
            {"name":"updatedAt","displayName":"Updated At","dataType":"datetime","updateable":false,"crmManaged":false}]})
    );
    change(&env, SCHEMA, json!({"action":"updateOnly","apiName":"transaction","description":"No really, commerce happens!"})).await;
    assert_eq!(
        describe(&env, "transaction", "").await["description"],
        "No really, commerce happens!"
    );
    let r = env
        .post_json(
            SCHEMA,
            &json!({"action":"createOnly","apiName":"transaction","displayName":"T"}),
        )
        .await;
    assert_marketo_error(&r, 1017, "Object already exists");
    let r = env
        .post_json(SCHEMA, &json!({"action":"updateOnly","apiName":"nope"}))
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
    let r = env
        .post_json(SCHEMA, &json!({"apiName":"bad-name","displayName":"B"}))
        .await;
    assert_marketo_error(
        &r,
        1003,
        marketo_emulator::engine::custom::errors::BAD_API_NAME,
    );
    let r = env.post_json(SCHEMA, &json!({"displayName":"B"})).await;
    assert_marketo_error(&r, 1002, "Missing value for required parameter 'apiName'");
}

#[tokio::test]
async fn add_custom_object_type_fields_with_links_and_their_checks() {
    use marketo_emulator::engine::custom::errors::{BAD_DATA_TYPE, BAD_LINK, FIELD_EXISTS};
    let env = start().await;
    change(&env, SCHEMA, json!({"apiName":"car_c","displayName":"Car"})).await;
    let add = type_path("car_c", "addField.json");
    change(&env, &add, json!({"input":[
        {"name":"vin","displayName":"VIN","dataType":"string","isDedupeField":true},
        {"name":"leadId","displayName":"Lead Id","dataType":"link","relatedTo":{"name":"lead","field":"id"}}]}))
    .await;
    let d = describe(&env, "car_c", "draft").await;
    assert_eq!(d["dedupeFields"], json!(["vin"]));
    assert_eq!(
        d["fields"][4]["dataType"], "integer",
        "a link holds its target's type"
    );
    for (field, message) in [
        (
            json!({"name":"x","displayName":"X","dataType":"blob"}),
            BAD_DATA_TYPE,
        ),
        (
            json!({"name":"vin","displayName":"Other","dataType":"string"}),
            FIELD_EXISTS,
        ),
        (
            json!({"name":"y","displayName":"Y","dataType":"link","relatedTo":{"name":"lead","field":"nope"}}),
            BAD_LINK,
        ),
        (
            json!({"name":"z","displayName":"Z","dataType":"link","relatedTo":{"name":"course","field":"courseID"}}),
            BAD_LINK,
        ),
    ] {
        let r = env.post_json(&add, &json!({ "input": [field] })).await;
        assert_marketo_error(&r, 1003, message);
    }
}

#[tokio::test]
async fn update_custom_object_type_field() {
    let env = start().await;
    make_car(&env).await;
    change(
        &env,
        &type_path("car_c", "make/updateField.json"),
        json!({"displayName":"Manufacturer","description":"Who made it"}),
    )
    .await;
    let d = describe(&env, "car_c", "draft").await;
    let make = d["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "make")
        .unwrap()
        .clone();
    assert_eq!(make["displayName"], "Manufacturer");
    assert_eq!(d["state"], "approvedWithDraft");
    assert_eq!(
        describe(&env, "car_c", "").await["version"],
        "approved",
        "records still use the approved version"
    );
    let r = env
        .post_json(
            &type_path("car_c", "vin/updateField.json"),
            &json!({"isDedupeField":false}),
        )
        .await;
    assert_marketo_error(
        &r,
        1003,
        marketo_emulator::engine::custom::errors::APPROVED_LOCKED,
    );
}

#[tokio::test]
async fn delete_custom_object_type_fields() {
    let env = start().await;
    make_car(&env).await;
    change(
        &env,
        &type_path("car_c", "deleteField.json"),
        json!({"input":[{"name":"year"}]}),
    )
    .await;
    let d = describe(&env, "car_c", "draft").await;
    assert!(!d["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["name"] == "year"));
    let r = env
        .post_json(
            &type_path("car_c", "deleteField.json"),
            &json!({"input":[{"name":"vin"}]}),
        )
        .await;
    assert_marketo_error(
        &r,
        1003,
        marketo_emulator::engine::custom::errors::APPROVED_LOCKED,
    );
}

#[tokio::test]
async fn approve_custom_object_type_needs_a_draft_and_a_dedupe_field() {
    use marketo_emulator::engine::custom::errors::{DEDUPE_REQUIRED, NO_DRAFT};
    let env = start().await;
    change(
        &env,
        SCHEMA,
        json!({"apiName":"thing","displayName":"Thing"}),
    )
    .await;
    let r = env
        .post_json(&type_path("thing", "approve.json"), &json!({}))
        .await;
    assert_marketo_error(&r, 1003, DEDUPE_REQUIRED);
    make_car(&env).await;
    let d = describe(&env, "car_c", "").await;
    assert_eq!(
        (d["state"].clone(), d["idField"].clone()),
        (json!("approved"), json!("marketoGUID"))
    );
    assert_eq!(d["createdAt"], "2026-03-10T15:00:00Z");
    assert_eq!(
        d["searchableFields"],
        json!([["vin"], ["marketoGUID"], ["leadId"]])
    );
    assert_eq!(
        d["relationships"],
        json!([{"field":"leadId","type":"child","relatedTo":{"name":"Lead","field":"id"}}])
    );
    let r = env
        .post_json(&type_path("car_c", "approve.json"), &json!({}))
        .await;
    assert_marketo_error(&r, 1003, NO_DRAFT);
}

#[tokio::test]
async fn code_1048_discard_custom_object_type_draft_without_a_draft() {
    let env = start().await;
    make_car(&env).await;
    let discard = type_path("car_c", "discardDraft.json");
    let r = env.post_json(&discard, &json!({})).await;
    assert_marketo_error(&r, 1048, "Custom Object Discard Draft Failed");
    change(
        &env,
        SCHEMA,
        json!({"action":"updateOnly","apiName":"car_c","description":"changed"}),
    )
    .await;
    change(&env, &discard, json!({})).await;
    assert_eq!(describe(&env, "car_c", "").await["state"], "approved");
    // A type never approved goes with its draft.
    change(&env, SCHEMA, json!({"apiName":"tmp","displayName":"Tmp"})).await;
    change(&env, &type_path("tmp", "discardDraft.json"), json!({})).await;
    let r = env.get(&type_path("tmp", "describe.json")).await;
    assert_marketo_error(&r, 1013, "Object not found");
}

/// The course (edge) and enrollment (bridge) types of the docs' many-to-many example.
pub async fn make_courses(env: &Env) {
    change(
        env,
        SCHEMA,
        json!({"apiName":"course","displayName":"Course"}),
    )
    .await;
    change(
        env,
        &type_path("course", "addField.json"),
        json!({"input":[
        {"name":"courseID","displayName":"Course ID","dataType":"string","isDedupeField":true},
        {"name":"courseName","displayName":"Course Name","dataType":"string"}]}),
    )
    .await;
    change(env, &type_path("course", "approve.json"), json!({})).await;
    change(
        env,
        SCHEMA,
        json!({"apiName":"enrollment","displayName":"Enrollment"}),
    )
    .await;
    change(env, &type_path("enrollment", "addField.json"), json!({"input":[
        {"name":"leadID","displayName":"Lead ID","dataType":"link","relatedTo":{"field":"id","name":"lead"}},
        {"name":"courseID","displayName":"Course ID","dataType":"link","relatedTo":{"field":"courseID","name":"course"}},
        {"name":"enrollmentID","displayName":"Enrollment ID","dataType":"string","isDedupeField":true},
        {"name":"grade","displayName":"Grade","dataType":"string"}]})).await;
    change(env, &type_path("enrollment", "approve.json"), json!({})).await;
}

#[tokio::test]
async fn delete_custom_object_type_with_its_records_and_1022_while_linked() {
    let env = start().await;
    make_courses(&env).await;
    env.post_json(
        "/rest/v1/customobjects/course.json",
        &json!({"input":[{"courseID":"C101"}]}),
    )
    .await;
    let r = env
        .post_json(&type_path("course", "delete.json"), &json!({}))
        .await;
    assert_marketo_error(&r, 1022, "Object in use");
    change(&env, &type_path("enrollment", "delete.json"), json!({})).await;
    change(&env, &type_path("course", "delete.json"), json!({})).await;
    let r = env
        .get("/rest/v1/customobjects/course.json?filterType=courseID&filterValues=C101")
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
    // Made again, the type has none of the old records.
    change(
        &env,
        SCHEMA,
        json!({"apiName":"course","displayName":"Course"}),
    )
    .await;
    change(&env, &type_path("course", "addField.json"), json!({"input":[{"name":"courseID","displayName":"Course ID","dataType":"string","isDedupeField":true}]})).await;
    change(&env, &type_path("course", "approve.json"), json!({})).await;
    let r = env
        .get("/rest/v1/customobjects/course.json?filterType=courseID&filterValues=C101")
        .await;
    assert!(assert_success(&r).is_empty());
}

#[tokio::test]
async fn list_custom_object_types_by_name_and_state() {
    let env = start().await;
    make_car(&env).await;
    change(
        &env,
        SCHEMA,
        json!({"apiName":"draft_only","displayName":"Draft Only"}),
    )
    .await;
    let names = |r: &Resp| -> Vec<Value> {
        assert_success(r)
            .iter()
            .map(|t| t["apiName"].clone())
            .collect()
    };
    assert_eq!(
        names(&env.get(SCHEMA).await),
        [json!("car_c"), json!("draft_only")]
    );
    assert_eq!(
        names(&env.get(&format!("{SCHEMA}?names=car_c")).await),
        [json!("car_c")]
    );
    assert_eq!(
        names(&env.get(&format!("{SCHEMA}?state=approved")).await),
        [json!("car_c")]
    );
    assert_eq!(
        names(&env.get(&format!("{SCHEMA}?state=draft")).await),
        [json!("draft_only")]
    );
}

#[tokio::test]
async fn get_custom_object_linkable_objects() {
    let env = start().await;
    make_courses(&env).await;
    let r = env
        .get("/rest/v1/customobjects/schema/linkableObjects.json")
        .await;
    let objects = assert_success(&r);
    let names: Vec<&Value> = objects.iter().map(|o| &o["name"]).collect();
    assert_eq!(
        names,
        ["lead", "company", "course"],
        "enrollment has links: not linkable"
    );
    assert!(objects[0]["fields"]
        .as_array()
        .unwrap()
        .contains(&json!({"name":"id","displayName":"Id","dataType":"integer"})));
    assert_eq!(
        objects[2]["fields"][1],
        json!({"name":"courseID","displayName":"Course ID","dataType":"string"})
    );
}

#[tokio::test]
async fn get_custom_object_type_field_data_types() {
    let env = start().await;
    let r = env
        .get("/rest/v1/customobjects/schema/fieldDataTypes.json")
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            "string", "boolean", "integer", "float", "link", "email", "currency", "date",
            "datetime", "phone", "text"
        ])
    );
}

#[tokio::test]
async fn get_custom_object_dependent_assets() {
    let env = start().await;
    make_car(&env).await;
    let r = env.get(&type_path("car_c", "dependentAssets.json")).await;
    assert!(
        assert_success(&r).is_empty(),
        "the emulator has no smart campaigns to depend on a type"
    );
    let r = env.get(&type_path("nope", "dependentAssets.json")).await;
    assert_marketo_error(&r, 1013, "Object not found");
}

const CAR_TOML: &str = r#"
[[custom_objects.types]]
api_name = "car_c"
display_name = "Car"
fields = [
  { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
  { name = "leadId", display_name = "Lead Id", data_type = "link", related_to = { name = "lead", field = "id" } },
]
"#;

#[tokio::test]
async fn code_616_without_the_metadata_api_while_declared_types_work() {
    let env = start_with_toml(&format!(
        "[custom_objects]\nmetadata_api = false\n{CAR_TOML}"
    ))
    .await;
    for path in [
        SCHEMA.to_owned(),
        type_path("car_c", "describe.json"),
        "/rest/v1/customobjects/schema/fieldDataTypes.json".into(),
    ] {
        let r = env.get(&path).await;
        assert_marketo_error(&r, 616, "Invalid subscription type");
    }
    let r = env
        .post_json(SCHEMA, &json!({"apiName":"x","displayName":"X"}))
        .await;
    assert_marketo_error(&r, 616, "Invalid subscription type");
    let r = env
        .post_json(
            "/rest/v1/customobjects/car_c.json",
            &json!({"input":[{"vin":"V1"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "created");
}

#[tokio::test]
async fn code_1026_custom_objects_not_enabled() {
    let env = start_with_toml(&format!("[custom_objects]\nenabled = false\n{CAR_TOML}")).await;
    for path in [
        "/rest/v1/customobjects.json",
        "/rest/v1/customobjects/car_c/describe.json",
        "/rest/v1/customobjects/car_c.json?filterType=vin&filterValues=V1",
        "/rest/v1/customobjects/schema.json",
    ] {
        let r = env.get(path).await;
        assert_marketo_error(&r, 1026, "Custom object not enabled");
    }
    let r = env
        .post_json(
            "/rest/v1/customobjects/car_c.json",
            &json!({"input":[{"vin":"V1"}]}),
        )
        .await;
    assert_marketo_error(&r, 1026, "Custom object not enabled");
}

#[tokio::test]
async fn types_made_through_the_api_survive_a_restart_and_go_on_reset() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("emu.db");
    let env = start_with(|b| b.db_path(&db)).await;
    make_car(&env).await;
    env.emu.shutdown().await;
    let env = start_with(|b| b.db_path(&db)).await;
    assert_eq!(describe(&env, "car_c", "").await["state"], "approved");
    env.emu.reset();
    let r = env.get(&type_path("car_c", "describe.json")).await;
    assert_marketo_error(&r, 1013, "Object not found");
}
