//! The lead and list endpoints wired end to end (the domain rules themselves are tested in `leads` and `lists`).

use crate::support::*;
use serde_json::json;

#[tokio::test]
async fn sync_get_filter_delete_round_trip() {
    let env = start().await;
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"action": "createOnly", "input": [
                {"email": "ann@example.com", "firstName": "Ann"},
                {"email": "bob@example.com", "firstName": "Bob"},
                {"email": "ann@example.com"}
            ]}),
        )
        .await;
    let result = assert_success(&r);
    assert_eq!(
        serde_json::Value::Array(result),
        json!([
            {"id": 1, "status": "created"},
            {"id": 2, "status": "created"},
            {"status": "skipped", "reasons": [{"code": "1005", "message": "Lead already exists"}]}
        ])
    );

    let r = env.get("/rest/v1/lead/2.json?fields=email,firstName").await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 2, "email": "bob@example.com", "firstName": "Bob"})]
    );
    assert!(assert_success(&env.get("/rest/v1/lead/99.json").await).is_empty());

    let r = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=ann@example.com,nobody@example.com&fields=firstName")
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 1, "firstName": "Ann"})]
    );

    let r = env
        .post_json(
            "/rest/v1/leads/delete.json",
            &json!({"input": [{"id": 1}, {"id": 7}]}),
        )
        .await;
    assert_eq!(
        serde_json::Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "deleted"},
            {"id": 7, "status": "skipped", "reasons": [{"code": "1004", "message": "Lead not found"}]}
        ])
    );
    // Ids in the query string, no body.
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/leads/delete.json?id=2"))
                .bearer_auth(&token),
        )
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 2, "status": "deleted"})]
    );
}

#[tokio::test]
async fn static_list_membership() {
    let env = start().await;
    env.emu
        .seed(json!({
            "leads": [{"email": "a@example.com"}, {"email": "b@example.com"}],
            "lists": [{"id": 1001, "name": "Newsletter"}]
        }))
        .unwrap();
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/rest/v1/lists/1001/leads.json?id=1,99"))
                .bearer_auth(&token),
        )
        .await;
    assert_eq!(
        serde_json::Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "added"},
            {"id": 99, "status": "skipped", "reasons": [{"code": "1004", "message": "Lead not found"}]}
        ])
    );
    let r = env
        .get_with("/rest/v1/lists/1001/leads/ismember.json?id=1&id=2", &token)
        .await;
    assert_eq!(
        serde_json::Value::Array(assert_success(&r)),
        json!([{"id": 1, "status": "memberof"}, {"id": 2, "status": "notmemberof"}])
    );
    let r = env
        .get_with("/rest/v1/list/1001/leads.json?fields=email", &token)
        .await;
    assert_eq!(
        assert_success(&r),
        vec![json!({"id": 1, "email": "a@example.com"})]
    );
    let r = env
        .send(
            env.http
                .delete(env.url("/rest/v1/lists/1001/leads.json"))
                .bearer_auth(&token)
                .header("content-type", "application/json")
                .body(r#"{"input":[{"id":1},{"id":2}]}"#),
        )
        .await;
    assert_eq!(
        serde_json::Value::Array(assert_success(&r)),
        json!([
            {"id": 1, "status": "removed"},
            {"id": 2, "status": "skipped", "reasons": [{"code": "1015", "message": "Lead not in list"}]}
        ])
    );
    let r = env.get_with("/rest/v1/lists/5/leads.json", &token).await;
    assert_marketo_error(&r, 1013, "Object not found");
}

#[tokio::test]
async fn describe_and_describe2() {
    let env = start().await;
    let r = env.get("/rest/v1/leads/describe.json").await;
    let fields = assert_success(&r);
    assert!(fields.iter().any(|f| f["rest"]["name"] == "email"));
    let r = env.get("/rest/v1/leads/describe2.json").await;
    let v2 = assert_success(&r);
    assert_eq!(v2[0]["name"], "API Lead");
}
