//! Record-level codes: skipped outcomes with their reasons, one outcome per input record, in order.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::{Client, ErrorKind, Lead, SyncAction, SyncOptions};
use marketo_emulator::config::ApiUser;
use serde_json::json;

fn rec(v: serde_json::Value) -> Lead {
    v.as_object().cloned().unwrap()
}

async fn sync(
    client: &Client,
    records: Vec<Lead>,
    action: SyncAction,
) -> Vec<marketo_client::RecordOutcome> {
    client
        .leads()
        .sync(
            records,
            SyncOptions {
                action,
                ..SyncOptions::default()
            },
        )
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn code_1003_invalid_value_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let out = sync(
        &client(&emu),
        vec![
            rec(json!({"email": "b@example.com", "boolean_field": "maybe"})),
            lead("ok@example.com"),
        ],
        SyncAction::CreateOrUpdate,
    )
    .await;
    assert_eq!(
        reason(&out[0]),
        (1003, "Invalid value for field 'boolean_field'".into())
    );
    assert_eq!(out[1].status(), "created");
}

#[tokio::test(start_paused = true)]
async fn code_1004_lead_not_found_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let out = sync(
        &client(&emu),
        vec![lead("ghost@example.com")],
        SyncAction::UpdateOnly,
    )
    .await;
    assert_eq!(reason(&out[0]), (1004, "Lead not found".into()));
    let del = client(&emu).leads().delete(&[424242]).await.unwrap();
    assert_eq!(reason(&del[0]).0, 1004);
}

#[tokio::test(start_paused = true)]
async fn code_1005_lead_already_exists_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let out = sync(
        &client(&emu),
        vec![lead("k@example.com"), lead("K@example.com")],
        SyncAction::CreateOnly,
    )
    .await;
    assert_eq!(out[0].status(), "created");
    assert_eq!(reason(&out[1]), (1005, "Lead already exists".into()));
}

#[tokio::test(start_paused = true)]
async fn code_1006_unknown_field_skips_and_unknown_lookup_field_fails_the_call() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let out = sync(
        &c,
        vec![rec(
            json!({"email": "a@example.com", "favouriteColour": "blue"}),
        )],
        SyncAction::CreateOrUpdate,
    )
    .await;
    assert_eq!(
        reason(&out[0]),
        (1006, "Field 'favouriteColour' not found".into())
    );
    let opts = SyncOptions {
        lookup_field: Some("userId".into()),
        ..SyncOptions::default()
    };
    let out = c
        .leads()
        .sync(vec![lead("a@example.com")], opts)
        .await
        .unwrap();
    let e = out[0].error().expect("the call failed");
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1006)));
    assert_eq!(
        calls_to(&emu, "/rest/v1/leads.json").len(),
        2,
        "not retried"
    );
}

#[tokio::test(start_paused = true)]
async fn code_1007_multiple_leads_match_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(
        &c,
        vec![lead("twin@example.com"), lead("twin@example.com")],
        SyncAction::CreateDuplicate,
    )
    .await;
    let out = sync(
        &c,
        vec![rec(json!({"email": "twin@example.com", "firstName": "T"}))],
        SyncAction::CreateOrUpdate,
    )
    .await;
    assert_eq!(
        reason(&out[0]),
        (1007, "Multiple leads match the lookup criteria".into())
    );
}

#[tokio::test(start_paused = true)]
async fn code_1008_access_denied_to_partition_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let opts = SyncOptions {
        partition: Some("Mars".into()),
        ..SyncOptions::default()
    };
    let out = client(&emu)
        .leads()
        .sync(vec![lead("a@example.com")], opts)
        .await
        .unwrap();
    assert_eq!(
        reason(&out[0]),
        (1008, "Access denied to partition 'Mars'".into())
    );
}

#[tokio::test(start_paused = true)]
async fn code_1009_partition_name_must_be_specified_is_a_skipped_outcome() {
    let europe = ApiUser {
        partitions: Some(vec!["Europe".into()]),
        ..ApiUser::full("europe", "europe-secret")
    };
    let emu = emulator(|b| b.user(europe)).await;
    let c = Client::builder()
        .endpoint(emu.url())
        .credentials("europe", "europe-secret")
        .build()
        .unwrap();
    let out = sync(&c, vec![lead("a@example.com")], SyncAction::CreateOrUpdate).await;
    assert_eq!(
        reason(&out[0]),
        (1009, "Partition name must be specified".into())
    );
}

#[tokio::test(start_paused = true)]
async fn code_1010_partition_update_not_allowed_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let eu = SyncOptions {
        partition: Some("Europe".into()),
        ..SyncOptions::default()
    };
    c.leads()
        .sync(vec![lead("eu@example.com")], eu)
        .await
        .unwrap();
    let default = SyncOptions {
        partition: Some("Default".into()),
        ..SyncOptions::default()
    };
    let out = c
        .leads()
        .sync(
            vec![rec(json!({"email": "eu@example.com", "firstName": "E"}))],
            default,
        )
        .await
        .unwrap();
    assert_eq!(
        reason(&out[0]),
        (1010, "Partition update not allowed".into())
    );
}

#[tokio::test(start_paused = true)]
async fn code_1011_field_not_supported_skips_a_sync_and_fails_a_filter() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let opts = SyncOptions {
        lookup_field: Some("firstName".into()),
        ..SyncOptions::default()
    };
    let out = c
        .leads()
        .sync(
            vec![rec(json!({"email": "a@example.com", "firstName": "A"}))],
            opts,
        )
        .await
        .unwrap();
    assert_eq!(
        reason(&out[0]),
        (1011, "Field 'firstName' not supported".into())
    );
    let r: Result<Vec<_>, _> = c
        .leads()
        .by_filter("firstName", vec!["Ann".into()], &[])
        .try_collect()
        .await;
    assert_eq!(r.unwrap_err().code(), Some(1011));
}

#[tokio::test(start_paused = true)]
async fn code_1012_invalid_cookie_fails_the_filter_stream() {
    let emu = emulator(|b| b).await;
    let r: Result<Vec<_>, _> = client(&emu)
        .leads()
        .by_filter("cookies", vec!["not-a-cookie".into()], &[])
        .try_collect()
        .await;
    let e = r.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1012)));
    assert_eq!(calls_to(&emu, "/rest/v1/leads.json").len(), 1);
}

#[tokio::test(start_paused = true)]
async fn code_1021_company_update_not_allowed_is_a_skipped_outcome() {
    let emu = emulator(|b| b).await;
    let out = sync(
        &client(&emu),
        vec![
            rec(
                json!({"email": "a@example.com", "externalCompanyId": "ACME-1", "company": "Acme"}),
            ),
            rec(json!({"email": "b@example.com", "company": "Solo"})),
        ],
        SyncAction::CreateOrUpdate,
    )
    .await;
    assert_eq!(reason(&out[0]), (1021, "Company update not allowed".into()));
    assert_eq!(out[1].status(), "created");
}

#[tokio::test(start_paused = true)]
async fn every_input_record_gets_exactly_one_outcome_in_input_order() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    sync(&c, leads("exists", 400), SyncAction::CreateOnly).await;
    // 1,000 records over 4 batches: every third already exists, every seventh has a bad value.
    let input: Vec<Lead> = (0..1_000)
        .map(|i| {
            let email = if i % 3 == 0 {
                format!("exists{i}@example.com")
            } else {
                format!("new{i}@example.com")
            };
            if i % 7 == 0 {
                rec(json!({"email": email, "boolean_field": "maybe"}))
            } else {
                lead(&email)
            }
        })
        .collect();
    let out = sync(&c, input, SyncAction::CreateOnly).await;
    assert_eq!(out.len(), 1_000);
    for (i, o) in out.iter().enumerate() {
        let expected = if i % 7 == 0 {
            "1003"
        } else if i % 3 == 0 && i < 400 {
            "1005"
        } else {
            "created"
        };
        let got = match o.reasons().first() {
            Some(r) => r.code.to_string(),
            None => o.status().to_owned(),
        };
        assert_eq!(got, expected, "record {i}");
    }
    assert_eq!(c.usage_snapshot().records_done, 1_400);
}

#[tokio::test(start_paused = true)]
async fn get_and_describe_read_what_sync_wrote() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let out = sync(
        &c,
        vec![rec(json!({"email": "abe@usa.gov", "firstName": "Abraham"}))],
        SyncAction::CreateOrUpdate,
    )
    .await;
    let id = out[0].id().unwrap();
    let lead = c
        .leads()
        .get(id, &["email", "firstName"])
        .await
        .unwrap()
        .expect("found");
    assert_eq!(lead["firstName"], "Abraham");
    assert!(c.leads().get(id + 1000, &[]).await.unwrap().is_none());
    assert!(c
        .leads()
        .describe()
        .await
        .unwrap()
        .iter()
        .any(|f| f.rest.as_ref().is_some_and(|r| r.name == "email")));
    assert!(!c.leads().describe2().await.unwrap()[0].fields.is_empty());
    let del = c.leads().delete(&[id]).await.unwrap();
    assert_eq!(del[0].status(), "deleted");
}
