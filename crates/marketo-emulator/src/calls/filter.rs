//! Which calls of the request log a reader wants: `GET /_emulator/calls?path=&code=&method=&since=&after=&limit=`
//! and the same on the streaming tail.
//!
//! ```
//! use marketo_emulator::calls::filter::CallFilter;
//! let f = CallFilter::parse("path=/rest/v1/lead*&code=606,607&limit=5").unwrap();
//! assert!(f.path_matches("/rest/v1/leads.json"));
//! assert!(f.path_matches("/rest/v1/lead/1.json"));
//! assert!(!f.path_matches("/rest/v1/lists.json"));
//! assert_eq!(f.limit, Some(5));
//! assert!(CallFilter::parse("limit=lots").is_err());
//! ```

use super::CallRecord;
use chrono::{DateTime, Utc};

/// The filters (every one optional; all given must match).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallFilter {
    /// Paths containing this text; `*` matches any run of characters.
    pub path: Option<String>,
    /// Calls answered one of these codes: the response-level code (`errors[0].code`) or, for an answer
    /// that is not HTTP 200, its status.
    pub codes: Vec<u16>,
    /// Calls with this HTTP method (case-insensitive).
    pub method: Option<String>,
    /// Calls that arrived at or after this time (the emulator's clock).
    pub since: Option<DateTime<Utc>>,
    /// Calls with an id above this one (what a poller saw last).
    pub after: Option<u64>,
    /// Only the latest this many of the matching calls.
    pub limit: Option<usize>,
    /// Leave the bodies out (`bodies=false`).
    pub without_bodies: bool,
}

impl CallFilter {
    /// Parse a query string; an unknown parameter or a malformed value is an error saying which.
    pub fn parse(query: &str) -> Result<CallFilter, String> {
        let mut f = CallFilter::default();
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query).map_err(|e| format!("query string: {e}"))?;
        for (name, value) in pairs {
            match name.as_str() {
                "path" if !value.is_empty() => f.path = Some(value),
                "path" => {}
                "code" => {
                    for part in value.split(',').filter(|p| !p.trim().is_empty()) {
                        let code = part.trim().parse().map_err(|_| {
                            format!("code: {part:?} is not a code (606, or 606,607)")
                        })?;
                        f.codes.push(code);
                    }
                }
                "method" if !value.is_empty() => f.method = Some(value),
                "method" => {}
                "since" => {
                    let t = DateTime::parse_from_rfc3339(&value).map_err(|_| {
                        format!(
                            "since: {value:?} is not an RFC 3339 time like 2026-03-10T15:00:00Z"
                        )
                    })?;
                    f.since = Some(t.with_timezone(&Utc));
                }
                "after" => {
                    f.after = Some(
                        value
                            .parse()
                            .map_err(|_| format!("after: {value:?} is not a call id"))?,
                    );
                }
                "limit" => {
                    f.limit = Some(
                        value
                            .parse()
                            .map_err(|_| format!("limit: {value:?} is not a number of calls"))?,
                    );
                }
                "bodies" => {
                    f.without_bodies = match value.as_str() {
                        "true" | "1" | "" => false,
                        "false" | "0" => true,
                        _ => return Err(format!("bodies: {value:?} is not true or false")),
                    }
                }
                other => {
                    return Err(format!(
                    "unknown parameter {other:?} (path, code, method, since, after, limit, bodies)"
                ))
                }
            }
        }
        Ok(f)
    }

    /// Whether the path matches the `path` filter.
    pub fn path_matches(&self, path: &str) -> bool {
        self.path.as_deref().is_none_or(|p| glob_contains(p, path))
    }

    /// Whether a call matches every filter but `limit`.
    pub fn matches(&self, call: &CallRecord) -> bool {
        self.path_matches(&call.path)
            && self.after.is_none_or(|a| call.id > a)
            && self.since.is_none_or(|s| call.at >= s)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(&call.method))
            && (self.codes.is_empty()
                || self
                    .codes
                    .iter()
                    .any(|&c| call.code == Some(c) || (call.status != 200 && call.status == c)))
    }
}

/// Whether `text` contains `pattern`, where `*` in the pattern matches any run of characters.
fn glob_contains(pattern: &str, text: &str) -> bool {
    let mut rest = text;
    // Each piece in order, the first anywhere: the pattern is a containment test.
    for piece in pattern.split('*').filter(|p| !p.is_empty()) {
        match rest.find(piece) {
            Some(pos) => rest = &rest[pos + piece.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob() {
        assert!(glob_contains("leads", "/rest/v1/leads.json"));
        assert!(glob_contains(
            "/rest/*/leads",
            "/rest/v1/lists/1/leads.json"
        ));
        assert!(!glob_contains("/bulk/*/export", "/rest/v1/leads.json"));
        assert!(glob_contains("", "/x"));
        assert!(glob_contains("**", "/x"));
    }

    #[test]
    fn parse_errors_name_the_parameter() {
        assert!(CallFilter::parse("code=abc").unwrap_err().contains("code"));
        assert!(CallFilter::parse("since=yesterday")
            .unwrap_err()
            .contains("since"));
        assert!(CallFilter::parse("after=-1").unwrap_err().contains("after"));
        assert!(CallFilter::parse("bogus=1").unwrap_err().contains("bogus"));
        let f = CallFilter::parse("since=2026-03-10T15:00:00Z&after=3&method=get&bodies=false")
            .unwrap();
        assert_eq!(f.after, Some(3));
        assert!(f.without_bodies);
        assert_eq!(f.method.as_deref(), Some("get"));
    }
}
