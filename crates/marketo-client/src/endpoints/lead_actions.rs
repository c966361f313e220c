//! The lead calls beyond sync and get: merge, associate, push, submit form, partitions, and what a lead is a
//! member of.

use super::leads::{Lead, Leads};
use crate::error::Error;
use crate::operations::{ApiRequest, RecordWrite, Results};
use crate::outcome::RecordOutcome;
use crate::paging;
use futures::Stream;
use marketo_types::lead_database::{Partition, StaticList};
use marketo_types::limits::MAX_BATCH_SIZE;
use serde_json::{Map, Value};

/// What Push Lead to Marketo attributes its activity to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushOptions {
    /// The program (required by Marketo).
    pub program_name: String,
    /// The activity's source.
    pub source: Option<String>,
    /// The activity's reason.
    pub reason: Option<String>,
    /// The lookup field (default email).
    pub lookup_field: Option<String>,
    /// The partition new leads go to.
    pub partition: Option<String>,
}

/// One form submission (Submit Form).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormSubmission {
    /// The form's id.
    pub form_id: i64,
    /// The form's fields by REST name (`email` required).
    pub fields: Lead,
    /// `visitorData`: `pageURL`, `queryString`, `leadClientIpAddress`, `userAgentString`.
    pub visitor: Map<String, Value>,
    /// A Munchkin cookie to associate.
    pub cookie: Option<String>,
}

impl Leads<'_> {
    /// Merge leads (`POST /rest/v1/leads/{winner}/merge.json`): the losers' values fill the winner's empty
    /// fields, their memberships and activities move to it, they are deleted. At most 25 losers (1080).
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// client.leads().merge(1, &[2, 3], false).await?;
    /// # Ok(()) }
    /// ```
    pub async fn merge(
        &self,
        winner: i64,
        losers: &[i64],
        merge_in_crm: bool,
    ) -> Result<(), Error> {
        let ids: Vec<String> = losers.iter().map(i64::to_string).collect();
        let req = ApiRequest::post_json(format!("/rest/v1/leads/{winner}/merge.json"), "{}".into())
            .param("leadIds", ids.join(","))
            .param("mergeInCRM", merge_in_crm.to_string());
        self.client
            .send(&Results::<Value>::new(req))
            .await
            .map(drop)
    }

    /// Associate a Munchkin cookie with a lead (`POST /rest/v1/leads/{id}/associate.json`); 1012 for a
    /// malformed cookie.
    pub async fn associate(&self, lead: i64, cookie: &str) -> Result<(), Error> {
        let req =
            ApiRequest::post_json(format!("/rest/v1/leads/{lead}/associate.json"), "{}".into())
                .param("cookie", cookie);
        self.client
            .send(&Results::<Value>::new(req))
            .await
            .map(drop)
    }

    /// Push leads to Marketo (`POST /rest/v1/leads/push.json`): an upsert that records a Push Lead to
    /// Marketo activity for the program; one outcome per lead in input order.
    pub async fn push(
        &self,
        leads: Vec<Lead>,
        options: &PushOptions,
    ) -> Result<Vec<RecordOutcome>, Error> {
        let mut params = Map::new();
        params.insert("programName".into(), options.program_name.clone().into());
        for (k, v) in [
            ("source", &options.source),
            ("reason", &options.reason),
            ("lookupField", &options.lookup_field),
            ("partitionName", &options.partition),
        ] {
            if let Some(v) = v {
                params.insert(k.into(), v.clone().into());
            }
        }
        let records: Vec<Value> = leads.into_iter().map(Value::Object).collect();
        Ok(RecordWrite::post("/rest/v1/leads/push.json", params)
            .run(self.client.inner.clone(), &records)
            .await)
    }

    /// Submit a form (`POST /rest/v1/leads/submitForm.json`): an upsert by email that records a Fill Out Form
    /// activity and associates the cookie.
    pub async fn submit_form(&self, form: &FormSubmission) -> Result<RecordOutcome, Error> {
        let mut entry = Map::new();
        entry.insert("leadFormFields".into(), Value::Object(form.fields.clone()));
        if !form.visitor.is_empty() {
            entry.insert("visitorData".into(), Value::Object(form.visitor.clone()));
        }
        if let Some(c) = &form.cookie {
            entry.insert("cookie".into(), c.clone().into());
        }
        let mut params = Map::new();
        params.insert("formId".into(), form.form_id.into());
        let mut out = RecordWrite::post("/rest/v1/leads/submitForm.json", params)
            .run(self.client.inner.clone(), &[Value::Object(entry)])
            .await;
        Ok(out.remove(0))
    }

    /// The lead partitions (`GET /rest/v1/leads/partitions.json`).
    pub async fn partitions(&self) -> Result<Vec<Partition>, Error> {
        let op = Results::new(ApiRequest::get("/rest/v1/leads/partitions.json"));
        self.client.send(&op).await
    }

    /// Move leads to partitions (`POST /rest/v1/leads/partitions.json`): one outcome per move (`Updated`, or
    /// `Skipped` with 1004, 1008, 1009).
    pub async fn move_to_partitions(
        &self,
        moves: &[(i64, &str)],
    ) -> Result<Vec<RecordOutcome>, Error> {
        let records: Vec<Value> = moves
            .iter()
            .map(|(id, p)| serde_json::json!({"id": id, "partitionName": p}))
            .collect();
        Ok(
            RecordWrite::post("/rest/v1/leads/partitions.json", Map::new())
                .run(self.client.inner.clone(), &records)
                .await,
        )
    }

    /// The static lists a lead is a member of (`GET /rest/v1/leads/{id}/listMembership.json`), every page.
    pub fn lists_of(
        &self,
        lead: i64,
    ) -> impl Stream<Item = Result<StaticList, Error>> + Send + 'static {
        let path = format!("/rest/v1/leads/{lead}/listMembership.json");
        paging::typed(
            "listMembership",
            paging::records(self.client.inner.clone(), move |token| {
                let r =
                    ApiRequest::get(path.clone()).param("batchSize", MAX_BATCH_SIZE.to_string());
                match token {
                    Some(t) => r.param("nextPageToken", t),
                    None => r,
                }
            }),
        )
    }

    /// The programs a lead is a member of (`GET /rest/v1/leads/{id}/programMembership.json`).
    pub async fn programs_of(&self, lead: i64) -> Result<Vec<Value>, Error> {
        let op = Results::new(ApiRequest::get(format!(
            "/rest/v1/leads/{lead}/programMembership.json"
        )));
        self.client.send(&op).await
    }

    /// The smart campaigns a lead is a member of (`GET /rest/v1/leads/{id}/smartCampaignMembership.json`).
    pub async fn campaigns_of(&self, lead: i64) -> Result<Vec<Value>, Error> {
        let op = Results::new(ApiRequest::get(format!(
            "/rest/v1/leads/{lead}/smartCampaignMembership.json"
        )));
        self.client.send(&op).await
    }
}
