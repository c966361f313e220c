//! Programs in the Lead Database: program members (status, data, delete, reads), the program member field
//! schema, the leads of a program, Change Lead Program Status, and a lead's programs.
//!
//! A call names at most 300 leads; longer inputs go in several calls, and each record's `seq` is its position
//! in the whole input. Record-level reasons (1004, 1013 "Membership not found", 1037) are data in the results;
//! a whole-call error (1013 for an unknown program, 1025 for a status the channel does not have) is an
//! [`Error`] carrying its code.

use super::leads::Lead;
use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use crate::paging;
use futures::{Stream, StreamExt};
use marketo_types::lead_database::programs::{LeadStatusResult, MemberResult, Membership};
use marketo_types::lead_database::{FieldRecord, FieldStatus, FieldUpdate, NewField};
use marketo_types::limits::{MAX_BATCH_SIZE, MAX_FILTER_VALUES, MAX_RECORDS_PER_CALL};
use serde::Serialize;
use serde_json::{json, Map, Value};

/// The program member endpoints. Get one with [`Client::programs`].
#[derive(Debug, Clone, Copy)]
pub struct Programs<'a> {
    client: &'a Client,
}

fn body(value: &impl Serialize) -> Result<bytes::Bytes, Error> {
    serde_json::to_vec(value)
        .map(Into::into)
        .map_err(|e| Error::new(crate::ErrorKind::Request, e.to_string()))
}

/// What [`Programs::members`] selects: a searchable field and its values, or an `updatedAt` range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberFilter {
    /// `filterType` and up to 300 `filterValues` (`leadId`, `statusName`, `reachedSuccess`, a custom field).
    Field(String, Vec<String>),
    /// Members updated between two ISO-8601 times (seven days at most).
    UpdatedAt(String, String),
}

impl<'a> Programs<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Programs { client }
    }

    /// Describe Program Member (`GET /rest/v1/programs/members/describe.json`): the field list, searchable
    /// and dedupe fields, as sent.
    pub async fn describe(&self) -> Result<Value, Error> {
        let op = FirstResult::new(ApiRequest::get("/rest/v1/programs/members/describe.json"));
        self.client.send(&op).await
    }

    /// Every program member field (`GET /rest/v1/programs/members/schema/fields.json`), every page.
    pub fn fields(&self) -> impl Stream<Item = Result<FieldRecord, Error>> + Send + 'static {
        paging::typed(
            "program member field",
            paging::records(self.client.inner.clone(), |token| {
                let r = ApiRequest::get("/rest/v1/programs/members/schema/fields.json")
                    .param("batchSize", MAX_BATCH_SIZE.to_string());
                match token {
                    Some(t) => r.param("nextPageToken", t),
                    None => r,
                }
            }),
        )
    }

    /// One program member field by API name (1006 for an unknown one).
    pub async fn field(&self, name: &str) -> Result<FieldRecord, Error> {
        let op = FirstResult::new(ApiRequest::get(format!(
            "/rest/v1/programs/members/schema/fields/{name}.json"
        )));
        self.client.send(&op).await
    }

    /// Create custom program member fields: one status per field, `created` or `skipped` with reasons.
    pub async fn create_fields(&self, fields: &[NewField]) -> Result<Vec<FieldStatus>, Error> {
        let req = ApiRequest::post_json(
            "/rest/v1/programs/members/schema/fields.json",
            body(&json!({ "input": fields }))?,
        );
        self.client.send(&Results::new(req)).await
    }

    /// Update one custom program member field.
    pub async fn update_field(
        &self,
        name: &str,
        update: &FieldUpdate,
    ) -> Result<FieldStatus, Error> {
        let req = ApiRequest::post_json(
            format!("/rest/v1/programs/members/schema/fields/{name}.json"),
            body(&json!({ "input": [update] }))?,
        );
        self.client.send(&FirstResult::new(req)).await
    }

    /// Send `input` in calls of at most 300 records, `seq` renumbered over the whole input.
    async fn in_batches<T: Serialize>(
        &self,
        path: &str,
        input: &[T],
        extra: &Map<String, Value>,
    ) -> Result<Vec<MemberResult>, Error> {
        let mut out = Vec::with_capacity(input.len());
        for (n, chunk) in input.chunks(MAX_RECORDS_PER_CALL).enumerate() {
            let mut b = extra.clone();
            b.insert("input".to_owned(), json!(chunk));
            let req = ApiRequest::post_json(path.to_owned(), body(&b)?);
            let results: Vec<MemberResult> = self.client.send(&Results::new(req)).await?;
            out.extend(results.into_iter().map(|mut r| {
                r.seq += n * MAX_RECORDS_PER_CALL;
                r
            }));
        }
        Ok(out)
    }

    /// Sync Program Member Status (`POST /rest/v1/programs/{id}/members/status.json`): `created`, `updated`,
    /// or `skipped` (1004 "Lead not found", 1037 "already in or past this status") per lead, in order.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// let results = client.programs().sync_status(1044, "Registered", &[1, 2]).await?;
    /// assert_eq!(results.len(), 2);
    /// # Ok(()) }
    /// ```
    pub async fn sync_status(
        &self,
        program_id: i64,
        status: &str,
        lead_ids: &[i64],
    ) -> Result<Vec<MemberResult>, Error> {
        let input: Vec<Value> = lead_ids.iter().map(|id| json!({ "leadId": id })).collect();
        let mut extra = Map::new();
        extra.insert("statusName".to_owned(), status.into());
        let path = format!("/rest/v1/programs/{program_id}/members/status.json");
        self.in_batches(&path, &input, &extra).await
    }

    /// Sync Program Member Data (`POST /rest/v1/programs/{id}/members.json`): each record a `leadId` and
    /// updateable fields; `updated` or `skipped` (1013 "Membership not found", 1006, 1003).
    pub async fn sync_data(
        &self,
        program_id: i64,
        records: &[Map<String, Value>],
    ) -> Result<Vec<MemberResult>, Error> {
        let path = format!("/rest/v1/programs/{program_id}/members.json");
        self.in_batches(&path, records, &Map::new()).await
    }

    /// Delete Program Members (`POST /rest/v1/programs/{id}/members/delete.json`): `deleted` or `skipped`
    /// (1037 "Lead not in program").
    pub async fn delete_members(
        &self,
        program_id: i64,
        lead_ids: &[i64],
    ) -> Result<Vec<MemberResult>, Error> {
        let input: Vec<Value> = lead_ids.iter().map(|id| json!({ "leadId": id })).collect();
        let path = format!("/rest/v1/programs/{program_id}/members/delete.json");
        self.in_batches(&path, &input, &Map::new()).await
    }

    /// Get Program Members (`GET /rest/v1/programs/{id}/members.json`), every page. Empty `fields` asks for
    /// the defaults (`acquiredBy`, `leadId`, `membershipDate`, `programId`, `reachedSuccess`). More than 300
    /// filter values (Marketo's limit, 1003 past it) are read 300 at a time, one group after the other.
    pub fn members(
        &self,
        program_id: i64,
        filter: &MemberFilter,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Map<String, Value>, Error>> + Send + 'static {
        let groups: Vec<Vec<(&'static str, String)>> = match filter {
            MemberFilter::Field(name, values) if values.len() > MAX_FILTER_VALUES => values
                .chunks(MAX_FILTER_VALUES)
                .map(|g| vec![("filterType", name.clone()), ("filterValues", g.join(","))])
                .collect(),
            MemberFilter::Field(name, values) => vec![vec![
                ("filterType", name.clone()),
                ("filterValues", values.join(",")),
            ]],
            MemberFilter::UpdatedAt(start, end) => vec![vec![
                ("filterType", "updatedAt".to_owned()),
                ("startAt", start.clone()),
                ("endAt", end.clone()),
            ]],
        };
        let fields = (!fields.is_empty()).then(|| fields.join(","));
        let path = format!("/rest/v1/programs/{program_id}/members.json");
        let inner = self.client.inner.clone();
        futures::stream::iter(groups)
            .map(move |mut params| {
                if let Some(f) = &fields {
                    params.push(("fields", f.clone()));
                }
                let path = path.clone();
                paging::objects(paging::records(inner.clone(), move |token| {
                    let mut r = ApiRequest::get(path.clone())
                        .param("batchSize", MAX_BATCH_SIZE.to_string());
                    for (k, v) in &params {
                        r = r.param(k, v.clone());
                    }
                    match token {
                        Some(t) => r.param("nextPageToken", t),
                        None => r,
                    }
                }))
            })
            .flatten()
    }

    /// Get Leads by Program Id (`GET /rest/v1/leads/programs/{id}.json`), every page: each lead with its
    /// `membership`. Empty `fields` asks for the default lead fields.
    pub fn leads(
        &self,
        program_id: i64,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Lead, Error>> + Send + 'static {
        let fields = (!fields.is_empty()).then(|| fields.join(","));
        let path = format!("/rest/v1/leads/programs/{program_id}.json");
        paging::objects(paging::records(self.client.inner.clone(), move |token| {
            let mut r =
                ApiRequest::get(path.clone()).param("batchSize", MAX_BATCH_SIZE.to_string());
            if let Some(f) = &fields {
                r = r.param("fields", f.clone());
            }
            match token {
                Some(t) => r.param("nextPageToken", t),
                None => r,
            }
        }))
    }

    /// Change Lead Program Status (`POST /rest/v1/leads/programs/{id}/status.json`): `updated` or `skipped`
    /// per lead, each with its id.
    pub async fn change_status(
        &self,
        program_id: i64,
        status: &str,
        lead_ids: &[i64],
    ) -> Result<Vec<LeadStatusResult>, Error> {
        let mut out = Vec::with_capacity(lead_ids.len());
        for chunk in lead_ids.chunks(MAX_RECORDS_PER_CALL) {
            let input: Vec<Value> = chunk.iter().map(|id| json!({ "id": id })).collect();
            let req = ApiRequest::post_json(
                format!("/rest/v1/leads/programs/{program_id}/status.json"),
                body(&json!({ "status": status, "input": input }))?,
            );
            out.extend(
                self.client
                    .send(&Results::<LeadStatusResult>::new(req))
                    .await?,
            );
        }
        Ok(out)
    }

    /// Get Programs by Lead Id (`GET /rest/v1/leads/{id}/programMembership.json`), every page.
    pub fn of_lead(
        &self,
        lead_id: i64,
    ) -> impl Stream<Item = Result<Membership, Error>> + Send + 'static {
        let path = format!("/rest/v1/leads/{lead_id}/programMembership.json");
        paging::typed(
            "program membership",
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
}
