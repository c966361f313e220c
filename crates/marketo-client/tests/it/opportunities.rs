//! Opportunities and opportunity roles through `Objects<Opportunities>` and `Objects<OpportunityRoles>`:
//! describe, sync by each action and by dedupe fields or `marketoGUID` with the record reasons (1017, 1013,
//! 1003, 1004), get by a field and the id field, delete by dedupe fields and by guid, 718 for an unknown
//! sales person (the whole call fails), 1022 for an opportunity with roles, and 1018 under a native CRM
//! sync.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::operations::Record;
use marketo_client::{
    Client, ErrorKind, KeyBy, ObjectKind, ObjectSyncOptions, Opportunities, OpportunityRoles,
    RecordOutcome, SalesPersons, SyncAction,
};
use serde_json::{json, Value};

const OPPS: &str = "/rest/v1/opportunities.json";

fn records(v: Vec<Value>) -> Vec<Record> {
    v.into_iter()
        .map(|r| r.as_object().cloned().expect("an object"))
        .collect()
}

fn options(action: SyncAction, dedupe_by: KeyBy) -> ObjectSyncOptions {
    ObjectSyncOptions { action, dedupe_by }
}

async fn sync_opps(c: &Client, v: Vec<Value>, o: ObjectSyncOptions) -> Vec<RecordOutcome> {
    c.objects(Opportunities).sync(records(v), o).await.unwrap()
}

async fn sync_roles(c: &Client, v: Vec<Value>, o: ObjectSyncOptions) -> Vec<RecordOutcome> {
    c.objects(OpportunityRoles)
        .sync(records(v), o)
        .await
        .unwrap()
}

/// Lead 1, sales person S1 and opportunity O1 (owned by S1); O1's guid.
async fn deal(c: &Client) -> String {
    c.leads()
        .sync(vec![lead("ann@example.com")], Default::default())
        .await
        .unwrap();
    let s = c
        .objects(SalesPersons)
        .sync(
            records(vec![
                json!({"externalSalesPersonId": "S1", "email": "s1@x.com"}),
            ]),
            Default::default(),
        )
        .await
        .unwrap();
    assert_eq!(s[0].status(), "created");
    let o = sync_opps(
        c,
        vec![json!({"externalOpportunityId": "O1", "name": "Chairs", "amount": 1604.47, "externalSalesPersonId": "S1"})],
        Default::default(),
    )
    .await;
    o[0].guid().expect("a guid").to_owned()
}

#[tokio::test(start_paused = true)]
async fn opportunities_describe_gives_the_guid_id_field_and_the_external_id_dedupe_field() {
    let emu = emulator(|b| b).await;
    let d = client(&emu)
        .objects(Opportunities)
        .describe()
        .await
        .unwrap();
    assert_eq!(d.name, "opportunity");
    assert_eq!(d.id_field, Opportunities.id_kind().field());
    assert_eq!(d.dedupe_fields, ["externalOpportunityId"]);
    assert_eq!(
        d.searchable_fields,
        [vec!["externalOpportunityId"], vec!["marketoGUID"]]
    );
    let ext = d
        .fields
        .iter()
        .find(|f| f.name == "externalOpportunityId")
        .unwrap();
    assert_eq!((ext.length, ext.updateable), (Some(50), Some(false)));
}

#[tokio::test(start_paused = true)]
async fn opportunities_sync_create_only_creates_and_skips_existing_ones_with_1017() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let create_only = options(SyncAction::CreateOnly, KeyBy::DedupeFields);
    let first = sync_opps(
        &c,
        vec![json!({"externalOpportunityId": "O1", "name": "Chairs"})],
        create_only,
    )
    .await;
    assert_eq!(first[0].status(), "created");
    assert_eq!(first[0].guid().map(str::len), Some(36));
    let again = sync_opps(
        &c,
        vec![
            json!({"externalOpportunityId": "O1", "name": "Chairs"}),
            json!({"externalOpportunityId": "O2", "name": "Desks"}),
        ],
        create_only,
    )
    .await;
    assert_eq!(reason(&again[0]), (1017, "Object already exists".into()));
    assert_eq!(again[1].status(), "created");
}

#[tokio::test(start_paused = true)]
async fn opportunities_sync_update_only_by_guid_updates_and_skips_unknown_guids_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let guid = deal(&c).await;
    let out = sync_opps(
        &c,
        vec![
            json!({"marketoGUID": guid, "stage": "Closed"}),
            json!({"marketoGUID": "no-such-guid", "stage": "x"}),
        ],
        options(SyncAction::UpdateOnly, KeyBy::IdField),
    )
    .await;
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("updated", Some(guid.as_str()))
    );
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let got: Vec<Record> = c
        .objects(Opportunities)
        .get(
            "marketoGUID",
            vec![guid.clone()],
            &["name", "stage", "amount"],
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(
        (&got[0]["name"], &got[0]["stage"], &got[0]["amount"]),
        (&json!("Chairs"), &json!("Closed"), &json!(1604.47))
    );
}

#[tokio::test(start_paused = true)]
async fn opportunities_sync_create_or_update_in_input_order_and_a_new_one_without_a_name_is_1003() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let guid = deal(&c).await;
    let out = sync_opps(
        &c,
        vec![
            json!({"externalOpportunityId": "O2", "name": "Desks"}),
            json!({"externalOpportunityId": "O1", "stage": "Won"}),
            json!({"externalOpportunityId": "O9"}),
        ],
        options(SyncAction::CreateOrUpdate, KeyBy::DedupeFields),
    )
    .await;
    assert_eq!(out[0].status(), "created");
    assert_eq!(
        (out[1].status(), out[1].guid()),
        ("updated", Some(guid.as_str()))
    );
    assert_eq!(reason(&out[2]), (1003, "Invalid data".into()));
}

#[tokio::test(start_paused = true)]
async fn opportunities_get_by_external_id_reads_301_values_in_two_calls_with_default_fields() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let input: Vec<Value> = (0..301)
        .map(|i| json!({"externalOpportunityId": format!("P{i}"), "name": format!("Deal {i}")}))
        .collect();
    let out = sync_opps(&c, input, Default::default()).await;
    assert_eq!(out.iter().filter(|o| o.status() == "created").count(), 301);
    let ids: Vec<String> = (0..301).map(|i| format!("P{i}")).collect();
    let got: Vec<Record> = c
        .objects(Opportunities)
        .get("externalOpportunityId", ids, &[])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 301);
    assert_eq!(got[300]["externalOpportunityId"], "P300");
    let gets = calls_to(&emu, OPPS)
        .into_iter()
        .filter(|r| r.method == "GET")
        .count();
    assert_eq!(gets, 2, "300 values a call");
    assert!(got[0].contains_key("marketoGUID") && got[0].contains_key("createdAt"));
    assert!(!got[0].contains_key("name"), "name is not a default field");
}

#[tokio::test(start_paused = true)]
async fn opportunities_delete_by_guid_and_by_dedupe_fields_skips_unknown_ones_with_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let guid = deal(&c).await;
    sync_opps(
        &c,
        vec![json!({"externalOpportunityId": "O2", "name": "x"})],
        Default::default(),
    )
    .await;
    let out = c
        .objects(Opportunities)
        .delete_by_id([guid.clone(), guid.clone()])
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", Some(guid.as_str()))
    );
    assert_eq!(reason(&out[1]).0, 1013);
    let out = c
        .objects(Opportunities)
        .delete(
            records(vec![json!({"externalOpportunityId": "O2"})]),
            KeyBy::DedupeFields,
        )
        .await
        .unwrap();
    assert_eq!(out[0].status(), "deleted");
}

#[tokio::test(start_paused = true)]
async fn code_718_unknown_sales_person_fails_every_record_of_the_call_with_the_code() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let out = sync_opps(
        &c,
        vec![
            json!({"externalOpportunityId": "A", "name": "valid"}),
            json!({"externalOpportunityId": "B", "name": "b", "externalSalesPersonId": "ghost"}),
        ],
        Default::default(),
    )
    .await;
    for o in &out {
        let e = o.error().expect("failed");
        assert_eq!(
            (e.kind(), e.code(), e.message()),
            (
                ErrorKind::Request,
                Some(718),
                "ExternalSalesPersonID not found"
            )
        );
    }
    assert_eq!(calls_to(&emu, OPPS).len(), 1, "not retried");
    let got: Vec<Record> = c
        .objects(Opportunities)
        .get("externalOpportunityId", vec!["A".into(), "B".into()], &[])
        .try_collect()
        .await
        .unwrap();
    assert!(got.is_empty(), "nothing of the call applied");
}

#[tokio::test(start_paused = true)]
async fn code_1022_an_opportunity_with_roles_is_skipped_by_delete_until_its_roles_go() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    deal(&c).await;
    let role = json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Buyer"});
    sync_roles(&c, vec![role.clone()], Default::default()).await;
    let key = || records(vec![json!({"externalOpportunityId": "O1"})]);
    let out = c
        .objects(Opportunities)
        .delete(key(), KeyBy::DedupeFields)
        .await
        .unwrap();
    assert_eq!(reason(&out[0]), (1022, "Object in use".into()));
    let gone = c
        .objects(OpportunityRoles)
        .delete(records(vec![role]), KeyBy::DedupeFields)
        .await
        .unwrap();
    assert_eq!(gone[0].status(), "deleted");
    let out = c
        .objects(Opportunities)
        .delete(key(), KeyBy::DedupeFields)
        .await
        .unwrap();
    assert_eq!(out[0].status(), "deleted");
}

#[tokio::test(start_paused = true)]
async fn opportunity_roles_describe_gives_the_compound_dedupe_key() {
    let emu = emulator(|b| b).await;
    let d = client(&emu)
        .objects(OpportunityRoles)
        .describe()
        .await
        .unwrap();
    assert_eq!(d.name, "opportunityRole");
    assert_eq!(d.id_field, "marketoGUID");
    assert_eq!(d.dedupe_fields, ["externalOpportunityId", "leadId", "role"]);
    assert!(d.searchable_fields.contains(&vec!["leadId".to_owned()]));
}

#[tokio::test(start_paused = true)]
async fn opportunity_roles_sync_creates_then_updates_by_the_compound_key_and_skips_1004_and_1013() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    deal(&c).await;
    let created = sync_roles(
        &c,
        vec![json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Technical Buyer", "isPrimary": false})],
        options(SyncAction::CreateOnly, KeyBy::DedupeFields),
    )
    .await;
    assert_eq!(created[0].status(), "created");
    let out = sync_roles(
        &c,
        vec![
            json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Technical Buyer", "isPrimary": true}),
            json!({"externalOpportunityId": "O1", "leadId": 99, "role": "Buyer"}),
            json!({"externalOpportunityId": "nope", "leadId": 1, "role": "Buyer"}),
        ],
        Default::default(),
    )
    .await;
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("updated", created[0].guid())
    );
    assert_eq!(reason(&out[1]), (1004, "Lead not found".into()));
    assert_eq!(reason(&out[2]), (1013, "Record not found".into()));
    let by_guid = sync_roles(
        &c,
        vec![json!({"marketoGUID": created[0].guid().unwrap(), "isPrimary": false})],
        options(SyncAction::UpdateOnly, KeyBy::IdField),
    )
    .await;
    assert_eq!(by_guid[0].status(), "updated");
}

#[tokio::test(start_paused = true)]
async fn opportunity_roles_get_by_lead_and_delete_by_compound_key_and_by_guid() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    deal(&c).await;
    let roles = sync_roles(
        &c,
        vec![
            json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Captain"}),
            json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Commander"}),
        ],
        Default::default(),
    )
    .await;
    let got: Vec<Record> = c
        .objects(OpportunityRoles)
        .get("leadId", vec!["1".into()], &["role"])
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&Value> = got.iter().map(|r| &r["role"]).collect();
    assert_eq!(names, ["Captain", "Commander"]);
    let out = c
        .objects(OpportunityRoles)
        .delete(
            records(vec![
                json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Captain"}),
                json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Pilot"}),
            ]),
            KeyBy::DedupeFields,
        )
        .await
        .unwrap();
    assert_eq!(out[0].status(), "deleted");
    assert_eq!(reason(&out[1]), (1013, "Record not found".into()));
    let guid = roles[1].guid().unwrap().to_owned();
    let out = c
        .objects(OpportunityRoles)
        .delete_by_id([guid.clone()])
        .await
        .unwrap();
    assert_eq!(
        (out[0].status(), out[0].guid()),
        ("deleted", Some(guid.as_str()))
    );
}

#[tokio::test(start_paused = true)]
async fn code_1018_opportunities_and_roles_are_skipped_under_a_native_crm_sync() {
    let emu = emulator_with_config("[crm]\nnative_sync = true\n", |b| b).await;
    let c = client(&emu);
    let out = sync_opps(
        &c,
        vec![json!({"externalOpportunityId": "O1", "name": "n"})],
        Default::default(),
    )
    .await;
    assert_eq!(reason(&out[0]), (1018, "CRM Enabled".into()));
    let out = sync_roles(
        &c,
        vec![json!({"externalOpportunityId": "O1", "leadId": 1, "role": "r"})],
        Default::default(),
    )
    .await;
    assert_eq!(reason(&out[0]), (1018, "CRM Enabled".into()));
    let out = c
        .objects(Opportunities)
        .delete(
            records(vec![json!({"externalOpportunityId": "O1"})]),
            KeyBy::DedupeFields,
        )
        .await
        .unwrap();
    assert_eq!(reason(&out[0]).0, 1018);
}

#[tokio::test(start_paused = true)]
async fn opportunity_roles_get_by_compound_keys_travels_as_post_with_method_get() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    deal(&c).await;
    sync_roles(
        &c,
        vec![
            json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Captain", "isPrimary": true}),
            json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Commander"}),
        ],
        Default::default(),
    )
    .await;
    let keys = records(vec![
        json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Captain"}),
        json!({"externalOpportunityId": "O1", "leadId": 7, "role": "Captain"}),
    ]);
    let got: Vec<Record> = c
        .objects(OpportunityRoles)
        .get_by_keys(keys, &["role", "isPrimary"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(
        (&got[0]["role"], &got[0]["isPrimary"]),
        (&json!("Captain"), &json!(true))
    );
    let reads: Vec<_> = calls_to(&emu, "/rest/v1/opportunities/roles.json")
        .into_iter()
        .filter(|r| r.query.as_deref() == Some("_method=GET"))
        .collect();
    assert_eq!(reads.len(), 1);
    assert_eq!((reads[0].method.as_str(), reads[0].status), ("POST", 200));
}
