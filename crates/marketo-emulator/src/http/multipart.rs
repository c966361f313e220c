//! Reading a `multipart/form-data` body (bulk import): its text parts become parameters, its `file` part the
//! upload. A body that is not valid multipart (no boundary, a broken part, a truncated end) is 613 "Invalid
//! Multipart Request".

use super::error::Failure;
use super::extract::Params;
use axum::body::Body;
use axum::extract::{FromRequest, Multipart};
use bytes::Bytes;
use http::{header, HeaderMap, Request};

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

/// Parse `body` (already read within the size limit) as `multipart/form-data`.
pub async fn parse(headers: &HeaderMap, body: Bytes) -> Result<Form, Failure> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .ok_or_else(malformed)?;
    let req = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .map_err(|_| malformed())?;
    let mut multipart = Multipart::from_request(req, &())
        .await
        .map_err(|_| malformed())?;
    let mut form = Form::default();
    let mut pairs = String::new();
    while let Some(field) = multipart.next_field().await.map_err(|_| malformed())? {
        let name = field.name().unwrap_or_default().to_owned();
        let is_file = name == "file" || field.file_name().is_some();
        let data = field.bytes().await.map_err(|_| malformed())?;
        if is_file {
            if name == "file" || form.file.is_none() {
                form.file = Some(data);
            }
        } else if !name.is_empty() {
            let value = String::from_utf8_lossy(&data);
            if !pairs.is_empty() {
                pairs.push('&');
            }
            pairs.push_str(
                &serde_urlencoded::to_string([(name.as_str(), value.as_ref())]).unwrap_or_default(),
            );
        }
    }
    if multipart_was_empty(&form, &pairs) {
        return Err(malformed());
    }
    form.params = Params::parse(&pairs);
    Ok(form)
}

/// A multipart body with no part at all is not a request.
fn multipart_was_empty(form: &Form, pairs: &str) -> bool {
    form.file.is_none() && pairs.is_empty()
}
