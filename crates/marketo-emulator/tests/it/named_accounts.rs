//! Named accounts and named account lists on the generic object engine, and list membership.

use crate::support::*;
use serde_json::{json, Value};

const ACCOUNTS: &str = "/rest/v1/namedaccounts.json";
const LISTS: &str = "/rest/v1/namedAccountLists.json";

async fn guids(env: &Env, path: &str, body: Value) -> Vec<String> {
    assert_success(&env.post_json(path, &body).await)
        .iter()
        .map(|r| r["marketoGUID"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn describe_named_accounts() {
    let env = start().await;
    let d = &assert_success(&env.get("/rest/v1/namedaccounts/describe.json").await)[0];
    assert_eq!(d["name"], "Named Account");
    assert_eq!(d["description"], "Marketo standard account attribute map");
    assert_eq!(d["idField"], "marketoGUID");
    assert_eq!(d["dedupeFields"], json!(["name"]));
    let searchable = d["searchableFields"].as_array().unwrap();
    assert_eq!(searchable[0], json!(["marketoGUID"]));
    for f in [
        "annualRevenue",
        "domainName",
        "membershipCount",
        "name",
        "score5",
        "state",
    ] {
        assert!(searchable.contains(&json!([f])), "{f}");
    }
}

#[tokio::test]
async fn sync_named_accounts_create_update_and_computed_counts() {
    let env = start().await;
    let r = assert_success(
        &env.post_json(
            ACCOUNTS,
            &json!({"input":[{"name":"Google","domainName":"google.com"},{"name":"Yahoo"}]}),
        )
        .await,
    );
    assert_eq!(r[0]["status"], "created");
    let r = assert_success(
        &env.post_json(
            ACCOUNTS,
            &json!({"action":"updateOnly","dedupeBy":"dedupeFields","input":[{"name":"Google","domainName":"www.google.com","membershipCount":9},{"name":"Nope"}]}),
        )
        .await,
    );
    assert_eq!(r[0]["status"], "updated");
    assert_eq!(r[1]["reasons"][0]["code"], "1013");
    let got = assert_success(
        &env.get(&format!("{ACCOUNTS}?filterType=name&filterValues=Google&fields=domainName,membershipCount,opptyCount"))
            .await,
    );
    assert_eq!(got[0]["domainName"], "www.google.com");
    assert_eq!(
        got[0]["membershipCount"], 0,
        "computed by Marketo, not written"
    );
    assert_eq!(got[0]["opptyCount"], 0);
}

#[tokio::test]
async fn get_named_accounts_by_any_searchable_field() {
    let env = start().await;
    env.post_json(
        ACCOUNTS,
        &json!({"input":[{"name":"Google","industry":"Tech","numberOfEmployees":100},{"name":"Acme","industry":"Tech"}]}),
    )
    .await;
    let r = env
        .get(&format!("{ACCOUNTS}?filterType=industry&filterValues=Tech"))
        .await;
    let got = assert_success(&r);
    let names: Vec<&Value> = got.iter().map(|a| &a["name"]).collect();
    assert_eq!(names, ["Google", "Acme"]);
    let keys: Vec<&String> = got[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["seq", "marketoGUID", "name", "updatedAt", "createdAt"]
    );
    let r = env
        .get(&format!(
            "{ACCOUNTS}?filterType=numberOfEmployees&filterValues=100"
        ))
        .await;
    assert_eq!(assert_success(&r).len(), 1);
}

#[tokio::test]
async fn delete_named_accounts_by_name_and_guid() {
    let env = start().await;
    let g = guids(
        &env,
        ACCOUNTS,
        json!({"input":[{"name":"Google"},{"name":"Yahoo"}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/namedaccounts/delete.json",
            &json!({"input":[{"name":"Google"},{"name":"Marketo"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq":0,"marketoGUID":g[0],"status":"deleted"},
            {"seq":1,"status":"skipped","reasons":[{"code":"1013","message":"Record not found"}]}
        ])
    );
    let r = env
        .post_json(
            "/rest/v1/namedaccounts/delete.json",
            &json!({"deleteBy":"idField","input":[{"marketoGUID":g[1]}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "deleted");
}

#[tokio::test]
async fn get_named_account_fields_and_field_by_name() {
    let env = start().await;
    let r = env
        .get("/rest/v1/namedaccounts/schema/fields.json?batchSize=5")
        .await;
    let page = assert_success(&r);
    let names: Vec<&Value> = page.iter().map(|f| &f["name"]).collect();
    assert_eq!(names, ["name", "domainName", "industry", "sicCode", "city"]);
    assert_eq!(page[3]["length"], 40);
    let r = env
        .get("/rest/v1/namedaccounts/schema/fields/annualRevenue.json")
        .await;
    let f = &assert_success(&r)[0];
    assert_eq!(f["dataType"], "currency");
    assert!(f.get("length").is_none());
}

#[tokio::test]
async fn sync_named_account_lists_is_create_only_by_default() {
    let env = start().await;
    let r = env
        .post_json(
            LISTS,
            &json!({"input":[{"name":"SAAS List"},{"name":"Manufacturing (Domestic)"}]}),
        )
        .await;
    let result = assert_success(&r);
    assert!(result.iter().all(|r| r["status"] == "created"));
    let r = env
        .post_json(LISTS, &json!({"input":[{"name":"SAAS List"}]}))
        .await;
    assert_eq!(
        assert_success(&r)[0]["reasons"],
        json!([{"code":"1017","message":"Object already exists"}])
    );
    // Renamed by id; a name another list has is refused.
    let (a, b) = (&result[0]["marketoGUID"], &result[1]["marketoGUID"]);
    let r = env
        .post_json(
            LISTS,
            &json!({"action":"updateOnly","dedupeBy":"idField","input":[{"marketoGUID":a,"name":"SaaS"},{"marketoGUID":b,"name":"SaaS"}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(r[0]["status"], "updated");
    assert_eq!(r[1]["reasons"][0]["code"], "1017");
}

#[tokio::test]
async fn get_named_account_lists_by_dedupe_and_id_field() {
    let env = start().await;
    let g = guids(
        &env,
        LISTS,
        json!({"input":[{"name":"Saas List"},{"name":"My Account List"}]}),
    )
    .await;
    let r = env
        .get(&format!(
            "{LISTS}?filterType=idField&filterValues={},{}",
            g[0], g[1]
        ))
        .await;
    let got = assert_success(&r);
    assert_eq!(got.len(), 2);
    let keys: Vec<&String> = got[0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "seq",
            "marketoGUID",
            "name",
            "createdAt",
            "updatedAt",
            "type",
            "updateable"
        ]
    );
    assert_eq!(got[0]["type"], "default");
    assert_eq!(got[0]["updateable"], true);
    let r = env
        .get(&format!(
            "{LISTS}?filterType=dedupeFields&filterValues=My%20Account%20List"
        ))
        .await;
    assert_eq!(assert_success(&r)[0]["marketoGUID"], g[1].as_str());
}

#[tokio::test]
async fn delete_named_account_lists_forgets_their_members() {
    let env = start().await;
    let list = guids(&env, LISTS, json!({"input":[{"name":"L"}]}))
        .await
        .remove(0);
    let acct = guids(&env, ACCOUNTS, json!({"input":[{"name":"A"}]}))
        .await
        .remove(0);
    env.post_json(
        &format!("/rest/v1/namedAccountList/{list}/namedAccounts.json"),
        &json!({"input":[{"marketoGUID":acct}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/namedAccountLists/delete.json",
            &json!({"input":[{"name":"L"},{"name":"B2C List"}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(r[0], json!({"seq":0,"marketoGUID":list,"status":"deleted"}));
    assert_eq!(r[1]["reasons"][0]["message"], "Record not found");
    let r = env
        .get(&format!(
            "/rest/v1/namedAccountList/{list}/namedAccounts.json"
        ))
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn add_get_and_remove_named_account_list_members() {
    let env = start().await;
    let list = guids(&env, LISTS, json!({"input":[{"name":"L"}]}))
        .await
        .remove(0);
    let accts = guids(
        &env,
        ACCOUNTS,
        json!({"input":[{"name":"A"},{"name":"B"},{"name":"C"}]}),
    )
    .await;
    let members = format!("/rest/v1/namedAccountList/{list}/namedAccounts.json");
    let r = env
        .post_json(
            &members,
            &json!({"input":[{"marketoGUID":accts[0]},{"marketoGUID":accts[1]},{"marketoGUID":"nope"},{"marketoGUID":accts[1]}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq":0,"marketoGUID":accts[0],"status":"added"},
            {"seq":1,"marketoGUID":accts[1],"status":"added"},
            {"seq":2,"status":"skipped","reasons":[{"code":"1013","message":"Record not found"}]},
            {"seq":3,"marketoGUID":accts[1],"status":"added"}
        ])
    );
    let first = env.get(&format!("{members}?batchSize=1&fields=name")).await;
    assert_eq!(
        assert_success(&first),
        vec![json!({"seq":0,"marketoGUID":accts[0],"name":"A"})]
    );
    let token = first.json["nextPageToken"].as_str().unwrap();
    let next = env
        .get(&format!(
            "{members}?batchSize=1&fields=name&nextPageToken={token}"
        ))
        .await;
    assert_eq!(assert_success(&next)[0]["name"], "B");
    let r = env
        .post_json(
            &format!("/rest/v1/namedAccountList/{list}/namedAccounts/remove.json"),
            &json!({"input":[{"marketoGUID":accts[0]},{"marketoGUID":accts[2]}]}),
        )
        .await;
    let r = assert_success(&r);
    assert_eq!(
        r[0],
        json!({"seq":0,"marketoGUID":accts[0],"status":"removed"})
    );
    assert_eq!(r[1]["reasons"][0]["code"], "1013", "not a member");
    // A deleted account leaves the list.
    env.post_json(
        "/rest/v1/namedaccounts/delete.json",
        &json!({"input":[{"name":"B"}]}),
    )
    .await;
    assert!(assert_success(&env.get(&members).await).is_empty());
    let r = env
        .post_json(
            "/rest/v1/namedAccountList/not-a-list/namedAccounts.json",
            &json!({"input":[{"marketoGUID":accts[2]}]}),
        )
        .await;
    assert_marketo_error(&r, 1013, "Object not found");
}
