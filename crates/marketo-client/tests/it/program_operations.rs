//! One named test per operation of the Program Members tag and the Leads tag's membership calls, through
//! `client.programs()`: each asserts the documented response shape as the client types it. (Campaigns:
//! `campaign_operations.rs`; bulk program member import and export: `bulk_program_operations.rs`.)

use crate::programs::{with_program, SUMMIT};
use crate::support::*;
use futures::TryStreamExt;
use marketo_client::endpoints::MemberFilter;
use marketo_client::ErrorKind;
use marketo_types::lead_database::{FieldUpdate, NewField};
use serde_json::{json, Map, Value};

fn record(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap()
}

fn lunch() -> NewField {
    NewField {
        name: "lunch".into(),
        display_name: "Lunch".into(),
        data_type: "string".into(),
        description: Some("food".into()),
        ..Default::default()
    }
}

#[tokio::test(start_paused = true)]
async fn describe_program_member_returns_fields_searchable_and_dedupe_fields() {
    let (_emu, c, _) = with_program(0).await;
    let d = c.programs().describe().await.unwrap();
    assert_eq!(d["name"], "API Program Membership");
    assert_eq!(d["dedupeFields"], json!(["leadId", "programId"]));
    assert!(d["searchableFields"]
        .as_array()
        .unwrap()
        .contains(&json!(["statusName"])));
    let fields = d["fields"].as_array().unwrap();
    let status = fields.iter().find(|f| f["name"] == "statusName").unwrap();
    assert_eq!(
        (&status["dataType"], &status["updateable"]),
        (&json!("string"), &json!(false))
    );
}

#[tokio::test(start_paused = true)]
async fn get_program_member_fields_returns_standard_and_custom_fields() {
    let (emu, c, _) = with_program(0).await;
    let p = c.programs();
    let standard: Vec<_> = p.fields().try_collect().await.unwrap();
    assert_eq!(standard.len(), 19);
    assert_eq!(
        (standard[0].name.as_str(), standard[0].display_name.as_str()),
        ("acquiredBy", "Acquired By")
    );
    assert!(standard.iter().all(|f| !f.is_custom));
    p.create_fields(&[lunch()]).await.unwrap();
    let all: Vec<_> = p.fields().try_collect().await.unwrap();
    assert_eq!(all.len(), 20);
    let custom: Vec<_> = all.iter().filter(|f| f.is_custom).collect();
    assert_eq!(custom.len(), 1);
    assert_eq!(custom[0].name, "lunch");
    let pages = calls_to(&emu, "/rest/v1/programs/members/schema/fields.json");
    assert!(pages[0].query.as_deref().unwrap().contains("batchSize=300"));
}

#[tokio::test(start_paused = true)]
async fn create_program_member_fields_answers_created_or_skipped_per_field() {
    let (_emu, c, _) = with_program(0).await;
    let taken = NewField {
        name: "statusName".into(),
        display_name: "Status Again".into(),
        data_type: "string".into(),
        ..Default::default()
    };
    let out = c.programs().create_fields(&[lunch(), taken]).await.unwrap();
    assert_eq!(
        (out[0].name.as_str(), out[0].status.as_str()),
        ("lunch", "created")
    );
    assert_eq!(out[1].status, "skipped");
    assert_eq!(
        (
            out[1].reasons[0].code.value(),
            out[1].reasons[0].message.as_str()
        ),
        (1017, "Object already exists")
    );
}

#[tokio::test(start_paused = true)]
async fn get_program_member_field_by_name_returns_the_metadata_or_1006() {
    let (emu, c, _) = with_program(0).await;
    let f = c.programs().field("statusName").await.unwrap();
    assert_eq!(f.display_name, "Status");
    assert_eq!((f.data_type.as_str(), f.length), ("string", Some(255)));
    assert!(f.is_html_encoding_in_email && !f.is_custom && !f.is_api_created);
    let err = c.programs().field("nope").await.unwrap_err();
    assert_eq!((err.code(), err.kind()), (Some(1006), ErrorKind::Request));
    assert_eq!(answered(&emu, 1006), 1, "not retried");
}

#[tokio::test(start_paused = true)]
async fn update_program_member_field_updates_a_custom_field_only() {
    let (_emu, c, _) = with_program(0).await;
    let p = c.programs();
    p.create_fields(&[lunch()]).await.unwrap();
    let update = FieldUpdate {
        display_name: Some("Lunch Preference".into()),
        description: Some("Attendee food preference".into()),
        ..Default::default()
    };
    let out = p.update_field("lunch", &update).await.unwrap();
    assert_eq!(
        (out.name.as_str(), out.status.as_str()),
        ("lunch", "updated")
    );
    let f = p.field("lunch").await.unwrap();
    assert_eq!(f.display_name, "Lunch Preference");
    assert_eq!(f.description.as_deref(), Some("Attendee food preference"));
    let standard = p.update_field("statusName", &update).await.unwrap();
    assert_eq!(
        standard.status, "skipped",
        "a standard field is not updated"
    );
}

#[tokio::test(start_paused = true)]
async fn sync_program_member_status_answers_created_updated_or_skipped_per_lead() {
    let (_emu, c, ids) = with_program(1).await;
    let p = c.programs();
    let out = p
        .sync_status(SUMMIT, "Registered", &[ids[0], 999_999])
        .await
        .unwrap();
    assert_eq!((out[0].seq, out[0].status.as_str()), (0, "created"));
    assert_eq!(out[0].lead_id, Some(ids[0]));
    assert_eq!((out[1].seq, out[1].status.as_str()), (1, "skipped"));
    assert_eq!(
        (
            out[1].reasons[0].code.value(),
            out[1].reasons[0].message.as_str()
        ),
        (1004, "Lead not found")
    );
    let out = p.sync_status(SUMMIT, "Attended", &ids).await.unwrap();
    assert_eq!(out[0].status, "updated");
}

#[tokio::test(start_paused = true)]
async fn get_program_members_filters_by_field_or_updated_at() {
    use marketo_types::clock::Clock;
    let (emu, c, ids) = with_program(3).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Registered", &ids).await.unwrap();
    p.sync_status(SUMMIT, "Attended", &ids[2..]).await.unwrap();
    let registered: Vec<_> = p
        .members(
            SUMMIT,
            &MemberFilter::Field("statusName".into(), vec!["Registered".into()]),
            &[],
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(registered.len(), 2);
    let keys: Vec<&str> = registered[0].keys().map(String::as_str).collect();
    for k in [
        "acquiredBy",
        "leadId",
        "membershipDate",
        "programId",
        "reachedSuccess",
    ] {
        assert!(keys.contains(&k), "default field {k} in {keys:?}");
    }
    assert_eq!(registered[0]["programId"], SUMMIT);
    let success: Vec<_> = p
        .members(
            SUMMIT,
            &MemberFilter::Field("reachedSuccess".into(), vec!["true".into()]),
            &["leadId", "statusName"],
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(success.len(), 1);
    assert_eq!(
        (&success[0]["leadId"], &success[0]["statusName"]),
        (&json!(ids[2]), &json!("Attended"))
    );
    let now = emu.state().clock.now();
    let at = |d: chrono::Duration| (now + d).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let window = MemberFilter::UpdatedAt(
        at(-chrono::Duration::hours(1)),
        at(chrono::Duration::hours(1)),
    );
    let updated: Vec<_> = p
        .members(SUMMIT, &window, &["leadId"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(updated.len(), 3);
    let too_long = MemberFilter::UpdatedAt(
        at(-chrono::Duration::days(8)),
        at(chrono::Duration::hours(1)),
    );
    let err = p
        .members(SUMMIT, &too_long, &[])
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(1003), "more than seven days");
}

#[tokio::test(start_paused = true)]
async fn sync_program_member_data_updates_members_and_skips_non_members() {
    let (_emu, c, ids) = with_program(2).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Registered", &ids[..1])
        .await
        .unwrap();
    let out = p
        .sync_data(
            SUMMIT,
            &[
                record(json!({"leadId": ids[0], "registrationCode": "abc"})),
                record(json!({"leadId": ids[1], "registrationCode": "def"})),
            ],
        )
        .await
        .unwrap();
    assert_eq!(
        (out[0].status.as_str(), out[0].lead_id),
        ("updated", Some(ids[0]))
    );
    assert_eq!(out[1].status, "skipped");
    assert_eq!(
        (
            out[1].reasons[0].code.value(),
            out[1].reasons[0].message.as_str()
        ),
        (1013, "Membership not found")
    );
    let m: Vec<_> = p
        .members(
            SUMMIT,
            &MemberFilter::Field("leadId".into(), vec![ids[0].to_string()]),
            &["registrationCode"],
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(m[0]["registrationCode"], "abc");
}

#[tokio::test(start_paused = true)]
async fn delete_program_members_answers_deleted_or_1037_lead_not_in_program() {
    let (_emu, c, ids) = with_program(2).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Registered", &ids[..1])
        .await
        .unwrap();
    let out = p.delete_members(SUMMIT, &ids).await.unwrap();
    assert_eq!(
        (out[0].seq, out[0].status.as_str(), out[0].lead_id),
        (0, "deleted", Some(ids[0]))
    );
    assert_eq!((out[1].seq, out[1].status.as_str()), (1, "skipped"));
    assert_eq!(
        (
            out[1].reasons[0].code.value(),
            out[1].reasons[0].message.as_str()
        ),
        (1037, "Lead not in program")
    );
    let left: Vec<_> = p.leads(SUMMIT, &[]).try_collect().await.unwrap();
    assert!(left.is_empty());
}

#[tokio::test(start_paused = true)]
async fn get_leads_by_program_id_returns_each_lead_with_its_membership() {
    let (emu, c, ids) = with_program(3).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Attended", &ids[1..2]).await.unwrap();
    let leads: Vec<_> = p.leads(SUMMIT, &["email"]).try_collect().await.unwrap();
    assert_eq!(leads.len(), 1);
    assert_eq!(
        (&leads[0]["id"], &leads[0]["email"]),
        (&json!(ids[1]), &json!("p1@example.com"))
    );
    let m = &leads[0]["membership"];
    assert_eq!(
        (&m["progressionStatus"], &m["reachedSuccess"]),
        (&json!("Attended"), &json!(true))
    );
    let err = p
        .leads(4242, &[])
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(1013));
    assert_eq!(answered(&emu, 1013), 1, "not retried");
}

#[tokio::test(start_paused = true)]
async fn change_lead_program_status_answers_updated_or_skipped_with_each_id() {
    let (_emu, c, ids) = with_program(2).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Attended", &ids[..1]).await.unwrap();
    let out = p.change_status(SUMMIT, "Registered", &ids).await.unwrap();
    assert_eq!((out[0].id, out[0].status.as_str()), (ids[0], "skipped"));
    assert_eq!(out[0].reasons[0].code.value(), 1037);
    assert_eq!((out[1].id, out[1].status.as_str()), (ids[1], "updated"));
    let leads: Vec<_> = p.leads(SUMMIT, &[]).try_collect().await.unwrap();
    assert_eq!(leads.len(), 2, "the second lead joined with the status");
}

#[tokio::test(start_paused = true)]
async fn get_programs_by_lead_id_returns_each_membership_of_the_lead() {
    let (_emu, c, ids) = with_program(2).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Attended", &ids[..1]).await.unwrap();
    let of_lead: Vec<_> = p.of_lead(ids[0]).try_collect().await.unwrap();
    assert_eq!(of_lead.len(), 1);
    let m = &of_lead[0];
    assert_eq!((m.id, m.progression_status.as_str()), (SUMMIT, "Attended"));
    assert!(m.reached_success && !m.acquired_by && !m.is_exhausted);
    assert!(!m.membership_date.is_empty());
    let none: Vec<_> = p.of_lead(ids[1]).try_collect().await.unwrap();
    assert!(none.is_empty());
}

#[tokio::test(start_paused = true)]
async fn get_program_members_sends_more_than_300_filter_values_in_groups_of_300() {
    let (emu, c, ids) = with_program(350).await;
    let p = c.programs();
    p.sync_status(SUMMIT, "Registered", &ids).await.unwrap();
    let values: Vec<String> = ids.iter().map(i64::to_string).collect();
    let members: Vec<_> = p
        .members(
            SUMMIT,
            &MemberFilter::Field("leadId".into(), values),
            &["leadId"],
        )
        .try_collect()
        .await
        .unwrap();
    let mut got: Vec<i64> = members
        .iter()
        .map(|m| m["leadId"].as_i64().unwrap())
        .collect();
    got.sort_unstable();
    assert_eq!(got, ids, "every member once");
    let calls = calls_to(&emu, &format!("/rest/v1/programs/{SUMMIT}/members.json"));
    assert_eq!(calls.len(), 2, "300 values, then 50");
    assert!(calls.iter().all(|c| c.code.is_none()), "no 1003");
}
