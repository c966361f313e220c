//! Cutting a delimited file into import parts at row boundaries (a quoted cell may hold a newline), each
//! under a byte limit once the header row is repeated in front of it. One streaming pass over the file:
//! only the part boundaries are kept, never the rows.

use crate::error::{Error, ErrorKind};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// One part: the bytes `start..end` of the file (whole rows), sent after the header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// Byte offset of its first row.
    pub(crate) start: u64,
    /// Byte offset just past its last row.
    pub(crate) end: u64,
    /// The file line its first row starts on (the header is line 1).
    pub(crate) first_line: u64,
    /// Its rows.
    pub(crate) rows: u64,
}

/// A file's header row and parts.
#[derive(Debug, Clone)]
pub(crate) struct SplitPlan {
    /// The header row, with its line terminator, as it is in the file.
    pub(crate) header: Vec<u8>,
    /// The parts, in file order.
    pub(crate) parts: Vec<Part>,
    /// Data rows in the file.
    pub(crate) rows: u64,
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Request,
        format!("cannot read {}: {e}", path.display()),
    )
}

/// A reader of `path` for the import format's delimiter, positioned at the file's start.
pub(crate) fn reader<R: Read>(delimiter: u8, file: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(file)
}

/// Plan the parts of `path`: rows in order, each part's header plus rows at most `max_bytes`.
///
/// A single row that cannot fit is an error naming its line.
pub(crate) fn plan(path: &Path, delimiter: u8, max_bytes: usize) -> Result<SplitPlan, Error> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let len = file.metadata().map_err(|e| io_error(path, e))?.len();
    let mut rdr = reader(delimiter, BufReader::new(file));
    let mut record = csv::ByteRecord::new();
    // Row starts (byte, line) are only known when the next row begins, so each row is closed one step late.
    let mut open: Option<(u64, u64)> = None;
    let mut header_end: Option<u64> = None;
    let mut parts: Vec<Part> = Vec::new();
    let mut rows = 0u64;
    let mut close = |start: u64, line: u64, end: u64, header_len: u64| -> Result<(), Error> {
        let row_len = end - start;
        if header_len + row_len > max_bytes as u64 {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "{}:{line}: the row alone is {row_len} bytes; with the header it passes the {max_bytes}-byte import limit",
                    path.display()
                ),
            ));
        }
        match parts.last_mut() {
            Some(p) if header_len + (end - p.start) <= max_bytes as u64 && p.end == start => {
                p.end = end;
                p.rows += 1;
            }
            _ => parts.push(Part {
                start,
                end,
                first_line: line,
                rows: 1,
            }),
        }
        Ok(())
    };
    loop {
        let more = rdr
            .read_byte_record(&mut record)
            .map_err(|e| io_error(path, e))?;
        let pos = record.position().map(|p| (p.byte(), p.line()));
        let here = if more { pos } else { None };
        let boundary = here.map_or(len, |(b, _)| b);
        match (header_end, open.take()) {
            (None, Some(_)) => header_end = Some(boundary),
            (Some(h), Some((start, line))) => {
                close(start, line, boundary, h)?;
                rows += 1;
            }
            _ => {}
        }
        if !more {
            break;
        }
        open = here;
    }
    let Some(header_end) = header_end else {
        return Err(Error::new(
            ErrorKind::Request,
            format!(
                "{}: the file has no data rows (Marketo answers 1003 \"Empty file\")",
                path.display()
            ),
        ));
    };
    if rows == 0 {
        return Err(Error::new(
            ErrorKind::Request,
            format!("{}: the file has a header but no data rows", path.display()),
        ));
    }
    let mut header = vec![0u8; header_end as usize];
    let mut f = File::open(path).map_err(|e| io_error(path, e))?;
    f.read_exact(&mut header).map_err(|e| io_error(path, e))?;
    Ok(SplitPlan {
        header,
        parts,
        rows,
    })
}

/// Read the bytes `start..end` of `path` into `out`.
pub(crate) fn read_range(
    path: &Path,
    start: u64,
    end: u64,
    out: &mut Vec<u8>,
) -> Result<(), Error> {
    let mut f = File::open(path).map_err(|e| io_error(path, e))?;
    f.seek(SeekFrom::Start(start))
        .map_err(|e| io_error(path, e))?;
    let before = out.len();
    f.take(end - start)
        .read_to_end(out)
        .map_err(|e| io_error(path, e))?;
    if (out.len() - before) as u64 != end - start {
        return Err(io_error(path, "the file changed while it was imported"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        f
    }

    #[test]
    fn parts_cut_at_rows_and_repeat_the_header() {
        let text = "email,note\na@x.io,one\nb@x.io,\"two\nlines\"\nc@x.io,three\nd@x.io,four";
        let f = file(text);
        let header = "email,note\n".len();
        // Room for the header and two short rows.
        let plan = plan(f.path(), b',', header + 24).unwrap();
        assert_eq!(plan.header, b"email,note\n");
        assert_eq!(plan.rows, 4);
        let lines: Vec<u64> = plan.parts.iter().map(|p| p.first_line).collect();
        assert_eq!(lines, [2, 3, 5]);
        let mut joined = Vec::new();
        for p in &plan.parts {
            assert!(header as u64 + p.end - p.start <= header as u64 + 24);
            read_range(f.path(), p.start, p.end, &mut joined).unwrap();
        }
        assert_eq!(String::from_utf8(joined).unwrap(), &text[header..]);
        assert_eq!(plan.parts.iter().map(|p| p.rows).sum::<u64>(), 4);
    }

    #[test]
    fn a_row_too_large_names_its_line() {
        let f = file("email\na@x.io\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb@x.io\n");
        let e = plan(f.path(), b',', 20).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::TooLarge);
        assert!(e.message().contains(":3:"), "{e}");
    }

    #[test]
    fn a_header_alone_is_refused() {
        let f = file("email\n");
        assert!(plan(f.path(), b',', 100).is_err());
    }
}
