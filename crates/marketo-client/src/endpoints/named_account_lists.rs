//! Named account list membership: Get, Add and Remove Named Account List Members
//! (`/rest/v1/namedAccountList/{id}/namedAccounts.json`), the list named by its `marketoGUID`, each account
//! by its `marketoGUID`. The lists themselves are an object type:
//! [`client.objects(NamedAccountLists)`](crate::NamedAccountLists).

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, Record, RecordWrite};
use crate::outcome::RecordOutcome;
use crate::paging;
use futures::Stream;
use marketo_types::limits::MAX_BATCH_SIZE;
use serde_json::{Map, Value};

impl Client {
    /// The members of named account lists: read, add, remove.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client, list: &str, account: &str) -> Result<(), marketo_client::Error> {
    /// use futures::TryStreamExt;
    /// let members = client.named_account_list_members();
    /// let outcomes = members.add(list, &[account]).await?;
    /// assert_eq!(outcomes[0].status(), "added");
    /// let accounts: Vec<_> = members.get(list, &["name"]).try_collect().await?;
    /// # Ok(()) }
    /// ```
    pub fn named_account_list_members(&self) -> NamedAccountListMembers<'_> {
        NamedAccountListMembers { client: self }
    }
}

/// The named account list membership endpoints. Get one with [`Client::named_account_list_members`].
#[derive(Debug, Clone, Copy)]
pub struct NamedAccountListMembers<'a> {
    client: &'a Client,
}

fn path(list: &str, tail: &str) -> String {
    format!("/rest/v1/namedAccountList/{list}/namedAccounts{tail}")
}

fn guid_records(accounts: &[&str]) -> Vec<Value> {
    accounts
        .iter()
        .map(|g| serde_json::json!({ "marketoGUID": g }))
        .collect()
}

impl NamedAccountListMembers<'_> {
    /// Every named account in the list `list` (a `marketoGUID`), as a stream over every page
    /// (`GET /rest/v1/namedAccountList/{id}/namedAccounts.json`). Empty `fields` asks for the default fields.
    /// An unknown list ends the stream with an [`Error`] with code 1013.
    pub fn get(
        &self,
        list: &str,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Record, Error>> + Send + 'static {
        let fields = (!fields.is_empty()).then(|| fields.join(","));
        let path = path(list, ".json");
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

    /// Add named accounts (by `marketoGUID`) to the list `list`
    /// (`POST /rest/v1/namedAccountList/{id}/namedAccounts.json`), 300 a call: one outcome per account, in
    /// order: `Added`, or `Skipped` with 1013 for an unknown account. An unknown list fails every record with
    /// code 1013.
    pub async fn add(&self, list: &str, accounts: &[&str]) -> Result<Vec<RecordOutcome>, Error> {
        self.change(path(list, ".json"), accounts).await
    }

    /// Remove named accounts (by `marketoGUID`) from the list `list`
    /// (`POST /rest/v1/namedAccountList/{id}/namedAccounts/remove.json`): `Removed`, or `Skipped` with 1013
    /// for an account that is not a member.
    pub async fn remove(&self, list: &str, accounts: &[&str]) -> Result<Vec<RecordOutcome>, Error> {
        self.change(path(list, "/remove.json"), accounts).await
    }

    async fn change(&self, path: String, accounts: &[&str]) -> Result<Vec<RecordOutcome>, Error> {
        Ok(RecordWrite::post(path, Map::new())
            .run(self.client.inner.clone(), &guid_records(accounts))
            .await)
    }
}
