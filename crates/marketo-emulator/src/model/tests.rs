//! The model's rules, exercised through [`Model`] on an in-memory store.

use super::schema::{DataType, FieldDef, LeadSchema};
use super::*;
use chrono::TimeZone;
use marketo_types::record::RecordStatus;
use serde_json::json;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2015, 8, 24, 20, 17, 23).unwrap()
}

fn schema() -> LeadSchema {
    LeadSchema {
        custom_fields: vec![
            FieldDef::new("boolean_field", "Boolean", DataType::Boolean),
            FieldDef::new("integer_field", "Integer", DataType::Integer),
            FieldDef::new("crmKey", "CRM Key", DataType::String),
        ],
        partitions: vec!["Default".into(), "Europe".into()],
        ..LeadSchema::default()
    }
}

fn model() -> Model {
    Model::open(DbLocation::InMemory, schema()).unwrap()
}

fn sync(m: &Model, action: &str, input: Value) -> Vec<RecordResult> {
    let req = SyncLeads {
        action: Some(action.into()),
        input: input.as_array().cloned().unwrap(),
        ..SyncLeads::default()
    };
    m.sync_leads(&req, now()).unwrap()
}

fn wire(r: &[RecordResult]) -> String {
    serde_json::to_string(r).unwrap()
}

#[test]
fn create_then_update_then_create_only_conflict() {
    let m = model();
    let r = sync(
        &m,
        "createOnly",
        json!([{"email": "a@x.com"}, {"email": "b@x.com"}]),
    );
    assert_eq!(
        wire(&r),
        r#"[{"id":1,"status":"created"},{"id":2,"status":"created"}]"#
    );
    let r = sync(
        &m,
        "createOrUpdate",
        json!([{"email": "A@X.com", "firstName": "Ann"}, {"email": "c@x.com"}]),
    );
    assert_eq!(
        wire(&r),
        r#"[{"id":1,"status":"updated"},{"id":3,"status":"created"}]"#
    );
    let r = sync(&m, "createOnly", json!([{"email": "b@x.com"}]));
    assert_eq!(
        wire(&r),
        r#"[{"status":"skipped","reasons":[{"code":"1005","message":"Lead already exists"}]}]"#
    );
    let r = sync(&m, "updateOnly", json!([{"email": "zz@x.com"}]));
    assert_eq!(
        wire(&r),
        r#"[{"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]"#
    );
    let lead = m.get_lead(1, None).unwrap();
    assert_eq!(
        serde_json::to_string(&lead).unwrap(),
        r#"[{"id":1,"updatedAt":"2015-08-24T20:17:23Z","lastName":null,"email":"A@X.com","createdAt":"2015-08-24T20:17:23Z","firstName":"Ann"}]"#
    );
}

#[test]
fn duplicates_make_the_lookup_ambiguous() {
    let m = model();
    sync(
        &m,
        "createDuplicate",
        json!([{"email": "d@x.com"}, {"email": "d@x.com"}]),
    );
    let r = sync(&m, "createOrUpdate", json!([{"email": "d@x.com"}]));
    assert_eq!(
        wire(&r),
        r#"[{"status":"skipped","reasons":[{"code":"1007","message":"Multiple leads match the lookup criteria"}]}]"#
    );
}

#[test]
fn field_problems_skip_only_their_record() {
    let m = model();
    let r = sync(
        &m,
        "createOrUpdate",
        json!([{"email": "ok@x.com"}, {"email": "e@x.com", "boolean_field": "maybe"}, {"email": "f@x.com", "nope": 1}, {"email": "bad"}]),
    );
    assert_eq!(r[0].status, RecordStatus::Created);
    assert_eq!(
        r[1].reasons()[0].message,
        "Invalid value for field 'boolean_field'"
    );
    assert_eq!(r[2].reasons()[0].message, "Field 'nope' not found");
    assert_eq!(r[3].reasons()[0].message, "Invalid value for field 'email'");
    assert_eq!(m.lead_count().unwrap(), 1);
}

#[test]
fn id_only_with_update_only() {
    let m = model();
    sync(&m, "createOnly", json!([{"email": "a@x.com"}]));
    let r = sync(&m, "createOnly", json!([{"id": 1, "email": "z@x.com"}]));
    assert_eq!(
        wire(&r),
        r#"[{"status":"skipped","reasons":[{"code":"1003","message":"Invalid data"}]}]"#
    );
    let req = SyncLeads {
        action: Some("updateOnly".into()),
        lookup_field: Some("id".into()),
        input: vec![json!({"id": 1, "firstName": "Z"}), json!({"id": 99})],
        ..SyncLeads::default()
    };
    let r = m.sync_leads(&req, now()).unwrap();
    assert_eq!(r[0], RecordResult::with_id(1, RecordStatus::Updated));
    assert_eq!(r[1].reasons()[0].code.value(), 1004);
}

#[test]
fn lookup_field_rules() {
    let m = model();
    let mut req = SyncLeads::new(vec![json!({"email": "a@x.com", "crmKey": "K1"})]);
    req.lookup_field = Some("userId".into());
    let e = m.sync_leads(&req, now()).unwrap_err();
    assert_eq!(
        (e.code.value(), e.message.as_str()),
        (1006, "Lookup field 'userId' not found")
    );
    req.lookup_field = Some("firstName".into());
    let r = m.sync_leads(&req, now()).unwrap();
    assert_eq!(r[0].reasons()[0].message, "Field 'firstName' not supported");
    req.lookup_field = Some("crmKey".into());
    assert_eq!(
        m.sync_leads(&req, now()).unwrap()[0].status,
        RecordStatus::Created
    );
    req.input = vec![json!({"crmKey": "K1", "lastName": "L"})];
    assert_eq!(
        m.sync_leads(&req, now()).unwrap()[0],
        RecordResult::with_id(1, RecordStatus::Updated)
    );
}

#[test]
fn partitions() {
    let m = model();
    let mut req = SyncLeads::new(vec![json!({"email": "p@x.com"})]);
    req.partition_name = Some("Mars".into());
    let r = m.sync_leads(&req, now()).unwrap();
    assert_eq!(
        r[0].reasons()[0].message,
        "Access denied to partition 'Mars'"
    );
    req.partition_name = Some("Europe".into());
    req.allowed_partitions = Some(vec!["Europe".into()]);
    assert_eq!(
        m.sync_leads(&req, now()).unwrap()[0].status,
        RecordStatus::Created
    );
    req.partition_name = None;
    let r = m.sync_leads(&req, now()).unwrap();
    assert_eq!(
        r[0].reasons()[0].message,
        "Partition name must be specified"
    );
    req.partition_name = Some("Default".into());
    req.allowed_partitions = None;
    let r = m.sync_leads(&req, now()).unwrap();
    assert_eq!(r[0].reasons()[0].message, "Partition update not allowed");
}

#[test]
fn company_fields_on_linked_leads() {
    let m = model();
    let r = sync(
        &m,
        "createOrUpdate",
        json!([{"email": "c@x.com", "externalCompanyId": "C1", "company": "Acme"}]),
    );
    assert_eq!(
        wire(&r),
        r#"[{"status":"skipped","reasons":[{"code":"1021","message":"Company update not allowed"}]}]"#
    );
    let r = sync(
        &m,
        "createOrUpdate",
        json!([{"email": "c@x.com", "company": "Acme"}]),
    );
    assert_eq!(r[0].status, RecordStatus::Created);
}

#[test]
fn batch_limits_are_response_level() {
    let m = model();
    let req = SyncLeads::new(vec![json!({}); 301]);
    assert_eq!(
        m.sync_leads(&req, now()).unwrap_err().message,
        "Invalid data"
    );
    let req = SyncLeads::new(vec![]);
    assert_eq!(m.sync_leads(&req, now()).unwrap_err().code.value(), 701);
    let mut req = SyncLeads::new(vec![json!({})]);
    req.action = Some("upsert".into());
    assert_eq!(m.sync_leads(&req, now()).unwrap_err().code.value(), 1001);
}

#[test]
fn filter_paging_and_cap() {
    let mut s = schema();
    s.rules.max_filter_matches = 5;
    let m = Model::open(DbLocation::InMemory, s).unwrap();
    let input: Vec<Value> = (0..6)
        .map(|i| json!({"email": format!("u{i}@x.com"), "integer_field": i % 2}))
        .collect();
    m.sync_leads(&SyncLeads::new(input), now()).unwrap();
    let mut q = FilterQuery {
        filter_type: "integer_field".into(),
        values: vec!["0".into(), "1".into()],
        batch_size: 2,
        ..FilterQuery::default()
    };
    let e = m.leads_by_filter(&q).unwrap_err();
    assert_eq!(e.message, "Too many results match the filter");
    q.values = vec!["0".into()];
    let p1 = m.leads_by_filter(&q).unwrap();
    assert_eq!(p1.items.len(), 2);
    assert!(p1.more_result);
    q.next_page_token = p1.next_page_token.clone();
    let p2 = m.leads_by_filter(&q).unwrap();
    assert_eq!(p2.items.len(), 1);
    assert!(!p2.more_result && p2.next_page_token.is_none());
    assert_eq!(p2.items[0]["id"], 5);
    let none = FilterQuery {
        filter_type: "email".into(),
        values: vec!["U3@X.COM".into(), "nobody@x.com".into()],
        fields: Some(vec!["email".into(), "boolean_field".into()]),
        ..FilterQuery::default()
    };
    let p = m.leads_by_filter(&none).unwrap();
    assert_eq!(
        serde_json::to_string(&p.items).unwrap(),
        r#"[{"id":4,"email":"u3@x.com","boolean_field":false}]"#
    );
}

#[test]
fn delete_and_lists() {
    let m = model();
    sync(
        &m,
        "createOnly",
        json!([{"email": "a@x.com"}, {"email": "b@x.com"}]),
    );
    let seed = Seed {
        leads: vec![],
        lists: vec![ListSeed {
            id: 1080,
            name: "L".into(),
            description: None,
            program_name: None,
            workspace_name: None,
        }],
        ..Seed::default()
    };
    m.seed(&seed, now()).unwrap();
    assert_eq!(
        wire(&m.list_add(1080, &[1, 99], None, now()).unwrap()),
        r#"[{"id":1,"status":"added"},{"id":99,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]"#
    );
    assert_eq!(
        wire(&m.list_is_member(1080, &[1, 2]).unwrap()),
        r#"[{"id":1,"status":"memberof"},{"id":2,"status":"notmemberof"}]"#
    );
    assert_eq!(
        wire(&m.list_remove(1080, &[2, 1], None, now()).unwrap()),
        r#"[{"id":2,"status":"skipped","reasons":[{"code":"1015","message":"Lead not in list"}]},{"id":1,"status":"removed"}]"#
    );
    assert_eq!(
        m.list_add(7, &[1], None, now()).unwrap_err().message,
        "Object not found"
    );
    assert_eq!(
        m.list_members(7, None, 0, None).unwrap_err().code.value(),
        1013
    );
    m.list_add(1080, &[1, 2], None, now()).unwrap();
    let page = m
        .list_members(1080, Some(&["email".into()]), 1, None)
        .unwrap();
    assert_eq!(
        serde_json::to_string(&page.items).unwrap(),
        r#"[{"id":1,"email":"a@x.com"}]"#
    );
    assert!(page.more_result);
    assert_eq!(
        wire(&m.delete_leads(&[2, 2], None, now()).unwrap()),
        r#"[{"id":2,"status":"deleted"},{"id":2,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]}]"#
    );
    let page = m
        .list_members(1080, None, 0, page.next_page_token.as_deref())
        .unwrap();
    assert!(
        page.items.is_empty(),
        "deleting a lead removes its memberships"
    );
}

#[test]
fn state_survives_reopening_the_file_and_reset_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("emu.db");
    {
        let m = Model::open(DbLocation::Path(path.clone()), schema()).unwrap();
        sync(&m, "createOnly", json!([{"email": "keep@x.com"}]));
        m.kv_set("quota", "7").unwrap();
    }
    let m = Model::open(DbLocation::Path(path), schema()).unwrap();
    assert_eq!(
        m.get_lead(1, Some(&["email".into()])).unwrap()[0]["email"],
        "keep@x.com"
    );
    assert_eq!(m.kv_get("quota").unwrap().as_deref(), Some("7"));
    m.reset().unwrap();
    assert_eq!(m.lead_count().unwrap(), 0);
    assert!(m.get_lead(1, None).unwrap().is_empty());
    assert_eq!(m.kv_get("quota").unwrap().as_deref(), Some("7"));
}

#[test]
fn seed_sets_ids_times_and_read_only_fields() {
    let m = model();
    let seed: Seed = serde_json::from_value(json!({
        "leads": [{"id": 318581, "email": "abe@usa.gov", "createdAt": "2015-03-17T00:18:40Z", "cookies": "id:561-HYG-937&token:_mch-x.com-1-2"}],
        "lists": [{"id": 1, "name": "One"}]
    }))
    .unwrap();
    let report = m.seed(&seed, now()).unwrap();
    assert_eq!(report.leads, vec![318581]);
    let lead = m.get_lead(318581, None).unwrap();
    assert_eq!(lead[0]["createdAt"], "2015-03-17T00:18:40Z");
    let q = FilterQuery {
        filter_type: "cookies".into(),
        values: vec!["id:561-HYG-937&token:_mch-x.com-1-2".into()],
        ..FilterQuery::default()
    };
    assert_eq!(m.leads_by_filter(&q).unwrap().items.len(), 1);
    let bad: Seed = serde_json::from_value(json!({"leads": [{"nope": 1}]})).unwrap();
    assert_eq!(m.seed(&bad, now()).unwrap_err().code.value(), 1006);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]
    /// Every input record gets exactly one result, in input order, whatever the mix of good and bad records.
    #[test]
    fn one_result_per_record_in_input_order(kinds in proptest::collection::vec(0u8..5, 1..40), action in 0usize..4) {
        let m = model();
        let input: Vec<Value> = kinds.iter().enumerate().map(|(i, k)| match k {
            0 => json!({"email": format!("p{i}@x.com")}),
            1 => json!({"email": "same@x.com"}),
            2 => json!({"email": format!("p{i}@x.com"), "nope": 1}),
            3 => json!({"integer_field": "x"}),
            _ => json!("not an object"),
        }).collect();
        let actions = ["createOnly", "updateOnly", "createOrUpdate", "createDuplicate"];
        let req = SyncLeads { action: Some(actions[action].into()), input: input.clone(), ..SyncLeads::default() };
        let out = m.sync_leads(&req, now()).unwrap();
        proptest::prop_assert_eq!(out.len(), input.len());
        for (k, r) in kinds.iter().zip(&out) {
            if *k >= 2 {
                proptest::prop_assert_eq!(r.status, RecordStatus::Skipped);
            }
            proptest::prop_assert_eq!(r.id.is_none(), r.status == RecordStatus::Skipped);
        }
    }
}
