//! The Custom Object Metadata API through `client.custom_object_types()`: types made as drafts and changed,
//! fields added, updated and deleted, approval, discarded drafts (1048 without one), deleted types (1022
//! while linked), the listing by name and state, linkable objects, field data types, dependent assets, and
//! 616 without the metadata API. Refused changes are errors carrying Marketo's code.

use crate::support::*;
use marketo_client::operations::objects::kinds::CustomObject;
use marketo_client::operations::Record;
use marketo_client::{Client, ErrorKind, ObjectSyncOptions};
use marketo_types::custom_objects::{TypeFieldSpec, TypeState, TypeSync};
use serde_json::json;

/// A Sync Custom Object Type body.
pub fn type_sync(action: Option<&str>, api: &str, display: Option<&str>) -> TypeSync {
    TypeSync {
        action: action.map(str::to_owned),
        api_name: api.to_owned(),
        display_name: display.map(str::to_owned),
        ..TypeSync::default()
    }
}

/// The car type of the docs, approved: `vin` (dedupe), `leadId` (link to the lead's id), `make`, `year`.
pub async fn make_car(c: &Client) {
    let types = c.custom_object_types();
    let mut car = type_sync(Some("createOnly"), "car_c", Some("Car"));
    car.description = Some("Car owner".into());
    types.sync(&car).await.unwrap();
    types
        .add_fields(
            "car_c",
            &[
                TypeFieldSpec::new("vin", "VIN", "string").dedupe(),
                TypeFieldSpec::link("leadId", "Lead Id", "lead", "id"),
                TypeFieldSpec::new("make", "Make", "string"),
                TypeFieldSpec::new("year", "Year", "integer"),
            ],
        )
        .await
        .unwrap();
    types.approve("car_c").await.unwrap();
}

/// The course (edge) and enrollment (bridge, linking leads to courses) types of the docs.
async fn make_courses(c: &Client) {
    let types = c.custom_object_types();
    types
        .sync(&type_sync(None, "course", Some("Course")))
        .await
        .unwrap();
    types
        .add_fields(
            "course",
            &[TypeFieldSpec::new("courseID", "Course ID", "string").dedupe()],
        )
        .await
        .unwrap();
    types.approve("course").await.unwrap();
    types
        .sync(&type_sync(None, "enrollment", Some("Enrollment")))
        .await
        .unwrap();
    types
        .add_fields(
            "enrollment",
            &[
                TypeFieldSpec::link("leadID", "Lead ID", "lead", "id"),
                TypeFieldSpec::link("courseID", "Course ID", "course", "courseID"),
                TypeFieldSpec::new("enrollmentID", "Enrollment ID", "string").dedupe(),
            ],
        )
        .await
        .unwrap();
    types.approve("enrollment").await.unwrap();
}

fn field_names(t: &marketo_types::custom_objects::CustomObjectType) -> Vec<&str> {
    t.fields.iter().map(|f| f.name.as_str()).collect()
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_sync_creates_a_draft_then_updates_it_and_refuses_1017_1013_1003() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let types = c.custom_object_types();
    let mut spec = type_sync(Some("createOnly"), "transaction", Some("Transaction"));
    spec.description = Some("Commerce happens".into());
    types.sync(&spec).await.unwrap();
    let d = types.describe("transaction", None).await.unwrap();
    assert_eq!(
        (d.state, d.version.as_deref(), d.id_field.as_deref()),
        (TypeState::Draft, Some("draft"), None)
    );
    assert_eq!(d.display_name, "Transaction");
    assert_eq!(field_names(&d), ["marketoGUID", "createdAt", "updatedAt"]);
    let mut update = type_sync(Some("updateOnly"), "transaction", None);
    update.description = Some("No really, commerce happens!".into());
    types.sync(&update).await.unwrap();
    let d = types.describe("transaction", None).await.unwrap();
    assert_eq!(
        d.description.as_deref(),
        Some("No really, commerce happens!")
    );
    let e = types.sync(&spec).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1017)));
    let e = types
        .sync(&type_sync(Some("updateOnly"), "nope", None))
        .await
        .unwrap_err();
    assert_eq!((e.code(), e.message()), (Some(1013), "Object not found"));
    let e = types
        .sync(&type_sync(None, "bad-name", Some("B")))
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1003)));
    assert_eq!(
        calls_to(&emu, "/rest/v1/customobjects/schema.json").len(),
        5,
        "each refusal is one call, not retried"
    );
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_add_fields_with_a_link_and_refuse_a_bad_data_type_with_1003() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let types = c.custom_object_types();
    types
        .sync(&type_sync(None, "car_c", Some("Car")))
        .await
        .unwrap();
    types
        .add_fields(
            "car_c",
            &[
                TypeFieldSpec::new("vin", "VIN", "string").dedupe(),
                TypeFieldSpec::link("leadId", "Lead Id", "lead", "id"),
            ],
        )
        .await
        .unwrap();
    let d = types
        .describe("car_c", Some(TypeState::Draft))
        .await
        .unwrap();
    assert_eq!(d.dedupe_fields, ["vin"]);
    let lead_id = d.fields.iter().find(|f| f.name == "leadId").unwrap();
    assert_eq!(
        lead_id.data_type, "integer",
        "a link holds its target's type"
    );
    let e = types
        .add_fields("car_c", &[TypeFieldSpec::new("x", "X", "blob")])
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1003)));
    let d = types.describe("car_c", None).await.unwrap();
    assert!(
        !field_names(&d).contains(&"x"),
        "nothing of the call applied"
    );
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_update_field_changes_the_draft_while_records_use_the_approved_version()
{
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let types = c.custom_object_types();
    let change = TypeFieldSpec {
        display_name: Some("Manufacturer".into()),
        description: Some("Who made it".into()),
        ..TypeFieldSpec::default()
    };
    types.update_field("car_c", "make", &change).await.unwrap();
    let draft = types
        .describe("car_c", Some(TypeState::Draft))
        .await
        .unwrap();
    let make = draft.fields.iter().find(|f| f.name == "make").unwrap();
    assert_eq!(
        (make.display_name.as_str(), make.description.as_deref()),
        ("Manufacturer", Some("Who made it"))
    );
    assert_eq!(draft.state, TypeState::ApprovedWithDraft);
    let approved = types.describe("car_c", None).await.unwrap();
    assert_eq!(approved.version.as_deref(), Some("approved"));
    let make = approved.fields.iter().find(|f| f.name == "make").unwrap();
    assert_eq!(make.display_name, "Make");
    let e = types
        .update_field(
            "car_c",
            "vin",
            &TypeFieldSpec {
                is_dedupe_field: Some(false),
                ..TypeFieldSpec::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(1003), "an approved dedupe field stays");
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_delete_fields_removes_them_from_the_draft() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let types = c.custom_object_types();
    types.delete_fields("car_c", &["year"]).await.unwrap();
    let draft = types
        .describe("car_c", Some(TypeState::Draft))
        .await
        .unwrap();
    assert!(!field_names(&draft).contains(&"year"));
    assert!(field_names(&draft).contains(&"make"));
    let e = types.delete_fields("car_c", &["vin"]).await.unwrap_err();
    assert_eq!(e.code(), Some(1003), "an approved dedupe field stays");
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_approve_needs_a_dedupe_field_and_makes_records_usable() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let types = c.custom_object_types();
    types
        .sync(&type_sync(None, "thing", Some("Thing")))
        .await
        .unwrap();
    let e = types.approve("thing").await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1003)));
    make_car(&c).await;
    let d = types.describe("car_c", None).await.unwrap();
    assert_eq!(d.state, TypeState::Approved);
    assert_eq!(d.id_field.as_deref(), Some("marketoGUID"));
    assert!(d.created_at.is_some());
    assert_eq!(
        d.searchable_fields,
        [vec!["vin"], vec!["marketoGUID"], vec!["leadId"]]
    );
    assert_eq!(
        (
            d.relationships[0].field.as_str(),
            d.relationships[0].kind.as_str()
        ),
        ("leadId", "child")
    );
    let record: Record = json!({"vin": "V1"}).as_object().cloned().unwrap();
    let out = c
        .objects(CustomObject::new("car_c"))
        .sync(vec![record], ObjectSyncOptions::default())
        .await
        .unwrap();
    assert_eq!(out[0].status(), "created");
    let e = types.approve("car_c").await.unwrap_err();
    assert_eq!(e.code(), Some(1003), "no draft to approve");
}

#[tokio::test(start_paused = true)]
async fn code_1048_discard_draft_without_a_draft_is_an_error_with_the_code() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let types = c.custom_object_types();
    let e = types.discard_draft("car_c").await.unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.message()),
        (
            ErrorKind::Request,
            Some(1048),
            "Custom Object Discard Draft Failed"
        )
    );
    let discards = "/rest/v1/customobjects/schema/car_c/discardDraft.json";
    assert_eq!(calls_to(&emu, discards).len(), 1, "not retried");
    let mut change = type_sync(Some("updateOnly"), "car_c", None);
    change.description = Some("changed".into());
    types.sync(&change).await.unwrap();
    assert_eq!(
        types.describe("car_c", None).await.unwrap().state,
        TypeState::ApprovedWithDraft
    );
    types.discard_draft("car_c").await.unwrap();
    let d = types.describe("car_c", None).await.unwrap();
    assert_eq!(
        (d.state, d.description.as_deref()),
        (TypeState::Approved, Some("Car owner"))
    );
    // A type never approved goes with its draft.
    types
        .sync(&type_sync(None, "tmp", Some("Tmp")))
        .await
        .unwrap();
    types.discard_draft("tmp").await.unwrap();
    let e = types.describe("tmp", None).await.unwrap_err();
    assert_eq!(e.code(), Some(1013));
}

#[tokio::test(start_paused = true)]
async fn code_1022_delete_a_type_another_links_to_is_an_error_with_the_code() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_courses(&c).await;
    let types = c.custom_object_types();
    let e = types.delete("course").await.unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.message()),
        (ErrorKind::Request, Some(1022), "Object in use")
    );
    types.delete("enrollment").await.unwrap();
    types.delete("course").await.unwrap();
    let left = types.list(&[], None).await.unwrap();
    assert!(left.is_empty(), "{left:?}");
    let e = types.delete("course").await.unwrap_err();
    assert_eq!(e.code(), Some(1013));
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_list_by_name_and_state() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let types = c.custom_object_types();
    types
        .sync(&type_sync(None, "draft_only", Some("Draft Only")))
        .await
        .unwrap();
    let names = |v: Vec<marketo_types::custom_objects::CustomObjectType>| -> Vec<String> {
        v.into_iter().map(|t| t.api_name).collect()
    };
    assert_eq!(
        names(types.list(&[], None).await.unwrap()),
        ["car_c", "draft_only"]
    );
    assert_eq!(
        names(types.list(&["car_c"], None).await.unwrap()),
        ["car_c"]
    );
    assert_eq!(
        names(types.list(&[], Some(TypeState::Approved)).await.unwrap()),
        ["car_c"]
    );
    assert_eq!(
        names(types.list(&[], Some(TypeState::Draft)).await.unwrap()),
        ["draft_only"]
    );
    let call = calls_to(&emu, "/rest/v1/customobjects/schema.json")
        .into_iter()
        .rev()
        .find(|r| r.method == "GET")
        .unwrap();
    let query = call.query.unwrap_or_default();
    assert!(query.contains("state=draft"), "{query}");
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_linkable_objects_are_lead_company_and_types_without_links() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_courses(&c).await;
    let linkable = c.custom_object_types().linkable_objects().await.unwrap();
    let names: Vec<&str> = linkable.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["lead", "company", "course"]);
    assert!(linkable[0]
        .fields
        .iter()
        .any(|f| (f.name.as_str(), f.data_type.as_str()) == ("id", "integer")));
    assert_eq!(
        (
            linkable[2].fields[1].name.as_str(),
            linkable[2].display_name.as_str()
        ),
        ("courseID", "Course")
    );
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_field_data_types_are_the_documented_eleven() {
    let emu = emulator(|b| b).await;
    let types = client(&emu)
        .custom_object_types()
        .field_data_types()
        .await
        .unwrap();
    assert_eq!(
        types,
        [
            "string", "boolean", "integer", "float", "link", "email", "currency", "date",
            "datetime", "phone", "text"
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn custom_object_types_dependent_assets_are_read_and_1013_names_an_unknown_type() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let types = c.custom_object_types();
    assert!(types.dependent_assets("car_c").await.unwrap().is_empty());
    let e = types.dependent_assets("nope").await.unwrap_err();
    assert_eq!((e.code(), e.message()), (Some(1013), "Object not found"));
}

/// A car type declared in the emulator's config.
pub const CAR_TOML: &str = r#"
[[custom_objects.types]]
api_name = "car_c"
display_name = "Car"
fields = [
  { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
  { name = "leadId", display_name = "Lead Id", data_type = "link", related_to = { name = "lead", field = "id" } },
]
"#;

#[tokio::test(start_paused = true)]
async fn code_616_without_the_metadata_api_fails_schema_calls_while_records_sync() {
    let config = format!("[custom_objects]\nmetadata_api = false\n{CAR_TOML}");
    let emu = emulator_with_config(&config, |b| b).await;
    let c = client(&emu);
    let types = c.custom_object_types();
    let e = types.list(&[], None).await.unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.message()),
        (ErrorKind::Request, Some(616), "Invalid subscription type")
    );
    let e = types
        .sync(&type_sync(None, "x", Some("X")))
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(616));
    assert_eq!(answered(&emu, 616), 2, "not retried");
    let record: Record = json!({"vin": "V1"}).as_object().cloned().unwrap();
    let out = c
        .objects(CustomObject::new("car_c"))
        .sync(vec![record], ObjectSyncOptions::default())
        .await
        .unwrap();
    assert_eq!(out[0].status(), "created");
}
