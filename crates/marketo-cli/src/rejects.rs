//! The rejects file: every record that was skipped by Marketo or could not be sent, with its original line
//! number, its original fields, and the reason (code and message).
//!
//! CSV inputs get a CSV rejects file (`line,code,reason,` then the input's columns); JSON Lines inputs get JSON
//! Lines (`{"line":..,"code":..,"reason":..,"record":{..}}`). The original values are written back byte for
//! byte: a cell that is not UTF-8 (a Latin-1 `é`) stays as it was in a CSV rejects file; a JSON line that is not
//! UTF-8 is kept as `"original_base64"`. On resume the file is cut back to the length the checkpoint recorded
//! and appended to, so no line is written twice. A rejects file can be given back to `mkto leads sync` as input.

use anyhow::Context;
use serde_json::{json, Map, Value};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The columns a CSV rejects file puts before the input's own.
pub const REJECT_COLUMNS: [&str; 3] = ["line", "code", "reason"];

/// What was rejected.
#[derive(Debug, Clone)]
pub enum Original {
    /// The parsed fields of a record.
    Fields(Map<String, Value>),
    /// The bytes of a line that could not be parsed: a CSV row's cells, or a JSON line's text.
    Raw(Vec<Vec<u8>>),
}

/// The rejects file.
pub struct Rejects {
    out: BufWriter<File>,
    header: Option<Vec<String>>,
    written: u64,
}

impl Rejects {
    /// Open for writing. `header` is the input's CSV header (None for JSON Lines). `resume_at` cuts an existing
    /// file back to that many bytes and appends; None starts a new file.
    pub fn open(
        path: &Path,
        header: Option<&[String]>,
        resume_at: Option<u64>,
    ) -> anyhow::Result<Rejects> {
        let file = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(path)
            .with_context(|| format!("cannot write the rejects file {}", path.display()))?;
        let keep = resume_at.unwrap_or(0);
        file.set_len(keep)
            .with_context(|| format!("cannot write the rejects file {}", path.display()))?;
        let mut out = BufWriter::new(file);
        out.seek(SeekFrom::Start(keep))?;
        let mut r = Rejects {
            out,
            header: header.map(<[String]>::to_vec),
            written: 0,
        };
        if keep == 0 {
            if let Some(h) = r.header.clone() {
                let mut cells: Vec<&[u8]> = REJECT_COLUMNS.iter().map(|c| c.as_bytes()).collect();
                cells.extend(h.iter().map(String::as_bytes));
                r.write_csv(&cells)?;
            }
        }
        Ok(r)
    }

    /// Records written by this run.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Write one reject. `code` is Marketo's code (`1003`) or `input` for a line that could not be read.
    pub fn write(
        &mut self,
        line: u64,
        code: &str,
        reason: &str,
        original: &Original,
    ) -> anyhow::Result<()> {
        match &self.header {
            Some(h) => {
                let line = line.to_string();
                let mut cells: Vec<&[u8]> =
                    vec![line.as_bytes(), code.as_bytes(), reason.as_bytes()];
                let values: Vec<Vec<u8>> = match original {
                    Original::Fields(f) => h
                        .iter()
                        .map(|name| match f.get(name) {
                            Some(Value::String(s)) => s.clone().into_bytes(),
                            Some(Value::Null) | None => Vec::new(),
                            Some(v) => v.to_string().into_bytes(),
                        })
                        .collect(),
                    Original::Raw(raw) => raw.clone(),
                };
                cells.extend(values.iter().map(Vec::as_slice));
                self.write_csv(&cells)?;
            }
            None => {
                let mut obj = json!({ "line": line, "code": code, "reason": reason });
                if let Some(o) = obj.as_object_mut() {
                    match original {
                        Original::Fields(f) => {
                            o.insert("record".into(), Value::Object(f.clone()));
                        }
                        Original::Raw(raw) => {
                            let bytes = raw.join(&b"\n"[..]);
                            match String::from_utf8(bytes) {
                                Ok(text) => o.insert("original".into(), Value::String(text)),
                                Err(e) => o.insert(
                                    "original_base64".into(),
                                    Value::String(data_encoding::BASE64.encode(e.as_bytes())),
                                ),
                            };
                        }
                    }
                }
                serde_json::to_writer(&mut self.out, &obj)?;
                self.out.write_all(b"\n")?;
            }
        }
        self.written += 1;
        Ok(())
    }

    fn write_csv(&mut self, cells: &[&[u8]]) -> anyhow::Result<()> {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(cells)?;
        let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
        self.out.write_all(&bytes)?;
        Ok(())
    }

    /// Flush to disk and return the file's length: the offset a checkpoint records.
    pub fn sync(&mut self) -> anyhow::Result<u64> {
        self.out.flush()?;
        self.out.get_ref().sync_data()?;
        Ok(self.out.get_ref().metadata()?.len())
    }
}

/// The default rejects path beside the input: `leads.csv` -> `leads.rejects.csv`; stdin -> `stdin.rejects.csv`.
pub fn default_path(input: &str, jsonl: bool) -> PathBuf {
    let ext = if jsonl { "jsonl" } else { "csv" };
    if input == "-" {
        return PathBuf::from(format!("stdin.rejects.{ext}"));
    }
    let p = Path::new(input);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("input");
    p.with_file_name(format!("{stem}.rejects.{ext}"))
}

/// The failed-calls file beside a rejects file: `leads.rejects.csv` -> `leads.failed-calls.jsonl`. It holds the
/// request and response (redacted) of every call of the run that ended in an unexpected error.
pub fn failed_calls_path(rejects: &Path) -> PathBuf {
    let name = rejects
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("mkto");
    let stem = match name.find(".rejects.") {
        Some(i) => &name[..i],
        None => name.rsplit_once('.').map_or(name, |(s, _)| s),
    };
    rejects.with_file_name(format!("{stem}.failed-calls.jsonl"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rejects_keep_columns_and_resume_cuts_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        let header = vec!["email".to_owned(), "firstName".to_owned()];
        let mut r = Rejects::open(&path, Some(&header), None).unwrap();
        let mut f = Map::new();
        f.insert("email".into(), "a@x".into());
        r.write(
            2,
            "1003",
            "Invalid value for field 'email'",
            &Original::Fields(f),
        )
        .unwrap();
        let at = r.sync().unwrap();
        r.write(
            3,
            "input",
            "row has 3 fields, the header has 2",
            &Original::Raw(vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]),
        )
        .unwrap();
        r.sync().unwrap();
        drop(r);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "line,code,reason,email,firstName\n2,1003,Invalid value for field 'email',a@x,\n3,input,\"row has 3 fields, the header has 2\",a,b,c\n"
        );
        // Resume at the first checkpoint: line 3 is gone and gets written again once.
        let mut r = Rejects::open(&path, Some(&header), Some(at)).unwrap();
        r.write(3, "input", "x", &Original::Raw(vec![])).unwrap();
        r.sync().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 3);
        assert!(text.ends_with("3,input,x\n"));
    }

    #[test]
    fn rejects_write_the_original_bytes_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.csv");
        let header = vec!["email".to_owned(), "firstName".to_owned()];
        let mut r = Rejects::open(&path, Some(&header), None).unwrap();
        let raw = vec![b"g@x.com".to_vec(), b"G\xe9rard".to_vec()];
        r.write(3, "input", "not UTF-8", &Original::Raw(raw))
            .unwrap();
        r.sync().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            bytes.ends_with(b"3,input,not UTF-8,g@x.com,G\xe9rard\n"),
            "{bytes:?}"
        );

        let path = dir.path().join("r.jsonl");
        let mut r = Rejects::open(&path, None, None).unwrap();
        let raw = vec![b"{\"firstName\":\"G\xe9rard\"}".to_vec()];
        r.write(1, "input", "not UTF-8", &Original::Raw(raw))
            .unwrap();
        r.sync().unwrap();
        let v: Value =
            serde_json::from_str(std::fs::read_to_string(&path).unwrap().trim()).unwrap();
        let b64 = v["original_base64"].as_str().unwrap();
        assert_eq!(
            data_encoding::BASE64.decode(b64.as_bytes()).unwrap(),
            b"{\"firstName\":\"G\xe9rard\"}"
        );
    }

    #[test]
    fn jsonl_rejects() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.jsonl");
        let mut r = Rejects::open(&path, None, None).unwrap();
        r.write(
            4,
            "input",
            "invalid JSON",
            &Original::Raw(vec![b"{oops".to_vec()]),
        )
        .unwrap();
        r.sync().unwrap();
        let v: Value =
            serde_json::from_str(std::fs::read_to_string(&path).unwrap().trim()).unwrap();
        assert_eq!(v["line"], 4);
        assert_eq!(v["original"], "{oops");
    }

    #[test]
    fn default_paths() {
        assert_eq!(
            default_path("data/leads.csv", false),
            PathBuf::from("data/leads.rejects.csv")
        );
        assert_eq!(
            default_path("x.jsonl", true),
            PathBuf::from("x.rejects.jsonl")
        );
        assert_eq!(default_path("-", false), PathBuf::from("stdin.rejects.csv"));
        assert_eq!(
            failed_calls_path(Path::new("data/leads.rejects.csv")),
            PathBuf::from("data/leads.failed-calls.jsonl")
        );
        assert_eq!(
            failed_calls_path(Path::new("out/bad.csv")),
            PathBuf::from("out/bad.failed-calls.jsonl")
        );
    }
}
