//! A `multipart/form-data` body with one `file` part, assembled in a single buffer: the part's bytes are
//! read from the file straight into it, so a 10 MB part is held once.

use super::split::{read_range, Part};
use crate::error::Error;
use bytes::Bytes;
use rand::Rng;
use std::path::Path;

/// A boundary that does not occur in `data`.
fn boundary_for(data: &[u8]) -> String {
    loop {
        let b = format!("mkto-{:032x}", rand::rng().random::<u128>());
        if !data.windows(b.len()).any(|w| w == b.as_bytes()) {
            return b;
        }
    }
}

/// The body and boundary of one import part: `header` then the part's rows, as the `file` field.
pub(crate) fn part_body(
    path: &Path,
    header: &[u8],
    part: &Part,
    filename: &str,
    content_type: &str,
) -> Result<(String, Bytes), Error> {
    let placeholder = "X".repeat(37);
    let head = |b: &str| {
        format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
             Content-Type: {content_type}\r\n\r\n"
        )
    };
    let tail = |b: &str| format!("\r\n--{b}--\r\n");
    let size = head(&placeholder).len()
        + header.len()
        + (part.end - part.start) as usize
        + tail(&placeholder).len();
    let mut body = Vec::with_capacity(size);
    body.extend_from_slice(head(&placeholder).as_bytes());
    let data_at = body.len();
    body.extend_from_slice(header);
    read_range(path, part.start, part.end, &mut body)?;
    let boundary = boundary_for(&body[data_at..]);
    debug_assert_eq!(boundary.len(), placeholder.len());
    body[..data_at].copy_from_slice(head(&boundary).as_bytes());
    body.extend_from_slice(tail(&boundary).as_bytes());
    Ok((boundary, Bytes::from(body)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_body_wraps_header_and_rows() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(b"email\na@x.io\nb@x.io\n").unwrap();
        let part = Part {
            start: 6,
            end: 20,
            first_line: 2,
            rows: 2,
        };
        let (b, body) = part_body(f.path(), b"email\n", &part, "p.csv", "text/csv").unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert!(text.starts_with(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\""
        )));
        assert!(text.contains("\r\n\r\nemail\na@x.io\nb@x.io\n\r\n"));
        assert!(text.ends_with(&format!("--{b}--\r\n")));
    }
}
