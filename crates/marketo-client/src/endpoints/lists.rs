//! Static lists: get, add, remove, is-member, members.

use super::leads::Lead;
use crate::client::Client;
use crate::error::Error;
use crate::operations::records::{self, MakeRequest};
use crate::operations::{id_records, ApiRequest, FirstResult, RecordWrite};
use crate::outcome::RecordOutcome;
use crate::paging;
use crate::shape::Piece;
use crate::transport::Method;
use futures::Stream;
use marketo_types::lead_database::StaticList;
use marketo_types::limits::{MAX_BATCH_SIZE, MAX_RECORDS_PER_CALL};
use serde_json::Map;
use std::sync::Arc;

/// The static list endpoints. Get one with [`Client::lists`].
#[derive(Debug, Clone, Copy)]
pub struct Lists<'a> {
    client: &'a Client,
}

impl<'a> Lists<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Lists { client }
    }

    /// Add leads to a list (`POST /rest/v1/lists/{id}/leads.json`): one outcome per id (`Added`, or `Skipped`
    /// with 1004), in order, 300 ids per call.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// let outcomes = client.lists().add(1001, &[1, 2, 3]).await?;
    /// assert_eq!(outcomes.len(), 3);
    /// # Ok(()) }
    /// ```
    pub async fn add(&self, list_id: i64, lead_ids: &[i64]) -> Result<Vec<RecordOutcome>, Error> {
        self.membership(Method::Post, list_id, lead_ids).await
    }

    /// Remove leads from a list (`DELETE /rest/v1/lists/{id}/leads.json`): `Removed`, or `Skipped` with 1015
    /// "Lead not in list" or 1004.
    pub async fn remove(
        &self,
        list_id: i64,
        lead_ids: &[i64],
    ) -> Result<Vec<RecordOutcome>, Error> {
        self.membership(Method::Delete, list_id, lead_ids).await
    }

    async fn membership(
        &self,
        method: Method,
        list_id: i64,
        lead_ids: &[i64],
    ) -> Result<Vec<RecordOutcome>, Error> {
        let write = RecordWrite {
            method,
            path: format!("/rest/v1/lists/{list_id}/leads.json"),
            params: Map::new(),
        };
        Ok(write
            .run(self.client.inner.clone(), &id_records(lead_ids))
            .await)
    }

    /// Whether each lead is in the list (`GET /rest/v1/lists/{id}/leads/ismember.json`): `MemberOf`,
    /// `NotMemberOf`, or `Skipped` with 1004, one per id in order.
    pub async fn is_member(
        &self,
        list_id: i64,
        lead_ids: &[i64],
    ) -> Result<Vec<RecordOutcome>, Error> {
        let ids: Arc<Vec<String>> = Arc::new(lead_ids.iter().map(i64::to_string).collect());
        let plan: Vec<Piece> = (0..ids.len())
            .step_by(MAX_RECORDS_PER_CALL)
            .map(|s| Piece::Batch(s..(s + MAX_RECORDS_PER_CALL).min(ids.len())))
            .collect();
        let path = format!("/rest/v1/lists/{list_id}/leads/ismember.json");
        let make: MakeRequest =
            Arc::new(move |range| ApiRequest::get(path.clone()).param("id", ids[range].join(",")));
        Ok(records::run(self.client.inner.clone(), plan, make).await)
    }

    /// Every lead of a list (`GET /rest/v1/lists/{id}/leads.json`), following every page. Empty `fields`
    /// asks for the default fields.
    pub fn members(
        &self,
        list_id: i64,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Lead, Error>> + Send + 'static {
        let fields = (!fields.is_empty()).then(|| fields.join(","));
        let path = format!("/rest/v1/lists/{list_id}/leads.json");
        paging::objects(paging::records(self.client.inner.clone(), move |token| {
            let mut r =
                ApiRequest::get(path.clone()).param("batchSize", MAX_BATCH_SIZE.to_string());
            if let Some(f) = &fields {
                r = r.param("fields", f.clone());
            }
            if let Some(t) = token {
                r = r.param("nextPageToken", t);
            }
            r
        }))
    }

    /// The static lists matching `filter` (`GET /rest/v1/lists.json`), every page; an empty filter is every
    /// list.
    pub fn find(
        &self,
        filter: &ListFilter,
    ) -> impl Stream<Item = Result<StaticList, Error>> + Send + 'static {
        let params: Vec<(&'static str, String)> = [
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
        paging::typed(
            "static list",
            paging::records(self.client.inner.clone(), move |token| {
                let mut r = ApiRequest::get("/rest/v1/lists.json")
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

    /// One static list (`GET /rest/v1/lists/{id}.json`); 1013 for an unknown one.
    pub async fn get(&self, list_id: i64) -> Result<StaticList, Error> {
        let op = FirstResult::new(ApiRequest::get(format!("/rest/v1/lists/{list_id}.json")));
        self.client.send(&op).await
    }
}

/// What [`Lists::find`] selects: each set empty means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// List ids.
    pub ids: Vec<i64>,
    /// Exact names.
    pub names: Vec<String>,
    /// Program names.
    pub programs: Vec<String>,
    /// Workspace names.
    pub workspaces: Vec<String>,
}
