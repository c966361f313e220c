//! Catalogued codes the emulator produces only by fault rules (their endpoints are not emulated): the client
//! handles each as the catalogue says. Response-level codes that call for fixing the request fail the records
//! with the code at once, never retried; 702 in a search is an empty result; record-level codes are `Skipped`
//! outcomes with the exact code and message while the other records of the batch stand.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::{ErrorKind, SyncOptions};
use marketo_emulator::FaultRule;
use marketo_types::codes::{self, Handling, Level};

const SYNC: &str = "/rest/v1/leads.json";

/// A response-level code that calls for fixing the request, answered by Sync Leads on every call: each record
/// fails with ErrorKind::Request, the code and Marketo's message, after one call and no retry.
async fn refused(code: u16) {
    let info = codes::lookup(code).expect("catalogued");
    assert_eq!(
        (info.level, info.handling),
        (Level::Response, Handling::FixRequest)
    );
    let emu = emulator(|b| b.fault(FaultRule::error("POST", SYNC, code))).await;
    let client = client(&emu);
    let out = client
        .leads()
        .sync(leads("f", 3), SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(out.len(), 3);
    for o in &out {
        let e = o.error().expect("failed");
        assert_eq!(
            (e.kind(), e.code()),
            (ErrorKind::Request, Some(code)),
            "{o:?}"
        );
        assert_eq!(e.message(), info.message);
        assert!(e.request_id().is_some());
    }
    assert_eq!(calls_to(&emu, SYNC).len(), 1, "never retried");
    assert_eq!(answered(&emu, code), 1);
    assert_eq!(client.usage_snapshot().retries, 0);
}

/// A record-level code on the first record of a batch of three: that record is Skipped with the exact code and
/// message (and no id, as Marketo sends skipped leads); the other two are created; one call, no retry.
async fn skipped(code: u16) {
    let info = codes::lookup(code).expect("catalogued");
    assert_eq!(
        (info.level, info.handling),
        (Level::Record, Handling::RecordSkipped)
    );
    let emu = emulator(|b| {
        b.fault(
            FaultRule::record_error("POST", SYNC, code)
                .records(1)
                .times(1),
        )
    })
    .await;
    let client = client(&emu);
    let out = client
        .leads()
        .sync(leads("s", 3), SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(out.len(), 3);
    assert_eq!(reason(&out[0]), (code, info.message.to_owned()));
    assert_eq!(out[0].id(), None);
    assert!(!out[0].is_done());
    for o in &out[1..] {
        assert_eq!(o.status(), "created", "{o:?}");
        assert!(o.id().is_some());
    }
    assert_eq!(calls_to(&emu, SYNC).len(), 1, "a skip is not retried");
    assert_eq!(client.usage_snapshot().retries, 0);
}

#[tokio::test(start_paused = true)]
async fn code_702_no_data_in_a_search_is_an_empty_result() {
    let message = codes::lookup(702).expect("catalogued").message;
    assert_eq!(
        codes::classify(702, message).handling,
        Handling::TreatAsEmpty
    );
    let emu = emulator(|b| b).await;
    let client = client(&emu);
    let created = client
        .leads()
        .sync(vec![lead("found@example.com")], SyncOptions::default())
        .await
        .unwrap();
    assert_eq!(created[0].status(), "created");
    emu.add_fault(FaultRule::error("GET", SYNC, 702).times(1));
    let search = || {
        client
            .leads()
            .by_filter("email", vec!["found@example.com".into()], &[])
            .try_collect::<Vec<_>>()
    };
    let empty = search().await.expect("702 is not a failure");
    assert!(empty.is_empty(), "{empty:?}");
    assert_eq!(answered(&emu, 702), 1);
    assert_eq!(client.usage_snapshot().retries, 0, "not retried");
    let found = search().await.unwrap();
    assert_eq!(
        found.len(),
        1,
        "the same search finds the lead once the fault is gone"
    );
}

#[tokio::test(start_paused = true)]
async fn code_616_invalid_subscription_type_is_not_retried() {
    refused(616).await;
}

#[tokio::test(start_paused = true)]
async fn code_703_feature_not_enabled_is_not_retried() {
    refused(703).await;
}

#[tokio::test(start_paused = true)]
async fn code_709_business_rule_violation_is_not_retried() {
    refused(709).await;
}

#[tokio::test(start_paused = true)]
async fn code_710_parent_folder_not_found_is_not_retried() {
    refused(710).await;
}

#[tokio::test(start_paused = true)]
async fn code_711_incompatible_folder_type_is_not_retried() {
    refused(711).await;
}

#[tokio::test(start_paused = true)]
async fn code_712_merge_to_person_account_invalid_is_not_retried() {
    refused(712).await;
}

#[tokio::test(start_paused = true)]
async fn code_714_no_default_record_type_is_not_retried() {
    refused(714).await;
}

#[tokio::test(start_paused = true)]
async fn code_718_external_sales_person_id_not_found_is_not_retried() {
    refused(718).await;
}

#[tokio::test(start_paused = true)]
async fn code_1014_failed_to_create_object_is_a_skipped_outcome() {
    skipped(1014).await;
}

#[tokio::test(start_paused = true)]
async fn code_1017_object_already_exists_is_a_skipped_outcome() {
    skipped(1017).await;
}

#[tokio::test(start_paused = true)]
async fn code_1018_crm_enabled_is_a_skipped_outcome() {
    skipped(1018).await;
}

#[tokio::test(start_paused = true)]
async fn code_1020_too_many_clone_to_program_is_a_skipped_outcome() {
    skipped(1020).await;
}

#[tokio::test(start_paused = true)]
async fn code_1022_object_in_use_is_a_skipped_outcome() {
    skipped(1022).await;
}

#[tokio::test(start_paused = true)]
async fn code_1025_program_status_not_found_is_a_skipped_outcome() {
    skipped(1025).await;
}

#[tokio::test(start_paused = true)]
async fn code_1026_custom_object_not_enabled_is_a_skipped_outcome() {
    skipped(1026).await;
}

#[tokio::test(start_paused = true)]
async fn code_1027_max_activity_type_limit_is_a_skipped_outcome() {
    skipped(1027).await;
}

#[tokio::test(start_paused = true)]
async fn code_1028_max_field_limit_is_a_skipped_outcome() {
    skipped(1028).await;
}

#[tokio::test(start_paused = true)]
async fn code_1036_duplicate_object_in_input_is_a_skipped_outcome() {
    skipped(1036).await;
}

#[tokio::test(start_paused = true)]
async fn code_1037_lead_was_skipped_is_a_skipped_outcome() {
    skipped(1037).await;
}

#[tokio::test(start_paused = true)]
async fn code_1042_invalid_run_at_date_is_a_skipped_outcome() {
    skipped(1042).await;
}

#[tokio::test(start_paused = true)]
async fn code_1048_discard_draft_failed_is_a_skipped_outcome() {
    skipped(1048).await;
}

#[tokio::test(start_paused = true)]
async fn code_1049_failed_to_create_activity_is_a_skipped_outcome() {
    skipped(1049).await;
}

#[tokio::test(start_paused = true)]
async fn code_1076_merge_in_crm_is_a_skipped_outcome() {
    skipped(1076).await;
}

#[tokio::test(start_paused = true)]
async fn code_1077_merge_field_length_is_a_skipped_outcome() {
    skipped(1077).await;
}

#[tokio::test(start_paused = true)]
async fn code_1078_merge_failed_in_crm_is_a_skipped_outcome() {
    skipped(1078).await;
}

#[tokio::test(start_paused = true)]
async fn code_1079_merge_purl_conflict_is_a_skipped_outcome() {
    skipped(1079).await;
}

#[tokio::test(start_paused = true)]
async fn code_1080_too_many_lead_ids_in_merge_is_a_skipped_outcome() {
    skipped(1080).await;
}
