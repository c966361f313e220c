//! Activities: the activity types, a paging token from a datetime, and activities and lead changes as
//! paging `Stream`s. A page may hold fewer records than asked while `moreResult` is true, so paging goes on
//! until `moreResult` is false, never until a short page.

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, Operation, Results};
use crate::paging;
use chrono::{DateTime, SecondsFormat, Utc};
use futures::{Stream, StreamExt, TryStreamExt};
use marketo_types::envelope::Envelope;
use marketo_types::limits::{MAX_ACTIVITY_TYPE_IDS, MAX_BATCH_SIZE};
use serde::de::DeserializeOwned;
use serde_json::Value;

pub use marketo_types::activity::{Activity, ActivityType, LeadChange};

/// The activity endpoints. Get one with [`Client::activities`].
#[derive(Debug, Clone, Copy)]
pub struct Activities<'a> {
    client: &'a Client,
}

impl<'a> Activities<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Activities { client }
    }

    /// Every activity type of the instance.
    pub async fn types(&self) -> Result<Vec<ActivityType>, Error> {
        let op = Results::new(ApiRequest::get("/rest/v1/activities/types.json"));
        self.client.send(&op).await
    }

    /// A paging token for activities since `since`, an ISO-8601 datetime as given (`2024-05-01T00:00:00Z`,
    /// `2024-05-01`). Marketo answers 704 "Invalid date format" for one it cannot read: an
    /// [`ErrorKind::Request`](crate::ErrorKind::Request) with code 704.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use futures::TryStreamExt;
    /// let token = client.activities().paging_token("2024-05-01T00:00:00Z").await?;
    /// let new_leads: Vec<_> = client.activities().list(token, &[12]).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub async fn paging_token(&self, since: &str) -> Result<String, Error> {
        self.client.send(&PagingToken(since.to_owned())).await
    }

    /// A paging token for activities since `since`.
    pub async fn paging_token_at(&self, since: DateTime<Utc>) -> Result<String, Error> {
        self.paging_token(&since.to_rfc3339_opts(SecondsFormat::Secs, true))
            .await
    }

    /// Every activity of `type_ids` from `token` on (`GET /rest/v1/activities.json`), 300 a page. More than
    /// 10 types are read 10 at a time (Marketo's limit), one group after the other.
    pub fn list(
        &self,
        token: String,
        type_ids: &[i64],
    ) -> impl Stream<Item = Result<Activity, Error>> + Send + 'static {
        let inner = self.client.inner.clone();
        let groups: Vec<String> = type_ids
            .chunks(MAX_ACTIVITY_TYPE_IDS)
            .map(|g| g.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
            .collect();
        futures::stream::iter(groups)
            .map(move |ids| {
                let token = token.clone();
                paged(
                    inner.clone(),
                    "/rest/v1/activities.json",
                    token,
                    Some(("activityTypeIds", ids)),
                )
            })
            .flatten()
    }

    /// Every Delete Lead activity from `token` on (`GET /rest/v1/activities/deletedleads.json`).
    pub fn deleted_leads(
        &self,
        token: String,
    ) -> impl Stream<Item = Result<Activity, Error>> + Send + 'static {
        paged(
            self.client.inner.clone(),
            "/rest/v1/activities/deletedleads.json",
            token,
            None,
        )
    }

    /// Every change of `fields` from `token` on (`GET /rest/v1/activities/leadchanges.json`).
    pub fn lead_changes(
        &self,
        token: String,
        fields: &[&str],
    ) -> impl Stream<Item = Result<LeadChange, Error>> + Send + 'static {
        paged(
            self.client.inner.clone(),
            "/rest/v1/activities/leadchanges.json",
            token,
            Some(("fields", fields.join(","))),
        )
    }
}

/// Get Paging Token: the `nextPageToken` of activities since a datetime.
struct PagingToken(String);

impl Operation for PagingToken {
    type Output = String;

    fn request(&self) -> ApiRequest {
        ApiRequest::get("/rest/v1/activities/pagingtoken.json")
            .param("sinceDatetime", self.0.clone())
    }

    fn parse(&self, answer: Envelope<Value>) -> Result<String, Error> {
        answer
            .next_page_token
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                Error::new(
                    crate::ErrorKind::Protocol,
                    "the paging token answer has no nextPageToken",
                )
                .with_request_id(Some(answer.request_id))
            })
    }
}

fn paged<T: DeserializeOwned + Send + 'static>(
    inner: std::sync::Arc<crate::client::Inner>,
    path: &'static str,
    first: String,
    extra: Option<(&'static str, String)>,
) -> impl Stream<Item = Result<T, Error>> + Send + 'static {
    paging::records(inner, move |token| {
        let r = ApiRequest::get(path)
            .param("nextPageToken", token.unwrap_or(&first).to_owned())
            .param("batchSize", MAX_BATCH_SIZE.to_string());
        match &extra {
            Some((key, value)) => r.param(key, value.clone()),
            None => r,
        }
    })
    .and_then(move |v: Value| async move {
        serde_json::from_value(v)
            .map_err(|e| Error::new(crate::ErrorKind::Protocol, format!("{path}: {e}")))
    })
}
