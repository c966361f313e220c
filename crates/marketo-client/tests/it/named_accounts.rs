//! Named accounts through `Objects<NamedAccounts>`, named account lists through `Objects<NamedAccountLists>`
//! (createOnly by default, no createOrUpdate, no describe: both refused before a call) and list membership
//! through `client.named_account_list_members()`: get every page, add, remove, 1013 for an unknown list or
//! account. Named accounts are not the CRM's: they sync under a native CRM sync.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::operations::Record;
use marketo_client::{
    Client, ErrorKind, KeyBy, NamedAccountLists, NamedAccounts, ObjectSyncOptions, RecordOutcome,
    SyncAction,
};
use serde_json::{json, Value};

const LISTS: &str = "/rest/v1/namedAccountLists.json";

fn records(v: Vec<Value>) -> Vec<Record> {
    v.into_iter()
        .map(|r| r.as_object().cloned().expect("an object"))
        .collect()
}

fn named(names: &[&str]) -> Vec<Record> {
    records(names.iter().map(|n| json!({ "name": n })).collect())
}

fn options(action: SyncAction, dedupe_by: KeyBy) -> ObjectSyncOptions {
    ObjectSyncOptions { action, dedupe_by }
}

fn create_only() -> ObjectSyncOptions {
    options(SyncAction::CreateOnly, KeyBy::DedupeFields)
}

fn guids(out: &[RecordOutcome]) -> Vec<String> {
    out.iter()
        .map(|o| o.guid().expect("a guid").to_owned())
        .collect()
}

async fn accounts(c: &Client, names: &[&str]) -> Vec<String> {
    let out = c
        .objects(NamedAccounts)
        .sync(named(names), Default::default())
        .await
        .unwrap();
    guids(&out)
}

async fn lists(c: &Client, names: &[&str]) -> Vec<String> {
    let out = c
        .objects(NamedAccountLists)
        .sync(named(names), create_only())
        .await
        .unwrap();
    guids(&out)
}

#[tokio::test(start_paused = true)]
async fn named_accounts_describe_gives_the_guid_id_field_and_the_name_dedupe_field() {
    let emu = emulator(|b| b).await;
    let d = client(&emu)
        .objects(NamedAccounts)
        .describe()
        .await
        .unwrap();
    assert_eq!(d.name, "Named Account");
    assert_eq!(d.id_field, "marketoGUID");
    assert_eq!(d.dedupe_fields, ["name"]);
    assert_eq!(d.searchable_fields[0], ["marketoGUID"]);
    assert!(d.searchable_fields.contains(&vec!["domainName".to_owned()]));
}

#[tokio::test(start_paused = true)]
async fn named_accounts_sync_by_each_action_skips_1017_and_1013_and_keeps_computed_counts() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let accts = c.objects(NamedAccounts);
    let first = accts
        .sync(
            records(vec![json!({"name": "Google", "domainName": "google.com"})]),
            create_only(),
        )
        .await
        .unwrap();
    assert_eq!(first[0].status(), "created");
    let again = accts
        .sync(named(&["Google", "Yahoo"]), create_only())
        .await
        .unwrap();
    assert_eq!(reason(&again[0]), (1017, "Object already exists".into()));
    assert_eq!(again[1].status(), "created");
    let out = accts
        .sync(
            records(vec![
                json!({"name": "Google", "domainName": "www.google.com", "membershipCount": 9}),
                json!({"name": "Nope"}),
            ]),
            options(SyncAction::UpdateOnly, KeyBy::DedupeFields),
        )
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("updated", first[0].guid())
    );
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let out = accts
        .sync(
            records(vec![
                json!({"marketoGUID": first[0].guid().unwrap(), "industry": "Tech"}),
            ]),
            options(SyncAction::UpdateOnly, KeyBy::IdField),
        )
        .await
        .unwrap();
    assert_eq!(out[0].status(), "updated");
    let got: Vec<Record> = accts
        .get(
            "name",
            vec!["Google".into()],
            &["domainName", "industry", "membershipCount"],
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        (&got[0]["domainName"], &got[0]["industry"]),
        (&json!("www.google.com"), &json!("Tech"))
    );
    assert_eq!(
        got[0]["membershipCount"], 0,
        "computed by Marketo, not written"
    );
}

#[tokio::test(start_paused = true)]
async fn named_accounts_get_by_any_searchable_field_with_default_fields() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    c.objects(NamedAccounts)
        .sync(
            records(vec![
                json!({"name": "Google", "industry": "Tech", "numberOfEmployees": 100}),
                json!({"name": "Acme", "industry": "Tech"}),
            ]),
            Default::default(),
        )
        .await
        .unwrap();
    let got: Vec<Record> = c
        .objects(NamedAccounts)
        .get("industry", vec!["Tech".into()], &[])
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&Value> = got.iter().map(|a| &a["name"]).collect();
    assert_eq!(names, ["Google", "Acme"]);
    assert!(!got[0].contains_key("industry"), "not a default field");
    let by_size: Vec<Record> = c
        .objects(NamedAccounts)
        .get("numberOfEmployees", vec!["100".into()], &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(by_size.len(), 1);
}

#[tokio::test(start_paused = true)]
async fn named_accounts_delete_by_name_and_by_guid_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let g = accounts(&c, &["Google", "Yahoo"]).await;
    let out = c
        .objects(NamedAccounts)
        .delete(named(&["Google", "Marketo"]), KeyBy::DedupeFields)
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", Some(g[0].as_str()))
    );
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let out = c
        .objects(NamedAccounts)
        .delete_by_id([g[1].clone()])
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", Some(g[1].as_str()))
    );
}

#[tokio::test(start_paused = true)]
async fn named_accounts_sync_under_a_native_crm_sync_they_are_not_the_crms() {
    let emu = emulator_with_config("[crm]\nnative_sync = true\n", |b| b).await;
    let out = client(&emu)
        .objects(NamedAccounts)
        .sync(named(&["Google"]), Default::default())
        .await
        .unwrap();
    assert_eq!(out[0].status(), "created");
}

#[tokio::test(start_paused = true)]
async fn named_account_lists_sync_creates_skips_1017_and_renames_by_guid() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let g = lists(&c, &["SAAS List", "Manufacturing (Domestic)"]).await;
    assert_eq!(g.len(), 2);
    let again = c
        .objects(NamedAccountLists)
        .sync(named(&["SAAS List"]), create_only())
        .await
        .unwrap();
    assert_eq!(reason(&again[0]), (1017, "Object already exists".into()));
    let out = c
        .objects(NamedAccountLists)
        .sync(
            records(vec![
                json!({"marketoGUID": g[0], "name": "SaaS"}),
                json!({"marketoGUID": g[1], "name": "SaaS"}),
            ]),
            options(SyncAction::UpdateOnly, KeyBy::IdField),
        )
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("updated", Some(g[0].as_str()))
    );
    assert_eq!(reason(&out[1]).0, 1017, "a name another list has");
}

#[tokio::test(start_paused = true)]
async fn named_account_lists_refuse_create_or_update_and_describe_without_a_call() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let e = c
        .objects(NamedAccountLists)
        .sync(named(&["L"]), ObjectSyncOptions::default())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert!(e.message().contains("createOrUpdate"), "{}", e.message());
    let e = c.objects(NamedAccountLists).describe().await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert!(emu
        .calls()
        .iter()
        .all(|r| !r.path.contains("namedAccountLists")));
}

#[tokio::test(start_paused = true)]
async fn named_account_lists_get_by_dedupe_and_id_field_with_type_and_updateable() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let g = lists(&c, &["Saas List", "My Account List"]).await;
    let got: Vec<Record> = c
        .objects(NamedAccountLists)
        .get("idField", g.clone(), &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(
        (&got[0]["name"], &got[0]["type"], &got[0]["updateable"]),
        (&json!("Saas List"), &json!("default"), &json!(true))
    );
    let got: Vec<Record> = c
        .objects(NamedAccountLists)
        .get("dedupeFields", vec!["My Account List".into()], &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got[0]["marketoGUID"], g[1].as_str());
}

#[tokio::test(start_paused = true)]
async fn named_account_lists_delete_by_name_and_guid_and_the_members_go_with_them() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let l = lists(&c, &["L", "M"]).await;
    let a = accounts(&c, &["A"]).await;
    let members = c.named_account_list_members();
    members.add(&l[0], &[&a[0]]).await.unwrap();
    let out = c
        .objects(NamedAccountLists)
        .delete(named(&["L", "B2C List"]), KeyBy::DedupeFields)
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", Some(l[0].as_str()))
    );
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let out = c
        .objects(NamedAccountLists)
        .delete_by_id([l[1].clone()])
        .await
        .unwrap();
    assert_eq!(out[0].status(), "deleted");
    let e = members
        .get(&l[0], &[])
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1013)));
    assert_eq!(calls_to(&emu, LISTS).len(), 1, "the one create");
}

#[tokio::test(start_paused = true)]
async fn named_account_list_members_add_skips_unknown_accounts_with_1013_in_input_order() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let l = lists(&c, &["L"]).await;
    let a = accounts(&c, &["A", "B"]).await;
    let out = c
        .named_account_list_members()
        .add(&l[0], &[&a[0], "nope", &a[1]])
        .await
        .unwrap();
    assert_eq!(
        out.iter().map(RecordOutcome::status).collect::<Vec<_>>(),
        ["added", "skipped", "added"]
    );
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let e = c
        .named_account_list_members()
        .add("not-a-list", &[&a[0]])
        .await
        .unwrap();
    let error = e[0].error().expect("the call failed");
    assert_eq!(
        (error.code(), error.message()),
        (Some(1013), "Object not found")
    );
}

#[tokio::test(start_paused = true)]
async fn named_account_list_members_get_follows_every_page_with_the_fields_asked_for() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let l = lists(&c, &["Big"]).await;
    let names: Vec<String> = (0..301).map(|i| format!("Account {i}")).collect();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let a = accounts(&c, &refs).await;
    let a_refs: Vec<&str> = a.iter().map(String::as_str).collect();
    let added = c
        .named_account_list_members()
        .add(&l[0], &a_refs)
        .await
        .unwrap();
    assert!(added.iter().all(|o| o.status() == "added"));
    let members_path = format!("/rest/v1/namedAccountList/{}/namedAccounts.json", l[0]);
    assert_eq!(calls_to(&emu, &members_path).len(), 2, "300 a call");
    let got: Vec<Record> = c
        .named_account_list_members()
        .get(&l[0], &["name"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 301);
    assert_eq!(
        (&got[0]["name"], &got[300]["name"]),
        (&json!("Account 0"), &json!("Account 300"))
    );
    assert_eq!(got[7]["marketoGUID"], a[7].as_str());
    assert_eq!(calls_to(&emu, &members_path).len(), 4, "two pages");
}

#[tokio::test(start_paused = true)]
async fn named_account_list_members_remove_skips_non_members_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let l = lists(&c, &["L"]).await;
    let a = accounts(&c, &["A", "B", "C"]).await;
    let members = c.named_account_list_members();
    members.add(&l[0], &[&a[0], &a[1]]).await.unwrap();
    let out = members.remove(&l[0], &[&a[0], &a[2]]).await.unwrap();
    assert_eq!(out[0].status(), "removed");
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let left: Vec<Record> = members.get(&l[0], &[]).try_collect().await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["marketoGUID"], a[1].as_str());
}
