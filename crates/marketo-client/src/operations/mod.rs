//! An operation is a request value with a typed output: it says what to ask ([`Operation::request`]) and how
//! to read the answer ([`Operation::parse`]), and one generic path sends it ([`Client::send`]): throttle,
//! token, attempt, classification against the catalogue, retry, reauthentication, `POST` + `_method=GET`.
//!
//! Three drivers sit on that path, for what one call cannot do alone:
//!
//! - [`records`]: any number of records cut into batches of at most 300 records and 1 MB (a batch is a
//!   [`RecordBatch`] operation), in flight up to the concurrency limit, one [`RecordOutcome`] per record in
//!   input order;
//! - [`paging`](crate::paging): a `Stream` over every page of `nextPageToken` / `moreResult` (a page is a
//!   [`Page`](crate::paging::Page) operation);
//! - [`filter`]: `filterType` / `filterValues` reads over any number of values (300 a call, split further on
//!   1003 "Too many results"), every page followed.
//!
//! [`Objects`] gives every Lead Database object type sync, get by filter, delete and describe over them.
//!
//! ```no_run
//! # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
//! use marketo_client::endpoints::LeadField;
//! use marketo_client::operations::{ApiRequest, Results};
//! // Any endpoint, read as typed results:
//! let fields: Vec<LeadField> = client.send(&Results::new(ApiRequest::get("/rest/v1/leads/describe.json"))).await?;
//! # Ok(()) }
//! ```
//!
//! [`RecordOutcome`]: crate::RecordOutcome

mod batch;
pub(crate) mod filter;
pub mod objects;
pub(crate) mod records;
mod results;
mod write;

pub use crate::request::ApiRequest;
pub use objects::kinds::types::*;
pub use objects::{
    IdKind, KeyBy, ObjectDescription, ObjectKind, ObjectSyncOptions, Objects, Record,
};
pub use results::{FirstResult, Results};
pub(crate) use write::{id_records, RecordWrite};

use crate::client::{Client, Inner};
use crate::error::Error;
use marketo_types::envelope::Envelope;
use serde_json::Value;

/// A request value with a typed output.
///
/// ```
/// use marketo_client::operations::{ApiRequest, Operation};
/// use marketo_client::Error;
/// use marketo_types::envelope::Envelope;
/// use serde_json::Value;
///
/// /// How many results a read returns.
/// struct CountLeads(String);
/// impl Operation for CountLeads {
///     type Output = usize;
///     fn request(&self) -> ApiRequest {
///         ApiRequest::get("/rest/v1/leads.json").param("filterType", "email").param("filterValues", self.0.clone())
///     }
///     fn parse(&self, answer: Envelope<Value>) -> Result<usize, Error> {
///         Ok(answer.results().len())
///     }
/// }
/// assert_eq!(CountLeads("a@b.c".into()).request().path(), "/rest/v1/leads.json");
/// ```
pub trait Operation: Send + Sync {
    /// What a successful answer is read as.
    type Output: Send;

    /// The request, built again for every call of the operation (the client adds the token to each attempt).
    fn request(&self) -> ApiRequest;

    /// Read a successful answer (`success: true`, or the empty answer of a "no data" code such as 702).
    fn parse(&self, answer: Envelope<Value>) -> Result<Self::Output, Error>;
}

impl Inner {
    /// Send `op` on the one path and read its answer.
    pub(crate) async fn send<O: Operation + ?Sized>(&self, op: &O) -> Result<O::Output, Error> {
        let answer = self.execute(op.request()).await?;
        op.parse(answer)
    }
}

impl Client {
    /// Send one operation and read its answer: throttled, authenticated, retried, reauthenticated and
    /// re-methoded as the catalogue says.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_client::endpoints::UsageDay;
    /// use marketo_client::operations::{ApiRequest, Results};
    /// let days: Vec<UsageDay> = client.send(&Results::new(ApiRequest::get("/rest/v1/stats/usage.json"))).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send<O: Operation + ?Sized>(&self, op: &O) -> Result<O::Output, Error> {
        self.inner.send(op).await
    }
}
