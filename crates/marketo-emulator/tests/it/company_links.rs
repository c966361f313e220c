//! Companies beyond the record operations: the `schema/fields` reads, leads linked to a company reading its
//! fields (and 1021 on writing them), a company in use (1022), and CRM-owned types under `[crm] native_sync`
//! (1018).

use crate::support::*;
use serde_json::{json, Value};

#[tokio::test]
async fn get_company_fields_paged_and_by_name() {
    let env = start().await;
    let first = env
        .get("/rest/v1/companies/schema/fields.json?batchSize=5")
        .await;
    let page = assert_success(&first);
    assert_eq!(page.len(), 5);
    assert_eq!(page[1]["name"], "company");
    assert_eq!(page[1]["isCustom"], false);
    assert_eq!(first.json["moreResult"], true);
    let r = env
        .get("/rest/v1/companies/schema/fields/industry.json")
        .await;
    assert_eq!(
        assert_success(&r),
        vec![
            json!({"displayName":"Industry","name":"industry","description":null,"dataType":"string","length":255,"isHidden":false,"isHtmlEncodingInEmail":true,"isSensitive":false,"isCustom":false,"isApiCreated":false})
        ]
    );
    let r = env.get("/rest/v1/companies/schema/fields/bogus.json").await;
    assert_marketo_error(&r, 1006, "Field 'bogus' not found");
}

#[tokio::test]
async fn a_lead_linked_to_a_company_reads_the_company_fields() {
    let env = start().await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input":[{"email":"a@x.com","company":"Own name"},{"email":"b@x.com","company":"Unlinked"}]}),
    )
    .await;
    env.post_json(
        "/rest/v1/companies.json",
        &json!({"input":[{"externalCompanyId":"C1","company":"Acme","industry":"Retail"}]}),
    )
    .await;
    // Linking the lead (no company field in the record, so no 1021).
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"action":"updateOnly","input":[{"email":"a@x.com","externalCompanyId":"C1"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "updated");
    let got = env
        .get("/rest/v1/lead/1.json?fields=company,industry")
        .await;
    assert_eq!(
        assert_success(&got),
        vec![json!({"id":1,"company":"Acme","industry":"Retail"})]
    );
    let got = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=a@x.com,b@x.com&fields=company")
        .await;
    assert_eq!(
        Value::Array(assert_success(&got)),
        json!([{"id":1,"company":"Acme"},{"id":2,"company":"Unlinked"}])
    );
    // The company changes: the lead reads the new value.
    env.post_json(
        "/rest/v1/companies.json",
        &json!({"input":[{"externalCompanyId":"C1","company":"Acme Corp"}]}),
    )
    .await;
    let got = env.get("/rest/v1/lead/1.json?fields=company").await;
    assert_eq!(assert_success(&got)[0]["company"], "Acme Corp");
    // A company field written on the linked lead is 1021.
    let r = env
        .post_json(
            "/rest/v1/leads.json",
            &json!({"input":[{"email":"a@x.com","company":"Mine"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["reasons"][0]["code"], "1021");
}

#[tokio::test]
async fn code_1022_a_company_leads_link_to_cannot_be_deleted() {
    let env = start().await;
    env.post_json(
        "/rest/v1/companies.json",
        &json!({"input":[{"externalCompanyId":"C1"},{"externalCompanyId":"C2"}]}),
    )
    .await;
    env.post_json(
        "/rest/v1/leads.json",
        &json!({"input":[{"email":"a@x.com","externalCompanyId":"C1"}]}),
    )
    .await;
    let r = env
        .post_json(
            "/rest/v1/companies/delete.json",
            &json!({"input":[{"externalCompanyId":"C1"},{"externalCompanyId":"C2"}]}),
        )
        .await;
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"seq":0,"status":"skipped","reasons":[{"code":"1022","message":"Object in use"}]},
            {"seq":1,"id":2,"status":"deleted"}
        ])
    );
}

#[tokio::test]
async fn code_1018_crm_owned_types_are_read_only_under_native_crm_sync() {
    let env = start_with_toml("[crm]\nnative_sync = true\n").await;
    let crm_enabled = json!([{"code":"1018","message":"CRM Enabled"}]);
    for (path, record) in [
        ("/rest/v1/companies.json", json!({"externalCompanyId":"C1"})),
        (
            "/rest/v1/opportunities.json",
            json!({"externalOpportunityId":"O1","name":"n"}),
        ),
        (
            "/rest/v1/opportunities/roles.json",
            json!({"externalOpportunityId":"O1","leadId":1,"role":"r"}),
        ),
        (
            "/rest/v1/salespersons.json",
            json!({"externalSalesPersonId":"S1"}),
        ),
        (
            "/rest/v1/companies/delete.json",
            json!({"externalCompanyId":"C1"}),
        ),
        (
            "/rest/v1/salespersons/delete.json",
            json!({"externalSalesPersonId":"S1"}),
        ),
    ] {
        let r = env.post_json(path, &json!({ "input": [record] })).await;
        assert_eq!(assert_success(&r)[0]["reasons"], crm_enabled, "{path}");
    }
    // Named accounts are not the CRM's.
    let r = env
        .post_json(
            "/rest/v1/namedaccounts.json",
            &json!({"input":[{"name":"Google"}]}),
        )
        .await;
    assert_eq!(assert_success(&r)[0]["status"], "created");
}
