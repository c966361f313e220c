//! Round-trips of the real bodies quoted in `shared/reference/wire-facts.md` and the documented examples of
//! `shared/reference/marketo-docs/`: parse, serialize, compare as JSON.

mod activity;
mod asset;
mod bulk;
mod stats;

use crate::envelope::{Envelope, Warning};
use crate::record::{RecordResult, RecordStatus};
use serde_json::Value;

pub(crate) fn round_trip<T>(body: &str) -> Envelope<T>
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    let env: Envelope<T> = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    let back = serde_json::to_value(&env).unwrap();
    let orig: Value = serde_json::from_str(body).unwrap();
    assert_eq!(back, orig, "round trip changed the body");
    env
}

#[test]
fn sync_created() {
    let env = round_trip::<RecordResult>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"id":50,"status":"created"},{"id":51,"status":"created"},{"id":52,"status":"created"}]}"#,
    );
    assert!(env.success);
    assert_eq!(env.results().len(), 3);
    assert_eq!(env.results()[2].id, Some(52));
}

#[test]
fn skipped_lead_has_no_id() {
    let env = round_trip::<RecordResult>(
        r#"{"requestId":"392b#1743e0cf5e0","result":[{"status":"skipped","reasons":[{"code":"1003","message":"Invalid value for field 'boolean_field'"}]}],"success":true}"#,
    );
    let r = &env.results()[0];
    assert_eq!(r.status, RecordStatus::Skipped);
    assert_eq!(r.id, None);
    assert_eq!(r.reasons()[0].code.value(), 1003);
}

#[test]
fn mixed_updated_and_skipped() {
    let env = round_trip::<RecordResult>(
        r#"{"requestId":"70ce#1743e0d1221","result":[{"id":1141,"status":"updated"},{"status":"skipped","reasons":[{"code":"1003","message":"Invalid value for field 'email_field'"}]}],"success":true}"#,
    );
    assert_eq!(env.results()[0].status, RecordStatus::Updated);
}

#[test]
fn response_level_errors() {
    for body in [
        r#"{"requestId":"99c1#160453ebe60","success":false,"errors":[{"code":"600","message":"Access token not specified"}]}"#,
        r#"{"requestId":"68d8#1846058ee27","success":false,"errors":[{"code":"601","message":"Access token invalid"}]}"#,
        r#"{"requestId":"d2ca#18c0b9833bf","success":false,"errors":[{"code":"1029","message":"Export daily quota 500MB exceeded."}]}"#,
        r#"{"requestId":"142e4#1835b117b76","success":false,"errors":[{"code":"1006","message":"Lookup field 'userId' not found"}]}"#,
    ] {
        let env = round_trip::<Value>(body);
        assert!(!env.success);
        assert_eq!(env.errors().len(), 1);
        let e = &env.errors()[0];
        let c = crate::codes::classify(e.code.value(), &e.message);
        assert!(c.info.is_some(), "{} is catalogued", e.code);
    }
}

#[test]
fn list_membership_statuses() {
    let env = round_trip::<RecordResult>(
        r#"{"requestId":"693a#17061475cf9","result":[{"id":309901,"status":"memberof"},{"id":318603,"status":"notmemberof"},{"id":999999,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}],"success":true}"#,
    );
    let statuses: Vec<_> = env.results().iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            RecordStatus::Memberof,
            RecordStatus::Notmemberof,
            RecordStatus::Skipped
        ]
    );
    round_trip::<RecordResult>(
        r#"{"requestId":"b6d1#18a8d2c10e7","result":[{"id":110,"status":"skipped","reasons":[{"code":"1015","message":"Lead not in list"}]},{"id":111,"status":"removed"},{"id":112,"status":"removed"}],"success":true}"#,
    );
    round_trip::<RecordResult>(
        r#"{"requestId":"6860#1706170ba29","result":[{"id":318594,"status":"added"},{"id":318595,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}],"success":true}"#,
    );
    round_trip::<RecordResult>(
        r#"{"requestId":"3608#16664333670","result":[{"id":235,"status":"deleted"},{"id":766,"status":"deleted"}],"success":true}"#,
    );
}

#[test]
fn seq_and_guid_on_non_lead_objects() {
    let env = round_trip::<RecordResult>(
        r#"{"requestId":"e42b#14272d07d78","success":true,"result":[{"seq":0,"status":"updated","marketoGUID":"dff23271-f996-47d7-984f-f2676861b5fb"},{"seq":1,"status":"created","marketoGUID":"cff23271-f996-47d7-984f-f2676861b5fb"},{"seq":2,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]}"#,
    );
    assert_eq!(env.results()[2].seq, Some(2));
}

#[test]
fn paging_fields_and_lead_values() {
    let env = round_trip::<Value>(
        r#"{"requestId":"24fd#15188a88d7f","result":[{"id":102988,"leadId":1,"activityTypeId":1}],"success":true,"nextPageToken":"WQV2VQVPPCKHC6AQYVK7JDSA3J62DUSJ3EXJGDPTKPEBFW3SAVUA====","moreResult":false}"#,
    );
    assert_eq!(env.more_result, Some(false));
    assert!(env.next_page_token.is_some());
    let env = round_trip::<Value>(
        r#"{"requestId":"1607c#14884f3e74e","success":true,"nextPageToken":"GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBQ"}"#,
    );
    assert!(env.result.is_none());
    round_trip::<Value>(r#"{"requestId":"7d09#1743e0cd5ae","result":[],"success":true}"#);
}

#[test]
fn warnings_in_both_forms() {
    let env = round_trip::<Value>(
        r#"{"success":true,"errors":[],"requestId":"1#1","warnings":["No assets found for the given search criteria."],"result":[]}"#,
    );
    assert_eq!(
        env.warnings()[0],
        Warning::Text("No assets found for the given search criteria.".into())
    );
    assert!(env.errors().is_empty());
    let env: Envelope<Value> = serde_json::from_str(
        r#"{"requestId":"1#1","success":true,"warnings":[{"code":1003,"message":"x"}]}"#,
    )
    .unwrap();
    assert_eq!(env.warnings()[0].message(), "x");
}

#[test]
fn numeric_codes_are_accepted_and_written_quoted() {
    let e: crate::envelope::ApiError =
        serde_json::from_str(r#"{"code":606,"message":"m"}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"code":"606","message":"m"}"#
    );
    assert!(
        serde_json::from_str::<crate::envelope::ApiError>(r#"{"code":"abc","message":"m"}"#)
            .is_err()
    );
}
