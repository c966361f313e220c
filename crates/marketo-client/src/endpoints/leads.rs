//! Leads: sync, get by id, get by filter type, delete, describe.

use super::describe::{LeadField, LeadSchema};
use super::sync::SyncOptions;
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::outcome::RecordOutcome;
use crate::request::ApiRequest;
use crate::transport::Method;
use futures::Stream;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// A lead: its fields by REST name (`id`, `email`, custom fields ...).
pub type Lead = Map<String, Value>;

/// The leads endpoints. Get one with [`Client::leads`].
#[derive(Debug, Clone, Copy)]
pub struct Leads<'a> {
    client: &'a Client,
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
        Ok(super::json_records(
            self.client.inner.clone(),
            Method::Post,
            "/rest/v1/leads.json".into(),
            options.params(),
            &records,
        )
        .await)
    }

    /// One lead by id (`GET /rest/v1/lead/{id}.json`), `None` when there is none. Empty `fields` asks for the
    /// default fields.
    pub async fn get(&self, id: i64, fields: &[&str]) -> Result<Option<Lead>, Error> {
        let mut req = ApiRequest::get(format!("/rest/v1/lead/{id}.json"));
        if !fields.is_empty() {
            req = req.param("fields", fields.join(","));
        }
        let envelope = self.client.inner.execute(req).await?;
        Ok(envelope
            .result
            .unwrap_or_default()
            .into_iter()
            .next()
            .and_then(|v| match v {
                Value::Object(m) => Some(m),
                _ => None,
            }))
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
        super::filter::stream(
            self.client.inner.clone(),
            filter_type.to_owned(),
            values,
            fields,
        )
    }

    /// Delete leads by id (`POST /rest/v1/leads/delete.json`): one outcome per id, in order.
    pub async fn delete(&self, ids: &[i64]) -> Result<Vec<RecordOutcome>, Error> {
        Ok(super::json_records(
            self.client.inner.clone(),
            Method::Post,
            "/rest/v1/leads/delete.json".into(),
            Map::new(),
            &super::id_records(ids),
        )
        .await)
    }

    /// The lead fields (`GET /rest/v1/leads/describe.json`).
    pub async fn describe(&self) -> Result<Vec<LeadField>, Error> {
        self.typed(ApiRequest::get("/rest/v1/leads/describe.json"))
            .await
    }

    /// The lead schema (`GET /rest/v1/leads/describe2.json`).
    pub async fn describe2(&self) -> Result<Vec<LeadSchema>, Error> {
        self.typed(ApiRequest::get("/rest/v1/leads/describe2.json"))
            .await
    }

    async fn typed<T: DeserializeOwned>(&self, req: ApiRequest) -> Result<Vec<T>, Error> {
        let envelope = self.client.inner.execute(req).await?;
        let id = envelope.request_id.clone();
        envelope
            .result
            .unwrap_or_default()
            .into_iter()
            .map(|v| {
                serde_json::from_value(v).map_err(|e| {
                    Error::new(
                        ErrorKind::Protocol,
                        format!("unexpected describe result: {e}"),
                    )
                    .with_request_id(Some(id.clone()))
                })
            })
            .collect()
    }
}
