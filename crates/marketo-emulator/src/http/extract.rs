//! Reading a request: the body (counted while streaming, 413 past the limit), query and form parameters, the
//! content type (612) and JSON (609), and typed parameters (701 blank, 1001 wrong type, 1002 missing). Every
//! rejection is a catalogued error in Marketo's envelope.

use super::error::Failure;
use axum::body::Body;
use bytes::{Bytes, BytesMut};
use http::{header, HeaderMap};
use http_body_util::BodyExt;
use marketo_types::envelope::ApiError;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// How much of a refused body is read and thrown away so that the client, still sending, reads the refusal
/// instead of a reset connection (many clients write the whole body before they read). Beyond this the
/// connection is closed unread.
const DRAIN_LIMIT: u64 = 64 * 1024 * 1024;

/// Read the whole body, refusing (413) as soon as more than `max` bytes have arrived or are announced. A
/// refused body is read to its end and discarded (up to [`DRAIN_LIMIT`]). A body that stops arriving past the
/// server's body timeout is HTTP 408.
pub async fn read_body(headers: &HeaderMap, body: Body, max: usize) -> Result<Bytes, Failure> {
    let declared = declared_length(headers);
    let mut body = body;
    if declared.is_some_and(|n| n > max as u64) {
        drain(&mut body).await;
        return Err(Failure::Http(413));
    }
    let mut buf = BytesMut::new();
    while let Some(frame) = body.frame().await {
        let data = match frame {
            Ok(frame) => match frame.into_data() {
                Ok(data) => data,
                Err(_) => continue, // trailers
            },
            Err(e) => return Err(body_error(&e)),
        };
        if buf.len() + data.len() > max {
            drain(&mut body).await;
            return Err(Failure::Http(413));
        }
        buf.extend_from_slice(&data);
    }
    Ok(buf.freeze())
}

/// What a body that could not be read all the way is answered with.
fn body_error(e: &axum::Error) -> Failure {
    let mut source = std::error::Error::source(e);
    let mut timed_out = false;
    while let Some(s) = source {
        timed_out |= s.is::<tower_http::timeout::TimeoutError>();
        source = s.source();
    }
    if timed_out {
        Failure::Http(408)
    } else {
        // The client stopped sending half way: what arrived is not a JSON document.
        Failure::code(609, &[])
    }
}

fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// Read and discard what is left of a refused body (see [`DRAIN_LIMIT`]). A body announced larger than the
/// limit is not read at all.
pub async fn drain(body: &mut Body) {
    if axum::body::HttpBody::size_hint(body)
        .exact()
        .is_some_and(|n| n > DRAIN_LIMIT)
    {
        return;
    }
    let mut seen: u64 = 0;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            seen += data.len() as u64;
            if seen > DRAIN_LIMIT {
                return;
            }
        }
    }
}

/// The media type of the request (lower case, without parameters), if any.
pub fn media_type(headers: &HeaderMap) -> Option<String> {
    let raw = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let mime = raw.split(';').next().unwrap_or("").trim();
    Some(mime.to_ascii_lowercase())
}

/// True for `application/json` (any parameters).
pub fn is_json(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|m| m == "application/json")
}

/// True for `application/x-www-form-urlencoded`.
pub fn is_form(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|m| m == "application/x-www-form-urlencoded")
}

/// Parse a JSON body: anything that is not a JSON document (bad syntax, invalid UTF-8, nesting past serde's
/// limit, a truncated body) is 609.
pub fn parse_json(body: &[u8]) -> Result<Value, Failure> {
    serde_json::from_slice(body).map_err(|_| Failure::code(609, &[]))
}

/// Read a JSON value as a typed request: a value of the wrong shape is 609 as well (Marketo's JSON binding
/// fails the same way).
pub fn typed<T: DeserializeOwned>(value: Value) -> Result<T, Failure> {
    serde_json::from_value(value).map_err(|_| Failure::code(609, &[]))
}

/// Query-string and form parameters, in order, keys repeated as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parse `a=1&b=2` (percent-decoding; invalid UTF-8 is replaced, never a failure).
    pub fn parse(text: &str) -> Params {
        Params(
            form_pairs(text.as_bytes())
                .into_iter()
                .filter(|(k, _)| !k.is_empty())
                .collect(),
        )
    }

    /// Add the pairs of `other` after these.
    pub fn extend(&mut self, other: Params) {
        self.0.extend(other.0);
    }

    /// The top-level members of a JSON object whose values are scalars or arrays of scalars, as parameters
    /// (`{"filterType":"email","filterValues":["a","b"]}` is `filterType=email&filterValues=a,b`): a JSON body
    /// sent with `_method=GET` carries what a form body would. Objects and nested arrays are left to the
    /// handlers that read the JSON itself (`{"input":[{"id":1}]}`).
    pub fn from_json_members(json: &Value) -> Params {
        fn scalar(v: &Value) -> Option<String> {
            match v {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }
        }
        let Some(map) = json.as_object() else {
            return Params::default();
        };
        let pairs = map.iter().filter_map(|(k, v)| match v {
            Value::Array(items) => {
                let all: Option<Vec<String>> = items.iter().map(scalar).collect();
                all.filter(|a| !a.is_empty())
                    .map(|a| (k.clone(), a.join(",")))
            }
            other => scalar(other).map(|s| (k.clone(), s)),
        });
        Params(pairs.collect())
    }

    /// Add one pair at the end.
    pub fn push(&mut self, name: &str, value: &str) {
        self.0.push((name.to_owned(), value.to_owned()));
    }

    /// Remove every value of `name`.
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(k, _)| k != name);
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name`, each split at commas, trimmed, empties dropped (`id=1,2&id=3`).
    pub fn list(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// A required text parameter: absent is 1002, blank is 701.
    pub fn required(&self, name: &str) -> Result<&str, Failure> {
        match self.get(name) {
            None => Err(Failure::code(1002, &[name])),
            Some(v) if v.trim().is_empty() => Err(Failure::code(701, &[name])),
            Some(v) => Ok(v),
        }
    }

    /// An optional integer parameter: not an integer is 1001.
    pub fn int(&self, name: &str) -> Result<Option<i64>, Failure> {
        match self.get(name) {
            None => Ok(None),
            Some(v) if v.trim().is_empty() => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| wrong_type(v, "Integer")),
        }
    }

    /// Every value of `name` as integers (comma-separated or repeated): one that is not is 1001.
    pub fn ids(&self, name: &str) -> Result<Vec<i64>, Failure> {
        self.list(name)
            .iter()
            .map(|v| v.parse().map_err(|_| wrong_type(v, "Integer")))
            .collect()
    }

    /// The `fields` parameter as a list, `None` when absent or empty.
    pub fn fields(&self) -> Option<Vec<String>> {
        let f = self.list("fields");
        (!f.is_empty()).then_some(f)
    }
}

/// 1001 "Invalid value 'abc'. Required of type 'Integer'" (the echoed value is cut to 64 characters).
pub fn wrong_type(value: &str, ty: &str) -> Failure {
    let shown: String = value.chars().take(64).collect();
    Failure::Api(ApiError::catalogued(1001, &[&shown, ty]))
}

fn form_pairs(input: &[u8]) -> Vec<(String, String)> {
    input
        .split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let mut it = pair.splitn(2, |&b| b == b'=');
            let k = decode(it.next().unwrap_or_default());
            let v = decode(it.next().unwrap_or_default());
            (k, v)
        })
        .collect()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn decode(raw: &[u8]) -> String {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params() {
        let p = Params::parse("id=1,2&id=3&fields=a%2Cb&x=%ZZ&y=a+b&z=%e9&&=v&t=%4");
        assert_eq!(p.ids("id").unwrap(), vec![1, 2, 3]);
        assert_eq!(p.fields().unwrap(), vec!["a", "b"]);
        assert_eq!(p.get("x"), Some("%ZZ"));
        assert_eq!(p.get("y"), Some("a b"));
        assert_eq!(p.get("z"), Some("\u{fffd}"));
        assert_eq!(p.get("t"), Some("%4"));
        assert_eq!(
            p.required("nope"),
            Err(Failure::Api(ApiError::new(
                1002,
                "Missing value for required parameter 'nope'"
            )))
        );
        let bad = Params::parse("batchSize=abc&blank=+");
        assert_eq!(
            bad.int("batchSize"),
            Err(Failure::Api(ApiError::new(
                1001,
                "Invalid value 'abc'. Required of type 'Integer'"
            )))
        );
        assert_eq!(
            bad.required("blank"),
            Err(Failure::Api(ApiError::new(701, "blank cannot be blank")))
        );
    }
}
