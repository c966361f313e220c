//! Companies through `Objects<Companies>`: sync by each action and by dedupe or id field with the record
//! reasons in input order, get by filter paged with `fields`, delete by dedupe fields and by id, describe.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::operations::objects::{kinds, Record};
use marketo_client::{
    Client, Companies, ErrorKind, KeyBy, ObjectKind, ObjectSyncOptions, RecordOutcome, SyncAction,
};
use serde_json::{json, Value};

const PATH: &str = "/rest/v1/companies.json";

fn record(v: Value) -> Record {
    v.as_object().cloned().expect("an object")
}

/// Companies with these external ids, named `Co <id>`.
fn companies(ids: &[&str]) -> Vec<Record> {
    ids.iter()
        .map(|id| record(json!({"externalCompanyId": id, "company": format!("Co {id}")})))
        .collect()
}

fn options(action: SyncAction, dedupe_by: KeyBy) -> ObjectSyncOptions {
    ObjectSyncOptions { action, dedupe_by }
}

async fn sync(client: &Client, records: Vec<Record>, o: ObjectSyncOptions) -> Vec<RecordOutcome> {
    client.objects(Companies).sync(records, o).await.unwrap()
}

fn statuses(out: &[RecordOutcome]) -> Vec<&'static str> {
    out.iter().map(RecordOutcome::status).collect()
}

#[tokio::test(start_paused = true)]
async fn companies_sync_create_only_creates_and_skips_existing_ones_with_1017() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let create_only = options(SyncAction::CreateOnly, KeyBy::DedupeFields);
    let first = sync(&c, companies(&["C1", "C2"]), create_only).await;
    assert_eq!(statuses(&first), ["created", "created"]);
    assert_eq!((first[0].id(), first[1].id()), (Some(1), Some(2)));
    let again = sync(&c, companies(&["C2", "C3"]), create_only).await;
    assert_eq!(reason(&again[0]), (1017, "Object already exists".into()));
    assert_eq!((again[1].status(), again[1].id()), ("created", Some(3)));
}

#[tokio::test(start_paused = true)]
async fn companies_sync_update_only_updates_and_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, companies(&["C1"]), ObjectSyncOptions::default()).await;
    let update_only = options(SyncAction::UpdateOnly, KeyBy::DedupeFields);
    let out = sync(
        &c,
        vec![
            record(json!({"externalCompanyId": "ghost", "industry": "Retail"})),
            record(json!({"externalCompanyId": "C1", "industry": "Retail"})),
        ],
        update_only,
    )
    .await;
    assert_eq!(reason(&out[0]), (1013, "Record not found".into()));
    assert_eq!((out[1].status(), out[1].id()), ("updated", Some(1)));
    let by_id = options(SyncAction::UpdateOnly, KeyBy::IdField);
    let out = sync(
        &c,
        vec![record(json!({"id": 1, "company": "Renamed"}))],
        by_id,
    )
    .await;
    assert_eq!((out[0].status(), out[0].id()), ("updated", Some(1)));
    let got: Vec<Record> = c
        .objects(Companies)
        .get("id", vec!["1".into()], &["company", "industry"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got[0]["company"], "Renamed");
    assert_eq!(got[0]["industry"], "Retail");
}

#[tokio::test(start_paused = true)]
async fn companies_sync_create_or_update_creates_new_and_updates_existing_in_input_order() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, companies(&["C1", "C2"]), ObjectSyncOptions::default()).await;
    let out = sync(
        &c,
        companies(&["C3", "C2", "C4"]),
        options(SyncAction::CreateOrUpdate, KeyBy::DedupeFields),
    )
    .await;
    assert_eq!(statuses(&out), ["created", "updated", "created"]);
    let ids: Vec<Option<i64>> = out.iter().map(RecordOutcome::id).collect();
    assert_eq!(ids, [Some(3), Some(2), Some(4)]);
    assert!(
        out.iter().all(|o| o.guid().is_none()),
        "companies have integer ids"
    );
}

#[tokio::test(start_paused = true)]
async fn companies_sync_skips_1036_1006_1003_with_their_reasons_in_input_order() {
    let emu = emulator(|b| b).await;
    let out = sync(
        &client(&emu),
        vec![
            record(json!({"externalCompanyId": "D", "company": "Dup"})),
            record(json!({"externalCompanyId": "D", "company": "Dup again"})),
            record(json!({"externalCompanyId": "E", "favouriteColour": "blue"})),
            record(json!({"externalCompanyId": "F", "numberOfEmployees": "many"})),
            record(json!({"company": "no key"})),
            record(json!({"externalCompanyId": "G"})),
        ],
        ObjectSyncOptions::default(),
    )
    .await;
    assert_eq!(out.len(), 6);
    assert_eq!(out[0].status(), "created");
    assert_eq!(
        reason(&out[1]),
        (1036, "Duplicate object found in input".into())
    );
    assert_eq!(
        reason(&out[2]),
        (1006, "Field 'favouriteColour' not found".into())
    );
    assert_eq!(
        reason(&out[3]),
        (1003, "Invalid value for field 'numberOfEmployees'".into())
    );
    assert_eq!(reason(&out[4]), (1003, "Invalid data".into()));
    assert_eq!(out[5].status(), "created");
}

#[tokio::test(start_paused = true)]
async fn companies_sync_refuses_create_duplicate_without_a_call() {
    let emu = emulator(|b| b).await;
    let e = client(&emu)
        .objects(Companies)
        .sync(
            companies(&["C1"]),
            options(SyncAction::CreateDuplicate, KeyBy::DedupeFields),
        )
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert!(calls_to(&emu, PATH).is_empty());
}

#[tokio::test(start_paused = true)]
async fn companies_get_follows_every_page_and_returns_the_fields_asked_for() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let ids: Vec<String> = (0..650).map(|i| format!("ext-{i}")).collect();
    let records: Vec<Record> = ids
        .iter()
        .map(|id| record(json!({"externalCompanyId": id, "company": "Acme", "industry": "Retail"})))
        .collect();
    let out = sync(&c, records, ObjectSyncOptions::default()).await;
    assert_all_created_once(&out, 650);
    let syncs = calls_to(&emu, PATH).len();
    assert_eq!(syncs, 3, "650 records: batches of 300, 300 and 50");
    let got: Vec<Record> = c
        .objects(Companies)
        .get("company", vec!["Acme".into()], &["company", "industry"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 650);
    let pages = calls_to(&emu, PATH).len() - syncs;
    assert_eq!(pages, 3, "pages of 300, 300 and 50");
    let mut seen: Vec<i64> = got.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 650, "every company once");
    for r in &got {
        assert_eq!(
            (&r["company"], &r["industry"]),
            (&json!("Acme"), &json!("Retail"))
        );
        assert!(
            !r.contains_key("externalCompanyId"),
            "only the id and the fields asked for: {r:?}"
        );
    }
    let defaults: Vec<Record> = c
        .objects(Companies)
        .get("externalCompanyId", vec!["ext-7".into()], &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(defaults.len(), 1);
    assert_eq!(defaults[0]["externalCompanyId"], "ext-7");
    assert!(defaults[0].contains_key("createdAt"));
}

#[tokio::test(start_paused = true)]
async fn companies_get_past_8_kb_of_values_travels_as_post_with_method_get() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let ids: Vec<String> = (0..300)
        .map(|i| format!("a-rather-long-external-company-identifier-{i}"))
        .collect();
    let names: Vec<&str> = ids.iter().map(String::as_str).collect();
    sync(&c, companies(&names), ObjectSyncOptions::default()).await;
    let got: Vec<Record> = c
        .objects(Companies)
        .get("externalCompanyId", ids.clone(), &["company"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 300);
    let gets: Vec<_> = calls_to(&emu, PATH).into_iter().skip(1).collect();
    assert_eq!(gets.len(), 1);
    assert_eq!((gets[0].method.as_str(), gets[0].status), ("POST", 200));
    assert_eq!(answered(&emu, 414), 0);
}

#[tokio::test(start_paused = true)]
async fn companies_delete_by_dedupe_fields_deletes_and_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, companies(&["C1", "C2"]), ObjectSyncOptions::default()).await;
    let keys = vec![
        record(json!({"externalCompanyId": "C2"})),
        record(json!({"externalCompanyId": "nope"})),
    ];
    let out = c
        .objects(Companies)
        .delete(keys, KeyBy::DedupeFields)
        .await
        .unwrap();
    assert_eq!((out[0].status(), out[0].id()), ("deleted", Some(2)));
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let left: Vec<Record> = c
        .objects(Companies)
        .get("externalCompanyId", vec!["C1".into(), "C2".into()], &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["externalCompanyId"], "C1");
    assert_eq!(calls_to(&emu, "/rest/v1/companies/delete.json").len(), 1);
}

#[tokio::test(start_paused = true)]
async fn companies_delete_by_id_deletes_each_id_once() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(
        &c,
        companies(&["C1", "C2", "C3"]),
        ObjectSyncOptions::default(),
    )
    .await;
    let out = c.objects(Companies).delete_by_id([3, 1, 99]).await.unwrap();
    assert_eq!(statuses(&out), ["deleted", "deleted", "skipped"]);
    assert_eq!((out[0].id(), out[1].id()), (Some(3), Some(1)));
    assert_eq!(reason(&out[2]), (1013, "Record not found".into()));
    let again = c.objects(Companies).delete_by_id([1]).await.unwrap();
    assert_eq!(reason(&again[0]).0, 1013, "already deleted");
}

#[tokio::test(start_paused = true)]
async fn companies_describe_gives_the_id_dedupe_and_searchable_fields() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let d = c.objects(Companies).describe().await.unwrap();
    assert_eq!(d.name, "Company");
    assert_eq!(d.id_field, Companies.id_kind().field());
    assert_eq!(d.dedupe_fields, ["externalCompanyId"]);
    assert!(d.searchable_fields.contains(&vec!["company".to_owned()]));
    let ext = d
        .fields
        .iter()
        .find(|f| f.name == "externalCompanyId")
        .expect("externalCompanyId described");
    assert_eq!(
        (ext.data_type.as_deref(), ext.length),
        (Some("string"), Some(100))
    );
    assert_eq!(
        ext.updateable,
        Some(false),
        "a dedupe field is not updateable"
    );
    // The same type picked by name from the registry, as front ends do.
    let by_name = c.objects(kinds::find("companies").expect("registered"));
    assert_eq!(by_name.describe().await.unwrap(), d);
}
