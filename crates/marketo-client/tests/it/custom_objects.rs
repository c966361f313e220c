//! Custom object records through `Objects<CustomObject>`: List Custom Objects, describe, sync by each action
//! and by dedupe or id field with the record reasons in input order (1017, 1013, 1036, 1006, 1004), get by
//! the dedupe, link and id fields, delete by dedupe fields and by `marketoGUID`, and 1026 when the
//! subscription has no custom objects.

use crate::custom_object_types::{make_car, type_sync, CAR_TOML};
use crate::support::*;
use futures::TryStreamExt;
use marketo_client::operations::objects::kinds::CustomObject;
use marketo_client::operations::Record;
use marketo_client::{Client, ErrorKind, KeyBy, ObjectSyncOptions, RecordOutcome, SyncAction};
use serde_json::{json, Value};

const CARS: &str = "/rest/v1/customobjects/car_c.json";

fn record(v: Value) -> Record {
    v.as_object().cloned().expect("an object")
}

fn cars() -> CustomObject {
    CustomObject::new("car_c")
}

fn options(action: SyncAction, dedupe_by: KeyBy) -> ObjectSyncOptions {
    ObjectSyncOptions { action, dedupe_by }
}

async fn sync(c: &Client, records: Vec<Value>, o: ObjectSyncOptions) -> Vec<RecordOutcome> {
    let records = records.into_iter().map(record).collect();
    c.objects(cars()).sync(records, o).await.unwrap()
}

async fn get(c: &Client, filter: &str, values: &[&str], fields: &[&str]) -> Vec<Record> {
    let values = values.iter().map(|v| (*v).to_owned()).collect();
    c.objects(cars())
        .get(filter, values, fields)
        .try_collect()
        .await
        .unwrap()
}

/// `n` leads (ids 1..=n) and the car type.
async fn setup(c: &Client, n: usize) {
    let out = c
        .leads()
        .sync(leads("owner", n), Default::default())
        .await
        .unwrap();
    assert_all_created_once(&out, n);
    make_car(c).await;
}

#[tokio::test(start_paused = true)]
async fn custom_objects_list_shows_the_approved_types_by_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    c.custom_object_types()
        .sync(&type_sync(None, "draft_only", Some("Draft")))
        .await
        .unwrap();
    let types = c.custom_object_types().list_approved(&[]).await.unwrap();
    assert_eq!(types.len(), 1, "a draft-only type is not listed");
    let car = &types[0];
    assert_eq!(
        (car.name.as_str(), car.display_name.as_deref()),
        ("car_c", Some("Car"))
    );
    assert_eq!(car.id_field, "marketoGUID");
    assert_eq!(car.dedupe_fields, ["vin"]);
    assert!(car.fields.is_empty(), "List Custom Objects gives no fields");
    assert_eq!(
        car.extra["relationships"][0]["relatedTo"],
        json!({"name": "Lead", "field": "id"})
    );
    let none = c
        .custom_object_types()
        .list_approved(&["other"])
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test(start_paused = true)]
async fn custom_objects_describe_gives_dedupe_searchable_fields_and_1013_for_an_unknown_type() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let d = c.objects(cars()).describe().await.unwrap();
    assert_eq!(d.name, "car_c");
    assert_eq!(d.id_field, "marketoGUID");
    assert_eq!(d.dedupe_fields, ["vin"]);
    assert_eq!(
        d.searchable_fields,
        [vec!["vin"], vec!["marketoGUID"], vec!["leadId"]]
    );
    let year = d.fields.iter().find(|f| f.name == "year").unwrap();
    assert_eq!(
        (year.data_type.as_deref(), year.updateable),
        (Some("integer"), Some(true))
    );
    let e = c
        .objects(CustomObject::new("nope"))
        .describe()
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.message()),
        (ErrorKind::Request, Some(1013), "Object not found")
    );
}

#[tokio::test(start_paused = true)]
async fn custom_objects_sync_create_only_creates_and_skips_existing_ones_with_1017() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let create_only = options(SyncAction::CreateOnly, KeyBy::DedupeFields);
    let first = sync(&c, vec![json!({"vin": "V1"})], create_only).await;
    assert_eq!(first[0].status(), "created");
    assert_eq!(first[0].guid().map(str::len), Some(36));
    assert_eq!(first[0].id(), None, "custom objects have a marketoGUID");
    let again = sync(
        &c,
        vec![json!({"vin": "V1"}), json!({"vin": "V2"})],
        create_only,
    )
    .await;
    assert_eq!(reason(&again[0]), (1017, "Object already exists".into()));
    assert_eq!(again[1].status(), "created");
}

#[tokio::test(start_paused = true)]
async fn custom_objects_sync_update_only_by_dedupe_fields_and_by_guid_skips_unknown_ones_with_1013()
{
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let created = sync(
        &c,
        vec![json!({"vin": "V1", "make": "BMW"})],
        Default::default(),
    )
    .await;
    let guid = created[0].guid().unwrap().to_owned();
    let by_dedupe = options(SyncAction::UpdateOnly, KeyBy::DedupeFields);
    let out = sync(
        &c,
        vec![
            json!({"vin": "V9", "make": "Audi"}),
            json!({"vin": "V1", "year": 2003}),
        ],
        by_dedupe,
    )
    .await;
    assert_eq!(reason(&out[0]), (1013, "Record not found".into()));
    assert_eq!(
        (out[1].status(), out[1].guid()),
        ("updated", Some(guid.as_str()))
    );
    let by_id = options(SyncAction::UpdateOnly, KeyBy::IdField);
    let out = sync(
        &c,
        vec![
            json!({"marketoGUID": guid, "make": "Audi"}),
            json!({"marketoGUID": "no-such-guid", "make": "x"}),
        ],
        by_id,
    )
    .await;
    assert_eq!(out[0].status(), "updated");
    assert_eq!(reason(&out[1]).0, 1013);
    let got = get(&c, "vin", &["V1"], &["make", "year"]).await;
    assert_eq!(
        (&got[0]["make"], &got[0]["year"]),
        (&json!("Audi"), &json!(2003))
    );
}

#[tokio::test(start_paused = true)]
async fn custom_objects_sync_create_or_update_skips_1036_1006_and_1004_in_input_order() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    setup(&c, 1).await;
    sync(&c, vec![json!({"vin": "V0"})], Default::default()).await;
    let out = sync(
        &c,
        vec![
            json!({"vin": "V1", "leadId": 1, "make": "BMW"}),
            json!({"vin": "V0", "make": "Audi"}),
            json!({"vin": "V1", "make": "again"}),
            json!({"vin": "V3", "color": "red"}),
            json!({"vin": "V4", "leadId": 99}),
        ],
        options(SyncAction::CreateOrUpdate, KeyBy::DedupeFields),
    )
    .await;
    assert_eq!(
        out.iter().map(RecordOutcome::status).collect::<Vec<_>>(),
        ["created", "updated", "skipped", "skipped", "skipped"]
    );
    assert_eq!(
        reason(&out[2]),
        (1036, "Duplicate object found in input".into())
    );
    assert_eq!(reason(&out[3]), (1006, "Field 'color' not found".into()));
    assert_eq!(reason(&out[4]), (1004, "Lead not found".into()));
    assert_eq!(
        calls_to(&emu, CARS).len(),
        2,
        "one call per sync, not retried"
    );
}

#[tokio::test(start_paused = true)]
async fn custom_objects_get_by_dedupe_link_and_id_fields_with_the_fields_asked_for() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    setup(&c, 2).await;
    sync(
        &c,
        vec![
            json!({"vin": "V1", "leadId": 1, "make": "BMW"}),
            json!({"vin": "V2", "leadId": 1}),
            json!({"vin": "V3", "leadId": 2}),
        ],
        Default::default(),
    )
    .await;
    let by_lead = get(&c, "leadId", &["1"], &["vin", "make"]).await;
    let vins: Vec<&Value> = by_lead.iter().map(|r| &r["vin"]).collect();
    assert_eq!(vins, ["V1", "V2"]);
    assert_eq!(by_lead[0]["make"], "BMW");
    let guid = by_lead[1]["marketoGUID"].as_str().unwrap().to_owned();
    let by_id = get(&c, "idField", &[&guid], &["vin"]).await;
    assert_eq!(by_id.len(), 1);
    assert_eq!(by_id[0]["vin"], "V2");
    let by_dedupe = get(&c, "dedupeFields", &["V3", "V9"], &[]).await;
    assert_eq!(by_dedupe.len(), 1);
    assert_eq!(by_dedupe[0]["vin"], "V3");
    let e = c
        .objects(cars())
        .get("make", vec!["BMW".into()], &[])
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1011)));
}

#[tokio::test(start_paused = true)]
async fn custom_objects_delete_by_dedupe_fields_and_by_guid_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    make_car(&c).await;
    let created = sync(
        &c,
        vec![json!({"vin": "V1"}), json!({"vin": "V2"})],
        Default::default(),
    )
    .await;
    let out = c
        .objects(cars())
        .delete(
            vec![record(json!({"vin": "V1"})), record(json!({"vin": "V3"}))],
            KeyBy::DedupeFields,
        )
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", created[0].guid())
    );
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let guid = created[1].guid().unwrap().to_owned();
    let out = c
        .objects(cars())
        .delete_by_id([guid.clone(), guid.clone()])
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", Some(guid.as_str()))
    );
    assert_eq!(reason(&out[1]).0, 1013, "already deleted");
    assert!(get(&c, "vin", &["V1", "V2"], &[]).await.is_empty());
}

#[tokio::test(start_paused = true)]
async fn code_1026_custom_objects_not_enabled_fails_reads_and_every_record_with_the_code() {
    let config = format!("[custom_objects]\nenabled = false\n{CAR_TOML}");
    let emu = emulator_with_config(&config, |b| b).await;
    let c = client(&emu);
    let e = c
        .custom_object_types()
        .list_approved(&[])
        .await
        .unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.message()),
        (ErrorKind::Request, Some(1026), "Custom object not enabled")
    );
    let e = c.objects(cars()).describe().await.unwrap_err();
    assert_eq!(e.code(), Some(1026));
    let out = sync(
        &c,
        vec![json!({"vin": "V1"}), json!({"vin": "V2"})],
        Default::default(),
    )
    .await;
    for o in &out {
        assert_eq!(o.status(), "failed", "{o:?}");
        assert_eq!(o.error().and_then(|e| e.code()), Some(1026));
    }
    assert_eq!(calls_to(&emu, CARS).len(), 1, "not retried");
}

#[tokio::test(start_paused = true)]
async fn custom_objects_get_by_compound_keys_reads_300_keys_a_call() {
    use marketo_types::custom_objects::TypeFieldSpec;
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let types = c.custom_object_types();
    types
        .sync(&type_sync(None, "purchase", Some("Purchase")))
        .await
        .unwrap();
    types
        .add_fields(
            "purchase",
            &[
                TypeFieldSpec::new("order_id", "Order", "string").dedupe(),
                TypeFieldSpec::new("line", "Line", "integer").dedupe(),
                TypeFieldSpec::new("amount", "Amount", "float"),
            ],
        )
        .await
        .unwrap();
    types.approve("purchase").await.unwrap();
    let rows: Vec<Record> = (0..320)
        .map(|i| record(json!({"order_id": format!("O{}", i / 10), "line": i % 10, "amount": i})))
        .collect();
    let kind = CustomObject::new("purchase");
    let out = c
        .objects(kind.clone())
        .sync(rows, Default::default())
        .await
        .unwrap();
    assert!(out.iter().all(|o| o.status() == "created"));
    let mut keys: Vec<Record> = (0..320)
        .map(|i| record(json!({"order_id": format!("O{}", i / 10), "line": i % 10})))
        .collect();
    keys.push(record(json!({"order_id": "none", "line": 0})));
    let got: Vec<Record> = c
        .objects(kind)
        .get_by_keys(keys, &["amount"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 320);
    let mut amounts: Vec<i64> = got
        .iter()
        .map(|r| r["amount"].as_f64().unwrap() as i64)
        .collect();
    amounts.sort_unstable();
    assert_eq!(amounts, (0..320).collect::<Vec<i64>>());
    let reads = calls_to(&emu, "/rest/v1/customobjects/purchase.json")
        .into_iter()
        .filter(|r| r.query.as_deref() == Some("_method=GET"))
        .count();
    assert_eq!(reads, 2, "300 keys a call");
}
