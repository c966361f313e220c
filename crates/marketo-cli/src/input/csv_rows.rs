//! CSV rows with a header; bad rows (wrong field count, invalid UTF-8, unreadable) become [`Row::Bad`] with
//! their cells' bytes as read.
//!
//! A rejects file of an earlier run (`line,code,reason,` then the input's columns) is read as its input: its
//! own three leading columns are left out, so it can be fixed and sent again as it is.

use super::lines::LineBreaks;
use super::Row;
use crate::rejects::REJECT_COLUMNS;
use serde_json::{Map, Value};
use std::io::{self, Read};

/// Rows of a CSV file with a header row. A row's line is the physical line it starts on, whatever the line
/// endings (see [`super::lines`]).
pub struct CsvRows<R: Read> {
    reader: csv::Reader<LineBreaks<R>>,
    header: Vec<String>,
    /// Leading cells to leave out of every row (a rejects file's `line,code,reason`).
    skip: usize,
    record: csv::ByteRecord,
    done: bool,
}

impl<R: Read> CsvRows<R> {
    /// Read the header. A header that is not valid UTF-8, has an empty or repeated column name, fails.
    pub fn new(inner: R) -> io::Result<Self> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(LineBreaks::new(inner));
        let raw = reader.byte_headers().map_err(to_io)?.clone();
        let mut header = Vec::with_capacity(raw.len());
        for (i, cell) in raw.iter().enumerate() {
            let name = std::str::from_utf8(cell)
                .map_err(|_| {
                    invalid(format!(
                        "line 1: column {} of the header is not valid UTF-8",
                        i + 1
                    ))
                })?
                .trim()
                .trim_start_matches('\u{feff}')
                .to_owned();
            if name.is_empty() {
                return Err(invalid(format!(
                    "line 1: column {} of the header has no name",
                    i + 1
                )));
            }
            if header.contains(&name) {
                return Err(invalid(format!(
                    "line 1: column {name:?} appears twice in the header"
                )));
            }
            header.push(name);
        }
        let skip = if header.len() > REJECT_COLUMNS.len()
            && header.iter().zip(REJECT_COLUMNS).all(|(h, r)| h == r)
        {
            header.drain(..REJECT_COLUMNS.len());
            REJECT_COLUMNS.len()
        } else {
            0
        };
        if header.is_empty() {
            return Err(invalid(
                "the file is empty: a CSV needs a header row".into(),
            ));
        }
        Ok(CsvRows {
            reader,
            header,
            skip,
            record: csv::ByteRecord::new(),
            done: false,
        })
    }

    /// The column names (of a rejects file: without `line,code,reason`).
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Whether the file is a rejects file of an earlier run.
    pub fn is_rejects_file(&self) -> bool {
        self.skip > 0
    }

    /// The physical line a record or error at `position` starts on.
    fn line_of(&mut self, position: Option<&csv::Position>) -> u64 {
        let byte = position.map_or(0, csv::Position::byte);
        self.reader.get_mut().line_at(byte)
    }

    fn row(&mut self) -> Row {
        let position = self.record.position().cloned();
        let line = self.line_of(position.as_ref());
        let cells: Vec<&[u8]> = self.record.iter().skip(self.skip).collect();
        let original = || cells.iter().map(|c| c.to_vec()).collect::<Vec<_>>();
        if cells.len() != self.header.len() {
            return Row::Bad {
                line,
                reason: format!(
                    "row has {} fields, the header has {}",
                    cells.len(),
                    self.header.len()
                ),
                original: original(),
            };
        }
        let mut fields = Map::with_capacity(self.header.len());
        for (name, cell) in self.header.iter().zip(&cells) {
            let Ok(text) = std::str::from_utf8(cell) else {
                return Row::Bad {
                    line,
                    reason: format!("field {name:?} is not valid UTF-8"),
                    original: original(),
                };
            };
            if !text.is_empty() {
                fields.insert(name.clone(), Value::String(text.to_owned()));
            }
        }
        Row::Record { line, fields }
    }
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = io::Result<Row>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                // A blank line is not a record.
                Ok(true) if self.record.len() == 1 && self.record[0].is_empty() => continue,
                Ok(true) => return Some(Ok(self.row())),
                Err(e) => {
                    if let csv::ErrorKind::Io(_) = e.kind() {
                        self.done = true;
                        return Some(Err(to_io(e)));
                    }
                    // A malformed row: report it and go on with the next.
                    let line = self.line_of(e.position());
                    return Some(Ok(Row::Bad {
                        line,
                        reason: format!("unreadable CSV row: {e}"),
                        original: Vec::new(),
                    }));
                }
            }
        }
    }
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

fn to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => invalid(format!("{other:?}")),
    }
}
