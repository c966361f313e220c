//! The Lead Database's campaigns: find, get, Request Campaign (a trigger campaign's leads, 100 a call) and
//! Schedule Campaign (a batch campaign's run, `runAt`, `cloneToProgramName`, tokens).
//!
//! 1003 (Request Campaign on a batch campaign), 1042 (`runAt` past two years) and 1020 (the day's
//! `cloneToProgramName` allowance spent) come back as an [`Error`] with their code: the request is wrong, or
//! must wait for tomorrow; none is retried.

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult};
use crate::paging;
use futures::Stream;
use marketo_types::lead_database::programs::{
    Campaign, CampaignRef, LeadRef, RunToken, ScheduleInput, TriggerInput,
};
use marketo_types::limits::MAX_BATCH_SIZE;

/// Most leads one Request Campaign call takes.
pub const MAX_REQUESTED_LEADS: usize = 100;

/// The campaign endpoints. Get one with [`Client::campaigns`].
#[derive(Debug, Clone, Copy)]
pub struct Campaigns<'a> {
    client: &'a Client,
}

/// What [`Campaigns::find`] selects: each set empty means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignFilter {
    /// Campaign ids.
    pub ids: Vec<i64>,
    /// Exact names.
    pub names: Vec<String>,
    /// Program names.
    pub programs: Vec<String>,
    /// Workspace names.
    pub workspaces: Vec<String>,
    /// Only campaigns a request can run (`Some(true)`), or only others.
    pub triggerable: Option<bool>,
}

impl<'a> Campaigns<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Campaigns { client }
    }

    /// The campaigns matching `filter` (`GET /rest/v1/campaigns.json`), every page.
    pub fn find(
        &self,
        filter: &CampaignFilter,
    ) -> impl Stream<Item = Result<Campaign, Error>> + Send + 'static {
        let mut params: Vec<(&'static str, String)> = [
            (
                "id",
                filter.ids.iter().map(i64::to_string).collect::<Vec<_>>(),
            ),
            ("name", filter.names.clone()),
            ("programName", filter.programs.clone()),
            ("workspaceName", filter.workspaces.clone()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.join(",")))
        .collect();
        if let Some(t) = filter.triggerable {
            params.push(("isTriggerable", t.to_string()));
        }
        paging::typed(
            "campaign",
            paging::records(self.client.inner.clone(), move |token| {
                let mut r = ApiRequest::get("/rest/v1/campaigns.json")
                    .param("batchSize", MAX_BATCH_SIZE.to_string());
                for (k, v) in &params {
                    r = r.param(k, v.clone());
                }
                match token {
                    Some(t) => r.param("nextPageToken", t),
                    None => r,
                }
            }),
        )
    }

    /// One campaign (`GET /rest/v1/campaigns/{id}.json`); 1013 for an unknown one.
    pub async fn get(&self, id: i64) -> Result<Campaign, Error> {
        let op = FirstResult::new(ApiRequest::get(format!("/rest/v1/campaigns/{id}.json")));
        self.client.send(&op).await
    }

    /// Request Campaign (`POST /rest/v1/campaigns/{id}/trigger.json`): pass leads through a trigger
    /// campaign's flow, 100 leads a call (more go in several calls, each with the tokens).
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_types::lead_database::programs::RunToken;
    /// let token = RunToken { name: "{{my.message}}".into(), value: "Welcome".into() };
    /// client.campaigns().request(1001, &[1, 2], &[token]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request(
        &self,
        id: i64,
        lead_ids: &[i64],
        tokens: &[RunToken],
    ) -> Result<CampaignRef, Error> {
        let mut last = CampaignRef { id };
        for chunk in lead_ids.chunks(MAX_REQUESTED_LEADS) {
            let input = TriggerInput {
                leads: chunk.iter().map(|&id| LeadRef { id }).collect(),
                tokens: tokens.to_vec(),
            };
            last = self.post(id, "trigger", &input).await?;
        }
        Ok(last)
    }

    /// Schedule Campaign (`POST /rest/v1/campaigns/{id}/schedule.json`): the id of the campaign scheduled
    /// (with `cloneToProgramName`, the clone's).
    pub async fn schedule(&self, id: i64, input: &ScheduleInput) -> Result<CampaignRef, Error> {
        self.post(id, "schedule", input).await
    }

    async fn post(
        &self,
        id: i64,
        what: &str,
        input: &impl serde::Serialize,
    ) -> Result<CampaignRef, Error> {
        let body = serde_json::to_vec(&serde_json::json!({ "input": input }))
            .map_err(|e| Error::new(crate::ErrorKind::Request, e.to_string()))?;
        let req =
            ApiRequest::post_json(format!("/rest/v1/campaigns/{id}/{what}.json"), body.into());
        self.client.send(&FirstResult::new(req)).await
    }
}
