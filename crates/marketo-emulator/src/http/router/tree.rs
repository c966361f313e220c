//! Matching a request's method and path against the route table: a tree of path segments built once from
//! every resource's routes, literals before parameters.

use super::{Route, Verb};
use std::sync::LazyLock;

/// One segment of a path pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Segment {
    Literal(&'static str),
    Param {
        name: &'static str,
        text: bool,
        suffix: &'static str,
    },
}

impl Segment {
    pub(super) fn parse(seg: &'static str) -> Segment {
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
