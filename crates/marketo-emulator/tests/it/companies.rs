//! Companies on the generic object engine: describe, sync (actions, dedupeBy), get (filterType, fields,
//! paging), delete (deleteBy), with their record reasons in input order.

use crate::support::*;
use serde_json::{json, Value};

const SYNC: &str = "/rest/v1/companies.json";
const DELETE: &str = "/rest/v1/companies/delete.json";

fn companies(ids: &[&str]) -> Value {
    let input: Vec<Value> = ids
        .iter()
        .map(|id| json!({"externalCompanyId": id, "company": format!("Co {id}")}))
        .collect();
    json!({"input": input})
}

#[tokio::test]
async fn describe_companies() {
    let env = start().await;
    let r = env.get("/rest/v1/companies/describe.json").await;
    let result = assert_success(&r);
    let d = &result[0];
    assert_eq!(d["name"], "Company");
    assert_eq!(d["idField"], "id");
    assert_eq!(d["dedupeFields"], json!(["externalCompanyId"]));
    assert_eq!(
        d["searchableFields"],
        json!([["externalCompanyId"], ["id"], ["company"]])
    );
    let fields = d["fields"].as_array().unwrap();
    let ext = fields
        .iter()
        .find(|f| f["name"] == "externalCompanyId")
        .unwrap();
    assert_eq!(
        *ext,
        json!({"name":"externalCompanyId","displayName":"External Company Id","dataType":"string","length":100,"updateable":false})
    );
    assert!(fields.iter().any(|f| f["name"] == "annualRevenue"
        && f["dataType"] == "currency"
        && f["updateable"] == true));
}

#[tokio::test]
async fn sync_companies_creates_then_updates_with_seq() {
    let env = start().await;
    let r = env.post_json(SYNC, &companies(&["C1", "C2"])).await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"seq":0,"id":1,"status":"created"},{"seq":1,"id":2,"status":"created"}])
    );
    let r = env
        .post_json(
            SYNC,
            &json!({"action":"createOrUpdate","dedupeBy":"dedupeFields","input":[
                {"externalCompanyId":"C2","industry":"Retail"},{"externalCompanyId":"C3"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"seq":0,"id":2,"status":"updated"},{"seq":1,"id":3,"status":"created"}])
    );
    // By id field: an update of the record named by id.
    let r = env
        .post_json(
            SYNC,
            &json!({"action":"updateOnly","dedupeBy":"idField","input":[{"id":1,"company":"Renamed"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "updated");
    let got = env
        .get("/rest/v1/companies.json?filterType=id&filterValues=1&fields=company,industry")
        .await;
    assert_eq!(
        Value::Array(assert_success(&got)),
        json!([{"seq":0,"id":1,"company":"Renamed","industry":null}])
    );
}

#[tokio::test]
async fn code_1017_create_only_on_an_existing_company() {
    let env = start().await;
    env.post_json(SYNC, &companies(&["C1"])).await;
    let r = env
        .post_json(
            SYNC,
            &json!({"action":"createOnly","input":[{"externalCompanyId":"C1"},{"externalCompanyId":"C9"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq":0,"status":"skipped","reasons":[{"code":"1017","message":"Object already exists"}]},
            {"seq":1,"id":2,"status":"created"}
        ])
    );
}

#[tokio::test]
async fn code_1013_update_only_and_delete_of_an_unknown_company() {
    let env = start().await;
    let skipped = json!({"seq":0,"status":"skipped","reasons":[{"code":"1013","message":"Record not found"}]});
    let r = env
        .post_json(
            SYNC,
            &json!({"action":"updateOnly","input":[{"externalCompanyId":"nope"}]}),
        )
        .await;
    assert_eq!(Value::Array(assert_success(&r)), json!([skipped]));
    let r = env
        .post_json(DELETE, &json!({"input":[{"externalCompanyId":"nope"}]}))
        .await;
    assert_eq!(Value::Array(assert_success(&r)), json!([skipped]));
}

#[tokio::test]
async fn code_1036_the_same_company_twice_in_one_call() {
    let env = start().await;
    let r = env.post_json(SYNC, &companies(&["D", "D"])).await;
    let result = assert_success(&r);
    assert_eq!(result[0]["status"], "created");
    assert_eq!(
        result[1],
        json!({"seq":1,"status":"skipped","reasons":[{"code":"1036","message":"Duplicate object found in input"}]})
    );
}

#[tokio::test]
async fn unknown_fields_bad_values_and_missing_keys_are_skipped_in_order() {
    let env = start().await;
    let r = env
        .post_json(
            SYNC,
            &json!({"input":[
                {"externalCompanyId":"A","bogus":1},
                {"externalCompanyId":"B","numberOfEmployees":"many"},
                {"company":"no key"},
                "not an object",
                {"externalCompanyId":"E"}]}),
        )
        .await;
    let codes: Vec<Value> = assert_success(&r)
        .iter()
        .map(|r| r["reasons"][0]["code"].clone())
        .collect();
    assert_eq!(
        codes,
        vec![
            json!("1006"),
            json!("1003"),
            json!("1003"),
            json!("1003"),
            Value::Null
        ]
    );
}

#[tokio::test]
async fn get_companies_by_a_searchable_field_with_paging() {
    let env = start().await;
    env.post_json(SYNC, &companies(&["P1", "P2", "P3"])).await;
    let first = env
        .get("/rest/v1/companies.json?filterType=externalCompanyId&filterValues=P1,P2,P3&batchSize=2")
        .await;
    assert_eq!(assert_success(&first).len(), 2);
    assert_eq!(first.json["moreResult"], true);
    let token = first.json["nextPageToken"].as_str().unwrap();
    let second = env
        .get(&format!(
            "/rest/v1/companies.json?filterType=externalCompanyId&filterValues=P1,P2,P3&batchSize=2&nextPageToken={token}"
        ))
        .await;
    let rest = assert_success(&second);
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0]["externalCompanyId"], "P3");
    // Default fields: id, the dedupe field, updatedAt, createdAt.
    let keys: Vec<&String> = rest[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["seq", "id", "externalCompanyId", "updatedAt", "createdAt"]
    );
    let r = env
        .get("/rest/v1/companies.json?filterType=industry&filterValues=x")
        .await;
    assert_marketo_error(&r, 1011, "Field 'industry' not supported");
    let r = env
        .get("/rest/v1/companies.json?filterType=company&filterValues=x&fields=nope")
        .await;
    assert_marketo_error(&r, 1006, "Field 'nope' not found");
}

#[tokio::test]
async fn delete_companies_by_dedupe_fields_and_by_id() {
    let env = start().await;
    env.post_json(SYNC, &companies(&["X", "Y"])).await;
    let r = env
        .post_json(
            DELETE,
            &json!({"deleteBy":"dedupeFields","input":[{"externalCompanyId":"X"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"seq":0,"id":1,"status":"deleted"}])
    );
    let r = env
        .post_json(DELETE, &json!({"deleteBy":"idField","input":[{"id":2}]}))
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "deleted");
    let r = env
        .get("/rest/v1/companies.json?filterType=id&filterValues=1,2")
        .await;
    assert!(assert_success(&r).is_empty());
}
