//! The resources the emulator serves, one module each: its operation rows ([`Route`]s: method, path, body,
//! whether it writes, its handler) and its handlers (parse the call, ask the rules and storage, answer). The
//! guards every call passes first are the pipeline's ([`crate::http::pipeline`]).
//!
//! [`ALL`] lists the resources; the router, 610/605, the robustness test and the docs walk it. Adding an
//! operation is one row in its resource's `ROUTES` (and its handler); adding a resource is one module and one
//! line in [`ALL`].

mod activities;
pub mod assets;
mod bulk_custom_objects;
mod bulk_export;
mod bulk_file;
mod bulk_import;
mod bulk_program_members;
mod campaigns;
pub(crate) mod companies;
mod custom_activities;
mod custom_object_types;
mod custom_objects;
mod identity;
mod lead_capture;
mod lead_fields;
mod leads;
mod lists;
mod named_account_lists;
mod named_account_members;
mod named_accounts;
pub mod objects;
mod opportunities;
mod opportunity_roles;
mod partitions;
mod program_members;
mod sales_persons;
mod stats;

use crate::config::ApiUser;
use crate::engine::ObjectSchema;
use crate::fault::records::Held;
use crate::http::error::{Failure, Reply};
use crate::http::extract::Params;
use crate::http::router::{PathParams, Route};
use crate::model::Page;
use chrono::{DateTime, Utc};
use marketo_types::envelope::Envelope;
use serde_json::Value;

/// A resource: its operation rows and, for a Lead Database object type on the generic engine, its
/// descriptor.
#[derive(Debug, Clone, Copy)]
pub struct Resource {
    /// Its operations.
    pub routes: &'static [Route],
    /// The object type's descriptor (companies, opportunities, ...), when it is one.
    pub object: Option<fn() -> ObjectSchema>,
}

impl Resource {
    /// A resource that is not an object type.
    pub const fn routes(routes: &'static [Route]) -> Resource {
        Resource {
            routes,
            object: None,
        }
    }
}

/// Every resource the emulator serves.
pub const ALL: &[Resource] = &[
    Resource::routes(identity::ROUTES),
    Resource::routes(leads::ROUTES),
    Resource::routes(lead_fields::ROUTES),
    Resource::routes(lead_capture::ROUTES),
    Resource::routes(lists::ROUTES),
    Resource::routes(partitions::ROUTES),
    Resource::routes(activities::ROUTES),
    Resource::routes(custom_activities::ROUTES),
    Resource::routes(stats::ROUTES),
    Resource::routes(bulk_import::ROUTES),
    Resource::routes(bulk_export::ROUTES),
    Resource::routes(program_members::ROUTES),
    Resource::routes(campaigns::ROUTES),
    companies::RESOURCE,
    opportunities::RESOURCE,
    opportunity_roles::RESOURCE,
    sales_persons::RESOURCE,
    named_accounts::RESOURCE,
    named_account_lists::RESOURCE,
    Resource::routes(named_account_members::ROUTES),
    Resource::routes(custom_objects::ROUTES),
    Resource::routes(custom_object_types::ROUTES),
    Resource::routes(bulk_custom_objects::ROUTES),
    Resource::routes(bulk_program_members::ROUTES),
    Resource::routes(assets::folders::ROUTES),
    Resource::routes(assets::programs::ROUTES),
    Resource::routes(assets::tokens::ROUTES),
    Resource::routes(assets::channels::ROUTES),
    Resource::routes(assets::static_lists::ROUTES),
    Resource::routes(assets::smart_campaigns::ROUTES),
    Resource::routes(assets::smart_lists::ROUTES),
    Resource::routes(assets::segments::ROUTES),
    Resource::routes(assets::snippets::ROUTES),
];

/// Every route of every resource.
pub fn routes() -> impl Iterator<Item = &'static Route> {
    ALL.iter().flat_map(|r| r.routes.iter())
}

/// The descriptors of every object type on the generic engine.
pub fn object_types() -> impl Iterator<Item = ObjectSchema> {
    ALL.iter().filter_map(|r| r.object.map(|f| f()))
}

/// One authenticated, admitted call.
#[derive(Debug)]
pub struct Call {
    /// The requestId it is answered with.
    pub request_id: String,
    /// The path's parameters (`{id}`, `{exportId:str}`).
    pub path: PathParams,
    /// Query and form parameters.
    pub params: Params,
    /// The JSON body, when the operation reads one and the call sent one.
    pub json: Option<Value>,
    /// The API user.
    pub user: ApiUser,
    /// When it was admitted.
    pub now: DateTime<Utc>,
    /// The `file` part of a multipart body (bulk import).
    pub upload: Option<bytes::Bytes>,
    /// The `Range` header (bulk export files).
    pub range: Option<String>,
    /// Records a record-level fault answers skipped (writes only: the model leaves them as they are).
    pub held: Option<Held>,
}

/// `batchSize`: absent is the default (0 to the model); not a non-negative integer is 1001.
fn batch_size(params: &Params) -> Result<usize, Failure> {
    match params.int("batchSize")? {
        None => Ok(0),
        Some(n) => usize::try_from(n).map_err(|_| {
            crate::http::extract::wrong_type(params.get("batchSize").unwrap_or(""), "Integer")
        }),
    }
}

/// A page of records in the envelope, with `nextPageToken` when another page follows.
fn page_reply(request_id: &str, page: Page) -> Reply {
    let n = page.items.len();
    let mut env = Envelope::ok(request_id.to_owned(), page.items);
    env.next_page_token = page.next_page_token;
    if page.more_result {
        env.more_result = Some(true);
    }
    Reply::envelope(&env, n)
}

/// A successful envelope of `result`.
fn ok<T: serde::Serialize>(call: &Call, result: Vec<T>) -> Reply {
    let n = result.len();
    Reply::envelope(&Envelope::ok(call.request_id.clone(), result), n)
}

/// A successful envelope with no `result` (Associate Lead, Merge Leads).
fn no_result(call: &Call) -> Reply {
    let mut env: Envelope<Value> = Envelope::ok(call.request_id.clone(), Vec::new());
    env.result = None;
    Reply::envelope(&env, 0)
}
