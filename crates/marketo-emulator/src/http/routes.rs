//! The URL table: which paths exist (else 610), which methods each takes (else 605), what body each operation
//! reads and whether it writes (a read-only API user gets 603).

use http::Method;

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
}

fn id_segment(seg: &str) -> Option<i64> {
    if seg.is_empty() || seg.len() > 18 || !seg.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    seg.parse().ok()
}

/// The resource at `path`, or `None` (610).
pub fn resolve(path: &str) -> Option<Resource> {
    if path == "/identity/oauth/token" {
        return Some(Resource::Token);
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
            Resource::Describe if get => Op::Describe,
            Resource::Describe2 if get => Op::Describe2,
            Resource::ListLeads(id) if get => Op::ListMembers(id),
            Resource::ListLeads(id) if post => Op::ListAdd(id),
            Resource::ListLeads(id) if method == Method::DELETE => Op::ListRemove(id),
            Resource::LegacyListLeads(id) if get => Op::ListMembers(id),
            Resource::ListIsMember(id) if get => Op::ListIsMember(id),
            Resource::Usage { last7 } if get => Op::Usage { last7 },
            Resource::Errors { last7 } if get => Op::Errors { last7 },
            _ => return None,
        })
    }
}

impl Op {
    /// What body it reads.
    pub fn body(self) -> BodyRule {
        match self {
            Op::SyncLeads => BodyRule::Json,
            Op::DeleteLeads | Op::ListAdd(_) | Op::ListRemove(_) => BodyRule::OptionalJson,
            _ => BodyRule::None,
        }
    }

    /// Whether it changes data (refused to read-only users with 603).
    pub fn writes(self) -> bool {
        matches!(
            self,
            Op::SyncLeads | Op::DeleteLeads | Op::ListAdd(_) | Op::ListRemove(_)
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
}
