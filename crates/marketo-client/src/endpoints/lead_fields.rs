//! The lead field schema: list, get by name, create custom fields, update one.

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use crate::paging;
use futures::Stream;
use marketo_types::lead_database::{FieldRecord, FieldStatus, FieldUpdate, NewField};
use marketo_types::limits::MAX_BATCH_SIZE;

/// The lead field schema endpoints. Get one with [`Client::lead_fields`].
#[derive(Debug, Clone, Copy)]
pub struct LeadFields<'a> {
    client: &'a Client,
}

impl<'a> LeadFields<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        LeadFields { client }
    }

    /// Every lead field (`GET /rest/v1/leads/schema/fields.json`), every page.
    pub fn list(&self) -> impl Stream<Item = Result<FieldRecord, Error>> + Send + 'static {
        paging::typed(
            "lead field",
            paging::records(self.client.inner.clone(), |token| {
                let r = ApiRequest::get("/rest/v1/leads/schema/fields.json")
                    .param("batchSize", MAX_BATCH_SIZE.to_string());
                match token {
                    Some(t) => r.param("nextPageToken", t),
                    None => r,
                }
            }),
        )
    }

    /// One field by API name (1006 for an unknown one).
    pub async fn get(&self, name: &str) -> Result<FieldRecord, Error> {
        let op = FirstResult::new(ApiRequest::get(format!(
            "/rest/v1/leads/schema/fields/{name}.json"
        )));
        self.client.send(&op).await
    }

    /// Create custom fields (`POST /rest/v1/leads/schema/fields.json`, at most 100 a call): one status per
    /// field, `created` or `skipped` with reasons.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_types::lead_database::NewField;
    /// let field = NewField { name: "loyaltyTier".into(), display_name: "Loyalty Tier".into(),
    ///     data_type: "integer".into(), ..Default::default() };
    /// let statuses = client.lead_fields().create(&[field]).await?;
    /// assert_eq!(statuses[0].status, "created");
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, fields: &[NewField]) -> Result<Vec<FieldStatus>, Error> {
        let mut out = Vec::with_capacity(fields.len());
        for chunk in fields.chunks(100) {
            let body = serde_json::to_vec(&serde_json::json!({ "input": chunk }))
                .map_err(|e| Error::new(crate::ErrorKind::Request, e.to_string()))?;
            let req = ApiRequest::post_json("/rest/v1/leads/schema/fields.json", body.into());
            out.extend(self.client.send(&Results::new(req)).await?);
        }
        Ok(out)
    }

    /// Update one field (`POST /rest/v1/leads/schema/fields/{name}.json`).
    pub async fn update(&self, name: &str, update: &FieldUpdate) -> Result<FieldStatus, Error> {
        let body = serde_json::to_vec(&serde_json::json!({ "input": [update] }))
            .map_err(|e| Error::new(crate::ErrorKind::Request, e.to_string()))?;
        let req = ApiRequest::post_json(
            format!("/rest/v1/leads/schema/fields/{name}.json"),
            body.into(),
        );
        self.client.send(&FirstResult::new(req)).await
    }
}
