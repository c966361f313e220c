//! Reading lead files: CSV with a header row, or JSON Lines; a path or `-` for stdin.
//!
//! Every line becomes exactly one [`Row`]: a record to send, or a bad row with the reason it cannot be sent.
//! Nothing is dropped; line numbers are kept so rejects and summaries can point at the source.

mod csv_rows;
mod jsonl_rows;
pub mod lines;

use anyhow::{bail, Context};
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

pub use csv_rows::CsvRows;
pub use jsonl_rows::JsonlRows;

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl InputFormat {
    /// The format a file name implies: `.csv` or `.jsonl`/`.ndjson`/`.json`.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".csv") {
            Some(InputFormat::Csv)
        } else if [".jsonl", ".ndjson", ".json"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            Some(InputFormat::Jsonl)
        } else {
            None
        }
    }

    /// Resolve the format: the flag if given, else from the name; stdin needs the flag unless it is CSV.
    pub fn resolve(flag: Option<InputFormat>, path: &str) -> anyhow::Result<InputFormat> {
        if let Some(f) = flag {
            return Ok(f);
        }
        if path == "-" {
            return Ok(InputFormat::Csv);
        }
        match InputFormat::from_path(path) {
            Some(f) => Ok(f),
            None => bail!(
                "cannot tell the format of {path}: name it .csv or .jsonl, or pass --input-format csv|jsonl"
            ),
        }
    }
}

/// One input line, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A record to send: field name to value, in the file's column order.
    Record {
        /// 1-based line number in the file (the header is line 1 for CSV).
        line: u64,
        /// The fields; empty CSV cells are left out (an empty cell does not clear a field in Marketo).
        fields: Map<String, Value>,
    },
    /// A line that cannot be sent.
    Bad {
        /// 1-based line number.
        line: u64,
        /// What is wrong with it.
        reason: String,
        /// The original bytes, as far as they could be read: a CSV row's cells, or a JSON line's text.
        original: Vec<Vec<u8>>,
    },
}

impl Row {
    /// The line number.
    pub fn line(&self) -> u64 {
        match self {
            Row::Record { line, .. } | Row::Bad { line, .. } => *line,
        }
    }
}

/// Check that `path` names a file that can be read, failing with a message that says what is wrong.
pub fn check_input(path: &Path) -> anyhow::Result<()> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            bail!("cannot read {}: no such file", path.display())
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
        Ok(m) if m.is_dir() => bail!(
            "cannot read {}: it is a directory; give the path of a file",
            path.display()
        ),
        Ok(_) => Ok(()),
    }
}

/// A source of rows: CSV or JSON Lines.
pub enum Rows {
    /// CSV.
    Csv(CsvRows<Box<dyn Read>>),
    /// JSON Lines.
    Jsonl(JsonlRows<Box<dyn Read>>),
}

impl Rows {
    /// Open `path` (or `-` for stdin). A file that cannot be opened fails at once with its name in the message.
    pub fn open(path: &str, format: InputFormat) -> anyhow::Result<Rows> {
        let reader: Box<dyn Read> = if path == "-" {
            Box::new(io::stdin())
        } else {
            check_input(Path::new(path))?;
            let f = File::open(Path::new(path)).with_context(|| format!("cannot read {path}"))?;
            Box::new(BufReader::with_capacity(1 << 16, f))
        };
        Ok(match format {
            InputFormat::Csv => {
                Rows::Csv(CsvRows::new(reader).with_context(|| format!("cannot read {path}"))?)
            }
            InputFormat::Jsonl => Rows::Jsonl(JsonlRows::new(reader)),
        })
    }

    /// The CSV header, when there is one (rejects files reuse it).
    pub fn header(&self) -> Option<&[String]> {
        match self {
            Rows::Csv(c) => Some(c.header()),
            Rows::Jsonl(_) => None,
        }
    }

    /// Whether this is a CSV rejects file of an earlier run (read without its `line,code,reason` columns).
    pub fn is_rejects_file(&self) -> bool {
        match self {
            Rows::Csv(c) => c.is_rejects_file(),
            Rows::Jsonl(_) => false,
        }
    }
}

impl Iterator for Rows {
    type Item = io::Result<Row>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Rows::Csv(c) => c.next(),
            Rows::Jsonl(j) => j.next(),
        }
    }
}

/// Rows in a file (for the progress bar's total): its physical lines, less the header of a CSV; None for stdin.
pub fn count_rows(path: &str, format: InputFormat) -> Option<u64> {
    if path == "-" {
        return None;
    }
    let n = lines::count_lines(std::fs::File::open(path).ok()?).ok()?;
    Some(if format == InputFormat::Csv {
        n.saturating_sub(1)
    } else {
        n
    })
}

#[cfg(test)]
mod tests;
