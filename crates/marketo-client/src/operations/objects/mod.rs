//! Every Lead Database object type's four operations, written once over the shaping, paging and outcome
//! code: sync (`action`, `dedupeBy`), get by `filterType` (a paged `Stream`), delete (`deleteBy`) and
//! describe; besides, get by compound keys (`keys.rs`) and, for the types that have them, the field schema
//! reads (`fields.rs`). A type is a small [`ObjectKind`] value ([`Companies`], ...); [`kinds`] lists them.

mod description;
mod fields;
mod keys;
mod kind;
pub mod kinds;
mod options;

pub use description::ObjectDescription;
pub use kind::{IdKind, ObjectKind, ALL_ACTIONS};
pub use kinds::types::*;
pub use options::{KeyBy, ObjectSyncOptions};

use super::filter::FilterRead;
use super::{ApiRequest, FirstResult, RecordWrite};
use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::outcome::RecordOutcome;
use futures::Stream;
use serde_json::{Map, Value};

/// A record of an object type: its fields by REST name.
pub type Record = Map<String, Value>;

/// The operations of one object type. Get one with [`Client::objects`].
///
/// ```no_run
/// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
/// use futures::TryStreamExt;
/// use marketo_client::{Companies, ObjectSyncOptions};
/// let companies = client.objects(Companies);
/// let record = serde_json::json!({"externalCompanyId": "acme", "company": "Acme"});
/// let outcomes = companies.sync(vec![record.as_object().unwrap().clone()], ObjectSyncOptions::default()).await?;
/// let found: Vec<_> = companies.get("externalCompanyId", vec!["acme".into()], &["company"]).try_collect().await?;
/// # Ok(()) }
/// ```
#[derive(Clone, Copy)]
pub struct Objects<'a, K> {
    client: &'a Client,
    kind: K,
}

impl<K: ObjectKind> std::fmt::Debug for Objects<'_, K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Objects")
            .field("kind", &self.kind.name())
            .finish_non_exhaustive()
    }
}

impl<'a, K: ObjectKind> Objects<'a, K> {
    pub(crate) fn new(client: &'a Client, kind: K) -> Self {
        Objects { client, kind }
    }

    /// The object type.
    pub fn kind(&self) -> &K {
        &self.kind
    }

    /// The error of an operation the type does not have, refused before any call.
    fn refused(&self, operation: &str) -> Error {
        Error::new(
            ErrorKind::Request,
            format!("{} has no {operation} operation", self.kind.name()),
        )
    }

    fn path(&self, tail: &str) -> String {
        format!("{}{tail}", self.kind.base_path())
    }

    /// Create or update records (`POST /rest/v1/{type}.json`): any number, sent in batches of at most 300
    /// records and 1 MB, up to the concurrency limit at once. One outcome per record, in input order: created
    /// or updated with the record's id (or `marketoGUID`), or skipped with its reasons (1003, 1006, 1013
    /// "Record not found", 1017 "Object already exists", 1036 "Duplicate object found in input", ...).
    /// `createDuplicate`, and an action the type does not take ([`ObjectKind::sync_actions`]: named account
    /// lists take `createOnly` and `updateOnly` only), are refused before any call.
    pub async fn sync(
        &self,
        records: Vec<Record>,
        options: ObjectSyncOptions,
    ) -> Result<Vec<RecordOutcome>, Error> {
        let params = options.params()?;
        if !self.kind.sync_actions().contains(&options.action) {
            let takes: Vec<&str> = self
                .kind
                .sync_actions()
                .iter()
                .map(|a| a.as_str())
                .collect();
            return Err(Error::new(
                ErrorKind::Request,
                format!(
                    "{} takes the actions {}, not {}",
                    self.kind.name(),
                    takes.join(", "),
                    options.action.as_str()
                ),
            ));
        }
        let records: Vec<Value> = records.into_iter().map(Value::Object).collect();
        Ok(RecordWrite::post(self.path(".json"), params)
            .run(self.client.inner.clone(), &records)
            .await)
    }

    /// Records whose `filter_type` (a searchable field, `dedupeFields` or `idField`) matches any of `values`
    /// (`GET /rest/v1/{type}.json`), as a stream: 300 values a call, as `POST` + `_method=GET` when the URI
    /// would pass 8 KB, every page followed. Empty `fields` asks for the type's default fields.
    pub fn get(
        &self,
        filter_type: &str,
        values: Vec<String>,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Record, Error>> + Send + 'static {
        FilterRead {
            path: self.path(".json"),
            filter_type: filter_type.to_owned(),
            values,
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        }
        .stream(self.client.inner.clone())
    }

    /// Delete the records `records` name (`POST /rest/v1/{type}/delete.json`), each by its dedupe fields or
    /// its id field as `delete_by` says: one outcome per record, in order (deleted, or skipped with 1013
    /// "Record not found", ...).
    pub async fn delete(
        &self,
        records: Vec<Record>,
        delete_by: KeyBy,
    ) -> Result<Vec<RecordOutcome>, Error> {
        let records: Vec<Value> = records.into_iter().map(Value::Object).collect();
        Ok(
            RecordWrite::post(self.path("/delete.json"), options::delete_params(delete_by))
                .run(self.client.inner.clone(), &records)
                .await,
        )
    }

    /// Delete records by id (`id` or `marketoGUID`, as the type says): [`delete`](Self::delete) by
    /// [`KeyBy::IdField`].
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// let outcomes = client.objects(marketo_client::Companies).delete_by_id([17, 18]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_by_id<I: Into<Value>>(
        &self,
        ids: impl IntoIterator<Item = I>,
    ) -> Result<Vec<RecordOutcome>, Error> {
        let field = self.kind.id_kind().field();
        let records = ids
            .into_iter()
            .map(|id| Record::from_iter([(field.to_owned(), id.into())]))
            .collect();
        self.delete(records, KeyBy::IdField).await
    }

    /// The type's id field, dedupe fields, searchable fields and fields
    /// (`GET /rest/v1/{type}/describe.json`). A type without Describe (named account lists) is refused
    /// before any call.
    pub async fn describe(&self) -> Result<ObjectDescription, Error> {
        if !self.kind.has_describe() {
            return Err(self.refused("Describe"));
        }
        let op = FirstResult::new(ApiRequest::get(self.path("/describe.json")));
        self.client.send(&op).await
    }
}
