//! The activity bodies of `activities.md` (wire-facts 2.8).

use super::round_trip;
use crate::activity::{Activity, ActivityType, LeadChange};
use serde_json::json;

#[test]
fn activity_types() {
    // The docs' example lacks its opening brace; the body is otherwise as printed.
    let env = round_trip::<ActivityType>(
        r#"{"requestId":"6e78#148ad3b76f1","success":true,"result":[{"id":2,"name":"Fill Out Form","description":"User fills out and submits form on web page","primaryAttribute":{"name":"Webform ID","dataType":"integer"},"attributes":[{"name":"Client IP Address","dataType":"string"},{"name":"Form Fields","dataType":"text"},{"name":"Query Parameters","dataType":"string"},{"name":"Referrer URL","dataType":"string"},{"name":"User Agent","dataType":"string"},{"name":"Webpage ID","dataType":"integer"}]}]}"#,
    );
    let t = &env.results()[0];
    assert_eq!((t.id, t.name.as_str()), (2, "Fill Out Form"));
    let primary = t.primary_attribute.as_ref().unwrap();
    assert_eq!(
        (primary.name.as_str(), primary.data_type.as_str()),
        ("Webform ID", "integer")
    );
    assert_eq!(t.attributes.len(), 6);
    assert_eq!(t.attributes[1].data_type, "text");
}

#[test]
fn lead_activities() {
    let env = round_trip::<Activity>(
        r#"{"requestId":"24fd#15188a88d7f","result":[{"id":102988,"marketoGUID":"102988","leadId":1,"activityDate":"2023-01-16T23:32:19Z","activityTypeId":1,"primaryAttributeValueId":71,"primaryAttributeValue":"localhost/munchkintest2.html","attributes":[{"name":"Client IP Address","value":"10.0.19.252"},{"name":"Query Parameters","value":""},{"name":"Referrer URL","value":""},{"name":"User Agent","value":"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/39.0.2171.95 Safari/537.36"},{"name":"Webpage URL","value":"/munchkintest2.html"}]}],"success":true,"nextPageToken":"WQV2VQVPPCKHC6AQYVK7JDSA3J62DUSJ3EXJGDPTKPEBFW3SAVUA====","moreResult":false}"#,
    );
    assert_eq!(env.more_result, Some(false));
    let a = &env.results()[0];
    assert_eq!((a.id, a.marketo_guid.as_str()), (Some(102988), "102988"));
    assert_eq!((a.lead_id, a.activity_type_id), (1, 1));
    assert_eq!(a.primary_attribute_value_id, Some(71));
    assert_eq!(
        a.attribute("Client IP Address"),
        Some(&json!("10.0.19.252"))
    );
    assert_eq!(a.attribute("Nope"), None);
}

#[test]
fn lead_changes() {
    let env = round_trip::<LeadChange>(
        r#"{"requestId":"a9ae#148add1e53d","success":true,"nextPageToken":"GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBRGA3TQ===","moreResult":true,"result":[{"id":1078,"marketoGUID":"1078","leadId":775,"activityDate":"2014-09-17T22:31:49+0000","activityTypeId":13,"fields":[{"id":48,"name":"firstName","newValue":"FirstName_6176","oldValue":"FirstName_4914"}],"attributes":[{"name":"Reason","value":"Web service API"},{"name":"Source","value":"Web service API"},{"name":"Lead ID","value":775}]}]}"#,
    );
    assert_eq!(env.more_result, Some(true));
    let c = &env.results()[0];
    assert_eq!(c.activity_date, "2014-09-17T22:31:49+0000");
    assert_eq!(c.fields[0].name, "firstName");
    assert_eq!(c.fields[0].old_value, json!("FirstName_4914"));
    assert_eq!(c.attributes[2].value, json!(775));
}

#[test]
fn deleted_leads() {
    let env = round_trip::<Activity>(
        r#"{"requestId":"a9ae#148add1e53d","success":true,"nextPageToken":"GIYDAOBNGEYS2MBWKQYDAORQGA5DAMBOGAYDAKZQGAYDALBRGA3TQ===","moreResult":true,"result":[{"id":2,"marketoGUID":"2","leadId":6,"activityDate":"2013-09-26T06:56:35+0000","activityTypeId":37,"primaryAttributeValueId":6,"primaryAttributeValue":"Owyliphys Iledil","attributes":[]},{"id":3,"marketoGUID":"3","leadId":9,"activityDate":"2013-12-28T00:39:45+0000","activityTypeId":37,"primaryAttributeValueId":4,"primaryAttributeValue":"First Last","attributes":[]}]}"#,
    );
    let a = &env.results()[1];
    assert_eq!(a.activity_type_id, 37);
    assert_eq!(a.primary_attribute_value.as_deref(), Some("First Last"));
    assert!(a.attributes.is_empty());
}

#[test]
fn an_activity_without_primary_attribute_is_sent_with_nulls() {
    let a: Activity = serde_json::from_value(json!({
        "marketoGUID": "7", "leadId": 1, "activityDate": "2024-05-01T00:00:00Z", "activityTypeId": 12,
        "campaignId": 3
    }))
    .unwrap();
    assert_eq!((a.id, a.campaign_id), (None, Some(3)));
    let back = serde_json::to_value(&a).unwrap();
    assert_eq!(back["primaryAttributeValueId"], json!(null));
    assert_eq!(back["attributes"], json!([]));
    assert!(back.get("id").is_none());
}
