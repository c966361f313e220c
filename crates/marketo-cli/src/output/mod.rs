//! Everything `mkto` prints for people and pipes goes through here, so every command offers the same
//! `--format` set: `table` (space-aligned columns, for people), `json` (one document), `jsonl` (one JSON
//! object a line) and `csv` (a header row, then one row a record). Records are printed with
//! [`RecordWriter`], a command's end-of-run summary with [`summary`]. Writing to a closed pipe
//! (`mkto ... | head`) is success, not an error.

mod table;

use serde_json::{Map, Value};
use std::io::{self, Write};

pub use table::align;

/// The version of the JSON summaries' shape, printed in each as `schema_version`: a change that removes or
/// renames a key raises it; added keys do not.
pub const SCHEMA_VERSION: u64 = 1;

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Space-aligned columns with a header row, for people.
    Table,
    /// One JSON document: an array of records, or the summary object.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
}

fn ok_on_broken_pipe(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Whether an error is a closed stdout pipe (success for `mkto ... | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Write text to stdout.
pub fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    ok_on_broken_pipe(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// A value as a cell of a table or a CSV file: text as it is, nothing for null, JSON for the rest.
pub fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Print a summary object: `table` prints `people` (the command's own layout), `json` the object pretty,
/// `jsonl` on one line, `csv` its keys as a header and its values as one row. `schema_version` is added.
pub fn summary(format: Format, object: &Value, people: &str) -> io::Result<()> {
    let mut object = object.clone();
    if let Value::Object(map) = &mut object {
        map.insert("schema_version".into(), SCHEMA_VERSION.into());
    }
    match format {
        Format::Table => write_stdout(people),
        Format::Json => write_stdout(&(pretty(&object) + "\n")),
        Format::Jsonl => write_stdout(&(object.to_string() + "\n")),
        Format::Csv => {
            let map = object.as_object().cloned().unwrap_or_default();
            let columns: Vec<String> = map.keys().cloned().collect();
            let mut w = RecordWriter::new(Format::Csv, columns);
            w.record(&map)?;
            w.finish()
        }
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// Writes records to stdout in a format: csv and jsonl as they come, json as one array, table once all are
/// in (its columns are as wide as their widest cell).
pub struct RecordWriter {
    format: Format,
    columns: Vec<String>,
    out: io::BufWriter<io::Stdout>,
    rows: Vec<Vec<String>>,
    count: u64,
}

impl RecordWriter {
    /// A writer of records with these columns (the keys of table and CSV output; JSON keeps every key).
    pub fn new(format: Format, columns: Vec<String>) -> RecordWriter {
        RecordWriter {
            format,
            columns,
            out: io::BufWriter::new(io::stdout()),
            rows: Vec::new(),
            count: 0,
        }
    }

    fn csv_line(cells: &[String]) -> io::Result<Vec<u8>> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(cells)?;
        w.into_inner().map_err(|e| io::Error::other(e.to_string()))
    }

    /// Write one record.
    pub fn record(&mut self, record: &Map<String, Value>) -> io::Result<()> {
        let cells =
            || -> Vec<String> { self.columns.iter().map(|c| cell(record.get(c))).collect() };
        let first = self.count == 0;
        self.count += 1;
        let r = match self.format {
            Format::Table => {
                self.rows.push(cells());
                Ok(())
            }
            Format::Csv => {
                let mut bytes = if first {
                    Self::csv_line(&self.columns)?
                } else {
                    Vec::new()
                };
                bytes.extend(Self::csv_line(&cells())?);
                self.out.write_all(&bytes)
            }
            Format::Jsonl => {
                let line = Value::Object(record.clone()).to_string() + "\n";
                self.out.write_all(line.as_bytes())
            }
            Format::Json => {
                let item = pretty(&Value::Object(record.clone()));
                let item = item.replace('\n', "\n  ");
                let lead = if first { "[\n  " } else { ",\n  " };
                self.out.write_all(format!("{lead}{item}").as_bytes())
            }
        };
        ok_on_broken_pipe(r)
    }

    /// Records written so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Write what is held back (a table, the end of a JSON array, a CSV header with no rows) and flush.
    pub fn finish(mut self) -> io::Result<()> {
        let r = (|| {
            match self.format {
                Format::Table if !self.rows.is_empty() => {
                    let text = align(&self.columns, &self.rows);
                    self.out.write_all(text.as_bytes())?;
                }
                Format::Json if self.count == 0 => self.out.write_all(b"[]\n")?,
                Format::Json => self.out.write_all(b"\n]\n")?,
                Format::Csv if self.count == 0 => {
                    let header = Self::csv_line(&self.columns)?;
                    self.out.write_all(&header)?;
                }
                _ => {}
            }
            self.out.flush()
        })();
        ok_on_broken_pipe(r)
    }
}

/// Serializable values (the API's records) as JSON objects, for [`records`].
pub fn to_rows<T: serde::Serialize>(items: &[T]) -> Vec<Map<String, Value>> {
    items
        .iter()
        .filter_map(|i| serde_json::to_value(i).ok())
        .map(|v| match v {
            Value::Object(m) => m,
            other => Map::from_iter([("value".to_owned(), other)]),
        })
        .collect()
}

/// Print records in a format, all at once.
pub fn records(format: Format, columns: &[&str], rows: &[Map<String, Value>]) -> io::Result<()> {
    let mut w = RecordWriter::new(format, columns.iter().map(|c| (*c).to_owned()).collect());
    for row in rows {
        w.record(row)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        assert_eq!(cell(None), "");
        assert_eq!(cell(Some(&Value::Null)), "");
        assert_eq!(cell(Some(&Value::from("a b"))), "a b");
        assert_eq!(cell(Some(&Value::from(3))), "3");
        assert_eq!(cell(Some(&serde_json::json!([1, 2]))), "[1,2]");
    }
}
