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
use std::sync::LazyLock;

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

/// One segment of a path pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment {
    Literal(&'static str),
    Param {
        name: &'static str,
        text: bool,
        suffix: &'static str,
    },
}

impl Segment {
    fn parse(seg: &'static str) -> Segment {
        let Some(rest) = seg.strip_prefix('{') else {
            return Segment::Literal(seg);
        };
        let Some((inner, suffix)) = rest.split_once('}') else {
            return Segment::Literal(seg);
        };
        let (name, text) = match inner.split_once(':') {
            Some((name, "str")) => (name, true),
            _ => (inner, false),
        };
        Segment::Param { name, text, suffix }
    }

    /// The parameter's value when `seg` matches.
    fn capture(self, seg: &str) -> Option<&str> {
        let Segment::Param { text, suffix, .. } = self else {
            return None;
        };
        let value = seg.strip_suffix(suffix)?;
        let ok = if text {
            !value.is_empty() && value.len() <= 128
        } else {
            !value.is_empty() && value.len() <= 18 && value.bytes().all(|b| b.is_ascii_digit())
        };
        ok.then_some(value)
    }
}

/// A path's parameters, by pattern name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathParams(Vec<(&'static str, String)>);

impl PathParams {
    /// An integer parameter (`{id}`); 0 when the route has none of that name (a mistake in the resource).
    pub fn int(&self, name: &str) -> i64 {
        self.text(name).parse().unwrap_or(0)
    }

    /// A parameter's text (`{apiName:str}`); empty when the route has none of that name.
    pub fn text(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// One level of the route tree. Literal children are kept sorted and found by binary search (cheaper than
/// hashing each segment of every request: the router is on every call's path).
#[derive(Debug, Default)]
struct Node {
    literals: Vec<(&'static str, Node)>,
    params: Vec<(Segment, Node)>,
    routes: Vec<&'static Route>,
}

impl Node {
    fn insert(&mut self, segs: &[&'static str], route: &'static Route) {
        let Some((first, rest)) = segs.split_first() else {
            self.routes.push(route);
            return;
        };
        match Segment::parse(first) {
            Segment::Literal(l) => {
                let i = match self.literals.binary_search_by(|(k, _)| (*k).cmp(l)) {
                    Ok(i) => i,
                    Err(i) => {
                        self.literals.insert(i, (l, Node::default()));
                        i
                    }
                };
                self.literals[i].1.insert(rest, route);
            }
            param => {
                let at = self.params.iter().position(|(p, _)| *p == param);
                let idx = at.unwrap_or_else(|| {
                    self.params.push((param, Node::default()));
                    self.params.len() - 1
                });
                self.params[idx].1.insert(rest, route);
            }
        }
    }

    /// The routes of the first node that matches the whole path (literals before parameters), with captures.
    /// `rest` is what is left of the path after this node's segment (`None` at its end).
    fn lookup<'n>(
        &'n self,
        rest: Option<&str>,
        captured: &mut Vec<(&'static str, String)>,
    ) -> Option<&'n [&'static Route]> {
        let Some(path) = rest else {
            return (!self.routes.is_empty()).then_some(self.routes.as_slice());
        };
        let (first, rest) = match path.split_once('/') {
            Some((first, rest)) => (first, Some(rest)),
            None => (path, None),
        };
        if let Ok(i) = self.literals.binary_search_by(|(k, _)| (*k).cmp(first)) {
            if let Some(found) = self.literals[i].1.lookup(rest, captured) {
                return Some(found);
            }
        }
        for (param, node) in &self.params {
            let Some(value) = param.capture(first) else {
                continue;
            };
            let Segment::Param { name, .. } = param else {
                continue;
            };
            captured.push((name, value.to_owned()));
            if let Some(found) = node.lookup(rest, captured) {
                return Some(found);
            }
            captured.pop();
        }
        None
    }
}

static ROUTER: LazyLock<Node> = LazyLock::new(|| {
    let mut root = Node::default();
    for route in crate::resources::routes() {
        let segs: Vec<&'static str> = route.path.split('/').collect();
        root.insert(&segs, route);
    }
    root
});

/// What the table says of a method and path.
#[derive(Debug)]
pub enum Found {
    /// The operation, with the path's parameters.
    Route(&'static Route, PathParams),
    /// Routes have the path, none the method (605).
    MethodNotAllowed,
    /// No route has the path (610).
    NotFound,
}

/// Look a method and path up in the table.
pub fn find(method: &str, path: &str) -> Found {
    let mut captured = Vec::new();
    let Some(routes) = ROUTER.lookup(Some(path), &mut captured) else {
        return Found::NotFound;
    };
    let verb = Verb::parse(method);
    match routes.iter().find(|r| Some(r.verb) == verb) {
        Some(route) => Found::Route(route, PathParams(captured)),
        None => Found::MethodNotAllowed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(method: &str, path: &str) -> Option<&'static str> {
        match find(method, path) {
            Found::Route(r, _) => Some(r.name),
            _ => None,
        }
    }

    #[test]
    fn table() {
        assert_eq!(name("GET", "/rest/v1/lead/42.json"), Some("Get Lead by Id"));
        assert!(matches!(
            find("GET", "/rest/v1/lead/4x.json"),
            Found::NotFound
        ));
        assert!(matches!(
            find("GET", "/rest/v1/lead/.json"),
            Found::NotFound
        ));
        assert!(matches!(
            find("GET", "/rest/v1/lead/99999999999999999999.json"),
            Found::NotFound
        ));
        assert!(matches!(find("GET", "/rest/v1/leads"), Found::NotFound));
        assert!(matches!(
            find("PUT", "/rest/v1/leads.json"),
            Found::MethodNotAllowed
        ));
        let Found::Route(r, p) = find("GET", "/rest/v1/lists/7/leads/ismember.json") else {
            panic!()
        };
        assert_eq!(p.int("listId"), 7);
        assert!(!r.writes);
        let Found::Route(r, _) = find("DELETE", "/rest/v1/lists/7/leads.json") else {
            panic!()
        };
        assert!(r.writes && r.records);
    }

    #[test]
    fn bulk_and_activity_table() {
        let id = "3fadb012-5810-40ba-a5ca-56300ecf10d4";
        let Found::Route(r, p) = find("GET", &format!("/bulk/v1/leads/export/{id}/file.json"))
        else {
            panic!()
        };
        assert_eq!(p.text("exportId"), id);
        assert!(!r.writes);
        assert!(matches!(
            find("GET", "/bulk/v1/activities/export/nope/status.json"),
            Found::Route(..)
        ));
        assert!(matches!(
            find("POST", "/bulk/v1/nothing/export/create.json"),
            Found::NotFound
        ));
        let Found::Route(r, p) = find("GET", "/bulk/v1/leads/batch/1002/failures.json") else {
            panic!()
        };
        assert_eq!(p.int("batchId"), 1002);
        assert!(!r.bulk_body);
        assert!(matches!(
            find("GET", &format!("/bulk/v1/leads/export/{id}/enqueue.json")),
            Found::MethodNotAllowed
        ));
        let Found::Route(r, _) = find("POST", "/bulk/v1/leads.json") else {
            panic!()
        };
        assert_eq!(r.body, BodyKind::Multipart);
        assert!(r.writes && r.bulk_body);
    }

    #[test]
    fn every_route_is_found_by_its_sample_path_and_no_two_collide() {
        let mut seen = std::collections::HashSet::new();
        for route in crate::resources::routes() {
            assert!(
                seen.insert((route.verb, route.path)),
                "declared twice: {} {}",
                route.verb.as_str(),
                route.path
            );
            match find(route.verb.as_str(), &route.sample_path()) {
                Found::Route(r, _) => assert_eq!(r.path, route.path, "{}", route.sample_path()),
                other => panic!("{} {}: {other:?}", route.verb.as_str(), route.path),
            }
        }
    }
}
