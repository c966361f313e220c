//! The checkpoint of a sync: which input lines are done (answered by Marketo or rejected locally), the counts
//! so far, how long the rejects file was, and the batches whose fate is not known yet, written atomically
//! before every batch is sent and after every batch is answered. An interrupted run (Ctrl-C, a kill, a 607
//! that ends the day, a batch that failed after its retries) continues from it with `--resume` without losing
//! or doubling a record.
//!
//! A batch is written down as [`Unsettled`] before it is sent, with the lookup values of its records, the
//! server's time before it was sent and the highest lead id this run had created by then (a write-ahead
//! record, [`Since`]). If the process dies before the answer comes, or the call fails in a way that leaves
//! open whether Marketo applied it (a timeout, a 502, an answer that could not be read), the record stays;
//! `--resume` looks the values up and tells what the batch did before it sends anything again (see
//! `sync::reconcile`). Nothing is looked up while a run goes well.

use crate::summary::Counts;
use anyhow::{bail, Context};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Sorted, disjoint, inclusive ranges of line numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSet(Vec<(u64, u64)>);

impl LineSet {
    /// Whether `line` is in the set.
    pub fn contains(&self, line: u64) -> bool {
        let i = self.0.partition_point(|&(_, end)| end < line);
        self.0.get(i).is_some_and(|&(start, _)| start <= line)
    }

    /// Add a line.
    pub fn insert(&mut self, line: u64) {
        let i = self
            .0
            .partition_point(|&(_, end)| end.saturating_add(1) < line);
        match self.0.get_mut(i) {
            Some((start, end)) if *start <= line.saturating_add(1) => {
                *start = (*start).min(line);
                *end = (*end).max(line);
                // Merge with the next range if they now touch.
                if let Some(&(ns, ne)) = self.0.get(i + 1) {
                    if ns <= self.0[i].1.saturating_add(1) {
                        self.0[i].1 = self.0[i].1.max(ne);
                        self.0.remove(i + 1);
                    }
                }
            }
            _ => self.0.insert(i, (line, line)),
        }
    }

    /// How many lines.
    pub fn len(&self) -> u64 {
        self.0.iter().map(|(s, e)| e - s + 1).sum()
    }

    /// The ranges (for tests and diagnostics).
    #[cfg(test)]
    pub fn ranges(&self) -> &[(u64, u64)] {
        &self.0
    }
}

/// What a sync run must agree on to resume another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunKey {
    /// The input path as given.
    pub input: String,
    /// The sync action.
    pub action: String,
    /// The lookup field.
    pub lookup_field: String,
    /// The partition, if any.
    pub partition: Option<String>,
}

/// A batch sent (or about to be sent) whose outcome is not known: the write-ahead record of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsettled {
    /// The order batches were sent in.
    pub seq: u64,
    /// The input lines of its records, in the batch's order.
    pub lines: Vec<u64>,
    /// Each record's lookup value, as sent (None: the record has none, as `createDuplicate` allows).
    pub values: Vec<Option<String>>,
    /// Format 2 only: the ids of the leads each lookup value (normalized, see `sync::lookup::normalize`) had
    /// before the batch was sent. Format 3 writes `since` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<BTreeMap<String, Vec<i64>>>,
    /// For the actions whose replay is not harmless (all but `updateOnly`): what tells a lead this batch
    /// created from one that was there before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Since>,
    /// Why it is unsettled, once a call failed (for messages).
    pub why: Option<String>,
}

/// What a write-ahead record keeps to tell, on resume, the leads its batch created: a lead with one of the
/// batch's lookup values was created by it when it was created at or after `at` (a server time before the
/// batch was sent, in whole seconds as Marketo's `createdAt`) and its id is above `after_id` (the highest id
/// this run had seen created by then: lead ids grow, so this leaves out the run's own earlier leads created in
/// the same second).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Since {
    /// The server's time before the batch was sent, cut to the second.
    pub at: DateTime<Utc>,
    /// The highest lead id this run had created before the batch was sent.
    pub after_id: i64,
}

/// The checkpoint file's content.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Format version.
    pub version: u32,
    /// The run this belongs to.
    pub key: RunKey,
    /// Lines done.
    pub done: LineSet,
    /// Counts so far.
    pub counts: Counts,
    /// Length of the rejects file when this was written.
    pub rejects_bytes: u64,
    /// Batches whose outcome is not known yet.
    #[serde(default)]
    pub unsettled: Vec<Unsettled>,
    /// Lines a resume could not settle (a `createDuplicate` record with no lookup value was in flight): they
    /// go to the rejects file with the reason when the run reads them, and are not sent again.
    #[serde(default)]
    pub undecided: BTreeMap<u64, String>,
    /// The next batch's `seq`.
    #[serde(default)]
    pub next_seq: u64,
    /// The highest lead id this run was answered `created` with.
    #[serde(default)]
    pub max_created_id: i64,
}

/// The format version this build writes; versions 1 (no write-ahead records) and 2 (write-ahead records with
/// a before-image) are read too.
const VERSION: u32 = 3;

impl Checkpoint {
    /// A fresh checkpoint.
    pub fn new(key: RunKey) -> Self {
        Checkpoint {
            version: VERSION,
            key,
            done: LineSet::default(),
            counts: Counts::default(),
            rejects_bytes: 0,
            unsettled: Vec::new(),
            undecided: BTreeMap::new(),
            next_seq: 0,
            max_created_id: 0,
        }
    }

    /// Lines of unsettled batches.
    pub fn unsettled_lines(&self) -> u64 {
        self.unsettled.iter().map(|u| u.lines.len() as u64).sum()
    }

    /// Load one, checking it belongs to this run.
    pub fn load(path: &Path, key: &RunKey) -> anyhow::Result<Checkpoint> {
        let text = fs::read_to_string(path)
            .with_context(|| format!("cannot read the state file {}", path.display()))?;
        let mut cp: Checkpoint = serde_json::from_str(&text).with_context(|| {
            format!(
                "the state file {} is not a mkto sync checkpoint",
                path.display()
            )
        })?;
        if cp.version > VERSION {
            bail!(
                "the state file {} was written by a newer mkto (format {}): resume with that version",
                path.display(),
                cp.version
            );
        }
        cp.version = VERSION;
        if cp.key != *key {
            bail!(
                "the state file {} belongs to another run ({} with action {}, lookup field {}): \
                 resume with the same file and options, or use another --state",
                path.display(),
                cp.key.input,
                cp.key.action,
                cp.key.lookup_field
            );
        }
        Ok(cp)
    }

    /// Write atomically: a temporary file beside it, synced, then renamed over.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        let tmp = tmp_path(path);
        let mut f = fs::File::create(&tmp)
            .with_context(|| format!("cannot write the state file {}", tmp.display()))?;
        serde_json::to_writer(&mut f, self)?;
        f.write_all(b"\n")?;
        f.sync_data()?;
        fs::rename(&tmp, path)
            .with_context(|| format!("cannot write the state file {}", path.display()))?;
        Ok(())
    }
}

fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".tmp");
    path.with_file_name(name)
}

/// The default state path beside the input: `leads.csv` -> `leads.state.json`.
pub fn default_path(input: &str) -> PathBuf {
    if input == "-" {
        return PathBuf::from("stdin.state.json");
    }
    let p = Path::new(input);
    let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("input");
    p.with_file_name(format!("{stem}.state.json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn line_set_merges() {
        let mut s = LineSet::default();
        for l in [5, 7, 6, 1, 2, 10] {
            s.insert(l);
        }
        assert_eq!(s.ranges(), &[(1, 2), (5, 7), (10, 10)]);
        assert!(s.contains(6) && !s.contains(3) && !s.contains(11));
        assert_eq!(s.len(), 6);
    }

    proptest! {
        #[test]
        fn line_set_is_a_set(lines in proptest::collection::vec(1u64..200, 0..300)) {
            let mut s = LineSet::default();
            let mut model = std::collections::BTreeSet::new();
            for l in lines {
                s.insert(l);
                model.insert(l);
            }
            prop_assert_eq!(s.len(), model.len() as u64);
            for l in 0..202 {
                prop_assert_eq!(s.contains(l), model.contains(&l));
            }
            for w in s.ranges().windows(2) {
                prop_assert!(w[0].1 + 1 < w[1].0, "ranges touch: {:?}", w);
            }
        }
    }

    #[test]
    fn save_load_and_key_mismatch() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let key = RunKey {
            input: "a.csv".into(),
            action: "createOrUpdate".into(),
            lookup_field: "email".into(),
            partition: None,
        };
        let mut cp = Checkpoint::new(key.clone());
        cp.done.insert(2);
        cp.save(&path).unwrap();
        assert!(Checkpoint::load(&path, &key).unwrap().done.contains(2));
        let other = RunKey {
            action: "createOnly".into(),
            ..key
        };
        let e = Checkpoint::load(&path, &other).unwrap_err();
        assert!(e.to_string().contains("belongs to another run"));
    }
}
