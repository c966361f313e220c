//! The URL table: which paths exist (else 610), which methods each takes (else 605), what body each operation
//! reads and whether it writes (a read-only API user gets 603).

pub use crate::bulk::{ExportKind, ImportFile};
use http::Method;
use uuid::Uuid;

/// A resource the emulator serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// `/identity/oauth/token`
    Token,
    /// `/rest/v1/leads.json`
    Leads,
    /// `/rest/v1/lead/{id}.json`
    Lead(i64),
    /// `/rest/v1/leads/delete.json`
    DeleteLeads,
    /// `/rest/v1/leads/describe.json`
    Describe,
    /// `/rest/v1/leads/describe2.json`
    Describe2,
    /// `/rest/v1/lists/{id}/leads.json`
    ListLeads(i64),
    /// `/rest/v1/list/{id}/leads.json` (legacy, read only)
    LegacyListLeads(i64),
    /// `/rest/v1/lists/{id}/leads/ismember.json`
    ListIsMember(i64),
    /// `/rest/v1/stats/usage.json` and `/rest/v1/stats/usage/last7days.json`
    Usage {
        /// The 7-day variant.
        last7: bool,
    },
    /// `/rest/v1/stats/errors.json` and `/rest/v1/stats/errors/last7days.json`
    Errors {
        /// The 7-day variant.
        last7: bool,
    },
    /// `/rest/v1/activities/...`
    Activities(ActivityRead),
    /// `/bulk/v1/leads.json`
    BulkImport,
    /// `/bulk/v1/leads/batch/{id}.json` and its `failures.json`, `warnings.json`
    ImportBatch(i64, Option<ImportFile>),
    /// `/bulk/v1/{leads|activities}/export/create.json`
    ExportCreate(ExportKind),
    /// `/bulk/v1/{leads|activities}/export.json`
    ExportList(ExportKind),
    /// `/bulk/v1/{leads|activities}/export/{exportId}/{action}.json`
    ExportJob(ExportKind, Uuid, ExportAction),
}

/// The activity reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityRead {
    /// `types.json`
    Types,
    /// `pagingtoken.json`
    PagingToken,
    /// `activities.json`
    Activities,
    /// `leadchanges.json`
    LeadChanges,
}

/// What is done to an export job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportAction {
    /// `enqueue.json`
    Enqueue,
    /// `cancel.json`
    Cancel,
    /// `status.json`
    Status,
    /// `file.json`
    File,
}

/// One operation: a resource and a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Identity: get a token.
    Token,
    /// Sync Leads.
    SyncLeads,
    /// Get Leads by Filter Type.
    LeadsByFilter,
    /// Get Lead by Id.
    GetLead(i64),
    /// Delete Leads.
    DeleteLeads,
    /// Describe Lead.
    Describe,
    /// Describe Lead2.
    Describe2,
    /// Get Leads by List Id.
    ListMembers(i64),
    /// Add to List.
    ListAdd(i64),
    /// Remove from List.
    ListRemove(i64),
    /// Member of List.
    ListIsMember(i64),
    /// Usage stats.
    Usage {
        /// The 7-day variant.
        last7: bool,
    },
    /// Error stats.
    Errors {
        /// The 7-day variant.
        last7: bool,
    },
    /// An activity read.
    Activities(ActivityRead),
    /// Import Leads (bulk).
    BulkImport,
    /// Import status, or its failures or warnings file.
    ImportBatch(i64, Option<ImportFile>),
    /// Create Export Job.
    ExportCreate(ExportKind),
    /// Get Export Jobs.
    ExportList(ExportKind),
    /// Enqueue, cancel, status or file of an export job.
    ExportJob(ExportKind, Uuid, ExportAction),
}

/// What an operation's body must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyRule {
    /// No body is read (a GET; a form body only carries parameters).
    None,
    /// A JSON body is required: a missing or wrong content type is 612, bad JSON 609.
    Json,
    /// A JSON body is optional (the ids may come in the query string); when there is one it must be JSON.
    OptionalJson,
    /// A `multipart/form-data` body (bulk import): another content type is 612, a malformed body 613.
    Multipart,
}

fn id_segment(seg: &str) -> Option<i64> {
    if seg.is_empty() || seg.len() > 18 || !seg.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    seg.parse().ok()
}

/// An export id segment: a UUID, or the nil UUID for any other plausible id (which no job has, so it is
/// answered "not found" by the job's own rules rather than 610).
fn export_id(seg: &str) -> Option<Uuid> {
    if seg.is_empty() || seg.len() > 64 {
        return None;
    }
    Some(Uuid::parse_str(seg).unwrap_or(Uuid::nil()))
}

fn export_kind(seg: &str) -> Option<ExportKind> {
    match seg {
        "leads" => Some(ExportKind::Leads),
        "activities" => Some(ExportKind::Activities),
        _ => None,
    }
}

/// The bulk API's resources (`/bulk/v1/...`).
fn resolve_bulk(rest: &str) -> Option<Resource> {
    let segs: Vec<&str> = rest.split('/').collect();
    Some(match segs.as_slice() {
        ["leads.json"] => Resource::BulkImport,
        ["leads", "batch", file] => {
            Resource::ImportBatch(id_segment(file.strip_suffix(".json")?)?, None)
        }
        ["leads", "batch", id, "failures.json"] => {
            Resource::ImportBatch(id_segment(id)?, Some(ImportFile::Failures))
        }
        ["leads", "batch", id, "warnings.json"] => {
            Resource::ImportBatch(id_segment(id)?, Some(ImportFile::Warnings))
        }
        [kind, "export", "create.json"] => Resource::ExportCreate(export_kind(kind)?),
        [kind, "export.json"] => Resource::ExportList(export_kind(kind)?),
        [kind, "export", id, action] => {
            let action = match *action {
                "enqueue.json" => ExportAction::Enqueue,
                "cancel.json" => ExportAction::Cancel,
                "status.json" => ExportAction::Status,
                "file.json" => ExportAction::File,
                _ => return None,
            };
            Resource::ExportJob(export_kind(kind)?, export_id(id)?, action)
        }
        _ => return None,
    })
}

/// Whether `path` is the bulk import endpoint (its body may be up to the bulk import limit).
pub fn is_bulk_import(path: &str) -> bool {
    path == "/bulk/v1/leads.json"
}

/// The resource at `path`, or `None` (610).
pub fn resolve(path: &str) -> Option<Resource> {
    if path == "/identity/oauth/token" {
        return Some(Resource::Token);
    }
    if let Some(rest) = path.strip_prefix("/bulk/v1/") {
        return resolve_bulk(rest);
    }
    let rest = path.strip_prefix("/rest/v1/")?;
    let segs: Vec<&str> = rest.split('/').collect();
    Some(match segs.as_slice() {
        ["leads.json"] => Resource::Leads,
        ["lead", file] => Resource::Lead(id_segment(file.strip_suffix(".json")?)?),
        ["leads", "delete.json"] => Resource::DeleteLeads,
        ["leads", "describe.json"] => Resource::Describe,
        ["leads", "describe2.json"] => Resource::Describe2,
        ["lists", id, "leads.json"] => Resource::ListLeads(id_segment(id)?),
        ["list", id, "leads.json"] => Resource::LegacyListLeads(id_segment(id)?),
        ["lists", id, "leads", "ismember.json"] => Resource::ListIsMember(id_segment(id)?),
        ["stats", "usage.json"] => Resource::Usage { last7: false },
        ["stats", "usage", "last7days.json"] => Resource::Usage { last7: true },
        ["stats", "errors.json"] => Resource::Errors { last7: false },
        ["stats", "errors", "last7days.json"] => Resource::Errors { last7: true },
        ["activities", "types.json"] => Resource::Activities(ActivityRead::Types),
        ["activities", "pagingtoken.json"] => Resource::Activities(ActivityRead::PagingToken),
        ["activities.json"] => Resource::Activities(ActivityRead::Activities),
        ["activities", "leadchanges.json"] => Resource::Activities(ActivityRead::LeadChanges),
        _ => return None,
    })
}

impl Resource {
    /// The operation `method` selects, or `None` (605).
    pub fn op(self, method: &Method) -> Option<Op> {
        let get = method == Method::GET;
        let post = method == Method::POST;
        Some(match self {
            Resource::Token if get || post => Op::Token,
            Resource::Leads if get => Op::LeadsByFilter,
            Resource::Leads if post => Op::SyncLeads,
            Resource::Lead(id) if get => Op::GetLead(id),
            Resource::DeleteLeads if post => Op::DeleteLeads,
            // Marketo also takes Delete Leads as DELETE on the leads resource (the Python client's habit).
            Resource::Leads if method == Method::DELETE => Op::DeleteLeads,
            Resource::Describe if get => Op::Describe,
            Resource::Describe2 if get => Op::Describe2,
            Resource::ListLeads(id) if get => Op::ListMembers(id),
            Resource::ListLeads(id) if post => Op::ListAdd(id),
            Resource::ListLeads(id) if method == Method::DELETE => Op::ListRemove(id),
            Resource::LegacyListLeads(id) if get => Op::ListMembers(id),
            Resource::ListIsMember(id) if get => Op::ListIsMember(id),
            Resource::Usage { last7 } if get => Op::Usage { last7 },
            Resource::Errors { last7 } if get => Op::Errors { last7 },
            Resource::Activities(read) if get => Op::Activities(read),
            Resource::BulkImport if post => Op::BulkImport,
            Resource::ImportBatch(id, file) if get => Op::ImportBatch(id, file),
            Resource::ExportCreate(kind) if post => Op::ExportCreate(kind),
            Resource::ExportList(kind) if get => Op::ExportList(kind),
            Resource::ExportJob(kind, id, action) => {
                let wants_post = matches!(action, ExportAction::Enqueue | ExportAction::Cancel);
                if (wants_post && post) || (!wants_post && get) {
                    Op::ExportJob(kind, id, action)
                } else {
                    return None;
                }
            }
            _ => return None,
        })
    }
}

impl Op {
    /// What body it reads.
    pub fn body(self) -> BodyRule {
        match self {
            Op::SyncLeads | Op::ExportCreate(_) => BodyRule::Json,
            Op::BulkImport => BodyRule::Multipart,
            Op::DeleteLeads | Op::ListAdd(_) | Op::ListRemove(_) => BodyRule::OptionalJson,
            _ => BodyRule::None,
        }
    }

    /// Whether its records go to the model one by one, so that a record-level fault can hold some back
    /// (answered skipped, never applied).
    pub fn holds_records(self) -> bool {
        matches!(
            self,
            Op::SyncLeads | Op::DeleteLeads | Op::ListAdd(_) | Op::ListRemove(_)
        )
    }

    /// Whether it changes data (refused to read-only users with 603).
    pub fn writes(self) -> bool {
        matches!(
            self,
            Op::SyncLeads | Op::DeleteLeads | Op::ListAdd(_) | Op::ListRemove(_) | Op::BulkImport
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        assert_eq!(resolve("/rest/v1/lead/42.json"), Some(Resource::Lead(42)));
        assert_eq!(resolve("/rest/v1/lead/4x.json"), None);
        assert_eq!(resolve("/rest/v1/lead/.json"), None);
        assert_eq!(resolve("/rest/v1/lead/99999999999999999999.json"), None);
        assert_eq!(resolve("/rest/v1/leads"), None);
        assert_eq!(
            resolve("/rest/v1/lists/7/leads/ismember.json"),
            Some(Resource::ListIsMember(7))
        );
        assert_eq!(Resource::Leads.op(&Method::PUT), None);
        assert_eq!(Resource::Leads.op(&Method::POST), Some(Op::SyncLeads));
        assert!(Op::ListRemove(1).writes());
        assert!(!Op::ListIsMember(1).writes());
    }

    #[test]
    fn bulk_and_activity_table() {
        let id = "3fadb012-5810-40ba-a5ca-56300ecf10d4";
        let uuid = Uuid::parse_str(id).unwrap();
        assert_eq!(
            resolve(&format!("/bulk/v1/leads/export/{id}/file.json")),
            Some(Resource::ExportJob(
                ExportKind::Leads,
                uuid,
                ExportAction::File
            ))
        );
        assert_eq!(
            resolve("/bulk/v1/activities/export/nope/status.json"),
            Some(Resource::ExportJob(
                ExportKind::Activities,
                Uuid::nil(),
                ExportAction::Status
            ))
        );
        assert_eq!(resolve("/bulk/v1/programs/export/create.json"), None);
        assert_eq!(
            resolve("/bulk/v1/leads/batch/1002/failures.json"),
            Some(Resource::ImportBatch(1002, Some(ImportFile::Failures)))
        );
        assert_eq!(
            resolve("/rest/v1/activities/pagingtoken.json"),
            Some(Resource::Activities(ActivityRead::PagingToken))
        );
        let job = Resource::ExportJob(ExportKind::Leads, uuid, ExportAction::Enqueue);
        assert_eq!(job.op(&Method::GET), None);
        assert!(job.op(&Method::POST).is_some());
        assert_eq!(Op::BulkImport.body(), BodyRule::Multipart);
        assert!(Op::BulkImport.writes());
        assert!(!Op::ExportCreate(ExportKind::Leads).writes());
        assert!(is_bulk_import("/bulk/v1/leads.json"));
    }
}
