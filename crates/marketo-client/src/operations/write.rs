//! A JSON record operation (`{<params>,"input":[...]}` to a path: Sync Leads, Delete Leads, Add to List, Sync
//! and Delete of every object type), shaped by count and exact bytes and run by the record runner.

use super::records::{self, MakeRequest};
use super::ApiRequest;
use crate::client::Inner;
use crate::outcome::RecordOutcome;
use crate::shape::{plan_batches, BodyTemplate, Piece};
use crate::transport::Method;
use marketo_types::limits::{MAX_RECORDS_PER_CALL, SAFE_BODY_BYTES};
use serde_json::{Map, Value};
use std::sync::Arc;

/// What a JSON record operation sends besides its records.
#[derive(Debug, Clone)]
pub(crate) struct RecordWrite {
    pub(crate) method: Method,
    pub(crate) path: String,
    /// The body's other members (`action`, `lookupField`, `dedupeBy`, ...).
    pub(crate) params: Map<String, Value>,
}

impl RecordWrite {
    /// A `POST` of `path` with `params` beside `input`.
    pub(crate) fn post(path: impl Into<String>, params: Map<String, Value>) -> Self {
        RecordWrite {
            method: Method::Post,
            path: path.into(),
            params,
        }
    }

    /// Send `records` in batches of at most 300 records and 1 MB of serialised body: one outcome per record,
    /// in input order.
    pub(crate) async fn run(self, inner: Arc<Inner>, records: &[Value]) -> Vec<RecordOutcome> {
        let template = BodyTemplate::new(&self.params);
        let serialized: Arc<Vec<Vec<u8>>> = Arc::new(
            records
                .iter()
                .map(|r| serde_json::to_vec(r).unwrap_or_else(|_| b"null".to_vec()))
                .collect(),
        );
        let sizes: Vec<usize> = serialized.iter().map(Vec::len).collect();
        let plan: Vec<Piece> = plan_batches(
            template.overhead(),
            &sizes,
            MAX_RECORDS_PER_CALL,
            SAFE_BODY_BYTES,
        );
        let (method, path) = (self.method, self.path);
        let make: MakeRequest = Arc::new(move |range| {
            ApiRequest::post_json(path.clone(), template.body(&serialized[range]))
                .with_method(method)
        });
        records::run(inner, plan, make).await
    }
}

/// `[{"id":1},{"id":2}]` from ids.
pub(crate) fn id_records(ids: &[i64]) -> Vec<Value> {
    ids.iter()
        .map(|id| serde_json::json!({ "id": id }))
        .collect()
}
