//! Opportunities and their roles on the generic object engine: describe, sync, get (by a field and by
//! compound keys with `_method=GET`), delete, the `schema/fields` reads, and the links that make 718, 1004
//! and 1022 natural.

use crate::support::*;
use serde_json::{json, Value};

const OPPS: &str = "/rest/v1/opportunities.json";
const ROLES: &str = "/rest/v1/opportunities/roles.json";

/// Sync `body` to `path` and return the results.
async fn sync(env: &Env, path: &str, body: Value) -> Vec<Value> {
    assert_success(&env.post_json(path, &body).await)
}

/// A lead (id 1) and opportunity O1 with its sales person S1.
async fn deal(env: &Env) -> String {
    sync(
        env,
        "/rest/v1/leads.json",
        json!({"input":[{"email":"ann@x.com"}]}),
    )
    .await;
    sync(
        env,
        "/rest/v1/salespersons.json",
        json!({"input":[{"externalSalesPersonId":"S1","email":"s1@x.com"}]}),
    )
    .await;
    let r = sync(env, OPPS, json!({"input":[{"externalOpportunityId":"O1","name":"Chairs","amount":"1604.47","externalSalesPersonId":"S1"}]})).await;
    r[0]["marketoGUID"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn describe_opportunities() {
    let env = start().await;
    let d = &assert_success(&env.get("/rest/v1/opportunities/describe.json").await)[0];
    assert_eq!(d["name"], "opportunity");
    assert_eq!(d["displayName"], "Opportunity");
    assert_eq!(d["idField"], "marketoGUID");
    assert_eq!(d["dedupeFields"], json!(["externalOpportunityId"]));
    assert_eq!(
        d["searchableFields"],
        json!([["externalOpportunityId"], ["marketoGUID"]])
    );
    let fields = d["fields"].as_array().unwrap();
    assert_eq!(
        fields[0],
        json!({"name":"marketoGUID","displayName":"Marketo GUID","dataType":"string","length":36,"updateable":false})
    );
    assert!(fields.iter().any(|f| f["name"] == "externalOpportunityId"
        && f["length"] == 50
        && f["updateable"] == false));
}

#[tokio::test]
async fn sync_opportunities_creates_and_updates_by_dedupe_fields_and_by_guid() {
    let env = start().await;
    let guid = deal(&env).await;
    assert_eq!(guid.len(), 36);
    let r = sync(
        &env,
        OPPS,
        json!({"input":[{"externalOpportunityId":"O1","stage":"Won"},{"externalOpportunityId":"O2","name":"Desks"}]}),
    )
    .await;
    assert_eq!(r[0], json!({"seq":0,"marketoGUID":guid,"status":"updated"}));
    assert_eq!(r[1]["status"], "created");
    let r = sync(
        &env,
        OPPS,
        json!({"action":"updateOnly","dedupeBy":"idField","input":[{"marketoGUID":guid,"stage":"Closed"},{"marketoGUID":"no-such-guid","stage":"x"}]}),
    )
    .await;
    assert_eq!(r[0]["status"], "updated");
    assert_eq!(
        r[1],
        json!({"seq":1,"status":"skipped","reasons":[{"code":"1013","message":"Record not found"}]})
    );
    let got = assert_success(
        &env.get(&format!(
            "{OPPS}?filterType=marketoGUID&filterValues={guid}&fields=name,stage,amount"
        ))
        .await,
    );
    assert_eq!(
        got,
        vec![json!({"seq":0,"marketoGUID":guid,"name":"Chairs","stage":"Closed","amount":1604.47})]
    );
}

#[tokio::test]
async fn a_new_opportunity_without_a_name_is_skipped() {
    let env = start().await;
    let r = sync(
        &env,
        OPPS,
        json!({"input":[{"externalOpportunityId":"O9"}]}),
    )
    .await;
    assert_eq!(
        r[0],
        json!({"seq":0,"status":"skipped","reasons":[{"code":"1003","message":"Invalid data"}]})
    );
}

#[tokio::test]
async fn code_718_unknown_external_sales_person_fails_the_whole_call() {
    let env = start().await;
    let r = env
        .post_json(
            OPPS,
            &json!({"input":[
                {"externalOpportunityId":"A","name":"first, valid"},
                {"externalOpportunityId":"B","name":"b","externalSalesPersonId":"ghost"}]}),
        )
        .await;
    assert_marketo_error(&r, 718, "ExternalSalesPersonID not found");
    let got = env
        .get(&format!(
            "{OPPS}?filterType=externalOpportunityId&filterValues=A,B"
        ))
        .await;
    assert!(
        assert_success(&got).is_empty(),
        "nothing of the call applied"
    );
}

#[tokio::test]
async fn get_opportunities_by_external_id_with_default_fields_and_paging() {
    let env = start().await;
    let input: Vec<Value> = (1..=3)
        .map(|i| json!({"externalOpportunityId": format!("P{i}"), "name": format!("Deal {i}")}))
        .collect();
    sync(&env, OPPS, json!({ "input": input })).await;
    let first = env
        .get(&format!(
            "{OPPS}?filterType=externalOpportunityId&filterValues=P1,P2,P3&batchSize=2"
        ))
        .await;
    let page = assert_success(&first);
    let keys: Vec<&String> = page[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "seq",
            "marketoGUID",
            "externalOpportunityId",
            "updatedAt",
            "createdAt"
        ]
    );
    let token = first.json["nextPageToken"].as_str().unwrap();
    let rest = env
        .get(&format!("{OPPS}?filterType=dedupeFields&filterValues=P1,P2,P3&batchSize=2&nextPageToken={token}"))
        .await;
    assert_eq!(assert_success(&rest)[0]["externalOpportunityId"], "P3");
}

#[tokio::test]
async fn delete_opportunities_by_dedupe_fields_and_guid() {
    let env = start().await;
    let guid = deal(&env).await;
    sync(
        &env,
        OPPS,
        json!({"input":[{"externalOpportunityId":"O2","name":"x"}]}),
    )
    .await;
    let r = assert_success(
        &env.post_json(
            "/rest/v1/opportunities/delete.json",
            &json!({"deleteBy":"idField","input":[{"marketoGUID":guid},{"marketoGUID":guid}]}),
        )
        .await,
    );
    assert_eq!(r[0], json!({"seq":0,"marketoGUID":guid,"status":"deleted"}));
    assert_eq!(r[1]["reasons"][0]["code"], "1013");
    let r = assert_success(
        &env.post_json(
            "/rest/v1/opportunities/delete.json",
            &json!({"input":[{"externalOpportunityId":"O2"}]}),
        )
        .await,
    );
    assert_eq!(r[0]["status"], "deleted");
}

#[tokio::test]
async fn get_opportunity_fields_and_field_by_name() {
    let env = start().await;
    let first = env
        .get("/rest/v1/opportunities/schema/fields.json?batchSize=2")
        .await;
    let page = assert_success(&first);
    assert_eq!(
        page[0],
        json!({"displayName":"External Opportunity Id","name":"externalOpportunityId","description":null,"dataType":"string","length":50,"isHidden":false,"isHtmlEncodingInEmail":true,"isSensitive":false,"isCustom":false,"isApiCreated":false})
    );
    assert_eq!(page[1]["name"], "name");
    assert_eq!(first.json["moreResult"], true);
    let token = first.json["nextPageToken"].as_str().unwrap();
    let next = env
        .get(&format!(
            "/rest/v1/opportunities/schema/fields.json?nextPageToken={token}"
        ))
        .await;
    assert_eq!(assert_success(&next)[0]["name"], "description");
    let one = env
        .get("/rest/v1/opportunities/schema/fields/stage.json")
        .await;
    assert_eq!(assert_success(&one)[0]["displayName"], "Stage");
    let none = env
        .get("/rest/v1/opportunities/schema/fields/nope.json")
        .await;
    assert_marketo_error(&none, 1006, "Field 'nope' not found");
}

#[tokio::test]
async fn describe_opportunity_roles() {
    let env = start().await;
    let d = &assert_success(&env.get("/rest/v1/opportunities/roles/describe.json").await)[0];
    assert_eq!(d["name"], "opportunityRole");
    assert_eq!(
        d["dedupeFields"],
        json!(["externalOpportunityId", "leadId", "role"])
    );
    assert_eq!(
        d["searchableFields"],
        json!([
            ["externalOpportunityId", "leadId", "role"],
            ["marketoGUID"],
            ["leadId"],
            ["externalOpportunityId"]
        ])
    );
}

#[tokio::test]
async fn sync_opportunity_roles_links_leads_to_opportunities() {
    let env = start().await;
    deal(&env).await;
    let role =
        json!({"externalOpportunityId":"O1","leadId":1,"role":"Technical Buyer","isPrimary":false});
    let r = sync(&env, ROLES, json!({"input":[role.clone()]})).await;
    assert_eq!(r[0]["status"], "created");
    let again = sync(&env, ROLES, json!({"input":[{"externalOpportunityId":"O1","leadId":1,"role":"Technical Buyer","isPrimary":true}]})).await;
    assert_eq!(again[0]["status"], "updated");
    assert_eq!(again[0]["marketoGUID"], r[0]["marketoGUID"]);
}

#[tokio::test]
async fn code_1004_a_role_for_an_unknown_lead_and_1013_for_an_unknown_opportunity() {
    let env = start().await;
    deal(&env).await;
    let r = sync(
        &env,
        ROLES,
        json!({"input":[
            {"externalOpportunityId":"O1","leadId":99,"role":"Buyer"},
            {"externalOpportunityId":"nope","leadId":1,"role":"Buyer"}]}),
    )
    .await;
    assert_eq!(
        r[0],
        json!({"seq":0,"status":"skipped","reasons":[{"code":"1004","message":"Lead not found"}]})
    );
    assert_eq!(
        r[1],
        json!({"seq":1,"status":"skipped","reasons":[{"code":"1013","message":"Record not found"}]})
    );
}

#[tokio::test]
async fn get_opportunity_roles_by_lead_and_by_compound_key_with_method_get() {
    let env = start().await;
    deal(&env).await;
    sync(
        &env,
        ROLES,
        json!({"input":[
        {"externalOpportunityId":"O1","leadId":1,"role":"Captain"},
        {"externalOpportunityId":"O1","leadId":1,"role":"Commander"}]}),
    )
    .await;
    let by_lead = assert_success(
        &env.get(&format!("{ROLES}?filterType=leadId&filterValues=1"))
            .await,
    );
    assert_eq!(by_lead.len(), 2);
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url(&format!("{ROLES}?_method=GET")))
                .bearer_auth(token)
                .json(&json!({
                    "filterType": "dedupeFields",
                    "fields": ["marketoGUID", "externalOpportunityId", "leadId", "role"],
                    "input": [
                        {"externalOpportunityId":"O1","leadId":1,"role":"Commander"},
                        {"externalOpportunityId":"O1","leadId":7,"role":"Captain"}]
                })),
        )
        .await;
    let got = assert_success(&r);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["role"], "Commander");
    assert_eq!(got[0]["leadId"], 1);
}

#[tokio::test]
async fn delete_opportunity_roles_by_compound_key() {
    let env = start().await;
    deal(&env).await;
    let role = json!({"externalOpportunityId":"O1","leadId":1,"role":"Buyer"});
    sync(&env, ROLES, json!({"input":[role.clone()]})).await;
    let r = assert_success(
        &env.post_json(
            "/rest/v1/opportunities/roles/delete.json",
            &json!({"deleteBy":"dedupeFields","input":[role.clone(), role]}),
        )
        .await,
    );
    assert_eq!(r[0]["status"], "deleted");
    assert_eq!(r[1]["reasons"][0]["message"], "Record not found");
}

#[tokio::test]
async fn code_1022_an_opportunity_with_roles_cannot_be_deleted() {
    let env = start().await;
    deal(&env).await;
    let role = json!({"externalOpportunityId":"O1","leadId":1,"role":"Buyer"});
    sync(&env, ROLES, json!({"input":[role.clone()]})).await;
    let del = |body: Value| {
        let env = &env;
        async move {
            assert_success(
                &env.post_json("/rest/v1/opportunities/delete.json", &body)
                    .await,
            )
        }
    };
    let r = del(json!({"input":[{"externalOpportunityId":"O1"}]})).await;
    assert_eq!(
        r[0],
        json!({"seq":0,"status":"skipped","reasons":[{"code":"1022","message":"Object in use"}]})
    );
    env.post_json(
        "/rest/v1/opportunities/roles/delete.json",
        &json!({"input":[role]}),
    )
    .await;
    assert_eq!(
        del(json!({"input":[{"externalOpportunityId":"O1"}]})).await[0]["status"],
        "deleted"
    );
}
