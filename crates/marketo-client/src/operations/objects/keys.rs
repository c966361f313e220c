//! Reads by compound keys (opportunity roles, custom objects with several dedupe fields): `POST
//! /rest/v1/{type}.json?_method=GET` with a JSON body of `filterType`, `fields` and an `input` of key objects,
//! as the docs describe; the body takes every member of a `GET` query but `filterValues`, so the next page's
//! token travels in it too.

use super::{ObjectKind, Objects, Record};
use crate::error::Error;
use crate::operations::ApiRequest;
use crate::paging;
use futures::{Stream, StreamExt};
use marketo_types::limits::{MAX_BATCH_SIZE, MAX_FILTER_VALUES};
use serde_json::{json, Value};

impl<K: ObjectKind> Objects<'_, K> {
    /// The records whose dedupe fields match any of `keys` (each key an object with a member per dedupe
    /// field, e.g. `{"externalOpportunityId": "O1", "leadId": 1, "role": "Buyer"}`), as a stream: 300 keys a
    /// call, each `POST` + `_method=GET` with a JSON body, every page followed. A key no record has yields
    /// nothing. Empty `fields` asks for the type's default fields.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use futures::TryStreamExt;
    /// let key = serde_json::json!({"externalOpportunityId": "O1", "leadId": 1, "role": "Buyer"});
    /// let roles: Vec<_> = client
    ///     .objects(marketo_client::OpportunityRoles)
    ///     .get_by_keys(vec![key.as_object().unwrap().clone()], &["isPrimary"])
    ///     .try_collect()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn get_by_keys(
        &self,
        keys: Vec<Record>,
        fields: &[&str],
    ) -> impl Stream<Item = Result<Record, Error>> + Send + 'static {
        let path = self.path(".json");
        let fields: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
        let inner = self.client.inner.clone();
        let chunks: Vec<Vec<Record>> = keys
            .chunks(MAX_FILTER_VALUES)
            .map(<[Record]>::to_vec)
            .collect();
        futures::stream::iter(chunks)
            .map(move |chunk| {
                let (path, fields) = (path.clone(), fields.clone());
                paging::objects(paging::records(inner.clone(), move |token| {
                    let mut body = json!({
                        "filterType": "dedupeFields",
                        "batchSize": MAX_BATCH_SIZE,
                        "input": chunk,
                    });
                    if !fields.is_empty() {
                        body["fields"] = json!(fields);
                    }
                    if let Some(t) = token {
                        body["nextPageToken"] = Value::from(t);
                    }
                    key_request(&path, &body)
                }))
            })
            .flatten()
    }
}

/// The `POST ?_method=GET` of a compound-key read.
fn key_request(path: &str, body: &Value) -> ApiRequest {
    ApiRequest::post_json(path, body.to_string().into_bytes().into()).param("_method", "GET")
}
