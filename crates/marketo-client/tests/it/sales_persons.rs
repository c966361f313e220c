//! Sales persons through `Objects<SalesPersons>`: describe, sync by each action and by dedupe or id field
//! (1017, 1013), get by email and by dedupe fields with `fields`, delete by dedupe fields and by id, 1022 for
//! a sales person others use, and 1018 under a native CRM sync.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::operations::Record;
use marketo_client::{
    Client, Companies, KeyBy, ObjectKind, ObjectSyncOptions, RecordOutcome, SalesPersons,
    SyncAction,
};
use serde_json::{json, Value};

fn records(v: Vec<Value>) -> Vec<Record> {
    v.into_iter()
        .map(|r| r.as_object().cloned().expect("an object"))
        .collect()
}

/// Sales persons with these external ids, each `<id>@x.com`, first name Sam.
fn people(ids: &[&str]) -> Vec<Record> {
    records(
        ids.iter()
            .map(|id| json!({"externalSalesPersonId": id, "email": format!("{id}@x.com"), "firstName": "Sam"}))
            .collect(),
    )
}

fn options(action: SyncAction, dedupe_by: KeyBy) -> ObjectSyncOptions {
    ObjectSyncOptions { action, dedupe_by }
}

async fn sync(c: &Client, r: Vec<Record>, o: ObjectSyncOptions) -> Vec<RecordOutcome> {
    c.objects(SalesPersons).sync(r, o).await.unwrap()
}

async fn get(c: &Client, filter: &str, values: &[&str], fields: &[&str]) -> Vec<Record> {
    let values = values.iter().map(|v| (*v).to_owned()).collect();
    c.objects(SalesPersons)
        .get(filter, values, fields)
        .try_collect()
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn sales_persons_describe_gives_the_integer_id_and_the_external_id_dedupe_field() {
    let emu = emulator(|b| b).await;
    let d = client(&emu).objects(SalesPersons).describe().await.unwrap();
    assert_eq!(d.name, "SalesPerson");
    assert_eq!(d.id_field, SalesPersons.id_kind().field());
    assert_eq!(d.dedupe_fields, ["externalSalesPersonId"]);
    assert_eq!(
        d.searchable_fields,
        [vec!["email"], vec!["id"], vec!["externalSalesPersonId"]]
    );
    assert_eq!(d.fields[0].display_name.as_deref(), Some("Marketo Id"));
}

#[tokio::test(start_paused = true)]
async fn sales_persons_sync_create_only_creates_with_ids_and_skips_existing_ones_with_1017() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let create_only = options(SyncAction::CreateOnly, KeyBy::DedupeFields);
    let out = sync(&c, people(&["sam", "david"]), create_only).await;
    assert_eq!(
        out.iter().map(|o| (o.status(), o.id())).collect::<Vec<_>>(),
        [("created", Some(1)), ("created", Some(2))]
    );
    let again = sync(&c, people(&["david", "raj"]), create_only).await;
    assert_eq!(reason(&again[0]), (1017, "Object already exists".into()));
    assert_eq!((again[1].status(), again[1].id()), ("created", Some(3)));
}

#[tokio::test(start_paused = true)]
async fn sales_persons_sync_update_only_by_dedupe_fields_and_by_id_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, people(&["sam"]), Default::default()).await;
    let out = sync(
        &c,
        records(vec![
            json!({"externalSalesPersonId": "sam", "lastName": "Sanosin"}),
            json!({"externalSalesPersonId": "ghost", "lastName": "x"}),
        ]),
        options(SyncAction::UpdateOnly, KeyBy::DedupeFields),
    )
    .await;
    assert_eq!((out[0].status(), out[0].id()), ("updated", Some(1)));
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let out = sync(
        &c,
        records(vec![
            json!({"id": 1, "title": "Lead"}),
            json!({"id": 77, "title": "x"}),
        ]),
        options(SyncAction::UpdateOnly, KeyBy::IdField),
    )
    .await;
    assert_eq!(out[0].status(), "updated");
    assert_eq!(reason(&out[1]).0, 1013);
    let got = get(&c, "id", &["1"], &["lastName", "title"]).await;
    assert_eq!(
        (&got[0]["lastName"], &got[0]["title"]),
        (&json!("Sanosin"), &json!("Lead"))
    );
}

#[tokio::test(start_paused = true)]
async fn sales_persons_sync_create_or_update_creates_new_and_updates_existing_in_input_order() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, people(&["sam"]), Default::default()).await;
    let out = sync(
        &c,
        people(&["raj", "sam"]),
        options(SyncAction::CreateOrUpdate, KeyBy::DedupeFields),
    )
    .await;
    assert_eq!(
        out.iter().map(|o| (o.status(), o.id())).collect::<Vec<_>>(),
        [("created", Some(2)), ("updated", Some(1))]
    );
}

#[tokio::test(start_paused = true)]
async fn sales_persons_get_by_email_and_by_dedupe_fields_with_the_fields_asked_for() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, people(&["sam", "david"]), Default::default()).await;
    let by_email = get(&c, "email", &["sam@x.com"], &["firstName"]).await;
    assert_eq!(by_email.len(), 1);
    assert_eq!(
        Value::Object(by_email[0].clone()),
        json!({"seq": 0, "id": 1, "firstName": "Sam"})
    );
    let by_dedupe = get(&c, "dedupeFields", &["david", "sam", "nobody"], &[]).await;
    let mut ids: Vec<i64> = by_dedupe
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    assert_eq!(ids, [1, 2]);
    assert!(by_dedupe[0].contains_key("externalSalesPersonId"));
}

#[tokio::test(start_paused = true)]
async fn sales_persons_delete_by_dedupe_fields_and_by_id_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, people(&["sam", "david"]), Default::default()).await;
    let out = c
        .objects(SalesPersons)
        .delete(
            records(vec![
                json!({"externalSalesPersonId": "sam"}),
                json!({"externalSalesPersonId": "raj"}),
            ]),
            KeyBy::DedupeFields,
        )
        .await
        .unwrap();
    assert_eq!((out[0].status(), out[0].id()), ("deleted", Some(1)));
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let out = c.objects(SalesPersons).delete_by_id([2, 1]).await.unwrap();
    assert_eq!((out[0].status(), out[0].id()), ("deleted", Some(2)));
    assert_eq!(reason(&out[1]).0, 1013, "already deleted");
    assert!(get(&c, "dedupeFields", &["sam", "david"], &[])
        .await
        .is_empty());
}

#[tokio::test(start_paused = true)]
async fn code_1022_a_sales_person_others_use_is_skipped_by_delete() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, people(&["owner", "free"]), Default::default()).await;
    let company = records(vec![
        json!({"externalCompanyId": "C1", "externalSalesPersonId": "owner"}),
    ]);
    let made = c
        .objects(Companies)
        .sync(company, Default::default())
        .await
        .unwrap();
    assert_eq!(made[0].status(), "created");
    let out = c
        .objects(SalesPersons)
        .delete(
            records(vec![
                json!({"externalSalesPersonId": "owner"}),
                json!({"externalSalesPersonId": "free"}),
            ]),
            KeyBy::DedupeFields,
        )
        .await
        .unwrap();
    assert_eq!(reason(&out[0]), (1022, "Object in use".into()));
    assert_eq!(out[1].status(), "deleted");
}

#[tokio::test(start_paused = true)]
async fn code_1018_sales_persons_are_skipped_under_a_native_crm_sync() {
    let emu = emulator_with_config("[crm]\nnative_sync = true\n", |b| b).await;
    let c = client(&emu);
    let out = sync(&c, people(&["sam"]), Default::default()).await;
    assert_eq!(reason(&out[0]), (1018, "CRM Enabled".into()));
    let out = c.objects(SalesPersons).delete_by_id([1]).await.unwrap();
    assert_eq!(reason(&out[0]).0, 1018);
}
