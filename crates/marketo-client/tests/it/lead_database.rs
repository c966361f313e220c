//! The Lead Database calls beyond sync and get, through the client against the emulator: lists, lead fields,
//! partitions, merge, associate, push, submit form, membership reads, deleted leads, custom activities.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::endpoints::{
    AttributeChange, FormSubmission, ListFilter, PushOptions, TypeSpec,
};
use marketo_client::{ErrorKind, SyncOptions};
use marketo_types::lead_database::{CustomAttribute, FieldUpdate, NewField};
use serde_json::json;

const COOKIE: &str = "id:287-GTJ-838&token:_mch-marketo.com-1396310362214-46169";

#[tokio::test(start_paused = true)]
async fn get_lists_and_get_list_by_id() {
    let emu = emulator(|b| b).await;
    emu.seed(
        json!({"lists": [{"id": 1, "name": "A", "programName": "P"}, {"id": 2, "name": "B"}]}),
    )
    .unwrap();
    let c = client(&emu);
    let all: Vec<_> = c
        .lists()
        .find(&ListFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let by_program: Vec<_> = c
        .lists()
        .find(&ListFilter {
            programs: vec!["P".into()],
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(by_program[0].id, 1);
    assert_eq!(c.lists().get(2).await.unwrap().name, "B");
    let e = c.lists().get(99).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1013)));
}

#[tokio::test(start_paused = true)]
async fn lead_fields_list_get_create_update() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let created = c
        .lead_fields()
        .create(&[NewField {
            name: "loyaltyTier".into(),
            display_name: "Loyalty Tier".into(),
            data_type: "integer".into(),
            ..Default::default()
        }])
        .await
        .unwrap();
    assert_eq!(created[0].status, "created");
    let f = c.lead_fields().get("loyaltyTier").await.unwrap();
    assert!(f.is_custom && f.is_api_created);
    let all: Vec<_> = c.lead_fields().list().try_collect().await.unwrap();
    assert!(all.iter().any(|f| f.name == "email"));
    let updated = c
        .lead_fields()
        .update(
            "loyaltyTier",
            &FieldUpdate {
                description: Some("tier".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.status, "updated");
    let e = c.lead_fields().get("nope").await.unwrap_err();
    assert_eq!(e.code(), Some(1006));
}

#[tokio::test(start_paused = true)]
async fn partitions_merge_associate_and_membership_reads() {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"lists": [{"id": 7, "name": "L"}]}))
        .unwrap();
    let c = client(&emu);
    let ids: Vec<i64> = c
        .leads()
        .sync(leads("m", 3), SyncOptions::default())
        .await
        .unwrap()
        .iter()
        .map(|o| o.id().unwrap())
        .collect();
    assert_eq!(c.leads().partitions().await.unwrap()[0].name, "Default");
    let moved = c
        .leads()
        .move_to_partitions(&[(ids[0], "Default"), (ids[0], "Mars")])
        .await
        .unwrap();
    assert_eq!(moved[0].status(), "updated");
    assert_eq!(reason(&moved[1]).0, 1008);
    c.lists().add(7, &[ids[1]]).await.unwrap();
    c.leads().merge(ids[0], &ids[1..], false).await.unwrap();
    let lists: Vec<_> = c.leads().lists_of(ids[0]).try_collect().await.unwrap();
    assert_eq!(lists[0].id, 7, "the loser's membership moved to the winner");
    assert!(c.leads().programs_of(ids[0]).await.unwrap().is_empty());
    assert!(c.leads().campaigns_of(ids[0]).await.unwrap().is_empty());
    c.leads().associate(ids[0], COOKIE).await.unwrap();
    let e = c.leads().associate(ids[0], "garbage").await.unwrap_err();
    assert_eq!(e.code(), Some(1012));
    let too_many: Vec<i64> = (100..126).collect();
    let e = c.leads().merge(ids[0], &too_many, false).await.unwrap_err();
    assert_eq!(e.code(), Some(1080));
}

#[tokio::test(start_paused = true)]
async fn push_submit_form_and_deleted_leads() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let pushed = c
        .leads()
        .push(
            leads("p", 2),
            &PushOptions {
                program_name: "Launch".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_all_created_once(&pushed, 2);
    let mut fields = serde_json::Map::new();
    fields.insert("email".into(), "form@example.com".into());
    let submitted = c
        .leads()
        .submit_form(&FormSubmission {
            form_id: 1029,
            fields,
            cookie: Some(COOKIE.into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(submitted.status(), "created");
    let ids: Vec<i64> = pushed.iter().map(|o| o.id().unwrap()).collect();
    c.leads().delete(&ids).await.unwrap();
    let token = c.activities().paging_token("2000-01-01").await.unwrap();
    let deleted: Vec<_> = c
        .activities()
        .deleted_leads(token)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(deleted.iter().map(|a| a.lead_id).collect::<Vec<_>>(), ids);
}

#[tokio::test(start_paused = true)]
async fn custom_activity_types_and_added_activities() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let lead = c
        .leads()
        .sync(leads("c", 1), SyncOptions::default())
        .await
        .unwrap()[0]
        .id()
        .unwrap();
    let attr = |api: &str| CustomAttribute {
        api_name: api.into(),
        name: api.to_uppercase(),
        description: None,
        data_type: "string".into(),
        is_primary: None,
    };
    let ca = c.custom_activities();
    let t = ca
        .create(&TypeSpec {
            api_name: Some("attend".into()),
            name: Some("Attend".into()),
            trigger_name: Some("Attends".into()),
            filter_name: Some("Attended".into()),
            primary_attribute: Some(attr("event")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(t.status, "draft");
    ca.attributes("attend", AttributeChange::Create, &[attr("room")])
        .await
        .unwrap();
    let approved = ca.approve("attend").await.unwrap();
    assert_eq!(approved.status, "approved");
    let e = ca.approve("attend").await.unwrap_err();
    assert_eq!(e.code(), Some(709));
    ca.update(
        "attend",
        &TypeSpec {
            name: Some("Attend!".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(ca.describe("attend", true).await.unwrap().name, "Attend!");
    assert_eq!(ca.discard_draft("attend").await.unwrap().status, "approved");
    assert_eq!(ca.types().await.unwrap().len(), 1);
    let activity = |lead: i64| {
        json!({"leadId": lead, "activityDate": "2026-03-09T10:00:00Z", "activityTypeId": approved.id,
               "primaryAttributeValue": "Conf", "attributes": [{"apiName": "room", "value": "A"}]})
    };
    let as_map = |v: serde_json::Value| v.as_object().cloned().unwrap();
    let out = ca
        .add(vec![as_map(activity(lead)), as_map(activity(999))])
        .await
        .unwrap();
    assert_eq!(out[0].status(), "added");
    assert_eq!(reason(&out[1]).0, 1004);
    ca.delete("attend").await.unwrap();
    assert!(ca.types().await.unwrap().is_empty());
}
