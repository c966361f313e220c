//! The admin API's operation table: one row per operation (method, path under `/_emulator`, summary,
//! handler). The dispatcher, the OpenAPI document's test and the docs walk it.
//!
//! A path is literal segments and parameters: `{id}` matches digits, `{name}` any non-empty segment.
//!
//! ```
//! use marketo_emulator::admin::routes::{find, Found};
//! match find("DELETE", "/faults/7") {
//!     Found::Route(route, params) => {
//!         assert_eq!(route.path, "/faults/{id}");
//!         assert_eq!(params, vec![("id", "7".to_owned())]);
//!     }
//!     _ => panic!("not found"),
//! }
//! assert!(matches!(find("PUT", "/faults"), Found::MethodNotAllowed(_)));
//! assert!(matches!(find("GET", "/faults/x"), Found::NotFound));
//! assert!(matches!(find("GET", "/nope"), Found::NotFound));
//! ```

use super::reply::AdminRequest;
use super::{calls, control, data, faults, openapi, scenario, ui};
use crate::state::AppState;
use axum::response::Response;

/// An admin handler.
pub type AdminFn = fn(&AppState, &AdminRequest) -> Response;

/// How a handler runs.
#[derive(Clone, Copy)]
pub enum Handler {
    /// On the async runtime: quick answers (and streams, which are built here and run later).
    Inline(AdminFn),
    /// On the blocking pool: calls that read or write the database.
    Blocking(AdminFn),
}

impl std::fmt::Debug for Handler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Handler::Inline(_) => "Inline",
            Handler::Blocking(_) => "Blocking",
        })
    }
}

/// One admin operation.
#[derive(Debug, Clone, Copy)]
pub struct AdminRoute {
    /// `GET`, `POST` or `DELETE`.
    pub method: &'static str,
    /// The path under `/_emulator` (`/faults/{id}`).
    pub path: &'static str,
    /// What it does, in a line.
    pub summary: &'static str,
    /// Served without the admin token (the inspector's static page and assets, which hold no data).
    pub public: bool,
    /// Its handler.
    pub handler: Handler,
}

const fn row(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    f: AdminFn,
) -> AdminRoute {
    AdminRoute {
        method,
        path,
        summary,
        public: false,
        handler: Handler::Inline(f),
    }
}

const fn db(
    method: &'static str,
    path: &'static str,
    summary: &'static str,
    f: AdminFn,
) -> AdminRoute {
    AdminRoute {
        handler: Handler::Blocking(f),
        ..row(method, path, summary, f)
    }
}

const fn asset(path: &'static str, summary: &'static str, f: AdminFn) -> AdminRoute {
    AdminRoute {
        public: true,
        ..row("GET", path, summary, f)
    }
}

/// Every admin operation.
pub const ROUTES: &[AdminRoute] = &[
    row("GET", "/health", "Is the emulator up", control::health),
    db("POST", "/reset", "Back to the baseline (config seed and faults, loaded scenario) or, with ?to=empty, to nothing", control::reset),
    db("POST", "/seed", "Load leads and lists", control::seed),
    row("GET", "/clock", "The emulator's time", control::clock),
    row("POST", "/clock/advance", "Move the clock forward", control::advance),
    row("GET", "/usage", "Calls counted today, in the rate window, in flight, and the limits", control::usage),
    row("GET", "/faults", "Every fault rule with how often it fired", faults::list),
    row("POST", "/faults", "Add a fault rule or an array of rules", faults::add),
    row("DELETE", "/faults", "Remove every fault rule", faults::clear),
    row("GET", "/faults/{id}", "One fault rule", faults::get),
    row("DELETE", "/faults/{id}", "Remove one fault rule", faults::remove),
    row("GET", "/calls", "The request log, filtered", calls::list),
    row("DELETE", "/calls", "Forget the request log", calls::clear),
    row("GET", "/calls/stream", "Follow the request log (server-sent events)", calls::stream),
    row("GET", "/calls/{id}", "One call with its bodies", calls::get),
    db("GET", "/data", "How many of each resource the emulator holds", data::summary),
    db("GET", "/data/leads", "Leads", data::leads),
    db("GET", "/data/leads/{id}", "One lead, its lists and latest activities", data::lead),
    db("GET", "/data/lists", "Static lists with their member counts", data::lists),
    db("GET", "/data/memberships", "Lead-in-list memberships", data::memberships),
    db("GET", "/data/activities", "Activities, newest first", data::activities),
    db("GET", "/data/bulk", "Bulk import and export jobs with their state", data::bulk),
    db("GET", "/data/objects", "Object types in the generic table with their counts", data::object_kinds),
    db("GET", "/data/objects/{kind}", "Records of one object type", data::objects),
    row("GET", "/scenario", "The loaded scenario", scenario::get),
    db("POST", "/scenario", "Load a scenario: it becomes part of the baseline", scenario::load),
    row("DELETE", "/scenario", "Forget the loaded scenario", scenario::forget),
    row("GET", "/openapi.json", "This API as an OpenAPI 3.1 document", openapi::document),
    asset("/ui", "The inspector", ui::page),
    asset("/ui/{file}", "The inspector's scripts and style sheet", ui::file),
];

/// What a method and path found.
#[derive(Debug)]
pub enum Found {
    /// This operation, with the path's parameters.
    Route(&'static AdminRoute, Vec<(&'static str, String)>),
    /// The path exists with these methods only.
    MethodNotAllowed(Vec<&'static str>),
    /// No operation has the path.
    NotFound,
}

/// The operation for `method` and `path` (the part after `/_emulator`).
pub fn find(method: &str, path: &str) -> Found {
    let mut allowed = Vec::new();
    for route in ROUTES {
        let Some(params) = matches(route.path, path) else {
            continue;
        };
        if route.method.eq_ignore_ascii_case(method) {
            return Found::Route(route, params);
        }
        allowed.push(route.method);
    }
    if allowed.is_empty() {
        Found::NotFound
    } else {
        Found::MethodNotAllowed(allowed)
    }
}

fn matches(pattern: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    let mut want = pattern.split('/');
    let mut got = path.split('/');
    let mut params = Vec::new();
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(params),
            (Some(w), Some(g)) => {
                if let Some(name) = w.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                    let ok = if name == "id" {
                        !g.is_empty() && g.len() <= 18 && g.bytes().all(|b| b.is_ascii_digit())
                    } else {
                        !g.is_empty()
                    };
                    if !ok {
                        return None;
                    }
                    params.push((name, g.to_owned()));
                } else if w != g {
                    return None;
                }
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_paths_win_over_parameters_by_order() {
        assert!(
            matches!(find("GET", "/calls/stream"), Found::Route(r, _) if r.path == "/calls/stream")
        );
        assert!(matches!(find("GET", "/calls/12"), Found::Route(r, _) if r.path == "/calls/{id}"));
        assert!(matches!(find("GET", "/faults/"), Found::Route(r, _) if r.path == "/faults"));
        assert!(
            matches!(find("GET", "/ui/app.js"), Found::Route(r, p) if r.public && p[0].1 == "app.js")
        );
        assert!(matches!(find("GET", "/"), Found::NotFound));
        assert!(matches!(find("GET", "/faults/1/2"), Found::NotFound));
    }

    #[test]
    fn every_method_and_path_is_one_row() {
        let mut seen = std::collections::HashSet::new();
        for r in ROUTES {
            assert!(
                seen.insert((r.method, r.path)),
                "{} {} twice",
                r.method,
                r.path
            );
        }
    }
}
