//! An import's failures and warnings files mapped back to the lines of the original file.
//!
//! Marketo writes the rows it could not import (or imported with a warning) in input order, with the reason
//! in an extra last column. Each part is a known byte range of the original file, so its rows are read again
//! from the file and matched in order: memory holds one issues file, never the part.

use super::split::{reader, Part};
use crate::error::{Error, ErrorKind};
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

/// A row Marketo did not import, or imported with a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    /// Its line in the original file (where the row starts); `None` if the row could not be found again.
    pub line: Option<u64>,
    /// Its cells, as Marketo returned them.
    pub cells: Vec<String>,
    /// Marketo's reason (e.g. `Invalid value for field 'x'`).
    pub reason: String,
}

/// The rows of `part`, with their lines, read again from the original file.
struct PartRows {
    rdr: csv::Reader<std::io::Take<BufReader<File>>>,
    start: u64,
    first_line: u64,
    record: csv::StringRecord,
}

impl PartRows {
    fn open(path: &Path, delimiter: u8, part: &Part) -> Result<Self, Error> {
        let mut f = File::open(path).map_err(|e| err(path, e))?;
        f.seek(SeekFrom::Start(part.start))
            .map_err(|e| err(path, e))?;
        Ok(PartRows {
            rdr: reader(delimiter, BufReader::new(f).take(part.end - part.start)),
            start: part.start,
            first_line: part.first_line,
            record: csv::StringRecord::new(),
        })
    }

    /// The next row and its line.
    fn next(&mut self) -> Option<(u64, Vec<String>)> {
        match self.rdr.read_record(&mut self.record) {
            Ok(true) => {
                let line = self.record.position().map_or(1, |p| p.line());
                Some((
                    self.first_line + line - 1,
                    self.record.iter().map(str::to_owned).collect(),
                ))
            }
            _ => None,
        }
    }
}

fn err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::Request,
        format!("cannot read {}: {e}", path.display()),
    )
}

/// The line of the next row equal to `cells`.
fn find(rows: &mut PartRows, cells: &[String]) -> Option<u64> {
    while let Some((l, row)) = rows.next() {
        if row == cells {
            return Some(l);
        }
    }
    None
}

/// Map the rows of an issues file (`bytes`: header, then rows with the reason last) to lines of `part`.
pub(crate) fn map_issues(
    path: &Path,
    delimiter: u8,
    part: &Part,
    bytes: &[u8],
) -> Result<Vec<RowIssue>, Error> {
    let mut issues = Vec::new();
    let mut file_rows = reader(delimiter, bytes);
    let mut rows = PartRows::open(path, delimiter, part)?;
    let mut skipped_header = false;
    for rec in file_rows.records() {
        let rec = rec.map_err(|e| {
            Error::new(
                ErrorKind::Protocol,
                format!("unreadable import issues file: {e}"),
            )
        })?;
        if !skipped_header {
            skipped_header = true;
            continue;
        }
        let mut cells: Vec<String> = rec.iter().map(str::to_owned).collect();
        let reason = cells.pop().unwrap_or_default();
        // Marketo lists issues mostly in input order (not always: rows it cannot parse come before the rows
        // of the batch they sit in), so search forward from the last match, then wrap around to the part's
        // start. Not found: no line, and the search goes on from where it was.
        let saved = rows.rdr.position().clone();
        let (saved_start, saved_line) = (
            rows.start + saved.byte(),
            rows.first_line + saved.line() - 1,
        );
        let mut line = find(&mut rows, &cells);
        if line.is_none() {
            rows = PartRows::open(path, delimiter, part)?;
            line = find(&mut rows, &cells);
        }
        if line.is_none() {
            let resume = Part {
                start: saved_start,
                end: part.end,
                first_line: saved_line,
                rows: 0,
            };
            rows = PartRows::open(path, delimiter, &resume)?;
        }
        issues.push(RowIssue {
            line,
            cells,
            reason,
        });
    }
    Ok(issues)
}

/// Every row of `part`, each with `reason` (an import that failed as a whole).
pub(crate) fn all_rows(
    path: &Path,
    delimiter: u8,
    part: &Part,
    reason: &str,
) -> Result<Vec<RowIssue>, Error> {
    let mut rows = PartRows::open(path, delimiter, part)?;
    let mut out = Vec::new();
    while let Some((line, cells)) = rows.next() {
        out.push(RowIssue {
            line: Some(line),
            cells,
            reason: reason.to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn issues_map_to_original_lines() {
        let text = "email,n\na@x.io,1\nb@x.io,\"2\nmore\"\nc@x.io,3\nd@x.io,4\n";
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(text.as_bytes()).unwrap();
        let start = "email,n\n".len() as u64;
        let part = Part {
            start,
            end: text.len() as u64,
            first_line: 2,
            rows: 4,
        };
        let issues = "email,n,Import Failure Reason\nc@x.io,3,early\nb@x.io,\"2\nmore\",bad\nzz@x.io,9,ghost\nd@x.io,4,worse\n";
        let got = map_issues(f.path(), b',', &part, issues.as_bytes()).unwrap();
        let lines: Vec<_> = got.iter().map(|i| i.line).collect();
        assert_eq!(lines, [Some(5), Some(3), None, Some(6)]);
        assert_eq!(got[3].reason, "worse");
        assert_eq!(got[1].cells, ["b@x.io", "2\nmore"]);
        let all = all_rows(f.path(), b',', &part, "failed").unwrap();
        assert_eq!(
            all.iter().map(|i| i.line.unwrap()).collect::<Vec<_>>(),
            [2, 3, 5, 6]
        );
    }
}
