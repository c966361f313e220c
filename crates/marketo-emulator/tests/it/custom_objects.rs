//! Custom object records on the generic object engine: list, describe, sync (with the link rule: 1004 for
//! an unknown lead), get by a field and by compound keys with `_method=GET`, delete.

use crate::custom_object_types::{change, make_car, make_courses, type_path, SCHEMA};
use crate::support::*;
use serde_json::{json, Value};

const CARS: &str = "/rest/v1/customobjects/car_c.json";

async fn leads(env: &Env, n: usize) {
    let input: Vec<Value> = (1..=n)
        .map(|i| json!({"email": format!("l{i}@x.com")}))
        .collect();
    env.post_json("/rest/v1/leads.json", &json!({ "input": input }))
        .await;
}

#[tokio::test]
async fn list_custom_objects_shows_approved_types() {
    let env = start().await;
    make_car(&env).await;
    change(
        &env,
        SCHEMA,
        json!({"apiName":"draft_only","displayName":"Draft"}),
    )
    .await;
    let r = env.get("/rest/v1/customobjects.json").await;
    let types = assert_success(&r);
    assert_eq!(types.len(), 1);
    let car = &types[0];
    assert_eq!(car["name"], "car_c");
    assert_eq!(car["displayName"], "Car");
    assert_eq!(car["description"], "Car owner");
    assert_eq!(car["idField"], "marketoGUID");
    assert_eq!(
        car["relationships"][0]["relatedTo"],
        json!({"name":"Lead","field":"id"})
    );
    assert!(car.get("fields").is_none());
    let r = env.get("/rest/v1/customobjects.json?names=other").await;
    assert!(assert_success(&r).is_empty());
}

#[tokio::test]
async fn describe_custom_objects() {
    let env = start().await;
    make_car(&env).await;
    let r = env.get("/rest/v1/customobjects/car_c/describe.json").await;
    let d = &assert_success(&r)[0];
    assert_eq!(d["name"], "car_c");
    assert_eq!(d["dedupeFields"], json!(["vin"]));
    assert_eq!(
        d["searchableFields"],
        json!([["vin"], ["marketoGUID"], ["leadId"]])
    );
    let fields = d["fields"].as_array().unwrap();
    assert_eq!(fields[0]["name"], "marketoGUID");
    assert!(fields.contains(
        &json!({"name":"year","displayName":"Year","dataType":"integer","updateable":true})
    ));
    let r = env.get("/rest/v1/customobjects/nope/describe.json").await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn sync_custom_objects_with_links_in_input_order() {
    let env = start().await;
    leads(&env, 1).await;
    make_car(&env).await;
    let r = env
        .post_json(
            CARS,
            &json!({"input":[
                {"vin":"V1","leadId":1,"make":"BMW","year":2003},
                {"vin":"V2","leadId":99},
                {"vin":"V1","make":"Audi"},
                {"vin":"V3","color":"red"}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(r[0]["status"], "created");
    assert_eq!(r[0]["marketoGUID"].as_str().unwrap().len(), 36);
    assert_eq!(
        r[1],
        json!({"seq":1,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]})
    );
    assert_eq!(r[2]["reasons"][0]["code"], "1036");
    assert_eq!(
        r[3]["reasons"][0],
        json!({"code":"1006","message":"Field 'color' not found"})
    );
    let r = env
        .post_json(
            CARS,
            &json!({"action":"updateOnly","input":[{"vin":"V1","make":"Audi"},{"vin":"V9"}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(r[0]["status"], "updated");
    assert_eq!(r[1]["reasons"][0]["message"], "Record not found");
    let r = env
        .post_json(CARS, &json!({"action":"createOnly","input":[{"vin":"V1"}]}))
        .await;
    assert_eq!(assert_success(&r)[0]["reasons"][0]["code"], "1017");
}

#[tokio::test]
async fn get_custom_objects_by_a_field_and_the_link_field() {
    let env = start().await;
    leads(&env, 2).await;
    make_car(&env).await;
    env.post_json(
        CARS,
        &json!({"input":[{"vin":"V1","leadId":1,"make":"BMW"},{"vin":"V2","leadId":1},{"vin":"V3","leadId":2}]}),
    )
    .await;
    let r = env
        .get(&format!(
            "{CARS}?filterType=leadId&filterValues=1&fields=vin,make"
        ))
        .await;
    let got = assert_success(&r);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0]["make"], "BMW");
    assert_eq!(got[1]["make"], Value::Null);
    let r = env
        .get(&format!(
            "{CARS}?filterType=idField&filterValues={}",
            got[1]["marketoGUID"].as_str().unwrap()
        ))
        .await;
    assert_eq!(assert_success(&r).len(), 1);
    let r = env
        .get(&format!("{CARS}?filterType=make&filterValues=BMW"))
        .await;
    assert_marketo_error(&r, 1011, "Field 'make' not supported");
}

#[tokio::test]
async fn get_custom_objects_by_compound_keys_with_method_get() {
    let env = start().await;
    leads(&env, 2).await;
    change(
        &env,
        SCHEMA,
        json!({"apiName":"purchase","displayName":"Purchase"}),
    )
    .await;
    change(&env, &type_path("purchase", "addField.json"), json!({"input":[
        {"name":"lead_id","displayName":"lead_id","dataType":"link","isDedupeField":true,"relatedTo":{"name":"lead","field":"id"}},
        {"name":"product_name","displayName":"Product Name","dataType":"string","isDedupeField":true},
        {"name":"amount","displayName":"Amount","dataType":"float"}]})).await;
    change(&env, &type_path("purchase", "approve.json"), json!({})).await;
    let path = "/rest/v1/customobjects/purchase.json";
    env.post_json(
        path,
        &json!({"input":[
        {"lead_id":1,"product_name":"Chair","amount":10.5},
        {"lead_id":1,"product_name":"Desk","amount":99},
        {"lead_id":2,"product_name":"Chair","amount":11}]}),
    )
    .await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url(&format!("{path}?_method=GET")))
                .bearer_auth(token)
                .json(&json!({"filterType":"dedupeFields","fields":["marketoGUID","amount"],
                              "input":[{"lead_id":1,"product_name":"Desk"},{"lead_id":2,"product_name":"Chair"},{"lead_id":3,"product_name":"Chair"}]})),
        )
        .await;
    let got = assert_success(&r);
    let amounts: Vec<&Value> = got.iter().map(|g| &g["amount"]).collect();
    assert_eq!(amounts, [&json!(99.0), &json!(11.0)]);
    assert_eq!(got[1]["seq"], 1);
}

#[tokio::test]
async fn delete_custom_objects_by_dedupe_fields_and_guid() {
    let env = start().await;
    make_car(&env).await;
    let r = env
        .post_json(CARS, &json!({"input":[{"vin":"V1"},{"vin":"V2"}]}))
        .await;
    let guid = assert_success(&r)[1]["marketoGUID"].clone();
    let r = env
        .post_json(
            "/rest/v1/customobjects/car_c/delete.json",
            &json!({"deleteBy":"dedupeFields","input":[{"vin":"V1"},{"vin":"V3"}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(r[0]["status"], "deleted");
    assert_eq!(
        r[1]["reasons"][0],
        json!({"code":"1013","message":"Record not found"})
    );
    let r = env
        .post_json(
            "/rest/v1/customobjects/car_c/delete.json",
            &json!({"deleteBy":"idField","input":[{"marketoGUID":guid}]}),
        )
        .await;
    assert_eq!(
        assert_success(&r)[0],
        json!({"seq":0,"marketoGUID":guid,"status":"deleted"})
    );
}

#[tokio::test]
async fn bridge_records_link_leads_to_edge_records() {
    let env = start().await;
    leads(&env, 1).await;
    make_courses(&env).await;
    env.post_json(
        "/rest/v1/customobjects/course.json",
        &json!({"input":[{"courseID":"C101","courseName":"Rust"}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/customobjects/enrollment.json",
            &json!({"input":[
                {"enrollmentID":"E1","leadID":1,"courseID":"C101","grade":"A"},
                {"enrollmentID":"E2","leadID":1,"courseID":"C999"}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(r[0]["status"], "created");
    assert_eq!(
        r[1]["reasons"][0],
        json!({"code":"1013","message":"Record not found"})
    );
}

#[tokio::test]
async fn unknown_custom_object_is_1013() {
    let env = start().await;
    let r = env
        .post_json(
            "/rest/v1/customobjects/nope.json",
            &json!({"input":[{"x":1}]}),
        )
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}
