//! Usage statistics: calls per day and API user, errors per day and code
//! (`GET /rest/v1/stats/usage.json`, `usage/last7days.json`, `stats/errors.json`, `errors/last7days.json`).

use crate::client::Client;
use crate::error::Error;
use crate::operations::{ApiRequest, Results};
use serde::de::DeserializeOwned;

pub use marketo_types::stats::{ErrorCount, ErrorDay, UsageDay, UserCount};

/// The statistics endpoints. Get one with [`Client::stats`].
///
/// ```no_run
/// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
/// let today = client.stats().usage_today().await?;
/// println!("{} calls today", today.iter().map(|d| d.total).sum::<u64>());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct UsageStats<'a> {
    client: &'a Client,
}

impl<'a> UsageStats<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        UsageStats { client }
    }

    async fn days<T: DeserializeOwned + Send>(&self, path: &str) -> Result<Vec<T>, Error> {
        self.client.send(&Results::new(ApiRequest::get(path))).await
    }

    /// Calls today.
    pub async fn usage_today(&self) -> Result<Vec<UsageDay>, Error> {
        self.days("/rest/v1/stats/usage.json").await
    }

    /// Calls on each of the last 7 days.
    pub async fn usage_last_7_days(&self) -> Result<Vec<UsageDay>, Error> {
        self.days("/rest/v1/stats/usage/last7days.json").await
    }

    /// Errors today.
    pub async fn errors_today(&self) -> Result<Vec<ErrorDay>, Error> {
        self.days("/rest/v1/stats/errors.json").await
    }

    /// Errors on each of the last 7 days.
    pub async fn errors_last_7_days(&self) -> Result<Vec<ErrorDay>, Error> {
        self.days("/rest/v1/stats/errors/last7days.json").await
    }
}
