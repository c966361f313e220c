//! The route table: every operation the emulator serves is one [`Route`] row, declared by the resource that
//! owns it (`crate::resources::ALL`). The router, 610 (no route has the path) and 605 (no route on the path takes
//! the method), the pipeline's per-operation rules (body kind, 603 for writes, the bulk import body limit, which
//! operations hold back records for a record-level fault) and the robustness test all read this table.
//!
//! A path pattern is literal segments and parameters: `{id}` matches an integer segment (up to 18 digits),
//! `{name:str}` any non-empty segment; either may carry a suffix (`{id}.json`).
//!
//! ```
//! use marketo_emulator::http::router::{self, Found};
//! match router::find("GET", "/rest/v1/lead/42.json") {
//!     Found::Route(route, params) => {
//!         assert_eq!(route.name, "Get Lead by Id");
//!         assert_eq!(params.int("id"), 42);
//!     }
//!     other => panic!("{other:?}"),
//! }
//! assert!(matches!(router::find("PUT", "/rest/v1/leads.json"), Found::MethodNotAllowed));
//! assert!(matches!(router::find("GET", "/rest/v1/nope.json"), Found::NotFound));
//! ```

use super::error::{Failure, Reply};
use super::extract::Params;
use crate::resources::Call;
use crate::state::AppState;
use http::HeaderMap;

/// The HTTP methods Marketo's operations use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verb {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
}

impl Verb {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Delete => "DELETE",
        }
    }

    fn parse(method: &str) -> Option<Verb> {
        match method {
            "GET" => Some(Verb::Get),
            "POST" => Some(Verb::Post),
            "DELETE" => Some(Verb::Delete),
            _ => None,
        }
    }
}

/// What an operation's body must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// No body is read (a GET; a `_method=GET` form or JSON body only carries parameters).
    None,
    /// A JSON body is required: a missing or wrong content type is 612, bad JSON 609.
    Json,
    /// A JSON body is optional (the ids may come in the query string); when there is one it must be JSON.
    OptionalJson,
    /// Parameters in a form body (`application/x-www-form-urlencoded`) or the query string, as the asset API
    /// takes them; a JSON object body is read as parameters too.
    Form,
    /// A `multipart/form-data` body (bulk import): another content type is 612, a malformed body 613.
    Multipart,
}

/// A handler: checks the call's parameters, asks the resource's rules and storage, answers.
pub type HandlerFn = fn(&AppState, Call) -> Result<Reply, Failure>;

/// The identity endpoint's handler: before authentication, with the raw headers and body.
pub type PublicFn = fn(&AppState, &HeaderMap, Params, &[u8]) -> Result<Reply, Failure>;

/// How a handler runs.
#[derive(Clone, Copy)]
pub enum Handler {
    /// On the async runtime: quick reads.
    Inline(HandlerFn),
    /// On the blocking pool: writes and long reads (a panic there is 611, never a crash).
    Blocking(HandlerFn),
    /// Before authentication and the limits, never counted (identity).
    Public(PublicFn),
}

impl std::fmt::Debug for Handler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Handler::Inline(_) => "Inline",
            Handler::Blocking(_) => "Blocking",
            Handler::Public(_) => "Public",
        })
    }
}

/// One operation: method, path pattern, name, body kind, whether it writes, its body limit, its handler.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    /// The method.
    pub verb: Verb,
    /// The path pattern (`/rest/v1/lists/{id}/leads.json`).
    pub path: &'static str,
    /// The operation's name as the API reference spells it (`Add Leads to List`).
    pub name: &'static str,
    /// What body it reads.
    pub body: BodyKind,
    /// Whether it changes data (refused to read-only users with 603).
    pub writes: bool,
    /// Whether its body may be as large as a bulk import file (10 MB) instead of 1 MB.
    pub bulk_body: bool,
    /// Whether it answers one result per input record that a record-level fault rule can hold back (answered
    /// skipped, never applied).
    pub records: bool,
    /// The handler.
    pub handler: Handler,
}

impl Route {
    const fn new(verb: Verb, path: &'static str, name: &'static str, handler: Handler) -> Route {
        Route {
            verb,
            path,
            name,
            body: BodyKind::None,
            writes: false,
            bulk_body: false,
            records: false,
            handler,
        }
    }

    /// A read answered inline.
    pub const fn get(path: &'static str, name: &'static str, handler: HandlerFn) -> Route {
        Route::new(Verb::Get, path, name, Handler::Inline(handler))
    }

    /// A write with a JSON body, run on the blocking pool.
    pub const fn post(path: &'static str, name: &'static str, handler: HandlerFn) -> Route {
        let mut r = Route::new(Verb::Post, path, name, Handler::Blocking(handler));
        r.body = BodyKind::Json;
        r.writes = true;
        r
    }

    /// A write by `DELETE`, its ids in an optional JSON body or the query string, run on the blocking pool.
    pub const fn delete(path: &'static str, name: &'static str, handler: HandlerFn) -> Route {
        let mut r = Route::new(Verb::Delete, path, name, Handler::Blocking(handler));
        r.body = BodyKind::OptionalJson;
        r.writes = true;
        r
    }

    /// The identity endpoint (before authentication, never counted).
    pub const fn public(verb: Verb, path: &'static str, name: &'static str, f: PublicFn) -> Route {
        Route::new(verb, path, name, Handler::Public(f))
    }

    /// Read this body instead.
    pub const fn body(mut self, body: BodyKind) -> Route {
        self.body = body;
        self
    }

    /// A `POST` that reads (Create Export Job and the like): readers may call it.
    pub const fn reads(mut self) -> Route {
        self.writes = false;
        self
    }

    /// Run on the blocking pool (a long read).
    pub const fn blocking(mut self) -> Route {
        if let Handler::Inline(f) = self.handler {
            self.handler = Handler::Blocking(f);
        }
        self
    }

    /// Its body may be as large as a bulk import file.
    pub const fn bulk_body(mut self) -> Route {
        self.bulk_body = true;
        self
    }

    /// It answers per-record results that a record-level fault can hold back.
    pub const fn records(mut self) -> Route {
        self.records = true;
        self
    }

    /// A concrete path for this route, with `1` for integer parameters and a UUID for text ones (tests and
    /// docs walk the table with it).
    pub fn sample_path(&self) -> String {
        self.path
            .split('/')
            .map(|seg| match Segment::parse(seg) {
                Segment::Literal(l) => l.to_owned(),
                Segment::Param { text, suffix, .. } => {
                    let v = if text {
                        "3fadb012-5810-40ba-a5ca-56300ecf10d4"
                    } else {
                        "1"
                    };
                    format!("{v}{suffix}")
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }
}

mod tree;
use tree::Segment;
pub use tree::{find, Found, PathParams};

#[cfg(test)]
mod tests;
