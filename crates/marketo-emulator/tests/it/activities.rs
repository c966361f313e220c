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

mod deletions_and_windows {
    use crate::support::*;
    use marketo_emulator::EmulatorConfig;
    use serde_json::json;

    async fn token_since_2000(env: &Env) -> String {
        let r = env
            .get("/rest/v1/activities/pagingtoken.json?sinceDatetime=2000-01-01")
            .await;
        r.json["nextPageToken"].as_str().unwrap().to_owned()
    }

    #[tokio::test]
    async fn get_deleted_leads_reads_the_delete_lead_activities() {
        let env = start().await;
        env.post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a@example.com", "firstName": "Ann", "lastName": "Lee"}, {"email": "b@example.com"}]}),
        )
        .await;
        env.post_json(
            "/rest/v1/leads/delete.json",
            &json!({"input": [{"id": 1}, {"id": 2}]}),
        )
        .await;
        let token = token_since_2000(&env).await;
        let r = env
            .get(&format!(
                "/rest/v1/activities/deletedleads.json?nextPageToken={token}"
            ))
            .await;
        let deleted = assert_success(&r);
        assert_eq!(deleted.len(), 2);
        assert_eq!(deleted[0]["activityTypeId"], 37);
        assert_eq!(deleted[0]["leadId"], 1);
        assert_eq!(deleted[0]["primaryAttributeValue"], "Ann Lee");
        assert_eq!(deleted[1]["primaryAttributeValue"], "b@example.com");
        assert_eq!(r.json["moreResult"], false);
        let types = assert_success(&env.get("/rest/v1/activities/types.json").await);
        assert!(types
            .iter()
            .any(|t| t["id"] == 37 && t["name"] == "Delete Lead"));
    }

    #[tokio::test]
    async fn asset_ids_select_activities_by_their_primary_attribute() {
        let env = start().await;
        env.post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a@example.com"}]}),
        )
        .await;
        env.emu
            .seed(json!({"lists": [{"id": 5, "name": "A"}, {"id": 6, "name": "B"}]}))
            .unwrap();
        for list in [5, 6] {
            env.post_json(
                &format!("/rest/v1/lists/{list}/leads.json"),
                &json!({"input": [{"id": 1}]}),
            )
            .await;
        }
        let token = token_since_2000(&env).await;
        let r = env
            .get(&format!(
                "/rest/v1/activities.json?nextPageToken={token}&activityTypeIds=24&assetIds=6"
            ))
            .await;
        let acts = assert_success(&r);
        assert_eq!(acts.len(), 1);
        assert_eq!(acts[0]["primaryAttributeValueId"], 6);
    }

    /// With `list_member_limit` lowered to 2, a listId read of a 2-member list is 1003 (the rule is 10,000
    /// by default).
    #[tokio::test]
    async fn code_1003_list_id_of_a_list_at_the_member_limit() {
        let mut config =
            EmulatorConfig::from_toml_str("[activities]\nlist_member_limit = 2").unwrap();
        config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
        let env = start_with(|b| b.config(config)).await;
        env.post_json(
            "/rest/v1/leads.json",
            &json!({"input": [{"email": "a@example.com"}, {"email": "b@example.com"}]}),
        )
        .await;
        env.emu
            .seed(json!({"lists": [{"id": 5, "name": "A"}]}))
            .unwrap();
        env.post_json(
            "/rest/v1/lists/5/leads.json",
            &json!({"input": [{"id": 1}]}),
        )
        .await;
        let token = token_since_2000(&env).await;
        let path =
            format!("/rest/v1/activities.json?nextPageToken={token}&activityTypeIds=12&listId=5");
        assert_success(&env.get(&path).await);
        env.post_json(
            "/rest/v1/lists/5/leads.json",
            &json!({"input": [{"id": 2}]}),
        )
        .await;
        assert_marketo_error(
            &env.get(&path).await,
            1003,
            "Static list has too many records",
        );
    }

    /// With a scan window, pages come back short or empty with moreResult:true; paging on returns every
    /// activity exactly once.
    #[tokio::test]
    async fn short_and_empty_pages_with_more_result_are_paged_through() {
        let mut config = EmulatorConfig::from_toml_str("[activities]\nscan_window = 3").unwrap();
        config.set_default_credentials(CLIENT_ID, CLIENT_SECRET);
        let env = start_with(|b| b.config(config)).await;
        let input: Vec<_> = (0..10)
            .map(|i| json!({"email": format!("l{i}@example.com")}))
            .collect();
        env.post_json("/rest/v1/leads.json", &json!({"input": input}))
            .await;
        env.emu
            .seed(json!({"lists": [{"id": 5, "name": "A"}]}))
            .unwrap();
        for id in 1..=10 {
            env.post_json(
                "/rest/v1/lists/5/leads.json",
                &json!({"input": [{"id": id}]}),
            )
            .await;
        }
        let mut token = token_since_2000(&env).await;
        let (mut seen, mut short, mut empty) = (Vec::new(), 0, 0);
        for _ in 0..100 {
            let r = env
                .get(&format!(
                    "/rest/v1/activities.json?nextPageToken={token}&activityTypeIds=24"
                ))
                .await;
            let page = assert_success(&r);
            if page.is_empty() && r.json["moreResult"] == true {
                empty += 1;
            } else if page.len() < 300 && r.json["moreResult"] == true {
                short += 1;
            }
            seen.extend(page.iter().map(|a| a["leadId"].as_i64().unwrap()));
            token = r.json["nextPageToken"].as_str().unwrap().to_owned();
            if r.json["moreResult"] == false {
                break;
            }
        }
        assert_eq!(seen, (1..=10).collect::<Vec<i64>>());
        assert!(short > 0, "short pages");
        assert!(empty > 0, "the New Lead ids come first: empty pages");
    }
}
