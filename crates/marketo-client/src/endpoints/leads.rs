//! Leads: sync, get by id, get by filter type, delete, describe.

use super::describe::{LeadField, LeadSchema};
use super::sync::SyncOptions;
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::operations::filter::FilterRead;
use crate::operations::{id_records, ApiRequest, RecordWrite, Results};
use crate::outcome::RecordOutcome;
use futures::Stream;
use serde_json::{Map, Value};

/// A lead: its fields by REST name (`id`, `email`, custom fields ...).
pub type Lead = Map<String, Value>;

/// The leads endpoints. Get one with [`Client::leads`].
#[derive(Debug, Clone, Copy)]
pub struct Leads<'a> {
    pub(super) client: &'a Client,
}

impl<'a> Leads<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Leads { client }
    }

    /// Create or update leads (`POST /rest/v1/leads.json`): any number of records, sent in batches of at most
    /// 300 records and 1 MB, up to the concurrency limit at once. Returns one outcome per record, in input
    /// order. A run stopped by a quota (607) returns the records not done as `Failed` with an error whose
    /// `reset_at()` says when to resume (see [`stopped_by`](crate::stopped_by)).
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_client::{SyncAction, SyncOptions};
    /// let mut lead = serde_json::Map::new();
    /// lead.insert("email".into(), "ada@example.com".into());
    /// let outcomes = client.leads().sync(vec![lead], SyncOptions { action: SyncAction::CreateOrUpdate, ..Default::default() }).await?;
    /// println!("{}", outcomes[0].status());
    /// # Ok(()) }
    /// ```
    pub async fn sync(
        &self,
        records: Vec<Lead>,
        options: SyncOptions,
    ) -> Result<Vec<RecordOutcome>, Error> {
        if options
            .lookup_field
            .as_deref()
            .is_some_and(|f| f.trim().is_empty())
        {
            return Err(Error::new(ErrorKind::Request, "lookup field is empty"));
        }
        if options
            .partition
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            return Err(Error::new(ErrorKind::Request, "partition name is empty"));
        }
        let records: Vec<Value> = records.into_iter().map(Value::Object).collect();
        Ok(RecordWrite::post("/rest/v1/leads.json", options.params())
            .run(self.client.inner.clone(), &records)
            .await)
    }

    /// One lead by id (`GET /rest/v1/lead/{id}.json`), `None` when there is none. Empty `fields` asks for the
    /// default fields.
    pub async fn get(&self, id: i64, fields: &[&str]) -> Result<Option<Lead>, Error> {
        let mut req = ApiRequest::get(format!("/rest/v1/lead/{id}.json"));
        if !fields.is_empty() {
            req = req.param("fields", fields.join(","));
        }
        let leads: Vec<Lead> = self.client.send(&Results::new(req)).await?;
        Ok(leads.into_iter().next())
    }

    /// Leads whose `filter_type` field matches any of `values` (`GET /rest/v1/leads.json`), as a stream.
    /// Any number of values: sent 300 at a time, as `POST` + `_method=GET` when the URI would pass 8 KB,
    /// split further when Marketo answers 1003 "Too many results", every page followed.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use futures::TryStreamExt;
    /// let leads: Vec<_> = client.leads()
    ///     .by_filter("email", vec!["ada@example.com".into()], &["id", "email"])
    ///     .try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn by_filter(
        &self,
        filter_type: &str,
        values: Vec<String>,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Lead, Error>> + Send + 'static {
        FilterRead {
            path: "/rest/v1/leads.json".to_owned(),
            filter_type: filter_type.to_owned(),
            values,
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        }
        .stream(self.client.inner.clone())
    }

    /// Delete leads by id (`POST /rest/v1/leads/delete.json`): one outcome per id, in order.
    pub async fn delete(&self, ids: &[i64]) -> Result<Vec<RecordOutcome>, Error> {
        Ok(RecordWrite::post("/rest/v1/leads/delete.json", Map::new())
            .run(self.client.inner.clone(), &id_records(ids))
            .await)
    }

    /// The lead fields (`GET /rest/v1/leads/describe.json`).
    pub async fn describe(&self) -> Result<Vec<LeadField>, Error> {
        let op = Results::new(ApiRequest::get("/rest/v1/leads/describe.json"));
        self.client.send(&op).await
    }

    /// The lead schema (`GET /rest/v1/leads/describe2.json`).
    pub async fn describe2(&self) -> Result<Vec<LeadSchema>, Error> {
        let op = Results::new(ApiRequest::get("/rest/v1/leads/describe2.json"));
        self.client.send(&op).await
    }
}
