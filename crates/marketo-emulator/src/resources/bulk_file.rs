//! Serving a stored bulk file: the whole file (200) or one `Range: bytes=a-b` (206 with `Accept-Ranges`,
//! `Content-Length`, `Content-Range`), streamed a chunk at a time from the store; an unsatisfiable range is
//! 416. The export file endpoint's "not ready or unknown" answer is a 404 with a plain-text body, unlike every
//! other Marketo error (bulk-extract.md).

use crate::bulk::ServedFile;
use crate::http::error::{RawReply, Reply};
use crate::model::Model;
use crate::store::bulk_files as files;
use axum::body::Body;
use bytes::Bytes;
use http::{header, HeaderValue};
use std::sync::Arc;

/// The plain-text body of the export file endpoint's 404.
pub const NOT_FOUND_TEXT: &str = "File not found";

/// The 404 for a file that is not ready or does not exist.
pub fn not_found() -> Reply {
    Reply::raw(
        RawReply {
            status: 404,
            headers: vec![(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain;charset=UTF-8"),
            )],
            body: Body::from(NOT_FOUND_TEXT),
        },
        0,
    )
}

/// The byte range `[start, end]` a `Range` header asks for in a file of `size` bytes: `Ok(None)` for no (or
/// an unusable, or a multi-) range, which is answered with the whole file; `Err(())` when unsatisfiable.
pub fn parse_range(header: Option<&str>, size: u64) -> Result<Option<(u64, u64)>, ()> {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Ok(None);
    };
    if spec.contains(',') {
        return Ok(None);
    }
    let Some((a, b)) = spec.split_once('-') else {
        return Ok(None);
    };
    let (a, b) = (a.trim(), b.trim());
    let range = match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(start), Ok(end)) if start <= end => (start, end.min(size.saturating_sub(1))),
        (Ok(start), Err(_)) if b.is_empty() => (start, size.saturating_sub(1)),
        (Err(_), Ok(suffix)) if a.is_empty() && suffix > 0 => {
            (size.saturating_sub(suffix), size.saturating_sub(1))
        }
        _ => return Ok(None),
    };
    if range.0 >= size {
        return Err(());
    }
    Ok(Some(range))
}

fn stream(model: Arc<Model>, key: String, start: u64, end: u64) -> Body {
    let chunks = futures::stream::unfold(start, move |pos| {
        let (model, key) = (Arc::clone(&model), key.clone());
        async move {
            if pos >= end {
                return None;
            }
            let chunk = files::CHUNK as u64;
            let len = (chunk - pos % chunk).min(end - pos) as usize;
            match model
                .store()
                .with(|db| files::read_range(db, &key, pos, len))
            {
                Ok(bytes) if !bytes.is_empty() => {
                    let next = pos + bytes.len() as u64;
                    Some((Ok::<Bytes, std::io::Error>(Bytes::from(bytes)), next))
                }
                Ok(_) => None,
                Err(e) => Some((Err(std::io::Error::other(e.to_string())), end)),
            }
        }
    });
    Body::from_stream(chunks)
}

fn value(s: String) -> HeaderValue {
    HeaderValue::from_str(&s).unwrap_or_else(|_| HeaderValue::from_static("0"))
}

/// The file, or the part of it `range` asks for.
pub fn serve(model: &Arc<Model>, file: ServedFile, range: Option<&str>) -> Reply {
    let size = file.size;
    let mut headers = vec![
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(file.content_type),
        ),
        (header::ACCEPT_RANGES, HeaderValue::from_static("bytes")),
    ];
    let (status, start, end) = match parse_range(range, size) {
        Ok(None) => (200, 0, size),
        Ok(Some((a, b))) => {
            headers.push((
                header::CONTENT_RANGE,
                value(format!("bytes {a}-{b}/{size}")),
            ));
            (206, a, b + 1)
        }
        Err(()) => {
            headers.push((header::CONTENT_RANGE, value(format!("bytes */{size}"))));
            return Reply::raw(
                RawReply {
                    status: 416,
                    headers,
                    body: Body::empty(),
                },
                0,
            );
        }
    };
    headers.push((header::CONTENT_LENGTH, value((end - start).to_string())));
    Reply::raw(
        RawReply {
            status,
            headers,
            body: stream(Arc::clone(model), file.key, start, end),
        },
        0,
    )
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges() {
        assert_eq!(parse_range(Some("bytes=0-9"), 100), Ok(Some((0, 9))));
        assert_eq!(parse_range(Some("bytes=90-200"), 100), Ok(Some((90, 99))));
        assert_eq!(parse_range(Some("bytes=95-"), 100), Ok(Some((95, 99))));
        assert_eq!(parse_range(Some("bytes=-10"), 100), Ok(Some((90, 99))));
        assert_eq!(parse_range(Some("bytes=100-"), 100), Err(()));
        assert_eq!(parse_range(Some("bytes=0-0"), 0), Err(()));
        assert_eq!(parse_range(Some("bytes=5-1"), 100), Ok(None));
        assert_eq!(parse_range(Some("bytes=0-1,5-6"), 100), Ok(None));
        assert_eq!(parse_range(Some("items=0-1"), 100), Ok(None));
        assert_eq!(parse_range(None, 100), Ok(None));
    }
}
