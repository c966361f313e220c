//! The field schema reads of companies, opportunities and named accounts (`Objects::fields`, every page,
//! and `Objects::field`, 1006 for an unknown name); a type without them is refused before any call.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::{Companies, ErrorKind, NamedAccounts, Opportunities, SalesPersons};
use marketo_types::lead_database::FieldRecord;

#[tokio::test(start_paused = true)]
async fn opportunity_fields_are_read_in_describe_order_and_one_by_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let fields: Vec<FieldRecord> = c
        .objects(Opportunities)
        .fields()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        &names[..3],
        ["externalOpportunityId", "name", "description"]
    );
    assert_eq!(
        (
            fields[0].data_type.as_str(),
            fields[0].length,
            fields[0].is_custom
        ),
        ("string", Some(50), false)
    );
    let stage = c.objects(Opportunities).field("stage").await.unwrap();
    assert_eq!(stage.display_name, "Stage");
    let e = c.objects(Opportunities).field("nope").await.unwrap_err();
    assert_eq!(
        (e.kind(), e.code(), e.message()),
        (ErrorKind::Request, Some(1006), "Field 'nope' not found")
    );
}

#[tokio::test(start_paused = true)]
async fn named_account_fields_and_one_by_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let fields: Vec<FieldRecord> = c
        .objects(NamedAccounts)
        .fields()
        .try_collect()
        .await
        .unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(&names[..4], ["name", "domainName", "industry", "sicCode"]);
    let revenue = c
        .objects(NamedAccounts)
        .field("annualRevenue")
        .await
        .unwrap();
    assert_eq!(
        (revenue.data_type.as_str(), revenue.length),
        ("currency", None)
    );
}

#[tokio::test(start_paused = true)]
async fn company_fields_and_one_by_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let fields: Vec<FieldRecord> = c.objects(Companies).fields().try_collect().await.unwrap();
    assert!(fields.iter().any(|f| f.name == "externalCompanyId"));
    let path = "/rest/v1/companies/schema/fields.json";
    assert_eq!(calls_to(&emu, path).len(), 1, "one page");
    let company = c.objects(Companies).field("company").await.unwrap();
    assert_eq!(company.name, "company");
}

#[tokio::test(start_paused = true)]
async fn field_schema_of_a_type_without_it_is_refused_without_a_call() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let e = c
        .objects(SalesPersons)
        .fields()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    let e = c.objects(SalesPersons).field("email").await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Request);
    assert!(emu.calls().iter().all(|r| !r.path.contains("salespersons")));
}
