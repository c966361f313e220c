//! Sales persons on the generic object engine, and the links others make to them (1022 while in use).

use crate::support::*;
use serde_json::{json, Value};

const SYNC: &str = "/rest/v1/salespersons.json";
const DELETE: &str = "/rest/v1/salespersons/delete.json";

fn people(ids: &[&str]) -> Value {
    let input: Vec<Value> = ids
        .iter()
        .map(|id| {
            let email = if id.contains('@') {
                id.to_string()
            } else {
                format!("{id}@x.com")
            };
            json!({"externalSalesPersonId": id, "email": email, "firstName": "Sam"})
        })
        .collect();
    json!({ "input": input })
}

#[tokio::test]
async fn describe_sales_persons() {
    let env = start().await;
    let d = &assert_success(&env.get("/rest/v1/salespersons/describe.json").await)[0];
    assert_eq!(d["name"], "SalesPerson");
    assert_eq!(d["idField"], "id");
    assert_eq!(d["dedupeFields"], json!(["externalSalesPersonId"]));
    assert_eq!(
        d["searchableFields"],
        json!([["email"], ["id"], ["externalSalesPersonId"]])
    );
    assert_eq!(d["fields"][0]["displayName"], "Marketo Id");
}

#[tokio::test]
async fn sync_sales_persons_creates_then_updates() {
    let env = start().await;
    let r = env
        .post_json(SYNC, &people(&["sam@test.com", "david@test.com"]))
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([{"seq":0,"id":1,"status":"created"},{"seq":1,"id":2,"status":"created"}])
    );
    let r = env
        .post_json(SYNC, &json!({"action":"updateOnly","input":[{"externalSalesPersonId":"sam@test.com","lastName":"Sanosin"}]}))
        .await;
    assert_eq!(
        assert_success(&r)[0],
        json!({"seq":0,"id":1,"status":"updated"})
    );
}

#[tokio::test]
async fn get_sales_persons_by_dedupe_fields_and_email() {
    let env = start().await;
    env.post_json(SYNC, &people(&["sam@test.com", "david@test.com"]))
        .await;
    let r = env
        .get(&format!(
            "{SYNC}?filterType=dedupeFields&filterValues=david@test.com,sam@test.com"
        ))
        .await;
    let got = assert_success(&r);
    assert_eq!(got.len(), 2);
    let keys: Vec<&String> = got[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "seq",
            "id",
            "externalSalesPersonId",
            "updatedAt",
            "createdAt"
        ]
    );
    let r = env
        .get(&format!(
            "{SYNC}?filterType=email&filterValues=sam@test.com&fields=firstName"
        ))
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"seq":0,"id":1,"firstName":"Sam"})]
    );
}

#[tokio::test]
async fn delete_sales_persons_by_dedupe_fields_with_1013_for_unknown_ones() {
    let env = start().await;
    env.post_json(SYNC, &people(&["sam@test.com"])).await;
    let r = env
        .post_json(
            DELETE,
            &json!({"deleteBy":"dedupeFields","input":[{"externalSalesPersonId":"sam@test.com"},{"externalSalesPersonId":"raj@test.com"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq":0,"id":1,"status":"deleted"},
            {"seq":1,"status":"skipped","reasons":[{"code":"1013","message":"Record not found"}]}
        ])
    );
}

#[tokio::test]
async fn code_1022_a_sales_person_in_use_cannot_be_deleted() {
    let env = start().await;
    env.post_json(
        SYNC,
        &people(&["lead-owner", "company-owner", "deal-owner", "free"]),
    )
    .await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input":[{"email":"a@x.com","externalSalesPersonId":"lead-owner"}]}),
    )
    .await;
    env.post_json(
        "/rest/v1/companies.json",
        &json!({"input":[{"externalCompanyId":"C1","externalSalesPersonId":"company-owner"}]}),
    )
    .await;
    env.post_json(
        "/rest/v1/opportunities.json",
        &json!({"input":[{"externalOpportunityId":"O1","name":"n","externalSalesPersonId":"deal-owner"}]}),
    )
    .await;
    let input: Vec<Value> = ["lead-owner", "company-owner", "deal-owner", "free"]
        .iter()
        .map(|id| json!({"externalSalesPersonId": id}))
        .collect();
    let r = env.post_json(DELETE, &json!({ "input": input })).await;
    let in_use = json!([{"code":"1022","message":"Object in use"}]);
    let result = assert_success(&r);
    for r in &result[..3] {
        assert_eq!(r["reasons"], in_use, "{r}");
    }
    assert_eq!(result[3]["status"], "deleted");
}
