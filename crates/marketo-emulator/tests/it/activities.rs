//! Activities over HTTP: types, paging tokens (704 for a bad datetime), activities recorded when leads change
//! (New Lead, Change Data Value, Add to List, Remove from List), paged with nextPageToken/moreResult, and lead
//! changes.

use crate::support::*;
use serde_json::json;

async fn token_since(env: &Env, since: &str) -> String {
    let r = env
        .get(&format!(
            "/rest/v1/activities/pagingtoken.json?sinceDatetime={since}"
        ))
        .await;
    assert_eq!(r.json["success"], true, "{}", r.text);
    assert!(r.json.get("result").is_none());
    r.json["nextPageToken"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn activity_types_list_the_recorded_ones() {
    let env = start().await;
    let types = assert_success(&env.get("/rest/v1/activities/types.json").await);
    let ids: Vec<i64> = types.iter().map(|t| t["id"].as_i64().unwrap()).collect();
    for id in [12, 13, 24, 25] {
        assert!(ids.contains(&id));
    }
    assert_eq!(types[0]["primaryAttribute"]["name"], "Webpage ID");
}

#[tokio::test]
async fn code_704_invalid_date_format() {
    let env = start().await;
    let r = env
        .get("/rest/v1/activities/pagingtoken.json?sinceDatetime=yesterday")
        .await;
    assert_marketo_error(&r, 704, "Invalid date format");
}

#[tokio::test]
async fn activities_recorded_and_paged() {
    let env = start().await;
    env.emu
        .seed(json!({"lists": [{"id": 5, "name": "News"}]}))
        .expect("seed");
    let leads: Vec<_> = (0..4)
        .map(|i| json!({"email": format!("a{i}@example.com"), "firstName": "Old"}))
        .collect();
    assert_success(
        &env.post_json("/rest/v1/leads.json", &json!({"input": leads}))
            .await,
    );
    assert_success(
        &env.post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a0@example.com", "firstName": "New"}]}),
        )
        .await,
    );
    assert_success(
        &env.post_json(
            "/rest/v1/lists/5/leads.json",
            &json!({"input": [{"id": 1}]}),
        )
        .await,
    );
    let token = env.token().await;
    let del = env
        .send(
            env.http
                .delete(env.url("/rest/v1/lists/5/leads.json?id=1"))
                .bearer_auth(token),
        )
        .await;
    assert_success(&del);

    let start_token = token_since(&env, "2026-03-10T00:00:00-06:00").await;
    let mut next = start_token.clone();
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let r = env
            .get(&format!("/rest/v1/activities.json?activityTypeIds=12,13,24,25&batchSize=3&nextPageToken={next}"))
            .await;
        let items = assert_success(&r);
        assert!(
            r.json["nextPageToken"].is_string(),
            "always a nextPageToken"
        );
        seen.extend(items);
        pages += 1;
        next = r.json["nextPageToken"].as_str().unwrap().to_owned();
        if r.json["moreResult"] == false {
            break;
        }
    }
    assert_eq!(pages, 3);
    let types: Vec<i64> = seen
        .iter()
        .map(|a| a["activityTypeId"].as_i64().unwrap())
        .collect();
    assert_eq!(types, vec![12, 12, 12, 12, 13, 24, 25]);
    let change = &seen[4];
    assert_eq!(change["leadId"], 1);
    assert_eq!(change["marketoGUID"], change["id"].to_string());
    assert_eq!(change["activityDate"], "2026-03-10T15:00:00Z");
    assert!(change["attributes"]
        .as_array()
        .unwrap()
        .contains(&json!({"name": "Old Value", "value": "Old"})));
    assert_eq!(seen[5]["primaryAttributeValue"], "News");

    // Only lead 1's, only Add to List.
    let r = env
        .get(&format!(
            "/rest/v1/activities.json?activityTypeIds=24&leadIds=1&nextPageToken={start_token}"
        ))
        .await;
    assert_eq!(assert_success(&r).len(), 1);

    // Lead changes of firstName.
    let r = env
        .get(&format!(
            "/rest/v1/activities/leadchanges.json?fields=firstName&nextPageToken={start_token}"
        ))
        .await;
    let changes = assert_success(&r);
    let cdv: Vec<_> = changes
        .iter()
        .filter(|c| c["activityTypeId"] == 13)
        .collect();
    assert_eq!(cdv.len(), 1);
    assert_eq!(cdv[0]["fields"][0]["oldValue"], "Old");
    assert_eq!(cdv[0]["fields"][0]["newValue"], "New");
    assert_eq!(r.json["moreResult"], false);
}

#[tokio::test]
async fn activities_require_token_and_types_and_limit_them() {
    let env = start().await;
    let token = token_since(&env, "2026-03-01").await;
    assert_marketo_error(
        &env.get("/rest/v1/activities.json?activityTypeIds=1").await,
        1002,
        "Missing value for required parameter 'nextPageToken'",
    );
    assert_marketo_error(
        &env.get(&format!("/rest/v1/activities.json?nextPageToken={token}"))
            .await,
        1002,
        "Missing value for required parameter 'activityTypeIds'",
    );
    let eleven = (1..=11)
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    assert_marketo_error(
        &env.get(&format!(
            "/rest/v1/activities.json?activityTypeIds={eleven}&nextPageToken={token}"
        ))
        .await,
        1003,
        "Invalid data",
    );
    assert_marketo_error(
        &env.get(&format!(
            "/rest/v1/activities/leadchanges.json?nextPageToken={token}"
        ))
        .await,
        1002,
        "Missing value for required parameter 'fields'",
    );
}
