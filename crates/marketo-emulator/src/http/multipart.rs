//! Reading a `multipart/form-data` body (bulk import, RFC 7578): its text parts become parameters, its
//! `file` part the upload (a zero-copy slice of the body, which the pipeline already read within the bulk
//! limit). A body that is not valid multipart (no boundary, no parts, a part without headers, a missing
//! closing delimiter) is 613 "Invalid Multipart Request".

use super::error::Failure;
use super::extract::Params;
use bytes::Bytes;
use http::{header, HeaderMap};

/// A parsed multipart body.
#[derive(Debug, Default)]
pub struct Form {
    /// The text parts, as parameters.
    pub params: Params,
    /// The `file` part, when sent.
    pub file: Option<Bytes>,
}

/// True for `multipart/form-data`.
pub fn is_multipart(headers: &HeaderMap) -> bool {
    super::extract::media_type(headers).is_some_and(|m| m == "multipart/form-data")
}

fn malformed() -> Failure {
    Failure::code(613, &[])
}

fn boundary(headers: &HeaderMap) -> Option<String> {
    let ct = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("boundary"))
            .then(|| v.trim().trim_matches('"').to_owned())
            .filter(|b| !b.is_empty() && b.len() <= 200)
    })
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i + needle.len() <= hay.len() {
        let off = hay[i..].iter().position(|&b| b == first)?;
        i += off;
        if hay.get(i..i + needle.len())? == needle {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `name="x"` and `filename="y"` of a part's `Content-Disposition`.
fn disposition(head: &str) -> (Option<String>, bool) {
    let mut name = None;
    let mut is_file = false;
    for line in head.split("\r\n") {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        if !k.trim().eq_ignore_ascii_case("content-disposition") {
            continue;
        }
        for p in v.split(';').skip(1) {
            if let Some((pk, pv)) = p.split_once('=') {
                let pv = pv.trim().trim_matches('"').to_owned();
                match pk.trim().to_ascii_lowercase().as_str() {
                    "name" => name = Some(pv),
                    "filename" => is_file = true,
                    _ => {}
                }
            }
        }
    }
    (name, is_file)
}

/// Parse `body` as `multipart/form-data` with the boundary of the request's content type.
pub fn parse(headers: &HeaderMap, body: Bytes) -> Result<Form, Failure> {
    let boundary = boundary(headers).ok_or_else(malformed)?;
    let delim = format!("--{boundary}").into_bytes();
    let next_delim = format!("\r\n--{boundary}").into_bytes();
    let mut pos = find(&body, &delim, 0).ok_or_else(malformed)? + delim.len();
    let mut form = Form::default();
    let mut pairs = String::new();
    let mut parts = 0;
    loop {
        if body.get(pos..pos + 2) == Some(b"--") {
            break;
        }
        if body.get(pos..pos + 2) != Some(b"\r\n") {
            return Err(malformed());
        }
        pos += 2;
        let head_end = find(&body, b"\r\n\r\n", pos).ok_or_else(malformed)?;
        let head = String::from_utf8_lossy(&body[pos..head_end]).into_owned();
        let content_start = head_end + 4;
        let content_end = find(&body, &next_delim, content_start).ok_or_else(malformed)?;
        let (name, is_file) = disposition(&head);
        let name = name.ok_or_else(malformed)?;
        let content = body.slice(content_start..content_end);
        if name == "file" || (is_file && form.file.is_none()) {
            form.file = Some(content);
        } else if !name.is_empty() {
            if !pairs.is_empty() {
                pairs.push('&');
            }
            let value = String::from_utf8_lossy(&content);
            pairs.push_str(
                &serde_urlencoded::to_string([(name.as_str(), value.as_ref())]).unwrap_or_default(),
            );
        }
        parts += 1;
        pos = content_end + next_delim.len();
    }
    if parts == 0 {
        return Err(malformed());
    }
    form.params = Params::parse(&pairs);
    Ok(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(ct: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, ct.parse().unwrap());
        h
    }

    #[test]
    fn parts_and_failures() {
        let h = headers("multipart/form-data; boundary=\"XyZ\"");
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\ntsv\r\n--XyZ\r\n\
                    Content-Disposition: form-data; name=\"file\"; filename=\"a.tsv\"\r\nContent-Type: text/plain\r\n\r\n\
                    email\r\na@b.c\r\n--XyZ--\r\n";
        let form = parse(&h, Bytes::from(body)).unwrap();
        assert_eq!(form.params.get("format"), Some("tsv"));
        assert_eq!(form.file.unwrap(), Bytes::from("email\r\na@b.c"));
        for bad in [
            "",
            "--XyZ--",
            "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end",
            "--XyZ\r\nno headers end",
            "--XyZjunk",
        ] {
            assert!(parse(&h, Bytes::from(bad)).is_err(), "{bad:?}");
        }
        assert!(parse(&headers("multipart/form-data"), Bytes::from(body)).is_err());
    }
}
