//! One handle per resource: leads, static lists, bulk import and extract, activities, usage stats.

mod activities;
pub mod bulk;
mod describe;
mod filter;
mod leads;
mod lists;
pub(crate) mod records;
mod stats;
mod sync;

pub use activities::{Activities, Activity, ActivityType};
pub use bulk::{
    part_path, split_date_range, Bulk, BulkOptions, DownloadReport, ExportFilter, ExportFormat,
    ExportJob, ExportKind, ExportPlan, ExportRequest, ExportStatus, ImportFormat, ImportPart,
    ImportReport, ImportSettings, PlannedJob, RowIssue,
};
pub use describe::{FieldName, LeadField, LeadSchema, SchemaField};
pub use leads::{Lead, Leads};
pub use lists::Lists;
pub use stats::{ErrorCount, ErrorDay, UsageDay, UsageStats, UserCount};
pub use sync::{SyncAction, SyncOptions};

use crate::client::Inner;
use crate::request::ApiRequest;
use crate::shape::{plan_batches, BodyTemplate, Piece};
use crate::transport::Method;
use marketo_types::limits::{MAX_RECORDS_PER_CALL, SAFE_BODY_BYTES};
use serde_json::{Map, Value};
use std::sync::Arc;

/// A JSON record operation: `{<params>,"input":[...]}` to `path`, shaped by count and exact bytes.
pub(crate) async fn json_records(
    inner: Arc<Inner>,
    method: Method,
    path: String,
    params: Map<String, Value>,
    records: &[Value],
) -> Vec<crate::RecordOutcome> {
    let template = BodyTemplate::new(&params);
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
    let make: records::MakeRequest = Arc::new(move |range| {
        ApiRequest::post_json(path.clone(), template.body(&serialized[range])).with_method(method)
    });
    records::run(inner, plan, make).await
}

/// `[{"id":1},{"id":2}]` from ids.
pub(crate) fn id_records(ids: &[i64]) -> Vec<Value> {
    ids.iter()
        .map(|id| serde_json::json!({ "id": id }))
        .collect()
}
